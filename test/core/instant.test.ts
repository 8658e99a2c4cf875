import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import {
  civilFromDays,
  daysFromCivil,
  formatInstantUtc,
  instant,
  instantOrThrow,
  parseInstant,
  parseLocalDate,
  MAX_INSTANT,
  MIN_INSTANT
} from '../../src/core/internal.js'

const ok = (s: string): number => {
  const r = parseInstant(s)
  if (E.isLeft(r)) throw new Error(`expected ${s} to parse`)
  return r.right
}

describe('parseInstant', () => {
  it('reads Z and every offset form to the same instant', () => {
    const t = Date.UTC(2021, 6, 1, 0, 30)
    expect(ok('2021-07-01T00:30:00Z')).toBe(t)
    expect(ok('2021-07-01T08:30:00+08:00')).toBe(t)
    expect(ok('2021-07-01T08:30+0800')).toBe(t)
    expect(ok('2021-07-01T08:30:00.000+08')).toBe(t)
    expect(ok('2021-06-30T19:30:00-05:00')).toBe(t)
    expect(ok('2021-07-01 00:30:00z')).toBe(t)
  })
  it('keeps milliseconds and truncates finer digits', () => {
    expect(ok('1970-01-01T00:00:00.1Z')).toBe(100)
    expect(ok('1970-01-01T00:00:00.123456789Z')).toBe(123)
  })
  it('refuses a local time without an offset: it is ambiguous', () => {
    const r = parseInstant('2021-07-01T08:30:00', ['events', 0, 'at'])
    expect(E.isLeft(r)).toBe(true)
    if (E.isLeft(r)) {
      expect(r.left.expected.en).toContain('offset')
      expect(r.left.at).toEqual({ _tag: 'JsonPath', segments: ['events', 0, 'at'] })
    }
  })
  it('refuses impossible dates and times', () => {
    for (const s of ['2021-02-29T00:00:00Z', '2021-13-01T00:00:00Z', '2021-04-31T00:00:00Z', '2021-01-01T24:00:00Z', '2021-01-01T00:60:00Z', '2021-01-01T00:00:60Z', '0000-01-01T00:00:00Z', '2021-01-01T00:00:00+24:00']) {
      expect(E.isLeft(parseInstant(s))).toBe(true)
    }
    expect(ok('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29))
  })
  it('refuses non-strings and garbage', () => {
    expect(E.isLeft(parseInstant(12))).toBe(true)
    expect(E.isLeft(parseInstant('yesterday'))).toBe(true)
    expect(E.isLeft(parseInstant(''))).toBe(true)
  })
})

describe('instant', () => {
  it('reads epoch milliseconds within years 0001-9999', () => {
    expect(instant(0)).toEqual(E.right(0))
    expect(instant(MIN_INSTANT)).toEqual(E.right(MIN_INSTANT))
    expect(instant(MAX_INSTANT)).toEqual(E.right(MAX_INSTANT))
    expect(E.isLeft(instant(MAX_INSTANT + 1))).toBe(true)
    expect(E.isLeft(instant(1.5))).toBe(true)
    expect(E.isLeft(instant(NaN))).toBe(true)
    expect(E.isLeft(instant(null))).toBe(true)
  })
  it('agrees with Date for the edges of the range', () => {
    expect(formatInstantUtc(MIN_INSTANT)).toBe('0001-01-01T00:00:00.000Z')
    expect(formatInstantUtc(MAX_INSTANT)).toBe('9999-12-31T23:59:59.999Z')
    expect(new Date(MAX_INSTANT).toISOString()).toBe('9999-12-31T23:59:59.999Z')
    expect(instantOrThrow('9999-12-31T23:59:59.999Z')).toBe(MAX_INSTANT)
  })
})

describe('civil dates', () => {
  it('round-trips day numbers and agrees with Date.UTC', () => {
    for (const [y, m, d] of [[1970, 1, 1], [2000, 2, 29], [1900, 3, 1], [1, 1, 1], [9999, 12, 31], [2021, 7, 1]] as const) {
      const n = daysFromCivil(y, m, d)
      expect(civilFromDays(n)).toEqual({ year: y, month: m, day: d })
      if (y >= 100) expect(n * 86_400_000).toBe(Date.UTC(y, m - 1, d))
    }
  })
  it('parses YYYY-MM-DD strictly', () => {
    expect(parseLocalDate('2021-07-01')).toEqual(E.right(daysFromCivil(2021, 7, 1)))
    expect(E.isLeft(parseLocalDate('2021-7-1'))).toBe(true)
    expect(E.isLeft(parseLocalDate('2021-02-30'))).toBe(true)
    expect(E.isLeft(parseLocalDate(20210701))).toBe(true)
  })
})
