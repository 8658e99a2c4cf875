/**
 * The shop: its items with their stock, and orders as columns. An order is
 * reserved (a pending transfer: its points held on the account, its stock set
 * aside), then confirmed (its redemption entry posted) or cancelled (both
 * released).
 *
 * @module
 * @internal
 */
import { room } from './columns.js'
import type { ShopItem } from './config.js'
import { addIndex, indexOf, stringIndex, type StringIndex } from './ids.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** Order statuses as codes. */
export const O_RESERVED = 0
export const O_CONFIRMED = 1
export const O_CANCELLED = 2

/** The statuses' names, by code. */
export const STATUS_NAMES = ['reserved', 'confirmed', 'cancelled'] as const

/**
 * The shop's part of the store: order `o` is cell o of each order column.
 *
 * @category model
 */
export interface Shop {
  readonly itemIndex: Map<string, number>
  readonly items: Array<ShopItem>
  readonly stock: Array<number>
  /** Order ids: `orderIndex.keys[o]` is order o's. */
  readonly orderIndex: StringIndex
  /** The item's index, the account's slot, the quantity, the points held, the status, when reserved and closed, and the redemption entry's id once confirmed. */
  readonly oItem: Array<number>
  readonly oSlot: Array<number>
  readonly oQty: Array<number>
  readonly oAmount: Array<number>
  readonly oStatus: Array<number>
  readonly oReservedAt: Array<number>
  readonly oClosedAt: Array<number>
  readonly oEntry: Array<string | undefined>
  oCount: number
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * A shop with no items and no orders.
 *
 * @category constructors
 */
export const shopColumns = (): Shop => ({
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
  oCount: 0
})

// -------------------------------------------------------------------------------------
// items
// -------------------------------------------------------------------------------------

/**
 * Add an item to the shop, with its stock.
 *
 * @category items
 */
export const addItem = (st: Shop, item: ShopItem, stock: number): void => {
  st.itemIndex.set(item.id, st.items.length)
  st.items.push(item)
  st.stock.push(stock)
}

/**
 * An item's index, or -1 for an id that is no item of the shop.
 *
 * @category items
 */
export const itemIndexOf = (st: Shop, id: unknown): number => (typeof id === 'string' ? (st.itemIndex.get(id) ?? -1) : -1)

/** Item `i`. @category items */
export const itemAt = (st: Shop, i: number): ShopItem => st.items[i] as ShopItem
/** Item `i`'s stock now. @category items */
export const stockAt = (st: Shop, i: number): number => st.stock[i] as number
/** @category items */
export const setStock = (st: Shop, i: number, stock: number): void => {
  st.stock[i] = stock
}

// -------------------------------------------------------------------------------------
// orders
// -------------------------------------------------------------------------------------

/**
 * A new reserved order: its index.
 *
 * @category orders
 */
export const openOrder = (st: Shop, id: string, item: number, slot: number, quantity: number, amount: number, at: number): number => {
  // Orders only grow: order o is the columns' next cell.
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
  st.oItem[o] = item
  st.oSlot[o] = slot
  st.oQty[o] = quantity
  st.oAmount[o] = amount
  st.oStatus[o] = O_RESERVED
  st.oReservedAt[o] = at
  return o
}

/**
 * Close an order (confirmed with its redemption entry's id, or cancelled) at `at`.
 *
 * @category orders
 */
export const closeOrder = (st: Shop, o: number, status: number, at: number, entry: string | undefined): void => {
  st.oStatus[o] = status
  st.oClosedAt[o] = at
  if (entry !== undefined) st.oEntry[o] = entry
}

/**
 * An order's index, or -1 for an id that is no order.
 *
 * @category orders
 */
export const orderIndexOf = (st: Shop, id: unknown): number => (typeof id === 'string' ? indexOf(st.orderIndex, id) : -1)

/** Order `o`'s id. @category orders */
export const orderId = (st: Shop, o: number): string => st.orderIndex.keys[o] as string
/** Order `o`'s item index. @category orders */
export const orderItem = (st: Shop, o: number): number => st.oItem[o] as number
/** The slot of order `o`'s account. @category orders */
export const orderSlot = (st: Shop, o: number): number => st.oSlot[o] as number
/** @category orders */
export const orderQuantity = (st: Shop, o: number): number => st.oQty[o] as number
/** The points order `o` holds (or redeemed). @category orders */
export const orderAmount = (st: Shop, o: number): number => st.oAmount[o] as number
/** Order `o`'s status (`O_RESERVED` …). @category orders */
export const orderStatus = (st: Shop, o: number): number => st.oStatus[o] as number
/** @category orders */
export const orderReservedAt = (st: Shop, o: number): number => st.oReservedAt[o] as number
/** @category orders */
export const orderClosedAt = (st: Shop, o: number): number => st.oClosedAt[o] as number
/** The id of order `o`'s redemption entry, once confirmed. @category orders */
export const orderEntry = (st: Shop, o: number): string | undefined => st.oEntry[o]

/**
 * How many orders there are.
 *
 * @category orders
 */
export const orderCount = (st: Shop): number => st.oCount
