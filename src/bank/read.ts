/**
 * Values built from the store's columns when read: entries, lots, accounts,
 * orders and receipts, the same records the bank has always handed out.
 * Entries and receipts never change once posted, so they are built once per
 * store (a retry gets the very same receipt); accounts and orders change, so
 * version.ts memoises them per `BankState`.
 *
 * @module
 * @internal
 */
import type { EventId } from '../core/internal.js'
import type { Entry } from '../ledger/internal.js'
import { accountIdOf, balanceOf, firstEntryOf, firstLotOf, reservedOf, subjectOf, termsOfSlot } from './accounts.js'
import { NEVER } from './expiry.js'
import { entryGranted, entryIdOf, entryKind, entryLog, entrySlot, K_REVERSAL, KINDS, nextEntry, reversalOf, takenFrom, takenTo } from './journal.js'
import { lotEarnedAt, lotEntry, lotExpires, lotPoints, nextLot, takenAt, takenEntry, takenExpires, takenPoints } from './lots.js'
import type { AccountState, Lot, Receipt, ShopOrder } from './model.js'
import type { BankOp } from './ops.js'
import {
  itemAt,
  O_CANCELLED,
  O_CONFIRMED,
  O_RESERVED,
  orderAmount,
  orderClosedAt,
  orderEntry,
  orderId,
  orderIndexOf,
  orderItem,
  orderQuantity,
  orderReservedAt,
  orderSlot,
  orderStatus
} from './orders.js'
import { baseRequest, postedBy } from './requests.js'
import { dayKeyOf, type Store } from './store.js'

// -------------------------------------------------------------------------------------
// entries
// -------------------------------------------------------------------------------------

// One string per operation kind, shared by every entry (not a new string per entry).
const EVENT_TYPES: { readonly [K in BankOp['_tag']]: string } = {
  earn: 'bank.earn',
  post: 'bank.post',
  redeem: 'bank.redeem',
  reserve: 'bank.reserve',
  confirm: 'bank.confirm',
  cancel: 'bank.cancel',
  restock: 'bank.restock',
  expire: 'bank.expire',
  reverse: 'bank.reverse',
  submit: 'bank.submit',
  claim: 'bank.claim'
}

/** Receipts that post no entry share this one (frozen) empty list. */
const NO_ENTRIES: ReadonlyArray<Entry> = Object.freeze([])

/** Entry `j`, posted by `op` (any operation but a `post`, whose entry is given). */
const builtEntry = (st: Store, j: number, op: BankOp): Entry => {
  const slot = entrySlot(st, j)
  const granted = (entryGranted(st, j) + 0) as Entry['granted']
  const requested = granted as number as Entry['requested']
  const subject = subjectOf(st, slot)
  const account = accountIdOf(st, slot)
  const day = dayKeyOf(st, op.at)
  if (op._tag === 'reverse') {
    // A reversal carries the event, event type and rule of the entry it reverses.
    const orig = entryAt(st, reversalOf(st, j))
    return { id: op.request, kind: 'reversal', subject, account, event: orig.event, eventType: orig.eventType, rule: orig.rule, at: op.at, day, requested, granted }
  }
  const kind = KINDS[entryKind(st, j)] as Entry['kind']
  return { id: op.request, kind, subject, account, event: op.request as EventId, eventType: EVENT_TYPES[op._tag], rule: op._tag, at: op.at, day, requested, granted }
}

/**
 * Journal entry `j` as a ledger `Entry` (built once per store).
 *
 * @category utilities
 */
export const entryAt = (st: Store, j: number): Entry => {
  const memo = st.jObj.get(j)
  if (memo !== undefined) return memo
  const op = st.log[entryLog(st, j)] as BankOp
  let e: Entry
  if (op._tag === 'post') {
    const p = op.entry
    const granted = entryGranted(st, j) + 0
    // The entry itself, or (a deduction cut at the floor) a copy saying so.
    e = granted === p.granted ? p : { ...p, granted: granted as Entry['granted'], cut: { _tag: 'Floor', floor: termsOfSlot(st, entrySlot(st, j)).floor as number } }
  } else e = builtEntry(st, j, op)
  st.jObj.set(j, e)
  return e
}

// -------------------------------------------------------------------------------------
// lots and accounts
// -------------------------------------------------------------------------------------

const lot = (st: Store, entry: number, at: number, exp: number, points: number): Lot => ({
  entry: entryIdOf(st, entry),
  at: at as Lot['at'],
  expires: exp === NEVER ? null : (exp as Lot['at']),
  points
})

/**
 * A slot's lots now, in the order they are taken (the expiry policy's).
 *
 * @category utilities
 */
export const lotsAt = (st: Store, slot: number): ReadonlyArray<Lot> => {
  const out: Array<Lot> = []
  for (let n = firstLotOf(st, slot); n >= 0; n = nextLot(st, n)) out.push(lot(st, lotEntry(st, n), lotEarnedAt(st, n), lotExpires(st, n), lotPoints(st, n)))
  return out
}

/** The lots entry `j` took (the taken records it holds). */
const takenBy = (st: Store, j: number): Array<Lot> => {
  const lots: Array<Lot> = []
  for (let t = takenFrom(st, j); t < takenTo(st, j); t++) lots.push(lot(st, takenEntry(st, t), takenAt(st, t), takenExpires(st, t), takenPoints(st, t)))
  return lots
}

/** The reason reversal `j` was given (from its operation, or loaded with the base). */
const reasonOf = (st: Store, j: number): string | undefined => {
  const l = entryLog(st, j)
  return l >= 0 ? (st.log[l] as Extract<BankOp, { readonly _tag: 'reverse' }>).reason : st.jReason.get(j)
}

/**
 * A slot's account now.
 *
 * @category utilities
 */
export const accountAt = (st: Store, slot: number): AccountState => {
  const entries: Array<Entry> = []
  const taken: Array<{ readonly entry: string; readonly lots: ReadonlyArray<Lot> }> = []
  const reversals: Array<{ readonly entry: string; readonly of: string; readonly reason?: string }> = []
  for (let j = firstEntryOf(st, slot); j >= 0; j = nextEntry(st, j)) {
    const e = entryAt(st, j)
    entries.push(e)
    if (takenTo(st, j) > takenFrom(st, j)) taken.push({ entry: e.id, lots: takenBy(st, j) })
    if (entryKind(st, j) === K_REVERSAL) {
      const reason = reasonOf(st, j)
      const of = entryIdOf(st, reversalOf(st, j))
      reversals.push(reason === undefined ? { entry: e.id, of } : { entry: e.id, of, reason })
    }
  }
  return {
    subject: subjectOf(st, slot),
    account: accountIdOf(st, slot),
    balance: balanceOf(st, slot),
    reserved: reservedOf(st, slot),
    lots: lotsAt(st, slot),
    entries,
    taken,
    reversals
  }
}

// -------------------------------------------------------------------------------------
// orders and receipts
// -------------------------------------------------------------------------------------

/** An order with the status given (the receipt of an operation shows the order as that operation left it). */
const orderWith = (st: Store, o: number, status: number, closedAt: number, entry: string | undefined): ShopOrder => {
  const slot = orderSlot(st, o)
  const id = orderId(st, o)
  const subject = subjectOf(st, slot)
  const account = accountIdOf(st, slot)
  const item = itemAt(st, orderItem(st, o)).id
  const quantity = orderQuantity(st, o)
  const amount = orderAmount(st, o)
  const reservedAt = orderReservedAt(st, o) as ShopOrder['reservedAt']
  if (status === O_RESERVED) return { id, subject, account, item, quantity, amount, status: 'reserved', reservedAt }
  const closed = closedAt as ShopOrder['reservedAt']
  if (status === O_CONFIRMED) {
    const done = { id, subject, account, item, quantity, amount, status: 'confirmed' as const, reservedAt, closedAt: closed }
    return entry === undefined ? done : { ...done, entry }
  }
  return { id, subject, account, item, quantity, amount, status: 'cancelled', reservedAt, closedAt: closed }
}

/**
 * Order `o` now.
 *
 * @category utilities
 */
export const orderAt = (st: Store, o: number): ShopOrder => orderWith(st, o, orderStatus(st, o), orderClosedAt(st, o), orderEntry(st, o))

/** The receipt of logged operation `r`, `op`, whose entries are `entries`. */
const builtReceipt = (st: Store, r: number, op: BankOp, entries: ReadonlyArray<Entry>): Receipt => {
  switch (op._tag) {
    case 'reserve':
      return { request: op.request, op: op._tag, entries, order: orderWith(st, orderIndexOf(st, op.request), O_RESERVED, 0, undefined) }
    case 'confirm':
      return { request: op.request, op: op._tag, entries, order: orderWith(st, orderIndexOf(st, op.order), O_CONFIRMED, op.at, op.request) }
    case 'cancel':
      return { request: op.request, op: op._tag, entries, order: orderWith(st, orderIndexOf(st, op.order), O_CANCELLED, op.at, undefined) }
    case 'submit':
    case 'claim': {
      const out = st.claimOut.get(r) as { readonly claim: Receipt['claim'] & object; readonly event?: Receipt['event'] }
      const base = { request: op.request, op: op._tag, entries, claim: out.claim }
      return out.event === undefined ? base : { ...base, event: out.event }
    }
    default:
      return { request: op.request, op: op._tag, entries }
  }
}

/**
 * The receipt of a request: `r` a log index, or −1 − a base request's index (built once per store).
 *
 * @category utilities
 */
export const receiptAt = (st: Store, r: number): Receipt => {
  if (r < 0) return baseRequest(st, r).receipt
  const memo = st.receipts.get(r)
  if (memo !== undefined) return memo
  const op = st.log[r] as BankOp
  const j = postedBy(st, r)
  const receipt = builtReceipt(st, r, op, j >= 0 ? [entryAt(st, j)] : NO_ENTRIES)
  st.receipts.set(r, receipt)
  return receipt
}
