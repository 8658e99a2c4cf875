// Issue 19: a new period kind or question type that is not handled everywhere is a compile error, never a
// silent default. The tables that must name every member (the periods of core, the fractions of quiz
// grading, the list of question types) are typed over their union, so the same tables over a union with
// one more member do not compile; `unhandled` ends a switch only where every member has its case.
import { describe, expectTypeOf, it } from 'vitest'
import { CALENDAR_PERIODS, unhandled, type CalendarKind, type CalendarPeriod, type CountingKind, type PeriodKind, type PeriodTable } from '../../src/core/internal.js'
import type { CapPeriod } from '../../src/rules/internal.js'
import { FRACTIONS } from '../../src/quiz/grade.js'
import type { Question, QuestionType } from '../../src/quiz/internal.js'

describe('periods (issue 19)', () => {
  it('the table has a row for exactly the calendar kinds, and the other kinds derive from them', () => {
    expectTypeOf<keyof typeof CALENDAR_PERIODS>().toEqualTypeOf<CalendarKind>()
    expectTypeOf<CapPeriod>().toEqualTypeOf<CountingKind>()
    expectTypeOf<CapPeriod>().toEqualTypeOf<CalendarKind | 'all'>()
    expectTypeOf<PeriodKind>().toEqualTypeOf<CalendarKind | 'custom' | 'all'>()
  })
  it('a kind added to the union without its row does not compile', () => {
    // @ts-expect-error the table has no row for 'fortnight'
    const wider: PeriodTable<CalendarKind | 'fortnight'> = CALENDAR_PERIODS
    expectTypeOf(wider.day).toEqualTypeOf<CalendarPeriod>()
  })
})

describe('question types (issue 19)', () => {
  it('grading has a row for exactly the question types', () => {
    expectTypeOf<keyof typeof FRACTIONS>().toEqualTypeOf<QuestionType>()
    expectTypeOf<Question['type']>().toEqualTypeOf<QuestionType>()
  })
  it('a type added to the union without its grading row does not compile (it is never graded as pending by accident)', () => {
    // @ts-expect-error the table has no row for 'hotspot'
    const wider: { readonly [T in QuestionType | 'hotspot']: unknown } = FRACTIONS
    expectTypeOf(wider.essay).toBeUnknown()
  })
  it('a switch that leaves a member out cannot end in `unhandled`', () => {
    const complete = (k: CalendarKind): number => {
      switch (k) {
        case 'day':
        case 'week':
        case 'month':
        case 'quarter':
        case 'half':
        case 'year':
          return 1
        default:
          return unhandled(k, 0)
      }
    }
    const partial = (k: CalendarKind): number => {
      switch (k) {
        case 'day':
        case 'week':
          return 1
        default:
          // @ts-expect-error 'month', 'quarter', 'half' and 'year' have no case
          return unhandled(k, 0)
      }
    }
    expectTypeOf(complete).returns.toEqualTypeOf<number>()
    expectTypeOf(partial).returns.toEqualTypeOf<number>()
  })
})
