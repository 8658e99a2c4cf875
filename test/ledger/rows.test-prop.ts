// The ledger runs the rule engine in two halves over compact rows (prepareRule over events in arrival order,
// decideRule per subject over columns). It must give exactly what the previous engine, reading the event
// object for every guard (test/ledger/object-engine.ts), gives: entries, skips with their reasons, balances,
// on random rule sets and events (conditions on events and subjects, per-content keys that are numbers,
// booleans or strings, text lengths, hours and bonus windows, floors, streaks, missing attributes).
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  compileRuleSetOrThrow,
  type ActivityEvent,
  type Amount,
  type AttrValue,
  type CapPeriod,
  type Condition,
  type Op,
  type RuleSetSpec,
  type RuleSpec,
  type SubjectAttrs,
  type SubjectId
} from '../../src/rules/internal.js'
import { appendEvents, emptyLedger, foldLedger, foldSubject, type Ledger, type LedgerOptions } from '../../src/ledger/internal.js'
import { instantOrThrow, type EventId, type Instant } from '../../src/core/internal.js'
import { objectFold } from './object-engine.js'

const PERIODS: ReadonlyArray<CapPeriod> = ['day', 'week', 'month', 'quarter', 'half', 'year', 'all']
const TYPES = ['login', 'article.read', 'quiz.completed'] as const
const NAMES = ['a', 'b', 'n', 'text', 'content', 'mode'] as const
const name = fc.constantFrom(...NAMES)
const BASE = instantOrThrow('2021-06-27T00:00:00+08:00')
const SPAN_MINUTES = 9 * 24 * 60
const date = (d: number): string => new Date(Date.UTC(2021, 5, 27 + d)).toISOString().slice(0, 10)

const hours = fc
  .tuple(fc.integer({ min: 0, max: 22 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 1, max: 8 }))
  .map(([h, m, len]) => ({ from: `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`, to: `${String(Math.min(24, h + len)).padStart(2, '0')}:00` }))

const scalar: fc.Arbitrary<AttrValue> = fc.oneof(fc.constantFrom('daily', 'weekly', '1', 'true', 'c1'), fc.integer({ min: -2, max: 40 }), fc.boolean())
const op: fc.Arbitrary<Op> = fc.constantFrom('eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'exists')
const leaf = (key: 'attr' | 'member', names: fc.Arbitrary<string>): fc.Arbitrary<Condition> =>
  fc.tuple(names, op, scalar, fc.array(scalar, { maxLength: 3 })).map(([n, o, v, vs]): Condition => {
    const value = o === 'in' ? vs : o === 'exists' ? undefined : v
    const c = key === 'attr' ? { attr: n, op: o } : { member: n, op: o }
    return value === undefined ? c : { ...c, value }
  })
const condition: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf('attr', name),
    leaf('member', fc.constantFrom('inBlackList', 'role')),
    fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((all): Condition => ({ all })),
    fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((any): Condition => ({ any })),
    tie('c').map((not): Condition => ({ not }))
  )
})).c

const amount: fc.Arbitrary<Amount> = fc.oneof(
  fc.record({ per: fc.constant('action' as const), points: fc.integer({ min: -20, max: 20 }) }),
  fc.record({ per: fc.constant('unit' as const), attr: name, unit: fc.integer({ min: 1, max: 120 }), points: fc.integer({ min: -3, max: 5 }) }),
  fc.record(
    {
      per: fc.constant('linear' as const),
      attr: name,
      factor: fc.double({ min: -10, max: 10, noNaN: true }),
      offset: fc.integer({ min: -5, max: 5 }),
      round: fc.constantFrom('floor' as const, 'round' as const, 'ceil' as const)
    },
    { requiredKeys: ['per', 'attr', 'factor'] }
  ),
  fc.record({ per: fc.constant('table' as const), attr: name, rows: fc.array(fc.record({ min: fc.integer({ min: 0, max: 100 }), points: fc.integer({ min: -9, max: 9 }) }), { minLength: 1, maxLength: 4 }) }),
  fc.record({ per: fc.constant('streak' as const), days: fc.integer({ min: 1, max: 4 }), points: fc.integer({ min: -5, max: 9 }), repeat: fc.boolean() }, { requiredKeys: ['per', 'days', 'points'] }),
  // Issue #13: sums per period, points per completed unit.
  fc.record({ per: fc.constant('accumulated' as const), attr: name, unit: fc.constantFrom(1, 7, 60, 0.5), points: fc.integer({ min: -3, max: 5 }), period: fc.constantFrom(...PERIODS) }),
  // Issue #14: amounts at the edge of the safe integers, so sums overflow and entries are refused.
  fc.record({ per: fc.constant('action' as const), points: fc.constantFrom(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 52) })
)

const bonus = fc
  .record(
    {
      multiply: fc.constantFrom(0.5, 1.5, 2, 3, 1e9),
      hours: fc.array(hours, { minLength: 1, maxLength: 2 }),
      window: fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 5 }))
    },
    { requiredKeys: ['multiply'] }
  )
  .map(({ multiply, hours: hs, window }) => ({
    multiply,
    ...(hs === undefined ? {} : { hours: hs }),
    ...(window === undefined ? {} : { from: date(window[0]), to: date(window[0] + window[1]) })
  }))

const rule = (id: string): fc.Arbitrary<RuleSpec> =>
  fc.record(
    {
      id: fc.constant(id),
      account: fc.constantFrom('study', 'moral', 'debt'),
      on: fc.uniqueArray(fc.constantFrom(...TYPES), { minLength: 1, maxLength: 3 }),
      amount,
      when: condition,
      atLeast: fc.record({ attr: name, value: fc.integer({ min: 0, max: 60 }) }),
      longerThan: fc.record({ attr: name, chars: fc.integer({ min: 0, max: 6 }) }),
      hours: fc.array(hours, { minLength: 1, maxLength: 3 }),
      once: fc.boolean(),
      perContent: name,
      firstN: fc.record({ count: fc.integer({ min: 1, max: 3 }), per: fc.constantFrom(...PERIODS) }),
      caps: fc.array(fc.record({ per: fc.constantFrom(...PERIODS), max: fc.integer({ min: 1, max: 50 }) }), { maxLength: 3 }),
      bonuses: fc.array(bonus, { maxLength: 2 })
    },
    { requiredKeys: ['id', 'account', 'on', 'amount'] }
  )

const ruleSetArb: fc.Arbitrary<RuleSetSpec> = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.option(fc.integer({ min: -10, max: 10 }), { nil: undefined }), fc.boolean())
  .chain(([n, floor, grouped]) =>
    fc.tuple(...Array.from({ length: n }, (_, i) => rule(`r${i}`))).map((rules) => ({
      zone: 'Asia/Shanghai',
      accounts: [{ id: 'study' }, { id: 'moral', floor: null }, floor === undefined ? { id: 'debt' } : { id: 'debt', floor }],
      rules,
      groups: grouped && n >= 2 ? [{ id: 'g', rules: ['r0', 'r1'], caps: [{ per: 'day' as const, max: 7 }] }] : []
    }))
  )

// Attribute values of every kind, each attribute possibly missing; `a` can be too large for 32 bits.
const attrs = fc.record(
  {
    a: fc.oneof(fc.integer({ min: -50, max: 500 }), fc.double({ min: -50, max: 500, noNaN: true }), fc.constantFrom(3e9, -3e9, 1e15)),
    b: scalar,
    n: fc.integer({ min: 0, max: 120 }),
    text: fc.oneof(fc.constantFrom('', '  hi  ', 'a comment', '好好学习天天向上', '😀😀😀😀'), fc.integer({ min: 0, max: 9 })),
    content: fc.constantFrom<AttrValue>('c1', 'c2', 1, 2, '1', true, false, 'true'),
    mode: fc.constantFrom<AttrValue>('daily', 'weekly', 1, true)
  },
  { requiredKeys: [] }
)

const eventsArb = fc
  .array(
    fc.record({
      type: fc.constantFrom(...TYPES, 'other'),
      member: fc.constantFrom('m1', 'm2', 'm3'),
      minute: fc.integer({ min: 0, max: SPAN_MINUTES }),
      attrs
    }),
    { maxLength: 40 }
  )
  .map((raw) =>
    raw.map(
      (r, i): ActivityEvent => ({ id: `e${String(i).padStart(2, '0')}` as EventId, type: r.type, member: r.member as SubjectId, at: (BASE + r.minute * 60_000) as Instant, attrs: r.attrs as Record<string, AttrValue> })
    )
  )

const ATTRS: Readonly<Record<string, SubjectAttrs>> = { m1: { inBlackList: true, role: 'admin' }, m2: { role: 'member', inBlackList: false }, m3: {} }
const attrsOf = (s: SubjectId): SubjectAttrs => ATTRS[s] ?? {}

/** Every subject's part of a ledger against the previous engine over the same events. */
const agrees = (spec: RuleSetSpec, book: Ledger, events: ReadonlyArray<ActivityEvent>, options: LedgerOptions): void => {
  const rs = book.rules
  const bySubject = new Map<SubjectId, Array<ActivityEvent>>()
  for (const e of events) bySubject.set(e.member, [...(bySubject.get(e.member) ?? []), e])
  expect([...book.subjects.keys()].sort()).toEqual([...bySubject.keys()].sort())
  for (const [s, evs] of bySubject) {
    const want = objectFold(rs, s, evs, options.attrsOf === undefined ? {} : options.attrsOf(s))
    const got = book.subjects.get(s)
    expect(got?.entries, JSON.stringify(spec)).toEqual(want.entries)
    expect(JSON.stringify(got?.entries)).toBe(JSON.stringify(want.entries))
    expect(got?.skips).toEqual(want.skips)
    expect(got?.balances).toEqual(want.balances)
  }
}

describe('the ledger on rows agrees with the object engine', () => {
  it('entries, skips and balances are the same, with or without subject attributes', () => {
    fc.assert(
      fc.property(ruleSetArb, eventsArb, fc.boolean(), (spec, events, withAttrs) => {
        const options: LedgerOptions = withAttrs ? { attrsOf } : {}
        agrees(spec, foldLedger(compileRuleSetOrThrow(spec), options)(events), events, options)
      }),
      { numRuns: 300 }
    )
  })

  it('the same when events arrive shuffled and in batches (subjects folded again from their kept events)', () => {
    fc.assert(
      fc.property(ruleSetArb, eventsArb, fc.array(fc.nat({ max: 15 }), { maxLength: 3 }), fc.nat(), (spec, events, cuts, seed) => {
        const shuffled = [...events].sort((x, y) => ((x.id.charCodeAt(2) * 31 + seed) % 7) - ((y.id.charCodeAt(2) * 31 + seed) % 7))
        let book = emptyLedger(compileRuleSetOrThrow(spec), { attrsOf })
        let i = 0
        for (const c of cuts) {
          book = appendEvents(book)(shuffled.slice(i, i + c))
          i += c
        }
        agrees(spec, appendEvents(book)(shuffled.slice(i)), events, { attrsOf })
      }),
      { numRuns: 200 }
    )
  })

  it('foldSubject gives the object engine its subject attributes too', () => {
    fc.assert(
      fc.property(ruleSetArb, eventsArb, (spec, events) => {
        const rs = compileRuleSetOrThrow(spec)
        const mine = events.map((e) => ({ ...e, member: 'm1' as SubjectId }))
        const got = foldSubject(rs, 'm1' as SubjectId, mine, ATTRS['m1'])
        const want = objectFold(rs, 'm1' as SubjectId, mine, ATTRS['m1'] as SubjectAttrs)
        expect(got.entries).toEqual(want.entries)
        expect(got.skips).toEqual(want.skips)
        expect(got.balances).toEqual(want.balances)
        expect(got.events.map((e) => e.id)).toEqual([...mine].sort((x, y) => x.at - y.at || (x.id < y.id ? -1 : 1)).map((e) => e.id))
      }),
      { numRuns: 150 }
    )
  })
})
