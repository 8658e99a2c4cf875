/**
 * JSON forms of boards and red/black lists, for the admin programme file
 * (specs) and for publishing (results): io-ts codecs built with core's
 * `strict`, so unknown keys are errors and every problem has its path.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import {
  at,
  DEFAULT_ZONE,
  fromSmart,
  guardCodec,
  parseLocalDate,
  parsePeriodKey,
  problem,
  refined,
  strict,
  text,
  UnitIdC,
  UnitKindC,
  type Period,
  type Problem,
  type Zone,
  oneOf,
  FiniteC as Finite,
  CountC as Count,
  NameC as Name
} from '../core/internal.js'
import { type BoardSpec, type Metric } from './board.js'
import { type ListRule, type RedBlackSpec } from './lists.js'

// -------------------------------------------------------------------------------------
// helpers
// -------------------------------------------------------------------------------------



// An object codec chosen by its `kind` (an unknown kind is reported at `kind`, not as a union of every failure).
const byKind = <A>(name: string, cases: Readonly<Record<string, t.Type<A, unknown, unknown>>>): t.Type<A, unknown, unknown> => {
  const KindC = oneOf(`${name}Kind`, Object.keys(cases))
  const Obj = refined(
    name,
    (u): u is object => typeof u === 'object' && u !== null && !Array.isArray(u),
    text(`an object with a kind: ${Object.keys(cases).join(', ')}`, `带 kind 的对象：${Object.keys(cases).join('、')}`)
  )
  return new t.Type<A, unknown, unknown>(
    name,
    (u): u is A => typeof u === 'object' && u !== null && Object.values(cases).some((c) => c.is(u)),
    (u, c) => {
      if (typeof u !== 'object' || u === null || Array.isArray(u)) return Obj.validate(u, c) as t.Validation<never>
      const kind = (u as { readonly kind?: unknown }).kind
      const k = KindC.validate(kind, [...c, { key: 'kind', type: KindC, actual: kind }])
      if (E.isLeft(k)) return k
      return (cases[k.right] as t.Type<A, unknown, unknown>).validate(u, c)
    },
    (a) => (cases[(a as { readonly kind: string }).kind] as t.Type<A, unknown, unknown>).encode(a)
  )
}

// -------------------------------------------------------------------------------------
// specs
// -------------------------------------------------------------------------------------

const Types = /*#__PURE__*/ t.readonlyArray(Name)

/**
 * A metric: `{ "kind": "points", "account": "study" }`, `{ "kind": "count", "eventTypes": [...] }`,
 * `{ "kind": "quizAccuracy" }`, `{ "kind": "host", "name": "xuexi" }`, `{ "kind": "participation" }`,
 * `{ "kind": "aboveDailyMin", "account": "study", "min": 30 }`.
 *
 * @category codecs
 * @example
 * E.isRight(decode(MetricC)({ kind: 'quizAccuracy' })) // => true
 */
export const MetricC: t.Type<Metric, unknown, unknown> = /*#__PURE__*/ guardCodec(byKind<Metric>('Metric', {
  points: strict({ kind: t.literal('points'), account: Name }, { eventTypes: Types }) as t.Type<Metric, unknown, unknown>,
  count: strict({ kind: t.literal('count'), eventTypes: Types }) as t.Type<Metric, unknown, unknown>,
  quizAccuracy: strict({ kind: t.literal('quizAccuracy') }, { eventType: Name }) as t.Type<Metric, unknown, unknown>,
  host: strict({ kind: t.literal('host'), name: Name }, { of: oneOf('HostOf', ['members', 'units']) }) as t.Type<Metric, unknown, unknown>,
  participation: strict({ kind: t.literal('participation') }) as t.Type<Metric, unknown, unknown>,
  aboveDailyMin: strict({ kind: t.literal('aboveDailyMin'), account: Name, min: Finite }) as t.Type<Metric, unknown, unknown>
}))

const ENDS_AFTER = text('a period that ends after it starts (from/to, to exclusive)', '结束晚于开始的周期（起/止，止日不含）')

const readPeriod =
  (z: Zone) =>
  (u: unknown): E.Either<Problem, Period> => {
    if (typeof u === 'string' && u.includes('/')) {
      const [from, to] = u.split('/')
      const a = parseLocalDate(from)
      const b = parseLocalDate(to)
      if (E.isRight(a) && E.isRight(b) && b.right <= a.right) return E.left(problem('range', at(), ENDS_AFTER, u))
    }
    return parsePeriodKey(u, z)
  }

/**
 * A period by its key (`2021-07-01`, `2021-W26`, `2021-07`, `2021-Q3`, `2021-H2`, `2021`,
 * `2021-07-01/2021-08-01`, `all`) in a zone; encodes back to the key.
 *
 * @category codecs
 * @example
 * E.isLeft(decode(periodCodec())('2021-08-01/2021-07-01')) // => true (ends before it starts)
 */
export const periodCodec = (z: Zone = DEFAULT_ZONE): t.Type<Period, string, unknown> =>
  fromSmart(
    'Period',
    (u): u is Period => typeof u === 'object' && u !== null && (u as { readonly _tag?: unknown })._tag === 'Period',
    readPeriod(z),
    (p) => p.key
  )

const TieBreakerC = /*#__PURE__*/ strict({ figure: Name, order: oneOf('Order', ['desc', 'asc']) }, {}, 'TieBreaker')

/**
 * A board spec in the programme file, with periods read in zone `z`.
 *
 * @category codecs
 * @example
 * decode(boardSpecCodec())({ subjects: 'units', unitKind: 'group', metric: { kind: 'points', account: 'study' }, aggregate: 'perCapita', period: '2021-Q3' })
 */
export const boardSpecCodec = (z: Zone = DEFAULT_ZONE): t.Type<BoardSpec, unknown, unknown> =>
  strict(
    { subjects: oneOf('Subjects', ['members', 'units']), metric: MetricC, period: periodCodec(z) },
    {
      id: Name,
      scope: UnitIdC,
      unitKind: UnitKindC,
      aggregate: oneOf('Aggregate', ['sum', 'mean', 'perCapita']),
      perDay: t.boolean,
      order: oneOf('Order', ['desc', 'asc']),
      ties: oneOf('TieScheme', ['competition', 'dense', 'ordinal', 'fractional']),
      tieBreakers: t.readonlyArray(TieBreakerC),
      minParticipation: Count,
      inactive: oneOf('Inactive', ['rank', 'exclude'])
    },
    'BoardSpec'
  ) as t.Type<BoardSpec, unknown, unknown>

/**
 * A board spec with periods in the default zone (Asia/Shanghai).
 *
 * @category codecs
 * @example
 * decode(BoardSpecC)({ subjects: 'members', metric: { kind: 'points', account: 'study' }, period: '2021-07' })
 */
export const BoardSpecC: t.Type<BoardSpec, unknown, unknown> = /*#__PURE__*/ boardSpecCodec()

const CountRuleC = /*#__PURE__*/ strict({ count: Count }, {}, 'CountRule')
const ThresholdRuleC = /*#__PURE__*/ strict({ threshold: Finite }, {}, 'ThresholdRule')

/**
 * A list rule: `{ "count": 3 }` (the best 3 for red, the worst 3 for black) or `{ "threshold": 60 }`.
 *
 * @category codecs
 * @example
 * decode(ListRuleC)({ count: 3 }) // => right({ count: 3 })
 */
export const ListRuleC: t.Type<ListRule, unknown, unknown> = /*#__PURE__*/ guardCodec(
  new t.Type<ListRule, unknown, unknown>(
    'ListRule',
    (u): u is ListRule => CountRuleC.is(u) || ThresholdRuleC.is(u),
    (u, c) => (typeof u === 'object' && u !== null && 'threshold' in u ? ThresholdRuleC.validate(u, c) : CountRuleC.validate(u, c)),
    (a) => a
  )
)

/**
 * Which red and black lists to draw: `{ "red": { "count": 3 }, "black": { "count": 3 } }`.
 *
 * @category codecs
 * @example
 * decode(RedBlackSpecC)({ red: { count: 3 }, black: { threshold: 30 } })
 */
export const RedBlackSpecC: t.Type<RedBlackSpec, unknown, unknown> = /*#__PURE__*/ strict(
  {},
  { red: ListRuleC, black: ListRuleC },
  'RedBlackSpec'
) as t.Type<RedBlackSpec, unknown, unknown>

// -------------------------------------------------------------------------------------
// results
// -------------------------------------------------------------------------------------

const Figures = /*#__PURE__*/ t.record(t.string, Finite)

const RankedRowC = /*#__PURE__*/ strict(
  { subject: Name, score: Finite, rank: Finite, percentRank: Finite, figures: Figures },
  { label: t.string, tie: Count },
  'RankedRow'
)

const TieGroupC = /*#__PURE__*/ strict({ score: Finite, rank: Count, subjects: t.readonlyArray(Name) }, {}, 'TieGroup')

const ExcludedC = /*#__PURE__*/ strict(
  { subject: Name, reason: oneOf('Reason', ['no-activity', 'below-minimum', 'no-members']), figures: Figures },
  { label: t.string },
  'Excluded'
)

/**
 * A computed board as JSON (for publishing and reading back).
 *
 * @category codecs
 * @example
 * E.isRight(decode(BoardC)(JSON.parse(JSON.stringify(board)))) // => true
 */
export const BoardC = /*#__PURE__*/ strict(
  {
    _tag: t.literal('Board'),
    subjects: oneOf('Subjects', ['members', 'units']),
    metric: MetricC,
    period: Name,
    scheme: oneOf('TieScheme', ['competition', 'dense', 'ordinal', 'fractional']),
    order: oneOf('Order', ['desc', 'asc']),
    rows: t.readonlyArray(RankedRowC),
    ties: t.readonlyArray(TieGroupC),
    excluded: t.readonlyArray(ExcludedC),
    unmatched: t.readonlyArray(Name)
  },
  { id: Name, scope: UnitIdC },
  'Board'
)

const ListEntryC = /*#__PURE__*/ strict(
  { subject: Name, score: Finite, rank: Finite, figures: Figures, because: ListRuleC },
  { label: t.string },
  'ListEntry'
)

/**
 * Red and black lists as JSON.
 *
 * @category codecs
 * @example
 * E.isRight(decode(RedBlackC)(JSON.parse(JSON.stringify(lists)))) // => true
 */
export const RedBlackC = /*#__PURE__*/ strict(
  {
    _tag: t.literal('RedBlack'),
    red: t.readonlyArray(ListEntryC),
    black: t.readonlyArray(ListEntryC),
    contested: t.readonlyArray(ListEntryC),
    overlapAllowed: t.boolean
  },
  {},
  'RedBlack'
)
