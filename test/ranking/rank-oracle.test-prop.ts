// Issue 18: the ranking sorts with a radix sort of the scores' bits and checks subjects for repeats by
// sorting their hashes. It must give exactly what the comparator-and-Set ranking it replaced gave (kept
// as the oracle in rank-oracle.ts): the same rows in the same order, ranks, percent ranks, tie groups,
// and the same problems for bad input, under every tie scheme and option.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { orderByKey, rankScores, type Order, type RankOptions, type Scored, type TieBreaker, type TieScheme } from '../../src/ranking/internal.js'
import { hasRepeat, orderTiesByString, radixOrder } from '../../src/ranking/radix.js'
import { oracleOrderByKey, oracleRankScores } from './rank-oracle.js'

const SCHEMES: ReadonlyArray<TieScheme> = ['competition', 'dense', 'ordinal', 'fractional']

// Scores that tie often, and the awkward ones: -0 beside 0, fractions, the extremes of a double,
// integers too wide for a counting sort; sometimes a bad one (NaN, ±Infinity, missing).
const goodScore = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -3, max: 3 }) },
  { weight: 2, arbitrary: fc.constantFrom(0, -0, 0.5, -1.5, 2.25, 1e300, -1e300, Number.MIN_VALUE, -Number.MIN_VALUE, 2 ** 53, -(2 ** 53)) },
  { weight: 2, arbitrary: fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }) },
  { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) }
)
const badScore = fc.constantFrom(Number.NaN, Infinity, -Infinity, undefined as unknown as number)
// Subjects: short ones from a small alphabet (repeats are likely when not forced unique), and long
// ones that differ only in the middle (their hashes, which read the ends, collide).
const subject = fc.oneof(
  { weight: 5, arbitrary: fc.string({ minLength: 1, maxLength: 3, unit: fc.constantFrom('a', 'b', 'c', 'd', 'é', '😀') }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 30 }).map((k) => `${'x'.repeat(30)}${k}${'y'.repeat(30)}`) }
)
const row = (score: fc.Arbitrary<number>) => fc.record({ subject, score, f: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }) })
const toScored = (xs: ReadonlyArray<{ subject: string; score: number; f: number | undefined }>): ReadonlyArray<Scored> =>
  xs.map(({ subject, score, f }) => (f === undefined ? { subject, score } : { subject, score, figures: { f } }))
// Long enough, often, to take the radix path (256 items and more), not only the short comparator sort.
const uniqueScored = (score: fc.Arbitrary<number>) =>
  fc.oneof(fc.uniqueArray(row(score), { selector: (x) => x.subject, maxLength: 40 }), fc.array(row(score), { minLength: 250, maxLength: 700, size: 'max' }).map((xs) => xs.map((x, i) => ({ ...x, subject: `${x.subject}#${i}` }))))
const anyScored = fc.oneof(
  uniqueScored(goodScore),
  fc.array(row(goodScore), { maxLength: 40 }),
  fc.array(row(fc.oneof({ weight: 9, arbitrary: goodScore }, { weight: 1, arbitrary: badScore })), { maxLength: 40 })
).map(toScored)
const options = fc.record({
  scheme: fc.constantFrom(...SCHEMES),
  order: fc.constantFrom<Order>('desc', 'asc'),
  tieBreakers: fc.constantFrom<ReadonlyArray<TieBreaker>>([], [{ figure: 'f', order: 'desc' }], [{ figure: 'f', order: 'asc' }, { figure: 'missing', order: 'desc' }]),
  assumeUnique: fc.boolean()
})

describe('issue 18: ranking agrees with the implementation it replaced', () => {
  it('every tie scheme and option, good and bad input: the same rows, ties and problems', () => {
    fc.assert(
      fc.property(anyScored, options, (xs, o: RankOptions) => {
        expect(rankScores(o, ['board'])(xs)).toEqual(oracleRankScores(o, ['board'])(xs))
      }),
      { numRuns: 600 }
    )
  })
  it('unique subjects with the default options, wide and fractional scores, past the radix threshold', () => {
    fc.assert(
      fc.property(uniqueScored(goodScore).map(toScored), fc.constantFrom(...SCHEMES), (xs, scheme) => {
        const r = rankScores({ scheme })(xs)
        expect(r._tag).toBe('Right')
        expect(r).toEqual(oracleRankScores({ scheme })(xs))
      }),
      { numRuns: 200 }
    )
  })
  it('orderByKey orders any items (repeated, in any order) by any keys as before, ±Infinity and -0 included', () => {
    const key = fc.oneof(goodScore, fc.constantFrom(Infinity, -Infinity))
    fc.assert(
      fc.property(
        fc.oneof(fc.array(key, { minLength: 1, maxLength: 40 }), fc.array(key, { minLength: 256, maxLength: 600, size: 'max' })).chain((keys) => fc.tuple(fc.constant(keys), fc.oneof(fc.constant(keys.map((_, i) => i)), fc.array(fc.nat(keys.length - 1), { maxLength: 600, size: 'max' }), fc.constant(keys.map((_, i) => keys.length - 1 - i))))),
        ([keys, items]) => {
          const k = Float64Array.from(keys)
          expect(Array.from(orderByKey(k, Int32Array.from(items)))).toEqual(Array.from(oracleOrderByKey(k, Int32Array.from(items))))
        }
      ),
      { numRuns: 300 }
    )
  })
})

describe('issue 18: the typed-array building blocks', () => {
  it('radixOrder is a stable sort by key', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(goodScore, fc.constantFrom(Infinity, -Infinity)), { maxLength: 400, size: 'max' }), (keys) => {
        const k = Float64Array.from(keys)
        const got = Array.from(radixOrder(k, Int32Array.from(keys, (_, i) => i)))
        const want = keys.map((_, i) => i).sort((a, b) => ((k[a] as number) < (k[b] as number) ? -1 : (k[a] as number) > (k[b] as number) ? 1 : a - b))
        expect(got).toEqual(want)
      }),
      { numRuns: 300 }
    )
  })
  it('hasRepeat says whether a string is listed twice, hashes colliding or not', () => {
    fc.assert(
      fc.property(fc.array(subject, { maxLength: 200 }), (xs) => {
        expect(hasRepeat(xs.length, (i) => xs[i] as string)).toBe(new Set(xs).size < xs.length)
      }),
      { numRuns: 400 }
    )
  })
  it('a repeat among a million distinct subjects is found, and none is reported without one', () => {
    const ids = Array.from({ length: 1_000_000 }, (_, i) => `m${i}`)
    expect(hasRepeat(ids.length, (i) => ids[i] as string)).toBe(false)
    ids[777_777] = 'm12'
    expect(hasRepeat(ids.length, (i) => ids[i] as string)).toBe(true)
  })
})

describe('issue 18: ordering tied subjects by id without a comparator', () => {
  // Ids alike for long stretches (shared prefixes, one a prefix of another, surrogate pairs, repeats),
  // in runs long enough to take the packed native sort, not only the insertion sort.
  const ids = [
    fc.string({ maxLength: 6, unit: fc.constantFrom('a', 'b', '\u0000', '\uffff', '😀') }),
    fc.integer({ min: 0, max: 99 }).map((k) => `member-${String(k).padStart(3, '0')}`),
    fc.integer({ min: 0, max: 999 }).map((k) => `m${k}`),
    // Few ids, each many times: groups sharing two code units long enough to be sorted again.
    fc.constantFrom('a1', 'a2', 'a3', 'a4', 'b1', 'b2', 'a', 'b', 'a12', 'a1\u0000')
  ]
  it('orderTiesByString sorts each run of equal keys by string, stably, as a comparator sort does', () => {
    fc.assert(
      fc.property(fc.oneof(...ids.map((id) => fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), id), { maxLength: 400, size: 'max' }))), (xs) => {
        const keys = Float64Array.from(xs, ([k]) => k)
        const items = radixOrder(keys, Int32Array.from(xs, (_, i) => i))
        const got = Array.from(orderTiesByString(keys, items, (i) => (xs[i] as [number, string])[1]))
        const want = xs
          .map((_, i) => i)
          .sort((a, b) => {
            const [ka, sa] = xs[a] as [number, string]
            const [kb, sb] = xs[b] as [number, string]
            return ka - kb || (sa < sb ? -1 : sa > sb ? 1 : a - b)
          })
        expect(got).toEqual(want)
      }),
      { numRuns: 400 }
    )
  })
})

describe('issue 18: fixed examples', () => {
  it('ids nested as prefixes of one another, all tied, rank as before under ordinal (no deep recursion)', () => {
    const xs: ReadonlyArray<Scored> = Array.from({ length: 3000 }, (_, i) => ({ subject: 'a'.repeat(3000 - i), score: 1 }))
    const r = rankScores({ scheme: 'ordinal' })(xs)
    expect(r).toEqual(oracleRankScores({ scheme: 'ordinal' })(xs))
    expect(r._tag === 'Right' && r.right.rows[0]?.subject).toBe('a')
  })
  it('a repeated subject far apart in a large list is reported where the Set found it', () => {
    const xs: Array<Scored> = Array.from({ length: 5000 }, (_, i) => ({ subject: `m${i}`, score: i % 7 }))
    xs[4321] = { subject: 'm17', score: 2.5 }
    const r = rankScores()(xs)
    expect(r).toEqual(oracleRankScores()(xs))
    expect(r._tag === 'Left' && r.left.map((p) => p.at)).toHaveLength(1)
  })
})
