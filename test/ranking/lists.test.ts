import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { customPeriod, instantOrThrow, periodOf, allTime, renderProblem, type Period } from '../../src/core/internal.js'
import {
  composite,
  movement,
  previousPeriod,
  rankScoresOrThrow,
  redBlack,
  type Composite,
  type RedBlack,
  type RedBlackSpec,
  type Ranking
} from '../../src/ranking/internal.js'

const board = (scores: Record<string, number>, order: 'desc' | 'asc' = 'desc'): Ranking =>
  rankScoresOrThrow({ order })(Object.entries(scores).map(([subject, score]) => ({ subject, score, figures: { points: score } })))
const lists = (spec: RedBlackSpec, r: Ranking): RedBlack => {
  const x = redBlack(spec)(r)
  if (E.isLeft(x)) throw new Error(x.left.map((p) => renderProblem(p)).join('\n'))
  return x.right
}
const ids = (xs: ReadonlyArray<{ readonly subject: string }>) => xs.map((x) => x.subject)

const B = board({ m1: 15, m2: 20, m3: 15, m4: 0, m5: 8, m6: 0 })

describe('red and black lists', () => {
  it('takes the top and bottom N with ties kept together, black worst first, each with its figures and rule', () => {
    const l = lists({ red: { count: 2 }, black: { count: 1 } }, B)
    expect(ids(l.red)).toEqual(['m2', 'm1', 'm3'])
    expect(ids(l.black)).toEqual(['m6', 'm4'])
    expect(l.red[1]).toEqual({ subject: 'm1', score: 15, rank: 2, figures: { points: 15 }, because: { count: 2 } })
    expect(l.contested).toEqual([])
  })
  it('takes everyone at least as good as the red threshold and worse than the black one', () => {
    const l = lists({ red: { threshold: 15 }, black: { threshold: 8 } }, B)
    expect(ids(l.red)).toEqual(['m2', 'm1', 'm3'])
    expect(ids(l.black)).toEqual(['m6', 'm4'])
    // On an ascending board (lower is better, e.g. minutes late) "good" flips.
    const late = board({ a: 0, b: 5, c: 30 }, 'asc')
    const k = lists({ red: { threshold: 0 }, black: { threshold: 10 } }, late)
    expect([ids(k.red), ids(k.black)]).toEqual([['a'], ['c']])
  })
  it('puts a tie across both lists on neither, as contested, unless the board is too small to separate them', () => {
    const flat = board({ a: 0, b: 0, c: 0, d: 0 })
    const l = lists({ red: { count: 1 }, black: { count: 1 } }, flat)
    expect([l.red, l.black, ids(l.contested), l.overlapAllowed]).toEqual([[], [], ['a', 'b', 'c', 'd'], false])
    const tiny = lists({ red: { count: 3 }, black: { count: 3 } }, board({ a: 2, b: 1 }))
    expect([ids(tiny.red), ids(tiny.black), tiny.overlapAllowed]).toEqual([['a', 'b'], ['b', 'a'], true])
  })
  it('refuses thresholds that overlap and bad counts, at their paths', () => {
    const r = redBlack({ red: { threshold: 10 }, black: { threshold: 15 } })(B)
    expect(E.isLeft(r) && r.left.map((p) => renderProblem(p))).toEqual(["$.black.threshold: expected a threshold no better than the red list's 10, got 15"])
    const s = redBlack({ red: { count: -1 }, black: { threshold: Number.NaN } })(B)
    expect(E.isLeft(s) && s.left.map((p) => renderProblem(p))).toEqual([
      '$.red.count: expected a whole number ≥ 0, got -1',
      '$.black.threshold: expected a finite number, got NaN'
    ])
  })
})

describe('composite comparison', () => {
  const A = board({ a: 10, b: 5, c: 0 })
  const Bb = board({ a: 0, b: 10 })
  const run = (how: 'minmax' | 'zscore' | 'rank'): Composite => {
    const r = composite(
      [
        { label: 'skills', weight: 0.5, ranking: A },
        { label: 'results', weight: 0.5, ranking: Bb }
      ],
      how
    )
    if (E.isLeft(r)) throw new Error('unexpected')
    return r.right
  }
  it('normalises min-max, weights and shows each part; a missing part counts as the part minimum', () => {
    const c = run('minmax')
    expect(c.rows.map((r) => [r.subject, r.score])).toEqual([['b', 0.75], ['a', 0.5], ['c', 0]])
    expect(c.parts['c']).toEqual([
      { label: 'skills', raw: 0, normalised: 0, weight: 0.5, weighted: 0, missing: false },
      { label: 'results', normalised: 0, weight: 0.5, weighted: 0, missing: true }
    ])
    expect(c.rows[0]?.figures).toEqual({ skills: 0.25, results: 0.5 })
  })
  it('normalises by z-score and by rank', () => {
    const z = run('zscore')
    const sd = Math.sqrt(50 / 3)
    expect(z.rows.map((r) => r.subject)).toEqual(['b', 'a', 'c'])
    expect(z.rows.find((r) => r.subject === 'a')?.score).toBeCloseTo(0.5 * (5 / sd) + 0.5 * -1, 12)
    expect(z.rows.find((r) => r.subject === 'c')?.score).toBeCloseTo(0.5 * (-5 / sd) + 0.5 * -1, 12)
    const k = run('rank')
    expect(k.rows.map((r) => [r.subject, r.score])).toEqual([['b', 0.75], ['a', 0.5], ['c', 0]])
  })
  it('refuses bad weights and duplicate labels', () => {
    const r = composite(
      [
        { label: 'x', weight: -1, ranking: A },
        { label: 'x', weight: 1, ranking: A }
      ],
      'minmax'
    )
    expect(E.isLeft(r) && r.left.map((p) => renderProblem(p))).toEqual([
      '$.parts[0].weight: expected a finite weight ≥ 0, got -1',
      '$.parts[1].label: expected a label not used before, got "x"'
    ])
    const z = composite([{ label: 'x', weight: 0, ranking: A }], 'rank')
    expect(E.isLeft(z) && z.left.map((p) => renderProblem(p))).toEqual(['$.parts: expected weights with a positive total, got 0'])
  })
})

describe('movement', () => {
  it('says up, down, same, new and dropped out', () => {
    const before = board({ a: 40, b: 30, c: 20, d: 10 })
    const after = board({ c: 50, a: 45, b: 30, e: 1 })
    const m = movement(before)(after)
    expect(m.moves).toEqual([
      { subject: 'c', rank: 1, previousRank: 3, change: 'up', by: 2 },
      { subject: 'a', rank: 2, previousRank: 1, change: 'down', by: 1 },
      { subject: 'b', rank: 3, previousRank: 2, change: 'down', by: 1 },
      { subject: 'e', rank: 4, change: 'new', by: 0 }
    ])
    expect(m.dropped).toEqual([{ subject: 'd', previousRank: 4 }])
    expect(movement(before)(before).moves.every((x) => x.change === 'same' && x.by === 0)).toBe(true)
  })
})

describe('previous period', () => {
  const key = (r: E.Either<unknown, Period>) => (E.isRight(r) ? r.right.key : 'error')
  it('steps back one calendar period, or one custom span', () => {
    const t = instantOrThrow('2021-01-01T00:30:00+08:00')
    expect(['day', 'week', 'month', 'quarter', 'half', 'year'].map((k) => key(previousPeriod(periodOf(k as 'day', t))))).toEqual([
      '2020-12-31',
      '2020-W52',
      '2020-12',
      '2020-Q4',
      '2020-H2',
      '2020'
    ])
    expect(key(previousPeriod((customPeriod('2021-07-10', '2021-07-20') as E.Right<Period>).right))).toBe('2021-06-30/2021-07-10')
    expect(E.isLeft(previousPeriod(allTime()))).toBe(true)
  })
})
