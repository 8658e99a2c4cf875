/**
 * Exact scores: a rational number `n/d` of safe integers, kept reduced.
 * Partial credit (1/3 of a point, Moodle fractions such as 0.3333333) stays
 * exact through sums; only a point rule turning a score into integer ledger
 * points rounds, and it says how. If a sum ever needs a denominator beyond
 * 2^53 the value is rounded to the nearest 1/10^9 (documented fallback; it
 * does not happen with fractions written to 7 decimals and blanks ≤ 1,000).
 *
 * @module
 */

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A rational number `n/d`, `d > 0`, reduced; JSON-serialisable.
 *
 * @category model
 * @example
 * const third: Rational = { n: 1, d: 3 }
 */
export interface Rational {
  readonly n: number
  readonly d: number
}

/**
 * Zero.
 *
 * @category model
 * @example
 * R_ZERO // => { n: 0, d: 1 }
 */
export const R_ZERO: Rational = { n: 0, d: 1 }

/**
 * One.
 *
 * @category model
 * @example
 * R_ONE // => { n: 1, d: 1 }
 */
export const R_ONE: Rational = { n: 1, d: 1 }

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

const gcd = (a: number, b: number): number => {
  a = Math.abs(a)
  b = Math.abs(b)
  while (b !== 0) {
    const t = a % b
    a = b
    b = t
  }
  return a
}

const FALLBACK = 1_000_000_000

/**
 * Make `n/d`, reduced (d must be non-zero).
 *
 * @category constructors
 * @example
 * rational(2, 4) // => { n: 1, d: 2 }
 * rational(1, -3) // => { n: -1, d: 3 }
 */
export const rational = (n: number, d: number): Rational => {
  if (d === 0) throw new RangeError('rational: zero denominator')
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d)) {
    const v = n / d
    return rational(Math.round(v * FALLBACK), FALLBACK)
  }
  const g = gcd(n, d) || 1
  const s = d < 0 ? -1 : 1
  const nn = (s * n) / g
  return { n: nn === 0 ? 0 : nn, d: (s * d) / g }
}

/**
 * An integer as a rational.
 *
 * @category constructors
 * @example
 * fromInt(3) // => { n: 3, d: 1 }
 */
export const fromInt = (k: number): Rational => ({ n: k === 0 ? 0 : k, d: 1 })

/**
 * A decimal weight as an exact rational. A weight within 5·10^-7 of a
 * fraction with denominator ≤ 100 snaps to it, so Moodle's `33.33333%`
 * (0.3333333) means exactly 1/3; any other value is read as its decimal digits.
 *
 * @category constructors
 * @example
 * fromDecimal(0.5) // => { n: 1, d: 2 }
 * fromDecimal(0.3333333) // => { n: 1, d: 3 }
 * fromDecimal(0.125) // => { n: 1, d: 8 }
 */
export const fromDecimal = (x: number): Rational => {
  if (Number.isInteger(x)) return fromInt(x)
  for (let d = 2; d <= 100; d++) {
    const n = Math.round(x * d)
    if (Math.abs(x - n / d) <= 5e-7) return rational(n, d)
  }
  const m = /^(-?)(\d+)\.(\d+)$/.exec(String(x))
  if (m === null || (m[3] ?? '').length > 15) return rational(Math.round(x * FALLBACK), FALLBACK)
  const digits = m[3] ?? ''
  const d = 10 ** digits.length
  const n = Number(m[2]) * d + Number(digits)
  return rational(m[1] === '-' ? -n : n, d)
}

// -------------------------------------------------------------------------------------
// combinators
// -------------------------------------------------------------------------------------

/**
 * Sum of two rationals.
 *
 * @category combinators
 * @example
 * add({ n: 1, d: 3 }, { n: 1, d: 6 }) // => { n: 1, d: 2 }
 */
export const add = (a: Rational, b: Rational): Rational => {
  if (a.d === 1 && b.d === 1) {
    const s = a.n + b.n
    if (Number.isSafeInteger(s)) return { n: s === 0 ? 0 : s, d: 1 }
  }
  if (a.d === b.d) return rational(a.n + b.n, a.d)
  const g = gcd(a.d, b.d)
  return rational(a.n * (b.d / g) + b.n * (a.d / g), (a.d / g) * b.d)
}

/**
 * Product of two rationals.
 *
 * @category combinators
 * @example
 * mul({ n: 2, d: 3 }, { n: 3, d: 4 }) // => { n: 1, d: 2 }
 */
export const mul = (a: Rational, b: Rational): Rational => {
  if (a.n === 0 || b.n === 0) return R_ZERO
  if (a.d === 1 && b.d === 1) {
    const p = a.n * b.n
    if (Number.isSafeInteger(p)) return { n: p, d: 1 }
  }
  const g1 = gcd(a.n, b.d) || 1
  const g2 = gcd(b.n, a.d) || 1
  return rational((a.n / g1) * (b.n / g2), (a.d / g2) * (b.d / g1))
}

/**
 * Quotient of two rationals (b non-zero).
 *
 * @category combinators
 * @example
 * div({ n: 1, d: 2 }, { n: 3, d: 1 }) // => { n: 1, d: 6 }
 */
export const div = (a: Rational, b: Rational): Rational => mul(a, rational(b.d, b.n))

/**
 * Compare two rationals: -1, 0 or 1.
 *
 * @category combinators
 * @example
 * compare({ n: 1, d: 3 }, { n: 1, d: 2 }) // => -1
 */
export const compare = (a: Rational, b: Rational): -1 | 0 | 1 => {
  const l = a.n * b.d
  const r = b.n * a.d
  return l < r ? -1 : l > r ? 1 : 0
}

/**
 * Clamp a rational into [lo, hi].
 *
 * @category combinators
 * @example
 * clamp(R_ZERO, R_ONE)({ n: 3, d: 2 }) // => { n: 1, d: 1 }
 */
export const clamp =
  (lo: Rational, hi: Rational) =>
  (x: Rational): Rational =>
    compare(x, lo) < 0 ? lo : compare(x, hi) > 0 ? hi : x

/**
 * Sum many rationals.
 *
 * @category combinators
 * @example
 * sum([{ n: 1, d: 3 }, { n: 1, d: 3 }, { n: 1, d: 3 }]) // => { n: 1, d: 1 }
 */
export const sum = (xs: Iterable<Rational>): Rational => {
  let acc = R_ZERO
  for (const x of xs) acc = add(acc, x)
  return acc
}

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/**
 * The nearest float (for display, events and sorting).
 *
 * @category utilities
 * @example
 * toNumber({ n: 1, d: 4 }) // => 0.25
 */
export const toNumber = (x: Rational): number => x.n / x.d

/**
 * Equality of two rationals.
 *
 * @category utilities
 * @example
 * equals({ n: 1, d: 2 }, rational(2, 4)) // => true
 */
export const equals = (a: Rational, b: Rational): boolean => compare(a, b) === 0

/**
 * Round a rational to an integer, the way a point rule asks: `floor`, `ceil`
 * or `half-up` (halves away from zero).
 *
 * @category utilities
 * @example
 * roundRational('floor')({ n: 5, d: 2 }) // => 2
 * roundRational('half-up')({ n: 5, d: 2 }) // => 3
 */
export const roundRational =
  (mode: 'floor' | 'ceil' | 'half-up') =>
  (x: Rational): number => {
    const q = Math.floor(x.n / x.d)
    const r = x.n - q * x.d
    if (mode === 'floor' || r === 0) return q === 0 ? 0 : q
    if (mode === 'ceil') return q + 1
    const twice = 2 * r
    const out = x.n >= 0 ? (twice >= x.d ? q + 1 : q) : twice > x.d ? q + 1 : q
    return out === 0 ? 0 : out
  }
