// Numerical answers are graded on the decimals the author wrote and the member typed (issue #13): a value
// at a bound of a tolerance or a range is inside, one unit of the last decimal beyond it is outside,
// whatever binary rounding the doubles carry (1.5 ± 0.1 in floating point misses 1.6).
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { decodeQuestion, fixedPaper, gradeQuestion, type PaperQuestion } from '../../src/quiz/internal.js'
import { SECRET } from './fixtures.js'

// n × 10^-k as the number a member types ("1.6"), so its decimal is exactly the one intended.
const dec = (n: bigint, k: number): number => Number(`${n}e-${k}`)
const paperQuestion = (answers: ReadonlyArray<unknown>): PaperQuestion => {
  const q = decodeQuestion({ id: 'n1', type: 'numerical', stem: '多少？', tags: [], difficulty: 1, points: 1, answers })
  if (E.isLeft(q)) throw new Error(JSON.stringify(q.left))
  return fixedPaper([q.right], { secret: SECRET, seed: 'n' }).questions[0] as PaperQuestion
}
const status = (pq: PaperQuestion, value: number): string => gradeQuestion(pq, { type: 'numerical', value }).status

// A centre, a tolerance and a range on one decimal scale: integers with k decimals, up to 12 significant digits.
const scaleArb = fc.integer({ min: 0, max: 6 })
const intArb = fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n })
const tolArb = fc.bigInt({ min: 0n, max: 10n ** 6n })

describe('numerical answers at their edges (issue #13)', () => {
  it('exact ± tolerance: both bounds inside, one last-decimal unit beyond either outside', () => {
    fc.assert(
      fc.property(intArb, tolArb, scaleArb, (c, t, k) => {
        const pq = paperQuestion([{ kind: 'exact', value: dec(c, k), tolerance: dec(t, k) }])
        expect([status(pq, dec(c - t, k)), status(pq, dec(c, k)), status(pq, dec(c + t, k))]).toEqual(['correct', 'correct', 'correct'])
        // one unit of a finer decimal past each bound
        expect([status(pq, dec(10n * (c - t) - 1n, k + 1)), status(pq, dec(10n * (c + t) + 1n, k + 1))]).toEqual(['wrong', 'wrong'])
      }),
      { numRuns: 300 }
    )
  })
  it('a range [min, max]: both ends inside, one last-decimal unit beyond either outside', () => {
    fc.assert(
      fc.property(intArb, tolArb, scaleArb, (lo, w, k) => {
        const hi = lo + w
        const pq = paperQuestion([{ kind: 'range', min: dec(lo, k), max: dec(hi, k) }])
        expect([status(pq, dec(lo, k)), status(pq, dec(hi, k))]).toEqual(['correct', 'correct'])
        expect([status(pq, dec(10n * lo - 1n, k + 1)), status(pq, dec(10n * hi + 1n, k + 1))]).toEqual(['wrong', 'wrong'])
      }),
      { numRuns: 300 }
    )
  })
  it('the issue\'s example: 1.5 ± 0.1 accepts 1.4 and 1.6, refuses 1.61 (in floating point |1.6 − 1.5| > 0.1)', () => {
    expect(Math.abs(1.6 - 1.5) <= 0.1).toBe(false)
    const pq = paperQuestion([{ kind: 'exact', value: 1.5, tolerance: 0.1 }])
    expect([1.4, 1.6, 1.61, 1.39].map((v) => status(pq, v))).toEqual(['correct', 'correct', 'wrong', 'wrong'])
  })
})
