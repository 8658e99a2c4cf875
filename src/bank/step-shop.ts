/**
 * The shop's steps: reserve an item (points held, stock set aside), confirm
 * the order (the points redeemed) or cancel it (both released), restock.
 * TigerBeetle's two-phase transfers: a reservation is a pending debit.
 *
 * @module
 * @internal
 */
import { text } from '../core/internal.js'
import { accountIndexOf, balanceOf, findSlot, openAccount, reservedOf, setReserved, slotOf, termsOf } from './accounts.js'
import { belowFloor, floorAllows, unknownAccount, type Handler } from './checks.js'
import { K_REDEEM, postJournal } from './journal.js'
import type { Store } from './store.js'
import {
  closeOrder,
  itemAt,
  itemIndexOf,
  O_CANCELLED,
  O_CONFIRMED,
  O_RESERVED,
  openOrder,
  orderAmount,
  orderId,
  orderIndexOf,
  orderItem,
  orderQuantity,
  orderSlot,
  orderStatus,
  setStock,
  stockAt
} from './orders.js'
import { AN_ITEM, AT, BALANCE_RANGE, fail, isPositive, later, LATER, POSITIVE_ITEMS, safeBalance, W_NO_ORDER, W_ORDER_STATE } from './outcome.js'
import { debit } from './step-points.js'

// -------------------------------------------------------------------------------------
// steps
// -------------------------------------------------------------------------------------

export const reserve: Handler<'reserve'> = (st, op, _log, request, t, who) => {
  const id = op.item
  const ii = itemIndexOf(st, id)
  if (ii < 0) return fail('reference', AT.item, AN_ITEM, id)
  const quantity = op.quantity
  if (!isPositive(quantity)) return fail('range', AT.quantity, POSITIVE_ITEMS, quantity)
  const item = itemAt(st, ii)
  const stock = stockAt(st, ii)
  if (quantity > stock) return fail('range', AT.quantity, text(`at most ${stock} (in stock)`, `不超过库存 ${stock}`), quantity)
  const amount = item.price * quantity
  if (!safeBalance(amount)) return fail('overflow', AT.quantity, BALANCE_RANGE, amount)
  const acc = accountIndexOf(st, item.account)
  if (acc < 0) return unknownAccount(st, AT.item, item.account)
  const floor = termsOf(st, acc).floor
  const found = findSlot(st, who, acc)
  if (!floorAllows(st, found, floor, amount)) return belowFloor(st, found, floor, amount, AT.quantity)
  const held = reservedOf(st, found) + amount
  if (!safeBalance(held) || !safeBalance(balanceOf(st, found) - held)) return fail('overflow', AT.quantity, BALANCE_RANGE, held)
  // Every check has passed: the points are held and the stock set aside.
  const slot = found >= 0 ? found : slotOf(st, who, acc)
  setStock(st, ii, stock - quantity)
  openAccount(st, slot)
  setReserved(st, slot, held)
  openOrder(st, request, ii, slot, quantity, amount, t)
  return undefined
}

/** Verbs of `W_ORDER_STATE` refusals. */
const CONFIRMING = 0
const CANCELLING = 1

/** The index of a reserved order (≥ 0), or the refusal. */
const reservedOrder = (st: Store, id: unknown, verb: number): number => {
  const o = orderIndexOf(st, id)
  if (o < 0) return later(st, W_NO_ORDER, 0, 0, 0, 0, id)
  const status = orderStatus(st, o)
  if (status !== O_RESERVED) return later(st, W_ORDER_STATE, status, verb, 0, 0, orderId(st, o))
  return o
}

export const confirm: Handler<'confirm'> = (st, op, log, request, t) => {
  const o = reservedOrder(st, op.order, CONFIRMING)
  if (o < 0) return LATER
  const slot = orderSlot(st, o)
  const amount = orderAmount(st, o)
  // The held points are redeemed: the balance and the reservation fall together.
  debit(st, slot, postJournal(st, slot, K_REDEEM, -amount + 0, log), amount, amount)
  closeOrder(st, o, O_CONFIRMED, t, request)
  return undefined
}

export const cancel: Handler<'cancel'> = (st, op, _log, _request, t) => {
  const o = reservedOrder(st, op.order, CANCELLING)
  if (o < 0) return LATER
  const slot = orderSlot(st, o)
  const ii = orderItem(st, o)
  setStock(st, ii, stockAt(st, ii) + orderQuantity(st, o))
  openAccount(st, slot)
  setReserved(st, slot, reservedOf(st, slot) - orderAmount(st, o))
  closeOrder(st, o, O_CANCELLED, t, undefined)
  return undefined
}

export const restock: Handler<'restock'> = (st, op) => {
  const id = op.item
  const ii = itemIndexOf(st, id)
  if (ii < 0) return fail('reference', AT.item, AN_ITEM, id)
  const quantity = op.quantity
  if (!isPositive(quantity)) return fail('range', AT.quantity, POSITIVE_ITEMS, quantity)
  const after = stockAt(st, ii) + quantity
  if (!safeBalance(after)) return fail('overflow', AT.quantity, BALANCE_RANGE, after)
  setStock(st, ii, after)
  return undefined
}
