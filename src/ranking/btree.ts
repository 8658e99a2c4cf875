/**
 * An order-statistic B+ tree over `(key, id)` pairs, for the live board.
 * Internal: keys ascend (smaller is better) and ties on key are ordered by id.
 * Every leaf is at the same depth; each inner node keeps its children's sizes
 * and smallest pairs, so insert, remove, rank and select are O(B · log_B n).
 * Fan-out 64 keeps each level's search inside one small contiguous array,
 * which matters more than comparisons once a million subjects are on the
 * board. Nodes left empty by removals are unlinked; under-full nodes are not
 * merged, so the height stays bounded by the largest size the tree has had.
 *
 * @internal
 * @module
 */

/** @internal */
export interface OrderedSet {
  readonly size: () => number
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

const DEFAULT_FANOUT = 64

interface Leaf {
  readonly leaf: true
  readonly keys: Float64Array
  readonly ids: Array<string>
  n: number
}

interface Inner {
  readonly leaf: false
  readonly kids: Array<Node>
  readonly sizes: Int32Array
  readonly minK: Float64Array
  readonly minId: Array<string>
  n: number
}

type Node = Leaf | Inner

const newLeaf = (b: number): Leaf => ({ leaf: true, keys: new Float64Array(b + 1), ids: new Array<string>(b + 1).fill(''), n: 0 })
const newInner = (b: number): Inner => ({
  leaf: false,
  kids: [],
  sizes: new Int32Array(b + 1),
  minK: new Float64Array(b + 1),
  minId: new Array<string>(b + 1).fill(''),
  n: 0
})

const sizeOf = (x: Node): number => {
  if (x.leaf) return x.n
  let s = 0
  for (let i = 0; i < x.n; i++) s += x.sizes[i] as number
  return s
}
const minKeyOf = (x: Node): number => (x.leaf ? (x.keys[0] as number) : (x.minK[0] as number))
const minIdOf = (x: Node): string => (x.leaf ? (x.ids[0] as string) : (x.minId[0] as string))

// (k, id) < (k2, id2)?
const lt = (k: number, id: string, k2: number, id2: string): boolean => k < k2 || (k === k2 && id < id2)

// Leaf: first index whose pair is not below (k, id). An id is read only when the keys are equal: it points
// to a string elsewhere on the heap, and with a million subjects following it is usually a cache miss.
const lowerBound = (x: Leaf, k: number, id: string): number => {
  const keys = x.keys
  const ids = x.ids
  let lo = 0
  let hi = x.n
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const km = keys[mid] as number
    if (km < k || (km === k && (ids[mid] as string) < id)) lo = mid + 1
    else hi = mid
  }
  return lo
}

// Inner: the child to descend into for (k, id): the last whose smallest pair is ≤ (k, id), or 0
// (reading a child's smallest id only when its smallest key equals k, as above).
const route = (x: Inner, k: number, id: string): number => {
  const mins = x.minK
  const minIds = x.minId
  let lo = 1
  let hi = x.n
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const km = mins[mid] as number
    if (k < km || (k === km && id < (minIds[mid] as string))) hi = mid
    else lo = mid + 1
  }
  return lo - 1
}

/** @internal */
export const makeOrderedSet = (B: number = DEFAULT_FANOUT): OrderedSet => {
  let root: Node = newLeaf(B)
  let total = 0

  // Insert; returns a new right sibling when the node split.
  const insertAt = (x: Node, k: number, id: string): Node | undefined => {
    if (x.leaf) {
      const p = lowerBound(x, k, id)
      x.keys.copyWithin(p + 1, p, x.n)
      for (let i = x.n; i > p; i--) x.ids[i] = x.ids[i - 1] as string
      x.keys[p] = k
      x.ids[p] = id
      x.n++
      if (x.n <= B) return undefined
      const r = newLeaf(B)
      const half = x.n >>> 1
      r.keys.set(x.keys.subarray(half, x.n))
      for (let i = half; i < x.n; i++) r.ids[i - half] = x.ids[i] as string
      r.n = x.n - half
      x.n = half
      return r
    }
    const i = route(x, k, id)
    const kid = x.kids[i] as Node
    const split = insertAt(kid, k, id)
    if (i === 0 && lt(k, id, x.minK[0] as number, x.minId[0] as string)) {
      x.minK[0] = k
      x.minId[0] = id
    }
    if (split === undefined) {
      x.sizes[i] = (x.sizes[i] as number) + 1
      return undefined
    }
    x.sizes[i] = sizeOf(kid)
    x.kids.splice(i + 1, 0, split)
    x.sizes.copyWithin(i + 2, i + 1, x.n)
    x.minK.copyWithin(i + 2, i + 1, x.n)
    for (let j = x.n; j > i + 1; j--) x.minId[j] = x.minId[j - 1] as string
    x.sizes[i + 1] = sizeOf(split)
    x.minK[i + 1] = minKeyOf(split)
    x.minId[i + 1] = minIdOf(split)
    x.n++
    if (x.n <= B) return undefined
    const r = newInner(B)
    const half = x.n >>> 1
    for (let j = half; j < x.n; j++) {
      r.kids.push(x.kids[j] as Node)
      r.sizes[j - half] = x.sizes[j] as number
      r.minK[j - half] = x.minK[j] as number
      r.minId[j - half] = x.minId[j] as string
    }
    r.n = x.n - half
    x.kids.length = half
    x.n = half
    return r
  }

  // Remove; true if the pair was there.
  const removeAt = (x: Node, k: number, id: string): boolean => {
    if (x.leaf) {
      const p = lowerBound(x, k, id)
      if (p >= x.n || x.keys[p] !== k || x.ids[p] !== id) return false
      x.keys.copyWithin(p, p + 1, x.n)
      for (let i = p; i < x.n - 1; i++) x.ids[i] = x.ids[i + 1] as string
      x.n--
      return true
    }
    const i = route(x, k, id)
    const kid = x.kids[i] as Node
    if (!removeAt(kid, k, id)) return false
    const left = (x.sizes[i] as number) - 1
    if (left === 0) {
      x.kids.splice(i, 1)
      x.sizes.copyWithin(i, i + 1, x.n)
      x.minK.copyWithin(i, i + 1, x.n)
      for (let j = i; j < x.n - 1; j++) x.minId[j] = x.minId[j + 1] as string
      x.n--
    } else {
      x.sizes[i] = left
      x.minK[i] = minKeyOf(kid)
      x.minId[i] = minIdOf(kid)
    }
    return true
  }

  // How many pairs have a key below `k` (or at most `k` when `orEqual`); keys only, the hot path of rank queries.
  const countKey = (k: number, orEqual: boolean): number => {
    let x = root
    let c = 0
    for (;;) {
      if (x.leaf) {
        const keys = x.keys
        let lo = 0
        let hi = x.n
        while (lo < hi) {
          const mid = (lo + hi) >>> 1
          const km = keys[mid] as number
          if (km < k || (orEqual && km === k)) lo = mid + 1
          else hi = mid
        }
        return c + lo
      }
      // The first child whose smallest key is not before the bound; all children left of its predecessor are.
      const mins = x.minK
      let lo = 0
      let hi = x.n
      while (lo < hi) {
        const mid = (lo + hi) >>> 1
        const km = mins[mid] as number
        if (km < k || (orEqual && km === k)) lo = mid + 1
        else hi = mid
      }
      if (lo === 0) return c
      const sizes = x.sizes
      for (let j = 0; j < lo - 1; j++) c += sizes[j] as number
      x = x.kids[lo - 1] as Node
    }
  }

  // How many pairs sort before (k, id).
  const countPair = (k: number, id: string): number => {
    let x = root
    let c = 0
    for (;;) {
      if (x.leaf) return c + lowerBound(x, k, id)
      const mins = x.minK
      const minIds = x.minId
      let lo = 0
      let hi = x.n
      while (lo < hi) {
        const mid = (lo + hi) >>> 1
        const km = mins[mid] as number
        if (km < k || (km === k && (minIds[mid] as string) < id)) lo = mid + 1
        else hi = mid
      }
      if (lo === 0) return c
      for (let j = 0; j < lo - 1; j++) c += x.sizes[j] as number
      x = x.kids[lo - 1] as Node
    }
  }

  return {
    size: () => total,
    insert: (k, id) => {
      const split = insertAt(root, k, id)
      total++
      if (split !== undefined) {
        const r = newInner(B)
        r.kids.push(root, split)
        r.sizes[0] = sizeOf(root)
        r.sizes[1] = sizeOf(split)
        r.minK[0] = minKeyOf(root)
        r.minId[0] = minIdOf(root)
        r.minK[1] = minKeyOf(split)
        r.minId[1] = minIdOf(split)
        r.n = 2
        root = r
      }
    },
    remove: (k, id) => {
      if (total === 0 || !removeAt(root, k, id)) return false
      total--
      while (!root.leaf && root.n === 1) root = root.kids[0] as Node
      if (!root.leaf && root.n === 0) root = newLeaf(B)
      return true
    },
    countLess: (k) => countKey(k, false),
    countLessEq: (k) => countKey(k, true),
    position: countPair,
    at: (i) => {
      if (i < 0 || i >= total) return undefined
      let x = root
      let j = i
      while (!x.leaf) {
        let c = 0
        while (j >= (x.sizes[c] as number)) j -= x.sizes[c++] as number
        x = x.kids[c] as Node
      }
      return { key: x.keys[j] as number, id: x.ids[j] as string }
    },
    checkOrThrow: () => {
      let depth = -1
      let prevK = -Infinity
      let prevId = ''
      let first = true
      const walk = (x: Node, d: number): number => {
        if (x.leaf) {
          if (depth === -1) depth = d
          if (depth !== d) throw new Error('leaves at different depths')
          for (let i = 0; i < x.n; i++) {
            const k = x.keys[i] as number
            const id = x.ids[i] as string
            if (!first && !lt(prevK, prevId, k, id)) throw new Error('pairs out of order')
            first = false
            prevK = k
            prevId = id
          }
          return x.n
        }
        if (x.n !== x.kids.length || (x !== root && x.n === 0)) throw new Error('child count')
        let s = 0
        for (let i = 0; i < x.n; i++) {
          const kid = x.kids[i] as Node
          if (kid.leaf && kid.n === 0) throw new Error('empty leaf linked')
          const ks = walk(kid, d + 1)
          if (ks !== x.sizes[i]) throw new Error('child size')
          if (x.minK[i] !== minKeyOf(kid) || x.minId[i] !== minIdOf(kid)) throw new Error('child minimum')
          s += ks
        }
        return s
      }
      const n = walk(root, 0)
      if (n !== total) throw new Error('total')
      return n
    }
  }
}
