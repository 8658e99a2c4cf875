/**
 * Sorting numbers in typed arrays without a comparator: a stable least
 * significant digit radix sort of items by a double key (ranking and award
 * selection order millions of subjects with it), and a linear-time check for
 * a repeated subject id (hashes sorted the same way, then one pass over
 * neighbours). Both run in O(n) over typed arrays, so their cost per item
 * stays flat from a hundred thousand to millions of items.
 *
 * @internal
 * @module
 */

// Little-endian hosts keep a double's low word first.
const LITTLE = /*#__PURE__*/ new Uint8Array(/*#__PURE__*/ new Uint16Array([1]).buffer)[0] === 1
const LO = LITTLE ? 0 : 1
const HI = LITTLE ? 1 : 0
const RADIX = 2048 // 11-bit digits: a pass's counts fit in the first-level cache

// One pass's counts (at `base`) turned into where each digit's keys start in `next`; false when one digit
// holds all `m` keys, so the pass would order nothing.
const digitStarts = (counts: Int32Array, base: number, m: number, next: Int32Array): boolean => {
  let sum = 0
  for (let b = 0; b < RADIX; b++) {
    const c = counts[base + b] as number
    if (c === m) return false
    next[b] = sum
    sum += c
  }
  return true
}

/**
 * Order `items` (indexes into `keys`) by their key, smaller first, stably: items
 * with equal keys keep their order in `items`. Keys may be any double but NaN;
 * -0 and 0 are equal. Sorts in place and returns `items`.
 *
 * @internal
 * @example
 * radixOrder(Float64Array.of(0.5, -2, 0.5, 1e300), Int32Array.of(0, 1, 2, 3)) // => Int32Array [1, 0, 2, 3]
 */
export const radixOrder = (keys: Float64Array, items: Int32Array): Int32Array => {
  const m = items.length
  if (m < 2) return items
  // Each key as 64 bits whose unsigned order is the numeric order: a negative key has all its bits
  // flipped, a positive one its sign bit (+0 first folds -0 into 0).
  const f = new Float64Array(m)
  for (let k = 0; k < m; k++) f[k] = (keys[items[k] as number] as number) + 0
  const w = new Uint32Array(f.buffer)
  let lo = new Uint32Array(m)
  let hi = new Uint32Array(m)
  const counts = new Int32Array(6 * RADIX)
  for (let k = 0; k < m; k++) {
    let l = w[2 * k + LO] as number
    let h = w[2 * k + HI] as number
    if (h >= 0x80000000) {
      l = ~l >>> 0
      h = ~h >>> 0
    } else h = (h | 0x80000000) >>> 0
    lo[k] = l
    hi[k] = h
    counts[l & 2047] = (counts[l & 2047] as number) + 1
    counts[RADIX + ((l >>> 11) & 2047)] = (counts[RADIX + ((l >>> 11) & 2047)] as number) + 1
    counts[2 * RADIX + (l >>> 22)] = (counts[2 * RADIX + (l >>> 22)] as number) + 1
    counts[3 * RADIX + (h & 2047)] = (counts[3 * RADIX + (h & 2047)] as number) + 1
    counts[4 * RADIX + ((h >>> 11) & 2047)] = (counts[4 * RADIX + ((h >>> 11) & 2047)] as number) + 1
    counts[5 * RADIX + (h >>> 22)] = (counts[5 * RADIX + (h >>> 22)] as number) + 1
  }
  let it: Int32Array = items
  let it2: Int32Array = new Int32Array(m)
  let lo2 = new Uint32Array(m)
  let hi2 = new Uint32Array(m)
  const next = new Int32Array(RADIX)
  for (let p = 0; p < 6; p++) {
    // A digit every key shares orders nothing: skip its pass (integer keys skip most low digits).
    if (!digitStarts(counts, p * RADIX, m, next)) continue
    const shift = (p % 3) * 11
    if (p < 3) {
      for (let k = 0; k < m; k++) {
        const l = lo[k] as number
        const d = (l >>> shift) & 2047
        const at = next[d] as number
        next[d] = at + 1
        lo2[at] = l
        hi2[at] = hi[k] as number
        it2[at] = it[k] as number
      }
      const tl = lo
      lo = lo2
      lo2 = tl
    } else {
      // The low word is ordered already and no longer read.
      for (let k = 0; k < m; k++) {
        const h = hi[k] as number
        const d = (h >>> shift) & 2047
        const at = next[d] as number
        next[d] = at + 1
        hi2[at] = h
        it2[at] = it[k] as number
      }
    }
    const th = hi
    hi = hi2
    hi2 = th
    const ti = it
    it = it2
    it2 = ti
  }
  if (it !== items) items.set(it)
  return items
}

/**
 * FNV-1a over a string's code units (at most its first and last 24), with its length: the hash
 * `hasRepeat` sorts.
 *
 * @internal
 * @example
 * stringHash('m1') === stringHash('m1') // => true
 */
export const stringHash = (s: string): number => {
  const n = s.length
  let h = Math.imul(0x811c9dc5 ^ n, 16777619)
  if (n <= 48) {
    for (let i = 0; i < n; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619)
  } else {
    for (let i = 0; i < 24; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619)
    for (let i = n - 24; i < n; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619)
  }
  return h >>> 0
}

/**
 * Whether some string appears twice among `n` strings (`at(i)` is the i-th):
 * their hashes radix-sorted, then equal hashes compared as strings. Linear
 * time; a large group of equal hashes (strings alike in the parts hashed) is
 * checked with a set. `hashes`, when given, holds `stringHash(at(i))` (a
 * caller reading the strings anyway computes them in the same pass; the array is used as scratch).
 *
 * @internal
 * @example
 * hasRepeat(3, (i) => ['a', 'b', 'a'][i] as string) // => true
 */
export const hasRepeat = (n: number, at: (i: number) => string, hashes?: Uint32Array): boolean => {
  if (n < 2) return false
  let hs: Uint32Array = hashes ?? new Uint32Array(n)
  const counts = new Int32Array(3 * RADIX)
  for (let i = 0; i < n; i++) {
    const h = hashes === undefined ? stringHash(at(i)) : (hs[i] as number)
    hs[i] = h
    counts[h & 2047] = (counts[h & 2047] as number) + 1
    counts[RADIX + ((h >>> 11) & 2047)] = (counts[RADIX + ((h >>> 11) & 2047)] as number) + 1
    counts[2 * RADIX + (h >>> 22)] = (counts[2 * RADIX + (h >>> 22)] as number) + 1
  }
  let it: Int32Array = new Int32Array(n)
  for (let i = 0; i < n; i++) it[i] = i
  let hs2: Uint32Array = new Uint32Array(n)
  let it2: Int32Array = new Int32Array(n)
  const next = new Int32Array(RADIX)
  for (let p = 0; p < 3; p++) {
    if (!digitStarts(counts, p * RADIX, n, next)) continue
    const shift = p * 11
    for (let k = 0; k < n; k++) {
      const h = hs[k] as number
      const d = (h >>> shift) & 2047
      const to = next[d] as number
      next[d] = to + 1
      hs2[to] = h
      it2[to] = it[k] as number
    }
    const th = hs
    hs = hs2
    hs2 = th
    const ti = it
    it = it2
    it2 = ti
  }
  for (let k = 0; k < n; ) {
    const h = hs[k] as number
    let j = k + 1
    while (j < n && hs[j] === h) j++
    if (j - k === 2) {
      if (at(it[k] as number) === at(it[k + 1] as number)) return true
    } else if (j - k > 2) {
      const seen = new Set<string>()
      for (let q = k; q < j; q++) {
        const before = seen.size
        seen.add(at(it[q] as number))
        if (seen.size === before) return true
      }
    }
    k = j
  }
  return false
}

/**
 * Within each run of equal keys (`keys[items[k]]`, items already ordered by key), order the items by
 * `at(item)` in code-unit order (as `<` on strings), equal strings keeping their order. No comparator
 * for long runs: two code units at a time, after the prefix the run shares, packed with the item's
 * place into 64 bits and sorted natively (BigUint64Array), then each group still equal recursively.
 *
 * @internal
 * @example
 * orderTiesByString(Float64Array.of(1, 1, 0), Int32Array.of(2, 0, 1), (i) => ['b', 'a', 'c'][i] as string) // => Int32Array [2, 1, 0]
 */
export const orderTiesByString = (keys: Float64Array, items: Int32Array, at: (i: number) => string): Int32Array => {
  const n = items.length
  let longest = 0
  for (let i = 0; i < n; ) {
    const key = keys[items[i] as number] as number
    let j = i + 1
    while (j < n && keys[items[j] as number] === key) j++
    if (j - i > longest) longest = j - i
    i = j
  }
  if (longest < 2) return items
  // Scratch for one run: its items and their strings, read once (items in key order are scattered in
  // memory), the order of their places in the run, and the packed words.
  const strs = new Array<string>(longest)
  const loc = new Int32Array(longest)
  const run = new Int32Array(longest)
  const before = new Int32Array(longest)
  const packed = longest > SHORT_RUN ? new BigUint64Array(longest) : undefined
  const words = packed === undefined ? undefined : new Uint32Array(packed.buffer)
  const todo: Array<number> = []
  // Order loc[from..to) by their strings, which share their first `depth` code units (groups still
  // equal after two more code units go on `todo`).
  const order = (from: number, to: number, depth: number): void => {
    const r = to - from
    if (r <= SHORT_RUN) {
      // Insertion sort on the strings themselves: stable, cheap for a few items.
      for (let k = from + 1; k < to; k++) {
        const it = loc[k] as number
        const s = strs[it] as string
        let q = k - 1
        while (q >= from && (strs[loc[q] as number] as string) > s) {
          loc[q + 1] = loc[q] as number
          q--
        }
        loc[q + 1] = it
      }
      return
    }
    const w = words as Uint32Array
    const p = packed as BigUint64Array
    // Skip code units every string of the range shares.
    let d = depth
    const first = strs[loc[from] as number] as string
    for (;;) {
      if (d >= first.length) break
      const c = first.charCodeAt(d)
      let same = true
      for (let k = from + 1; k < to; k++) {
        const s = strs[loc[k] as number] as string
        if (d >= s.length || s.charCodeAt(d) !== c) {
          same = false
          break
        }
      }
      if (!same) break
      d++
    }
    // hi: the code unit at d (+1, 0 past the end) and the top 15 bits of the next; lo: its last 2 bits
    // and the item's place in the range (30 bits), so equal code units keep the range's order.
    for (let k = 0; k < r; k++) {
      const it = loc[from + k] as number
      before[k] = it
      const s = strs[it] as string
      const c0 = d < s.length ? s.charCodeAt(d) + 1 : 0
      const c1 = d + 1 < s.length ? s.charCodeAt(d + 1) + 1 : 0
      w[2 * k + HI] = ((c0 << 15) | (c1 >>> 2)) >>> 0
      w[2 * k + LO] = (((c1 & 3) << 30) | k) >>> 0
    }
    p.subarray(0, r).sort()
    // Read the order back, then order each group that shares both code units (and has more after them).
    const his = new Uint32Array(r)
    const los = new Uint32Array(r)
    for (let k = 0; k < r; k++) {
      const lo = w[2 * k + LO] as number
      loc[from + k] = before[lo & 0x3fffffff] as number
      his[k] = w[2 * k + HI] as number
      los[k] = lo >>> 30
    }
    for (let k = 0; k < r; ) {
      let j = k + 1
      while (j < r && his[j] === his[k] && los[j] === los[k]) j++
      // Strings that ended within these two code units are equal: they keep their order.
      const c0 = (his[k] as number) >>> 15
      const c1 = (((his[k] as number) & 0x7fff) << 2) | (los[k] as number)
      if (j - k > 1 && c0 !== 0 && c1 !== 0) todo.push(from + k, from + j, d + 2)
      k = j
    }
  }
  for (let i = 0; i < n; ) {
    const key = keys[items[i] as number] as number
    let j = i + 1
    while (j < n && keys[items[j] as number] === key) j++
    const r = j - i
    if (r > 1) {
      for (let k = 0; k < r; k++) {
        const it = items[i + k] as number
        run[k] = it
        strs[k] = at(it)
        loc[k] = k
      }
      // Groups still to order, as (from, to, depth) triples: a stack, not recursion, so ids nested as
      // prefixes of one another cannot exhaust the call stack.
      todo.push(0, r, 0)
      while (todo.length > 0) {
        const depth = todo.pop() as number
        const to = todo.pop() as number
        order(todo.pop() as number, to, depth)
      }
      for (let k = 0; k < r; k++) items[i + k] = run[loc[k] as number] as number
    }
    i = j
  }
  return items
}

// Runs this short are ordered by insertion.
const SHORT_RUN = 12
