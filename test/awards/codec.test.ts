import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { decode, renderProblem, renderProblems } from '../../src/core/internal.js'
import { AWARD_PRESET_IDS, AwardCriterionC, awardPresets, decodeAwardProgramme, runAwards } from '../../src/awards/internal.js'
import { org, RUN_AT } from './fixture.js'

const award = (more: Record<string, unknown> = {}) => ({ id: 'a', label: { en: 'A', zh: '甲' }, subjects: 'members', period: 'quarter', by: 'points:study', selection: { kind: 'top', n: 1 }, ...more })
const problems = (u: unknown): ReadonlyArray<string> => {
  const r = decodeAwardProgramme(u)
  return E.isLeft(r) ? r.left.map((p) => renderProblem(p)) : []
}

describe('criteria in JSON', () => {
  it('decode every form into the tagged model', () => {
    const r = decode(AwardCriterionC)({ all: [{ figure: 'violations', op: 'eq', value: 0 }, { any: [{ partyMember: true }, { cadre: false }] }, { not: { tag: 'x' } }, { role: 'r' }, { inUnit: 'b1' }, { winnerOf: 'w' }, { redList: 'b' }] })
    expect(r).toEqual(
      E.right({
        _tag: 'All',
        of: [
          { _tag: 'Compare', figure: 'violations', op: 'eq', value: 0 },
          { _tag: 'Any', of: [{ _tag: 'Flag', attr: 'partyMember', value: true }, { _tag: 'Flag', attr: 'cadre', value: false }] },
          { _tag: 'Not', criterion: { _tag: 'Tag', tag: 'x' } },
          { _tag: 'Role', role: 'r' },
          { _tag: 'InUnit', unit: 'b1' },
          { _tag: 'WinnerOf', award: 'w' },
          { _tag: 'Compare', figure: 'red:b', op: 'eq', value: 1 }
        ]
      })
    )
  })

  it('report each bad part at its path', () => {
    const r = decode(AwardCriterionC)({ all: [{ figure: 'x', op: 'gteq', value: 1 }, { partyMember: 'yes' }, { nonsense: 1 }, { tag: 't', extra: 1 }] })
    expect(E.isLeft(r) && r.left.map((p) => renderProblem(p))).toEqual([
      '$.all[0].op: expected one of gte, gt, lte, lt, eq, ne, got "gteq"',
      '$.all[1].partyMember: expected true or false, got "yes"',
      '$.all[2]: expected an object with one of all, any, not, figure, partyMember, cadre, tag, role, inUnit, winnerOf, redList, blackList, got {"nonsense":1}',
      '$.all[3].extra: expected one of the keys tag, got "extra"'
    ])
  })
})

describe('the programme: clear errors before anything is computed', () => {
  it('a quota below 0, an unknown selection kind, a bad period and an unknown key', () => {
    expect(problems({ awards: [award({ selection: { kind: 'top', n: -1 } }), award({ id: 'b', selection: { kind: 'best' } }), award({ id: 'c', period: 'fortnight', quota: 3 })] })).toEqual([
      '$.awards[0].selection.n: expected a whole number ≥ 0, got -1',
      '$.awards[1].selection.kind: expected one of top, threshold, grades, everyone, got "best"',
      '$.awards[2].quota: expected one of the keys id, label, subjects, period, by, selection, unitKind, scope, cutoff, criteria, order, perUnit, tieBreakers, ties, excludeRoles, nearMisses, got "quota"',
      '$.awards[2].period: expected a period kind (day, week, month, quarter, half, year) or a period key such as 2021-Q3, got "fortnight"'
    ])
    expect(problems({ awards: [award({ perUnit: { unitKind: 'branch', max: -2 } })] })).toEqual(['$.awards[0].perUnit.max: expected a whole number ≥ 0, got -2'])
  })

  it('unknown boards, figures, host metrics and awards are named at their paths', () => {
    const ps = problems({
      boards: { study: { subjects: 'members', metric: { kind: 'points', account: 'study' } } },
      hostMetrics: ['skills'],
      awards: [
        award({ criteria: { all: [{ figure: 'rank:stduy', op: 'lte', value: 3 }, { figure: 'pionts:study', op: 'gte', value: 1 }, { winnerOf: 'nobody' }, { redList: 'x' }] }, by: { 'host:skill': 1 } }),
        award({ id: 'b', tieBreakers: [{ figure: 'earlier', order: 'asc' }] })
      ]
    })
    expect(ps).toEqual([
      '$.awards[0].criteria.all[0].figure: expected a board defined in boards: study, got "rank:stduy"',
      expect.stringMatching(/^\$\.awards\[0\]\.criteria\.all\[1\]\.figure: expected a figure for members: quizAccuracy, .*got "pionts:study"$/),
      '$.awards[0].criteria.all[2].winnerOf: expected an award defined in awards: a, b, got "nobody"',
      '$.awards[0].criteria.all[3].redList: expected a board defined in boards: study, got "x"',
      '$.awards[0].by["host:skill"]: expected a host metric declared in hostMetrics: skills, got "host:skill"',
      expect.stringMatching(/^\$\.awards\[1\]\.tieBreakers\[0\]\.figure: expected a figure for members/)
    ])
  })

  it('member-only figures on a unit award, and board specs checked by the ranking codec', () => {
    expect(problems({ awards: [award({ subjects: 'units', by: 'tenureDays' })] })[0]).toMatch(/^\$\.awards\[0\]\.by: expected a figure for units/)
    expect(problems({ boards: { b: { subjects: 'members', metric: { kind: 'pts' } } }, awards: [] })[0]).toMatch(/^\$\.boards\.b\.metric\.kind: expected one of points/)
  })

  it('contradictory exclusivity: opposite priorities, a tier barred by its own priority, a cycle, duplicates', () => {
    expect(problems({ exclusive: [['a', 'b'], ['b', 'a']], awards: [award(), award({ id: 'b' })] })).toEqual([
      '$.exclusive[1][1]: expected the priority order of exclusive group 0 (a before b), got "a"'
    ])
    expect(problems({ exclusive: [['a', 'b']], awards: [award(), award({ id: 'b', criteria: { winnerOf: 'a' } })] })).toEqual([
      '$.awards[1].criteria.winnerOf: expected an award not exclusive with b (its winners are barred from b), got "a"'
    ])
    expect(problems({ exclusive: [['b', 'a']], awards: [award({ criteria: { winnerOf: 'b' } }), award({ id: 'b', criteria: { winnerOf: 'a' } })] })).toEqual([
      '$.awards[0].criteria.winnerOf: expected an award not exclusive with a (its winners are barred from a), got "b"'
    ])
    expect(problems({ awards: [award({ criteria: { winnerOf: 'b' } }), award({ id: 'b', criteria: { winnerOf: 'a' } })] })).toEqual([
      '$.awards[0]: expected awards whose tiers and exclusivity priorities do not go round in a circle, got "cycle among a, b"'
    ])
    expect(problems({ exclusive: [['a', 'zz']], awards: [award(), award()] })).toEqual([
      '$.awards[1].id: expected an award id not used before, got "a"',
      '$.exclusive[0][1]: expected an award defined in awards: a, a, got "zz"'
    ])
  })

  it('a fallback needs a threshold; a per-unit quota needs max or percent', () => {
    expect(problems({ awards: [award({ perUnit: { unitKind: 'branch', fallback: true } })] })).toEqual([
      '$.awards[0].perUnit: expected max or percent, got {"unitKind":"branch","fallback":true}',
      '$.awards[0].perUnit.fallback: expected a fallback only with a threshold selection, got true'
    ])
  })

  it('a syntax-level mistake in the programme and prototype keys are refused', () => {
    expect(problems({ awards: 'none' })).toEqual(['$.awards: expected a list, got "none"'])
    expect(problems(JSON.parse('{"awards":[],"__proto__":{"x":1}}'))[0]).toMatch(/__proto__/)
  })
})

describe('presets', () => {
  it('decode, and are plain JSON an admin can copy (a round trip through text changes nothing)', () => {
    const json = awardPresets()
    expect(JSON.parse(JSON.stringify(json))).toEqual(json)
    const r = decodeAwardProgramme(json)
    if (E.isLeft(r)) throw new Error(renderProblems(r.left))
    expect(r.right.awards.map((a) => a.id)).toEqual(AWARD_PRESET_IDS)
    expect(r.right.awards.map((a) => a.label.zh)).toEqual(['学习之星', '学习标兵', '学习新锐', '党员示范岗', '技能标兵', '作风标兵', '业绩标兵', '流动红旗'])
    const quotas = r.right.awards.map((a) => (a.selection._tag === 'Top' ? a.selection.n : a.selection._tag === 'Threshold' ? a.selection.cap : undefined))
    expect(quotas).toEqual([2, 11, 3, 2, 1, 1, 1, 1])
    expect(r.right.badges.map((b) => b.id)).toEqual(['study-milestone', 'streak-7', 'streak-30'])
  })

  it('run on an organisation with configuration alone', () => {
    const p = decodeAwardProgramme(awardPresets({ dailyMin: 1 }))
    if (E.isLeft(p)) throw new Error('presets')
    const r = runAwards(p.right)({ org, entries: [], host: { skills: { m1: 90 }, conduct: {}, performance: {} }, at: RUN_AT })
    expect(E.isRight(r) && r.right.results.map((x) => x.award)).toEqual(AWARD_PRESET_IDS)
    expect(E.isRight(r) && r.right.results[4]?.winners.map((w) => w.subject)).toEqual(['m1'])
  })
})
