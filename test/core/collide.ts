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

// The first `n` ids spelled from k pairs of interchangeable blocks: id i takes block (i >>> j) & 1 of pair j.
const spell = (pairs: ReadonlyArray<readonly [string, string]>, n: number, prefix: string): Array<string> => {
  const out: Array<string> = []
  for (let i = 0; i < n; i++) {
    let s = prefix
    for (const [j, pair] of pairs.entries()) s += pair[(i >>> j) & 1]
    out.push(s)
  }
  return out
}

/** `n` distinct ids (n ≤ 2^k for the blocks given) that all have the same FNV-1a hash. */
export const collidingIds = (n: number, prefix = 'x-', seed = 14): Array<string> => {
  let k = 0
  while (2 ** k < n) k++
  const pairs = collidingBlocks(k, prefix, seed)
  return spell(pairs, n, prefix)
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

// Ids crafted against both hashes of the string table: FNV-1a and `hash2` (src/core/hash.ts), which an
// attacker reading the source could try too. Joux's multicollision: m pairs of FNV-1a-colliding blocks in a
// row give 2^m strings of one FNV-1a state; among 2^m ≥ 2^16 of them a birthday search finds two that also
// share `hash2`'s inner state (its finaliser is a bijection). Those two strings are one pair for both
// hashes; k such pairs in a row give 2^k ids sharing both 32-bit hashes, so one home and one tag at every
// level of the table: what is left for them is its tree.

/** `hash2`'s inner state after `s`, from state `h` with `at` code units before it (a copy of its loop). */
const hash2From = (h: number, s: string, at: number): number => {
  for (let i = 0; i < s.length; i++) h = (Math.imul((h << 7) | (h >>> 25), 0x2545f491) + s.charCodeAt(i) + at + i) | 0
  return h
}

const BLOCKS = 36 ** 5
const CODES = Array.from(ALPHABET, (c) => c.charCodeAt(0))

/** Block number `code` (< 36^5) spelled in ALPHABET, 5 characters. */
const spellBlock = (code: number): string => {
  let s = ''
  for (let i = 0; i < 5; i++, code = (code / 36) | 0) s += ALPHABET[code % 36]
  return s
}

/** FNV-1a from `state` over block number `code`, without building its string. */
const fnvBlock = (state: number, code: number): number => {
  for (let i = 0; i < 5; i++, code = (code / 36) | 0) state = Math.imul(state ^ (CODES[code % 36] as number), 0x01000193)
  return state
}

/** From FNV-1a state `state`, one more pair of 5-character blocks that reach one same state (a birthday search in typed arrays). */
const fnvPair = (next: () => number, state: number): readonly [string, string] => {
  const bits = 18
  const mask = (1 << bits) - 1
  const hashes = new Int32Array(1 << bits)
  const codes = new Int32Array(1 << bits) // 1 + block number, 0: empty
  for (;;) {
    const code = (next() >>> 6) % BLOCKS
    const h = fnvBlock(state, code)
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const other = (codes[i] as number) - 1
      if (other < 0) {
        hashes[i] = h
        codes[i] = code + 1
        break
      }
      if (hashes[i] === h) {
        if (other !== code) return [spellBlock(other), spellBlock(code)]
        break
      }
    }
  }
}

/** Two strings of one length that take (FNV-1a state `fnv`, `hash2` state `h2`, `at` code units in) to one pair of states. */
const doublePair = (next: () => number, fnv: number, h2: number, at: number): { readonly pair: readonly [string, string]; readonly fnv: number; readonly h2: number } => {
  const pairs: Array<readonly [string, string]> = []
  let state = fnv
  const grow = (): void => {
    const p = fnvPair(next, state)
    pairs.push(p)
    state = fnvFrom(state, p[0])
  }
  while (pairs.length < 16) grow()
  for (;;) {
    // Every one of the 2^m strings of FNV-1a state `state`, with its hash2 state, depth first.
    const seen = new Map<number, number>()
    const m = pairs.length
    let found: readonly [number, number, number] | undefined
    const walk = (depth: number, h: number, pos: number, bits: number): void => {
      if (found !== undefined) return
      if (depth === m) {
        const other = seen.get(h)
        if (other !== undefined) found = [other, bits, h]
        else seen.set(h, bits)
        return
      }
      const [a, b] = pairs[depth] as readonly [string, string]
      walk(depth + 1, hash2From(h, a, pos), pos + a.length, bits)
      walk(depth + 1, hash2From(h, b, pos), pos + b.length, bits | (1 << depth))
    }
    walk(0, h2, at, 0)
    if (found !== undefined) {
      const [x, y, h] = found
      const spell = (bits: number): string => pairs.map((p, j) => p[(bits >>> j) & 1]).join('')
      return { pair: [spell(x), spell(y)], fnv: state, h2: h }
    }
    grow()
  }
}

/** `n` distinct ids that all share one FNV-1a hash and one `hash2` (each about 85 × log2(n) characters). */
export const doublyCollidingIds = (n: number, prefix = 'y-', seed = 1414): Array<string> => {
  let k = 0
  while (2 ** k < n) k++
  const next = xorshift(seed)
  let fnv = fnvFrom(0x811c9dc5 | 0, prefix)
  let h2 = hash2From(0x9e3779b9 | 0, prefix, 0)
  let at = prefix.length
  const pairs: Array<readonly [string, string]> = []
  for (let j = 0; j < k; j++) {
    const d = doublePair(next, fnv, h2, at)
    pairs.push(d.pair)
    fnv = d.fnv
    h2 = d.h2
    at += d.pair[0].length
  }
  return spell(pairs, n, prefix)
}
