/**
 * The JSON form of rules, accounts, group caps and rule sets: io-ts codecs
 * built with core's `strict` (unknown keys are errors), so an admin sees
 * every mistake at its path before anything runs.
 *
 * @module
 */
import * as t from 'io-ts'
import { COUNTING_KINDS, dispatch, refined, strict, text, TextC, type CountingKind } from '../core/internal.js'
import { ConditionC } from './condition.js'
import type { AccountSpec, Amount, Bonus, Cap, GroupSpec, Hours, RuleSetSpec, RuleSpec } from './rule.js'

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

const isPositiveInt = (u: unknown): u is number => Number.isSafeInteger(u) && (u as number) > 0
const isNonNegativeInt = (u: unknown): u is number => Number.isSafeInteger(u) && (u as number) >= 0
const isFinite = (u: unknown): u is number => typeof u === 'number' && Number.isFinite(u)
const isPositive = (u: unknown): u is number => isFinite(u) && u > 0
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/

/**
 * A positive safe integer.
 *
 * @category codecs
 * @example
 * E.isLeft(decode(PositiveIntC)(0)) // => true
 */
export const PositiveIntC = /*#__PURE__*/ refined('PositiveInt', isPositiveInt, text('a positive integer', '正整数'))
/**
 * A whole number of points (negative for deductions).
 *
 * @category codecs
 * @example
 * decode(RulePointsC)(-5) // => right(-5)
 */
export const RulePointsC = /*#__PURE__*/ refined('Points', (u): u is number => Number.isSafeInteger(u), text('a whole number of points', '整数积分'))
const NonNegativeIntC = refined('NonNegativeInt', isNonNegativeInt, text('a non-negative integer', '非负整数'))
const FiniteC = refined('Finite', isFinite, text('a finite number', '有限数'))
const PositiveC = refined('Positive', isPositive, text('a positive number', '正数'))
const HHMMC = refined('HH:MM', (u): u is string => typeof u === 'string' && HHMM.test(u), text('a local time HH:MM (00:00 to 24:00)', '本地时间 HH:MM（00:00 至 24:00）'))
const DateC = refined('Date', (u): u is string => typeof u === 'string' && DATE.test(u), text('a date YYYY-MM-DD', '日期 YYYY-MM-DD'))
const NameC = refined('Name', (u): u is string => typeof u === 'string' && u.length > 0 && u.length <= 200, text('a non-empty name', '非空名称'))

// `dispatch` and `TextC` live in core; re-exported here for existing imports.
export { dispatch, TextC } from '../core/internal.js'

// The kinds come from core's table of periods (periods.ts), in its order, then `all`.
const CapPeriodC = t.keyof(Object.fromEntries(COUNTING_KINDS.map((k) => [k, null])) as Record<CountingKind, null>, COUNTING_KINDS.join(' | '))

/**
 * A cap: `{"per":"day","max":6}`.
 *
 * @category codecs
 * @example
 * decode(CapC)({ per: 'day', max: 6 }) // => right({ per: 'day', max: 6 })
 */
export const CapC: t.Type<Cap, unknown, unknown> = /*#__PURE__*/ strict({ per: CapPeriodC, max: PositiveIntC }, {}, 'Cap')

const HoursC: t.Type<Hours, unknown, unknown> = strict({ from: HHMMC, to: HHMMC }, {}, 'Hours')

/**
 * An amount: `{"per":"action","points":1}`, `unit`, `linear`, `table`, `streak` or
 * `accumulated` (`{"per":"accumulated","attr":"seconds","unit":60,"points":1,"period":"day"}`)
 * (the `per` tag picks the shape, so errors name that shape only).
 *
 * @category codecs
 * @example
 * E.isRight(decode(AmountC)({ per: 'unit', attr: 'seconds', unit: 60, points: 1 })) // => true
 */
export const AmountC: t.Type<Amount, unknown, unknown> = /*#__PURE__*/ dispatch(
  'Amount',
  'per',
  {
    action: strict({ per: t.literal('action'), points: RulePointsC }, {}, 'ActionAmount'),
    unit: strict({ per: t.literal('unit'), attr: NameC, unit: PositiveC, points: RulePointsC }, {}, 'UnitAmount'),
    linear: strict(
      { per: t.literal('linear'), attr: NameC, factor: FiniteC },
      { offset: FiniteC, round: t.keyof({ floor: null, round: null, ceil: null }) },
      'LinearAmount'
    ),
    table: strict(
      { per: t.literal('table'), attr: NameC, rows: t.readonlyArray(strict({ min: FiniteC, points: RulePointsC }, {}, 'TableRow')) },
      {},
      'TableAmount'
    ),
    streak: strict({ per: t.literal('streak'), days: PositiveIntC, points: RulePointsC }, { repeat: t.boolean }, 'StreakAmount'),
    accumulated: strict(
      { per: t.literal('accumulated'), attr: NameC, unit: PositiveC, points: RulePointsC, period: CapPeriodC },
      {},
      'AccumulatedAmount'
    )
  } as Readonly<Record<string, t.Type<Amount, unknown, unknown>>>,
  text('an amount with per: action, unit, linear, table, streak or accumulated', '金额，per 为 action、unit、linear、table、streak 或 accumulated')
)

/**
 * A multiplier in hours and/or dates.
 *
 * @category codecs
 * @example
 * E.isRight(decode(BonusC)({ multiply: 2, hours: [{ from: '06:00', to: '08:30' }] })) // => true
 */
export const BonusC: t.Type<Bonus, unknown, unknown> = /*#__PURE__*/ strict(
  { multiply: PositiveC },
  { hours: t.readonlyArray(HoursC), from: DateC, to: DateC },
  'Bonus'
)

/**
 * One rule's JSON form.
 *
 * @category codecs
 * @example
 * E.isRight(decode(RuleC)({ id: 'login', account: 'study', on: ['login'], amount: { per: 'action', points: 1 } })) // => true
 */
export const RuleC: t.Type<RuleSpec, unknown, unknown> = /*#__PURE__*/ strict(
  { id: NameC, account: NameC, on: t.readonlyArray(NameC), amount: AmountC },
  {
    label: TextC,
    when: ConditionC,
    atLeast: strict({ attr: NameC, value: FiniteC }, {}, 'AtLeast'),
    longerThan: strict({ attr: NameC, chars: NonNegativeIntC }, {}, 'LongerThan'),
    hours: t.readonlyArray(HoursC),
    once: t.boolean,
    perContent: NameC,
    firstN: strict({ count: PositiveIntC, per: CapPeriodC }, {}, 'FirstN'),
    caps: t.readonlyArray(CapC),
    bonuses: t.readonlyArray(BonusC)
  },
  'Rule'
) as t.Type<RuleSpec, unknown, unknown>

/**
 * An account's JSON form; `floor` defaults to 0, `null` means none.
 *
 * @category codecs
 * @example
 * decode(AccountC)({ id: 'moral', floor: null }) // => right({ id: 'moral', floor: null })
 */
export const AccountC: t.Type<AccountSpec, unknown, unknown> = /*#__PURE__*/ strict(
  { id: NameC },
  { label: TextC, floor: t.union([RulePointsC, t.null]) },
  'Account'
) as t.Type<AccountSpec, unknown, unknown>

/**
 * A group cap's JSON form.
 *
 * @category codecs
 * @example
 * E.isRight(decode(GroupC)({ id: 'av', rules: ['audio', 'video'], caps: [{ per: 'day', max: 12 }] })) // => true
 */
export const GroupC: t.Type<GroupSpec, unknown, unknown> = /*#__PURE__*/ strict(
  { id: NameC, rules: t.readonlyArray(NameC), caps: t.readonlyArray(CapC) },
  { label: TextC },
  'Group'
) as t.Type<GroupSpec, unknown, unknown>

/**
 * A rule set's JSON form: `{"zone"?, "accounts", "rules", "groups"?}`.
 *
 * @category codecs
 * @example
 * E.isRight(decode(RuleSetC)({ accounts: [{ id: 'study' }], rules: [] })) // => true
 */
export const RuleSetC: t.Type<RuleSetSpec, unknown, unknown> = /*#__PURE__*/ strict(
  { accounts: t.readonlyArray(AccountC), rules: t.readonlyArray(RuleC) },
  { zone: t.string, groups: t.readonlyArray(GroupC) },
  'RuleSet'
) as t.Type<RuleSetSpec, unknown, unknown>
