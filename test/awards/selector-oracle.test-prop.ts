// The restructured selection engine (src/awards/selection/: one strategy per selection kind, quotas,
// ties and fallback on their own; issue 19) against the single-closure engine it replaced
// (old-selector.ts, verbatim): every read of `Selected`, on pools with long runs of ties, per-unit
// seats that differ by unit, and every selection kind, tie policy and order.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { rngFromSeed, uniformInt } from '../../src/core/internal.js'
import type { AwardSelection, TiePolicy } from '../../src/awards/internal.js'
import { selectPool, type Pool, type PoolOptions } from '../../src/awards/selection/index.js'
import { selectPool as oldSelectPool } from './old-selector.js'

interface Spec {
  readonly seed: string
  readonly n: number
  readonly range: number
  readonly units: number
  readonly width: number
  readonly eligibleShare: number
}

const arbSpec: fc.Arbitrary<Spec> = fc.record({
  seed: fc.string(),
  n: fc.integer({ min: 0, max: 600 }),
  range: fc.integer({ min: 1, max: 300 }),
  units: fc.integer({ min: 1, max: 40 }),
  width: fc.integer({ min: 0, max: 2 }),
  eligibleShare: fc.integer({ min: 1, max: 10 })
})

const arbSelection: fc.Arbitrary<AwardSelection> = fc.oneof(
  fc.integer({ min: 0, max: 30 }).map((n): AwardSelection => ({ _tag: 'Top', n })),
  fc
    .record({ min: fc.integer({ min: 0, max: 300 }), cap: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }) })
    .map(({ min, cap }): AwardSelection => (cap === undefined ? { _tag: 'Threshold', min } : { _tag: 'Threshold', min, cap })),
  fc.constant<AwardSelection>({ _tag: 'Grades', bands: [{ min: 150, grade: 'B' }, { min: 250, grade: 'A' }, { min: 100, grade: 'C' }] }),
  fc.constant<AwardSelection>({ _tag: 'Everyone' })
)

const arbOptions: fc.Arbitrary<PoolOptions> = fc
  .record({
    selection: arbSelection,
    order: fc.constantFrom<'desc' | 'asc'>('desc', 'asc'),
    ties: fc.constantFrom<TiePolicy>('includeAll', 'breakChain', 'flag'),
    quota: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    fallback: fc.boolean()
  })
  .map(({ selection, order, ties, quota, fallback }): PoolOptions => ({
    selection,
    order,
    ties,
    ...(quota === undefined ? {} : { seats: (u: number) => quota + (u % 2) }),
    ...(fallback ? { fallback } : {})
  }))

const poolOf = (s: Spec): Pool => {
  const rng = rngFromSeed(s.seed)
  const ids = Array.from({ length: s.n }, (_, i) => `s${String((i * 7919) % 100_003).padStart(6, '0')}`)
  const score = new Float64Array(s.n)
  const eligible = new Uint8Array(s.n)
  const chains = new Float64Array(s.n * s.width)
  const unit = new Int32Array(s.n)
  for (let i = 0; i < s.n; i++) {
    score[i] = uniformInt(rng, 40) === 0 ? NaN : uniformInt(rng, s.range + 1)
    eligible[i] = uniformInt(rng, 10) < s.eligibleShare ? 1 : 0
    for (let k = 0; k < s.width; k++) chains[i * s.width + k] = uniformInt(rng, 10) === 0 ? NaN : uniformInt(rng, 4)
    unit[i] = uniformInt(rng, s.units)
  }
  return { n: s.n, score, eligible, chain: (i, k) => chains[i * s.width + k] as number, width: s.width, subject: (i) => ids[i] as string, unit }
}

describe('restructured selection engine (issue 19)', () => {
  it('decides and reads every candidate as the single-closure engine did', () => {
    fc.assert(
      fc.property(arbSpec, arbOptions, fc.integer({ min: 0, max: 10 }), (spec, options, k) => {
        const pool = poolOf(spec)
        const now = selectPool(options)(pool)
        const old = oldSelectPool(options)(pool)
        expect(now.of).toBe(old.of)
        expect(now.grades).toEqual(old.grades)
        expect(Array.from(now.outcome)).toEqual(Array.from(old.outcome))
        expect([...now.chosen].sort((a, b) => a - b)).toEqual([...old.chosen].sort((a, b) => a - b))
        // near misses first: they read the prefix as far as they need, before anything sorts it all
        expect(now.nearMisses(k)).toEqual(old.nearMisses(k))
        for (let i = 0; i < pool.n; i++) {
          expect(now.reasonOf(i)).toBe(old.reasonOf(i))
          expect(now.rankOf(i)).toBe(old.rankOf(i))
          expect(now.gradeOf(i)).toBe(old.gradeOf(i))
          if (i > 0) expect(Math.sign(now.compare(i - 1, i))).toBe(Math.sign(old.compare(i - 1, i)))
        }
        expect(Array.from(now.ordered())).toEqual(Array.from(old.ordered()))
      }),
      { numRuns: 300 }
    )
  })
})
