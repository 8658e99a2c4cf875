/**
 * Points are safe integers. Fractions, NaN, infinities and values beyond
 * `Number.MAX_SAFE_INTEGER` are rejected; addition reports overflow instead
 * of losing precision.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { at, problem, text, type PathSegment, type Problem } from './errors.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

declare const PointsBrand: unique symbol

/**
 * A whole number of points, positive, zero or negative, within ±(2^53 - 1).
 *
 * @category model
 */
export type Points = number & { readonly [PointsBrand]: 'Points' }

/**
 * Zero points.
 *
 * @category model
 * @example
 * ZERO_POINTS // => 0
 */
export const ZERO_POINTS = 0 as Points

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

const SAFE = text('a safe integer number of points', '安全整数积分')

/**
 * True when a value is a valid number of points.
 *
 * @category constructors
 * @example
 * isPoints(3) // => true
 * isPoints(1.5) // => false
 */
export const isPoints = (u: unknown): u is Points => Number.isSafeInteger(u)

/**
 * Make points from a number, or say why it is not one.
 *
 * @category constructors
 * @example
 * points(10) // => right(10)
 * E.isLeft(points(0.5)) // => true
 * E.isLeft(points(2 ** 53)) // => true
 */
export const points = (n: unknown, path: ReadonlyArray<PathSegment> = []): E.Either<Problem, Points> => {
  if (isPoints(n)) return E.right((n === 0 ? 0 : n) as Points)
  const code = typeof n === 'number' && Number.isInteger(n) ? 'overflow' : typeof n === 'number' ? 'range' : 'type'
  return E.left(problem(code, at(path), SAFE, n))
}

/**
 * Make points from a number known to be valid; throws otherwise (for tests and constants).
 *
 * @category constructors
 * @example
 * pointsOrThrow(5) // => 5
 */
export const pointsOrThrow = (n: number): Points => {
  const r = points(n)
  if (E.isLeft(r)) throw new RangeError(`not a safe integer number of points: ${n}`)
  return r.right
}

// -------------------------------------------------------------------------------------
// combinators
// -------------------------------------------------------------------------------------

const OVERFLOW = text('a sum within ±9007199254740991', '在 ±9007199254740991 之内的和')

/**
 * Add two amounts, reporting overflow instead of losing precision.
 *
 * @category combinators
 * @example
 * addPoints(pointsOrThrow(2), pointsOrThrow(3)) // => right(5)
 * E.isLeft(addPoints(pointsOrThrow(Number.MAX_SAFE_INTEGER), pointsOrThrow(1))) // => true
 */
export const addPoints = (a: Points, b: Points): E.Either<Problem, Points> => {
  const s = a + b
  return Number.isSafeInteger(s) ? E.right((s === 0 ? 0 : s) as Points) : E.left(problem('overflow', at(), OVERFLOW, s))
}

/**
 * Negate an amount (always safe: the safe range is symmetric).
 *
 * @category combinators
 * @example
 * negatePoints(pointsOrThrow(4)) // => -4
 */
export const negatePoints = (a: Points): Points => (a === 0 ? 0 : -a) as Points

/**
 * Sum many amounts, stopping at the first overflow.
 *
 * @category combinators
 * @example
 * sumPoints([1, 2, 3].map(pointsOrThrow)) // => right(6)
 */
export const sumPoints = (xs: Iterable<Points>): E.Either<Problem, Points> => {
  let acc = 0
  for (const x of xs) {
    acc += x
    if (!Number.isSafeInteger(acc)) return E.left(problem('overflow', at(), OVERFLOW, acc))
  }
  return E.right((acc === 0 ? 0 : acc) as Points)
}
