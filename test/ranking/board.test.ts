import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { allTime, customPeriod, parsePeriodKey, renderProblem, type Period, type Problem, type UnitId } from '../../src/core/internal.js'
import { computeBoard, type Board, type BoardInputs, type BoardSpec } from '../../src/ranking/internal.js'
import { entry, event, org, quiz } from './fixture.js'

const P = (key: string): Period => (parsePeriodKey(key) as E.Right<Period>).right
const JULY = P('2021-07')

const inputs: BoardInputs = {
  org,
  entries: [
    entry('m1', 10, 1),
    entry('m1', 5, 2),
    entry('m2', 20, 1),
    { ...entry('m2', 50, 1), at: entry('m2', 50, 1).at - 2 * 86_400_000 }, // 29 June: outside July
    entry('m3', 15, 3),
    entry('m5', 8, 1),
    entry('m6', 3, 1, 'moral'),
    entry('ghost', 5, 2)
  ],
  events: [
    quiz('m1', 8, 10, 1),
    quiz('m1', 9, 10, 2),
    quiz('m2', 10, 10, 3),
    quiz('m3', 3, 10, 1),
    quiz('m3', 5, 10, 2),
    quiz('m3', 7, 10, 3),
    event('m1', 'video.watched', 1),
    event('m1', 'video.watched', 2),
    event('m1', 'video.watched', 4),
    event('m4', 'video.watched', 5)
  ],
  host: { xuexi: { m1: 100, m2: 300, m5: 200 }, conduct: { g1: 90, g2: 80, g3: 85 } }
}

const ok = (spec: BoardSpec, i: BoardInputs = inputs): Board => {
  const r = computeBoard(spec)(i)
  if (E.isLeft(r)) throw new Error(r.left.map((p) => renderProblem(p)).join('\n'))
  return r.right
}
const bad = (spec: BoardSpec, i: BoardInputs = inputs): ReadonlyArray<string> => {
  const r = computeBoard(spec)(i)
  return E.isLeft(r) ? r.left.map((p: Problem) => renderProblem(p)) : ['(computed)']
}
const ranks = (b: Board) => b.rows.map((r) => [r.subject, r.rank])

const points = { subjects: 'members', metric: { kind: 'points', account: 'study' }, period: JULY } as const

describe('member boards', () => {
  it('ranks points earned in the period, inactive members last with 0, ties stated', () => {
    const b = ok(points)
    expect(ranks(b)).toEqual([['m2', 1], ['m1', 2], ['m3', 2], ['m5', 4], ['m4', 5], ['m6', 5]])
    expect(b.rows.map((r) => r.score)).toEqual([20, 15, 15, 8, 0, 0])
    expect(b.ties).toEqual([
      { score: 15, rank: 2, subjects: ['m1', 'm3'] },
      { score: 0, rank: 5, subjects: ['m4', 'm6'] }
    ])
    expect(b.rows[1]).toMatchObject({ subject: 'm1', label: '张三', tie: 0, figures: { value: 15, count: 2 } })
    expect(b.rows[0]?.tie).toBeUndefined()
    expect(b.rows.map((r) => r.percentRank)).toEqual([0, 0.2, 0.2, 0.6, 0.8, 0.8])
    expect(b.unmatched).toEqual(['ghost'])
    expect(b.excluded).toEqual([])
  })
  it('applies each tie scheme', () => {
    expect(ok({ ...points, ties: 'dense' }).rows.map((r) => r.rank)).toEqual([1, 2, 2, 3, 4, 4])
    expect(ok({ ...points, ties: 'ordinal' }).rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6])
    expect(ok({ ...points, ties: 'fractional' }).rows.map((r) => r.rank)).toEqual([1, 2.5, 2.5, 4, 5.5, 5.5])
  })
  it('breaks ordinal ties by the chain before the subject id', () => {
    const b = ok({ ...points, ties: 'ordinal', tieBreakers: [{ figure: 'count', order: 'asc' }] })
    // m1 (2 entries) and m3 (1 entry) tie on 15: fewer entries first.
    expect(ranks(b).slice(1, 3)).toEqual([['m3', 2], ['m1', 3]])
  })
  it('can list inactive members as excluded instead of ranking them', () => {
    const b = ok({ ...points, inactive: 'exclude' })
    expect(b.rows.map((r) => r.subject)).toEqual(['m2', 'm1', 'm3', 'm5'])
    expect(b.excluded.map((x) => [x.subject, x.reason])).toEqual([['m4', 'no-activity'], ['m6', 'no-activity']])
  })
  it('ranks within a subtree scope only', () => {
    expect(ranks(ok({ ...points, scope: 'b1' as UnitId }))).toEqual([['m2', 1], ['m1', 2], ['m3', 2], ['m4', 4]])
    expect(ok({ ...points, scope: 'b1' as UnitId }).unmatched).toEqual([])
  })
  it('ranks quiz accuracy with a minimum number of quizzes', () => {
    const b = ok({ subjects: 'members', metric: { kind: 'quizAccuracy' }, period: JULY, minParticipation: 2, inactive: 'exclude' })
    expect(b.rows.map((r) => [r.subject, r.score])).toEqual([['m1', 17 / 20], ['m3', 15 / 30]])
    expect(b.rows[0]?.figures).toEqual({ count: 2, correct: 17, total: 20, value: 17 / 20 })
    expect(b.excluded.map((x) => [x.subject, x.reason, x.figures['count']])).toEqual([
      ['m2', 'below-minimum', 1],
      ['m4', 'no-activity', 0],
      ['m5', 'no-activity', 0],
      ['m6', 'no-activity', 0]
    ])
  })
  it('counts events of given types, per day when asked', () => {
    const b = ok({ subjects: 'members', metric: { kind: 'count', eventTypes: ['video.watched'] }, period: JULY, inactive: 'exclude' })
    expect(b.rows.map((r) => [r.subject, r.score])).toEqual([['m1', 3], ['m4', 1]])
    const d = ok({ subjects: 'members', metric: { kind: 'count', eventTypes: ['video.watched'] }, period: JULY, inactive: 'exclude', perDay: true })
    expect(d.rows[0]?.score).toBe(3 / 31)
    expect(d.rows[0]?.figures['days']).toBe(31)
  })
  it('ranks host metrics, ascending when asked', () => {
    const b = ok({ subjects: 'members', metric: { kind: 'host', name: 'xuexi' }, period: allTime(), order: 'asc', inactive: 'exclude' })
    expect(b.rows.map((r) => r.subject)).toEqual(['m1', 'm5', 'm2'])
  })
})

describe('unit boards', () => {
  const groups = { subjects: 'units', unitKind: 'group', metric: { kind: 'points', account: 'study' }, period: JULY } as const
  it('aggregates members by sum, mean over participants and per capita; empty units are excluded', () => {
    expect(ok(groups).rows.map((r) => [r.subject, r.score])).toEqual([['g1', 35], ['g2', 15], ['g3', 8]])
    expect(ok({ ...groups, aggregate: 'mean' }).rows.map((r) => [r.subject, r.score])).toEqual([['g1', 17.5], ['g2', 15], ['g3', 8]])
    const pc = ok({ ...groups, aggregate: 'perCapita' })
    expect(pc.rows.map((r) => [r.subject, r.score])).toEqual([['g1', 17.5], ['g2', 7.5], ['g3', 4]])
    expect(pc.rows[1]).toMatchObject({ label: '二组', figures: { members: 2, active: 2, participants: 1, total: 15, value: 7.5 } })
    expect(pc.excluded).toEqual([{ subject: 'g4', label: '四组', reason: 'no-members', figures: { members: 0 } }])
  })
  it('defaults to the units one level below the scope', () => {
    expect(ok({ ...groups, unitKind: undefined } as unknown as BoardSpec).rows.map((r) => [r.subject, r.score])).toEqual([['b1', 50], ['e1', 8]])
    expect(ok({ subjects: 'units', metric: groups.metric, period: JULY, scope: 'b1' as UnitId }).rows.map((r) => r.subject)).toEqual(['g1', 'g2'])
  })
  it('ranks participation rate (active: any entry or event in the period)', () => {
    // 1-5 July: m4's only event (5 July) falls outside, so g2 has one active member of two.
    const b = ok({ ...groups, metric: { kind: 'participation' }, period: (customPeriod('2021-07-01', '2021-07-05') as E.Right<Period>).right })
    expect(b.rows.map((r) => [r.subject, r.score, r.rank])).toEqual([['g1', 1, 1], ['g3', 1, 1], ['g2', 0.5, 3]])
  })
  it('ranks the share of members at or above a daily minimum on every day', () => {
    const two = (customPeriod('2021-07-01', '2021-07-03') as E.Right<Period>).right
    const b = ok({ ...groups, metric: { kind: 'aboveDailyMin', account: 'study', min: 5 }, period: two })
    expect(b.rows.map((r) => [r.subject, r.score])).toEqual([['g1', 0.5], ['g2', 0], ['g3', 0]])
    expect(b.rows[0]?.figures['qualified']).toBe(1)
  })
  it('reads host metrics given per unit', () => {
    const b = ok({ ...groups, metric: { kind: 'host', name: 'conduct', of: 'units' } })
    expect(b.rows.map((r) => [r.subject, r.score])).toEqual([['g1', 90], ['g3', 85], ['g2', 80]])
  })
})

describe('bad board specs', () => {
  it('reports an unknown metric, an unknown scope and a period that ends before it starts, all at once', () => {
    const backwards: Period = { ...JULY, start: JULY.end, end: JULY.start }
    expect(bad({ subjects: 'members', metric: { kind: 'bogus' } as never, period: backwards, scope: 'nowhere' as UnitId })).toEqual([
      `$.period: expected a period that ends after it starts, got "${JULY.end} → ${JULY.start}"`,
      '$.scope: expected the id of a unit in the organisation, got "nowhere"',
      '$.metric.kind: expected a metric for members: points, count, quizAccuracy, host, got "bogus"'
    ])
  })
  it('reports unit-only metrics on member boards and unknown host metrics', () => {
    expect(bad({ subjects: 'members', metric: { kind: 'participation' }, period: JULY })[0]).toMatch(/^\$\.metric\.kind: expected a metric for members/)
    expect(bad({ subjects: 'members', metric: { kind: 'host', name: 'nope' }, period: JULY })).toEqual([
      '$.metric.name: expected a host metric supplied: xuexi, conduct, got "nope"'
    ])
  })
  it('reports an empty scope', () => {
    expect(bad({ ...points, scope: 'g4' as UnitId })).toEqual(['$.scope: expected a scope with at least one member, got "g4"'])
    expect(bad({ subjects: 'units', metric: { kind: 'participation' }, period: JULY, scope: 'g1' as UnitId })).toEqual([
      '$.scope: expected a scope with at least one unit to rank, got "g1"'
    ])
  })
  it('refuses per-day and daily-minimum figures over all time, and options that do not fit', () => {
    expect(bad({ ...points, period: allTime(), perDay: true })).toEqual(['$.perDay: expected a bounded period for per-day figures, got "all"'])
    expect(bad({ ...points, aggregate: 'sum', minParticipation: -1 })).toEqual([
      '$.aggregate: expected no aggregate on a members board, got "sum"',
      '$.minParticipation: expected a whole number ≥ 0, got -1'
    ])
  })
  it('reports a non-finite host value instead of ranking it', () => {
    const r = bad({ subjects: 'members', metric: { kind: 'host', name: 'x' }, period: JULY }, { org, host: { x: { m1: Number.NaN } } })
    expect(r).toEqual(['$.metric: expected a finite number, got m1: NaN'])
  })
})
