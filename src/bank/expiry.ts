/**
 * Expiry: the one place that says when points expire and in which order an
 * account's lots of points are spent and expired. The bank's rule is
 * `OLDEST_FIRST`: points earned at `t` expire at the start of the local day
 * `expiryMonths` calendar months later, and every debit (a redemption, a
 * deduction, a confirmed order, an expiry) takes the oldest lots first.
 *
 * The steps never say "oldest": lots.ts keeps each account's lots in the
 * policy's order (`rank`) and takes them in that order; the steps ask the
 * policy when a new lot expires (`expires`) and what an expiry's reversal gives
 * back (`restored`). Switching the bank to another rule (say a per-lot rule,
 * soonest-expiring first) is a change to `EXPIRY` below, in this file; a store
 * can also be built with another policy (`emptyStore`'s last argument), which
 * is how test/bank/issue-19-expiry-policy.test-prop.ts checks that the laws
 * hold under a different one.
 *
 * @module
 * @internal
 */
import { civilFromDays, daysFromCivil, daysInMonth, type Calendar, calendar, type Instant } from '../core/internal.js'
import type { CheckedConfig } from './config.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** A lot that never expires has `expires` Infinity in the store's columns (`null` when read). */
export const NEVER = Infinity

/**
 * What a policy may use to date a lot: the bank's calendar, and a memo it may
 * keep (the store's, by a key of the policy's choosing).
 *
 * @category model
 */
export interface ExpiryContext {
  readonly cal: Calendar
  readonly expiries: Map<number, Instant>
}

/**
 * An expiry policy: when each lot expires, and in which order lots are held
 * and taken (by debits and by expiry alike).
 *
 * @category model
 */
export interface ExpiryPolicy {
  readonly name: string
  /**
   * When a lot expires: `points` earned at `at` in an account whose points
   * expire `months` months after they are earned (`undefined`: never); an
   * instant, or `NEVER`.
   */
  readonly expires: (ctx: ExpiryContext, months: number | undefined, at: Instant, points: number) => number
  /**
   * A lot's place in its account: lots are held, and taken, lowest rank first;
   * of equal ranks, the lot held longer first.
   */
  readonly rank: (at: number, expires: number) => number
  /** The expiry of a lot an expiry took, when the expiry is reversed and the lot given back. */
  readonly restored: (expires: number) => number
}

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/**
 * Whether a lot expiring at `expires` is due at `now`.
 *
 * @category utilities
 */
export const isDue = (expires: number, now: number): boolean => expires <= now

/**
 * The start of the local day `months` calendar months after the local day of
 * `t` (the day clamped to the month's end), on a calendar.
 *
 * @category utilities
 */
export const monthsLater = (cal: Calendar, t: Instant, months: number): Instant => {
  const d = civilFromDays(cal.dayNumber(t))
  const m0 = d.month - 1 + months
  const year = d.year + Math.floor(m0 / 12)
  const month = (m0 % 12) + 1
  return cal.startOfDay(daysFromCivil(year, month, Math.min(d.day, daysInMonth(year, month))))
}

/**
 * When points earned at `t` expire under the bank's rule: the start of the
 * local day `months` calendar months later (the day clamped to the month's end).
 *
 * @category utilities
 * @example
 * expiryOf(instantOrThrow('2021-01-31T10:00:00+08:00'), 1, DEFAULT_ZONE) // => the instant of 2021-02-28T00:00:00+08:00
 */
export const expiryOf = (t: Instant, months: number, zone: CheckedConfig['zone']): Instant => monthsLater(calendar(zone), t, months)

/**
 * `monthsLater`, memoised per local day and number of months in the context's memo.
 *
 * @category utilities
 */
export const monthsLaterMemo = (ctx: ExpiryContext, t: Instant, months: number): Instant => {
  const k = ctx.cal.dayNumber(t) * 1024 + months
  let x = ctx.expiries.get(k)
  if (x === undefined) {
    x = monthsLater(ctx.cal, t, months)
    ctx.expiries.set(k, x)
  }
  return x
}

// -------------------------------------------------------------------------------------
// instances
// -------------------------------------------------------------------------------------

/**
 * Oldest first: every lot of an account expires `expiryMonths` after it was
 * earned; lots are spent and expired oldest first (earned earlier, taken
 * earlier); an expiry's reversal gives its lots back never to expire (the
 * correction says they were kept).
 *
 * @category instances
 */
export const OLDEST_FIRST: ExpiryPolicy = {
  name: 'oldest first',
  expires: (ctx, months, at) => (months === undefined ? NEVER : monthsLaterMemo(ctx, at, months)),
  rank: (at) => at,
  restored: () => NEVER
}

/**
 * The bank's expiry policy.
 *
 * @category instances
 */
export const EXPIRY: ExpiryPolicy = OLDEST_FIRST
