/**
 * Movement against the previous period: up 3, down 2, same, new, dropped out.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { at, calendar, customPeriod, periodOf, problem, text, type Instant, type Period, type Problem } from '../core/internal.js'
import { type Ranking } from './tie.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * How a subject moved: `by` is the number of places (positive), 0 for `same` and `new`.
 *
 * @category model
 * @example
 * const m: Move = { subject: 'm2', rank: 1, previousRank: 4, change: 'up', by: 3 }
 */
export interface Move {
  readonly subject: string
  readonly rank: number
  readonly previousRank?: number
  readonly change: 'up' | 'down' | 'same' | 'new'
  readonly by: number
}

/**
 * A subject on the previous board that is not on the current one.
 *
 * @category model
 * @example
 * const d: Dropped = { subject: 'm9', previousRank: 7 }
 */
export interface Dropped {
  readonly subject: string
  readonly previousRank: number
}

/**
 * Every current subject's move, in current rank order, and who dropped out.
 *
 * @category model
 * @example
 * movement(lastMonth)(thisMonth).dropped // => [{ subject: 'm9', previousRank: 7 }]
 */
export interface Movement {
  readonly moves: ReadonlyArray<Move>
  readonly dropped: ReadonlyArray<Dropped>
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Compare a ranking with the previous period's (ranks as each board reports them).
 *
 * @category constructors
 * @example
 * movement(lastMonth)(thisMonth).moves[0] // => { subject: 'm2', rank: 1, previousRank: 3, change: 'up', by: 2 }
 */
export const movement =
  (previous: Ranking) =>
  (current: Ranking): Movement => {
    const before = new Map(previous.rows.map((r) => [r.subject, r.rank]))
    const now = new Set(current.rows.map((r) => r.subject))
    const moves = current.rows.map((r): Move => {
      const p = before.get(r.subject)
      if (p === undefined) return { subject: r.subject, rank: r.rank, change: 'new', by: 0 }
      const change = r.rank < p ? 'up' : r.rank > p ? 'down' : 'same'
      return { subject: r.subject, rank: r.rank, previousRank: p, change, by: Math.abs(p - r.rank) }
    })
    const dropped = previous.rows.filter((r) => !now.has(r.subject)).map((r) => ({ subject: r.subject, previousRank: r.rank }))
    return { moves, dropped }
  }

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/**
 * The period just before one: the previous day, week, month, quarter, half or
 * year, or for a custom period the same number of days ending where it starts.
 * All time has no previous period.
 *
 * @category utilities
 * @example
 * E.map((p: Period) => p.key)(previousPeriod(periodOf('quarter', instantOrThrow('2021-07-15T00:00:00+08:00')))) // => right('2021-Q2')
 */
export const previousPeriod = (p: Period): E.Either<Problem, Period> => {
  if (p.kind === 'all') return E.left(problem('range', at(['period']), text('a bounded period', '有界周期'), p.key))
  if (p.kind === 'custom') {
    const cal = calendar(p.zone)
    const length = p.endDay - p.firstDay
    return customPeriod(cal.keyOfDay('day', p.firstDay - length), cal.keyOfDay('day', p.firstDay), p.zone, ['period'])
  }
  return E.right(periodOf(p.kind, (p.start - 1) as Instant, p.zone))
}
