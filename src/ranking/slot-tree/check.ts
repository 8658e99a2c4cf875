/**
 * A slot tree's invariants, checked for tests: sizes, order, depths, links, leaf handles and key counts.
 * Not on any hot path, and not exported by the package.
 *
 * @internal
 * @module
 */
import { idxOf, parentOf } from './nodes.js'
import { plainBefore, tieCode } from './ordering.js'
import { NONE, type SlotTreeState } from './pools.js'

// What the walk has seen so far, in key order.
interface Walk {
  prevK: number
  prevS: number
  first: boolean
  lastLeaf: number
  readonly keys: Array<number>
}

// A leaf's pairs in order by definition (key, then name), not through tie codes, which this also checks.
const sortedPairs = (t: SlotTreeState, x: number): Array<readonly [number, number]> => {
  const { names, LW, C } = t
  const pairs = Array.from({ length: t.lN[x] as number }, (_, i) => [t.lf[x * LW + i] as number, t.li[(x * LW + C) * 2 + i] as number] as const)
  const cmp = (a: readonly [number, number], b: readonly [number, number]): number =>
    plainBefore(names, a[0], a[1], b[0], b[1]) ? -1 : plainBefore(names, b[0], b[1], a[0], a[1]) ? 1 : 0
  return pairs.sort(cmp)
}

// Check leaf `x`, recorded in inner cell `cell` (NONE for the root); its number of pairs.
const checkLeaf = (t: SlotTreeState, w: Walk, x: number, cell: number): number => {
  const { names, rec } = t
  const n = t.lN[x] as number
  if (x !== t.root && n === 0) throw new Error('empty leaf linked')
  if (t.lPrev[x] !== w.lastLeaf || (w.lastLeaf !== NONE && t.lNext[w.lastLeaf] !== x)) throw new Error('leaf list')
  w.lastLeaf = x
  const pairs = sortedPairs(t, x)
  for (const [k, s] of pairs) {
    if (rec[s * 4 + 2] !== x || rec[s * 4] !== k || rec[s * 4 + 1] !== tieCode(names[s] as string)) throw new Error('slot record')
    if (!w.first && !plainBefore(names, w.prevK, w.prevS, k, s)) throw new Error('pairs out of order')
    w.keys.push(k)
    w.first = false
    w.prevK = k
    w.prevS = s
  }
  const min = pairs[0]
  if (cell === NONE || min === undefined) return n
  if (t.iMinK[cell] !== min[0] || t.iMinS[cell] !== min[1] || t.iMinT[cell] !== tieCode(names[min[1]] as string)) throw new Error('leaf minimum')
  if (t.lMinS[x] !== min[1]) throw new Error('leaf minimum copy')
  return n
}

// Check node `x` at height `h`, child of `parent` in cell `cell` (both NONE for the root); its number of pairs.
const checkNode = (t: SlotTreeState, w: Walk, x: number, h: number, parent: number, cell: number): number => {
  if (parentOf(t, x, h) !== parent) throw new Error('parent link')
  if (parent !== NONE && idxOf(t, x, h) !== cell - parent * t.C) throw new Error('index in parent')
  if (h === 0) return checkLeaf(t, w, x, cell)
  const n = t.iN[x] as number
  const xc = x * t.C
  if (n === 0) throw new Error('child count')
  if (cell !== NONE && (t.iMinK[cell] !== t.iMinK[xc] || t.iMinT[cell] !== t.iMinT[xc] || t.iMinS[cell] !== t.iMinS[xc])) throw new Error('child minimum')
  let sum = 0
  for (let i = 0; i < n; i++) {
    const ks = checkNode(t, w, t.iKids[xc + i] as number, h - 1, x, xc + i)
    if (ks !== t.iSizes[xc + i]) throw new Error('child size')
    sum += ks
  }
  return sum
}

// Key counts, when kept, agree with the tree (its keys in order) on each key and between keys.
const checkCounts = (t: SlotTreeState, keys: ReadonlyArray<number>): void => {
  const c = t.counts
  if (c === undefined) return
  for (let i = 0; i < keys.length; ) {
    const k = keys[i] as number
    let j = i
    while (keys[j] === k) j++
    if (c.countLess(k) !== i || c.countLessEq(k - 0.5) !== i || c.countLessEq(k) !== j || c.countLess(k + 0.5) !== j) throw new Error('key counts')
    i = j
  }
}

/** Check sizes, order, depths, links and handles; the number of pairs, or a throw. @internal */
export const checkSlotTreeOrThrow = (t: SlotTreeState): number => {
  const w: Walk = { prevK: 0, prevS: 0, first: true, lastLeaf: NONE, keys: [] }
  const n = checkNode(t, w, t.root, t.height, NONE, NONE)
  if (w.lastLeaf !== NONE && t.lNext[w.lastLeaf] !== NONE) throw new Error('leaf list end')
  if (t.height > 0 && t.iN[t.root] === 1) throw new Error('root with one child')
  checkCounts(t, w.keys)
  let handles = 0
  for (let i = 2; i < t.rec.length; i += 4) if (t.rec[i] !== NONE) handles++
  if (n !== t.total || handles !== t.total) throw new Error('total')
  return n
}
