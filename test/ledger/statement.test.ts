import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { account, capGroup, compileRuleSetOrThrow, dailyStudy, perAction, ruleSet, type AccountId, type SubjectId } from '../../src/rules/internal.js'
import { dailyProgress, foldLedger, statementOrThrow, statementOf, type Entry } from '../../src/ledger/internal.js'
import { customPeriod, instantOrThrow, periodOf, type EventId, type Instant, type Period, type Points } from '../../src/core/internal.js'
import { ev } from '../rules/helpers.js'

const S = (s: string) => s as SubjectId
const study = compileRuleSetOrThrow(dailyStudy())
const events = [
  ev('j30', 'login', 'm', '2021-06-30T09:00:00+08:00'),
  ev('j1a', 'login', 'm', '2021-07-01T07:00:00+08:00'),
  ev('j1b', 'article.read', 'm', '2021-07-01T08:00:00+08:00', { seconds: 200, content: 'a' }),
  ev('j1c', 'quiz.completed', 'm', '2021-07-01T23:59:00+08:00', { kind: 'daily', correct: 9 }),
  ev('j3a', 'quiz.completed', 'm', '2021-07-03T00:00:00+08:00', { kind: 'daily', correct: 2 }),
  ev('a1', 'login', 'm', '2021-08-01T00:00:00+08:00')
]
const july = periodOf('month', instantOrThrow('2021-07-15T12:00:00+08:00'))

describe('statement (passbook)', () => {
  it('opening, earned per rule, closing and a day-by-day breakdown for a period', () => {
    const st = statementOrThrow(foldLedger(study)(events), S('m'), july)
    expect(st.opening).toBe(1)
    // 07-01: login 1, article 1, reading time 3 (200 s), daily quiz 5 of 9; 07-03: daily quiz 2
    expect(st.earned).toBe(1 + 1 + 3 + 5 + 2)
    expect(st.earnedByRule.map((r) => [r.rule, r.points, r.entries])).toEqual([
      ['login', 1, 1],
      ['article', 1, 1],
      ['article-time', 3, 1],
      ['daily-quiz', 7, 2]
    ])
    expect(st.earnedByRule[0]?.label).toEqual({ en: 'Login', zh: '登录' })
    expect([st.deducted, st.redeemed, st.expired, st.reversed]).toEqual([0, 0, 0, 0])
    expect(st.closing).toBe(1 + 12)
    expect(st.days.map((d) => [d.day, d.earned, d.closing])).toEqual([
      ['2021-07-01', 10, 11],
      ['2021-07-03', 2, 13]
    ])
  })
  it('shows deducted, redeemed, expired and reversal entries the bank adds', () => {
    const base = foldLedger(study)(events).subjects.get(S('m'))?.entries ?? []
    const op = (id: string, kind: Entry['kind'], granted: number, at: string): Entry => ({
      id,
      kind,
      subject: S('m'),
      account: 'study' as AccountId,
      event: id as EventId,
      eventType: kind,
      rule: kind,
      at: instantOrThrow(at),
      day: at.slice(0, 10),
      requested: granted as Points,
      granted: granted as Points
    })
    const extra = [op('r1', 'redeem', -5, '2021-07-02T10:00:00+08:00'), op('x1', 'expire', -2, '2021-07-03T10:00:00+08:00'), op('v1', 'reversal', -1, '2021-07-03T11:00:00+08:00'), op('d1', 'deduct', -3, '2021-07-04T11:00:00+08:00')]
    const st = statementOf([...base, ...extra], S('m'), 'study' as AccountId, july)
    expect([st.opening, st.earned, st.deducted, st.redeemed, st.expired, st.reversed]).toEqual([1, 12, 3, 5, 2, -1])
    expect(st.closing).toBe(1 + 12 - 3 - 5 - 2 - 1)
    expect(st.days.map((d) => [d.day, d.redeemed, d.expired, d.reversed, d.deducted, d.closing])).toEqual([
      ['2021-07-01', 0, 0, 0, 0, 11],
      ['2021-07-02', 5, 0, 0, 0, 6],
      ['2021-07-03', 0, 2, -1, 0, 5],
      ['2021-07-04', 0, 0, 0, 3, 2]
    ])
  })
  it('a custom period and an empty one', () => {
    const book = foldLedger(study)(events)
    const p = (E.getOrElseW(() => undefined)(customPeriod('2021-07-02', '2021-07-04')) as Period)
    const st = statementOrThrow(book, S('m'), p)
    expect([st.opening, st.earned, st.closing, st.days.length]).toEqual([11, 2, 13, 1])
    const none = statementOrThrow(book, S('nobody'), p)
    expect([none.opening, none.earned, none.closing, none.days.length]).toEqual([0, 0, 0, 0])
  })
  it('period bounds follow the zone: 2021-06-30T16:00Z is July in Shanghai', () => {
    const book = foldLedger(study)([ev('edge', 'login', 'm', '2021-06-30T16:00:00Z'), ev('before', 'login', 'm', '2021-06-30T15:59:59Z')])
    const st = statementOrThrow(book, S('m'), july)
    expect([st.opening, st.earned]).toEqual([1, 1])
    expect(july.start).toBe(instantOrThrow('2021-06-30T16:00:00Z') as Instant)
  })
})

describe('daily progress', () => {
  it('each rule with "earned / daily cap" for a day, and the total', () => {
    const dp = dailyProgress(foldLedger(study)(events), S('m'), '2021-07-01')
    expect(dp.lines.map((l) => `${l.rule} ${l.earned}/${l.dailyCap ?? '-'}`)).toEqual([
      'login 1/1',
      'article 1/6',
      'article-time 3/6',
      'video 0/6',
      'video-time 0/6',
      'daily-quiz 5/5',
      'weekly-quiz 0/5',
      'special-quiz 0/-'
    ])
    expect(dp.total).toBe(10)
    expect(dp.groups).toEqual([])
    expect(dailyProgress(foldLedger(study)(events), S('m'), '2021-07-02').total).toBe(0)
  })
  it('shows group daily caps with what the group earned together', () => {
    const rs = compileRuleSetOrThrow(
      ruleSet([account('study')], [perAction('audio', 'audio.listened', 4), perAction('video', 'video.watched', 4), perAction('login', 'login', 1)], [capGroup('av', ['audio', 'video'], [{ per: 'day', max: 6 }])])
    )
    const book = foldLedger(rs)([ev('a', 'audio.listened', 'm', '2021-07-01T09:00:00+08:00'), ev('v', 'video.watched', 'm', '2021-07-01T10:00:00+08:00'), ev('l', 'login', 'm', '2021-07-01T10:00:00+08:00')])
    const dp = dailyProgress(book, S('m'), '2021-07-01')
    expect(dp.groups).toEqual([{ group: 'av', earned: 6, dailyCap: 6 }])
    expect(dp.lines.map((l) => [l.rule, l.earned, l.dailyCap])).toEqual([['audio', 4, undefined], ['video', 2, undefined], ['login', 1, undefined]])
  })
})
