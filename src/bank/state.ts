/**
 * The bank's state, serialisable as plain JSON: per (account, subject) the
 * posted balance, the points reserved by pending orders, the lots of earned
 * points still held (for expiry, oldest first) and the journal of entries;
 * the shop's stock, the orders, the claims, and every request's receipt
 * (for idempotency by request id).
 *
 * @module
 */
import { calendar, civilFromDays, daysFromCivil, daysInMonth, type Instant, type Period, type Points } from '../core/index.js'
import { statementOf, type Entry, type Statement } from '../ledger/index.js'
import type { AccountId, ActivityEvent, SubjectId } from '../rules/index.js'
import type { Claim } from './claims.js'
import type { BankOp } from './ops.js'
import type { CheckedConfig, ShopItem } from './config.js'
import { draftTable, emptyTable, liveTable, tableGet, tableValues, type Table, type TableJson } from './table.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * Earned points still held, from one entry: they expire at `expires` (never when `null`).
 *
 * @category model
 * @example
 * accountOf(bank, 'm-1' as SubjectId, 'moral')?.lots[0] // => { entry: 'e1', at: …, expires: …, points: 7 }
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
 * accountOf(bank, 'm-1' as SubjectId, 'moral') // => { balance: 12, reserved: 5, lots: […], entries: […], … }
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
 * The bank: configuration and state. Its tables hold `Map`s in memory and
 * write themselves as plain records to `JSON.stringify`; every function
 * accepts a bank read back with `JSON.parse` (see also `bankToJson`).
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
 * gave it), with its tables built at once. The data is trusted, not checked:
 * pass only what this module wrote.
 *
 * @category constructors
 * @example
 * bankBalance(bankFromJson(bankToJson(bank)), 'm-1' as SubjectId, 'moral') // => bankBalance(bank, 'm-1' as SubjectId, 'moral')
 */
export const bankFromJson = (json: BankJson): BankState => ({
  _tag: 'Bank',
  config: json.config,
  accounts: liveTable(json.accounts),
  items: liveTable(json.items),
  orders: liveTable(json.orders),
  claims: liveTable(json.claims),
  requests: liveTable(json.requests)
})

/**
 * An empty bank for a checked configuration, with the items' stock as configured.
 *
 * @category constructors
 * @example
 * const bank = emptyBank(checkBankConfigOrThrow({ accounts: [{ id: 'moral' }] }))
 * bank.accounts.size // => 0
 */
export const emptyBank = (config: CheckedConfig): BankState => {
  const items = draftTable(emptyTable<ItemState>())
  for (const it of config.spec.items ?? []) items.set(it.id, { item: it, stock: it.stock })
  return {
    _tag: 'Bank',
    config,
    accounts: emptyTable(),
    items: items.done(),
    orders: emptyTable(),
    claims: emptyTable(),
    requests: emptyTable()
  }
}

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
export const bankToJson = (bank: BankState): BankJson => ({
  _tag: 'Bank',
  config: bank.config,
  accounts: liveTable(bank.accounts).toJSON(),
  items: liveTable(bank.items).toJSON(),
  orders: liveTable(bank.orders).toJSON(),
  claims: liveTable(bank.claims).toJSON(),
  requests: liveTable(bank.requests).toJSON()
})

/**
 * The key of a subject's account in the accounts table (length-prefixed, so unambiguous).
 *
 * @category utilities
 * @example
 * accountKey('moral', 'm-1') // => '5:moralm-1'
 */
export const accountKey = (account: string, subject: string): string => `${account.length}:${account}${subject}`

/**
 * When points earned at `at` expire: the start of the local day `months`
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
 * A subject's account, if it has one.
 *
 * @category utilities
 * @example
 * accountOf(bank, 'm-1' as SubjectId, 'moral')?.balance // => 12
 */
export const accountOf = (bank: BankState, subject: SubjectId, account: string): AccountState | undefined =>
  tableGet(bank.accounts, accountKey(account, subject))

/**
 * The posted balance of a subject's account (0 if it has none).
 *
 * @category utilities
 * @example
 * bankBalance(bank, 'm-1' as SubjectId, 'moral') // => 12
 */
export const bankBalance = (bank: BankState, subject: SubjectId, account: string): Points =>
  ((accountOf(bank, subject, account)?.balance ?? 0) + 0) as Points

/**
 * What a subject can spend now: balance minus reserved points minus the floor
 * (`Infinity` when the account has no floor, 0 for an unknown account).
 *
 * @category utilities
 * @example
 * spendable(bank, 'm-1' as SubjectId, 'moral') // => 7 (balance 12, 5 reserved, floor 0)
 */
export const spendable = (bank: BankState, subject: SubjectId, account: string): number => {
  const a = accountOf(bank, subject, account)
  const policy = bank.config.accounts[account]
  if (policy === undefined) return 0
  const floor = policy.floor
  if (floor === null) return Infinity
  return (a === undefined ? 0 : a.balance - a.reserved) - floor
}

/**
 * An order by id.
 *
 * @category utilities
 * @example
 * orderOf(bank, 'req-7')?.status // => 'reserved'
 */
export const orderOf = (bank: BankState, id: string): ShopOrder | undefined => tableGet(bank.orders, id)

/**
 * An item's stock now (undefined for an unknown item).
 *
 * @category utilities
 * @example
 * stockOf(bank, 'soap') // => 39
 */
export const stockOf = (bank: BankState, item: string): number | undefined => tableGet(bank.items, item)?.stock

/**
 * A claim by id.
 *
 * @category utilities
 * @example
 * claimOf(bank, 'c1')?.status // => 'notice'
 */
export const claimOf = (bank: BankState, id: string): Claim | undefined => tableGet(bank.claims, id)

/**
 * The receipt kept for a request id.
 *
 * @category utilities
 * @example
 * receiptOf(bank, 'req-7')?.op // => 'reserve'
 */
export const receiptOf = (bank: BankState, request: string): Receipt | undefined => tableGet(bank.requests, request)?.receipt

/**
 * Every account, in key order.
 *
 * @category utilities
 * @example
 * allAccounts(bank).length // => 2
 */
export const allAccounts = (bank: BankState): ReadonlyArray<AccountState> => tableValues(bank.accounts)

/**
 * Every order, in id order.
 *
 * @category utilities
 * @example
 * allOrders(bank).filter((o) => o.status === 'reserved').length // => orders awaiting hand-over
 */
export const allOrders = (bank: BankState): ReadonlyArray<ShopOrder> => tableValues(bank.orders)

/**
 * Every claim, in id order.
 *
 * @category utilities
 * @example
 * allClaims(bank).filter((c) => c.status === 'notice').length // => claims on public notice
 */
export const allClaims = (bank: BankState): ReadonlyArray<Claim> => tableValues(bank.claims)

/**
 * The passbook page (存折) of a subject's bank account for a period: the
 * ledger's statement over the bank's journal (earned, deducted, redeemed,
 * expired, reversed, day by day).
 *
 * @category utilities
 * @example
 * bankStatement(bank, 'm-1' as SubjectId, 'moral', periodOf('month', now)).redeemed // => 5
 */
export const bankStatement = (bank: BankState, subject: SubjectId, account: string, period: Period): Statement =>
  statementOf(accountOf(bank, subject, account)?.entries ?? [], subject, account as AccountId, period)
