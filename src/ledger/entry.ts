/**
 * Ledger entries: immutable records of points granted (or taken) on an
 * account, each naming its event and rule, the points requested and granted,
 * and why a cap or floor cut them. Redemption, expiry and reversal entries
 * (the bank's own operations) use the same shape with their own kinds.
 *
 * @module
 */
import type { EventId, Instant, Points } from '../core/internal.js'
import type { AccountId, ActivityEvent, Cut, SkipReason, SubjectId } from '../rules/internal.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * What an entry does to a balance: `earn` (a rule credited), `deduct` (a
 * negative rule), `redeem`, `expire` and `reversal` (the bank's operations).
 *
 * @category model
 */
export type EntryKind = 'earn' | 'deduct' | 'redeem' | 'expire' | 'reversal'

/**
 * One ledger entry. `granted` is signed (negative for deductions, redemptions
 * and expiries); a balance is the sum of its entries' `granted`.
 *
 * @category model
 * @example
 * // { id: 'ev-1#article', kind: 'earn', subject: 'm-001', account: 'study', event: 'ev-1',
 * //   eventType: 'article.read', rule: 'article', at: 1625097600000, day: '2021-07-01',
 * //   requested: 1, granted: 0, cut: { _tag: 'Cap', scope: 'rule', per: 'day', period: '2021-07-01', max: 6 } }
 */
export interface Entry {
  /** `<event>#<rule>`: unique in a ledger. */
  readonly id: string
  readonly kind: EntryKind
  readonly subject: SubjectId
  readonly account: AccountId
  readonly event: EventId
  readonly eventType: string
  /** The rule (or, for the bank's operations, the operation) that made the entry. */
  readonly rule: string
  readonly at: Instant
  /** The local day in the programme's zone, `YYYY-MM-DD`. */
  readonly day: string
  readonly requested: Points
  readonly granted: Points
  /** Why `granted` differs from `requested`; absent when it does not. */
  readonly cut?: Cut
}

/**
 * Why an event earned no entry: one record per rule that declined it (or
 * one `no-rule` record when no rule listens to its type). Nothing is
 * dropped silently. An event that earned an entry from some rule is
 * explained by that entry; the rules that ignored it leave no record.
 *
 * @category model
 */
export interface Skip {
  readonly event: EventId
  readonly eventType: string
  readonly subject: SubjectId
  readonly at: Instant
  /** Absent for `no-rule`. */
  readonly rule?: string
  readonly reason: SkipReason
}

/**
 * Two events with the same id and different content: the one kept (the
 * smaller canonical content, so any arrival order keeps the same one) and
 * the one refused.
 *
 * @category model
 */
export interface Conflict {
  readonly id: EventId
  readonly kept: ActivityEvent
  readonly refused: ActivityEvent
}
