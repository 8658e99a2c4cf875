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
import type { AccountId, SubjectId } from '../rules/internal.js'
import { indexOf } from './ids.js'
import type { BankOp } from './ops.js'
import type { AccountState, Lot, Receipt, ShopOrder } from './state.js'
import { entryIdOf } from './step.js'
import {
  dayKeyOf,
  K_REVERSAL,
  KINDS,
  L_AT,
  L_ENTRY,
  L_EXP,
  L_NEXT,
  L_PTS,
  LOT,
  NEVER,
  O_CANCELLED,
  O_CONFIRMED,
  O_RESERVED,
  S_BALANCE,
  S_J_HEAD,
  S_LOT_HEAD,
  S_RESERVED,
  SLOT,
  type Policy,
  type Store
} from './store.js'

// -------------------------------------------------------------------------------------
// utilities
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

/**
 * The subject of a slot.
 *
 * @category utilities
 */
export const subjectOf = (st: Store, slot: number): SubjectId => st.subjects.keys[Math.floor(slot / st.nAcc)] as SubjectId

/**
 * The account id of a slot.
 *
 * @category utilities
 */
export const accountIdOf = (st: Store, slot: number): AccountId => st.accIds[slot % st.nAcc] as AccountId

/**
 * Journal entry `j` as a ledger `Entry` (built once per store).
 *
 * @category utilities
 */
export const entryAt = (st: Store, j: number): Entry => {
  const memo = st.jObj.get(j)
  if (memo !== undefined) return memo
  const op = st.log[st.jLog[j] as number] as BankOp
  const slot = st.jSlot[j] as number
  const granted = (st.jGranted[j] as number) + 0
  let e: Entry
  if (op._tag === 'post') {
    const p = op.entry
    // The entry itself, or (a deduction cut at the floor) a copy saying so.
    e = granted === p.granted ? p : { ...p, granted: granted as Entry['granted'], cut: { _tag: 'Floor', floor: (st.policies[slot % st.nAcc] as Policy).floor as number } }
  } else if (op._tag === 'reverse') {
    const orig = entryAt(st, st.jOf[j] as number)
    e = {
      id: op.request,
      kind: 'reversal',
      subject: subjectOf(st, slot),
      account: accountIdOf(st, slot),
      event: orig.event,
      eventType: orig.eventType,
      rule: orig.rule,
      at: op.at,
      day: dayKeyOf(st, op.at),
      requested: granted as Entry['requested'],
      granted: granted as Entry['granted']
    }
  } else {
    e = {
      id: op.request,
      kind: KINDS[st.jKind[j] as number] as Entry['kind'],
      subject: subjectOf(st, slot),
      account: accountIdOf(st, slot),
      event: op.request as EventId,
      eventType: EVENT_TYPES[op._tag],
      rule: op._tag,
      at: op.at,
      day: dayKeyOf(st, op.at),
      requested: granted as Entry['requested'],
      granted: granted as Entry['granted']
    }
  }
  st.jObj.set(j, e)
  return e
}

const lot = (st: Store, entry: number, at: number, exp: number, points: number): Lot => ({
  entry: entryIdOf(st, entry),
  at: at as Lot['at'],
  expires: exp === NEVER ? null : (exp as Lot['at']),
  points
})

/**
 * A slot's lots now, oldest first.
 *
 * @category utilities
 */
export const lotsAt = (st: Store, slot: number): ReadonlyArray<Lot> => {
  const out: Array<Lot> = []
  for (let n = st.slots[SLOT * slot + S_LOT_HEAD] as number; n >= 0; n = st.lots[LOT * n + L_NEXT] as number) {
    out.push(lot(st, st.lots[LOT * n + L_ENTRY] as number, st.lots[LOT * n + L_AT] as number, st.lots[LOT * n + L_EXP] as number, st.lots[LOT * n + L_PTS] as number))
  }
  return out
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
  for (let j = st.slots[SLOT * slot + S_J_HEAD] as number; j >= 0; j = st.jNext[j] as number) {
    const e = entryAt(st, j)
    entries.push(e)
    const t0 = st.jTakenStart[j] as number
    const t1 = st.jTakenEnd[j] as number
    if (t1 > t0) {
      const lots: Array<Lot> = []
      for (let t = t0; t < t1; t++) lots.push(lot(st, st.tEntry[t] as number, st.tAt[t] as number, st.tExp[t] as number, st.tPts[t] as number))
      taken.push({ entry: e.id, lots })
    }
    if (st.jKind[j] === K_REVERSAL) {
      const l = st.jLog[j] as number
      const reason = l >= 0 ? (st.log[l] as Extract<BankOp, { readonly _tag: 'reverse' }>).reason : st.jReason.get(j)
      const of = entryIdOf(st, st.jOf[j] as number)
      reversals.push(reason === undefined ? { entry: e.id, of } : { entry: e.id, of, reason })
    }
  }
  return {
    subject: subjectOf(st, slot),
    account: accountIdOf(st, slot),
    balance: st.slots[SLOT * slot + S_BALANCE] as number,
    reserved: st.slots[SLOT * slot + S_RESERVED] as number,
    lots: lotsAt(st, slot),
    entries,
    taken,
    reversals
  }
}

/** An order with the status given (the receipt of an operation shows the order as that operation left it). */
const orderWith = (st: Store, o: number, status: number, closedAt: number, entry: string | undefined): ShopOrder => {
  const slot = st.oSlot[o] as number
  const base = {
    id: st.orderIndex.keys[o] as string,
    subject: subjectOf(st, slot),
    account: accountIdOf(st, slot),
    item: (st.items[st.oItem[o] as number] as { readonly id: string }).id,
    quantity: st.oQty[o] as number,
    amount: st.oAmount[o] as number,
    reservedAt: st.oReservedAt[o] as ShopOrder['reservedAt']
  }
  if (status === O_RESERVED) return { id: base.id, subject: base.subject, account: base.account, item: base.item, quantity: base.quantity, amount: base.amount, status: 'reserved', reservedAt: base.reservedAt }
  const closed = closedAt as ShopOrder['reservedAt']
  if (status === O_CONFIRMED) {
    const done = { id: base.id, subject: base.subject, account: base.account, item: base.item, quantity: base.quantity, amount: base.amount, status: 'confirmed' as const, reservedAt: base.reservedAt, closedAt: closed }
    return entry === undefined ? done : { ...done, entry }
  }
  return { id: base.id, subject: base.subject, account: base.account, item: base.item, quantity: base.quantity, amount: base.amount, status: 'cancelled', reservedAt: base.reservedAt, closedAt: closed }
}

/**
 * Order `o` now.
 *
 * @category utilities
 */
export const orderAt = (st: Store, o: number): ShopOrder => orderWith(st, o, st.oStatus[o] as number, st.oClosedAt[o] as number, st.oEntry[o])

/**
 * The receipt of a request: `r` a log index, or −1 − a base request's index (built once per store).
 *
 * @category utilities
 */
export const receiptAt = (st: Store, r: number): Receipt => {
  if (r < 0) return (st.baseRequests[-1 - r] as { readonly receipt: Receipt }).receipt
  const memo = st.receipts.get(r)
  if (memo !== undefined) return memo
  const op = st.log[r] as BankOp
  const j = st.logEntry[r] as number
  const entries = j >= 0 ? [entryAt(st, j)] : NO_ENTRIES
  let receipt: Receipt
  switch (op._tag) {
    case 'reserve':
      receipt = { request: op.request, op: op._tag, entries, order: orderWith(st, indexOf(st.orderIndex, op.request), O_RESERVED, 0, undefined) }
      break
    case 'confirm':
      receipt = { request: op.request, op: op._tag, entries, order: orderWith(st, indexOf(st.orderIndex, op.order), O_CONFIRMED, op.at, op.request) }
      break
    case 'cancel':
      receipt = { request: op.request, op: op._tag, entries, order: orderWith(st, indexOf(st.orderIndex, op.order), O_CANCELLED, op.at, undefined) }
      break
    case 'submit':
    case 'claim': {
      const out = st.claimOut.get(r) as { readonly claim: Receipt['claim'] & object; readonly event?: Receipt['event'] }
      const base = { request: op.request, op: op._tag, entries, claim: out.claim }
      receipt = out.event === undefined ? base : { ...base, event: out.event }
      break
    }
    default:
      receipt = { request: op.request, op: op._tag, entries }
  }
  st.receipts.set(r, receipt)
  return receipt
}
