/**
 * Putting a pair into a slot tree: down the routing keys to a leaf, appended there, and splits up the
 * path taken when a node overflows.
 *
 * @internal
 * @module
 */
import { countPlaced } from './counts.js'
import { copyCell, reindex, setMin, setParent, sizeOf, sortLeaf } from './nodes.js'
import { before } from './ordering.js'
import { NONE, newInner, newLeaf, type SlotTreeState } from './pools.js'

// The root `x` (height `h`) has just been split into `x` and `r`: a new root above them both.
const growRoot = (t: SlotTreeState, x: number, r: number, h: number): void => {
  const nr = newInner(t)
  const b = nr * t.C
  t.iKids[b] = x
  t.iKids[b + 1] = r
  t.iSizes[b] = sizeOf(t, x, h)
  t.iSizes[b + 1] = sizeOf(t, r, h)
  setMin(t, b, x, h)
  setMin(t, b + 1, r, h)
  t.iN[nr] = 2
  setParent(t, x, h, nr)
  setParent(t, r, h, nr)
  reindex(t, nr, h, 0)
  t.root = nr
  t.height++
}

// Inner node `p` (children at height `h`) has one child too many: its upper half move to a new inner node.
const splitInner = (t: SlotTreeState, p: number, h: number): void => {
  const q = newInner(t)
  const C = t.C
  const b = p * C
  const qb = q * C
  const n = (t.iN[p] as number) - 1
  const half = (n + 1) >>> 1
  for (let i = half; i <= n; i++) {
    copyCell(t, qb + i - half, b + i)
    setParent(t, t.iKids[b + i] as number, h, q)
  }
  t.iN[q] = n + 1 - half
  t.iN[p] = half
  reindex(t, q, h, 0)
  linkSplit(t, p, q, h + 1)
}

/** Node `x` at height `h` has just been split into `x` and its new right sibling `r`: link `r` into the parent. @internal */
export const linkSplit = (t: SlotTreeState, x: number, r: number, h: number): void => {
  if (h === t.height) {
    growRoot(t, x, r, h)
    return
  }
  const p = h === 0 ? (t.lParent[x] as number) : (t.iParent[x] as number)
  const b = p * t.C
  const j = t.path[h + 1] as number
  const n = t.iN[p] as number
  for (let i = n; i > j + 1; i--) copyCell(t, b + i, b + i - 1)
  t.iKids[b + j + 1] = r
  t.iSizes[b + j] = sizeOf(t, x, h)
  t.iSizes[b + j + 1] = sizeOf(t, r, h)
  setMin(t, b + j + 1, r, h)
  setParent(t, r, h, p)
  t.iN[p] = n + 1
  reindex(t, p, h, j + 1)
  if (n + 1 > t.B) splitInner(t, p, h)
}

/** Split an overflowing leaf: its upper half of pairs (in order) move to a new leaf after it. @internal */
export const splitLeaf = (t: SlotTreeState, x: number): void => {
  sortLeaf(t, x)
  const r = newLeaf(t) // may grow the leaf pools: read them after
  const lf = t.lf
  const li = t.li
  const rec = t.rec
  const xk = x * t.LW
  const xs = (xk + t.C) * 2
  const rk = r * t.LW
  const rs = (rk + t.C) * 2
  const n = t.lN[x] as number
  const half = n >>> 1
  for (let i = half; i < n; i++) {
    const s = li[xs + i] as number
    lf[rk + i - half] = lf[xk + i] as number
    li[rs + i - half] = s
    rec[s * 4 + 2] = r
  }
  t.lN[r] = n - half
  t.lN[x] = half
  const next = t.lNext[x] as number
  t.lNext[r] = next
  t.lPrev[r] = x
  t.lNext[x] = r
  if (next !== NONE) t.lPrev[next] = r
  linkSplit(t, x, r, 0)
}

// Down from the root to the leaf where (k, t, s) goes, each child on the way counting one more pair and
// taking it as its smallest if it is; the child index taken at each height goes to `path`.
const descend = (t: SlotTreeState, k: number, tc: number, s: number): number => {
  const { names, iKids, iSizes, iMinK, iMinT, iMinS, iN, path, C } = t
  let x = t.root
  for (let h = t.height; h > 0; h--) {
    // The last child whose smallest pair is at or before (k, s), or the first; it gains one pair.
    const b = x * C
    let lo = 1
    let hi = iN[x] as number
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (before(names, k, tc, s, iMinK[b + mid] as number, iMinT[b + mid] as number, iMinS[b + mid] as number)) hi = mid
      else lo = mid + 1
    }
    const j = lo - 1
    path[h] = j
    iSizes[b + j] = (iSizes[b + j] as number) + 1
    if (j === 0 && before(names, k, tc, s, iMinK[b] as number, iMinT[b] as number, iMinS[b] as number)) {
      iMinK[b] = k
      iMinT[b] = tc
      iMinS[b] = s
      if (h === 1) t.lMinS[iKids[b] as number] = s
    }
    x = iKids[b + j] as number
  }
  return x
}

/** Put slot `s` (tie code `tc`, not in the tree, its record made) in at key `k`. @internal */
export const place = (t: SlotTreeState, k: number, tc: number, s: number): void => {
  const x = descend(t, k, tc, s)
  const n = t.lN[x] as number
  const kb = x * t.LW
  t.lf[kb + n] = k
  t.li[(kb + t.C) * 2 + n] = s
  t.lN[x] = n + 1
  t.rec[s * 4] = k
  t.rec[s * 4 + 2] = x
  t.total++
  countPlaced(t, k)
  if (n + 1 > t.B) splitLeaf(t, x)
}
