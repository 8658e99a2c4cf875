/**
 * Requests: the log of the operations applied since the store's base (its
 * length is the version), the journal entry each posted, and every request
 * id known (the base's and the log's) in a hash table, for idempotency: a
 * retry returns the first receipt, a conflicting reuse is refused.
 *
 * @module
 * @internal
 */
import { strTable, tableAdd, tableFind, tableReserve, type StrTable } from '../core/internal/strtable.js'
import { grown } from './columns.js'
import { hashOf } from './ids.js'
import type { Receipt } from './model.js'
import type { BankOp } from './ops.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** A request loaded with the store's base: its first operation and its receipt. */
export interface BaseRequest {
  readonly op: BankOp
  readonly receipt: Receipt
}

/**
 * The requests' part of the store.
 *
 * @category model
 */
export interface Requests {
  /**
   * Request ids, as a hash table of (hash, 1 + position) pairs (see ids.ts):
   * position p < `baseRequests.length` is base request p, else log index
   * p − `baseRequests.length`, whose operation holds the id (so no array of
   * a million keys is kept besides the log).
   */
  readonly reqTable: StrTable<RequestKeys>
  /** Request ids known: base requests and logged operations. */
  reqCount: number
  /** The hash of the id `requestOf` looked up last (`addRequest` adds that id next). */
  reqHash: number
  readonly baseRequests: Array<BaseRequest>
  readonly baseKeys: Array<string>
  /** The journal entry each base request posted (-1: none). */
  readonly baseEntry: Array<number>
  /** The operations applied since the base, in order: the version is its length. */
  readonly log: Array<BankOp>
  /** The journal entry each logged operation posted (-1: none). */
  logEntry: Int32Array
  /** Receipts built so far, by log index (a retry returns the very same receipt). */
  readonly receipts: Map<number, Receipt>
}

/** Where the request table reads its ids: the base requests' ids, then the logged operations. */
interface RequestKeys {
  readonly baseKeys: ReadonlyArray<string>
  readonly log: ReadonlyArray<BankOp>
}

const requestKeyAt = (keys: RequestKeys, p: number): string => {
  const nBase = keys.baseKeys.length
  return p < nBase ? (keys.baseKeys[p] as string) : (keys.log[p - nBase] as BankOp).request
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * No requests yet.
 *
 * @category constructors
 */
export const requestColumns = (): Requests => {
  const baseKeys: Array<string> = []
  const log: Array<BankOp> = []
  return {
    reqTable: strTable<RequestKeys>({ baseKeys, log }, requestKeyAt, 32),
    reqCount: 0,
    reqHash: 0,
    baseRequests: [],
    baseKeys,
    baseEntry: [],
    log,
    logEntry: new Int32Array(64),
    receipts: new Map()
  }
}

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/**
 * A request's code: its log index (≥ 0) or −1 − its base request's index;
 * undefined for an id never accepted.
 *
 * @category utilities
 */
export const requestOf = (st: Requests, id: unknown): number | undefined => {
  if (typeof id !== 'string') return undefined
  const h = hashOf(id)
  st.reqHash = h
  const p = tableFind(st.reqTable, id, h)
  if (p < 0) return undefined
  const nBase = st.baseRequests.length
  return p < nBase ? -1 - p : p - nBase
}

/**
 * The request code at a position of the request table (see `requestOf`).
 *
 * @category utilities
 */
export const requestAt = (st: Requests, p: number): number => {
  const nBase = st.baseRequests.length
  return p < nBase ? -1 - p : p - nBase
}

/**
 * The id of the request at a position of the request table.
 *
 * @category utilities
 */
export const requestIdAt = (st: Requests, p: number): string => requestKeyAt(st, p)

/**
 * The first operation of a request (from the log or the base).
 *
 * @category utilities
 */
export const firstOp = (st: Requests, r: number): BankOp => (r >= 0 ? (st.log[r] as BankOp) : (st.baseRequests[-1 - r] as BaseRequest).op)

/**
 * A base request (`r` < 0, see `requestOf`).
 *
 * @category utilities
 */
export const baseRequest = (st: Requests, r: number): BaseRequest => st.baseRequests[-1 - r] as BaseRequest

/**
 * Make room in the request table for `n` more ids (a batch of known length grows it once).
 *
 * @category utilities
 */
export const roomForRequests = (st: Requests, n: number): void => {
  tableReserve(st.reqTable, n)
  st.logEntry = grown(st.logEntry, st.log.length + n, 0)
}

/**
 * Make room for one more logged operation (its entry set to none): its log index.
 *
 * @category utilities
 */
export const reserveLog = (st: Requests): number => {
  const i = st.log.length
  st.logEntry = grown(st.logEntry, i + 1, 0)
  st.logEntry[i] = -1
  return i
}

/**
 * Record an operation as accepted: appended to the log, its id remembered
 * (`hash` is the id's: `requestOf` just looked it up, so `st.reqHash`).
 *
 * @category utilities
 */
export const logOp = (st: Requests, op: BankOp, hash: number): void => {
  st.log.push(op)
  tableAdd(st.reqTable, hash, st.reqCount++)
}

/**
 * Remember a request loaded with the base, with the journal entry it posted (-1: none).
 *
 * @category utilities
 */
export const addBaseRequest = (st: Requests, id: string, r: BaseRequest, entry: number): void => {
  st.baseRequests.push(r)
  st.baseKeys.push(id)
  tableAdd(st.reqTable, hashOf(id), st.reqCount++)
  st.baseEntry.push(entry)
}

/**
 * Record journal entry `j` as the one logged operation `log` posted (-1: an entry loaded with the base).
 *
 * @category utilities
 */
export const setPosted = (st: Requests, log: number, j: number): void => {
  if (log >= 0) st.logEntry[log] = j
}

/**
 * The journal entry logged operation `log` posted (-1: none).
 *
 * @category utilities
 */
export const postedBy = (st: Requests, log: number): number => st.logEntry[log] as number

/**
 * The journal entry a request posted (-1: none or unknown request).
 *
 * @category utilities
 */
export const entryOfRequest = (st: Requests, request: unknown): number => {
  const r = requestOf(st, request)
  if (r === undefined) return -1
  return r >= 0 ? (st.logEntry[r] as number) : (st.baseEntry[-1 - r] ?? -1)
}
