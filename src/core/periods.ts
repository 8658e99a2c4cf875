/**
 * The calendar periods, one row each: what a period is called, how its key is
 * written and read back, which days it holds and the number that identifies
 * it. Everything else derives from this table: the calendar's keys and
 * periods (calendar.ts), the rule engine's caps and first-N limits
 * (`periodId`), the rules' and awards' codecs, and `moral-bank period`.
 * Adding a period kind is adding it to `CalendarKind` and giving it a row
 * here: the table's type names every kind, so a kind without a row does not
 * compile, and there is no `default:` anywhere that quietly means "year".
 *
 * @internal
 * @module
 */
import { text, type Text } from './errors.js'
import { civilFromDays, daysFromCivil, formatLocalDate, parseLocalDate } from './instant.js'
import * as E from 'fp-ts/lib/Either.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The calendar periods with a key computed from an instant: day, ISO week
 * (Monday start), month, quarter, half-year and year.
 *
 * @category model
 */
export type CalendarKind = 'day' | 'week' | 'month' | 'quarter' | 'half' | 'year'

/**
 * The periods a cap, a first-N limit or an accumulated amount counts over:
 * the calendar periods and all time (`all`, lifetime).
 *
 * @internal
 */
export type CountingKind = CalendarKind | 'all'

/**
 * One kind of calendar period, as the rest of the package uses it.
 *
 * @internal
 */
export interface CalendarPeriod {
  /** Its name in a sentence ('quarter', '季'). */
  readonly label: Text
  /** How its key is written, for messages (`YYYY-Qn`). */
  readonly keyPattern: string
  /** A number identifying the period that holds a local day: equal numbers, same period (of this kind). */
  readonly id: (day: number) => number
  /** The first local day of the period that holds a day, and the day after its last. */
  readonly days: (day: number) => readonly [number, number]
  /** The key of the period that holds a local day. */
  readonly key: (day: number) => string
  /** The shape of its keys; every kind's shape is disjoint from the others'. */
  readonly keyShape: RegExp
  /** A local day in the period a key of this shape names (group 1 is the year, already checked ≥ 1), or `undefined` if it names none (`2021-W54`). */
  readonly dayOfKey: (m: RegExpExecArray, key: string) => number | undefined
}

/**
 * A table with one row per period kind of a union: a kind without a row is a compile error.
 *
 * @internal
 */
export type PeriodTable<K extends string> = { readonly [P in K]: CalendarPeriod }

// -------------------------------------------------------------------------------------
// the rows
// -------------------------------------------------------------------------------------

/**
 * The weekday of a day number, Monday = 0 … Sunday = 6.
 *
 * @category utilities
 * @example
 * weekdayOf(0) // => 3 (1970-01-01 was a Thursday)
 */
export const weekdayOf = (day: number): number => (((day + 3) % 7) + 7) % 7

/**
 * The ISO 8601 week-numbering year and week of a day number.
 *
 * @category utilities
 * @example
 * isoWeek(daysFromCivil(2021, 1, 3)) // => { year: 2020, week: 53 }
 */
export const isoWeek = (day: number): { readonly year: number; readonly week: number } => {
  const weekday = weekdayOf(day) // Monday = 0
  const thursday = day - weekday + 3
  const year = civilFromDays(thursday).year
  return { year, week: Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1 }
}

const year4 = (y: number): string => String(y).padStart(4, '0')

// A period of `span` months aligned on the year (month, quarter, half, year): `tag` writes the key's suffix.
const months = (span: number, label: Text, keyPattern: string, keyShape: RegExp, tag: (month: number) => string, month: (m: RegExpExecArray) => number | undefined): CalendarPeriod => ({
  label,
  keyPattern,
  id: (day) => {
    const d = civilFromDays(day)
    return d.year * 12 + Math.floor((d.month - 1) / span)
  },
  days: (day) => {
    const { year, month: m } = civilFromDays(day)
    const first = Math.floor((m - 1) / span) * span + 1
    const next = first + span
    return [daysFromCivil(year, first, 1), next > 12 ? daysFromCivil(year + 1, next - 12, 1) : daysFromCivil(year, next, 1)]
  },
  key: (day) => {
    const d = civilFromDays(day)
    return year4(d.year) + tag(d.month)
  },
  keyShape,
  dayOfKey: (m) => {
    const first = month(m)
    return first === undefined ? undefined : daysFromCivil(Number(m[1]), first, 1)
  }
})

/**
 * The calendar periods, one row per kind (in order, shortest first).
 *
 * @internal
 */
export const CALENDAR_PERIODS: PeriodTable<CalendarKind> = {
  day: {
    label: text('day', '日'),
    keyPattern: 'YYYY-MM-DD',
    id: (day) => day,
    days: (day) => [day, day + 1],
    key: (day) => formatLocalDate(civilFromDays(day)),
    keyShape: /^(\d{4})-(\d{2})-(\d{2})$/,
    dayOfKey: (_, key) => {
      const d = parseLocalDate(key)
      return E.isLeft(d) ? undefined : d.right
    }
  },
  week: {
    label: text('week', '周'),
    keyPattern: 'YYYY-Www',
    // Monday-start weeks: day 4 (1970-01-05) is a Monday.
    id: (day) => Math.floor((day + 3) / 7),
    days: (day) => {
      const monday = day - weekdayOf(day)
      return [monday, monday + 7]
    },
    key: (day) => {
      const { year, week } = isoWeek(day)
      return `${year4(year)}-W${String(week).padStart(2, '0')}`
    },
    keyShape: /^(\d{4})-W(\d{2})$/,
    dayOfKey: (m) => {
      const year = Number(m[1])
      const week = Number(m[2])
      const jan4 = daysFromCivil(year, 1, 4)
      const day = jan4 - weekdayOf(jan4) + (week - 1) * 7
      return week < 1 || isoWeek(day).year !== year ? undefined : day
    }
  },
  month: months(1, text('month', '月'), 'YYYY-MM', /^(\d{4})-(\d{2})$/, (mo) => `-${String(mo).padStart(2, '0')}`, (m) => {
    const mo = Number(m[2])
    return mo < 1 || mo > 12 ? undefined : mo
  }),
  quarter: months(3, text('quarter', '季'), 'YYYY-Qn', /^(\d{4})-Q([1-4])$/, (mo) => `-Q${Math.ceil(mo / 3)}`, (m) => (Number(m[2]) - 1) * 3 + 1),
  half: months(6, text('half', '半年'), 'YYYY-Hn', /^(\d{4})-H([12])$/, (mo) => `-H${mo <= 6 ? 1 : 2}`, (m) => (m[2] === '1' ? 1 : 7)),
  year: months(12, text('year', '年'), 'YYYY', /^(\d{4})$/, () => '', () => 1)
}

/**
 * The calendar period kinds, in the table's order.
 *
 * @internal
 */
export const CALENDAR_KINDS: ReadonlyArray<CalendarKind> = Object.keys(CALENDAR_PERIODS) as ReadonlyArray<CalendarKind>

/**
 * The kinds a cap or limit counts over: the calendar kinds, then `all`.
 *
 * @internal
 */
export const COUNTING_KINDS: ReadonlyArray<CountingKind> = [...CALENDAR_KINDS, 'all']

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/**
 * A number identifying the period of a kind that holds a local day (equal
 * numbers, same period); all time is one period.
 *
 * @internal
 * @example
 * countingPeriodId('week', 4) === countingPeriodId('week', 10) // => true
 */
export const countingPeriodId = (per: CountingKind, day: number): number => (per === 'all' ? 0 : CALENDAR_PERIODS[per].id(day))

/**
 * A list of kinds as words, `a, b and c` / `a、b 和 c`, for messages and help.
 *
 * @internal
 * @example
 * kindsInWords(['day', 'week', 'month']).en // => 'day, week and month'
 */
export const kindsInWords = (kinds: ReadonlyArray<CalendarKind>): Text => {
  const en = kinds.map((k) => CALENDAR_PERIODS[k].label.en)
  const zh = kinds.map((k) => CALENDAR_PERIODS[k].label.zh)
  const last = (xs: ReadonlyArray<string>, sep: string, and: string): string =>
    xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(sep)}${and}${xs[xs.length - 1] as string}`
  return text(last(en, ', ', ' and '), last(zh, '、', '、'))
}
