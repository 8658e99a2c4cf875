/**
 * The Moral Bank's public model: the bank's state and what is read from it,
 * as plain, serialisable types (per (account, subject) the posted balance,
 * the points reserved by pending orders, the lots of earned points still held
 * and the journal of entries; the shop's stock, the orders, the claims, and
 * every request's receipt, for idempotency by request id). Types only: the
 * engine that keeps them is store.ts and its parts, the functions that read
 * them views.ts.
 *
 * @module
 */
import type { Instant } from '../core/internal.js'
import type { Entry } from '../ledger/internal.js'
import type { AccountId, ActivityEvent, SubjectId } from '../rules/internal.js'
import type { Claim } from './claims.js'
import type { CheckedConfig, ShopItem } from './config.js'
import type { BankOp } from './ops.js'
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
 * points in all, in the order they are spent and expired (the bank's expiry
 * policy; see the module `moral-bank/bank`).
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
