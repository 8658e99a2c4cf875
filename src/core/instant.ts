/**
 * Instants: points on the time line as epoch milliseconds, parsed only from
 * ISO 8601 text that carries an offset or `Z` (a local time is ambiguous) or
 * from epoch milliseconds. Civil-date arithmetic lives here too.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { at, problem, text, type PathSegment, type Problem } from './errors.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

declare const InstantBrand: unique symbol

/**
 * Milliseconds since 1970-01-01T00:00:00Z, within years 0001 to 9999.
 *
 * @category model
 */
export type Instant = number & { readonly [InstantBrand]: 'Instant' }

/**
 * A calendar date without a time zone.
 *
 * @category model
 */
export interface LocalDate {
  readonly year: number
  readonly month: number
  readonly day: number
}

/**
 * Earliest instant accepted: 0001-01-01T00:00:00Z.
 *
 * @category model
 */
export const MIN_INSTANT = -62135596800000 as Instant
/**
 * Latest instant accepted: 9999-12-31T23:59:59.999Z.
 *
 * @category model
 */
export const MAX_INSTANT = 253402300799999 as Instant

/** Milliseconds in a day of 24 hours. @category model */
export const MS_PER_DAY = 86_400_000

// -------------------------------------------------------------------------------------
// civil dates (proleptic Gregorian; after H. Hinnant's algorithms)
// -------------------------------------------------------------------------------------

/**
 * Days since 1970-01-01 of a civil date.
 *
 * @category utilities
 * @example
 * daysFromCivil(1970, 1, 2) // => 1
 */
export const daysFromCivil = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/**
 * The civil date of a day number (days since 1970-01-01).
 *
 * @category utilities
 * @example
 * civilFromDays(0) // => { year: 1970, month: 1, day: 1 }
 */
export const civilFromDays = (days: number): LocalDate => {
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day }
}

/**
 * Days in a month of a year.
 *
 * @category utilities
 * @example
 * daysInMonth(2024, 2) // => 29
 */
export const daysInMonth = (year: number, month: number): number =>
  month === 2 ? ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31

const pad = (n: number, width: number): string => String(n).padStart(width, '0')

/**
 * Format a civil date as `YYYY-MM-DD`.
 *
 * @category utilities
 * @example
 * formatLocalDate({ year: 2021, month: 7, day: 1 }) // => '2021-07-01'
 */
export const formatLocalDate = (d: LocalDate): string => `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * Parse `YYYY-MM-DD` into a day number, or say why not.
 *
 * @category constructors
 * @example
 * parseLocalDate('1970-01-02') // => right(1)
 */
export const parseLocalDate = (s: unknown, path: ReadonlyArray<PathSegment> = []): E.Either<Problem, number> => {
  const expected = text('a date YYYY-MM-DD', '日期 YYYY-MM-DD')
  if (typeof s !== 'string') return E.left(problem('type', at(path), expected, s))
  const m = DATE_RE.exec(s)
  if (m === null) return E.left(problem('format', at(path), expected, s))
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return E.left(problem('range', at(path), expected, s))
  return E.right(daysFromCivil(y, mo, d))
}

// -------------------------------------------------------------------------------------
// instants
// -------------------------------------------------------------------------------------

const INSTANT_TEXT = text(
  'an ISO 8601 instant with an offset, such as 2021-07-01T08:30:00+08:00, or epoch milliseconds',
  '带时区偏移的 ISO 8601 时刻（如 2021-07-01T08:30:00+08:00）或纪元毫秒数'
)

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/

const HEAD_RE = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}/
const OFFSET_TEXT = text(
  'an offset such as +08:00, -05:00 or Z right after the time',
  '时间后紧跟时区偏移，如 +08:00、-05:00 或 Z'
)
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

// Why a civil date and time does not exist, in words, or undefined if it does.
const dateTimeProblem = (year: number, month: number, day: number, hour: number, minute: number, second: number): ReturnType<typeof text> | undefined => {
  if (year < 1) return text('a year from 0001 to 9999', '0001 至 9999 年')
  if (month < 1 || month > 12) return text(`a month from 01 to 12 (not ${pad(month, 2)})`, `01 至 12 月（不是 ${pad(month, 2)}）`)
  const n = daysInMonth(year, month)
  if (day < 1 || day > n) {
    return text(
      `a date that exists: ${MONTHS[month - 1] ?? month} ${pad(year, 4)} has ${n} days`,
      `存在的日期：${pad(year, 4)} 年 ${month} 月有 ${n} 天`
    )
  }
  if (hour > 23 || minute > 59 || second > 59) return text('a time of day from 00:00:00 to 23:59:59', '00:00:00 至 23:59:59 之间的时间')
  return undefined
}

/**
 * True when a number is a valid instant (an integer in the accepted range).
 *
 * @category constructors
 * @example
 * isInstant(0) // => true
 * isInstant(0.5) // => false
 */
export const isInstant = (u: unknown): u is Instant =>
  typeof u === 'number' && Number.isInteger(u) && u >= MIN_INSTANT && u <= MAX_INSTANT

/**
 * Parse an ISO 8601 instant that carries `Z` or an offset. Digits beyond
 * milliseconds are truncated; a local time without an offset is an error.
 *
 * @category constructors
 * @example
 * parseInstant('2021-07-01T08:30:00+08:00') // => right(1625099400000)
 * E.isLeft(parseInstant('2021-07-01T08:30:00')) // => true (no offset: ambiguous)
 */
export const parseInstant = (s: unknown, path: ReadonlyArray<PathSegment> = []): E.Either<Problem, Instant> => {
  if (typeof s !== 'string') return E.left(problem('type', at(path), INSTANT_TEXT, s))
  const m = ISO_RE.exec(s)
  if (m === null) {
    // A date and time followed by something that is not an offset: say it is the offset.
    const head = HEAD_RE.exec(s)
    return E.left(problem('format', at(path), head === null ? INSTANT_TEXT : OFFSET_TEXT, s))
  }
  if (m[8] === undefined && m[9] === undefined) {
    return E.left(
      problem('format', at(path), text('an instant with an offset or Z (a local time is ambiguous)', '带时区偏移或 Z 的时刻（无偏移的本地时间有歧义）'), s)
    )
  }
  const year = Number(m[1])
  const month = Number(m[2])
  const day = Number(m[3])
  const hour = Number(m[4])
  const minute = Number(m[5])
  const second = m[6] === undefined ? 0 : Number(m[6])
  const ms = m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0').slice(0, 3))
  const offH = m[10] === undefined ? 0 : Number(m[10])
  const offM = m[11] === undefined ? 0 : Number(m[11])
  const bad = dateTimeProblem(year, month, day, hour, minute, second)
  if (bad !== undefined) return E.left(problem('range', at(path), bad, s))
  if (offH > 23 || offM > 59) return E.left(problem('range', at(path), text('an offset from -23:59 to +23:59', '-23:59 至 +23:59 之间的时区偏移'), s))
  const offset = (m[9] === '-' ? -1 : 1) * (offH * 60 + offM) * 60_000
  const t = daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + ms - offset
  return instantFromEpochMs(t, path)
}

/**
 * Make an instant from epoch milliseconds (an integer within years 0001-9999).
 *
 * @category constructors
 * @example
 * instantFromEpochMs(1625099400000) // => right(1625099400000)
 */
export const instantFromEpochMs = (n: unknown, path: ReadonlyArray<PathSegment> = []): E.Either<Problem, Instant> =>
  isInstant(n) ? E.right((n === 0 ? 0 : n) as Instant) : E.left(problem(typeof n === 'number' ? 'range' : 'type', at(path), INSTANT_TEXT, n))

/**
 * Read an instant from JSON input: ISO 8601 text with an offset, or epoch milliseconds.
 *
 * @category constructors
 * @example
 * instant('1970-01-01T00:00:01Z') // => right(1000)
 * instant(1000) // => right(1000)
 */
export const instant = (u: unknown, path: ReadonlyArray<PathSegment> = []): E.Either<Problem, Instant> =>
  typeof u === 'number' ? instantFromEpochMs(u, path) : parseInstant(u, path)

/**
 * Make an instant, throwing on bad input (for tests, examples and constants).
 *
 * @category constructors
 * @example
 * instantOrThrow('2021-07-01T00:00:00Z') // => 1625097600000
 */
export const instantOrThrow = (u: string | number): Instant => {
  const r = instant(u)
  if (E.isLeft(r)) throw new RangeError(`not an instant: ${String(u)}`)
  return r.right
}

/**
 * Format an instant as ISO 8601 in UTC (`Z`). See `Calendar.format` for a zone's local time.
 *
 * @category utilities
 * @example
 * formatInstantUtc(instantOrThrow(0)) // => '1970-01-01T00:00:00.000Z'
 */
export const formatInstantUtc = (t: Instant): string => formatWithOffset(t, 0)

/** @internal */
export const formatWithOffset = (t: number, offsetMs: number): string => {
  const local = t + offsetMs
  const days = Math.floor(local / MS_PER_DAY)
  const rem = local - days * MS_PER_DAY
  const d = civilFromDays(days)
  const h = Math.floor(rem / 3_600_000)
  const mi = Math.floor((rem % 3_600_000) / 60_000)
  const s = Math.floor((rem % 60_000) / 1000)
  const ms = rem % 1000
  const time = `${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}.${pad(ms, 3)}`
  if (offsetMs === 0) return `${formatLocalDate(d)}T${time}Z`
  const sign = offsetMs < 0 ? '-' : '+'
  const abs = Math.abs(offsetMs) / 1000
  const oh = Math.floor(abs / 3600)
  const om = Math.floor((abs % 3600) / 60)
  const os = abs % 60
  return `${formatLocalDate(d)}T${time}${sign}${pad(oh, 2)}:${pad(om, 2)}${os === 0 ? '' : `:${pad(os, 2)}`}`
}
