/**
 * The bank's mutable columnar store, behind the immutable-looking `BankState`
 * (see version.ts): subjects interned to ints, per (subject, account) slot a
 * record of numbers (balance, reserved, its lists of lots and entries), the
 * lots as a pool of number records, the journal and the lots each debit took
 * as number columns, orders as columns, request ids in a hash table, and the
 * log of the operations applied (for idempotency and for replaying a fork).
 *
 * Why columns: a million operations must run in about a second, and an
 * object graph per operation (receipt, entry, lots, per-account copies) made
 * the garbage collector the main cost. Here an operation writes numbers into
 * arrays it owns; receipts, entries and accounts are built when read.
 *
 * Only the store's own code writes it, and only at its head version: a
 * `BankState` of an older version reads a replayed copy instead.
 *
 * @module
 * @internal
 */
import { calendar, civilFromDays, daysFromCivil, daysInMonth, type Calendar, type Instant } from '../core/internal.js'
import type { Entry, EntryKind } from '../ledger/internal.js'
import type { ActivityEvent } from '../rules/internal.js'
import type { Claim, stepClaim } from './claims.js'
import type { CheckedConfig, ShopItem } from './config.js'
import type { BankOp } from './ops.js'
import { strTable, tableAdd, tableFind, tableReserve, type StrTable } from '../core/internal/strtable.js'
import { addIndex, hashOf, indexOf, stringIndex, type StringIndex } from './ids.js'
import type { BankJson, Receipt } from './state.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** An account's policy (floor, expiry). */
export type Policy = CheckedConfig['accounts'][string]

/** Entry kinds as codes (the journal's `kind` column). */
export const KINDS: ReadonlyArray<EntryKind> = ['earn', 'deduct', 'redeem', 'expire', 'reversal']
export const K_EARN = 0
export const K_DEDUCT = 1
export const K_REDEEM = 2
export const K_EXPIRE = 3
export const K_REVERSAL = 4

/** Order statuses as codes. */
export const O_RESERVED = 0
export const O_CONFIRMED = 1
export const O_CANCELLED = 2

/** Numbers per slot, and where each is (heads and tails of lists are indexes, -1 for none; `S_EXISTS` is 1 once written). */
export const SLOT = 8
export const S_BALANCE = 0
export const S_RESERVED = 1
/** Points in the slot's lots (always max(0, balance)). */
export const S_LOTS = 2
export const S_LOT_HEAD = 3
export const S_LOT_TAIL = 4
export const S_J_HEAD = 5
export const S_J_TAIL = 6
export const S_EXISTS = 7

/** Numbers per lot: the next lot of its slot (-1: none), its instant, expiry (`NEVER`: none), points, and the journal entry whose id it carries. */
export const LOT = 5
export const L_NEXT = 0
export const L_AT = 1
export const L_EXP = 2
export const L_PTS = 3
export const L_ENTRY = 4

/** A lot that never expires has `expires` Infinity in the columns (`null` when read). */
export const NEVER = Infinity

/**
 * The store. Slot `s` is subject `s / nAcc` (interned) in account `s % nAcc`
 * (configuration order). Journal entry `j`, lot node `n`, taken record `t`
 * and order `o` are indexes into their columns. Lists per slot (lots oldest
 * first, journal in posting order) are singly linked through `*Next`.
 */
export interface Store {
  readonly config: CheckedConfig
  readonly cal: Calendar
  /** What the store was built from (`undefined`: an empty bank); forks start from it again. */
  readonly base: BankJson | undefined
  readonly accIds: ReadonlyArray<string>
  readonly accIndex: ReadonlyMap<string, number>
  readonly policies: ReadonlyArray<Policy>
  readonly nAcc: number
  /** Subjects interned: `subjects.keys[s]` is subject s. */
  readonly subjects: StringIndex
  /**
   * The slots, `SLOT` numbers each (see `S_BALANCE` …): side by side, as an
   * operation reads or writes most of them (one or two cache lines, not eight).
   */
  readonly slots: Array<number>
  /** Slots with an account (written at least once). */
  accounts: number
  /**
   * Lots: a pool of nodes with a free list, `LOT` numbers each (see `L_NEXT` …:
   * a lot is read and written whole, so side by side rather than in five columns).
   */
  readonly lots: Array<number>
  lotFree: number
  lotCount: number
  // journal
  readonly jSlot: Array<number>
  readonly jKind: Array<number>
  readonly jGranted: Array<number>
  /** The log index of the operation that posted it (-1: loaded with the base). */
  readonly jLog: Array<number>
  readonly jNext: Array<number>
  /** The reversal that reversed it (-1: none). */
  readonly jRevBy: Array<number>
  /** For a reversal: the entry it reversed. */
  readonly jOf: Array<number>
  /** The lots the entry took: taken records [start, end). */
  readonly jTakenStart: Array<number>
  readonly jTakenEnd: Array<number>
  jCount: number
  /** Entries loaded with the base, and those built so far, by journal index. */
  readonly jObj: Map<number, Entry>
  /** Reasons of reversals loaded with the base. */
  readonly jReason: Map<number, string>
  // taken records (parts of lots taken by a debit, for exact reversals)
  readonly tEntry: Array<number>
  readonly tAt: Array<number>
  readonly tExp: Array<number>
  readonly tPts: Array<number>
  tCount: number
  // items
  readonly itemIndex: Map<string, number>
  readonly items: Array<ShopItem>
  readonly stock: Array<number>
  // orders
  /** Order ids: `orderIndex.keys[o]` is order o's. */
  readonly orderIndex: StringIndex
  /** The item's index, the slot, and the entry id once confirmed. */
  readonly oItem: Array<number>
  readonly oSlot: Array<number>
  readonly oQty: Array<number>
  readonly oAmount: Array<number>
  readonly oStatus: Array<number>
  readonly oReservedAt: Array<number>
  readonly oClosedAt: Array<number>
  readonly oEntry: Array<string | undefined>
  oCount: number
  // claims (rare: kept as objects)
  readonly claims: Map<string, Claim>
  /** Each claim operation's outcome, by log index (claims change, so receipts keep the outcome). */
  readonly claimOut: Map<number, { readonly claim: Claim; readonly event?: ActivityEvent }>
  // requests
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
  readonly baseRequests: Array<{ readonly op: BankOp; readonly receipt: Receipt }>
  readonly baseKeys: Array<string>
  /** The journal entry each base request posted (-1: none). */
  readonly baseEntry: Array<number>
  /** The operations applied since the base, in order: the version is its length. */
  readonly log: Array<BankOp>
  /** The journal entry each logged operation posted (-1: none). */
  logEntry: Int32Array
  /** Receipts built so far, by log index (a retry returns the very same receipt). */
  readonly receipts: Map<number, Receipt>
  /**
   * The details of the last refusal whose problem is built later (see
   * step.ts `LATER`): its kind, four numbers and one value.
   */
  why: number
  whyA: number
  whyB: number
  whyC: number
  whyD: number
  whyRef: unknown
  /** Each claim process's state machine, made once (see claims.ts `stepClaim`). */
  readonly steppers: Map<string, ReturnType<typeof stepClaim>>
  // memos of pure functions of instants
  readonly days: Map<number, string>
  readonly expiries: Map<number, Instant>
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * An empty store for a configuration, with the items' stock as configured.
 *
 * @category constructors
 */
export const emptyStore = (config: CheckedConfig, base: BankJson | undefined): Store => {
  const accIds = Object.keys(config.accounts)
  const baseKeys: Array<string> = []
  const log: Array<BankOp> = []
  const st: Store = {
    config,
    cal: calendar(config.zone),
    base,
    accIds,
    accIndex: new Map(accIds.map((a, i) => [a, i])),
    policies: accIds.map((a) => config.accounts[a] as Policy),
    nAcc: Math.max(1, accIds.length),
    subjects: stringIndex(),
    slots: [],
    accounts: 0,
    lots: [],
    lotFree: -1,
    lotCount: 0,
    jSlot: [],
    jKind: [],
    jGranted: [],
    jLog: [],
    jNext: [],
    jRevBy: [],
    jOf: [],
    jTakenStart: [],
    jTakenEnd: [],
    jCount: 0,
    jObj: new Map(),
    jReason: new Map(),
    tEntry: [],
    tAt: [],
    tExp: [],
    tPts: [],
    tCount: 0,
    itemIndex: new Map(),
    items: [],
    stock: [],
    orderIndex: stringIndex(),
    oItem: [],
    oSlot: [],
    oQty: [],
    oAmount: [],
    oStatus: [],
    oReservedAt: [],
    oClosedAt: [],
    oEntry: [],
    oCount: 0,
    claims: new Map(),
    claimOut: new Map(),
    reqTable: strTable<RequestKeys>({ baseKeys, log }, requestKeyAt, 32),
    reqCount: 0,
    reqHash: 0,
    baseRequests: [],
    baseKeys,
    baseEntry: [],
    log,
    logEntry: new Int32Array(64),
    receipts: new Map(),
    why: 0,
    whyA: 0,
    whyB: 0,
    whyC: 0,
    whyD: 0,
    whyRef: undefined,
    steppers: new Map(),
    days: new Map(),
    expiries: new Map()
  }
  if (base === undefined) for (const it of config.spec.items ?? []) addItem(st, it, it.stock)
  return st
}

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

type Column = Float64Array | Int32Array | Uint8Array

/**
 * Make a column at least `n` long (doubling): its cells past the count in use
 * are holes, never read. Growing by length rather than by `push` allocates
 * twice the final size in all, not three times (V8 grows a pushed array by half).
 */
const room = (c: Array<number>, n: number): void => {
  if (c.length < n) c.length = Math.max(n, 2 * c.length, 64)
}

// The store's growing columns are plain arrays of numbers (unboxed doubles or small
// integers, on the JS heap) rather than typed arrays: V8 starts a full garbage collection
// each time typed-array memory grows by 64 MB, and with a host's million operations on the
// heap each of those cost a tenth of a batch. Only the request table and the log's entry
// column, sized once per batch, are typed arrays.

/** A column at least `n` long (doubled), new cells filled with `fill`. */
const grown = <C extends Column>(c: C, n: number, fill: number): C => {
  if (n <= c.length) return c
  let len = Math.max(64, c.length * 2)
  while (len < n) len *= 2
  const next = new (c.constructor as new (n: number) => C)(len)
  next.set(c)
  if (fill !== 0) next.fill(fill, c.length)
  return next
}

/**
 * An item of the shop, with its stock.
 *
 * @category utilities
 */
export const addItem = (st: Store, item: ShopItem, stock: number): void => {
  st.itemIndex.set(item.id, st.items.length)
  st.items.push(item)
  st.stock.push(stock)
}

/**
 * The slot of a subject's account, or -1 when the subject was never written.
 *
 * @category utilities
 */
export const findSlot = (st: Store, subject: string, acc: number): number => {
  const s = indexOf(st.subjects, typeof subject === 'string' ? subject : String(subject))
  return s < 0 ? -1 : s * st.nAcc + acc
}

/**
 * The slot of a subject's account, interning the subject (its columns grown).
 *
 * @category utilities
 */
export const slotOf = (st: Store, subject: string, acc: number): number => {
  const key = typeof subject === 'string' ? subject : String(subject)
  let s = indexOf(st.subjects, key)
  if (s < 0) {
    s = addIndex(st.subjects, key)
    // The subject's slots, empty: no balance, no lot, no entry.
    const slots = st.slots
    const from = SLOT * s * st.nAcc
    room(slots, from + SLOT * st.nAcc)
    for (let i = from; i < from + SLOT * st.nAcc; i += SLOT) {
      slots[i + S_BALANCE] = 0
      slots[i + S_RESERVED] = 0
      slots[i + S_LOTS] = 0
      slots[i + S_LOT_HEAD] = -1
      slots[i + S_LOT_TAIL] = -1
      slots[i + S_J_HEAD] = -1
      slots[i + S_J_TAIL] = -1
      slots[i + S_EXISTS] = 0
    }
  }
  return s * st.nAcc + acc
}

/**
 * Mark a slot as an account (its first write).
 *
 * @category utilities
 */
export const touch = (st: Store, slot: number): void => {
  if (st.slots[SLOT * slot + S_EXISTS] === 0) {
    st.slots[SLOT * slot + S_EXISTS] = 1
    st.accounts++
  }
}

/**
 * Post a journal entry to a slot (linked at the end of its journal); the
 * operation being applied (log index `log`) records it as its entry.
 *
 * @category utilities
 */
export const postJournal = (st: Store, slot: number, kind: number, granted: number, log: number): number => {
  // The journal only grows: entry j is the columns' next cell.
  const j = st.jCount++
  if (j >= st.jSlot.length) {
    room(st.jSlot, j + 1)
    room(st.jKind, j + 1)
    room(st.jGranted, j + 1)
    room(st.jLog, j + 1)
    room(st.jNext, j + 1)
    room(st.jRevBy, j + 1)
    room(st.jOf, j + 1)
    room(st.jTakenStart, j + 1)
    room(st.jTakenEnd, j + 1)
  }
  st.jSlot[j] = slot
  st.jKind[j] = kind
  st.jGranted[j] = granted
  st.jLog[j] = log
  st.jNext[j] = -1
  st.jRevBy[j] = -1
  st.jOf[j] = -1
  st.jTakenStart[j] = 0
  st.jTakenEnd[j] = 0
  const tail = st.slots[SLOT * slot + S_J_TAIL] as number
  if (tail < 0) st.slots[SLOT * slot + S_J_HEAD] = j
  else st.jNext[tail] = j
  st.slots[SLOT * slot + S_J_TAIL] = j
  if (log >= 0) st.logEntry[log] = j
  return j
}

/**
 * Make room for one more logged operation (its entry column set to none).
 *
 * @category utilities
 */
export const reserveLog = (st: Store): number => {
  const i = st.log.length
  st.logEntry = grown(st.logEntry, i + 1, 0)
  st.logEntry[i] = -1
  return i
}

/**
 * Insert a lot keeping instant order (on equal instants the lots already there come first).
 *
 * @category utilities
 */
export const insertLot = (st: Store, slot: number, entry: number, at: number, exp: number, pts: number): void => {
  let n = st.lotFree
  if (n >= 0) st.lotFree = st.lots[LOT * n + L_NEXT] as number
  else {
    n = st.lotCount++
    // A new node: the pool's next cells (written just below).
    room(st.lots, LOT * (n + 1))
  }
  st.lots[LOT * n + L_AT] = at
  st.lots[LOT * n + L_EXP] = exp
  st.lots[LOT * n + L_PTS] = pts
  st.lots[LOT * n + L_ENTRY] = entry
  st.slots[SLOT * slot + S_LOTS] = (st.slots[SLOT * slot + S_LOTS] as number) + pts
  const tail = st.slots[SLOT * slot + S_LOT_TAIL] as number
  if (tail < 0) {
    st.lots[LOT * n + L_NEXT] = -1
    st.slots[SLOT * slot + S_LOT_HEAD] = n
    st.slots[SLOT * slot + S_LOT_TAIL] = n
    return
  }
  if ((st.lots[LOT * tail + L_AT] as number) <= at) {
    // The usual case: points earned now are the newest.
    st.lots[LOT * n + L_NEXT] = -1
    st.lots[LOT * tail + L_NEXT] = n
    st.slots[SLOT * slot + S_LOT_TAIL] = n
    return
  }
  // The lots are in instant order: the new one goes before the first that is later.
  let prev = -1
  let cur = st.slots[SLOT * slot + S_LOT_HEAD] as number
  while (cur >= 0 && (st.lots[LOT * cur + L_AT] as number) <= at) {
    prev = cur
    cur = st.lots[LOT * cur + L_NEXT] as number
  }
  st.lots[LOT * n + L_NEXT] = cur
  if (prev < 0) st.slots[SLOT * slot + S_LOT_HEAD] = n
  else st.lots[LOT * prev + L_NEXT] = n
}

/** Which lots `takeLots` may take. */
export const PICK_ANY = 0
/** Lots due at `param` (expires ≤ param). */
export const PICK_DUE = 1
/** Lots of journal entry `param`. */
export const PICK_ENTRY = 2

/**
 * Append a taken record (a part of a lot a debit took).
 *
 * @category utilities
 */
export const pushTaken = (st: Store, entry: number, at: number, exp: number, pts: number): void => {
  // Records past `tCount` may be left from a take that was dropped (see step.ts `credit`): overwritten.
  const t = st.tCount++
  if (t >= st.tEntry.length) {
    room(st.tEntry, t + 1)
    room(st.tAt, t + 1)
    room(st.tExp, t + 1)
    room(st.tPts, t + 1)
  }
  st.tEntry[t] = entry
  st.tAt[t] = at
  st.tExp[t] = exp
  st.tPts[t] = pts
}

/**
 * Take up to `amount` points out of the lots `pick` selects, oldest first,
 * appending the parts taken to the taken records (a lot split in two keeps
 * its place with the rest).
 *
 * @category utilities
 */
export const takeLots = (st: Store, slot: number, amount: number, pick: number, param: number): void => {
  let need = amount
  let prev = -1
  let cur = st.slots[SLOT * slot + S_LOT_HEAD] as number
  while (cur >= 0 && need > 0) {
    const next = st.lots[LOT * cur + L_NEXT] as number
    const ok = pick === PICK_ANY || (pick === PICK_DUE ? (st.lots[LOT * cur + L_EXP] as number) <= param : st.lots[LOT * cur + L_ENTRY] === param)
    if (!ok) {
      prev = cur
      cur = next
      continue
    }
    const pts = st.lots[LOT * cur + L_PTS] as number
    if (pts <= need) {
      pushTaken(st, st.lots[LOT * cur + L_ENTRY] as number, st.lots[LOT * cur + L_AT] as number, st.lots[LOT * cur + L_EXP] as number, pts)
      need -= pts
      // Unlink and free the node.
      if (prev < 0) st.slots[SLOT * slot + S_LOT_HEAD] = next
      else st.lots[LOT * prev + L_NEXT] = next
      if (st.slots[SLOT * slot + S_LOT_TAIL] === cur) st.slots[SLOT * slot + S_LOT_TAIL] = prev
      st.lots[LOT * cur + L_NEXT] = st.lotFree
      st.lotFree = cur
    } else {
      pushTaken(st, st.lots[LOT * cur + L_ENTRY] as number, st.lots[LOT * cur + L_AT] as number, st.lots[LOT * cur + L_EXP] as number, need)
      st.lots[LOT * cur + L_PTS] = pts - need
      need = 0
      prev = cur
    }
    cur = next
  }
  st.slots[SLOT * slot + S_LOTS] = (st.slots[SLOT * slot + S_LOTS] as number) - (amount - need)
}

/**
 * Bring the lots to exactly max(0, balance) points: the oldest are taken
 * when there are too many (recorded as taken); a lot of `fillEntry` (dated
 * `at`, expiring `exp`) makes up any shortfall when `fillEntry` ≥ 0.
 *
 * @category utilities
 */
export const settleLots = (st: Store, slot: number, fillEntry: number, at: number, exp: number): void => {
  const b = st.slots[SLOT * slot + S_BALANCE] as number
  const want = b > 0 ? b : 0
  const have = st.slots[SLOT * slot + S_LOTS] as number
  if (have > want) takeLots(st, slot, have - want, PICK_ANY, 0)
  else if (have < want && fillEntry >= 0) insertLot(st, slot, fillEntry, at, exp, want - have)
}

/**
 * Grow the order columns for one more order.
 *
 * @category utilities
 */
export const newOrder = (st: Store, id: string): number => {
  // Orders only grow: order o is the columns' next cell (its fields are written by the caller).
  const o = st.oCount++
  if (o >= st.oItem.length) {
    room(st.oItem, o + 1)
    room(st.oSlot, o + 1)
    room(st.oQty, o + 1)
    room(st.oAmount, o + 1)
    room(st.oStatus, o + 1)
    room(st.oReservedAt, o + 1)
    room(st.oClosedAt, o + 1)
  }
  addIndex(st.orderIndex, id)
  st.oEntry.push(undefined)
  return o
}

/**
 * The local day key of an instant (memoised per day).
 *
 * @category utilities
 */
export const dayKeyOf = (st: Store, t: Instant): string => {
  const n = st.cal.dayNumber(t)
  let k = st.days.get(n)
  if (k === undefined) {
    k = st.cal.key('day', t)
    st.days.set(n, k)
  }
  return k
}

/**
 * When points earned at `t` expire: the start of the local day `months`
 * calendar months later (the day clamped to the month's end).
 *
 * @category utilities
 * @example
 * expiryOf(instantOrThrow('2021-01-31T10:00:00+08:00'), 1, DEFAULT_ZONE) // => the instant of 2021-02-28T00:00:00+08:00
 */
export const expiryOf = (t: Instant, months: number, zone: CheckedConfig['zone']): Instant => {
  const cal = calendar(zone)
  const d = civilFromDays(cal.dayNumber(t))
  const m0 = d.month - 1 + months
  const year = d.year + Math.floor(m0 / 12)
  const month = (m0 % 12) + 1
  return cal.startOfDay(daysFromCivil(year, month, Math.min(d.day, daysInMonth(year, month))))
}

/**
 * When points earned at `t` expire in an account with `months` (memoised per local day).
 *
 * @category utilities
 */
export const expiryAt = (st: Store, t: Instant, months: number): Instant => {
  const k = st.cal.dayNumber(t) * 1024 + months
  let x = st.expiries.get(k)
  if (x === undefined) {
    x = expiryOf(t, months, st.config.zone)
    st.expiries.set(k, x)
  }
  return x
}

/**
 * The key of a subject's account in the accounts table (length-prefixed, so unambiguous).
 *
 * @category utilities
 * @example
 * accountKey('moral', 'm-1') // => '5:moralm-1'
 */
export const accountKey = (account: string, subject: string): string => `${account.length}:${account}${subject}`

/**
 * A request's code (see `Store.requests`), or undefined for an id never accepted.
 *
 * @category utilities
 */
export const requestOf = (st: Store, id: unknown): number | undefined => {
  if (typeof id !== 'string') return undefined
  const h = hashOf(id)
  st.reqHash = h
  const p = tableFind(st.reqTable, id, h)
  if (p < 0) return undefined
  const nBase = st.baseRequests.length
  return p < nBase ? -1 - p : p - nBase
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

/**
 * The id of the request at a position of the request table.
 *
 * @category utilities
 */
export const requestIdAt = (st: Store, p: number): string => {
  const nBase = st.baseRequests.length
  return p < nBase ? (st.baseKeys[p] as string) : (st.log[p - nBase] as BankOp).request
}

/**
 * Make room in the request table for `n` more ids (a batch of known length grows it once).
 *
 * @category utilities
 */
export const roomForRequests = (st: Store, n: number): void => {
  tableReserve(st.reqTable, n)
  st.logEntry = grown(st.logEntry, st.log.length + n, 0)
}

/**
 * Remember a request id (known to be new): a base request's while loading, then each logged operation's, in order.
 * `hash` is the id's (`requestOf` just looked it up, so `st.reqHash`); the id must already be where `requestIdAt` reads it.
 *
 * @category utilities
 */
export const addRequest = (st: Store, hash: number): void => {
  tableAdd(st.reqTable, hash, st.reqCount++)
}
