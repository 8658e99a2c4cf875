// Issue #13: the daily-study preset accumulates reading and viewing time over the day ("每天阅读文章累计满…分钟积1分").
import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import {
  accumulate,
  account,
  capPer,
  compileRuleSet,
  compileRuleSetOrThrow,
  dailyStudy,
  perAccumulated,
  perUnit,
  ruleSet
} from '../../src/rules/internal.js'
import { renderProblems } from '../../src/core/internal.js'
import { allEntries, allSkips, foldLedger } from '../../src/ledger/internal.js'
import { ev } from '../rules/helpers.js'

const study = compileRuleSetOrThrow(dailyStudy())
const granted = (events: Parameters<ReturnType<typeof foldLedger>>[0], rule: string): number =>
  allEntries(foldLedger(study)(events))
    .filter((e) => e.rule === rule)
    .reduce((n, e) => n + e.granted, 0)

describe('issue #13: reading and viewing time accumulate over the day', () => {
  it('three reads of 90, 90 and 45 s earn 3 reading-time points (225 s = 3 full minutes), not 2', () => {
    const reads = [
      ev('r1', 'article.read', 'm', '2021-07-01T08:00:00+08:00', { seconds: 90, content: 'a1' }),
      ev('r2', 'article.read', 'm', '2021-07-01T12:00:00+08:00', { seconds: 90, content: 'a2' }),
      ev('r3', 'article.read', 'm', '2021-07-01T20:00:00+08:00', { seconds: 45, content: 'a3' })
    ]
    expect(granted(reads, 'article-time')).toBe(3)
    // Each read earns the minutes it completes: floor(90/60) = 1, floor(180/60) − 1 = 2, floor(225/60) − 3 = 0
    // (r3 earns its article point, so its 0 here leaves no skip record).
    expect(allEntries(foldLedger(study)(reads)).filter((e) => e.rule === 'article-time').map((e) => [e.event, e.granted])).toEqual([
      ['r1', 1],
      ['r2', 2]
    ])
    expect(allSkips(foldLedger(study)(reads)).map((s) => [s.event, s.rule, s.reason])).toEqual([])
  })
  it('the sum starts again each local day, and the daily cap of 6 still holds', () => {
    const evs = [
      ev('a', 'video.watched', 'm', '2021-07-01T23:59:00+08:00', { seconds: 40, content: 'v1' }),
      ev('b', 'video.watched', 'm', '2021-07-02T00:01:00+08:00', { seconds: 40, content: 'v2' })
    ]
    expect(granted(evs, 'video-time')).toBe(0)
    expect(granted([ev('c', 'audio.listened', 'm', '2021-07-01T09:00:00+08:00', { seconds: 3600, content: 'p' })], 'video-time')).toBe(6)
  })
  it('the same total split another way, or arriving in another order, earns the same', () => {
    const one = [ev('x', 'article.read', 'm', '2021-07-01T08:00:00+08:00', { seconds: 225, content: 'a' })]
    const many = [45, 30, 60, 90].map((s, i) => ev(`y${i}`, 'article.read', 'm', `2021-07-01T${String(8 + i).padStart(2, '0')}:00:00+08:00`, { seconds: s, content: `a${i}` }))
    expect(granted(one, 'article-time')).toBe(3)
    expect(granted(many, 'article-time')).toBe(3)
    expect(granted([...many].reverse(), 'article-time')).toBe(3)
  })
  it('is a combinator (accumulate), a constructor (perAccumulated) and a JSON amount', () => {
    const viaPipe = pipe(perUnit('t', 'article.read', 'seconds', 60, 1), accumulate('day'))
    expect(viaPipe).toEqual(perAccumulated('t', 'article.read', 'seconds', 60, 1))
    const json = {
      accounts: [{ id: 'study' }],
      rules: [{ id: 't', account: 'study', on: ['article.read'], amount: { per: 'accumulated', attr: 'seconds', unit: 60, points: 1, period: 'day' }, caps: [{ per: 'day', max: 6 }] }]
    }
    const rs = compileRuleSet(json)
    expect(E.isRight(rs)).toBe(true)
    if (E.isRight(rs)) {
      const evs = [90, 90, 45].map((s, i) => ev(`j${i}`, 'article.read', 'm', `2021-07-01T${String(8 + i).padStart(2, '0')}:00:00+08:00`, { seconds: s }))
      expect(allEntries(foldLedger(rs.right)(evs)).reduce((n, e) => n + e.granted, 0)).toBe(3)
    }
    const bad = compileRuleSet({ ...json, rules: [{ ...json.rules[0], amount: { per: 'accumulated', attr: 'seconds', unit: 60, points: 1, period: 'daily' } }] })
    expect(E.isLeft(bad) && renderProblems(bad.left)).toBe('$.rules[0].amount.period: expected one of day, week, month, quarter, half, year, all, got "daily"')
  })
  it('refuses a negative quantity (below-threshold) and counts fractions of a second', () => {
    const rs = compileRuleSetOrThrow(ruleSet([account('study')], [pipe(perAccumulated('t', 'x', 'seconds', 1, 1), capPer('day', 100))]))
    const book = foldLedger(rs)([
      ev('n', 'x', 'm', '2021-07-01T08:00:00+08:00', { seconds: -5 }),
      ev('h1', 'x', 'm', '2021-07-01T08:01:00+08:00', { seconds: 0.5 }),
      ev('h2', 'x', 'm', '2021-07-01T08:02:00+08:00', { seconds: 0.5 })
    ])
    expect(allSkips(book).map((s) => [s.event, s.reason])).toEqual([
      ['n', 'below-threshold'],
      ['h1', 'zero']
    ])
    expect(allEntries(book).map((e) => [e.event, e.granted])).toEqual([['h2', 1]])
  })
  it('a negative quantity does not use up a rule that fires once (fast-check counterexample, issue #13)', () => {
    const rs = compileRuleSetOrThrow({ accounts: [{ id: 'study' }], rules: [{ id: 't', account: 'study', on: ['x'], amount: { per: 'accumulated', attr: 'a', unit: 1, points: 1, period: 'day' }, once: true }] })
    const book = foldLedger(rs)([
      ev('e01', 'x', 'm', '2021-07-01T08:00:00+08:00', { a: -5e-324 }),
      ev('e02', 'x', 'm', '2021-07-01T08:01:00+08:00', { a: 2 }),
      ev('e03', 'x', 'm', '2021-07-01T08:02:00+08:00', { a: 2 })
    ])
    expect(allSkips(book).map((s) => [s.event, s.reason])).toEqual([
      ['e01', 'below-threshold'],
      ['e03', 'once']
    ])
    expect(allEntries(book).map((e) => [e.event, e.granted])).toEqual([['e02', 2]])
  })
})
