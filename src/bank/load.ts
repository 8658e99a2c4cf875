/**
 * Loading a store from a bank's JSON data (as `bankToJson` wrote it): the
 * accounts with their journals, lots and what each debit took, the shop's
 * stock and orders, the claims and the requests with their receipts. The
 * data is trusted (written by this module), not checked.
 *
 * @module
 * @internal
 */
import { openAccount, setBalance, setReserved, slotOf, type Accounts } from './accounts.js'
import type { ExpiryPolicy } from './expiry.js'
import { NEVER } from './expiry.js'
import { KINDS, markReversal, postJournal, setTaken } from './journal.js'
import { insertLot, pushTaken, takenCount } from './lots.js'
import type { AccountState, BankJson } from './model.js'
import { addItem, closeOrder, O_CANCELLED, O_CONFIRMED, O_RESERVED, openOrder } from './orders.js'
import { addBaseRequest } from './requests.js'
import { emptyStore, type Store } from './store.js'
import { liveTable } from './table.js'

const KIND_CODES = new Map(KINDS.map((k, i) => [k as string, i]))
const STATUS_CODES = new Map<string, number>([
  ['reserved', O_RESERVED],
  ['confirmed', O_CONFIRMED],
  ['cancelled', O_CANCELLED]
])

/** The slot of an account read back (an unknown account id, never written by this module, reads as the first). */
const slotIn = (st: Accounts, subject: string, account: string): number => slotOf(st, subject, st.accIndex.get(account) ?? 0)

/** The accounts' balances and journals: the journal index of each entry, by id. */
const loadJournals = (st: Store, accounts: ReadonlyArray<AccountState>): Map<string, number> => {
  const ids = new Map<string, number>()
  for (const a of accounts) {
    const slot = slotIn(st, a.subject, a.account)
    openAccount(st, slot)
    setBalance(st, slot, a.balance)
    setReserved(st, slot, a.reserved)
    for (const e of a.entries) {
      const j = postJournal(st, slot, KIND_CODES.get(e.kind) ?? 0, e.granted, -1)
      st.jObj.set(j, e)
      ids.set(e.id, j)
    }
  }
  return ids
}

/** An account's lots, what each of its debits took, and its reversals (its entries' indexes in `ids`). */
const loadLots = (st: Store, a: AccountState, ids: ReadonlyMap<string, number>): void => {
  const slot = slotIn(st, a.subject, a.account)
  for (const l of a.lots) insertLot(st, slot, ids.get(l.entry) ?? -1, l.at, l.expires ?? NEVER, l.points)
  for (const t of a.taken) {
    const j = ids.get(t.entry) ?? -1
    if (j < 0) continue
    const from = takenCount(st)
    for (const l of t.lots) pushTaken(st, ids.get(l.entry) ?? -1, l.at, l.expires ?? NEVER, l.points)
    setTaken(st, j, from, takenCount(st))
  }
  for (const r of a.reversals) {
    const j = ids.get(r.entry)
    const of = ids.get(r.of)
    if (j === undefined || of === undefined) continue
    markReversal(st, j, of)
    if (r.reason !== undefined) st.jReason.set(j, r.reason)
  }
}

/**
 * A store holding what a bank's JSON data holds, its lots under an expiry policy.
 *
 * @category constructors
 */
export const loadStore = (json: BankJson, expiry?: ExpiryPolicy): Store => {
  const st = emptyStore(json.config, json, expiry)
  for (const it of liveTable(json.items).base.values()) addItem(st, it.item, it.stock)
  const accounts = [...liveTable(json.accounts).base.values()]
  // Entries by id (every entry carries the id of the request that posted it).
  const ids = loadJournals(st, accounts)
  for (const a of accounts) loadLots(st, a, ids)
  for (const o of liveTable(json.orders).base.values()) {
    const i = openOrder(st, o.id, st.itemIndex.get(o.item) ?? 0, slotIn(st, o.subject, o.account), o.quantity, o.amount, o.reservedAt)
    closeOrder(st, i, STATUS_CODES.get(o.status) ?? O_RESERVED, o.closedAt ?? Number.NaN, o.entry)
  }
  for (const [id, c] of liveTable(json.claims).base) st.claims.set(id, c)
  for (const [id, r] of liveTable(json.requests).base) addBaseRequest(st, id, r, ids.get(id) ?? -1)
  return st
}
