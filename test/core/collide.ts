// Ids crafted to collide, as a member who reads the source would choose them (issue #14).
//
// FNV-1a is h = (h ^ c) * p per code unit: from any state, two blocks that reach the same state can be
// swapped for one another in any id without changing its hash. A birthday search finds such a pair of
// 5-character blocks in about 80,000 tries; k pairs in a row give 2^k ids with one and the same 32-bit
// FNV-1a hash, and so one and the same `mixedHash` (its finaliser is a bijection): every such id has the
// same home in every table, whatever its size, which is the best an attacker can do against any fixed hash.
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'

/** A small deterministic generator (xorshift32), so the crafted sets are the same in every run. */
const xorshift = (seed: number): (() => number) => {
  let x = seed | 0 || 1
  return () => {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    return x >>> 0
  }
}

const fnvFrom = (h: number, s: string): number => {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  return h
}

const block = (next: () => number, n: number): string => {
  let s = ''
  for (let i = 0; i < n; i++) s += ALPHABET[next() % ALPHABET.length]
  return s
}

/** `k` pairs of blocks: pair j's two blocks take the FNV-1a state after pairs 0..j-1 to one same state. */
export const collidingBlocks = (k: number, prefix = 'x-', seed = 14): ReadonlyArray<readonly [string, string]> => {
  const next = xorshift(seed)
  let state = fnvFrom(0x811c9dc5 | 0, prefix)
  const pairs: Array<readonly [string, string]> = []
  while (pairs.length < k) {
    const seen = new Map<number, string>()
    for (;;) {
      const b = block(next, 5)
      const h = fnvFrom(state, b)
      const other = seen.get(h)
      if (other !== undefined && other !== b) {
        pairs.push([other, b])
        state = h
        break
      }
      seen.set(h, b)
    }
  }
  return pairs
}

/** `n` distinct ids (n ≤ 2^k for the blocks given) that all have the same FNV-1a hash. */
export const collidingIds = (n: number, prefix = 'x-', seed = 14): Array<string> => {
  let k = 0
  while (2 ** k < n) k++
  const pairs = collidingBlocks(k, prefix, seed)
  const out: Array<string> = []
  for (let i = 0; i < n; i++) {
    let s = prefix
    for (let j = 0; j < k; j++) s += (pairs[j] as readonly [string, string])[(i >>> j) & 1]
    out.push(s)
  }
  return out
}

/** `n` distinct random ids as long as `collidingIds(n)`'s, from the same alphabet (the fair comparison). */
export const randomIds = (n: number, prefix = 'x-', seed = 41): Array<string> => {
  let k = 0
  while (2 ** k < n) k++
  const next = xorshift(seed)
  const seen = new Set<string>()
  const out: Array<string> = []
  while (out.length < n) {
    const s = prefix + block(next, 5 * k)
    if (!seen.has(s)) {
      seen.add(s)
      out.push(s)
    }
  }
  return out
}
