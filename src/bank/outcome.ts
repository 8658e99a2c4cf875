/**
 * What a step gives back: `undefined` when applied, else a problem, or
 * `LATER`, a refusal whose problem is built only when read. The common
 * refusals (below the floor, no such order, an order closed) leave numbers
 * in the store rather than a problem, so a batch that refuses a quarter of a
 * million operations keeps numbers, not a quarter of a million problems.
 * Here too are the locations and texts problems share.
 *
 * @module
 * @internal
 */
import { at, problem, text, type Location, type Problem, type Text } from '../core/internal.js'
import { O_CONFIRMED, STATUS_NAMES } from './orders.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A refusal whose problem `lastProblem` builds from the store's `why` details.
 *
 * @category model
 */
export const LATER = -0x40000000
export type Later = typeof LATER

/**
 * The refusal details part of the store: the last refusal's kind, four numbers and one value.
 *
 * @category model
 */
export interface Refusal {
  why: number
  whyA: number
  whyB: number
  whyC: number
  whyD: number
  whyRef: unknown
}

/**
 * No refusal yet.
 *
 * @category constructors
 */
export const refusalColumns = (): Refusal => ({ why: 0, whyA: 0, whyB: 0, whyC: 0, whyD: 0, whyRef: undefined })

// -------------------------------------------------------------------------------------
// shared locations and texts
// -------------------------------------------------------------------------------------

/** A problem at a location. */
export const fail = (code: Problem['code'], loc: Location, expected: Text, got: unknown): Problem => problem(code, loc, expected, got)

// Problems share these locations and texts (frozen, as they are shared): a refused operation allocates only what is its own.
export const where = (...segments: ReadonlyArray<string>): Location => Object.freeze(at(Object.freeze(segments)))
export const said = (en: string, zh: string): Text => Object.freeze(text(en, zh))

export const AT = {
  op: where(),
  tag: where('_tag'),
  at: where('at'),
  request: where('request'),
  subject: where('subject'),
  member: where('member'),
  account: where('account'),
  points: where('points'),
  quantity: where('quantity'),
  item: where('item'),
  order: where('order'),
  entry: where('entry'),
  entryKind: where('entry', 'kind'),
  entryGranted: where('entry', 'granted'),
  entryAccount: where('entry', 'account'),
  process: where('process'),
  claim: where('claim')
} as const

export const POSITIVE_POINTS = said('a positive whole number of points', '正整数积分')
export const POSITIVE_ITEMS = said('a positive whole number of items', '正整数件')
export const AN_ITEM = said('an item of the shop', '商店中的商品')
export const BALANCE_RANGE = said('a balance within ±9007199254740991', '在 ±9007199254740991 之内的余额')
export const AN_OPERATION = said('a bank operation', '银行操作')
const AN_ORDER = said('the id of an order', '订单标识')
const CONFIRM = said('confirm', '确认')
const CANCEL = said('cancel', '取消')

/** A positive safe integer. */
export const isPositive = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) > 0

/** A balance within the safe range. */
export const safeBalance = (n: number): boolean => Number.isSafeInteger(n)

/**
 * One flat string: a template literal builds a tree of string pieces, and a
 * problem kept in a batch's results would keep the whole tree.
 */
const flat = (...parts: ReadonlyArray<string | number>): string => parts.join('')

// -------------------------------------------------------------------------------------
// refusals built later
// -------------------------------------------------------------------------------------

/** Below the floor: the balance, reserved points, floor (NaN: none), amount asked, and the location. */
export const W_FLOOR = 1
/** No such order: the id asked. */
export const W_NO_ORDER = 2
/** The order is closed: its status, the verb (0 confirm, 1 cancel), and its id. */
export const W_ORDER_STATE = 3

/**
 * Leave a refusal's details for later.
 *
 * @category utilities
 */
export const later = (st: Refusal, why: number, a: number, b: number, c: number, d: number, ref: unknown): Later => {
  st.why = why
  st.whyA = a
  st.whyB = b
  st.whyC = c
  st.whyD = d
  st.whyRef = ref
  return LATER
}

const floorProblem = (balance: number, reserved: number, floorOrNaN: number, amount: number, loc: Location): Problem => {
  const floor = Number.isNaN(floorOrNaN) ? null : floorOrNaN
  const most = Math.max(0, balance - reserved - (floor ?? 0))
  const f = floor === null ? 'none' : String(floor)
  return fail(
    'range',
    loc,
    text(
      flat('at most ', most, ' points (balance ', balance, ', reserved ', reserved, ', floor ', f, ')'),
      flat('不超过 ', most, ' 积分（余额 ', balance, '，已预留 ', reserved, '，下限 ', f, '）')
    ),
    amount
  )
}

const VERBS = [CONFIRM, CANCEL] as const
const orderStateProblem = (id: string, status: number, verb: Text): Problem => {
  const s = STATUS_NAMES[status] as string
  return fail('state', AT.order, text(`a reserved order to ${verb.en} (order ${id} is ${s})`, `可${verb.zh}的预留订单（订单 ${id} 已${status === O_CONFIRMED ? '交付' : '取消'}）`), s)
}

/**
 * The problem of a refusal left for later, from its details.
 *
 * @category utilities
 */
export const whyProblem = (why: number, a: number, b: number, c: number, d: number, ref: unknown): Problem => {
  if (why === W_FLOOR) return floorProblem(a, b, c, d, ref as Location)
  if (why === W_NO_ORDER) return fail('reference', AT.order, AN_ORDER, ref)
  return orderStateProblem(ref as string, a, VERBS[b] as Text)
}

/**
 * The problem of the store's last refusal left for later.
 *
 * @category utilities
 */
export const lastProblem = (st: Refusal): Problem => whyProblem(st.why, st.whyA, st.whyB, st.whyC, st.whyD, st.whyRef)
