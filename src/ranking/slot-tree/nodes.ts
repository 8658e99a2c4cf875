/**
 * Reading and writing one node of a slot tree: its size, its parent link, its smallest pair as
 * recorded in its parent, and its leaf's pairs put in order.
 *
 * @internal
 * @module
 */
import { pairBefore } from './ordering.js'
import type { SlotTreeState } from './pools.js'

/** The number of pairs under node `x` at height `h`. @internal */
export const sizeOf = (t: SlotTreeState, x: number, h: number): number => {
  if (h === 0) return t.lN[x] as number
  const iSizes = t.iSizes
  let s = 0
  for (let i = x * t.C, end = i + (t.iN[x] as number); i < end; i++) s += iSizes[i] as number
  return s
}

/** The parent of node `x` at height `h` (NONE for the root). @internal */
export const parentOf = (t: SlotTreeState, x: number, h: number): number => (h === 0 ? (t.lParent[x] as number) : (t.iParent[x] as number))

/** Set the parent of node `x` at height `h`. @internal */
export const setParent = (t: SlotTreeState, x: number, h: number, p: number): void => {
  if (h === 0) t.lParent[x] = p
  else t.iParent[x] = p
}

/** The index of node `x` (height `h`) among its parent's children. @internal */
export const idxOf = (t: SlotTreeState, x: number, h: number): number => (h === 0 ? (t.lIdx[x] as number) : (t.iIdx[x] as number))

/** Record the index in `p` of its children from `from` on (they are at height `h`), after they moved. @internal */
export const reindex = (t: SlotTreeState, p: number, h: number, from: number): void => {
  const iKids = t.iKids
  const idx = h === 0 ? t.lIdx : t.iIdx
  const b = p * t.C
  for (let i = from, n = t.iN[p] as number; i < n; i++) idx[iKids[b + i] as number] = i
}

/** The index (0..lN-1) of a slot in its leaf. @internal */
export const indexInLeaf = (t: SlotTreeState, x: number, s: number): number => {
  const li = t.li
  const sb = (x * t.LW + t.C) * 2
  let i = 0
  while (li[sb + i] !== s) i++
  return i
}

/** Record node `x` (height `h`, not empty) as child cell `c` of an inner node: its smallest pair. @internal */
export const setMin = (t: SlotTreeState, c: number, x: number, h: number): void => {
  if (h === 0) {
    const lf = t.lf
    const li = t.li
    const kb = x * t.LW
    const sb = (kb + t.C) * 2
    let m = 0
    for (let i = 1, n = t.lN[x] as number; i < n; i++) if (pairBefore(t, lf[kb + i] as number, li[sb + i] as number, lf[kb + m] as number, li[sb + m] as number)) m = i
    const s = li[sb + m] as number
    t.iMinK[c] = lf[kb + m] as number
    t.iMinT[c] = t.rec[s * 4 + 1] as number
    t.iMinS[c] = s
    t.lMinS[x] = s
  } else {
    const xc = x * t.C
    t.iMinK[c] = t.iMinK[xc] as number
    t.iMinT[c] = t.iMinT[xc] as number
    t.iMinS[c] = t.iMinS[xc] as number
  }
}

/** Put a leaf's pairs in order (insertion sort: leaves are short, and often nearly sorted from last time). @internal */
export const sortLeaf = (t: SlotTreeState, x: number): void => {
  const lf = t.lf
  const li = t.li
  const kb = x * t.LW
  const sb = (kb + t.C) * 2
  const n = t.lN[x] as number
  for (let i = 1; i < n; i++) {
    const k = lf[kb + i] as number
    const s = li[sb + i] as number
    let j = i - 1
    while (j >= 0 && pairBefore(t, k, s, lf[kb + j] as number, li[sb + j] as number)) {
      lf[kb + j + 1] = lf[kb + j] as number
      li[sb + j + 1] = li[sb + j] as number
      j--
    }
    lf[kb + j + 1] = k
    li[sb + j + 1] = s
  }
}

/** Copy inner cell `from` to cell `to` (child, size and smallest pair). @internal */
export const copyCell = (t: SlotTreeState, to: number, from: number): void => {
  t.iKids[to] = t.iKids[from] as number
  t.iSizes[to] = t.iSizes[from] as number
  t.iMinK[to] = t.iMinK[from] as number
  t.iMinT[to] = t.iMinT[from] as number
  t.iMinS[to] = t.iMinS[from] as number
}
