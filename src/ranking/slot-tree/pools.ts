/**
 * The slot tree's storage: its state (every node an integer index into typed arrays, see tree.ts for
 * why) and the pools of leaves, inner nodes and slot records, grown by doubling.
 *
 * @internal
 * @module
 */
import type { KeyCounts } from '../keycount.js'

/** No node, no leaf handle. @internal */
export const NONE = -1

/**
 * A slot tree's mutable state, one object so that the operations are module-level functions taking it
 * (V8 inlines them; no per-call closure). Its fields are reassigned when a pool grows: read a pool
 * again after anything that may allocate a node.
 *
 * @internal
 */
export interface SlotTreeState {
  /** Each slot's name (ties on key are ordered by it); owned by the caller. */
  readonly names: ReadonlyArray<string>
  /** The fan-out: at most B pairs in a leaf, B children in an inner node. */
  readonly B: number
  /** Cells per node: room for one entry over B, split right after. */
  readonly C: number
  /** 8-byte words per leaf block: C keys, then C slots (4 bytes each). */
  readonly LW: number
  // Leaf blocks, in no order, the first `lN` in use: leaf x's keys start at lf[x * LW], its slots at
  // li[(x * LW + C) * 2] (two views of one buffer).
  lf: Float64Array
  li: Int32Array
  // Per leaf: pairs in use, parent, index in the parent, the slot of its smallest pair (a copy of the
  // parent's record, so that a removal need not read the parent to know), and a doubly linked list in key order.
  lN: Int32Array
  lParent: Int32Array
  lIdx: Int32Array
  lMinS: Int32Array
  lNext: Int32Array
  lPrev: Int32Array
  leafCount: number
  readonly freeLeaves: Array<number>
  // Inner nodes (C cells each): children (leaves at height 1, inner nodes above), their sizes and smallest
  // pairs (key, tie code of the name, slot); then per node: children in use, parent, index in the parent.
  iKids: Int32Array
  iSizes: Int32Array
  iMinK: Float64Array
  iMinT: Float64Array
  iMinS: Int32Array
  iN: Int32Array
  iParent: Int32Array
  iIdx: Int32Array
  innerCount: number
  readonly freeInners: Array<number>
  /** Per slot, 4 words: key, tie code of its name, leaf (the handle; NONE when not in the tree), unused. */
  rec: Float64Array
  /** The child index taken at each height on the last insert's way down (heights stay far below 64). */
  readonly path: Int32Array
  root: number
  /** 0: the root is a leaf. */
  height: number
  total: number
  /** Counts of the keys while they are integers in a window (see counts.ts). */
  counts: KeyCounts | undefined
  /** Placements left before building the counts is tried again. */
  untilTry: number
  /** Counts are kept from this many pairs on. */
  readonly minCounted: number
}

const grow64 = (a: Float64Array, n: number): Float64Array => {
  const b = new Float64Array(n)
  b.set(a)
  return b
}
const grow32 = (a: Int32Array, n: number): Int32Array => {
  const b = new Int32Array(n)
  b.set(a)
  return b
}

/** An empty tree's state: one empty leaf as the root. @internal */
export const makeState = (names: ReadonlyArray<string>, B: number, minCounted: number): SlotTreeState => {
  const C = B + 1
  const LW = C + Math.ceil(C / 2)
  const lf = new Float64Array(LW * 4)
  const t: SlotTreeState = {
    names,
    B,
    C,
    LW,
    lf,
    li: new Int32Array(lf.buffer),
    lN: new Int32Array(4),
    lParent: new Int32Array(4),
    lIdx: new Int32Array(4),
    lMinS: new Int32Array(4),
    lNext: new Int32Array(4),
    lPrev: new Int32Array(4),
    leafCount: 0,
    freeLeaves: [],
    iKids: new Int32Array(C * 4),
    iSizes: new Int32Array(C * 4),
    iMinK: new Float64Array(C * 4),
    iMinT: new Float64Array(C * 4),
    iMinS: new Int32Array(C * 4),
    iN: new Int32Array(4),
    iParent: new Int32Array(4),
    iIdx: new Int32Array(4),
    innerCount: 0,
    freeInners: [],
    rec: new Float64Array(64).fill(NONE),
    path: new Int32Array(64),
    root: NONE,
    height: 0,
    total: 0,
    counts: undefined,
    untilTry: minCounted,
    minCounted
  }
  t.root = newLeaf(t)
  return t
}

// Double every per-leaf pool to room for `m` leaves.
const growLeaves = (t: SlotTreeState, m: number): void => {
  t.lf = grow64(t.lf, m * t.LW)
  t.li = new Int32Array(t.lf.buffer)
  t.lN = grow32(t.lN, m)
  t.lParent = grow32(t.lParent, m)
  t.lIdx = grow32(t.lIdx, m)
  t.lMinS = grow32(t.lMinS, m)
  t.lNext = grow32(t.lNext, m)
  t.lPrev = grow32(t.lPrev, m)
}

// Double every per-inner-node pool to room for `m` inner nodes.
const growInners = (t: SlotTreeState, m: number): void => {
  const C = t.C
  t.iKids = grow32(t.iKids, m * C)
  t.iSizes = grow32(t.iSizes, m * C)
  t.iMinK = grow64(t.iMinK, m * C)
  t.iMinT = grow64(t.iMinT, m * C)
  t.iMinS = grow32(t.iMinS, m * C)
  t.iN = grow32(t.iN, m)
  t.iParent = grow32(t.iParent, m)
  t.iIdx = grow32(t.iIdx, m)
}

/** An empty, unlinked leaf (a freed one if any); the leaf pools may be new arrays after it. @internal */
export const newLeaf = (t: SlotTreeState): number => {
  const reused = t.freeLeaves.pop()
  const x = reused ?? t.leafCount++
  if (x >= t.lN.length) growLeaves(t, t.lN.length * 2)
  t.lN[x] = 0
  t.lParent[x] = NONE
  t.lNext[x] = NONE
  t.lPrev[x] = NONE
  return x
}

/** An empty inner node with no parent (a freed one if any); the inner pools may be new arrays after it. @internal */
export const newInner = (t: SlotTreeState): number => {
  const reused = t.freeInners.pop()
  const x = reused ?? t.innerCount++
  if (x >= t.iN.length) growInners(t, t.iN.length * 2)
  t.iN[x] = 0
  t.iParent[x] = NONE
  return x
}

/** Room for slot `s`'s record (new records have no leaf). @internal */
export const ensureRecord = (t: SlotTreeState, s: number): void => {
  if (s * 4 < t.rec.length) return
  const grown = new Float64Array(Math.max(t.rec.length * 2, s * 4 + 4)).fill(NONE)
  grown.set(t.rec)
  t.rec = grown
}
