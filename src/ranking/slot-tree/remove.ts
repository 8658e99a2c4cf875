/**
 * Taking a pair out of a slot tree: found through its slot's leaf handle, with no search; up the parent
 * links, sizes shrink, smallest pairs are recomputed and empty nodes unlinked and freed.
 *
 * @internal
 * @module
 */
import { copyCell, idxOf, indexInLeaf, parentOf, reindex, setMin, setParent } from './nodes.js'
import { NONE, newLeaf, type SlotTreeState } from './pools.js'

// Unlink child `j` (at height `h`, left empty) from inner node `par` (of `pn` children) and free it.
const unlinkEmpty = (t: SlotTreeState, par: number, pn: number, j: number, child: number, h: number): void => {
  const pb = par * t.C
  for (let i = pb + j; i < pb + pn - 1; i++) copyCell(t, i, i + 1)
  t.iN[par] = pn - 1
  reindex(t, par, h, j)
  if (h === 0) {
    const prev = t.lPrev[child] as number
    const next = t.lNext[child] as number
    if (prev !== NONE) t.lNext[prev] = next
    if (next !== NONE) t.lPrev[next] = prev
    t.freeLeaves.push(child)
  } else t.freeInners.push(child)
}

// Up the parent links from leaf `x` (which lost slot `s`, and is now empty if `emptied`): one fewer pair
// below each ancestor; a new smallest pair goes up while it is its parent's first; a node left empty is
// unlinked from its parent and freed. Whether the root was left empty.
const shrinkUp = (t: SlotTreeState, x: number, s: number, emptied: boolean): boolean => {
  let child = x
  let minChanged = false
  for (let h = 0, height = t.height; h < height; h++) {
    const par = parentOf(t, child, h)
    const pn = t.iN[par] as number
    const j = idxOf(t, child, h)
    if (emptied) {
      unlinkEmpty(t, par, pn, j, child, h)
      emptied = pn === 1
      minChanged = j === 0
    } else {
      const c = par * t.C + j
      t.iSizes[c] = (t.iSizes[c] as number) - 1
      // A leaf does not keep its pairs in order: was this its smallest (the parent's record, copied in lMinS)?
      if (h === 0) minChanged = t.lMinS[child] === s
      if (minChanged) {
        setMin(t, c, child, h)
        minChanged = j === 0
      }
    }
    child = par
  }
  return emptied
}

// After removals: an empty tree starts again from an empty leaf; a root with one child gives way to it.
const collapseRoot = (t: SlotTreeState, emptied: boolean): void => {
  if (emptied && t.height > 0) {
    t.freeInners.push(t.root)
    t.root = newLeaf(t)
    t.height = 0
  }
  while (t.height > 0 && t.iN[t.root] === 1) {
    t.freeInners.push(t.root)
    t.root = t.iKids[t.root * t.C] as number
    t.height--
    setParent(t, t.root, t.height, NONE)
  }
}

/** Take slot `s` (in leaf `x`) out: the last pair of the leaf moves into its hole. @internal */
export const unplace = (t: SlotTreeState, s: number, x: number): void => {
  const lf = t.lf
  const li = t.li
  const kb = x * t.LW
  const sb = (kb + t.C) * 2
  const n = t.lN[x] as number
  const p = indexInLeaf(t, x, s)
  lf[kb + p] = lf[kb + n - 1] as number
  li[sb + p] = li[sb + n - 1] as number
  t.lN[x] = n - 1
  t.rec[s * 4 + 2] = NONE
  t.total--
  if (t.counts !== undefined) t.counts.add(t.rec[s * 4] as number, -1)
  const emptied = shrinkUp(t, x, s, n === 1)
  collapseRoot(t, emptied)
}
