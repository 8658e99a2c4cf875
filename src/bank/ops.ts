/**
 * The bank's operations as data: each carries a request id (the idempotency
 * key: the same id with the same content gives the same receipt, with other
 * content a conflict) and the instant it happens (`at`, the only clock).
 *
 * @module
 */
import type { Instant } from '../core/internal.js'
import type { Entry } from '../ledger/internal.js'
import type { AttrValue } from '../rules/internal.js'
import type { ClaimAction } from './claims.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * One bank operation.
 * - `earn`: credit points (a grant outside the rules, such as a prize);
 * - `post`: post a ledger entry (`earn` or `deduct`; the request id is the entry's id);
 * - `redeem`: spend points at once (refused below the floor);
 * - `reserve`: order `quantity` of a shop item: points held, stock set aside (the order id is the request id);
 * - `confirm`: hand an order over (the held points are redeemed);
 * - `cancel`: cancel an order (points and stock released);
 * - `restock`: add stock to an item;
 * - `expire`: expire the account's points that are due at `at`, oldest first;
 * - `reverse`: post a reversal of an entry (a correction; nothing is edited);
 * - `submit`: submit a claim; `claim`: act on a claim (approve, reject, object, settle).
 *
 * @category model
 * @example
 * const op: BankOp = { _tag: 'redeem', request: 'r-1', at: now, subject: 'm-1', account: 'moral', points: 5 }
 */
export type BankOp =
  | { readonly _tag: 'earn'; readonly request: string; readonly at: Instant; readonly subject: string; readonly account: string; readonly points: number; readonly note?: string }
  | { readonly _tag: 'post'; readonly request: string; readonly at: Instant; readonly entry: Entry }
  | { readonly _tag: 'redeem'; readonly request: string; readonly at: Instant; readonly subject: string; readonly account: string; readonly points: number; readonly note?: string }
  | { readonly _tag: 'reserve'; readonly request: string; readonly at: Instant; readonly subject: string; readonly item: string; readonly quantity: number }
  | { readonly _tag: 'confirm'; readonly request: string; readonly at: Instant; readonly order: string }
  | { readonly _tag: 'cancel'; readonly request: string; readonly at: Instant; readonly order: string }
  | { readonly _tag: 'restock'; readonly request: string; readonly at: Instant; readonly item: string; readonly quantity: number }
  | { readonly _tag: 'expire'; readonly request: string; readonly at: Instant; readonly subject: string; readonly account: string }
  | { readonly _tag: 'reverse'; readonly request: string; readonly at: Instant; readonly subject: string; readonly account: string; readonly entry: string; readonly reason?: string }
  | {
      readonly _tag: 'submit'
      readonly request: string
      readonly at: Instant
      readonly claim: string
      readonly process: string
      readonly member: string
      readonly beneficiary?: string
      readonly attrs?: Readonly<Record<string, AttrValue>>
    }
  | { readonly _tag: 'claim'; readonly request: string; readonly at: Instant; readonly claim: string; readonly action: ClaimAction }

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * The operation that posts a ledger entry into the bank (request id = entry id, instant = entry's).
 *
 * @category constructors
 * @example
 * postEntry(allEntries(book)[0]).request // => 'ev-1#login'
 */
export const postEntry = (entry: Entry): BankOp => ({ _tag: 'post', request: entry.id, at: entry.at, entry })

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

const canon = (v: unknown): string => {
  if (v === null || typeof v !== 'object') return v === undefined ? 'null' : JSON.stringify(v)
  if (Array.isArray(v)) return `[${v.map(canon).join(',')}]`
  const o = v as Record<string, unknown>
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canon(o[k])}`).join(',')}}`
}

/**
 * The canonical content of an operation (keys sorted), used to tell a retry
 * (same content) from a conflicting reuse of a request id.
 *
 * @category utilities
 * @example
 * opFingerprint({ _tag: 'cancel', request: 'r', at: 0 as Instant, order: 'o' }) // => '{"_tag":"cancel","at":0,"order":"o","request":"r"}'
 */
export const opFingerprint = (op: BankOp): string => canon(op)

const sameValue = (a: unknown, b: unknown): boolean => {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b)
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) {
    const bs = b as ReadonlyArray<unknown>
    return a.length === bs.length && a.every((x, i) => sameValue(x, bs[i]))
  }
  const ao = a as Record<string, unknown>
  const bo = b as Record<string, unknown>
  const ka = Object.keys(ao).filter((k) => ao[k] !== undefined)
  const kb = Object.keys(bo).filter((k) => bo[k] !== undefined)
  return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(bo, k) && sameValue(ao[k], bo[k]))
}

/**
 * True when two operations have the same content (key order and keys set to
 * `undefined` do not matter): a retry, not a conflicting reuse of a request id.
 *
 * @category utilities
 * @example
 * sameOp({ _tag: 'cancel', request: 'r', at: 0 as Instant, order: 'o' }, { order: 'o', at: 0 as Instant, request: 'r', _tag: 'cancel' }) // => true
 */
export const sameOp = (a: BankOp, b: BankOp): boolean => sameValue(a, b)
