/**
 * An order-statistic B+ tree over `(key, slot)` pairs, for the live board.
 * Internal: keys ascend (smaller is better); a slot is a small integer naming
 * one pair, and ties on key are ordered by the slot's name (`names[slot]`).
 * Every leaf is at the same depth; each inner node keeps its children's sizes
 * and smallest pairs, so insert, remove, rank and select are O(B · log_B n).
 *
 * Why it looks the way it does (a million subjects: every operation costs
 * its cache misses, not its comparisons):
 * - nodes are integer indices into typed arrays, not objects holding arrays,
 *   so reading a node's keys is one memory load, not three dependent ones; a
 *   leaf's keys and slots sit side by side in one block of one buffer, and
 *   each slot's key, tie code and leaf in one record, so an update touches
 *   few pages (on a shared virtual machine a page-table walk costs more than
 *   the whole search);
 * - each slot keeps a handle to its leaf, and nodes their parent and their
 *   index there, so removing a slot (half of every score update) needs no
 *   search at all;
 * - a leaf is an unordered bag (every pair in it sorts after every pair of
 *   the leaf before and before every pair of the next): insert appends, remove
 *   moves the last pair into the hole, and counting keys below a bound is a
 *   straight scan of one short array. A leaf is sorted only when it splits or
 *   is listed (O(B²) at worst, a constant);
 * - inner nodes route on the children's smallest pairs with a number that
 *   orders names (`tieCode`) beside each key, so ties on key rarely follow a
 *   pointer to a name;
 * - while every key is an integer and the keys span no more than twice as
 *   many values as there are pairs (points on a contest board), counts of
 *   keys (keycount.ts) answer "how many keys below k" from one small array
 *   in O(log span); a key outside their window drops them, and they are built
 *   again at most once per n placements (O(n log n)), so an update stays
 *   O(log n) amortised.
 * Nodes left empty by removals are unlinked and reused; under-full nodes are
 * not merged, so the height stays bounded by the largest size the tree has had.
 *
 * @internal
 * @module
 */
import { makeKeyCounts, type KeyCounts } from './keycount.js'

/** @internal */
export interface SlotTree {
  readonly size: () => number
  /** Insert a slot with a key; the slot must not be in the tree, and its name must be set. */
  readonly insert: (key: number, slot: number) => void
  /** Give a slot in the tree a new key. */
  readonly move: (slot: number, key: number) => void
  /** Remove a slot, found through its leaf handle; false if it was not in the tree. */
  readonly remove: (slot: number) => boolean
  /** The key of a slot in the tree. */
  readonly keyOf: (slot: number) => number
  /** How many pairs have a key strictly below `key`. */
  readonly countLess: (key: number) => number
  /** How many pairs have a key at or below `key`. */
  readonly countLessEq: (key: number) => number
  /** How many pairs sort before `(key, name)`, whether or not such a pair is in the tree. */
  readonly countBefore: (key: number, name: string) => number
  /** The zero-based position of a slot in the tree's order, or -1 if it is not in the tree. */
  readonly position: (slot: number) => number
  /** Visit up to `count` pairs in order from position `from` on (O(log n + count)). */
  readonly scan: (from: number, count: number, visit: (key: number, slot: number) => void) => void
  /** Whether integer key counts are kept at the moment (for tests). */
  readonly counted: () => boolean
  /** Check sizes, order, depths, links and handles (for tests); returns the number of pairs. */
  readonly checkOrThrow: () => number
}

const DEFAULT_FANOUT = 64
const NONE = -1
// Key counts (keycount.ts) are kept from this many pairs on, while the keys are integers spanning at most
// SPAN times as many values as there are pairs.
const DEFAULT_MIN_COUNTED = 1024
const SPAN = 2

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

/**
 * A number that orders names as JavaScript compares strings wherever it differs: the first six UTF-16 code
 * units, each as one byte (an ASCII unit as itself + 1, the end of the name as 0), stopping at the first
 * non-ASCII unit, written as 129. Two names with different codes compare like their codes (before the
 * first differing byte they share the same ASCII units); equal codes say nothing, and the names decide.
 * With it most ties on score are settled inside the leaf, without following pointers to the names.
 *
 * @internal
 */
export const tieCode = (name: string): number => {
  let code = 0
  let stopped = false
  for (let i = 0; i < 6; i++) {
    let byte = 0
    if (!stopped && i < name.length) {
      const u = name.charCodeAt(i)
      if (u < 128) byte = u + 1
      else {
        byte = 129
        stopped = true
      }
    } else stopped = true
    code = code * 256 + byte
  }
  return code
}

/** @internal */
export const makeSlotTree = (names: ReadonlyArray<string>, B: number = DEFAULT_FANOUT, minCounted: number = DEFAULT_MIN_COUNTED): SlotTree => {
  const C = B + 1 // cells per node: room for one entry over B, split right after
  // Leaf blocks, LW 8-byte words each: C keys, then C slots (4 bytes each), in no order; the first `lN` in use.
  // Leaf x's keys start at lf[x * LW], its slots at li[(x * LW + C) * 2] (two views of one buffer).
  const LW = C + Math.ceil(C / 2)
  let lf: Float64Array = new Float64Array(LW * 4)
  let li: Int32Array = new Int32Array(lf.buffer)
  // Per leaf: pairs in use, parent, index in the parent, the slot of its smallest pair (a copy of the
  // parent's record, so that a removal need not read the parent to know), and a doubly linked list in key order.
  let lN: Int32Array = new Int32Array(4)
  let lParent: Int32Array = new Int32Array(4)
  let lIdx: Int32Array = new Int32Array(4)
  let lMinS: Int32Array = new Int32Array(4)
  let lNext: Int32Array = new Int32Array(4)
  let lPrev: Int32Array = new Int32Array(4)
  let leafCount = 0
  const freeLeaves: Array<number> = []
  // Inner nodes (C cells each): children (leaves at height 1, inner nodes above), their sizes and smallest
  // pairs (key, tie code of the name, slot).
  let iKids: Int32Array = new Int32Array(C * 4)
  let iSizes: Int32Array = new Int32Array(C * 4)
  let iMinK: Float64Array = new Float64Array(C * 4)
  let iMinT: Float64Array = new Float64Array(C * 4)
  let iMinS: Int32Array = new Int32Array(C * 4)
  let iN: Int32Array = new Int32Array(4)
  let iParent: Int32Array = new Int32Array(4)
  let iIdx: Int32Array = new Int32Array(4)
  let innerCount = 0
  const freeInners: Array<number> = []
  // Per slot, 4 words: key, tie code of its name, leaf (the handle; NONE when not in the tree), unused.
  let rec: Float64Array = new Float64Array(64).fill(NONE)
  // The child index taken at each height on the last insert's way down (heights stay far below 64).
  const path = new Int32Array(64)

  const newLeaf = (): number => {
    const reused = freeLeaves.pop()
    const x = reused ?? leafCount++
    if (x >= lN.length) {
      const m = lN.length * 2
      lf = grow64(lf, m * LW)
      li = new Int32Array(lf.buffer)
      lN = grow32(lN, m)
      lParent = grow32(lParent, m)
      lIdx = grow32(lIdx, m)
      lMinS = grow32(lMinS, m)
      lNext = grow32(lNext, m)
      lPrev = grow32(lPrev, m)
    }
    lN[x] = 0
    lParent[x] = NONE
    lNext[x] = NONE
    lPrev[x] = NONE
    return x
  }
  const newInner = (): number => {
    const reused = freeInners.pop()
    const x = reused ?? innerCount++
    if (x >= iN.length) {
      const m = iN.length * 2
      iKids = grow32(iKids, m * C)
      iSizes = grow32(iSizes, m * C)
      iMinK = grow64(iMinK, m * C)
      iMinT = grow64(iMinT, m * C)
      iMinS = grow32(iMinS, m * C)
      iN = grow32(iN, m)
      iParent = grow32(iParent, m)
      iIdx = grow32(iIdx, m)
    }
    iN[x] = 0
    iParent[x] = NONE
    return x
  }

  let root = newLeaf()
  let height = 0 // 0: the root is a leaf
  let total = 0

  // Counts of the keys while they are integers in a window (see keycount.ts): rank queries then read a few
  // cells of one small array instead of walking down to a leaf. A key outside the window drops them;
  // building them again (O(n log n), from the slot records) is tried once per n placements, so it costs
  // O(log n) per placement, amortised.
  let counts: KeyCounts | undefined
  let untilTry = minCounted
  const tryCounts = (): void => {
    counts = undefined
    untilTry = Math.max(total, minCounted)
    if (total < minCounted) return
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
    if (span > SPAN * total) return
    let width = 1
    while (width < 2 * span) width *= 2 // room for the keys to drift half a span either way
    const c = makeKeyCounts(lo - Math.floor((width - span) / 2), width)
    for (let i = 0; i < rec.length; i += 4) if (rec[i + 2] !== NONE) c.add(rec[i] as number, 1)
    counts = c
  }

  // Pair order in leaves: the key, then the name (through the slots' tie codes first).
  const pairBefore = (k1: number, s1: number, k2: number, s2: number): boolean => {
    if (k1 !== k2) return k1 < k2
    const t1 = rec[s1 * 4 + 1] as number
    const t2 = rec[s2 * 4 + 1] as number
    return t1 < t2 || (t1 === t2 && (names[s1] as string) < (names[s2] as string))
  }
  // The same order on routing triples (key, tie code, slot): the name is read only when key and code tie.
  const before = (k1: number, t1: number, s1: number, k2: number, t2: number, s2: number): boolean =>
    k1 < k2 || (k1 === k2 && (t1 < t2 || (t1 === t2 && (names[s1] as string) < (names[s2] as string))))

  const sizeOf = (x: number, h: number): number => {
    if (h === 0) return lN[x] as number
    let s = 0
    for (let i = x * C, end = i + (iN[x] as number); i < end; i++) s += iSizes[i] as number
    return s
  }
  const parentOf = (x: number, h: number): number => (h === 0 ? (lParent[x] as number) : (iParent[x] as number))
  const setParent = (x: number, h: number, p: number): void => {
    if (h === 0) lParent[x] = p
    else iParent[x] = p
  }
  const idxOf = (x: number, h: number): number => (h === 0 ? (lIdx[x] as number) : (iIdx[x] as number))
  // Record the index in `p` of its children from `from` on (they are at height `h`), after they moved.
  const reindex = (p: number, h: number, from: number): void => {
    for (let i = from; i < (iN[p] as number); i++) {
      const kid = iKids[p * C + i] as number
      if (h === 0) lIdx[kid] = i
      else iIdx[kid] = i
    }
  }
  // The index (0..lN-1) of a slot in its leaf.
  const indexInLeaf = (x: number, s: number): number => {
    const sb = (x * LW + C) * 2
    let i = 0
    while (li[sb + i] !== s) i++
    return i
  }
  // Record node `x` (height `h`, not empty) as child cell `c` of an inner node: its smallest pair.
  const setMin = (c: number, x: number, h: number): void => {
    if (h === 0) {
      const kb = x * LW
      const sb = (kb + C) * 2
      let m = 0
      for (let i = 1; i < (lN[x] as number); i++) if (pairBefore(lf[kb + i] as number, li[sb + i] as number, lf[kb + m] as number, li[sb + m] as number)) m = i
      const s = li[sb + m] as number
      iMinK[c] = lf[kb + m] as number
      iMinT[c] = rec[s * 4 + 1] as number
      iMinS[c] = s
      lMinS[x] = s
    } else {
      iMinK[c] = iMinK[x * C] as number
      iMinT[c] = iMinT[x * C] as number
      iMinS[c] = iMinS[x * C] as number
    }
  }
  // Put a leaf's pairs in order (insertion sort: leaves are short, and often nearly sorted from last time).
  const sortLeaf = (x: number): void => {
    const kb = x * LW
    const sb = (kb + C) * 2
    const n = lN[x] as number
    for (let i = 1; i < n; i++) {
      const k = lf[kb + i] as number
      const s = li[sb + i] as number
      let j = i - 1
      while (j >= 0 && pairBefore(k, s, lf[kb + j] as number, li[sb + j] as number)) {
        lf[kb + j + 1] = lf[kb + j] as number
        li[sb + j + 1] = li[sb + j] as number
        j--
      }
      lf[kb + j + 1] = k
      li[sb + j + 1] = s
    }
  }

  // Node `x` at height `h` has just been split into `x` and its new right sibling `r`: link `r` into the parent.
  const linkSplit = (x: number, r: number, h: number): void => {
    if (h === height) {
      const nr = newInner()
      const b = nr * C
      iKids[b] = x
      iKids[b + 1] = r
      iSizes[b] = sizeOf(x, h)
      iSizes[b + 1] = sizeOf(r, h)
      setMin(b, x, h)
      setMin(b + 1, r, h)
      iN[nr] = 2
      setParent(x, h, nr)
      setParent(r, h, nr)
      reindex(nr, h, 0)
      root = nr
      height++
      return
    }
    const p = parentOf(x, h)
    const b = p * C
    const j = path[h + 1] as number
    const n = iN[p] as number
    for (let i = n; i > j + 1; i--) {
      iKids[b + i] = iKids[b + i - 1] as number
      iSizes[b + i] = iSizes[b + i - 1] as number
      iMinK[b + i] = iMinK[b + i - 1] as number
      iMinT[b + i] = iMinT[b + i - 1] as number
      iMinS[b + i] = iMinS[b + i - 1] as number
    }
    iKids[b + j + 1] = r
    iSizes[b + j] = sizeOf(x, h)
    iSizes[b + j + 1] = sizeOf(r, h)
    setMin(b + j + 1, r, h)
    setParent(r, h, p)
    iN[p] = n + 1
    reindex(p, h, j + 1)
    if (n + 1 <= B) return
    // Split the parent in turn: its upper half of children move to a new inner node.
    const q = newInner()
    const qb = q * C
    const half = (n + 1) >>> 1
    for (let i = half; i <= n; i++) {
      const kid = iKids[b + i] as number
      iKids[qb + i - half] = kid
      iSizes[qb + i - half] = iSizes[b + i] as number
      iMinK[qb + i - half] = iMinK[b + i] as number
      iMinT[qb + i - half] = iMinT[b + i] as number
      iMinS[qb + i - half] = iMinS[b + i] as number
      setParent(kid, h, q)
    }
    iN[q] = n + 1 - half
    iN[p] = half
    reindex(q, h, 0)
    linkSplit(p, q, h + 1)
  }

  const splitLeaf = (x: number): void => {
    sortLeaf(x)
    const r = newLeaf()
    const xk = x * LW
    const xs = (xk + C) * 2
    const rk = r * LW
    const rs = (rk + C) * 2
    const n = lN[x] as number
    const half = n >>> 1
    for (let i = half; i < n; i++) {
      const s = li[xs + i] as number
      lf[rk + i - half] = lf[xk + i] as number
      li[rs + i - half] = s
      rec[s * 4 + 2] = r
    }
    lN[r] = n - half
    lN[x] = half
    const next = lNext[x] as number
    lNext[r] = next
    lPrev[r] = x
    lNext[x] = r
    if (next !== NONE) lPrev[next] = r
    linkSplit(x, r, 0)
  }

  // Put slot `s` (tie code `t`, not in the tree) in at key `k`.
  const place = (k: number, t: number, s: number): void => {
    let x = root
    for (let h = height; h > 0; h--) {
      // The last child whose smallest pair is at or before (k, s), or the first; it gains one pair.
      const b = x * C
      let lo = 1
      let hi = iN[x] as number
      while (lo < hi) {
        const mid = (lo + hi) >>> 1
        if (before(k, t, s, iMinK[b + mid] as number, iMinT[b + mid] as number, iMinS[b + mid] as number)) hi = mid
        else lo = mid + 1
      }
      const j = lo - 1
      path[h] = j
      iSizes[b + j] = (iSizes[b + j] as number) + 1
      if (j === 0 && before(k, t, s, iMinK[b] as number, iMinT[b] as number, iMinS[b] as number)) {
        iMinK[b] = k
        iMinT[b] = t
        iMinS[b] = s
        if (h === 1) lMinS[iKids[b] as number] = s
      }
      x = iKids[b + j] as number
    }
    const n = lN[x] as number
    lf[x * LW + n] = k
    li[(x * LW + C) * 2 + n] = s
    lN[x] = n + 1
    rec[s * 4] = k
    rec[s * 4 + 2] = x
    total++
    if (counts !== undefined) {
      if (!counts.add(k, 1)) {
        counts = undefined
        untilTry = Math.max(total, minCounted)
      }
    } else if (--untilTry <= 0) tryCounts()
    if (n + 1 > B) splitLeaf(x)
  }

  // Take slot `s` (in leaf `x`) out.
  const unplace = (s: number, x: number): void => {
    const kb = x * LW
    const sb = (kb + C) * 2
    const n = lN[x] as number
    const p = indexInLeaf(x, s)
    lf[kb + p] = lf[kb + n - 1] as number
    li[sb + p] = li[sb + n - 1] as number
    lN[x] = n - 1
    rec[s * 4 + 2] = NONE
    total--
    if (counts !== undefined) counts.add(rec[s * 4] as number, -1)
    // Up the parent links: one fewer pair below each ancestor; a new smallest pair goes up while it is
    // its parent's first; a node left empty is unlinked from its parent and freed.
    let child = x
    let emptied = n === 1
    let minChanged = false
    for (let h = 0; h < height; h++) {
      const par = parentOf(child, h)
      const pb = par * C
      const pn = iN[par] as number
      const j = idxOf(child, h)
      if (emptied) {
        for (let i = pb + j; i < pb + pn - 1; i++) {
          iKids[i] = iKids[i + 1] as number
          iSizes[i] = iSizes[i + 1] as number
          iMinK[i] = iMinK[i + 1] as number
          iMinT[i] = iMinT[i + 1] as number
          iMinS[i] = iMinS[i + 1] as number
        }
        iN[par] = pn - 1
        reindex(par, h, j)
        if (h === 0) {
          const prev = lPrev[child] as number
          const next = lNext[child] as number
          if (prev !== NONE) lNext[prev] = next
          if (next !== NONE) lPrev[next] = prev
          freeLeaves.push(child)
        } else freeInners.push(child)
        emptied = pn === 1
        minChanged = j === 0
      } else {
        iSizes[pb + j] = (iSizes[pb + j] as number) - 1
        // A leaf does not keep its pairs in order: was this its smallest (the parent's record, copied in lMinS)?
        if (h === 0) minChanged = lMinS[child] === s
        if (minChanged) {
          setMin(pb + j, child, h)
          minChanged = j === 0
        }
      }
      child = par
    }
    if (emptied && height > 0) {
      // Everything was removed: start again from an empty leaf.
      freeInners.push(root)
      root = newLeaf()
      height = 0
    }
    while (height > 0 && iN[root] === 1) {
      freeInners.push(root)
      root = iKids[root * C] as number
      height--
      setParent(root, height, NONE)
    }
  }

  const leafOf = (s: number): number => (s * 4 < rec.length ? (rec[s * 4 + 2] as number) : NONE)

  const insert = (k: number, s: number): void => {
    if (s * 4 >= rec.length) {
      const grown = new Float64Array(Math.max(rec.length * 2, s * 4 + 4)).fill(NONE)
      grown.set(rec)
      rec = grown
    }
    const t = tieCode(names[s] as string)
    rec[s * 4 + 1] = t
    place(k, t, s)
  }

  const move = (s: number, k: number): void => {
    unplace(s, rec[s * 4 + 2] as number)
    place(k, rec[s * 4 + 1] as number, s)
  }

  const remove = (s: number): boolean => {
    const x = leafOf(s)
    if (x === NONE) return false
    unplace(s, x)
    return true
  }

  // How many pairs have a key below `k` (or at most `k` when `orEqual`); keys only, the hot path of rank queries.
  const countKey = (k: number, orEqual: boolean): number => {
    if (counts !== undefined) return orEqual ? counts.countLessEq(k) : counts.countLess(k)
    let x = root
    let c = 0
    for (let h = height; h > 0; h--) {
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
    const kb = x * LW
    const end = kb + (lN[x] as number)
    if (orEqual) for (let i = kb; i < end; i++) c += (lf[i] as number) <= k ? 1 : 0
    else for (let i = kb; i < end; i++) c += (lf[i] as number) < k ? 1 : 0
    return c
  }

  const countBefore = (k: number, name: string): number => {
    const t = tieCode(name)
    let x = root
    let c = 0
    for (let h = height; h > 0; h--) {
      const b = x * C
      let lo = 0
      let hi = iN[x] as number
      while (lo < hi) {
        const mid = (lo + hi) >>> 1
        const km = iMinK[b + mid] as number
        const tm = iMinT[b + mid] as number
        if (km < k || (km === k && (tm < t || (tm === t && (names[iMinS[b + mid] as number] as string) < name)))) lo = mid + 1
        else hi = mid
      }
      if (lo === 0) return c
      for (let i = b; i < b + lo - 1; i++) c += iSizes[i] as number
      x = iKids[b + lo - 1] as number
    }
    const kb = x * LW
    const sb = (kb + C) * 2
    for (let i = 0; i < (lN[x] as number); i++) {
      const km = lf[kb + i] as number
      if (km < k || (km === k && (names[li[sb + i] as number] as string) < name)) c++
    }
    return c
  }

  const position = (s: number): number => {
    const x = leafOf(s)
    if (x === NONE) return -1
    const kb = x * LW
    const sb = (kb + C) * 2
    const k = rec[s * 4] as number
    let c = 0
    for (let i = 0; i < (lN[x] as number); i++) if (pairBefore(lf[kb + i] as number, li[sb + i] as number, k, s)) c++
    let child = x
    for (let h = 0; h < height; h++) {
      const par = parentOf(child, h)
      const pb = par * C
      const j = idxOf(child, h)
      for (let i = pb; i < pb + j; i++) c += iSizes[i] as number
      child = par
    }
    return c
  }

  const scan = (from: number, count: number, visit: (key: number, slot: number) => void): void => {
    if (from < 0 || from >= total || count <= 0) return
    let x = root
    let j = from
    for (let h = height; h > 0; h--) {
      let i = x * C
      while (j >= (iSizes[i] as number)) j -= iSizes[i++] as number
      x = iKids[i] as number
    }
    sortLeaf(x)
    for (let left = Math.min(count, total - from); left > 0; left--) {
      if (j === lN[x]) {
        x = lNext[x] as number
        sortLeaf(x)
        j = 0
      }
      visit(lf[x * LW + j] as number, li[(x * LW + C) * 2 + j] as number)
      j++
    }
  }

  const checkOrThrow = (): number => {
    let prevK = 0
    let prevS = 0
    let first = true
    let lastLeaf = NONE
    const keys: Array<number> = []
    // The order by definition (key, then name), not through tie codes, which this also checks.
    const plainBefore = (k1: number, s1: number, k2: number, s2: number): boolean =>
      k1 < k2 || (k1 === k2 && (names[s1] as string) < (names[s2] as string))
    const walk = (x: number, h: number, parent: number, cell: number): number => {
      if (parentOf(x, h) !== parent) throw new Error('parent link')
      if (parent !== NONE && idxOf(x, h) !== cell - parent * C) throw new Error('index in parent')
      if (h === 0) {
        const n = lN[x] as number
        if (x !== root && n === 0) throw new Error('empty leaf linked')
        if (lPrev[x] !== lastLeaf || (lastLeaf !== NONE && lNext[lastLeaf] !== x)) throw new Error('leaf list')
        lastLeaf = x
        const pairs = Array.from({ length: n }, (_, i) => [lf[x * LW + i] as number, li[(x * LW + C) * 2 + i] as number] as const)
        pairs.sort((a, b) => (plainBefore(a[0], a[1], b[0], b[1]) ? -1 : plainBefore(b[0], b[1], a[0], a[1]) ? 1 : 0))
        for (const [k, s] of pairs) {
          if (rec[s * 4 + 2] !== x || rec[s * 4] !== k || rec[s * 4 + 1] !== tieCode(names[s] as string)) throw new Error('slot record')
          if (!first && !plainBefore(prevK, prevS, k, s)) throw new Error('pairs out of order')
          keys.push(k)
          first = false
          prevK = k
          prevS = s
        }
        const min = pairs[0]
        if (cell !== NONE && min !== undefined && (iMinK[cell] !== min[0] || iMinS[cell] !== min[1] || iMinT[cell] !== tieCode(names[min[1]] as string))) {
          throw new Error('leaf minimum')
        }
        if (cell !== NONE && min !== undefined && lMinS[x] !== min[1]) throw new Error('leaf minimum copy')
        return n
      }
      const n = iN[x] as number
      if (n === 0) throw new Error('child count')
      if (cell !== NONE && (iMinK[cell] !== iMinK[x * C] || iMinT[cell] !== iMinT[x * C] || iMinS[cell] !== iMinS[x * C])) throw new Error('child minimum')
      let sum = 0
      for (let i = 0; i < n; i++) {
        const ks = walk(iKids[x * C + i] as number, h - 1, x, x * C + i)
        if (ks !== iSizes[x * C + i]) throw new Error('child size')
        sum += ks
      }
      return sum
    }
    const n = walk(root, height, NONE, NONE)
    if (lastLeaf !== NONE && lNext[lastLeaf] !== NONE) throw new Error('leaf list end')
    if (height > 0 && iN[root] === 1) throw new Error('root with one child')
    // Key counts, when kept, agree with the tree on each key and between keys.
    if (counts !== undefined) {
      for (let i = 0; i < keys.length; ) {
        const k = keys[i] as number
        let j = i
        while (keys[j] === k) j++
        const c = counts
        if (c.countLess(k) !== i || c.countLessEq(k - 0.5) !== i || c.countLessEq(k) !== j || c.countLess(k + 0.5) !== j) throw new Error('key counts')
        i = j
      }
    }
    let handles = 0
    for (let i = 2; i < rec.length; i += 4) if (rec[i] !== NONE) handles++
    if (n !== total || handles !== total) throw new Error('total')
    return n
  }

  return {
    size: () => total,
    insert,
    move,
    remove,
    keyOf: (s) => rec[s * 4] as number,
    countLess: (k) => countKey(k, false),
    countLessEq: (k) => countKey(k, true),
    countBefore,
    position,
    scan,
    counted: () => counts !== undefined,
    checkOrThrow
  }
}

/** @internal */
export interface OrderedSet {
  readonly size: () => number
  /** Insert a pair (nothing happens if it is there already). */
  readonly insert: (key: number, id: string) => void
  readonly remove: (key: number, id: string) => boolean
  /** How many pairs have a key strictly below `key`. */
  readonly countLess: (key: number) => number
  /** How many pairs have a key at or below `key`. */
  readonly countLessEq: (key: number) => number
  /** How many pairs sort before `(key, id)`. */
  readonly position: (key: number, id: string) => number
  /** The pair at a zero-based position, or undefined. */
  readonly at: (i: number) => { readonly key: number; readonly id: string } | undefined
  /** Check sizes, order and depths (for tests); returns the number of pairs. */
  readonly checkOrThrow: () => number
}

/**
 * The same tree over `(key, id)` pairs, each pair given a slot of its own (the live board's index of
 * distinct scores, where the id is always '').
 *
 * @internal
 */
export const makeOrderedSet = (B: number = DEFAULT_FANOUT): OrderedSet => {
  const names: Array<string> = []
  const keys: Array<number> = []
  const slots = new Map<string, Map<number, number>>() // id → key → slot
  const free: Array<number> = []
  const tree = makeSlotTree(names, B)
  return {
    size: tree.size,
    insert: (k, id) => {
      let byKey = slots.get(id)
      if (byKey === undefined) {
        byKey = new Map()
        slots.set(id, byKey)
      }
      if (byKey.has(k)) return
      const s = free.pop() ?? names.length
      names[s] = id
      keys[s] = k
      byKey.set(k, s)
      tree.insert(k, s)
    },
    remove: (k, id) => {
      const byKey = slots.get(id)
      const s = byKey?.get(k)
      if (byKey === undefined || s === undefined) return false
      byKey.delete(k)
      if (byKey.size === 0) slots.delete(id)
      tree.remove(s)
      free.push(s)
      return true
    },
    countLess: tree.countLess,
    countLessEq: tree.countLessEq,
    position: tree.countBefore,
    at: (i) => {
      let out: { readonly key: number; readonly id: string } | undefined
      tree.scan(i, 1, (key, s) => {
        out = { key, id: names[s] as string }
      })
      return out
    },
    checkOrThrow: tree.checkOrThrow
  }
}
