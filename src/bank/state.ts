/**
 * The bank's state, serialisable as plain JSON: per (account, subject) the
 * posted balance, the points reserved by pending orders, the lots of earned
 * points still held (for expiry, oldest first) and the journal of entries;
 * the shop's stock, the orders, the claims, and every request's receipt
 * (for idempotency by request id).
 *
 * @module
 */
import type { Instant, Period, Points } from '../core/internal.js'
import { statementOf, type Entry, type Statement } from '../ledger/internal.js'
import type { AccountId, ActivityEvent, SubjectId } from '../rules/internal.js'
import type { Claim } from './claims.js'
import type { BankOp } from './ops.js'
import type { CheckedConfig, ShopItem } from './config.js'
import { accountOfSlot, accountsOf, emptyAt, fromJson, jsonOf, orderOfIndex, storeOf } from './version.js'
import { receiptAt } from './read.js'
import { indexOf } from './ids.js'
import { findSlot, requestOf, S_BALANCE, S_EXISTS, S_RESERVED, SLOT } from './store.js'
import type { Table, TableJson } from './table.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * Earned points still held, from one entry: they expire at `expires` (never when `null`).
 *
 * @category model
 * @example
 * accountOf(bank, 'm-1', 'moral')?.lots[0] // => { entry: 'e1', at: …, expires: …, points: 7 }
 */
export interface Lot {
  readonly entry: string
  readonly at: Instant
  readonly expires: Instant | null
  readonly points: number
}

/**
 * One subject's account in the bank. `balance` is posted (the sum of the
 * journal's `granted`); `reserved` is held by pending orders, so
 * `balance − reserved` is what can be spent. The lots hold `max(0, balance)`
 * points in all, oldest first.
 *
 * @category model
 * @example
 * accountOf(bank, 'm-1', 'moral') // => { balance: 12, reserved: 5, lots: […], entries: […], … }
 */
export interface AccountState {
  readonly subject: SubjectId
  readonly account: AccountId
  readonly balance: number
  readonly reserved: number
  readonly lots: ReadonlyArray<Lot>
  /** Every entry, in the order posted; corrections are reversal entries, never edits. */
  readonly entries: ReadonlyArray<Entry>
  /** The lots each debit entry took, so that its reversal restores them with their dates. */
  readonly taken: ReadonlyArray<{ readonly entry: string; readonly lots: ReadonlyArray<Lot> }>
  /** Reversal entries and the entry each reversed. */
  readonly reversals: ReadonlyArray<{ readonly entry: string; readonly of: string; readonly reason?: string }>
}

/**
 * A shop item and its stock now.
 *
 * @category model
 * @example
 * // { item: { id: 'soap', account: 'moral', price: 5, stock: 40 }, stock: 38 }
 */
export interface ItemState {
  readonly item: ShopItem
  readonly stock: number
}

/**
 * An order: reserved (a pending transfer: points held, stock set aside),
 * then confirmed (handed over: the points are redeemed) or cancelled (both released).
 *
 * @category model
 * @example
 * orderOf(bank, 'order-1') // => { id: 'order-1', item: 'soap', quantity: 2, amount: 10, status: 'reserved', … }
 */
export interface ShopOrder {
  /** The request id that reserved it. */
  readonly id: string
  readonly subject: SubjectId
  readonly account: AccountId
  readonly item: string
  readonly quantity: number
  readonly amount: number
  readonly status: 'reserved' | 'confirmed' | 'cancelled'
  readonly reservedAt: Instant
  readonly closedAt?: Instant
  /** The redemption entry, once confirmed. */
  readonly entry?: string
}

/**
 * What an operation did: the entries it posted, and the order, claim or
 * event it touched. Kept per request id, so a retry gets the same receipt.
 *
 * @category model
 * @example
 * receiptOf(bank, 'hand-over-1')?.entries[0]?.kind // => 'redeem'
 */
export interface Receipt {
  readonly request: string
  readonly op: string
  readonly entries: ReadonlyArray<Entry>
  readonly order?: ShopOrder
  readonly claim?: Claim
  /** The activity event an approved claim yields, for the ledger. */
  readonly event?: ActivityEvent
}

/**
 * The bank: configuration and state. In memory a bank is a version of a
 * columnar store (see docs/moral-bank.md and docs/internals.md: using each state once is O(1) per
 * operation; reading or reusing an older state replays the log into a copy);
 * its tables are built from the store when read and write themselves as
 * plain records to `JSON.stringify`. Every function accepts a bank read back
 * with `JSON.parse` (see also `bankToJson`).
 *
 * @category model
 * @example
 * const revived = JSON.parse(JSON.stringify(bank)) as BankState // behaves the same
 */
export interface BankState {
  readonly _tag: 'Bank'
  readonly config: CheckedConfig
  readonly accounts: Table<AccountState>
  readonly items: Table<ItemState>
  readonly orders: Table<ShopOrder>
  readonly claims: Table<Claim>
  /** Each request's first operation (to tell a retry from a conflicting reuse) and its receipt. */
  readonly requests: Table<{ readonly op: BankOp; readonly receipt: Receipt }>
}

/**
 * The bank as plain JSON data: what `JSON.stringify(bank)` writes, as a value
 * (each table's keys in hash buckets of records). It shares the bank's
 * immutable records rather than copying them.
 *
 * @category model
 * @example
 * const data: BankJson = structuredClone(bankToJson(bank)) // plain data: clones, posts to a worker, stores
 */
export interface BankJson {
  readonly _tag: 'Bank'
  readonly config: CheckedConfig
  readonly accounts: TableJson<AccountState>
  readonly items: TableJson<ItemState>
  readonly orders: TableJson<ShopOrder>
  readonly claims: TableJson<Claim>
  readonly requests: TableJson<{ readonly op: BankOp; readonly receipt: Receipt }>
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * A bank from its JSON data (as `bankToJson` or `JSON.parse(JSON.stringify(bank))`
 * gave it), loaded at once. The data is trusted, not checked:
 * pass only what this module wrote.
 *
 * @category constructors
 * @example
 * bankBalance(bankFromJson(bankToJson(bank)), 'm-1', 'moral') // => bankBalance(bank, 'm-1', 'moral')
 */
export const bankFromJson = (json: BankJson): BankState => fromJson(json)

/**
 * An empty bank for a checked configuration, with the items' stock as configured.
 *
 * @category constructors
 * @example
 * const bank = emptyBank(checkBankConfigOrThrow({ accounts: [{ id: 'moral' }] }))
 * bank.accounts.size // => 0
 */
export const emptyBank = (config: CheckedConfig): BankState => emptyAt(config)

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/**
 * The bank as plain JSON data (see `BankJson`), for `structuredClone`,
 * `postMessage` or a store that takes values rather than text.
 *
 * @category utilities
 * @example
 * JSON.stringify(bankToJson(bank)) === JSON.stringify(bank) // => true
 */
export const bankToJson = (bank: BankState): BankJson => jsonOf(bank)

export { accountKey, expiryOf } from './store.js'

/** The slot of a subject's account with an account there, else -1. */
const slotIn = (st: ReturnType<typeof storeOf>, subject: string, account: string): number => {
  const acc = st.accIndex.get(account)
  if (acc === undefined) return -1
  const slot = findSlot(st, subject, acc)
  return slot >= 0 && st.slots[SLOT * slot + S_EXISTS] === 1 ? slot : -1
}

/**
 * A subject's account, if it has one.
 *
 * @category utilities
 * @example
 * accountOf(bank, 'm-1', 'moral')?.balance // => 12
 */
export const accountOf = (bank: BankState, subject: string, account: string): AccountState | undefined => {
  const st = storeOf(bank)
  const slot = slotIn(st, subject, account)
  return slot < 0 ? undefined : accountOfSlot(bank, st, slot)
}

/**
 * The posted balance of a subject's account (0 if it has none).
 *
 * @category utilities
 * @example
 * bankBalance(bank, 'm-1', 'moral') // => 12
 */
export const bankBalance = (bank: BankState, subject: string, account: string): Points => {
  const st = storeOf(bank)
  const slot = slotIn(st, subject, account)
  return ((slot < 0 ? 0 : (st.slots[SLOT * slot + S_BALANCE] as number)) + 0) as Points
}

/**
 * What a subject can spend now: balance minus reserved points minus the floor
 * (`Infinity` when the account has no floor, 0 for an unknown account).
 *
 * @category utilities
 * @example
 * spendable(bank, 'm-1', 'moral') // => 7 (balance 12, 5 reserved, floor 0)
 */
export const spendable = (bank: BankState, subject: string, account: string): number => {
  const st = storeOf(bank)
  const acc = st.accIndex.get(account)
  if (acc === undefined) return 0
  const floor = (st.policies[acc] as { readonly floor: number | null }).floor
  if (floor === null) return Infinity
  const slot = slotIn(st, subject, account)
  return (slot < 0 ? 0 : (st.slots[SLOT * slot + S_BALANCE] as number) - (st.slots[SLOT * slot + S_RESERVED] as number)) - floor
}

/**
 * An order by id.
 *
 * @category utilities
 * @example
 * orderOf(bank, 'req-7')?.status // => 'reserved'
 */
export const orderOf = (bank: BankState, id: string): ShopOrder | undefined => {
  const st = storeOf(bank)
  const o = indexOf(st.orderIndex, id)
  return o < 0 ? undefined : orderOfIndex(bank, st, o)
}

/**
 * An item's stock now (undefined for an unknown item).
 *
 * @category utilities
 * @example
 * stockOf(bank, 'soap') // => 39
 */
export const stockOf = (bank: BankState, item: string): number | undefined => {
  const st = storeOf(bank)
  const i = st.itemIndex.get(item)
  return i === undefined ? undefined : st.stock[i]
}

/**
 * A claim by id.
 *
 * @category utilities
 * @example
 * claimOf(bank, 'c1')?.status // => 'notice'
 */
export const claimOf = (bank: BankState, id: string): Claim | undefined => storeOf(bank).claims.get(id)

/**
 * The receipt kept for a request id.
 *
 * @category utilities
 * @example
 * receiptOf(bank, 'req-7')?.op // => 'reserve'
 */
export const receiptOf = (bank: BankState, request: string): Receipt | undefined => {
  const st = storeOf(bank)
  const r = requestOf(st, request)
  return r === undefined ? undefined : receiptAt(st, r)
}

/**
 * Every account, in key order.
 *
 * @category utilities
 * @example
 * allAccounts(bank).length // => 2
 */
export const allAccounts = (bank: BankState): ReadonlyArray<AccountState> => accountsOf(bank)

const sortedValues = <V>(m: ReadonlyMap<string, V>): ReadonlyArray<V> =>
  [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v)

/**
 * Every order, in id order.
 *
 * @category utilities
 * @example
 * allOrders(bank).filter((o) => o.status === 'reserved').length // => orders awaiting hand-over
 */
export const allOrders = (bank: BankState): ReadonlyArray<ShopOrder> => {
  const st = storeOf(bank)
  const out = new Map<string, ShopOrder>()
  for (let o = 0; o < st.oCount; o++) out.set(st.orderIndex.keys[o] as string, orderOfIndex(bank, st, o))
  return sortedValues(out)
}

/**
 * Every claim, in id order.
 *
 * @category utilities
 * @example
 * allClaims(bank).filter((c) => c.status === 'notice').length // => claims on public notice
 */
export const allClaims = (bank: BankState): ReadonlyArray<Claim> => sortedValues(storeOf(bank).claims)

/**
 * The passbook page (存折) of a subject's bank account for a period: the
 * ledger's statement over the bank's journal (earned, deducted, redeemed,
 * expired, reversed, day by day).
 *
 * @category utilities
 * @example
 * bankStatement(bank, 'm-1', 'moral', periodOf('month', now)).redeemed // => 5
 */
export const bankStatement = (bank: BankState, subject: string, account: string, period: Period): Statement =>
  statementOf(accountOf(bank, subject, account)?.entries ?? [], subject, account, period)
