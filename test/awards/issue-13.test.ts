// issue #13 "Awards say what is true": quotas name a unit kind the organisation has, a fallback only where
// nobody reached the threshold and within the cap, reasons that name the unit in the programme's labels,
// a first posting said as such, and figures over an unknown account refused.
import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { instantOrThrow, renderProblem, type OrgTree } from '../../src/core/internal.js'
import { awardPresets, awardUnitKinds, checkAwardOrg, decodeAwardProgramme, honorRoll, honorRollMarkdown, runAwards, type AwardProgramme, type AwardResult } from '../../src/awards/internal.js'
import { checkProgrammeOrg, decodeProgramme, decodeProgrammeOrThrow } from '../../src/programme/internal.js'
import { dailyStudy } from '../../src/rules/internal.js'
import type { HostMetrics } from '../../src/ranking/internal.js'
import { entry, one, org, orgOf, programmeOf, RUN_AT } from './fixture.js'

const STUDY = { id: 'study', label: { en: 'Study score', zh: '学习积分' } }

// park → enterprises e1, e2 → work groups; no branch anywhere
const enterprises: OrgTree = orgOf({
  units: [
    { id: 'park', label: '园区', kind: 'park' },
    { id: 'e1', label: '甲公司', kind: 'enterprise', parent: 'park' },
    { id: 'e2', label: '乙公司', kind: 'enterprise', parent: 'park' },
    { id: 'g1', label: '甲一组', kind: 'group', parent: 'e1' },
    { id: 'g2', label: '乙一组', kind: 'group', parent: 'e2' }
  ],
  members: Array.from({ length: 24 }, (_, i) => ({ id: `m${i + 1}`, unit: i < 12 ? 'g1' : 'g2', label: `成员${i + 1}` }))
})
const flat: OrgTree = orgOf({ units: [{ id: 'park', label: '园区', kind: 'park' }], members: [{ id: 'm1', unit: 'park', label: '甲' }] })
const many = (n: number) => Array.from({ length: n }, (_, i) => entry(`m${i + 1}`, 500 - 10 * i, '07-01'))

const result = (p: AwardProgramme, o: OrgTree, entries = many(6), host?: HostMetrics): AwardResult => {
  const r = runAwards(p)({ org: o, entries, at: RUN_AT, ...(host === undefined ? {} : { host }) })
  if (E.isLeft(r)) throw new Error(r.left.map((x) => renderProblem(x)).join('\n'))
  return r.right.results[0] as AwardResult
}

describe('issue #13: a quota per unit names a unit kind the organisation has', () => {
  const presets = programmeOf(awardPresets())

  it('the presets say which unit kinds they need', () => {
    expect(awardUnitKinds(presets).map((n) => [n.award, n.kind, n.at.join('.')])).toEqual([
      ['learning-model', 'branch', 'awards.1.perUnit.unitKind'],
      ['learning-newcomer', 'branch', 'awards.2.perUnit.unitKind'],
      ['red-flag', 'branch', 'awards.7.unitKind']
    ])
    expect(awardUnitKinds(programmeOf(awardPresets({ unitKind: 'enterprise' }))).map((n) => n.kind)).toEqual(['enterprise', 'enterprise', 'enterprise'])
  })

  it('on park → enterprise → work group the presets are refused at each quota and the red flag, in en and zh', () => {
    const r = runAwards(presets)({ org: enterprises, entries: many(6), at: RUN_AT })
    expect(E.isLeft(r) && r.left.map((p) => renderProblem(p))).toEqual([
      '$.awards[1].perUnit.unitKind: expected a unit kind the organisation has: park, enterprise, group, got "branch"',
      '$.awards[2].perUnit.unitKind: expected a unit kind the organisation has: park, enterprise, group, got "branch"',
      '$.awards[7].unitKind: expected a unit kind the organisation has: park, enterprise, group, got "branch"'
    ])
    expect(E.isLeft(r) && renderProblem(r.left[0]!, 'zh')).toBe('$.awards[1].perUnit.unitKind：应为组织中已有的单位类型：park、enterprise、group，实际为 "branch"')
    expect(checkAwardOrg(presets)(flat).map((p) => p.received.en)).toEqual(['"branch"', '"branch"', '"branch"'])
  })

  it('with unitKind enterprise, each enterprise has its own two seats (not one park-wide unit)', () => {
    const p = programmeOf(awardPresets({ unitKind: 'enterprise', modelThreshold: 400 }))
    const r = runAwards(p)({ org: enterprises, entries: many(24), at: RUN_AT })
    if (E.isLeft(r)) throw new Error(r.left.map((x) => renderProblem(x)).join('\n'))
    const model = r.right.results.find((x) => x.award === 'learning-model') as AwardResult
    // m1, m2 are Learning Stars (exclusive), m15..m24 on the black list; m3, m4 fill 甲公司's two seats
    // (m5..m11 reached 400 too: 甲公司's quota), and in 乙公司 nobody eligible reached 400: its best is put forward
    expect(model.winners.map((w) => [w.subject, w.quotaUnit, w.reason])).toEqual([['m3', 'e1', 'selected'], ['m4', 'e1', 'selected'], ['m13', 'e2', 'fallback']])
    expect(model.nearMisses[0]?.text.zh).toBe('甲公司名额（2 名）已满：第 3 名（共 12 名），学习积分 = 460')
  })

  it('a candidate with no unit of the kind above it is refused, not pooled', () => {
    const mixed = orgOf({
      units: [
        { id: 'park', label: '园区', kind: 'park' },
        { id: 'b1', label: '一支部', kind: 'branch', parent: 'park' }
      ],
      members: [
        { id: 'm1', unit: 'b1', label: '甲' },
        { id: 'm2', unit: 'park', label: '乙' }
      ]
    })
    const p = one({ id: 'model', by: 'points:study', selection: { kind: 'threshold', min: 1 }, perUnit: { unitKind: 'branch', max: 1 } })
    const r = runAwards(p)({ org: mixed, entries: many(2), at: RUN_AT })
    expect(E.isLeft(r) && r.left.map((x) => renderProblem(x))).toEqual(['$.awards[0].perUnit.unitKind: expected a unit kind above every candidate (1 have no branch above them: m2), got "branch"'])
  })

  it('the programme check reports a missing kind under $.awards', () => {
    const prog = decodeProgrammeOrThrow({ version: 1, rules: dailyStudy(), awards: awardPresets() })
    expect(checkProgrammeOrg(prog, flat).map((p) => renderProblem(p))[0]).toBe('$.awards.awards[1].perUnit.unitKind: expected a unit kind the organisation has: park, got "branch"')
    expect(checkProgrammeOrg(prog, org)).toEqual([])
  })
})

describe('issue #13: a fallback winner only where nobody reached the threshold, within the quota', () => {
  // b1 (m1..m4) is strong, b2 (m5, m6) reached the threshold only with m5
  const p = one({ id: 'model', by: 'points:study', selection: { kind: 'threshold', min: 400, cap: 2 }, perUnit: { unitKind: 'branch', max: 2, fallback: true }, ties: 'breakChain' }, { accounts: [STUDY] })

  it('a unit whose member reached the threshold but was left out by the cap gets no fallback (the demo posted 12 for ×11)', () => {
    const es = [entry('m1', 600, '07-01'), entry('m2', 590, '07-01'), entry('m5', 523, '07-01'), entry('m6', 100, '07-01')]
    const r = result(p, org, es)
    expect(r.winners.map((w) => [w.subject, w.reason])).toEqual([['m1', 'selected'], ['m2', 'selected']])
    expect(r.nearMisses.find((d) => d.subject === 'm5')?.text.en).toBe('outside the quota of 2: rank 3 of 6, Study score = 523')
  })

  it('a unit where nobody reached it puts forward its best, saying so with the unit and the threshold', () => {
    const es = [entry('m1', 600, '07-01'), entry('m5', 300, '07-01'), entry('m6', 100, '07-01')]
    const r = result(p, org, es)
    expect(r.winners.map((w) => [w.subject, w.reason])).toEqual([['m1', 'selected'], ['m5', 'fallback']])
    const fb = r.winners[1]!
    expect(fb.text.en).toBe('put forward as the best of 二支部 (nobody eligible in 二支部 reached Study score 400): rank 2 of 6, Study score = 300')
    expect(fb.text.zh).toBe('作为二支部最高者推荐（二支部符合条件者无人达到学习积分 400）：第 2 名（共 6 名），学习积分 = 300')
  })

  it('a fallback takes a seat under the cap: with the cap full, nobody is put forward', () => {
    const full = one({ id: 'model', by: 'points:study', selection: { kind: 'threshold', min: 400, cap: 1 }, perUnit: { unitKind: 'branch', max: 2, fallback: true }, ties: 'breakChain' })
    const r = result(full, org, [entry('m1', 600, '07-01'), entry('m5', 300, '07-01')])
    expect(r.winners.map((w) => w.subject)).toEqual(['m1'])
  })
})

describe('issue #13: reasons name the unit and speak the programme labels; a first posting says so', () => {
  const p = one({ id: 'model', label: { en: 'Learning Model', zh: '学习标兵' }, by: 'points:study', selection: { kind: 'threshold', min: 10 }, perUnit: { unitKind: 'branch', max: 1 }, ties: 'breakChain' }, { accounts: [STUDY] })
  const es = [entry('m1', 50, '07-01'), entry('m2', 40, '07-01'), entry('m5', 30, '07-01')]

  it('a unit-quota miss names the unit whose quota was filled and its seats, in en and zh', () => {
    const m2 = result(p, org, es).nearMisses.find((d) => d.subject === 'm2')
    expect(m2?.text.en).toBe('the quota of 一支部 (1) was already filled: rank 2 of 6, Study score = 40')
    expect(m2?.text.zh).toBe('一支部名额（1 名）已满：第 2 名（共 6 名），学习积分 = 40')
  })

  it('a category no earlier roll listed is its first posting, not "no change"; later changes name members', () => {
    const run = runAwards(p)({ org, entries: es, at: RUN_AT })
    if (E.isLeft(run)) throw new Error('run')
    const notice = { from: instantOrThrow('2021-10-08T00:00:00+08:00'), to: instantOrThrow('2021-10-15T00:00:00+08:00') }
    const first = honorRoll(run.right, notice)
    if (E.isLeft(first)) throw new Error('roll')
    expect(first.right.categories[0]?.first).toBe(true)
    expect(honorRollMarkdown(first.right)).toContain('本奖项首次公示。')
    expect(honorRollMarkdown(first.right)).not.toContain('无变化')
    expect(honorRollMarkdown(first.right, 'en')).toContain('First posting of this category.')
    const again = honorRoll(run.right, notice, { previous: first.right })
    if (E.isLeft(again)) throw new Error('roll')
    expect(again.right.categories[0]?.first).toBe(false)
    expect(honorRollMarkdown(again.right)).toContain('与上期相比无变化。')
  })

  it('a score over host metrics names them with their labels, not host:skills', () => {
    const post = one(
      { id: 'post', by: { 'host:skills': 0.5, 'host:conduct': 0.5 }, selection: { kind: 'top', n: 1 } },
      { hostMetrics: [{ id: 'skills', label: { en: 'Skills', zh: '技能' } }, 'conduct'] }
    )
    const winner = result(post, org, es, { skills: { m1: 90 }, conduct: { m1: 80 } }).winners[0]
    expect(winner?.text.zh).toContain('0.5×技能 + 0.5×host:conduct = 85')
    expect(winner?.text.en).toContain('0.5×Skills + 0.5×host:conduct = 85')
    expect(E.isLeft(decodeAwardProgramme({ hostMetrics: [{ id: 'skills', label: '技能' }], awards: [] }))).toBe(true)
  })

  it('a vacant category says why', () => {
    const none = one({ id: 'model', by: 'points:study', selection: { kind: 'threshold', min: 1000 } }, { accounts: [STUDY] })
    const run = runAwards(none)({ org, entries: es, at: RUN_AT })
    if (E.isLeft(run)) throw new Error('run')
    const roll = honorRoll(run.right, { from: instantOrThrow('2021-10-08T00:00:00+08:00'), to: instantOrThrow('2021-10-15T00:00:00+08:00') })
    if (E.isLeft(roll)) throw new Error('roll')
    expect(honorRollMarkdown(roll.right, 'en')).toContain('No winner this period: none of the 6 eligible was selected (the best: 张三, below the threshold of Study score 1000: rank 1 of 6, Study score = 50).')
  })
})

describe('issue #13: a figure over an account the rules do not have is a problem, not zero for everyone', () => {
  const award = { id: 'model', label: { en: 'M', zh: 'M' }, subjects: 'members', period: 'quarter', by: 'points:moarl', selection: { kind: 'top', n: 1 } }

  it('decoding an awards programme that lists its accounts refuses it at the path', () => {
    const r = decodeAwardProgramme({ accounts: [STUDY], awards: [award] })
    expect(E.isLeft(r) && r.left.map((p) => renderProblem(p))).toEqual(['$.awards[0].by: expected an account of the rules: study, got "points:moarl"'])
  })

  it('runAwards refuses a programme built in code, at the category', () => {
    const p = programmeOf({ awards: [award] })
    const r = runAwards({ ...p, accounts: [STUDY] })({ org, entries: many(3), at: RUN_AT })
    expect(E.isLeft(r) && r.left.map((x) => renderProblem(x, 'zh'))).toEqual(['$.awards[0].by：应为规则中的账户：study，实际为 "points:moarl"'])
  })

  it('in a programme file, the awards read the rules accounts (and their labels)', () => {
    const r = decodeProgramme({ version: 1, rules: dailyStudy(), awards: { awards: [award] } })
    expect(E.isLeft(r) && r.left.map((x) => renderProblem(x))).toEqual(['$.awards.awards[0].by: expected an account of the rules: study, got "points:moarl"'])
    const ok = decodeProgrammeOrThrow({ version: 1, rules: dailyStudy(), awards: awardPresets() })
    expect(ok.awards?.accounts).toEqual([STUDY])
  })
})
