// Issue 19: the calendar periods are one table (src/core/periods.ts). Its rows obey the laws every period
// kind must (a day lies in its period, the id is constant exactly over the period's days, the key reads
// back to the same period) and agree with the code they replaced, kept here as the oracle.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import {
  CALENDAR_KINDS,
  CALENDAR_PERIODS,
  COUNTING_KINDS,
  civilFromDays,
  daysFromCivil,
  formatLocalDate,
  isoWeek,
  kindsInWords,
  parsePeriodKey,
  weekdayOf,
  type CalendarKind
} from '../../src/core/internal.js'
import { periodId } from '../../src/rules/internal.js'

// The replaced code (rules/engine.ts `periodId` with its `default:` meaning month-or-longer, and
// core/calendar.ts `computeKey` / `daysOfKind`), as it was before issue 19.
const oldPeriodId = (per: CalendarKind | 'all', day: number): number => {
  switch (per) {
    case 'day':
      return day
    case 'week':
      return Math.floor((day + 3) / 7)
    case 'all':
      return 0
    default: {
      const { year, month } = civilFromDays(day)
      const span = per === 'month' ? 1 : per === 'quarter' ? 3 : per === 'half' ? 6 : 12
      return year * 12 + Math.floor((month - 1) / span)
    }
  }
}
const oldKey = (kind: CalendarKind, day: number): string => {
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
const oldDays = (kind: CalendarKind, day: number): readonly [number, number] => {
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

const day = fc.integer({ min: daysFromCivil(1, 1, 10), max: daysFromCivil(9999, 12, 20) })
const kind = fc.constantFrom(...CALENDAR_KINDS)

describe('the table of periods (issue 19)', () => {
  it('lists every kind once, in order, with all time last among the counting kinds', () => {
    expect(CALENDAR_KINDS).toEqual(['day', 'week', 'month', 'quarter', 'half', 'year'])
    expect(COUNTING_KINDS).toEqual([...CALENDAR_KINDS, 'all'])
    expect(kindsInWords(CALENDAR_KINDS)).toEqual({ en: 'day, week, month, quarter, half and year', zh: '日、周、月、季、半年、年' })
  })

  it('a day lies in its period, and the id is the same exactly on the period\'s days', () => {
    fc.assert(
      fc.property(kind, day, (k, d) => {
        const row = CALENDAR_PERIODS[k]
        const [first, end] = row.days(d)
        expect(first <= d && d < end).toBe(true)
        expect(row.id(first)).toBe(row.id(d))
        expect(row.id(end - 1)).toBe(row.id(d))
        expect(row.id(first - 1)).not.toBe(row.id(d))
        expect(row.id(end)).not.toBe(row.id(d))
        expect(row.key(first)).toBe(row.key(d))
      }),
      { numRuns: 3000 }
    )
  })

  it('a key reads back as the same period, of its kind, and matches its own shape only', () => {
    fc.assert(
      fc.property(kind, day, (k, d) => {
        const row = CALENDAR_PERIODS[k]
        const key = row.key(d)
        const p = parsePeriodKey(key)
        expect(E.isRight(p) && [p.right.kind, p.right.firstDay, p.right.endDay]).toEqual([k, ...row.days(d)])
        for (const other of CALENDAR_KINDS) expect(CALENDAR_PERIODS[other].keyShape.test(key)).toBe(other === k)
      }),
      { numRuns: 3000 }
    )
  })

  it('agrees with the code it replaced: ids, keys and days', () => {
    fc.assert(
      fc.property(fc.constantFrom(...COUNTING_KINDS), day, (k, d) => {
        expect(periodId(k, d)).toBe(oldPeriodId(k, d))
        if (k === 'all') return
        expect(CALENDAR_PERIODS[k].key(d)).toBe(oldKey(k, d))
        expect(CALENDAR_PERIODS[k].days(d)).toEqual(oldDays(k, d))
      }),
      { numRuns: 5000 }
    )
  })

  it('keys that name no period are out of range, other text is not a key', () => {
    for (const key of ['2021-W54', '2021-13', '2021-02-30', '0000', '0000-Q1']) {
      const p = parsePeriodKey(key)
      expect(E.isLeft(p) && p.left.code).toBe('range')
    }
    for (const key of ['2021-Q5', '2021-H3', '21', '2021-W1', 'week']) {
      const p = parsePeriodKey(key)
      expect(E.isLeft(p) && p.left.code).toBe('format')
    }
  })
})
