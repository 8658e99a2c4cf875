/**
 * Seeded randomness: the same seed gives the same numbers in Node and in any
 * browser. Uniform integers, an unbiased Fisher-Yates shuffle, sampling
 * without replacement and seeds derived from parts (programme seed + member
 * id + round id).
 *
 * @module
 */
import seedrandom from 'seedrandom'
import { hmacSha256 } from './sha256.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A source of uniformly distributed 32-bit unsigned integers. Stateful, like
 * any generator: make one per computation from a seed, never share one globally.
 *
 * @category model
 */
export interface Rng {
  /** A uniform integer in [0, 2^32). */
  readonly nextUint32: () => number
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * A generator seeded by a string (seedrandom's Alea algorithm).
 *
 * @category constructors
 * @example
 * const a = rngFromSeed('s'), b = rngFromSeed('s')
 * a.nextUint32() === b.nextUint32() // => true
 */
export const rngFromSeed = (seed: string): Rng => {
  const prng = seedrandom.alea(seed)
  return { nextUint32: () => prng.int32() >>> 0 }
}

/**
 * Derive a seed from parts, unambiguously (`['a', 'bc']` and `['ab', 'c']` differ).
 *
 * @category constructors
 * @example
 * deriveSeed('park-2021', 'm-001', 'round-7') // => '["park-2021","m-001","round-7"]'
 */
export const deriveSeed = (...parts: ReadonlyArray<string | number>): string => JSON.stringify(parts)

/**
 * A generator for a seed derived from parts.
 *
 * @category constructors
 * @example
 * uniformInt(rngFromParts('park', 'm-1'), 6) // => the same number on every machine
 */
export const rngFromParts = (...parts: ReadonlyArray<string | number>): Rng => rngFromSeed(deriveSeed(...parts))

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

const TWO_32 = 2 ** 32

/**
 * A uniform integer in [0, n), without modulo bias (rejection sampling).
 * `n` must be a positive safe integer.
 *
 * @category utilities
 * @example
 * const r = rngFromSeed('dice')
 * const roll = uniformInt(r, 6) + 1 // 1..6
 */
export const uniformInt = (rng: Rng, n: number): number => {
  if (!Number.isSafeInteger(n) || n <= 0) throw new RangeError(`uniformInt: n must be a positive safe integer, got ${n}`)
  if (n <= TWO_32) {
    const limit = TWO_32 - (TWO_32 % n)
    for (;;) {
      const x = rng.nextUint32()
      if (x < limit) return x % n
    }
  }
  // 53 random bits, rejection sampled.
  const TWO_53 = 2 ** 53
  const limit = TWO_53 - (TWO_53 % n)
  for (;;) {
    const x = (rng.nextUint32() >>> 11) * TWO_32 + rng.nextUint32()
    if (x < limit) return x % n
  }
}

/**
 * A uniform float in [0, 1) with 32 bits of randomness, for callers that want `() => number`.
 *
 * @category utilities
 * @example
 * const x = uniformFloat(rngFromSeed('x')) // 0 <= x < 1
 */
export const uniformFloat = (rng: Rng): number => rng.nextUint32() / TWO_32

/**
 * A shuffled copy (unbiased Fisher-Yates); the input is left as it was.
 *
 * @category utilities
 * @example
 * shuffle(rngFromSeed('s'), [1, 2, 3, 4]) // => a permutation of [1, 2, 3, 4], the same for seed 's' everywhere
 */
export const shuffle = <A>(rng: Rng, xs: ReadonlyArray<A>): Array<A> => {
  const out = xs.slice()
  for (let i = out.length - 1; i > 0; i--) {
    const j = uniformInt(rng, i + 1)
    const tmp = out[i] as A
    out[i] = out[j] as A
    out[j] = tmp
  }
  return out
}

/**
 * `k` distinct elements drawn uniformly without replacement, in draw order
 * (a partial Fisher-Yates). Takes all of them when `k >= xs.length`.
 *
 * @category utilities
 * @example
 * sample(rngFromSeed('s'), ['a', 'b', 'c', 'd'], 2) // => two distinct letters
 */
export const sample = <A>(rng: Rng, xs: ReadonlyArray<A>, k: number): Array<A> => {
  const n = xs.length
  const take = Math.max(0, Math.min(Math.floor(k), n))
  if (take * 4 < n) {
    // Sparse: swap through a map of moved positions instead of copying the array.
    const moved = new Map<number, A>()
    const out: Array<A> = []
    for (let i = 0; i < take; i++) {
      const j = i + uniformInt(rng, n - i)
      const atJ = moved.has(j) ? (moved.get(j) as A) : (xs[j] as A)
      const atI = moved.has(i) ? (moved.get(i) as A) : (xs[i] as A)
      out.push(atJ)
      moved.set(j, atI)
    }
    return out
  }
  const arr = xs.slice()
  for (let i = 0; i < take; i++) {
    const j = i + uniformInt(rng, n - i)
    const tmp = arr[i] as A
    arr[i] = arr[j] as A
    arr[j] = tmp
  }
  return arr.slice(0, take)
}

// -------------------------------------------------------------------------------------
// keyed seeds
// -------------------------------------------------------------------------------------

/**
 * A seed that only the holder of `secret` can compute: HMAC-SHA256 of the
 * derived seed of `parts` under the secret, in hex. Give it to `rngFromSeed`
 * when what the generator decides (an option order, a draw) must not be
 * recomputable from the parts, which a client may know.
 *
 * @category constructors
 * @example
 * keyedSeed('server-secret-0123456789', 'park-2021', 'm-001').length // => 64
 */
export const keyedSeed = (secret: string, ...parts: ReadonlyArray<string | number>): string => hmacSha256(secret, deriveSeed(...parts))
