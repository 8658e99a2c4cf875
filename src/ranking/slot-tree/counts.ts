/**
 * Counts of a slot tree's keys while they are integers in a window (see keycount.ts): rank queries then
 * read a few cells of one small array instead of walking down to a leaf. A key outside the window drops
 * them; building them again (O(n log n), from the slot records) is tried once per n placements, so it
 * costs O(log n) per placement, amortised.
 *
 * @internal
 * @module
 */
import { makeKeyCounts } from '../keycount.js'
import { NONE, type SlotTreeState } from './pools.js'

// Counts are kept while the keys are integers spanning at most SPAN times as many values as there are pairs.
const SPAN = 2

/** Try to build the counts from the slot records (they stay dropped if the keys do not fit). @internal */
export const tryCounts = (t: SlotTreeState): void => {
  t.counts = undefined
  t.untilTry = Math.max(t.total, t.minCounted)
  if (t.total < t.minCounted) return
  const rec = t.rec
  let lo = Number.POSITIVE_INFINITY
  let hi = Number.NEGATIVE_INFINITY
  for (let i = 0; i < rec.length; i += 4) {
    if (rec[i + 2] === NONE) continue
    const k = rec[i] as number
    if (!Number.isInteger(k)) return
    if (k < lo) lo = k
    if (k > hi) hi = k
  }
  const span = hi - lo + 1
  if (span > SPAN * t.total) return
  let width = 1
  while (width < 2 * span) width *= 2 // room for the keys to drift half a span either way
  const c = makeKeyCounts(lo - Math.floor((width - span) / 2), width)
  for (let i = 0; i < rec.length; i += 4) if (rec[i + 2] !== NONE) c.add(rec[i] as number, 1)
  t.counts = c
}

/** Count a key just placed (after `total` grew): drop the counts if it does not fit, or try them again in time. @internal */
export const countPlaced = (t: SlotTreeState, k: number): void => {
  const counts = t.counts
  if (counts !== undefined) {
    if (!counts.add(k, 1)) {
      t.counts = undefined
      t.untilTry = Math.max(t.total, t.minCounted)
    }
  } else if (--t.untilTry <= 0) tryCounts(t)
}
