import { describe, expect, it } from 'vitest'
import { pipe } from 'fp-ts/lib/function.js'
import {
  account,
  atLeast,
  attrIs,
  campaign,
  capGroup,
  capPer,
  compileRuleSetOrThrow,
  deduction,
  duringHours,
  firstN,
  firstOfDay,
  fromScore,
  fromTable,
  hoursBonus,
  inAccount,
  longerThan,
  memberIs,
  once,
  perAction,
  perContent,
  perUnit,
  periodId,
  ruleSet,
  streak,
  when,
  type RuleSpec
} from '../../src/rules/internal.js'
import { daysFromCivil } from '../../src/core/internal.js'
import { ev, results, runRules } from './helpers.js'

const one = (...rules: ReadonlyArray<RuleSpec>) => ruleSet([account('study'), account('moral', { floor: 0 }), account('free', { floor: null })], rules)
const day = (d: string, time = '09:00') => `2021-07-${d}T${time}:00+08:00`

describe('amounts', () => {
  it('per action', () => {
    expect(results(one(perAction('login', 'login', 2)), [ev('a', 'login', 'm', day('01'))])).toEqual([['a', 2]])
  })
  it('per unit: points × floor(attr / unit), with a minimum effective threshold', () => {
    const rule = pipe(perUnit('read', 'article.read', 'seconds', 60, 1), atLeast('seconds', 30))
    const evs = [29, 30, 59, 60, 185].map((s, i) => ev(`e${i}`, 'article.read', 'm', day('01'), { seconds: s }))
    expect(results(one(rule), evs)).toEqual([
      ['e0', 'below-threshold'],
      ['e1', 'zero'],
      ['e2', 'zero'],
      ['e3', 1],
      ['e4', 3]
    ])
  })
  it('from a score, linear, with the stated rounding (floor by default)', () => {
    const evs = [ev('a', 'quiz.completed', 'm', day('01'), { accuracy: 0.87 })]
    expect(results(one(fromScore('q', 'quiz.completed', 'accuracy', 10)), evs)).toEqual([['a', 8]])
    expect(results(one(fromScore('q', 'quiz.completed', 'accuracy', 10, { round: 'round' })), evs)).toEqual([['a', 9]])
    expect(results(one(fromScore('q', 'quiz.completed', 'accuracy', 10, { round: 'ceil', offset: 1 })), evs)).toEqual([['a', 10]])
  })
  it('from a score by table: the highest row not above the score', () => {
    const rule = fromTable('exam', 'quiz.completed', 'score', [{ min: 60, points: 1 }, { min: 90, points: 3 }, { min: 80, points: 2 }])
    const evs = [59, 60, 85, 90, 100].map((s, i) => ev(`e${i}`, 'quiz.completed', 'm', day('01'), { score: s }))
    expect(results(one(rule), evs)).toEqual([['e0', 'zero'], ['e1', 1], ['e2', 2], ['e3', 3], ['e4', 3]])
  })
  it('a missing or non-numeric measure is a reason, not a crash', () => {
    const evs = [ev('a', 'quiz.completed', 'm', day('01')), ev('b', 'quiz.completed', 'm', day('01'), { correct: 'many' })]
    expect(results(one(fromScore('q', 'quiz.completed', 'correct', 1)), evs)).toEqual([['a', 'missing-attribute'], ['b', 'missing-attribute']])
  })
  it('streak bonus on the day consecutive active days reach N, and every N with repeat', () => {
    const days = ['01', '02', '02', '03', '05', '06', '07', '08', '09', '10']
    const evs = days.map((d, i) => ev(`e${i}`, 'login', 'm', day(d)))
    expect(results(one(streak('s3', 'login', 3, 5)), evs)).toEqual([
      ['e0', 'streak'],
      ['e1', 'streak'],
      ['e2', 'streak'],
      ['e3', 5],
      ['e4', 'streak'],
      ['e5', 'streak'],
      ['e6', 5],
      ['e7', 'streak'],
      ['e8', 'streak'],
      ['e9', 'streak']
    ])
    expect(results(one(streak('s3', 'login', 3, 5, true)), evs).filter(([, r]) => r === 5).map(([e]) => e)).toEqual(['e3', 'e6', 'e9'])
  })
})

describe('caps', () => {
  it('a daily cap cuts the event that crosses it and says which cap', () => {
    const evs = [3, 3, 3].map((c, i) => ev(`e${i}`, 'quiz.completed', 'm', day('01', `${String(i + 8).padStart(2, '0')}:00`), { correct: c }))
    const out = runRules(one(pipe(fromScore('q', 'quiz.completed', 'correct', 1), capPer('day', 5))), evs)
    expect(out.map((o) => [o.result, o.requested, o.cut])).toEqual([
      [3, 3, undefined],
      [2, 3, 'rule:day:2021-07-01:5'],
      [0, 3, 'rule:day:2021-07-01:5']
    ])
  })
  it('daily caps reset at local midnight in the rule set zone (16:30 UTC is the next day in Shanghai)', () => {
    const rule = pipe(perAction('a', 'x', 1), capPer('day', 1))
    const evs = [ev('e1', 'x', 'm', '2021-07-01T15:50:00Z'), ev('e2', 'x', 'm', '2021-07-01T16:30:00Z')]
    expect(results(one(rule), evs)).toEqual([['e1', 1], ['e2', 1]])
    const utc = { ...one(rule), zone: 'UTC' }
    expect(results(utc, evs)).toEqual([['e1', 1], ['e2', 0]])
  })
  it('ISO week and month caps, the tightest cap cutting', () => {
    const rule = pipe(perAction('a', 'x', 2), capPer('day', 3), capPer('week', 5))
    // 2021-07-05 is a Monday; 07-04 a Sunday (previous ISO week).
    const evs = [ev('sun', 'x', 'm', day('04')), ev('mon', 'x', 'm', day('05')), ev('mon2', 'x', 'm', day('05', '10:00')), ev('tue', 'x', 'm', day('06')), ev('wed', 'x', 'm', day('07'))]
    const out = runRules(one(rule), evs)
    expect(out.map((o) => [o.event, o.result, o.cut])).toEqual([
      ['sun', 2, undefined],
      ['mon', 2, undefined],
      ['mon2', 1, 'rule:day:2021-07-05:3'],
      ['tue', 2, undefined],
      ['wed', 0, 'rule:week:2021-W27:5']
    ])
    const monthly = pipe(perAction('m', 'x', 4), capPer('month', 6))
    expect(results(one(monthly), [ev('a', 'x', 'm', day('30')), ev('b', 'x', 'm', day('31')), ev('c', 'x', 'm', '2021-08-01T09:00:00+08:00')])).toEqual([
      ['a', 4],
      ['b', 2],
      ['c', 4]
    ])
  })
  it('a group cap is shared by its rules', () => {
    const spec = ruleSet(
      [account('study')],
      [perAction('audio', 'audio.listened', 4), perAction('video', 'video.watched', 4)],
      [capGroup('av', ['audio', 'video'], [{ per: 'day', max: 6 }])]
    )
    const out = runRules(spec, [ev('a', 'audio.listened', 'm', day('01')), ev('v', 'video.watched', 'm', day('01', '10:00'))])
    expect(out.map((o) => [o.result, o.cut])).toEqual([
      [4, undefined],
      [2, 'group:day:2021-07-01:6']
    ])
  })
  it('caps on deductions count their absolute value', () => {
    const rule = pipe(deduction('late', 'violation.recorded', 3), inAccount('free'), capPer('month', 4))
    expect(results(one(rule), [ev('a', 'violation.recorded', 'm', day('01')), ev('b', 'violation.recorded', 'm', day('02'))])).toEqual([
      ['a', -3],
      ['b', -1]
    ])
  })
})

describe('guards', () => {
  it('when: conditions on event attributes and on the subject attributes the host gives', () => {
    const rule = pipe(fromScore('daily', 'quiz.completed', 'correct', 1), when(attrIs('kind', 'eq', 'daily')), when(memberIs('inBlackList', 'ne', true)))
    const evs = [ev('a', 'quiz.completed', 'm', day('01'), { kind: 'daily', correct: 2 }), ev('b', 'quiz.completed', 'm', day('01'), { kind: 'weekly', correct: 2 })]
    expect(results(one(rule), evs)).toEqual([['a', 2], ['b', 'condition']])
    expect(results(one(rule), evs, { inBlackList: true })).toEqual([['a', 'condition'], ['b', 'condition']])
  })
  it('conditions: in, comparisons, exists, any, not', () => {
    const rule = pipe(
      perAction('c', 'x', 1),
      when({ any: [attrIs('kind', 'in', ['deed', 'service']), { all: [attrIs('hours', 'gte', 2), { not: attrIs('flag', 'exists') }] }] })
    )
    const evs = [
      ev('a', 'x', 'm', day('01'), { kind: 'deed' }),
      ev('b', 'x', 'm', day('01'), { hours: 2 }),
      ev('c', 'x', 'm', day('01'), { hours: 2, flag: true }),
      ev('d', 'x', 'm', day('01'), { hours: 1 }),
      ev('e', 'x', 'm', day('01'), { hours: '3' })
    ]
    expect(results(one(rule), evs)).toEqual([['a', 1], ['b', 1], ['c', 'condition'], ['d', 'condition'], ['e', 'condition']])
  })
  it('one-time rules score once ever', () => {
    const evs = [ev('a', 'login', 'm', day('01')), ev('b', 'login', 'm', day('02'))]
    expect(results(one(once(perAction('welcome', 'login', 10))), evs)).toEqual([['a', 10], ['b', 'once']])
  })
  it('each content counts once (the same article read twice scores once)', () => {
    const rule = pipe(perAction('article', 'article.read', 1), atLeast('seconds', 30), perContent('content'))
    const evs = [
      ev('a', 'article.read', 'm', day('01'), { seconds: 10, content: 'x' }),
      ev('b', 'article.read', 'm', day('01'), { seconds: 40, content: 'x' }),
      ev('c', 'article.read', 'm', day('02'), { seconds: 40, content: 'x' }),
      ev('d', 'article.read', 'm', day('02'), { seconds: 40, content: 'y' })
    ]
    // The skim below the threshold does not use the content up.
    expect(results(one(rule), evs)).toEqual([['a', 'below-threshold'], ['b', 1], ['c', 'content-seen'], ['d', 1]])
  })
  it('only the first N actions of a day score; first of day', () => {
    const evs = ['08', '09', '10'].map((h, i) => ev(`e${i}`, 'contest.match', 'm', day('01', `${h}:00`))).concat([ev('next', 'contest.match', 'm', day('02'))])
    expect(results(one(pipe(perAction('match', 'contest.match', 3), firstN(2, 'day'))), evs)).toEqual([['e0', 3], ['e1', 3], ['e2', 'limit'], ['next', 3]])
    expect(results(one(firstOfDay(perAction('early', 'contest.match', 1))), evs)).toEqual([['e0', 1], ['e1', 'limit'], ['e2', 'limit'], ['next', 1]])
  })
  it('a text must be longer than N characters (counted in characters, trimmed)', () => {
    const rule = pipe(perAction('comment', 'comment.posted', 1), longerThan('text', 5))
    const evs = [ev('a', 'comment.posted', 'm', day('01'), { text: '  好好学习  ' }), ev('b', 'comment.posted', 'm', day('01'), { text: '学习强国真好' }), ev('c', 'comment.posted', 'm', day('01'))]
    expect(results(one(rule), evs)).toEqual([['a', 'too-short'], ['b', 1], ['c', 'missing-attribute']])
  })
  it('time-of-day windows in local time: only inside, or a bonus inside', () => {
    const windows = [{ from: '06:00', to: '08:30' }, { from: '12:00', to: '14:00' }, { from: '20:00', to: '22:30' }]
    const times = ['05:59', '06:00', '08:29', '08:30', '13:00', '22:30']
    const evs = times.map((t) => ev(t, 'article.read', 'm', day('01', t)))
    expect(results(one(pipe(perAction('a', 'article.read', 1), duringHours(windows))), evs).map(([, r]) => r)).toEqual([
      'outside-hours',
      1,
      1,
      'outside-hours',
      1,
      'outside-hours'
    ])
    expect(results(one(pipe(perAction('a', 'article.read', 1), hoursBonus(windows, 2))), evs).map(([, r]) => r)).toEqual([1, 2, 2, 1, 2, 1])
  })
  it('campaign multipliers apply in their local date window [from, to), rounded toward zero', () => {
    const rule = pipe(perAction('a', 'x', 3), campaign('2021-07-01', '2021-07-03', 1.5))
    const evs = [ev('before', 'x', 'm', '2021-06-30T23:59:00+08:00'), ev('first', 'x', 'm', day('01')), ev('last', 'x', 'm', day('02')), ev('after', 'x', 'm', day('03'))]
    expect(results(one(rule), evs)).toEqual([['before', 3], ['first', 4], ['last', 4], ['after', 3]])
  })
})

describe('accounts and deductions', () => {
  it('a deduction never takes a balance below its floor (default 0), and says so', () => {
    const spec = one(pipe(perAction('deed', 'deed.approved', 5), inAccount('moral')), pipe(deduction('litter', 'violation.recorded', 3), inAccount('moral')))
    const out = runRules(spec, [ev('d', 'deed.approved', 'm', day('01')), ev('v1', 'violation.recorded', 'm', day('02')), ev('v2', 'violation.recorded', 'm', day('03'))])
    expect(out.map((o) => [o.result, o.cut])).toEqual([
      [5, undefined],
      [-3, undefined],
      [-2, 'floor:0']
    ])
  })
  it('an account without floor may go negative', () => {
    const spec = one(pipe(deduction('litter', 'violation.recorded', 3), inAccount('free')))
    expect(results(spec, [ev('v', 'violation.recorded', 'm', day('01'))])).toEqual([['v', -3]])
  })
  it('an event no rule listens to is a no-rule skip', () => {
    expect(runRules(one(perAction('a', 'x', 1)), [ev('y', 'unknown.type', 'm', day('01'))])).toEqual([{ event: 'y', rule: undefined, result: 'no-rule' }])
  })
})

describe('periodId', () => {
  it('equal within a period, different across it', () => {
    const d = (s: string) => daysFromCivil(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10)))
    expect(periodId('week', d('2021-07-05'))).toBe(periodId('week', d('2021-07-11')))
    expect(periodId('week', d('2021-07-04'))).not.toBe(periodId('week', d('2021-07-05')))
    expect(periodId('month', d('2021-07-31'))).not.toBe(periodId('month', d('2021-08-01')))
    expect(periodId('quarter', d('2021-07-01'))).toBe(periodId('quarter', d('2021-09-30')))
    expect(periodId('year', d('2021-12-31'))).not.toBe(periodId('year', d('2022-01-01')))
    expect(periodId('all', 0)).toBe(periodId('all', 99999))
  })
  it('compiles group and rule caps into distinct counter slots', () => {
    const rs = compileRuleSetOrThrow(ruleSet([account('study')], [pipe(perAction('a', 'x', 1), capPer('day', 2)), perAction('b', 'y', 1)], [capGroup('g', ['a', 'b'], [{ per: 'day', max: 3 }])]))
    expect(rs.slots).toBe(2)
    expect(rs.rules[0]?.caps.map((c) => c.slot).sort()).toEqual([0, 1])
    expect(rs.rules[1]?.caps.map((c) => c.slot)).toEqual([0])
  })
})
