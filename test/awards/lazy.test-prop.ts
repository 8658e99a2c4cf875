// The lazy selection engine (src/awards/selection/engine.ts: reads only the ordered prefix it needs) against
// the eager one it replaced (eager-select.ts, verbatim: sorts every eligible candidate first), on
// pools large enough for the prefix to grow in steps: every column of `selectColumns`, and every
// figure `runAwards` reads for its winners, pending ties and near misses.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { rngFromSeed, uniformInt } from '../../src/core/internal.js'
import { selectColumns, type AwardSelection, type SelectionColumns, type SelectionOptions, type TiePolicy } from '../../src/awards/internal.js'
import { selectPool } from '../../src/awards/selection/index.js'
import { selectColumns as eagerSelectColumns } from './eager-select.js'

interface Spec {
  readonly seed: string
  readonly n: number
  readonly range: number
  readonly fractions: boolean
  readonly units: number
  readonly width: number
  readonly eligibleShare: number
}

const arbSpec: fc.Arbitrary<Spec> = fc.record({
  seed: fc.string(),
  n: fc.integer({ min: 0, max: 900 }),
  range: fc.integer({ min: 1, max: 400 }),
  fractions: fc.boolean(),
  units: fc.integer({ min: 1, max: 60 }),
  width: fc.integer({ min: 0, max: 2 }),
  eligibleShare: fc.integer({ min: 1, max: 10 })
})

const arbSelection: fc.Arbitrary<AwardSelection> = fc.oneof(
  fc.integer({ min: 0, max: 30 }).map((n): AwardSelection => ({ _tag: 'Top', n })),
  fc.record({ min: fc.integer({ min: 0, max: 400 }), cap: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }) }).map(
    ({ min, cap }): AwardSelection => (cap === undefined ? { _tag: 'Threshold', min } : { _tag: 'Threshold', min, cap })
  ),
  fc.constant<AwardSelection>({ _tag: 'Grades', bands: [{ min: 300, grade: 'A' }, { min: 150, grade: 'B' }, { min: 100, grade: 'C' }] }),
  fc.constant<AwardSelection>({ _tag: 'Everyone' })
)

const arbOptions: fc.Arbitrary<SelectionOptions> = fc
  .record({
    selection: arbSelection,
    order: fc.constantFrom<'desc' | 'asc'>('desc', 'asc'),
    ties: fc.constantFrom<TiePolicy>('includeAll', 'breakChain', 'flag'),
    quota: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    fallback: fc.boolean()
  })
  .map(({ selection, order, ties, quota, fallback }): SelectionOptions => ({
    selection,
    order,
    ties,
    // seats differ by unit: u0 gets `quota`, the others quota + (number mod 2)
    ...(quota === undefined ? {} : { unitQuota: (u: string) => quota + (Number(u.slice(1)) % 2) }),
    ...(fallback ? { fallback } : {})
  }))

// Ids in an order unrelated to the candidates' order; few distinct scores so runs of ties are long.
const poolOf = (s: Spec): SelectionColumns => {
  const rng = rngFromSeed(s.seed)
  const ids = Array.from({ length: s.n }, (_, i) => `s${String((i * 7919) % 100_003).padStart(6, '0')}`)
  const score = new Float64Array(s.n)
  const eligible = new Uint8Array(s.n)
  const chains = new Float64Array(s.n * s.width)
  const units: Array<string> = []
  for (let i = 0; i < s.n; i++) {
    const v = uniformInt(rng, s.range + 1)
    score[i] = uniformInt(rng, 40) === 0 ? NaN : s.fractions ? v / 3 : v
    eligible[i] = uniformInt(rng, 10) < s.eligibleShare ? 1 : 0
    for (let k = 0; k < s.width; k++) chains[i * s.width + k] = uniformInt(rng, 10) === 0 ? NaN : uniformInt(rng, 4)
    units.push(`u${uniformInt(rng, s.units)}`)
  }
  return { n: s.n, score, eligible, chains, width: s.width, subject: (i) => ids[i] as string, quotaUnit: (i) => units[i] }
}

describe('lazy selection', () => {
  it('selectColumns fills every column as the eager sort did', () => {
    fc.assert(
      fc.property(arbSpec, arbOptions, (spec, options) => {
        const cols = poolOf(spec)
        const lazy = selectColumns(options)(cols)
        const eager = eagerSelectColumns(options)(cols)
        expect(lazy.of).toBe(eager.of)
        expect(lazy.grades).toEqual(eager.grades)
        expect(Array.from(lazy.outcome)).toEqual(Array.from(eager.outcome))
        expect(Array.from(lazy.reason)).toEqual(Array.from(eager.reason))
        expect(Array.from(lazy.rank)).toEqual(Array.from(eager.rank))
        expect(Array.from(lazy.position)).toEqual(Array.from(eager.position))
        expect(Array.from(lazy.grade)).toEqual(Array.from(eager.grade))
      }),
      { numRuns: 300 }
    )
  })

  it('reads the winners, pending ties and near misses runAwards explains as the eager sort gives them', () => {
    fc.assert(
      fc.property(arbSpec, arbOptions, fc.integer({ min: 0, max: 8 }), (spec, options, k) => {
        const cols = poolOf(spec)
        const eager = eagerSelectColumns(options)(cols)
        // the pool as runAwards gives it: quota units by number
        const names = [...new Set(Array.from({ length: cols.n }, (_, i) => cols.quotaUnit(i) ?? ''))]
        const unit = Int32Array.from({ length: cols.n }, (_, i) => names.indexOf(cols.quotaUnit(i) ?? ''))
        const q = options.unitQuota
        const s = selectPool({
          selection: options.selection,
          order: options.order,
          ties: options.ties,
          ...(q === undefined ? {} : { seats: (u: number) => q(names[u] as string) }),
          ...(options.fallback === undefined ? {} : { fallback: options.fallback })
        })({ ...cols, chain: (i, k) => cols.chains[i * cols.width + k] as number, unit })
        const byPlace = (x: number, y: number): number => {
          const d = (eager.position[x] as number) - (eager.position[y] as number)
          const a = cols.subject(x)
          const b = cols.subject(y)
          return d || (a < b ? -1 : a > b ? 1 : 0)
        }
        const all = Array.from({ length: cols.n }, (_, i) => i)
        // winners and pending, in the order runAwards lists them
        const chosen = all.filter((i) => eager.outcome[i] !== 0).sort(byPlace)
        expect([...s.chosen].sort(s.compare)).toEqual(chosen)
        for (const i of chosen) {
          expect(s.outcome[i]).toBe(eager.outcome[i])
          expect(s.reasonOf(i)).toBe(eager.reason[i])
          expect(s.rankOf(i)).toBe(eager.rank[i])
          expect(s.gradeOf(i)).toBe(eager.grade[i])
        }
        // near misses among the eligible: the k best placed
        const near = all.filter((i) => eager.outcome[i] === 0 && !Number.isNaN(eager.rank[i] as number)).sort(byPlace).slice(0, k)
        expect(s.nearMisses(k)).toEqual(near)
        for (const i of near) {
          expect(s.reasonOf(i)).toBe(eager.reason[i])
          expect(s.rankOf(i)).toBe(eager.rank[i])
          expect(s.gradeOf(i)).toBe(eager.grade[i])
        }
        // and any candidate at all
        for (const i of all) {
          expect(s.reasonOf(i)).toBe(eager.reason[i])
          expect(s.rankOf(i)).toBe(eager.rank[i])
        }
      }),
      { numRuns: 300 }
    )
  })
})
