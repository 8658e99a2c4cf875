import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { type UnitId } from '../../src/core/internal.js'
import {
  allOf,
  anyOf,
  awardFigures,
  compileCriterion,
  explainCriterion,
  figureIs,
  hasRole,
  hasTag,
  inUnit,
  isCadre,
  isNot,
  isPartyMember,
  memberFigures,
  runAwards,
  type AwardInputs,
  type AwardProgramme,
  type AwardResult,
  type CriteriaEnv
} from '../../src/awards/internal.js'
import { parsePeriodKey } from '../../src/core/internal.js'
import type { EntryLike } from '../../src/ranking/internal.js'
import { day, entry, event, one, org, programmeOf, RUN_AT } from './fixture.js'

// m1 50, m2 40 (reached 07-05), m4 40 (reached 07-03), m5 10, m6 nothing; m3 55 with a deduction (a violation).
const entries: ReadonlyArray<EntryLike> = [
  entry('m1', 30, '07-01'),
  entry('m1', 20, '07-02'),
  entry('m2', 40, '07-05'),
  entry('m4', 25, '07-01'),
  entry('m4', 15, '07-03'),
  entry('m5', 10, '08-01'),
  entry('m3', 60, '07-01'),
  entry('m3', -5, '07-02', 10, 'deduction.late')
]
const inputs = (more: Partial<AwardInputs> = {}): AwardInputs => ({ org, entries, at: RUN_AT, ...more })

const result = (p: AwardProgramme, more: Partial<AwardInputs> = {}, i = 0): AwardResult => {
  const r = runAwards(p)(inputs(more))
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
  return r.right.results[i] as AwardResult
}
const ids = (ds: ReadonlyArray<{ readonly subject: string }>) => ds.map((d) => d.subject)
const clean = { figure: 'violations', op: 'eq', value: 0 }

describe('criteria', () => {
  const period = parsePeriodKey('2021-Q3')
  if (E.isLeft(period)) throw new Error('period')
  const members = org.members.map((m) => m.id)
  const table = memberFigures(['points:study', 'violations', 'tenureMonths'], { org, entries, period: period.right }, members)
  const env: CriteriaEnv = { table, org, subjects: 'members', winners: new Map() }
  const who = (c: Parameters<typeof compileCriterion>[0]) => members.filter((_, i) => compileCriterion(c)(env)(i))

  it('compose with and / or / not over figures and member records', () => {
    expect(who(figureIs('points:study', 'gte', 40))).toEqual(['m1', 'm2', 'm3', 'm4'])
    expect(who(allOf(figureIs('points:study', 'gte', 40), figureIs('violations', 'eq', 0)))).toEqual(['m1', 'm2', 'm4'])
    expect(who(anyOf(isCadre(), hasTag('post-expert')))).toEqual(['m4', 'm5'])
    expect(who(isNot(isPartyMember()))).toEqual(['m2', 'm4', 'm6'])
    expect(who(hasRole('senior-leader'))).toEqual(['m3'])
    expect(who(inUnit('b2' as UnitId))).toEqual(['m5', 'm6'])
    expect(who(allOf())).toEqual(members)
    expect(who(anyOf())).toEqual([])
  })

  it('tenure counts whole months to the end of the period', () => {
    // Q3 ends 2021-10-01: m2 joined 2021-02-10 (7 whole months), m4 2021-06-01 (4)
    expect(who(figureIs('tenureMonths', 'lt', 12))).toEqual(['m2', 'm4'])
  })

  it('explain every part with the figure it read, agreeing with the test', () => {
    const c = allOf(figureIs('points:study', 'gte', 50), isNot(isPartyMember()))
    const m1 = explainCriterion(c)(env)(0)
    expect(m1.passed).toBe(false)
    expect(m1.children?.[0]).toMatchObject({ passed: true, figure: 'points:study', value: 50 })
    expect(m1.children?.[0]?.text.en).toBe('✓ points:study 50 ≥ 50')
    expect(m1.children?.[1]?.passed).toBe(false)
    const absent = explainCriterion(figureIs('host:skills', 'gte', 1))(env)(0)
    expect(absent).toMatchObject({ passed: false, value: null })
    expect(absent.text.zh).toBe('✗ host:skills 无 ≥ 1')
  })
})

describe('selection and tie policies at the quota boundary', () => {
  const top2 = (ties: string) => one({ id: 'star', criteria: clean, by: 'points:study', selection: { kind: 'top', n: 2 }, tieBreakers: [{ figure: 'reachedAt:study', order: 'asc' }], ties })

  it('includeAll: everyone tied at the boundary wins, and says so', () => {
    const r = result(top2('includeAll'))
    expect(ids(r.winners)).toEqual(['m1', 'm2', 'm4'])
    expect(r.winners.map((w) => [w.reason, w.rank])).toEqual([['selected', 1], ['tie-included', 2], ['tie-included', 2]])
    expect(r.winners[0]?.text.en).toBe('selected: rank 1 of 5, points:study = 50')
    expect(r.pending).toEqual([])
  })

  it('flag: the tied subjects wait for an admin; their seat stays open', () => {
    const r = result(top2('flag'))
    expect(ids(r.winners)).toEqual(['m1'])
    expect(ids(r.pending)).toEqual(['m2', 'm4'])
    expect(r.pending.every((p) => p.reason === 'tie-flagged' && p.outcome === 'pending')).toBe(true)
  })

  it('breakChain: earlier achievement first, the other is told why', () => {
    const r = result(top2('breakChain'))
    expect(ids(r.winners)).toEqual(['m1', 'm4'])
    const m2 = r.nearMisses.find((d) => d.subject === 'm2')
    expect(m2?.reason).toBe('tie-broken')
    expect(m2?.rank).toBe(2)
  })

  it('near misses: runners-up and the best who failed a criterion, with the failing figure', () => {
    const r = result(top2('includeAll'))
    expect(ids(r.nearMisses)).toEqual(['m5', 'm6', 'm3'])
    const m3 = r.nearMisses[2]
    expect(m3?.reason).toBe('criteria')
    expect(m3?.criteria).toMatchObject({ passed: false, figure: 'violations', value: 1 })
    expect(m3?.text.en).toBe('did not meet the criteria: points:study = 55')
  })

  it('threshold with a per-unit quota and a fallback for a unit with nobody over it', () => {
    const p = (min: number) =>
      one({ id: 'model', criteria: clean, by: 'points:study', selection: { kind: 'threshold', min }, perUnit: { unitKind: 'branch', max: 1, fallback: true }, ties: 'breakChain', tieBreakers: [{ figure: 'reachedAt:study', order: 'asc' }] })
    const r = result(p(45))
    expect(r.winners.map((w) => [w.subject, w.reason, w.quotaUnit])).toEqual([['m1', 'selected', 'b1'], ['m5', 'fallback', 'b2']])
    const r2 = result(p(35))
    expect(ids(r2.winners)).toEqual(['m1', 'm5'])
    expect(r2.nearMisses.filter((d) => d.reason === 'unit-quota').map((d) => d.subject)).toEqual(['m4', 'm2'])
  })

  it('a percentage quota is rounded down but at least 1', () => {
    const r = result(one({ id: 'n', criteria: clean, by: 'points:study', selection: { kind: 'everyone' }, perUnit: { unitKind: 'branch', percent: 50 }, ties: 'breakChain', tieBreakers: [{ figure: 'reachedAt:study', order: 'asc' }] }))
    // b1 has 4 members → 2 seats (m3 is out on a violation); b2 has 2 → 1 seat
    expect(ids(r.winners)).toEqual(['m1', 'm4', 'm5'])
  })

  it('grades by score band; below the lowest band is a near miss', () => {
    const r = result(one({ id: 'stars', criteria: clean, by: 'points:study', selection: { kind: 'grades', bands: [{ min: 40, grade: '★★' }, { min: 50, grade: '★★★' }] } }))
    expect(r.winners.map((w) => [w.subject, w.grade])).toEqual([['m1', '★★★'], ['m2', '★★'], ['m4', '★★']])
    expect(r.nearMisses.slice(0, 2).map((d) => [d.subject, d.reason])).toEqual([['m5', 'below-band'], ['m6', 'below-band']])
  })

  it('threshold with a cap under includeAll exceeds the cap only by the tie', () => {
    const r = result(one({ id: 't', criteria: clean, by: 'points:study', selection: { kind: 'threshold', min: 10, cap: 2 } }))
    expect(ids(r.winners)).toEqual(['m1', 'm2', 'm4'])
    expect(r.nearMisses[0]).toMatchObject({ subject: 'm5', reason: 'over-quota' })
  })
})

describe('tiers, exclusivity, roles, cut-off', () => {
  it('a tiered title is chosen among the winners of another award; exclusivity keeps the priority award', () => {
    const p = programmeOf({
      exclusive: [['star', 'model']],
      awards: [
        { id: 'model', label: { en: 'Model', zh: '标兵' }, subjects: 'members', period: 'quarter', criteria: { winnerOf: 'activist' }, by: 'points:study', selection: { kind: 'top', n: 1 }, ties: 'breakChain', tieBreakers: [{ figure: 'reachedAt:study', order: 'asc' }] },
        { id: 'activist', label: { en: 'Activist', zh: '积极分子' }, subjects: 'members', period: 'quarter', criteria: clean, by: 'points:study', selection: { kind: 'threshold', min: 40 } },
        { id: 'star', label: { en: 'Star', zh: '之星' }, subjects: 'members', period: 'quarter', criteria: clean, by: 'points:study', selection: { kind: 'top', n: 1 } }
      ]
    })
    const r = runAwards(p)(inputs())
    if (E.isLeft(r)) throw new Error('run')
    const [model, activist, star] = r.right.results
    expect(r.right.results.map((x) => x.award)).toEqual(['model', 'activist', 'star'])
    expect(ids(activist?.winners ?? [])).toEqual(['m1', 'm2', 'm4'])
    expect(ids(star?.winners ?? [])).toEqual(['m1'])
    expect(ids(model?.winners ?? [])).toEqual(['m4'])
    expect(model?.nearMisses.find((d) => d.subject === 'm1')?.reason).toBe('exclusive')
    expect(model?.nearMisses.find((d) => d.subject === 'm5')?.reason).toBe('criteria')
  })

  it('members with an excluded role are not candidates', () => {
    const host = { skills: { m3: 99, m1: 80, m5: 85 } }
    const p = one({ id: 'post', criteria: { partyMember: true }, by: 'host:skills', selection: { kind: 'top', n: 1 }, excludeRoles: ['senior-leader'] }, { hostMetrics: ['skills'] })
    const r = result(p, { host })
    expect(ids(r.winners)).toEqual(['m5'])
    expect(r.candidates).toBe(5)
    const without = one({ id: 'post', criteria: { partyMember: true }, by: 'host:skills', selection: { kind: 'top', n: 1 } }, { hostMetrics: ['skills'] })
    expect(ids(result(without, { host }).winners)).toEqual(['m3'])
  })

  it('events after the cut-off do not count for the period', () => {
    const late = [...entries, entry('m6', 100, '09-15')]
    const base = { id: 'star', criteria: clean, by: 'points:study', selection: { kind: 'top', n: 1 } }
    expect(ids(result(one(base), { entries: late }).winners)).toEqual(['m6'])
    expect(ids(result(one({ ...base, cutoff: '2021-09-01T00:00:00+08:00' }), { entries: late }).winners)).toEqual(['m1'])
  })

  it('newcomers by tenure, improvement against the previous period, sessions and quiz accuracy', () => {
    expect(ids(result(one({ id: 'new', criteria: { figure: 'tenureMonths', op: 'lt', value: 12 }, by: 'points:study', selection: { kind: 'everyone' } })).winners)).toEqual(['m2', 'm4'])
    const withQ2 = [...entries, entry('m1', 60, '05-01'), entry('m4', 10, '05-01')]
    const imp = result(one({ id: 'imp', by: 'improvement:study', selection: { kind: 'top', n: 2 } }), { entries: withQ2 })
    // m1 50 − 60 = −10, m2 40 − 0, m3 55 − 0, m4 40 − 10 = 30
    expect(imp.winners.map((w) => [w.subject, w.score])).toEqual([['m3', 55], ['m2', 40]])
    const events = [event('m1', 'session.attended', '07-10'), event('m1', 'session.attended', '08-10'), event('m2', 'session.attended', '07-10'), event('m2', 'quiz.completed', '07-11', { correct: 9, total: 10 }), event('m1', 'quiz.completed', '07-11', { correct: 6, total: 10 })]
    const s = result(one({ id: 's', criteria: { figure: 'count:session.attended', op: 'gte', value: 2 }, by: 'points:study', selection: { kind: 'everyone' } }), { events })
    expect(ids(s.winners)).toEqual(['m1'])
    const q = result(one({ id: 'q', criteria: { figure: 'quizAccuracy', op: 'gte', value: 0.8 }, by: 'quizAccuracy', selection: { kind: 'everyone' } }), { events })
    expect(q.winners.map((w) => [w.subject, w.score])).toEqual([['m2', 0.9]])
  })

  it('rank and red/black lists on a board the criteria name', () => {
    const extra = { boards: { study: { subjects: 'members', metric: { kind: 'points', account: 'study' }, lists: { red: { count: 1 }, black: { count: 1 } } } } }
    const red = result(one({ id: 'r', criteria: { redList: 'study' }, by: 'points:study', selection: { kind: 'everyone' } }, extra))
    expect(ids(red.winners)).toEqual(['m3'])
    const notBlack = result(one({ id: 'nb', criteria: { not: { blackList: 'study' } }, by: 'points:study', selection: { kind: 'everyone' } }, extra))
    expect(ids(notBlack.winners)).toEqual(['m3', 'm1', 'm2', 'm4', 'm5'])
    const ranked = result(one({ id: 'rk', criteria: { figure: 'rank:study', op: 'lte', value: 2 }, by: 'points:study', selection: { kind: 'everyone' } }, extra))
    expect(ids(ranked.winners)).toEqual(['m3', 'm1'])
  })
})

describe('unit awards: the rotating red flag', () => {
  const flag = one({
    id: 'red-flag',
    subjects: 'units',
    unitKind: 'branch',
    period: '2021-07-01/2021-07-03',
    criteria: { all: [{ figure: 'everyDayMin:study', op: 'gte', value: 30 }, { figure: 'participation', op: 'eq', value: 1 }] },
    by: 'perCapita:study',
    selection: { kind: 'top', n: 1 },
    ties: 'flag'
  })
  const days = (m: string, pts: number, which: ReadonlyArray<string>) => which.map((d) => entry(m, pts, d))
  const base = [...['m1', 'm2', 'm3', 'm4'].flatMap((m) => days(m, 35, ['07-01', '07-02'])), ...days('m5', 40, ['07-01', '07-02'])]

  it('a branch where one member missed a day is not eligible', () => {
    const r = result(flag, { entries: [...base, ...days('m6', 40, ['07-01'])] })
    expect(r.winners.map((w) => [w.subject, w.score])).toEqual([['b1', 70]])
    expect(r.nearMisses[0]?.subject).toBe('b2')
    expect(r.nearMisses[0]?.criteria.children?.[0]).toMatchObject({ passed: false, figure: 'everyDayMin:study', value: 0 })
  })

  it('the branch with the highest per-capita score wins when all qualify', () => {
    const r = result(flag, { entries: [...base, ...days('m6', 40, ['07-01', '07-02'])] })
    expect(r.winners.map((w) => [w.subject, w.score])).toEqual([['b2', 80]])
  })
})

describe('runs are checked first', () => {
  it('an unknown scope is a problem at its path', () => {
    const r = runAwards(one({ id: 'x', by: 'points:study', selection: { kind: 'top', n: 1 }, scope: 'nowhere' }))(inputs())
    expect(E.isLeft(r) && r.left.map((p) => p.at)).toEqual([{ _tag: 'JsonPath', segments: ['awards', 0, 'scope'] }])
  })

  it('the run instant picks the period', () => {
    const r = result(one({ id: 'x', by: 'points:study', selection: { kind: 'top', n: 1 }, period: 'month' }), { at: day('08-15') })
    expect(r.period).toBe('2021-08')
    expect(ids(r.winners)).toEqual(['m5'])
  })
})

describe('figures computed once', () => {
  it('a run on figures from awardFigures equals a run on the raw data, without the raw data', () => {
    const p = programmeOf({
      boards: { study: { subjects: 'members', metric: { kind: 'points', account: 'study' }, lists: { black: { count: 1 } } } },
      awards: [
        { id: 'a', label: { en: 'A', zh: '甲' }, subjects: 'members', period: 'quarter', criteria: { all: [clean, { not: { blackList: 'study' } }] }, by: 'points:study', selection: { kind: 'top', n: 2 }, tieBreakers: [{ figure: 'reachedAt:study', order: 'asc' }], ties: 'breakChain' },
        { id: 'u', label: { en: 'U', zh: '乙' }, subjects: 'units', unitKind: 'branch', period: 'quarter', by: 'perCapita:study', selection: { kind: 'top', n: 1 } }
      ]
    })
    const f = awardFigures(p)(inputs())
    if (E.isLeft(f)) throw new Error('figures')
    const direct = runAwards(p)(inputs())
    expect(runAwards(p)({ org, at: RUN_AT, figures: f.right })).toEqual(direct)
    expect(E.isRight(direct) && direct.right.results.map((r) => ids(r.winners))).toEqual([['m1', 'm4'], ['b1']])
  })
})
