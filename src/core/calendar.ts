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
  daysFromCivil,
  formatWithOffset,
  parseLocalDate,
  type Instant
} from './instant.js'
import { CALENDAR_KINDS, CALENDAR_PERIODS, isoWeek, weekdayOf, type CalendarKind } from './periods.js'

export { isoWeek, weekdayOf, type CalendarKind }

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
 * The kinds of calendar period: the calendar kinds (`CalendarKind`, one row
 * each in periods.ts), a custom `[from, to)` and all time.
 *
 * @category model
 */
export type PeriodKind = CalendarKind | 'custom' | 'all'

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

  const caches = new Map<CalendarKind, Map<number, string>>(CALENDAR_KINDS.map((k) => [k, new Map()]))
  const keyOfDay = (kind: CalendarKind, day: number): string => {
    const cache = caches.get(kind) as Map<number, string>
    let k = cache.get(day)
    if (k === undefined) {
      k = CALENDAR_PERIODS[kind].key(day)
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
      const [first, end] = CALENDAR_PERIODS[kind].days(day)
      return periodOfDays(kind, keyOfDay(kind, day), first, end)
    },
    format: (t) => formatWithOffset(t, offsetAt(t))
  }
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

const KEY_PATTERNS = CALENDAR_KINDS.map((k) => CALENDAR_PERIODS[k].keyPattern)
const KEY_TEXT = text(
  `a period key: ${KEY_PATTERNS.join(', ')}, YYYY-MM-DD/YYYY-MM-DD or all`,
  `周期键：${KEY_PATTERNS.join('、')}、YYYY-MM-DD/YYYY-MM-DD 或 all`
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
  // The one calendar kind whose key shape this is (the shapes are disjoint), and a day in the period it names.
  for (const kind of CALENDAR_KINDS) {
    const row = CALENDAR_PERIODS[kind]
    const m = row.keyShape.exec(key)
    if (m === null) continue
    const day = Number(m[1]) < 1 ? undefined : row.dayOfKey(m, key)
    if (day === undefined) return E.left(problem('range', at(path), KEY_TEXT, key))
    const cal = calendar(z)
    const [first, end] = row.days(day)
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
  return E.left(problem('format', at(path), KEY_TEXT, key))
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
