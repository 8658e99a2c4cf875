/**
 * Lots of earned points, oldest first: what expiry takes and what debits
 * consume (first earned, first spent, first expired). An account's lots hold
 * exactly `max(0, balance)` points; `settle` restores that after any change.
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
 * Insert lots keeping (instant) order; on equal instants the lots already there come first.
 *
 * @category utilities
 * @example
 * insertLots([], [lot]).length // => 1
 */
export const insertLots = (lots: ReadonlyArray<Lot>, add: ReadonlyArray<Lot>): ReadonlyArray<Lot> => {
  if (add.length === 0) return lots
  const out = lots.slice()
  for (const l of add) {
    let i = out.length
    while (i > 0 && (out[i - 1] as Lot).at > l.at) i--
    out.splice(i, 0, l)
  }
  return out
}

/**
 * Take up to `amount` points from the lots that `pick` selects, oldest first:
 * the lots left, and the parts taken.
 *
 * @category utilities
 * @example
 * takeFrom(lots, 3, () => true) // => [lots without their oldest 3 points, the parts taken]
 */
export const takeFrom = (
  lots: ReadonlyArray<Lot>,
  amount: number,
  pick: (l: Lot) => boolean
): readonly [ReadonlyArray<Lot>, ReadonlyArray<Lot>] => {
  if (amount <= 0) return [lots, []]
  const left: Array<Lot> = []
  const taken: Array<Lot> = []
  let need = amount
  for (const l of lots) {
    if (need === 0 || !pick(l)) {
      left.push(l)
      continue
    }
    if (l.points <= need) {
      taken.push(l)
      need -= l.points
    } else {
      taken.push({ ...l, points: need })
      left.push({ ...l, points: l.points - need })
      need = 0
    }
  }
  return [left, taken]
}

const ANY = (): boolean => true

/**
 * Bring the lots to exactly `max(0, balance)` points: the oldest are taken
 * when there are too many; `fill` (dated now) makes up any shortfall.
 *
 * @category utilities
 * @example
 * settle(lots, 0, undefined) // => [[], every lot]
 */
export const settle = (
  lots: ReadonlyArray<Lot>,
  balance: number,
  fill: ((points: number) => Lot) | undefined
): readonly [ReadonlyArray<Lot>, ReadonlyArray<Lot>] => {
  const want = balance > 0 ? balance : 0
  const have = lotsTotal(lots)
  if (have > want) return takeFrom(lots, have - want, ANY)
  if (have < want && fill !== undefined) return [insertLots(lots, [fill(want - have)]), []]
  return [lots, []]
}
