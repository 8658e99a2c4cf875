/**
 * Reading a slot tree: counts of pairs below a key or a pair (ranks), a slot's position, and a scan
 * from a position on.
 *
 * @internal
 * @module
 */
import { idxOf, parentOf, sortLeaf } from './nodes.js'
import { pairBefore, tieCode } from './ordering.js'
import { NONE, type SlotTreeState } from './pools.js'

/** How many pairs have a key below `k` (or at most `k` when `orEqual`); keys only, the hot path of rank queries. @internal */
export const countKey = (t: SlotTreeState, k: number, orEqual: boolean): number => {
  const counts = t.counts
  if (counts !== undefined) return orEqual ? counts.countLessEq(k) : counts.countLess(k)
  const { iKids, iSizes, iMinK, iN, C } = t
  let x = t.root
  let c = 0
  for (let h = t.height; h > 0; h--) {
    // The first child whose smallest key is not before the bound; every child left of its predecessor is.
    const b = x * C
    let lo = 0
    let hi = iN[x] as number
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      const km = iMinK[b + mid] as number
      if (km < k || (orEqual && km === k)) lo = mid + 1
      else hi = mid
    }
    if (lo === 0) return c
    for (let i = b; i < b + lo - 1; i++) c += iSizes[i] as number
    x = iKids[b + lo - 1] as number
  }
  const lf = t.lf
  const kb = x * t.LW
  const end = kb + (t.lN[x] as number)
  if (orEqual) for (let i = kb; i < end; i++) c += (lf[i] as number) <= k ? 1 : 0
  else for (let i = kb; i < end; i++) c += (lf[i] as number) < k ? 1 : 0
  return c
}

/** How many pairs sort before `(k, name)`, whether or not such a pair is in the tree. @internal */
export const countBefore = (t: SlotTreeState, k: number, name: string): number => {
  const tc = tieCode(name)
  const { names, iKids, iSizes, iMinK, iMinT, iMinS, iN, C } = t
  let x = t.root
  let c = 0
  for (let h = t.height; h > 0; h--) {
    const b = x * C
    let lo = 0
    let hi = iN[x] as number
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      const km = iMinK[b + mid] as number
      const tm = iMinT[b + mid] as number
      if (km < k || (km === k && (tm < tc || (tm === tc && (names[iMinS[b + mid] as number] as string) < name)))) lo = mid + 1
      else hi = mid
    }
    if (lo === 0) return c
    for (let i = b; i < b + lo - 1; i++) c += iSizes[i] as number
    x = iKids[b + lo - 1] as number
  }
  const { lf, li } = t
  const kb = x * t.LW
  const sb = (kb + C) * 2
  for (let i = 0, n = t.lN[x] as number; i < n; i++) {
    const km = lf[kb + i] as number
    if (km < k || (km === k && (names[li[sb + i] as number] as string) < name)) c++
  }
  return c
}

/** The zero-based position of slot `s` in the tree's order, or -1 if it is not in the tree. @internal */
export const position = (t: SlotTreeState, s: number): number => {
  const x = leafOf(t, s)
  if (x === NONE) return -1
  const { lf, li, iSizes } = t
  const kb = x * t.LW
  const sb = (kb + t.C) * 2
  const k = t.rec[s * 4] as number
  let c = 0
  for (let i = 0, n = t.lN[x] as number; i < n; i++) if (pairBefore(t, lf[kb + i] as number, li[sb + i] as number, k, s)) c++
  let child = x
  for (let h = 0; h < t.height; h++) {
    const par = parentOf(t, child, h)
    const pb = par * t.C
    const j = idxOf(t, child, h)
    for (let i = pb; i < pb + j; i++) c += iSizes[i] as number
    child = par
  }
  return c
}

/** Visit up to `count` pairs in order from position `from` on (O(log n + count)). @internal */
export const scan = (t: SlotTreeState, from: number, count: number, visit: (key: number, slot: number) => void): void => {
  if (from < 0 || from >= t.total || count <= 0) return
  const { iKids, iSizes, C, LW } = t
  let x = t.root
  let j = from
  for (let h = t.height; h > 0; h--) {
    let i = x * C
    while (j >= (iSizes[i] as number)) j -= iSizes[i++] as number
    x = iKids[i] as number
  }
  sortLeaf(t, x)
  for (let left = Math.min(count, t.total - from); left > 0; left--) {
    if (j === t.lN[x]) {
      x = t.lNext[x] as number
      sortLeaf(t, x)
      j = 0
    }
    visit(t.lf[x * LW + j] as number, t.li[(x * LW + C) * 2 + j] as number)
    j++
  }
}

/** The leaf holding slot `s`, or NONE. @internal */
export const leafOf = (t: SlotTreeState, s: number): number => (s * 4 < t.rec.length ? (t.rec[s * 4 + 2] as number) : NONE)
