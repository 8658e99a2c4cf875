/**
 * Reading the bank: its accounts, balances, orders, stock, claims and
 * receipts, and its JSON data, as values (views over the store of a bank's
 * version, see version.ts). The model types are in model.ts.
 *
 * @module
 */
import type { Period, Points } from '../core/internal.js'
import { statementOf, type Statement } from '../ledger/internal.js'
import { balanceOf, hasAccount, findSlot, reservedOf, termsOf } from './accounts.js'
import type { Claim } from './claims.js'
import type { CheckedConfig } from './config.js'
import type { AccountState, BankJson, BankState, Receipt, ShopOrder } from './model.js'
import { itemIndexOf, orderCount, orderId, orderIndexOf, stockAt } from './orders.js'
import { receiptAt } from './read.js'
import { requestOf } from './requests.js'
import { accountOfSlot, accountsOf, emptyAt, fromJson, jsonOf, orderOfIndex, storeOf } from './version.js'

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

export { accountKey } from './accounts.js'
export { expiryOf } from './expiry.js'

/** The slot of a subject's account with an account there, else -1. */
const slotIn = (st: ReturnType<typeof storeOf>, subject: string, account: string): number => {
  const acc = st.accIndex.get(account)
  if (acc === undefined) return -1
  const slot = findSlot(st, subject, acc)
  return hasAccount(st, slot) ? slot : -1
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
  return (balanceOf(st, slot) + 0) as Points
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
  const floor = termsOf(st, acc).floor
  if (floor === null) return Infinity
  const slot = slotIn(st, subject, account)
  return balanceOf(st, slot) - reservedOf(st, slot) - floor
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
  const o = orderIndexOf(st, id)
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
  const i = itemIndexOf(st, item)
  return i < 0 ? undefined : stockAt(st, i)
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
  for (let o = 0; o < orderCount(st); o++) out.set(orderId(st, o), orderOfIndex(bank, st, o))
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
