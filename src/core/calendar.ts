/**
 * Calendar periods in an IANA time zone: day, ISO week (Monday start), month,
 * quarter, half-year, year, custom `[from, to)` and all time. Offsets come
 * from `Intl` (no zone database of our own) and are cached per UTC day, so
 * the hot path of every event is a map lookup and some arithmetic.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { at, problem, text, type PathSegment, type Problem } from './errors.js'
import {
  MAX_INSTANT,
  MIN_INSTANT,
  MS_PER_DAY,
  civilFromDays,
  daysFromCivil,
  formatLocalDate,
  formatWithOffset,
  parseLocalDate,
  type Instant
} from './instant.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

declare const ZoneBrand: unique symbol

/**
 * An IANA time zone name that this runtime's `Intl` knows.
 *
 * @category model
 */
export type Zone = string & { readonly [ZoneBrand]: 'Zone' }

/**
 * The programme's default zone.
 *
 * @category model
 * @example
 * DEFAULT_ZONE // => 'Asia/Shanghai'
 */
export const DEFAULT_ZONE = 'Asia/Shanghai' as Zone

/**
 * The kinds of calendar period.
 *
 * @category model
 */
export type PeriodKind = 'day' | 'week' | 'month' | 'quarter' | 'half' | 'year' | 'custom' | 'all'

/**
 * The calendar periods with a key computed from an instant.
 *
 * @category model
 */
export type CalendarKind = Exclude<PeriodKind, 'custom' | 'all'>

/**
 * A period of time `[start, end)` in a zone, with its key:
 * `2021-07-01`, `2021-W26`, `2021-07`, `2021-Q3`, `2021-H2`, `2021`,
 * `2021-07-01/2021-08-01` (custom, local dates, end exclusive) or `all`.
 *
 * @category model
 */
export interface Period {
  readonly _tag: 'Period'
  readonly kind: PeriodKind
  readonly key: string
  readonly zone: Zone
  readonly start: Instant
  /** Exclusive. */
  readonly end: Instant
  /** First local day (days since 1970-01-01). */
  readonly firstDay: number
  /** Local day after the last one. */
  readonly endDay: number
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

const ZONE_TEXT = text('an IANA time zone such as Asia/Shanghai', 'IANA 时区名，如 Asia/Shanghai')

// Canonical names already resolved (bounded: names come from input).
const CANONICAL = new Map<string, string>()

/**
 * Check a time zone name against this runtime's `Intl` and give it in its
 * canonical spelling: a zone is never kept as written, so `asia/shanghai`,
 * `PRC` and `Asia/Chongqing` all read as `Asia/Shanghai`, and `Etc/UTC`,
 * `GMT` and `utc` as `UTC` (the name `Intl` resolves it to). Two parts of a
 * programme that name the same zone differently then agree.
 *
 * @category constructors
 * @example
 * zone('America/New_York') // => right('America/New_York')
 * zone('asia/shanghai') // => right('Asia/Shanghai')
 * zone('Etc/UTC') // => right('UTC')
 * E.isLeft(zone('Mars/Olympus')) // => true
 */
export const zone = (name: unknown, path: ReadonlyArray<PathSegment> = []): E.Either<Problem, Zone> => {
  if (typeof name !== 'string' || name.length === 0) return E.left(problem('type', at(path), ZONE_TEXT, name))
  const known = CANONICAL.get(name)
  if (known !== undefined) return E.right(known as Zone)
  try {
    const canonical = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone
    if (CANONICAL.size >= 1024) CANONICAL.clear()
    CANONICAL.set(name, canonical)
    return E.right(canonical as Zone)
  } catch {
    return E.left(problem('format', at(path), ZONE_TEXT, name))
  }
}

// -------------------------------------------------------------------------------------
// the calendar of one zone
// -------------------------------------------------------------------------------------

/**
 * Everything calendar-related for one zone, with its caches.
 *
 * @category model
 */
export interface Calendar {
  readonly zone: Zone
  /** Offset from UTC in milliseconds at an instant. */
  readonly offsetAt: (t: Instant) => number
  /** The local day of an instant, as days since 1970-01-01. */
  readonly dayNumber: (t: Instant) => number
  /** The first instant of a local day. */
  readonly startOfDay: (day: number) => Instant
  /** The key of the period of a kind that holds an instant. */
  readonly key: (kind: CalendarKind, t: Instant) => string
  /** The key of the period of a kind that holds a local day. */
  readonly keyOfDay: (kind: CalendarKind, day: number) => string
  /** The period of a kind that holds an instant. */
  readonly period: (kind: CalendarKind, t: Instant) => Period
  /** Local ISO 8601 text with the zone's offset. */
  readonly format: (t: Instant) => string
}

const MIN_DAY = Math.floor(MIN_INSTANT / MS_PER_DAY)
const MAX_DAY = Math.floor(MAX_INSTANT / MS_PER_DAY)

interface Bucket {
  readonly before: number
  readonly after: number
  /** First instant with the `after` offset; `Infinity` when the day has one offset. */
  readonly transition: number
}

const KINDS: ReadonlyArray<CalendarKind> = ['day', 'week', 'month', 'quarter', 'half', 'year']

/**
 * Make the calendar of a zone. Prefer `calendar(zone)`, which shares one per zone.
 *
 * @category constructors
 * @example
 * const cal = makeCalendar(DEFAULT_ZONE)
 * cal.key('day', instantOrThrow('2021-06-30T16:30:00Z')) // => '2021-07-01'
 */
export const makeCalendar = (z: Zone): Calendar => {
  const dtf = new Intl.DateTimeFormat('en-US', {
    timeZone: z,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric'
  })
  // The zone's offset at one instant, straight from Intl (slow; cached below).
  const rawOffset = (t: number): number => {
    const v = new Map<string, number>()
    for (const p of dtf.formatToParts(t)) v.set(p.type, Number(p.value))
    const part = (k: string): number => v.get(k) ?? 0
    const local = daysFromCivil(part('year'), part('month'), part('day')) * MS_PER_DAY + ((part('hour') * 60 + part('minute')) * 60 + part('second')) * 1000
    return local - (t - (((t % 1000) + 1000) % 1000))
  }

  const buckets = new Map<number, Bucket>()
  const bucketOf = (b: number): Bucket => {
    const hit = buckets.get(b)
    if (hit !== undefined) return hit
    const lo = b * MS_PER_DAY
    const before = rawOffset(lo)
    const after = rawOffset(lo + MS_PER_DAY - 1)
    let transition = Infinity
    if (before !== after) {
      // First millisecond of the day with the `after` offset.
      let l = lo
      let r = lo + MS_PER_DAY - 1
      while (l < r) {
        const mid = Math.floor((l + r) / 2)
        if (rawOffset(mid) === after) r = mid
        else l = mid + 1
      }
      transition = l
    }
    const made: Bucket = { before, after, transition }
    buckets.set(b, made)
    return made
  }

  let lastB = NaN
  let lastBucket: Bucket = { before: 0, after: 0, transition: Infinity }
  const offsetAt = (t: number): number => {
    const b = Math.floor(t / MS_PER_DAY)
    if (b !== lastB) {
      lastBucket = bucketOf(b)
      lastB = b
    }
    return t < lastBucket.transition ? lastBucket.before : lastBucket.after
  }

  const dayNumber = (t: number): number => Math.floor((t + offsetAt(t)) / MS_PER_DAY)

  const startOfDay = (day: number): Instant => {
    // Earliest instant whose local time is at or after local midnight of `day`:
    // for each stretch of constant offset near that midnight, the first instant
    // in it that qualifies; the earliest of those wins (exact across DST gaps).
    const midnight = day * MS_PER_DAY
    const b0 = Math.floor((midnight - 30 * 3_600_000) / MS_PER_DAY)
    const b1 = Math.floor((midnight + 30 * 3_600_000) / MS_PER_DAY)
    let best = Infinity
    for (let b = b0; b <= b1; b++) {
      const { before, after, transition } = bucketOf(b)
      const lo = b * MS_PER_DAY
      const hi = lo + MS_PER_DAY
      const stretches: ReadonlyArray<readonly [number, number, number]> =
        transition === Infinity ? [[lo, hi, before]] : [[lo, transition, before], [transition, hi, after]]
      for (const [s, e, off] of stretches) {
        const t = Math.max(s, midnight - off)
        if (t < e && t < best) best = t
      }
    }
    return Math.min(Math.max(best, MIN_INSTANT), MAX_INSTANT + 1) as Instant
  }

  const caches = new Map<CalendarKind, Map<number, string>>(KINDS.map((k) => [k, new Map()]))
  const computeKey = (kind: CalendarKind, day: number): string => {
    if (kind === 'week') {
      const { year, week } = isoWeek(day)
      return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`
    }
    const d = civilFromDays(day)
    const y = String(d.year).padStart(4, '0')
    switch (kind) {
      case 'day':
        return formatLocalDate(d)
      case 'month':
        return `${y}-${String(d.month).padStart(2, '0')}`
      case 'quarter':
        return `${y}-Q${Math.ceil(d.month / 3)}`
      case 'half':
        return `${y}-H${d.month <= 6 ? 1 : 2}`
      case 'year':
        return y
    }
  }
  const keyOfDay = (kind: CalendarKind, day: number): string => {
    const cache = caches.get(kind) as Map<number, string>
    let k = cache.get(day)
    if (k === undefined) {
      k = computeKey(kind, day)
      cache.set(day, k)
    }
    return k
  }

  const periodOfDays = (kind: PeriodKind, key: string, firstDay: number, endDay: number): Period => ({
    _tag: 'Period',
    kind,
    key,
    zone: z,
    start: startOfDay(firstDay),
    end: startOfDay(endDay),
    firstDay,
    endDay
  })

  return {
    zone: z,
    offsetAt,
    dayNumber,
    startOfDay,
    keyOfDay,
    key: (kind, t) => keyOfDay(kind, dayNumber(t)),
    period: (kind, t) => {
      const day = dayNumber(t)
      const [first, end] = daysOfKind(kind, day)
      return periodOfDays(kind, keyOfDay(kind, day), first, end)
    },
    format: (t) => formatWithOffset(t, offsetAt(t))
  }
}

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

/**
 * The weekday of a day number, Monday = 0 … Sunday = 6.
 *
 * @category utilities
 * @example
 * weekdayOf(0) // => 3 (1970-01-01 was a Thursday)
 */
export const weekdayOf = (day: number): number => (((day + 3) % 7) + 7) % 7

// First day and the day after the last of the period of a kind that holds a day.
const daysOfKind = (kind: CalendarKind, day: number): readonly [number, number] => {
  if (kind === 'day') return [day, day + 1]
  if (kind === 'week') {
    const monday = day - weekdayOf(day)
    return [monday, monday + 7]
  }
  const { year, month } = civilFromDays(day)
  const span = kind === 'month' ? 1 : kind === 'quarter' ? 3 : kind === 'half' ? 6 : 12
  const firstMonth = Math.floor((month - 1) / span) * span + 1
  const nextMonth = firstMonth + span
  return [daysFromCivil(year, firstMonth, 1), nextMonth > 12 ? daysFromCivil(year + 1, nextMonth - 12, 1) : daysFromCivil(year, nextMonth, 1)]
}

const shared = new Map<string, Calendar>()

/**
 * The calendar of a zone, shared per zone so its caches are built once.
 *
 * @category constructors
 * @example
 * calendar(DEFAULT_ZONE).key('week', instantOrThrow('2021-07-01T00:00:00+08:00')) // => '2021-W26'
 */
export const calendar = (z: Zone = DEFAULT_ZONE): Calendar => {
  let c = shared.get(z)
  if (c === undefined) {
    c = makeCalendar(z)
    shared.set(z, c)
  }
  return c
}

// -------------------------------------------------------------------------------------
// periods
// -------------------------------------------------------------------------------------

const KEY_TEXT = text(
  'a period key: YYYY-MM-DD, YYYY-Www, YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY, YYYY-MM-DD/YYYY-MM-DD or all',
  '周期键：YYYY-MM-DD、YYYY-Www、YYYY-MM、YYYY-Qn、YYYY-Hn、YYYY、YYYY-MM-DD/YYYY-MM-DD 或 all'
)

/**
 * The period of a kind that holds an instant.
 *
 * @category constructors
 * @example
 * periodOf('month', instantOrThrow('2021-07-15T12:00:00+08:00')).key // => '2021-07'
 */
export const periodOf = (kind: CalendarKind, t: Instant, z: Zone = DEFAULT_ZONE): Period => calendar(z).period(kind, t)

/**
 * A custom period of local days `[from, to)`, for example a campaign.
 *
 * @category constructors
 * @example
 * E.map((p: Period) => p.key)(customPeriod('2021-07-01', '2021-08-01')) // => right('2021-07-01/2021-08-01')
 */
export const customPeriod = (
  from: string,
  to: string,
  z: Zone = DEFAULT_ZONE,
  path: ReadonlyArray<PathSegment> = []
): E.Either<Problem, Period> => {
  const a = parseLocalDate(from, [...path, 'from'])
  if (E.isLeft(a)) return a
  const b = parseLocalDate(to, [...path, 'to'])
  if (E.isLeft(b)) return b
  if (b.right <= a.right) {
    return E.left(problem('range', at([...path, 'to']), text(`a date after ${from}`, `晚于 ${from} 的日期`), to))
  }
  const cal = calendar(z)
  return E.right({
    _tag: 'Period',
    kind: 'custom',
    key: `${from}/${to}`,
    zone: z,
    start: cal.startOfDay(a.right),
    end: cal.startOfDay(b.right),
    firstDay: a.right,
    endDay: b.right
  })
}

/**
 * All time, as a period.
 *
 * @category constructors
 * @example
 * allTime().key // => 'all'
 */
export const allTime = (z: Zone = DEFAULT_ZONE): Period => ({
  _tag: 'Period',
  kind: 'all',
  key: 'all',
  zone: z,
  start: MIN_INSTANT,
  end: (MAX_INSTANT + 1) as Instant,
  firstDay: MIN_DAY,
  endDay: MAX_DAY + 1
})

const KEY_RE = /^(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|W(\d{2})|Q([1-4])|H([12])))?$/

/**
 * Read a period back from its key (the inverse of `Period.key`).
 *
 * @category constructors
 * @example
 * E.map((p: Period) => p.kind)(parsePeriodKey('2021-Q3')) // => right('quarter')
 * E.isLeft(parsePeriodKey('2021-W54')) // => true
 */
export const parsePeriodKey = (key: unknown, z: Zone = DEFAULT_ZONE, path: ReadonlyArray<PathSegment> = []): E.Either<Problem, Period> => {
  if (typeof key !== 'string') return E.left(problem('type', at(path), KEY_TEXT, key))
  if (key === 'all') return E.right(allTime(z))
  const slash = key.indexOf('/')
  if (slash >= 0) {
    const r = customPeriod(key.slice(0, slash), key.slice(slash + 1), z, path)
    return E.isLeft(r) ? E.left({ ...r.left, at: at(path), expected: KEY_TEXT }) : r
  }
  const m = KEY_RE.exec(key)
  const bad = E.left(problem(m === null ? 'format' : 'range', at(path), KEY_TEXT, key))
  if (m === null) return bad
  const year = Number(m[1])
  if (year < 1) return bad
  const cal = calendar(z)
  let kind: CalendarKind
  let day: number
  if (m[3] !== undefined) {
    const d = parseLocalDate(key)
    if (E.isLeft(d)) return bad
    kind = 'day'
    day = d.right
  } else if (m[2] !== undefined) {
    const month = Number(m[2])
    if (month < 1 || month > 12) return bad
    kind = 'month'
    day = daysFromCivil(year, month, 1)
  } else if (m[4] !== undefined) {
    const week = Number(m[4])
    const jan4 = daysFromCivil(year, 1, 4)
    day = jan4 - weekdayOf(jan4) + (week - 1) * 7
    if (week < 1 || isoWeek(day).year !== year) return bad
    kind = 'week'
  } else if (m[5] !== undefined) {
    kind = 'quarter'
    day = daysFromCivil(year, (Number(m[5]) - 1) * 3 + 1, 1)
  } else if (m[6] !== undefined) {
    kind = 'half'
    day = daysFromCivil(year, m[6] === '1' ? 1 : 7, 1)
  } else {
    kind = 'year'
    day = daysFromCivil(year, 1, 1)
  }
  const [first, end] = daysOfKind(kind, day)
  return E.right({
    _tag: 'Period',
    kind,
    key,
    zone: z,
    start: cal.startOfDay(first),
    end: cal.startOfDay(end),
    firstDay: first,
    endDay: end
  })
}

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/**
 * The local days of a period, as `YYYY-MM-DD` keys, in order (all time has
 * about 3.65 million: list bounded periods).
 *
 * @category utilities
 * @example
 * periodDays(periodOf('week', instantOrThrow('2021-07-01T00:00:00+08:00')))
 * // => ['2021-06-28', '2021-06-29', '2021-06-30', '2021-07-01', '2021-07-02', '2021-07-03', '2021-07-04']
 */
export const periodDays = (p: Period): ReadonlyArray<string> => {
  const cal = calendar(p.zone)
  const out: Array<string> = []
  for (let d = p.firstDay; d < p.endDay; d++) out.push(cal.keyOfDay('day', d))
  return out
}

/**
 * True when an instant lies in a period.
 *
 * @category utilities
 * @example
 * const july = periodOf('month', instantOrThrow('2021-07-15T00:00:00+08:00'))
 * inPeriod(july)(instantOrThrow('2021-06-30T16:00:00Z')) // => true (midnight in Shanghai)
 */
export const inPeriod =
  (p: Period) =>
  (t: Instant): boolean =>
    t >= p.start && t < p.end
