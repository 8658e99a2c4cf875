/**
 * Point rules as data that is also JSON: what an event is worth, under which
 * conditions, with which caps and bonuses, on which account. Build them with
 * the constructors and data-last combinators below (they fit `pipe`), or
 * decode them from JSON (see `RuleSetC`); `compileRuleSet` turns either into
 * the rule functions the ledger runs.
 *
 * @module
 */
import type { CountingKind, Text } from '../core/internal.js'
import type { Condition } from './condition.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * Periods a cap or a first-N limit can count over (calendar periods in the
 * programme's zone, one row each in core's table of periods; `all` = lifetime):
 * `'day' | 'week' | 'month' | 'quarter' | 'half' | 'year' | 'all'`.
 *
 * @category model
 */
export type CapPeriod = CountingKind

/**
 * At most `max` points (absolute value, so deductions can be capped too) per period.
 *
 * @category model
 */
export interface Cap {
  readonly per: CapPeriod
  readonly max: number
}

/**
 * How rounding turns a fractional amount into whole points.
 *
 * @category model
 */
export type Rounding = 'floor' | 'round' | 'ceil'

/**
 * What an event is worth before bonuses and caps.
 * - `action`: a fixed amount per event (negative for deductions);
 * - `unit`: `points × floor(attr / unit)` (1 per full minute: unit 60 on `seconds`);
 * - `linear`: `round(factor × attr + offset)` with the stated rounding (default floor);
 * - `table`: the points of the row with the highest `min` not above the attribute;
 * - `streak`: `points` on the day a run of consecutive active days reaches `days`
 *   (with `repeat`, again at every multiple of `days`);
 * - `accumulated`: the attribute summed over the `period` (each subject, each rule), and
 *   `points` for every full `unit` the sum completes ("每天阅读文章累计满 1 分钟积 1 分": three reads
 *   of 90, 90 and 45 s on one day complete 3 minutes, however the 225 s are split). Negative
 *   quantities are refused (`below-threshold`); quantities count to the thousandth.
 *
 * @category model
 */
export type Amount =
  | { readonly per: 'action'; readonly points: number }
  | { readonly per: 'unit'; readonly attr: string; readonly unit: number; readonly points: number }
  | { readonly per: 'linear'; readonly attr: string; readonly factor: number; readonly offset?: number; readonly round?: Rounding }
  | { readonly per: 'table'; readonly attr: string; readonly rows: ReadonlyArray<{ readonly min: number; readonly points: number }> }
  | { readonly per: 'streak'; readonly days: number; readonly points: number; readonly repeat?: boolean }
  | { readonly per: 'accumulated'; readonly attr: string; readonly unit: number; readonly points: number; readonly period: CapPeriod }

/**
 * A time-of-day window in local time, `[from, to)`, `HH:MM` (to may be `24:00`).
 *
 * @category model
 */
export interface Hours {
  readonly from: string
  readonly to: string
}

/**
 * A multiplier: within local time-of-day windows (`hours`), within a date
 * window `[from, to)` of local dates (a campaign), or both. The multiplied
 * amount is rounded toward zero.
 *
 * @category model
 */
export interface Bonus {
  readonly multiply: number
  readonly hours?: ReadonlyArray<Hours>
  readonly from?: string
  readonly to?: string
}

/**
 * One point rule. Guards run in this order and the first that fails skips
 * the event for this rule with its reason: `when`, `atLeast`, `longerThan`,
 * `hours`, `once`, `perContent`, `firstN`; then the amount, the bonuses, the
 * caps (rule caps and group caps) and the account's floor. `once`,
 * `perContent` and `firstN` count every event that reaches them (the first
 * occurrence of a content is the one considered, even if a cap then cuts it).
 *
 * @category model
 */
export interface RuleSpec {
  readonly id: string
  readonly account: string
  readonly label?: Text
  /** Event types this rule listens to. */
  readonly on: ReadonlyArray<string>
  readonly amount: Amount
  readonly when?: Condition
  /** The event counts only when a numeric attribute reaches a threshold (a read counts after 30 s). */
  readonly atLeast?: { readonly attr: string; readonly value: number }
  /** The event counts only when a text attribute is longer than `chars` characters. */
  readonly longerThan?: { readonly attr: string; readonly chars: number }
  /** The event counts only inside these local time-of-day windows. */
  readonly hours?: ReadonlyArray<Hours>
  /** A one-time rule: only the first qualifying event ever. */
  readonly once?: boolean
  /** Count each content (the value of this attribute) once, ever. */
  readonly perContent?: string
  /** Only the first `count` qualifying events per period score. */
  readonly firstN?: { readonly count: number; readonly per: CapPeriod }
  readonly caps?: ReadonlyArray<Cap>
  readonly bonuses?: ReadonlyArray<Bonus>
}

/**
 * An account rules credit (study score, moral points, ...). A deduction never
 * takes the balance below `floor` (default 0); `null` means no floor.
 *
 * @category model
 */
export interface AccountSpec {
  readonly id: string
  readonly label?: Text
  readonly floor?: number | null
}

/**
 * Caps shared by a group of rules (audio and video together, for example).
 *
 * @category model
 */
export interface GroupSpec {
  readonly id: string
  readonly label?: Text
  readonly rules: ReadonlyArray<string>
  readonly caps: ReadonlyArray<Cap>
}

/**
 * A whole rule set: the zone that defines days and weeks (default
 * Asia/Shanghai), the accounts, the rules and the group caps.
 *
 * @category model
 */
export interface RuleSetSpec {
  readonly zone?: string
  readonly accounts: ReadonlyArray<AccountSpec>
  readonly rules: ReadonlyArray<RuleSpec>
  readonly groups?: ReadonlyArray<GroupSpec>
}

/**
 * The default account rules credit when none is named.
 *
 * @category model
 * @example
 * DEFAULT_ACCOUNT // => 'study'
 */
export const DEFAULT_ACCOUNT = 'study'

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

const types = (on: string | ReadonlyArray<string>): ReadonlyArray<string> => (typeof on === 'string' ? [on] : on)

/**
 * Points per action: a fixed amount for each event of these types.
 *
 * @category constructors
 * @example
 * perAction('login', 'login', 1) // => { id: 'login', account: 'study', on: ['login'], amount: { per: 'action', points: 1 } }
 */
export const perAction = (id: string, on: string | ReadonlyArray<string>, points: number): RuleSpec => ({
  id,
  account: DEFAULT_ACCOUNT,
  on: types(on),
  amount: { per: 'action', points }
})

/**
 * A deduction (negative rule, from a Moral Bank's negative list): `points` taken per event.
 *
 * @category constructors
 * @example
 * deduction('litter', 'violation.recorded', 5).amount // => { per: 'action', points: -5 }
 */
export const deduction = (id: string, on: string | ReadonlyArray<string>, points: number): RuleSpec => perAction(id, on, -Math.abs(points))

/**
 * Points per unit of a measure: `points × floor(attr / unit)`.
 *
 * @category constructors
 * @example
 * perUnit('read-time', 'article.read', 'seconds', 60, 1).amount // => { per: 'unit', attr: 'seconds', unit: 60, points: 1 }
 */
export const perUnit = (id: string, on: string | ReadonlyArray<string>, attr: string, unit: number, points: number): RuleSpec => ({
  id,
  account: DEFAULT_ACCOUNT,
  on: types(on),
  amount: { per: 'unit', attr, unit, points }
})

/**
 * Points per full unit of a measure accumulated over a period (default: the
 * local day): `points × (floor(sum after / unit) − floor(sum before / unit))`
 * for each event, so the day's points are `points × floor(day's total / unit)`
 * (before caps) however the total is split into events.
 *
 * @category constructors
 * @example
 * perAccumulated('read-time', 'article.read', 'seconds', 60, 1).amount
 * // => { per: 'accumulated', attr: 'seconds', unit: 60, points: 1, period: 'day' }
 */
export const perAccumulated = (
  id: string,
  on: string | ReadonlyArray<string>,
  attr: string,
  unit: number,
  points: number,
  period: CapPeriod = 'day'
): RuleSpec => ({
  id,
  account: DEFAULT_ACCOUNT,
  on: types(on),
  amount: { per: 'accumulated', attr, unit, points, period }
})

/**
 * Points from a score, linearly: `round(factor × attr + offset)` (default rounding: floor).
 *
 * @category constructors
 * @example
 * fromScore('quiz', 'quiz.completed', 'correct', 1).amount // => { per: 'linear', attr: 'correct', factor: 1 }
 */
export const fromScore = (
  id: string,
  on: string | ReadonlyArray<string>,
  attr: string,
  factor: number,
  options: { readonly offset?: number; readonly round?: Rounding } = {}
): RuleSpec => ({
  id,
  account: DEFAULT_ACCOUNT,
  on: types(on),
  amount: { per: 'linear', attr, factor, ...options }
})

/**
 * Points from a score by table: the row with the highest `min` not above the score.
 *
 * @category constructors
 * @example
 * fromTable('exam', 'quiz.completed', 'score', [{ min: 60, points: 1 }, { min: 100, points: 2 }]).amount.per // => 'table'
 */
export const fromTable = (
  id: string,
  on: string | ReadonlyArray<string>,
  attr: string,
  rows: ReadonlyArray<{ readonly min: number; readonly points: number }>
): RuleSpec => ({ id, account: DEFAULT_ACCOUNT, on: types(on), amount: { per: 'table', attr, rows } })

/**
 * A streak bonus: `points` when consecutive active days reach `days` (and at every multiple with `repeat`).
 *
 * @category constructors
 * @example
 * streak('week-streak', 'login', 7, 5, true).amount // => { per: 'streak', days: 7, points: 5, repeat: true }
 */
export const streak = (id: string, on: string | ReadonlyArray<string>, days: number, points: number, repeat = false): RuleSpec => ({
  id,
  account: DEFAULT_ACCOUNT,
  on: types(on),
  amount: repeat ? { per: 'streak', days, points, repeat } : { per: 'streak', days, points }
})

/**
 * A group cap over several rules.
 *
 * @category constructors
 * @example
 * capGroup('av', ['audio', 'video'], [{ per: 'day', max: 12 }]) // => { id: 'av', rules: ['audio', 'video'], caps: [{ per: 'day', max: 12 }] }
 */
export const capGroup = (id: string, rules: ReadonlyArray<string>, caps: ReadonlyArray<Cap>): GroupSpec => ({ id, rules, caps })

/**
 * An account, with a floor of 0 unless given (`null` = no floor).
 *
 * @category constructors
 * @example
 * account('moral', { floor: null }) // => { id: 'moral', floor: null }
 */
export const account = (id: string, options: { readonly label?: Text; readonly floor?: number | null } = {}): AccountSpec => ({ id, ...options })

/**
 * A rule set from accounts, rules and optional group caps.
 *
 * @category constructors
 * @example
 * ruleSet([account('study')], [perAction('login', 'login', 1)]).zone // => 'Asia/Shanghai'
 */
export const ruleSet = (
  accounts: ReadonlyArray<AccountSpec>,
  rules: ReadonlyArray<RuleSpec>,
  groups: ReadonlyArray<GroupSpec> = [],
  zone = 'Asia/Shanghai'
): RuleSetSpec => ({ zone, accounts, rules, groups })

// -------------------------------------------------------------------------------------
// combinators (data-last, for pipe)
// -------------------------------------------------------------------------------------

/**
 * Cap a rule's points per period (several caps may apply; the tightest cuts).
 *
 * @category combinators
 * @example
 * pipe(perAction('article', 'article.read', 1), capPer('day', 6)).caps // => [{ per: 'day', max: 6 }]
 */
export const capPer =
  (per: CapPeriod, max: number) =>
  (r: RuleSpec): RuleSpec => ({ ...r, caps: [...(r.caps ?? []), { per, max }] })

/**
 * Only events meeting a condition score.
 *
 * @category combinators
 * @example
 * pipe(fromScore('daily-quiz', 'quiz.completed', 'correct', 1), when(attrIs('mode', 'eq', 'daily'))).when
 * // => { attr: 'mode', op: 'eq', value: 'daily' }
 */
export const when =
  (c: Condition) =>
  (r: RuleSpec): RuleSpec => ({ ...r, when: r.when === undefined ? c : { all: [r.when, c] } })

/**
 * A minimum effective threshold on a numeric attribute (a read counts after 30 s).
 *
 * @category combinators
 * @example
 * pipe(perAction('article', 'article.read', 1), atLeast('seconds', 30)).atLeast // => { attr: 'seconds', value: 30 }
 */
export const atLeast =
  (attr: string, value: number) =>
  (r: RuleSpec): RuleSpec => ({ ...r, atLeast: { attr, value } })

/**
 * A text attribute must be longer than `chars` characters (comments).
 *
 * @category combinators
 * @example
 * pipe(perAction('comment', 'comment.posted', 1), longerThan('text', 5)).longerThan // => { attr: 'text', chars: 5 }
 */
export const longerThan =
  (attr: string, chars: number) =>
  (r: RuleSpec): RuleSpec => ({ ...r, longerThan: { attr, chars } })

/**
 * Only events inside these local time-of-day windows score.
 *
 * @category combinators
 * @example
 * pipe(perAction('morning', 'login', 1), duringHours([{ from: '06:00', to: '08:30' }])).hours?.length // => 1
 */
export const duringHours =
  (hours: ReadonlyArray<Hours>) =>
  (r: RuleSpec): RuleSpec => ({ ...r, hours })

/**
 * A one-time rule: only the first qualifying event ever scores.
 *
 * @category combinators
 * @example
 * once(perAction('welcome', 'login', 10)).once // => true
 */
export const once = (r: RuleSpec): RuleSpec => ({ ...r, once: true })

/**
 * Count each content once, ever (the same article read twice scores once).
 *
 * @category combinators
 * @example
 * pipe(perAction('article', 'article.read', 1), perContent('content')).perContent // => 'content'
 */
export const perContent =
  (attr: string) =>
  (r: RuleSpec): RuleSpec => ({ ...r, perContent: attr })

/**
 * Only the first `count` qualifying events per period score (the first two contest matches a day).
 *
 * @category combinators
 * @example
 * pipe(perAction('match', 'contest.match', 3), firstN(2, 'day')).firstN // => { count: 2, per: 'day' }
 */
export const firstN =
  (count: number, per: CapPeriod = 'day') =>
  (r: RuleSpec): RuleSpec => ({ ...r, firstN: { count, per } })

/**
 * Only the first qualifying event of the day scores.
 *
 * @category combinators
 * @example
 * firstOfDay(perAction('early-bird', 'login', 1)).firstN // => { count: 1, per: 'day' }
 */
export const firstOfDay = (r: RuleSpec): RuleSpec => firstN(1, 'day')(r)

/**
 * Multiply points inside local time-of-day windows (early study-app rules doubled 06:00-08:30, ...).
 *
 * @category combinators
 * @example
 * pipe(perAction('article', 'article.read', 1), hoursBonus([{ from: '06:00', to: '08:30' }], 2)).bonuses
 * // => [{ multiply: 2, hours: [{ from: '06:00', to: '08:30' }] }]
 */
export const hoursBonus =
  (hours: ReadonlyArray<Hours>, multiply: number) =>
  (r: RuleSpec): RuleSpec => ({ ...r, bonuses: [...(r.bonuses ?? []), { multiply, hours }] })

/**
 * A campaign multiplier for local dates `[from, to)`.
 *
 * @category combinators
 * @example
 * pipe(perAction('article', 'article.read', 1), campaign('2021-07-01', '2021-07-08', 2)).bonuses
 * // => [{ multiply: 2, from: '2021-07-01', to: '2021-07-08' }]
 */
export const campaign =
  (from: string, to: string, multiply: number) =>
  (r: RuleSpec): RuleSpec => ({ ...r, bonuses: [...(r.bonuses ?? []), { multiply, from, to }] })

/**
 * Accumulate a `unit` rule's measure over a period (default: the local day)
 * and award per completed unit of the total, instead of per event: the same
 * rule as `perAccumulated`. Rules of other amounts are returned unchanged.
 *
 * @category combinators
 * @example
 * pipe(perUnit('read-time', 'article.read', 'seconds', 60, 1), accumulate('day')).amount
 * // => { per: 'accumulated', attr: 'seconds', unit: 60, points: 1, period: 'day' }
 */
export const accumulate =
  (period: CapPeriod = 'day') =>
  (r: RuleSpec): RuleSpec =>
    r.amount.per === 'unit' ? { ...r, amount: { per: 'accumulated', attr: r.amount.attr, unit: r.amount.unit, points: r.amount.points, period } } : r

/**
 * Credit another account.
 *
 * @category combinators
 * @example
 * inAccount('moral')(perAction('deed', 'deed.approved', 5)).account // => 'moral'
 */
export const inAccount =
  (accountId: string) =>
  (r: RuleSpec): RuleSpec => ({ ...r, account: accountId })

/**
 * Give a rule a label in both languages.
 *
 * @category combinators
 * @example
 * labelled({ en: 'Login', zh: '登录' })(perAction('login', 'login', 1)).label?.zh // => '登录'
 */
export const labelled =
  (label: Text) =>
  (r: RuleSpec): RuleSpec => ({ ...r, label })
