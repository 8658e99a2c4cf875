/**
 * The unit fallback of a threshold: a unit where no eligible candidate
 * reached the threshold puts forward its best eligible (all tied on its best
 * score unless `breakChain`), while the category's cap has seats left: the
 * units' bests in the order of the selection. A unit where someone reached
 * it has no fallback, even when the cap left that someone out.
 *
 * @module
 */
import type { Quota } from './quota.js'
import { PENDING, R, UNSET, WON } from './reasons.js'
import type { Tally } from './tally.js'
import type { Ties } from './ties.js'

// Each unit's best eligible (all tied on its best key unless breakChain) where nobody passed and the
// unit has seats, in the order of the selection.
const unitBests = (elig: Int32Array, passes: (i: number) => boolean, q: Quota, t: Ties): Array<Array<number>> => {
  const reached = new Set<number>()
  const best = new Map<number, Array<number>>()
  for (let k = 0; k < elig.length; k++) {
    const i = elig[k] as number
    const u = q.unitOf(i)
    if (reached.has(u)) continue
    if (passes(i)) {
      reached.add(u)
      best.delete(u)
      continue
    }
    const xs = best.get(u)
    if (xs === undefined) {
      if (q.seats(u) > 0) best.set(u, [i])
    } else {
      const d = t.compare(i, xs[0] as number)
      if (t.key[i] === t.key[xs[0] as number] && !t.breakChain) xs.push(i)
      else if (d < 0) best.set(u, [i])
    }
  }
  for (const xs of best.values()) xs.sort(t.compare)
  return [...best.values()].sort((x, y) => t.compare(x[0] as number, y[0] as number))
}

// One run of units whose bests tie on score: it fits whole or, past a seat, goes by the tie policy,
// as a tie at the quota boundary does.
const putForward = (run: ReadonlyArray<ReadonlyArray<number>>, cap: number, q: Quota, t: Ties, tally: Tally): void => {
  let wanted = 0
  let seatsIn = 0
  let fits = true
  for (const xs of run) {
    const s = q.seats(q.unitOf(xs[0] as number))
    wanted += xs.length
    seatsIn += Math.min(xs.length, s)
    if (xs.length > s) fits = false
  }
  if (wanted > cap - tally.total) fits = false
  const won = fits || t.includeAll
  for (const xs of run)
    for (const i of xs) {
      if (tally.reason[i] === UNSET) tally.touched.push(i)
      tally.outcome[i] = won ? WON : PENDING
      tally.reason[i] = fits ? R.fallback : won ? R['fallback-tied'] : R['tie-flagged']
    }
  tally.total += won ? wanted : Math.min(seatsIn, cap - tally.total)
}

/** Put forward the best of each unit where nobody eligible passed (see the module note). */
export const fallBack = (elig: Int32Array, passes: (i: number) => boolean, cap: number, q: Quota, t: Ties, tally: Tally): void => {
  const groups = unitBests(elig, passes, q, t)
  for (let g = 0; g < groups.length && tally.total < cap; ) {
    // units whose bests tie on score are one run (under breakChain each unit stands alone)
    let h = g + 1
    if (!t.breakChain) while (h < groups.length && t.key[(groups[h] as Array<number>)[0] as number] === t.key[(groups[g] as Array<number>)[0] as number]) h++
    putForward(groups.slice(g, h), cap, q, t, tally)
    g = h
  }
}
