import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import {
  allTime,
  calendar,
  customPeriod,
  daysFromCivil,
  DEFAULT_ZONE,
  inPeriod,
  instantOrThrow,
  isoWeek,
  makeCalendar,
  parsePeriodKey,
  periodDays,
  periodOf,
  zone,
  type Period,
  type Zone
} from '../../src/core/internal.js'

const Z = (name: string): Zone => {
  const r = zone(name)
  if (E.isLeft(r)) throw new Error(name)
  return r.right
}
const HOUR = 3_600_000
const dayLength = (z: Zone, y: number, m: number, d: number): number => {
  const cal = calendar(z)
  const n = daysFromCivil(y, m, d)
  return (cal.startOfDay(n + 1) - cal.startOfDay(n)) / HOUR
}

describe('zone', () => {
  it('accepts IANA names and refuses unknown ones', () => {
    expect(E.isRight(zone('Asia/Shanghai'))).toBe(true)
    expect(E.isLeft(zone('Mars/Olympus'))).toBe(true)
    expect(E.isLeft(zone(''))).toBe(true)
    expect(E.isLeft(zone(8))).toBe(true)
  })
})

describe('calendar keys', () => {
  it('puts 16:30 UTC on the next day in Asia/Shanghai', () => {
    const t = instantOrThrow('2021-06-30T16:30:00Z')
    expect(calendar().key('day', t)).toBe('2021-07-01')
    expect(calendar(Z('UTC')).key('day', t)).toBe('2021-06-30')
  })
  it('gives every kind of key', () => {
    const t = instantOrThrow('2021-07-01T10:00:00+08:00')
    const cal = calendar(DEFAULT_ZONE)
    expect(['day', 'week', 'month', 'quarter', 'half', 'year'].map((k) => cal.key(k as 'day', t))).toEqual([
      '2021-07-01',
      '2021-W26',
      '2021-07',
      '2021-Q3',
      '2021-H2',
      '2021'
    ])
  })
  it('numbers ISO weeks across year ends', () => {
    expect(isoWeek(daysFromCivil(2021, 1, 3))).toEqual({ year: 2020, week: 53 })
    expect(isoWeek(daysFromCivil(2021, 1, 4))).toEqual({ year: 2021, week: 1 })
    expect(isoWeek(daysFromCivil(2024, 12, 30))).toEqual({ year: 2025, week: 1 })
    expect(isoWeek(daysFromCivil(2026, 12, 31))).toEqual({ year: 2026, week: 53 })
  })
  it('formats local time with the zone offset', () => {
    const t = instantOrThrow('2021-07-01T00:30:00Z')
    expect(calendar().format(t)).toBe('2021-07-01T08:30:00.000+08:00')
    expect(calendar(Z('Asia/Kathmandu')).format(t)).toBe('2021-07-01T06:15:00.000+05:45')
    expect(calendar(Z('America/St_Johns')).format(t)).toBe('2021-06-30T22:00:00.000-02:30')
  })
})

describe('daylight saving', () => {
  const ny = Z('America/New_York')
  it('has a 23-hour and a 25-hour day in New York in 2026', () => {
    expect(dayLength(ny, 2026, 3, 8)).toBe(23)
    expect(dayLength(ny, 2026, 11, 1)).toBe(25)
    expect(dayLength(ny, 2026, 7, 1)).toBe(24)
    expect(calendar(ny).startOfDay(daysFromCivil(2026, 3, 8))).toBe(instantOrThrow('2026-03-08T05:00:00Z'))
    expect(calendar(ny).startOfDay(daysFromCivil(2026, 3, 9))).toBe(instantOrThrow('2026-03-09T04:00:00Z'))
  })
  it('keys the instants around a transition by their local day', () => {
    const cal = calendar(ny)
    expect(cal.key('day', instantOrThrow('2026-11-02T04:59:59.999Z'))).toBe('2026-11-01')
    expect(cal.key('day', instantOrThrow('2026-11-02T05:00:00Z'))).toBe('2026-11-02')
    expect(cal.format(instantOrThrow('2026-03-08T07:00:00Z'))).toBe('2026-03-08T03:00:00.000-04:00')
    expect(cal.format(instantOrThrow('2026-03-08T06:59:59.999Z'))).toBe('2026-03-08T01:59:59.999-05:00')
  })
  it('starts a day at 01:00 where midnight did not exist (São Paulo, 2018)', () => {
    const sp = calendar(Z('America/Sao_Paulo'))
    const start = sp.startOfDay(daysFromCivil(2018, 11, 4))
    expect(start).toBe(instantOrThrow('2018-11-04T03:00:00Z'))
    expect(sp.format(start)).toBe('2018-11-04T01:00:00.000-02:00')
    expect(sp.key('day', (start - 1) as typeof start)).toBe('2018-11-03')
  })
  it('handles half-hour daylight saving (Lord Howe)', () => {
    expect(dayLength(Z('Australia/Lord_Howe'), 2026, 4, 5)).toBe(24.5)
  })
  it('gives a month period in New York the right length across DST', () => {
    const march = periodOf('month', instantOrThrow('2026-03-15T12:00:00Z'), ny)
    expect((march.end - march.start) / HOUR).toBe(31 * 24 - 1)
  })
})

describe('periods', () => {
  it('contains the instant it was made from', () => {
    const t = instantOrThrow('2021-07-01T00:00:00+08:00')
    for (const k of ['day', 'week', 'month', 'quarter', 'half', 'year'] as const) {
      const p = periodOf(k, t)
      expect(inPeriod(p)(t)).toBe(true)
      expect(inPeriod(p)((p.start - 1) as typeof t)).toBe(false)
      expect(inPeriod(p)(p.end)).toBe(false)
    }
  })
  it('lists its days', () => {
    expect(periodDays(periodOf('week', instantOrThrow('2021-07-01T00:00:00+08:00')))).toEqual([
      '2021-06-28',
      '2021-06-29',
      '2021-06-30',
      '2021-07-01',
      '2021-07-02',
      '2021-07-03',
      '2021-07-04'
    ])
    expect(periodDays(periodOf('year', instantOrThrow('2024-05-01T00:00:00Z')))).toHaveLength(366)
    expect(periodDays(periodOf('quarter', instantOrThrow('2021-02-01T00:00:00Z')))).toHaveLength(90)
  })
  it('makes custom periods of local days and refuses backwards ones', () => {
    const r = customPeriod('2021-07-01', '2021-08-01')
    expect(E.isRight(r) && r.right.start).toBe(instantOrThrow('2021-07-01T00:00:00+08:00'))
    expect(E.isRight(r) && periodDays(r.right).length).toBe(31)
    const back = customPeriod('2021-08-01', '2021-07-01', DEFAULT_ZONE, ['period'])
    expect(E.isLeft(back) && back.left.at).toEqual({ _tag: 'JsonPath', segments: ['period', 'to'] })
    expect(E.isLeft(customPeriod('2021-07-01', '2021-07-01'))).toBe(true)
    expect(E.isLeft(customPeriod('2021-07-01', 'soon'))).toBe(true)
  })
  it('reads every key back into the same period', () => {
    const t = instantOrThrow('2026-11-01T12:00:00-05:00')
    const ny = Z('America/New_York')
    for (const k of ['day', 'week', 'month', 'quarter', 'half', 'year'] as const) {
      const p = periodOf(k, t, ny)
      expect(parsePeriodKey(p.key, ny)).toEqual(E.right(p))
    }
    expect(parsePeriodKey('all')).toEqual(E.right(allTime()))
    const c = parsePeriodKey('2021-07-01/2021-08-01')
    expect(E.isRight(c) && c.right.kind).toBe('custom')
  })
  it('refuses keys that name no period', () => {
    for (const bad of ['2021-W54', '2021-W00', '2020-W54', '2021-13', '2021-Q5', '2021-H3', '2021-02-30', '21', 'weekly', '0000', '2021-08-01/2021-07-01']) {
      expect(E.isLeft(parsePeriodKey(bad)), bad).toBe(true)
    }
    expect(E.isRight(parsePeriodKey('2020-W53'))).toBe(true)
    expect(E.isLeft(parsePeriodKey(2021))).toBe(true)
  })
  it('keeps one calendar per zone and a fresh one on request', () => {
    expect(calendar(DEFAULT_ZONE)).toBe(calendar(DEFAULT_ZONE))
    const fresh = makeCalendar(DEFAULT_ZONE)
    expect(fresh).not.toBe(calendar(DEFAULT_ZONE))
    const p: Period = fresh.period('day', instantOrThrow('2021-07-01T00:00:00Z'))
    expect(p).toEqual(calendar().period('day', instantOrThrow('2021-07-01T00:00:00Z')))
  })
})
