/**
 * Lots of earned points, oldest first: what expiry takes and what debits
 * consume (first earned, first spent, first expired). An account's lots hold
 * exactly `max(0, balance)` points; `settleLots` restores that after any change.
 *
 * These functions edit the array they are given: call them only on a lots
 * array that the operation's draft owns (a copy, never a state's own array).
 * The lots themselves are never edited: a lot split in two is replaced.
 *
 * @module
 * @internal
 */
import type { Lot } from './state.js'

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/**
 * The points in some lots.
 *
 * @category utilities
 * @example
 * lotsTotal([]) // => 0
 */
export const lotsTotal = (lots: ReadonlyArray<Lot>): number => {
  let n = 0
  for (let i = 0; i < lots.length; i++) n += (lots[i] as Lot).points
  return n
}

/**
 * Insert a lot keeping (instant) order; on equal instants the lots already there come first.
 *
 * @category utilities
 * @example
 * insertLot(lots, lot) // lots now holds lot, in order
 */
export const insertLot = (lots: Array<Lot>, l: Lot): void => {
  let i = lots.length
  while (i > 0 && (lots[i - 1] as Lot).at > l.at) i--
  if (i === lots.length) lots.push(l)
  else lots.splice(i, 0, l)
}

/** Nothing taken: one shared, frozen empty list (most debits and credits take nothing). */
const NOTHING: ReadonlyArray<Lot> = Object.freeze([])

const part = (l: Lot, points: number): Lot => ({ entry: l.entry, at: l.at, expires: l.expires, points })

/**
 * Take up to `amount` points out of the lots that `pick` selects, oldest
 * first; returns the parts taken (the lots left stay in order).
 *
 * @category utilities
 * @example
 * takeLots(lots, 3, () => true) // => the parts taken; lots lost their oldest 3 points
 */
export const takeLots = (lots: Array<Lot>, amount: number, pick: (l: Lot) => boolean): ReadonlyArray<Lot> => {
  if (amount <= 0) return NOTHING
  const taken: Array<Lot> = []
  let need = amount
  let kept = 0
  for (let i = 0; i < lots.length; i++) {
    const l = lots[i] as Lot
    if (need === 0 || !pick(l)) {
      lots[kept++] = l
    } else if (l.points <= need) {
      taken.push(l)
      need -= l.points
    } else {
      taken.push(part(l, need))
      lots[kept++] = part(l, l.points - need)
      need = 0
    }
  }
  lots.length = kept
  return taken
}

const ANY = (): boolean => true

/**
 * Bring the lots to exactly `max(0, balance)` points: the oldest are taken
 * when there are too many (returned); `fill` (dated now) makes up any shortfall.
 *
 * @category utilities
 * @example
 * settleLots(lots, 0, undefined) // => every lot (lots is now empty)
 */
export const settleLots = (lots: Array<Lot>, balance: number, fill: ((points: number) => Lot) | undefined): ReadonlyArray<Lot> => {
  const want = balance > 0 ? balance : 0
  const have = lotsTotal(lots)
  if (have > want) return takeLots(lots, have - want, ANY)
  if (have < want && fill !== undefined) insertLot(lots, fill(want - have))
  return NOTHING
}
