// Random valid documents of the formats the rules, awards and programme schemas describe (as JSON).
import fc from 'fast-check'
import { programmeJson } from '../programme/fixtures.js'

type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [k: string]: Json }

const nameArb = fc.constantFrom('seconds', 'correct', 'content', 'kind', 'text', 'score')
const scalarArb = fc.oneof(fc.integer({ min: -5, max: 100 }), fc.constantFrom('daily', 'weekly', 'x'), fc.boolean())
const opArb = fc.constantFrom('eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'exists')
const periodArb = fc.constantFrom('day', 'week', 'month', 'quarter', 'half', 'year', 'all')
const hhmmArb = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`)
const hoursArb = fc.tuple(hhmmArb, hhmmArb).map(([a, b]) => (a === b ? { from: a, to: '24:00' } : a < b ? { from: a, to: b } : { from: b, to: a }))

const conditionArb: fc.Arbitrary<Json> = fc.letrec<{ c: Json }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ attr: nameArb, op: opArb, value: fc.oneof(scalarArb, fc.array(scalarArb, { maxLength: 3 })) }, { requiredKeys: ['attr', 'op'] }),
    fc.record({ member: fc.constantFrom('partyMember', 'unit'), op: opArb, value: scalarArb }, { requiredKeys: ['member', 'op'] }),
    fc.record({ all: fc.array(tie('c'), { maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('c'), { maxLength: 3 }) }),
    fc.record({ not: tie('c') })
  )
})).c

const amountArb: fc.Arbitrary<Json> = fc.oneof(
  fc.record({ per: fc.constant('action'), points: fc.integer({ min: -10, max: 10 }) }),
  fc.record({ per: fc.constant('unit'), attr: nameArb, unit: fc.constantFrom(1, 30, 60, 0.5), points: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ per: fc.constant('linear'), attr: nameArb, factor: fc.constantFrom(1, 0.5, 2), offset: fc.integer({ min: -3, max: 3 }), round: fc.constantFrom('floor', 'round', 'ceil') }, { requiredKeys: ['per', 'attr', 'factor'] }),
  fc.record({ per: fc.constant('table'), attr: nameArb, rows: fc.array(fc.record({ min: fc.integer({ min: 0, max: 100 }), points: fc.integer({ min: 0, max: 10 }) }), { minLength: 1, maxLength: 3 }) }),
  fc.record({ per: fc.constant('streak'), days: fc.integer({ min: 1, max: 7 }), points: fc.integer({ min: 1, max: 5 }), repeat: fc.boolean() }, { requiredKeys: ['per', 'days', 'points'] })
)

const ruleArb = (id: string, accounts: ReadonlyArray<string>): fc.Arbitrary<Json> =>
  fc.record(
    {
      id: fc.constant(id),
      account: fc.constantFrom(...accounts),
      on: fc.uniqueArray(fc.constantFrom('login', 'article.read', 'quiz.completed', 'comment.posted'), { minLength: 1, maxLength: 2 }),
      amount: amountArb,
      label: fc.record({ en: fc.string(), zh: fc.string() }),
      when: conditionArb,
      atLeast: fc.record({ attr: nameArb, value: fc.integer({ min: 0, max: 60 }) }),
      longerThan: fc.record({ attr: nameArb, chars: fc.nat(20) }),
      hours: fc.array(hoursArb, { maxLength: 2 }),
      once: fc.boolean(),
      perContent: nameArb,
      firstN: fc.record({ count: fc.integer({ min: 1, max: 3 }), per: periodArb }),
      caps: fc.array(fc.record({ per: periodArb, max: fc.integer({ min: 1, max: 20 }) }), { maxLength: 2 }),
      bonuses: fc.array(
        fc.record({ multiply: fc.constantFrom(2, 1.5), hours: fc.array(hoursArb, { maxLength: 2 }), from: fc.constant('2021-07-01'), to: fc.constant('2021-08-01') }, { requiredKeys: ['multiply'] }),
        { maxLength: 1 }
      )
    },
    { requiredKeys: ['id', 'account', 'on', 'amount'] }
  ) as fc.Arbitrary<Json>

/** A rule set: one to three accounts, up to five rules, maybe a group cap. */
export const ruleSetArb: fc.Arbitrary<Json> = fc.uniqueArray(fc.constantFrom('study', 'moral', 'merit'), { minLength: 1, maxLength: 3 }).chain((accounts) =>
  fc.integer({ min: 0, max: 5 }).chain((n) =>
    fc.record(
      {
        zone: fc.constantFrom('Asia/Shanghai', 'UTC'),
        accounts: fc.tuple(...accounts.map((id) => fc.record({ id: fc.constant(id), floor: fc.oneof(fc.constant(null), fc.integer({ min: -20, max: 0 })) }, { requiredKeys: ['id'] }))),
        rules: fc.tuple(...Array.from({ length: n }, (_, i) => ruleArb(`r${i}`, accounts))),
        groups: n === 0 ? fc.constant([]) : fc.constant([{ id: 'g', rules: ['r0'], caps: [{ per: 'day', max: 10 }] }])
      },
      { requiredKeys: ['accounts', 'rules'] }
    )
  )
) as fc.Arbitrary<Json>

const factArb = fc.constantFrom('points:study', 'points:moral', 'tenureMonths', 'violations', 'rank:study', 'score:study', 'activeDays:study')
const criterionArb: fc.Arbitrary<Json> = fc.letrec<{ c: Json }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ figure: factArb, op: fc.constantFrom('gte', 'gt', 'lte', 'lt', 'eq', 'ne'), value: fc.integer({ min: 0, max: 500 }) }),
    fc.record({ partyMember: fc.boolean() }),
    fc.record({ tag: fc.constantFrom('young', 'veteran') }),
    fc.record({ redList: fc.constant('study') }),
    fc.record({ blackList: fc.constant('study') }),
    fc.record({ all: fc.array(tie('c'), { maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('c'), { maxLength: 3 }) }),
    fc.record({ not: tie('c') })
  )
})).c

/** An awards programme over the accounts study and moral, with one board and one to three categories. */
export const awardsArb: fc.Arbitrary<Json> = fc.integer({ min: 1, max: 3 }).chain((n) =>
  fc.record(
    {
      boards: fc.constant({ study: { subjects: 'members', metric: { kind: 'points', account: 'study' }, lists: { red: { count: 3 }, black: { threshold: 10 } } } }),
      awards: fc.tuple(
        ...Array.from({ length: n }, (_, i) =>
          fc.record(
            {
              id: fc.constant(`a${i}`),
              label: fc.record({ en: fc.string(), zh: fc.string() }),
              subjects: fc.constant('members'),
              period: fc.constantFrom('quarter', 'year', '2021-Q3', '2021-07-01/2021-10-01'),
              by: fc.oneof(fc.constantFrom('points:study', 'points:moral'), fc.constant({ 'points:study': 0.7, 'points:moral': 0.3 })),
              selection: fc.oneof(
                fc.record({ kind: fc.constant('top'), n: fc.nat(5) }),
                fc.record({ kind: fc.constant('threshold'), min: fc.integer({ min: 0, max: 100 }), cap: fc.nat(5) }, { requiredKeys: ['kind', 'min'] }),
                fc.record({ kind: fc.constant('grades'), bands: fc.constant([{ min: 90, grade: 'A' }, { min: 60, grade: 'B' }]) }),
                fc.record({ kind: fc.constant('everyone') })
              ),
              criteria: criterionArb,
              order: fc.constantFrom('desc', 'asc'),
              perUnit: fc.record({ unitKind: fc.constantFrom('branch', 'group'), max: fc.integer({ min: 1, max: 3 }) }),
              tieBreakers: fc.constant([{ figure: 'reachedAt:study', order: 'asc' }]),
              ties: fc.constantFrom('includeAll', 'breakChain', 'flag'),
              nearMisses: fc.nat(3)
            },
            { requiredKeys: ['id', 'label', 'subjects', 'period', 'by', 'selection'] }
          )
        )
      ),
      badges: fc.constant([{ kind: 'streak', id: 'week', label: { en: '7 days', zh: '连续 7 天' }, account: 'study', days: 7 }])
    },
    { requiredKeys: ['boards', 'awards'] }
  )
) as fc.Arbitrary<Json>

/** A whole programme: the fixture's, with some parts left out. */
export const programmeArb: fc.Arbitrary<Json> = fc.record({ bank: fc.boolean(), awards: fc.boolean(), zone: fc.boolean() }).map((o) => {
  const p = programmeJson() as Record<string, Json>
  if (!o.bank) delete p['bank']
  if (!o.awards) delete p['awards']
  if (!o.zone) delete p['zone']
  return p as Json
})
