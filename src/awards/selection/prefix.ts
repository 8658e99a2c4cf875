/**
 * The ordered prefix: the eligible in order of key, made final only as far
 * as the selection reads. Choosing the best few of 100,000 needs only the
 * prefix that holds them: a quickselect finds the key below which a few
 * hundred candidates lie, and only those are sorted (by key, then whatever
 * `refine` does to each run of equal keys). The prefix grows when the
 * selection reads further (per-unit quotas, large ties, near misses);
 * competition ranks deeper down come from one sorted copy of the keys, made
 * only when asked.
 *
 * @module
 */
import { orderByKey } from '../../ranking/internal.js'

// The k-th smallest value of `a` (0-based), reordering `a` (Hoare's quickselect). Falls back to a
// full sort if partitions go badly, so it is never worse than O(m log m).
const kthSmallest = (a: Float64Array, k: number): number => {
  let lo = 0
  let hi = a.length - 1
  let budget = 2 * Math.ceil(Math.log2(a.length + 1)) + 8
  while (lo < hi) {
    if (budget-- === 0) {
      a.subarray(lo, hi + 1).sort()
      return a[k] as number
    }
    const pivot = a[(lo + hi) >>> 1] as number
    let i = lo
    let j = hi
    while (i <= j) {
      while ((a[i] as number) < pivot) i++
      while ((a[j] as number) > pivot) j--
      if (i <= j) {
        const t = a[i] as number
        a[i] = a[j] as number
        a[j] = t
        i++
        j--
      }
    }
    if (k <= j) hi = j
    else if (k >= i) lo = i
    else return a[k] as number
  }
  return a[k] as number
}

export interface Prefix {
  /** Makes at least the first `m` (or all) places final, always up to the end of a run of equal keys; returns how many are. */
  readonly ensure: (m: number) => number
  readonly order: () => Int32Array
  /** How many eligible have a key smaller than `v`. */
  readonly countBelow: (v: number) => number
}

// The eligible (`elig`, ascending) in order of key, then item number, then whatever `refine` does to each run of equal keys.
export const prefixOf = (key: Float64Array, elig: Int32Array, refine: ((run: Int32Array) => void) | undefined): Prefix => {
  const of = elig.length
  let order: Int32Array = new Int32Array(0)
  let ready = 0
  let sortedKeys: Float64Array | undefined
  const finish = (xs: Int32Array): void => {
    orderByKey(key, xs)
    if (refine !== undefined) {
      for (let a = 0; a < xs.length; ) {
        let b = a + 1
        while (b < xs.length && key[xs[b] as number] === key[xs[a] as number]) b++
        if (b - a > 1) refine(xs.subarray(a, b))
        a = b
      }
    }
    order = xs
    ready = xs.length
  }
  let ks: Float64Array | undefined // the eligible keys, in whatever order quickselect left them
  const ensure = (m: number): number => {
    if (m <= ready || ready === of) return ready
    const want = Math.max(4 * m, 2 * ready, 64)
    if (4 * want >= of) {
      finish(elig.slice())
      return ready
    }
    // every eligible with a key up to the want-th smallest: the first places, whole runs included
    if (ks === undefined) {
      ks = new Float64Array(of)
      for (let k = 0; k < of; k++) ks[k] = key[elig[k] as number] as number
    }
    const t = kthSmallest(ks, want - 1)
    const sub = new Int32Array(of)
    let c = 0
    for (let k = 0; k < of; k++) {
      const i = elig[k] as number
      if ((key[i] as number) <= t) sub[c++] = i
    }
    finish(sub.slice(0, c))
    return ready
  }
  // first place in `xs` (sorted by key) whose key is not below v
  const lowerBound = (v: number, len: number, at: (k: number) => number): number => {
    let lo = 0
    let hi = len
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (at(mid) < v) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  const countBelow = (v: number): number => {
    // the prefix holds every key up to its last one
    if (ready === of || (ready > 0 && v <= (key[order[ready - 1] as number] as number))) return lowerBound(v, ready, (k) => key[order[k] as number] as number)
    if (sortedKeys === undefined) {
      // the keys in order (a counting sort for integer keys: faster than a native sort of doubles)
      const byKey = orderByKey(key, elig.slice())
      sortedKeys = new Float64Array(of)
      for (let k = 0; k < of; k++) sortedKeys[k] = key[byKey[k] as number] as number
    }
    const s = sortedKeys
    return lowerBound(v, of, (k) => s[k] as number)
  }
  return { ensure, order: () => order, countBelow }
}
