import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import {
  compileRuleSet,
  compileRuleSetOrThrow,
  decodeEvent,
  evaluateEvent,
  initialState,
  resetState,
  ActivityEventC,
  type ActivityEvent,
  type Amount,
  type CapPeriod,
  type Decision,
  type RuleSetSpec,
  type RuleSpec,
  type SubjectState
} from '../../src/rules/internal.js'
import { idProblem } from '../../src/core/internal.js'
import { ev, runRules } from './helpers.js'

const PERIODS: ReadonlyArray<CapPeriod> = ['day', 'week', 'month', 'quarter', 'half', 'year', 'all']
const name = fc.constantFrom('a', 'b', 'seconds', 'correct', 'score', 'mode', 'content')
const hhmm = fc.tuple(fc.integer({ min: 0, max: 22 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => [h, m, h + 1] as const)
const hours = hhmm.map(([h, m, h2]) => ({ from: `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`, to: `${String(h2).padStart(2, '0')}:00` }))
const amount: fc.Arbitrary<Amount> = fc.oneof(
  fc.record({ per: fc.constant('action' as const), points: fc.integer({ min: -20, max: 20 }) }),
  fc.record({ per: fc.constant('unit' as const), attr: name, unit: fc.integer({ min: 1, max: 120 }), points: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ per: fc.constant('linear' as const), attr: name, factor: fc.double({ min: -10, max: 10, noNaN: true }) }, { requiredKeys: ['per', 'attr', 'factor'] }).chain((a) =>
    fc.record({ round: fc.constantFrom('floor' as const, 'round' as const, 'ceil' as const) }, { requiredKeys: [] }).map((o) => ({ ...a, ...o }))
  ),
  fc.record({ per: fc.constant('table' as const), attr: name, rows: fc.array(fc.record({ min: fc.integer({ min: 0, max: 100 }), points: fc.integer({ min: 0, max: 9 }) }), { minLength: 1, maxLength: 4 }) }),
  fc.record({ per: fc.constant('streak' as const), days: fc.integer({ min: 1, max: 9 }), points: fc.integer({ min: 1, max: 9 }) })
)
const rule = (id: string): fc.Arbitrary<RuleSpec> =>
  fc.record(
    {
      id: fc.constant(id),
      account: fc.constantFrom('study', 'moral'),
      on: fc.uniqueArray(fc.constantFrom('login', 'article.read', 'quiz.completed'), { minLength: 1, maxLength: 3 }),
      amount,
      atLeast: fc.record({ attr: name, value: fc.integer({ min: 0, max: 60 }) }),
      longerThan: fc.record({ attr: name, chars: fc.integer({ min: 0, max: 9 }) }),
      hours: fc.array(hours, { minLength: 1, maxLength: 3 }),
      once: fc.boolean(),
      perContent: name,
      firstN: fc.record({ count: fc.integer({ min: 1, max: 3 }), per: fc.constantFrom(...PERIODS) }),
      caps: fc.array(fc.record({ per: fc.constantFrom(...PERIODS), max: fc.integer({ min: 1, max: 50 }) }), { maxLength: 3 }),
      bonuses: fc.array(fc.record({ multiply: fc.constantFrom(0.5, 1.5, 2, 3), hours: fc.array(hours, { minLength: 1, maxLength: 2 }) }, { requiredKeys: ['multiply'] }), { maxLength: 2 }),
      when: fc.constantFrom({ attr: 'mode', op: 'eq' as const, value: 'daily' }, { not: { member: 'inBlackList', op: 'eq' as const, value: true } })
    },
    { requiredKeys: ['id', 'account', 'on', 'amount'] }
  )
const ruleSetArb: fc.Arbitrary<RuleSetSpec> = fc
  .array(fc.constant(null), { minLength: 1, maxLength: 5 })
  .chain((xs) => fc.tuple(...xs.map((_, i) => rule(`r${i}`))))
  .map((rules) => ({ zone: 'Asia/Shanghai', accounts: [{ id: 'study' }, { id: 'moral', floor: null }], rules }))

describe('rule laws', () => {
  it('every rule set built in code survives JSON and compiles to the same spec', () => {
    fc.assert(
      fc.property(ruleSetArb, (spec) => {
        const direct = compileRuleSet(spec)
        const viaJson = compileRuleSet(JSON.parse(JSON.stringify(spec)))
        expect(E.isRight(direct)).toBe(true)
        expect(E.isRight(viaJson) && E.isRight(direct) && viaJson.right.spec).toEqual(E.isRight(direct) && direct.right.spec)
      })
    )
  })
  it('points stay whole numbers and never exceed a cap, whatever the rule (fractional scores are rounded)', () => {
    const events = fc.array(
      fc.record({
        type: fc.constantFrom('login', 'article.read', 'quiz.completed'),
        minute: fc.integer({ min: 0, max: 3 * 24 * 60 }),
        a: fc.double({ min: -50, max: 500, noNaN: true }),
        content: fc.constantFrom('x', 'y')
      }),
      { maxLength: 30 }
    )
    fc.assert(
      fc.property(ruleSetArb, events, (spec, raw) => {
        const evs = raw
          .map((r, i) => ev(`e${i}`, r.type, 'm', new Date(Date.UTC(2021, 5, 30, 16) + r.minute * 60_000).toISOString(), { a: r.a, b: r.a, seconds: r.a, correct: r.a, score: r.a, mode: 'daily', content: r.content }))
          .sort((x, y) => x.at - y.at)
        const out = runRules(spec, evs)
        for (const o of out) if (typeof o.result === 'number') expect(Number.isSafeInteger(o.result)).toBe(true)
        for (const r of spec.rules) {
          const total = out.filter((o) => o.rule === r.id && typeof o.result === 'number').reduce((n, o) => n + Math.abs(o.result as number), 0)
          for (const c of r.caps ?? []) if (c.per === 'all') expect(total).toBeLessThanOrEqual(c.max)
        }
      })
    )
  })
  it('a state made fresh by resetState decides exactly as a new one (counters, caps, streaks, content seen)', () => {
    const events = fc.array(
      fc.record({
        type: fc.constantFrom('login', 'article.read', 'quiz.completed'),
        minute: fc.integer({ min: 0, max: 3 * 24 * 60 }),
        a: fc.integer({ min: 0, max: 300 }),
        content: fc.constantFrom('x', 'y', 'z')
      }),
      { maxLength: 25 }
    )
    const toEvents = (raw: ReadonlyArray<{ type: string; minute: number; a: number; content: string }>, tag: string): Array<ActivityEvent> =>
      raw
        .map((r, i) => ev(`${tag}${i}`, r.type, 'm', new Date(Date.UTC(2021, 5, 30, 16) + r.minute * 60_000).toISOString(), { a: r.a, b: r.a, seconds: r.a, correct: r.a, score: r.a, mode: 'daily', content: r.content }))
        .sort((x, y) => x.at - y.at)
    fc.assert(
      fc.property(ruleSetArb, events, events, (spec, before, after) => {
        const rs = compileRuleSetOrThrow(spec)
        const decide = (st: SubjectState, evs: ReadonlyArray<ActivityEvent>): Array<Decision> => {
          const out: Array<Decision> = []
          for (const e of evs) evaluateEvent(rs, st, e, rs.calendar.dayNumber(e.at), {}, (d) => out.push(d))
          return out
        }
        const used = initialState(rs)
        decide(used, toEvents(before, 'b'))
        resetState(used)
        const later = toEvents(after, 'a')
        expect(decide(used, later)).toEqual(decide(initialState(rs), later))
      })
    )
  })
  it('decoding an encoded event gives it back', () => {
    fc.assert(
      fc.property(
        fc.record({
          id: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => idProblem(s) === undefined), // a valid id (issue #14: no blank or invisible ids)
          type: fc.constantFrom('login', 'deed.approved'),
          member: fc.constantFrom('m-1', '户-7'),
          at: fc.integer({ min: 0, max: 4_102_444_800_000 }),
          attrs: fc.dictionary(fc.constantFrom('n', 's', 'b'), fc.oneof(fc.integer(), fc.string(), fc.boolean()))
        }),
        (raw) => {
          const e = decodeEvent(raw)
          expect(E.isRight(e)).toBe(true)
          if (E.isRight(e)) expect(decodeEvent(JSON.parse(JSON.stringify(ActivityEventC.encode(e.right))))).toEqual(e)
        }
      )
    )
  })
})
