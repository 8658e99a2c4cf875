// Random valid documents of the formats the rules, awards and programme schemas describe (as JSON).
import fc from 'fast-check'
import { awardPresets } from '../../src/awards/internal.js'
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
  fc.record({ per: fc.constant('streak'), days: fc.integer({ min: 1, max: 7 }), points: fc.integer({ min: 1, max: 5 }), repeat: fc.boolean() }, { requiredKeys: ['per', 'days', 'points'] }),
  fc.record({ per: fc.constant('accumulated'), attr: nameArb, unit: fc.constantFrom(60, 0.5), points: fc.integer({ min: 1, max: 5 }), period: periodArb })
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
    fc.record({ cadre: fc.boolean() }),
    fc.record({ role: fc.constantFrom('senior-leader', 'secretary') }),
    fc.record({ inUnit: fc.constantFrom('b1', '一组') }),
    fc.record({ redList: fc.constant('study') }),
    fc.record({ blackList: fc.constant('study') }),
    fc.record({ all: fc.array(tie('c'), { maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('c'), { maxLength: 3 }) }),
    fc.record({ not: tie('c') })
  )
})).c

const metricArb: fc.Arbitrary<Json> = fc.oneof(
  fc.record({ kind: fc.constant('points'), account: fc.constantFrom('study', 'moral'), eventTypes: fc.constant(['login']) }, { requiredKeys: ['kind', 'account'] }),
  fc.record({ kind: fc.constant('count'), eventTypes: fc.constant(['article.read', 'login']) }),
  fc.record({ kind: fc.constant('quizAccuracy'), eventType: fc.constant('quiz.completed') }, { requiredKeys: ['kind'] }),
  fc.record({ kind: fc.constant('host'), name: fc.constant('xuexi'), of: fc.constantFrom('members', 'units') }, { requiredKeys: ['kind', 'name'] }),
  fc.record({ kind: fc.constant('participation') }),
  fc.record({ kind: fc.constant('aboveDailyMin'), account: fc.constant('study'), min: fc.constantFrom(30, 0.5) })
)
const listRuleArb: fc.Arbitrary<Json> = fc.oneof(fc.record({ count: fc.nat(5) }), fc.record({ threshold: fc.integer({ min: -10, max: 100 }) }))

/** An awards programme over the accounts study and moral, with one board and one to three categories. */
export const awardsArb: fc.Arbitrary<Json> = fc.integer({ min: 1, max: 3 }).chain((n) =>
  fc.record(
    {
      boards: fc.record(
        {
          study: fc.constant({ subjects: 'members', metric: { kind: 'points', account: 'study' }, lists: { red: { count: 3 }, black: { threshold: 10 } } }),
          units: fc.record(
            {
              subjects: fc.constant('units'),
              metric: metricArb,
              period: fc.constantFrom('2021-Q3', '2021', 'all', '2021-07-01/2021-08-01'),
              unitKind: fc.constantFrom('branch', 'group'),
              aggregate: fc.constantFrom('sum', 'mean', 'perCapita'),
              perDay: fc.boolean(),
              order: fc.constantFrom('desc', 'asc'),
              ties: fc.constantFrom('competition', 'dense', 'ordinal', 'fractional'),
              tieBreakers: fc.constant([{ figure: 'members', order: 'desc' }]),
              minParticipation: fc.nat(3),
              inactive: fc.constantFrom('rank', 'exclude'),
              lists: fc.record({ red: listRuleArb, black: listRuleArb }, { requiredKeys: [] })
            },
            { requiredKeys: ['subjects', 'metric'] }
          )
        },
        { requiredKeys: ['study'] }
      ),
      accounts: fc.constant([{ id: 'study', label: { en: 'Study', zh: '学习' } }, { id: 'moral' }]),
      hostMetrics: fc.array(fc.oneof(fc.constantFrom('skills', 'conduct'), fc.record({ id: fc.constantFrom('performance', 'xuexi'), label: fc.record({ en: fc.string(), zh: fc.string() }) }, { requiredKeys: ['id'] })), { maxLength: 2 }),
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
              cutoff: fc.constantFrom('2021-10-01T00:00:00+08:00', 1633017600000),
              order: fc.constantFrom('desc', 'asc'),
              perUnit: fc.oneof(
                fc.record({ unitKind: fc.constantFrom('branch', 'group'), max: fc.integer({ min: 1, max: 3 }) }),
                fc.record({ unitKind: fc.constantFrom('branch', 'group'), percent: fc.constantFrom(5, 12.5, 100) })
              ),
              tieBreakers: fc.constant([{ figure: 'reachedAt:study', order: 'asc' }]),
              ties: fc.constantFrom('includeAll', 'breakChain', 'flag'),
              nearMisses: fc.nat(3)
            },
            { requiredKeys: ['id', 'label', 'subjects', 'period', 'by', 'selection'] }
          )
        )
      ),
      badges: fc.constant([
        { kind: 'streak', id: 'week', label: { en: '7 days', zh: '连续 7 天' }, account: 'study', days: 7, min: 2 },
        { kind: 'milestone', id: 'points', label: { en: 'Points', zh: '积分里程碑' }, account: 'study', levels: [100, 500] }
      ])
    },
    { requiredKeys: ['boards', 'awards'] }
  )
) as fc.Arbitrary<Json>

/** A whole programme: the fixture's, with some parts left out, or with the award presets for its awards. */
export const programmeArb: fc.Arbitrary<Json> = fc.record({ bank: fc.boolean(), awards: fc.constantFrom('fixture', 'presets', 'none'), zone: fc.boolean() }).map((o) => {
  const p = programmeJson() as Record<string, Json>
  if (!o.bank) delete p['bank']
  if (o.awards === 'none') delete p['awards']
  if (o.awards === 'presets') p['awards'] = awardPresets() as Json
  if (!o.zone) delete p['zone']
  return p as Json
})

const unitKindArb = fc.constantFrom('enterprise', 'branch', 'group', 'household', 'other')
const dateArb = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))

/** An organisation file: a park with up to six units below it (each under an earlier one) and up to eight members. */
export const orgArb: fc.Arbitrary<Json> = fc
  .tuple(fc.array(fc.tuple(unitKindArb, fc.nat()), { maxLength: 6 }), fc.constantFrom('park', '园区'))
  .chain(([below, root]) => {
    const ids = [root, ...below.map((_, i) => `u-${i + 1}`)]
    const units = [
      { id: root, label: '园区', kind: 'park' },
      ...below.map(([kind, parent], i) => ({ id: ids[i + 1] as string, label: `单位 ${i + 1}`, kind, parent: ids[parent % (i + 1)] as string }))
    ]
    const member = (i: number) =>
      fc.record(
        {
          id: fc.constant(`m-${String(i).padStart(3, '0')}`),
          unit: fc.constantFrom(...ids),
          label: fc.constantFrom('张三', 'Li Si', ''),
          partyMember: fc.boolean(),
          cadre: fc.boolean(),
          joined: dateArb,
          roles: fc.array(fc.constantFrom('secretary', 'senior-leader'), { maxLength: 2 }),
          tags: fc.array(fc.constantFrom('young', 'veteran', '先进'), { maxLength: 2 })
        },
        { requiredKeys: ['id', 'unit'] }
      )
    return fc.integer({ min: 0, max: 8 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => member(i + 1))).map((members) => ({ units, members })))
  }) as fc.Arbitrary<Json>
