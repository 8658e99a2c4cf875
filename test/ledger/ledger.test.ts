import { describe, expect, it } from 'vitest'
import { pipe } from 'fp-ts/lib/function.js'
import {
  account,
  capPer,
  compileRuleSetOrThrow,
  dailyStudy,
  deduction,
  inAccount,
  memberIs,
  perAction,
  ruleSet,
  when,
  type AccountId,
  type SubjectId
} from '../../src/rules/internal.js'
import {
  allEntries,
  allSkips,
  appendEvents,
  balanceOfOrThrow,
  emptyLedger,
  explainBalanceOrThrow,
  foldLedger,
  getLedgerMonoid,
  mergeLedgers
} from '../../src/ledger/internal.js'
import { ev } from '../rules/helpers.js'

const S = (s: string) => s as SubjectId
const study = compileRuleSetOrThrow(dailyStudy())
const day1 = [
  ev('e1', 'login', 'm1', '2021-07-01T07:00:00+08:00'),
  ev('e2', 'article.read', 'm1', '2021-07-01T07:10:00+08:00', { seconds: 95, content: 'a1' }),
  ev('e3', 'quiz.completed', 'm1', '2021-07-01T08:00:00+08:00', { kind: 'daily', correct: 7, total: 10 }),
  ev('e4', 'login', 'm1', '2021-07-01T21:00:00+08:00'),
  ev('e5', 'article.read', 'm1', '2021-07-01T21:10:00+08:00', { seconds: 10, content: 'a2' }),
  ev('e6', 'shared.link', 'm1', '2021-07-01T21:20:00+08:00'),
  ev('f1', 'login', 'm2', '2021-07-01T07:00:00+08:00')
]

describe('foldLedger', () => {
  it('turns events into entries that name event and rule, requested and granted, and the cap that cut', () => {
    const book = foldLedger(study)(day1)
    const m1 = book.subjects.get(S('m1'))
    expect(m1?.entries.map((e) => [e.id, e.rule, e.requested, e.granted, e.cut?._tag ?? '-'])).toEqual([
      ['e1#login', 'login', 1, 1, '-'],
      ['e2#article', 'article', 1, 1, '-'],
      ['e2#article-time', 'article-time', 1, 1, '-'],
      ['e3#daily-quiz', 'daily-quiz', 7, 5, 'Cap'],
      ['e4#login', 'login', 1, 0, 'Cap']
    ])
    expect(m1?.entries[3]?.cut).toEqual({ _tag: 'Cap', scope: 'rule', per: 'day', period: '2021-07-01', max: 5 })
    expect(balanceOfOrThrow(book, S('m1'))).toBe(1 + 1 + 1 + 5)
    expect(balanceOfOrThrow(book, S('m2'), 'study' as AccountId)).toBe(1)
    expect(balanceOfOrThrow(book, S('nobody'))).toBe(0)
  })
  it('never drops an event silently: events without an entry are skips with reasons', () => {
    const skips = allSkips(foldLedger(study)(day1))
    expect(skips.map((s) => [s.event, s.rule ?? '-', s.reason])).toEqual([
      ['e5', 'article', 'below-threshold'],
      ['e5', 'article-time', 'zero'], // 95 + 10 s read that day: still one full minute
      ['e6', '-', 'no-rule']
    ])
  })
  it('entries carry the local day in the zone: 16:30 UTC is the next day in Shanghai', () => {
    const book = foldLedger(study)([ev('a', 'login', 'm', '2021-07-01T15:59:00Z'), ev('b', 'login', 'm', '2021-07-01T16:30:00Z')])
    expect(allEntries(book).map((e) => [e.day, e.granted])).toEqual([
      ['2021-07-01', 1],
      ['2021-07-02', 1]
    ])
    const utc = compileRuleSetOrThrow(dailyStudy({ zone: 'UTC' }))
    expect(allEntries(foldLedger(utc)([ev('a', 'login', 'm', '2021-07-01T15:59:00Z'), ev('b', 'login', 'm', '2021-07-01T16:30:00Z')])).map((e) => [e.day, e.granted])).toEqual([
      ['2021-07-01', 1],
      ['2021-07-01', 0]
    ])
  })
  it('the same id twice counts once', () => {
    const book = foldLedger(study)([...day1, ...day1.slice(0, 3), { ...day1[0]!, attrs: {} }])
    expect(balanceOfOrThrow(book, S('m1'))).toBe(8)
    expect(book.arrivals).toBe(day1.length + 4)
    expect(book.duplicates).toBe(4)
    expect(book.conflicts).toEqual([])
  })
  it('the same id with different content is a conflict, reported; the same version is kept whatever the order', () => {
    const a = ev('x', 'quiz.completed', 'm1', '2021-07-01T09:00:00+08:00', { kind: 'daily', correct: 2 })
    const b = ev('x', 'quiz.completed', 'm1', '2021-07-01T09:00:00+08:00', { kind: 'daily', correct: 4 })
    const ab = foldLedger(study)([a, b])
    const ba = foldLedger(study)([b, a])
    expect(ab.conflicts).toHaveLength(1)
    expect(ab.conflicts).toEqual(ba.conflicts)
    expect(balanceOfOrThrow(ab, S('m1'))).toBe(balanceOfOrThrow(ba, S('m1')))
    expect(ab.conflicts[0]?.kept).not.toEqual(ab.conflicts[0]?.refused)
    expect([2, 4]).toContain(balanceOfOrThrow(ab, S('m1')))
    expect(allEntries(ab).map((e) => e.event)).toEqual(['x'])
  })
  it('a conflicting version for another subject moves the event, re-folding both subjects', () => {
    const a = ev('x', 'login', 'm1', '2021-07-01T09:00:00+08:00')
    const b = ev('x', 'login', 'm0', '2021-07-01T09:00:00+08:00')
    const book = appendEvents(foldLedger(study)([a]))([b])
    const kept = book.conflicts[0]?.kept.member
    expect(book.conflicts).toHaveLength(1)
    expect(balanceOfOrThrow(book, S('m0')) + balanceOfOrThrow(book, S('m1'))).toBe(1)
    expect(balanceOfOrThrow(book, kept as SubjectId)).toBe(1)
    expect(book).toEqual(foldLedger(study)([b, a]))
  })
  it('late events are placed by their instant: the result equals folding everything in order', () => {
    const early = ev('early', 'quiz.completed', 'm1', '2021-07-01T06:00:00+08:00', { kind: 'daily', correct: 4 })
    const inOrder = foldLedger(study)([early, ...day1])
    const base = foldLedger(study)(day1)
    const late = appendEvents(base)([early])
    expect(late.subjects).toEqual(inOrder.subjects)
    // The late quiz took 4 of the daily 5; the 08:00 quiz now gets only 1.
    expect(late.subjects.get(S('m1'))?.entries.find((e) => e.event === 'e3')?.granted).toBe(1)
    // Only the touched subject is folded again.
    expect(late.subjects.get(S('m2'))).toBe(base.subjects.get(S('m2')))
  })
  it('appending leaves the old ledger as it was', () => {
    const before = foldLedger(study)(day1)
    const snapshot = JSON.stringify(allEntries(before))
    appendEvents(before)([ev('later', 'login', 'm1', '2021-07-02T07:00:00+08:00')])
    expect(JSON.stringify(allEntries(before))).toBe(snapshot)
    expect(balanceOfOrThrow(before, S('m1'))).toBe(8)
  })
  it('scores households: subjectOf maps members to the subject that earns', () => {
    const household: Record<string, string> = { m1: 'h-1', m2: 'h-1' }
    const book = foldLedger(study, { subjectOf: (e) => (household[e.member] ?? e.member) as SubjectId })(day1)
    expect([...book.subjects.keys()]).toEqual(['h-1'])
    // One household, one login a day: m2's login is cut by the household's daily cap.
    expect(balanceOfOrThrow(book, S('h-1'))).toBe(8)
    expect(book.subjects.get(S('h-1'))?.entries.find((e) => e.event === 'f1')?.granted).toBe(0)
  })
  it('when conditions see the subject attributes the host supplies', () => {
    const rs = compileRuleSetOrThrow(ruleSet([account('study')], [pipe(perAction('login', 'login', 1), when(memberIs('inBlackList', 'ne', true)))]))
    const book = foldLedger(rs, { attrsOf: (s) => (s === 'm2' ? { inBlackList: true } : {}) })(day1)
    expect([balanceOfOrThrow(book, S('m1')), balanceOfOrThrow(book, S('m2'))]).toEqual([2, 0])
  })
  it('several accounts and deductions with a floor, explained entry by entry', () => {
    const rs = compileRuleSetOrThrow(
      ruleSet(
        [account('study'), account('moral')],
        [pipe(perAction('deed', 'deed.approved', 5), inAccount('moral'), capPer('day', 5)), pipe(deduction('litter', 'violation.recorded', 4), inAccount('moral')), perAction('login', 'login', 1)]
      )
    )
    const book = foldLedger(rs)([
      ev('d1', 'deed.approved', 'm', '2021-07-01T09:00:00+08:00'),
      ev('l1', 'login', 'm', '2021-07-01T09:00:00+08:00'),
      ev('v1', 'violation.recorded', 'm', '2021-07-02T09:00:00+08:00'),
      ev('v2', 'violation.recorded', 'm', '2021-07-03T09:00:00+08:00')
    ])
    const moral = explainBalanceOrThrow(book, S('m'), 'moral' as AccountId)
    expect(moral.map((x) => [x.entry.kind, x.entry.granted, x.balance, x.entry.cut?._tag ?? '-'])).toEqual([
      ['earn', 5, 5, '-'],
      ['deduct', -4, 1, '-'],
      ['deduct', -1, 0, 'Floor']
    ])
    expect(balanceOfOrThrow(book, S('m'), 'moral' as AccountId)).toBe(0)
    expect(balanceOfOrThrow(book, S('m'), 'study' as AccountId)).toBe(1)
  })
})

describe('merging ledgers', () => {
  it('folding shards by member and merging equals folding all', () => {
    const M = getLedgerMonoid(study)
    const shards = [day1.filter((e) => e.member === 'm1'), day1.filter((e) => e.member !== 'm1')]
    const merged = shards.map(foldLedger(study)).reduce(M.concat, M.empty)
    const all = foldLedger(study)(day1)
    expect(new Map([...merged.subjects].sort())).toEqual(new Map([...all.subjects].sort()))
    expect(merged.arrivals).toBe(all.arrivals)
    expect(merged.duplicates).toBe(0)
  })
  it('merging overlapping shards dedupes and re-folds shared subjects', () => {
    const a = foldLedger(study)(day1.slice(0, 4))
    const b = foldLedger(study)(day1.slice(2))
    const m = mergeLedgers(a, b)
    expect(allEntries(m)).toEqual(allEntries(foldLedger(study)(day1)))
    expect(m.duplicates).toBe(2)
    expect(mergeLedgers(emptyLedger(study), a)).toBe(a)
  })
})
