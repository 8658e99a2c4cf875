import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import {
  account,
  atLeast,
  capPer,
  compileRuleSet,
  compileRuleSetOrThrow,
  dailyStudy,
  decodeRuleSet,
  perAction,
  perContent,
  ruleSet,
  RuleSetC
} from '../../src/rules/internal.js'
import { decode, renderLocation, type Problem } from '../../src/core/internal.js'
import { ev, results } from './helpers.js'

const where = (ps: ReadonlyArray<Problem>): Array<string> => ps.map((p) => `${renderLocation(p.at)} ${p.code}`).sort()

const adminJson = {
  zone: 'Asia/Shanghai',
  accounts: [{ id: 'study', label: { en: 'Study score', zh: '学习积分' } }, { id: 'moral', floor: null }],
  rules: [
    {
      id: 'article',
      account: 'study',
      on: ['article.read'],
      amount: { per: 'action', points: 1 },
      atLeast: { attr: 'seconds', value: 30 },
      perContent: 'content',
      caps: [{ per: 'day', max: 6 }]
    },
    {
      id: 'deed',
      account: 'moral',
      on: ['deed.approved'],
      amount: { per: 'table', attr: 'hours', rows: [{ min: 1, points: 2 }, { min: 4, points: 5 }] },
      when: { not: { member: 'inBlackList', op: 'eq', value: true } },
      bonuses: [{ multiply: 2, from: '2021-07-01', to: '2021-08-01' }]
    }
  ],
  groups: [{ id: 'all-study', rules: ['article'], caps: [{ per: 'week', max: 30 }] }]
}

describe('the JSON form of rule sets', () => {
  it('decodes an admin file into the same rules the combinators build', () => {
    const fromJson = compileRuleSetOrThrow(adminJson)
    const built = pipe(perAction('article', 'article.read', 1), atLeast('seconds', 30), perContent('content'), capPer('day', 6))
    expect(fromJson.rules[0]?.spec).toEqual(built)
    const evs = [ev('a', 'article.read', 'm', '2021-07-01T09:00:00+08:00', { seconds: 40, content: 'x' }), ev('b', 'article.read', 'm', '2021-07-01T09:05:00+08:00', { seconds: 40, content: 'x' })]
    expect(results(adminJson as never, evs)).toEqual(results(ruleSet([account('study')], [built]), evs))
  })
  it('round-trips: encoding a decoded rule set gives JSON that decodes to the same', () => {
    const a = decode(RuleSetC)(adminJson)
    expect(E.isRight(a)).toBe(true)
    const again = decode(RuleSetC)(JSON.parse(JSON.stringify(RuleSetC.encode((a as E.Right<never>).right))))
    expect(again).toEqual(a)
  })
  it('reports every error at its path, unknown keys included', () => {
    const bad = {
      accounts: [{ id: 'study', flor: 0 }],
      rules: [
        { id: 'a', account: 'study', on: ['x'], amount: { per: 'action', points: 1.5 }, caps: [{ per: 'fortnight', max: 0 }] },
        { id: 'b', account: 'study', on: ['x'], amount: { per: 'unit', attr: 'seconds', unit: 0, points: 1 }, when: { attr: 'a', op: 'like' } },
        { id: 'c', on: 'x', amount: { per: 'action', points: 1 }, hours: [{ from: '6:00', to: '25:00' }] }
      ]
    }
    const r = compileRuleSet(bad)
    expect(E.isLeft(r)).toBe(true)
    const got = E.isLeft(r) ? where(r.left) : []
    expect(got).toEqual(
      expect.arrayContaining([
        '$.accounts[0].flor unknown-key',
        '$.rules[0].amount.points type',
        '$.rules[0].caps[0].per type',
        '$.rules[0].caps[0].max type',
        '$.rules[1].amount.unit type',
        '$.rules[1].when.op type',
        '$.rules[2].account missing',
        '$.rules[2].on type',
        '$.rules[2].hours[0].from type',
        '$.rules[2].hours[0].to type'
      ])
    )
  })
  it('reports unknown accounts and duplicate rule ids even when some shapes are wrong', () => {
    const r = compileRuleSet({
      accounts: [{ id: 'study' }],
      rules: [
        { id: 'a', account: 'moral', on: ['x'], amount: { per: 'action', points: 1.5 } },
        { id: 'a', account: 'study', on: ['x'], amount: { per: 'action', points: 1 } }
      ]
    })
    expect(E.isLeft(r) ? where(r.left) : []).toEqual(['$.rules[0].account reference', '$.rules[0].amount.points type', '$.rules[1].id duplicate'])
  })
  it('checks references and duplicates after the shapes, each at its path', () => {
    const r = compileRuleSet({
      zone: 'Mars/Olympus',
      accounts: [{ id: 'study' }, { id: 'study' }],
      rules: [
        { id: 'a', account: 'moral', on: ['x'], amount: { per: 'action', points: 1 } },
        { id: 'a', account: 'study', on: [], amount: { per: 'table', attr: 's', rows: [] }, hours: [{ from: '10:00', to: '09:00' }] }
      ],
      groups: [{ id: 'g', rules: ['a', 'nope'], caps: [] }]
    })
    expect(E.isLeft(r) ? where(r.left) : []).toEqual([
      '$.accounts[1].id duplicate',
      '$.groups[0].rules[1] reference',
      '$.rules[0].account reference',
      '$.rules[1].amount.rows range',
      '$.rules[1].hours[0].to range',
      '$.rules[1].id duplicate',
      '$.rules[1].on range',
      '$.zone format'
    ])
  })
  it('puts problems under the path of the part inside a larger file', () => {
    const r = decodeRuleSet({ accounts: [], rules: [{ id: 'x' }] }, ['points'])
    expect(E.isLeft(r) && r.left.every((p) => renderLocation(p.at).startsWith('$.points.rules[0]'))).toBe(true)
  })
  it('campaign dates must be real dates, in order', () => {
    const r = compileRuleSet({
      accounts: [{ id: 'study' }],
      rules: [{ id: 'a', account: 'study', on: ['x'], amount: { per: 'action', points: 1 }, bonuses: [{ multiply: 2, from: '2021-02-30', to: '2021-01-01' }] }]
    })
    expect(E.isLeft(r) ? where(r.left) : []).toEqual(['$.rules[0].bonuses[0].from range', '$.rules[0].bonuses[0].to range'])
  })
})

describe('regressions (issue 5)', () => {
  it('a factor of -0 compiles to the same spec directly and after JSON (found by the round-trip property)', () => {
    const spec = { accounts: [{ id: 'study' }], rules: [{ id: 'r0', account: 'study', on: ['login'], amount: { per: 'linear', attr: 'a', factor: -0 } }] }
    const a = compileRuleSet(spec)
    const b = compileRuleSet(JSON.parse(JSON.stringify(spec)))
    expect(E.isRight(a) && E.isRight(b)).toBe(true)
    expect(E.isRight(a) && Object.is(a.right.rules[0]?.spec.amount.per === 'linear' && a.right.rules[0].spec.amount.factor, 0)).toBe(true)
    expect(E.isRight(a) && a.right.spec).toEqual(E.isRight(b) && b.right.spec)
  })
})

describe('the daily-study preset', () => {
  it('compiles, as code and through JSON', () => {
    const rs = compileRuleSetOrThrow(dailyStudy())
    expect(rs.rules.map((r) => r.id)).toEqual(['login', 'article', 'article-time', 'video', 'video-time', 'daily-quiz', 'weekly-quiz', 'special-quiz'])
    expect(compileRuleSetOrThrow(JSON.parse(JSON.stringify(dailyStudy()))).spec).toEqual(rs.spec)
  })
  it('scores a full day at the 2022-23 daily maximum of 35 without special practice', () => {
    const evs = [ev('login', 'login', 'm', '2021-07-01T07:00:00+08:00'), ev('login2', 'login', 'm', '2021-07-01T07:01:00+08:00')]
    for (let i = 0; i < 8; i++) evs.push(ev(`art${i}`, 'article.read', 'm', `2021-07-01T08:${String(10 + i).padStart(2, '0')}:00+08:00`, { seconds: 120, content: `a${i}` }))
    for (let i = 0; i < 8; i++) evs.push(ev(`vid${i}`, i % 2 === 0 ? 'video.watched' : 'audio.listened', 'm', `2021-07-01T09:${String(10 + i).padStart(2, '0')}:00+08:00`, { seconds: 61, content: `v${i}` }))
    evs.push(ev('dq', 'quiz.completed', 'm', '2021-07-01T10:00:00+08:00', { kind: 'daily', correct: 5, total: 5 }))
    evs.push(ev('wq', 'quiz.completed', 'm', '2021-07-01T10:10:00+08:00', { kind: 'weekly', correct: 4, total: 5, quiz: 'w-1' }))
    evs.push(ev('wq2', 'quiz.completed', 'm', '2021-07-01T10:20:00+08:00', { kind: 'weekly', correct: 5, total: 5, quiz: 'w-1' }))
    const granted = results(dailyStudy(), evs).filter(([, r]) => typeof r === 'number').reduce((n, [, r]) => n + (r as number), 0)
    // login 1 + articles 6 + reading time 6 (2 min each, capped) + media 6 + media time 6 (1 min each, capped) + daily 5 + weekly 4
    expect(granted).toBe(1 + 6 + 6 + 6 + 6 + 5 + 4)
  })
  it('special practice: one set a day, never the same set twice', () => {
    const q = (id: string, d: string, set: string) => ev(id, 'quiz.completed', 'm', `2021-07-${d}T10:00:00+08:00`, { kind: 'special', correct: 7, quiz: set })
    const out = results(dailyStudy(), [q('a', '01', 's1'), { ...q('b', '01', 's2'), at: q('b', '01', 's2').at + 60_000 } as never, q('c', '02', 's1'), q('d', '03', 's2')])
    // Documented guard order: a set is used up when first reached (b's set s2), even when the one-a-day limit skips it.
    expect(out.filter(([, r]) => r !== 'condition')).toEqual([['a', 7], ['b', 'limit'], ['c', 'content-seen'], ['d', 'content-seen']])
    const fresh = results(dailyStudy(), [q('a', '01', 's1'), q('c', '02', 's1'), q('d', '03', 's3')])
    expect(fresh.filter(([, r]) => r !== 'condition')).toEqual([['a', 7], ['c', 'content-seen'], ['d', 7]])
  })
})
