/**
 * What rankings read, defined by shape so a ledger's entries, activity events
 * and a host's own tables fit without an adapter.
 *
 * @module
 */
import { type OrgTree } from '../core/internal.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A ledger entry as rankings read it: `subject` is a member id, `at` epoch
 * milliseconds, `granted` integer points (negative for deductions).
 *
 * @category model
 * @example
 * const e: EntryLike = { subject: 'm1', account: 'study', at: 1625097600000, granted: 5, eventType: 'article.read' }
 */
export interface EntryLike {
  readonly subject: string
  readonly account: string
  readonly at: number
  readonly granted: number
  readonly eventType: string
}

/**
 * An activity event as rankings read it (`quiz.completed` events carry
 * `score`, `maxScore`, `correct`, `total` and `accuracy` in `attrs`).
 *
 * @category model
 * @example
 * const q: EventLike = { id: 'e1', type: 'quiz.completed', member: 'm1', at: 1625097600000, attrs: { correct: 8, total: 10 } }
 */
export interface EventLike {
  readonly id: string
  readonly type: string
  readonly member: string
  readonly at: number
  readonly attrs?: Readonly<Record<string, number | string | boolean>>
}

/**
 * Host-supplied metrics: metric name → subject (member or unit id) → value.
 *
 * @category model
 * @example
 * const h: HostMetrics = { xuexi: { m1: 12034, m2: 9876 } }
 */
export type HostMetrics = Readonly<Record<string, Readonly<Record<string, number>>>>

/**
 * Everything a board is computed from.
 *
 * @category model
 * @example
 * computeBoard(spec)({ org, entries: ledgerEntries, events, host: { xuexi: { m1: 12034 } } })
 */
export interface BoardInputs {
  readonly org: OrgTree
  readonly entries?: ReadonlyArray<EntryLike>
  readonly events?: ReadonlyArray<EventLike>
  readonly host?: HostMetrics
  /**
   * The accounts the entries' rules define (`boardInputsFromLedger` fills it in). When given, a
   * `points` or `aboveDailyMin` metric on any other account is a problem at `$.metric.account`
   * rather than a board of zeros.
   */
  readonly accounts?: ReadonlyArray<string>
}

/**
 * A ledger as rankings read it (by shape: `moral-bank/ledger`'s `Ledger` fits):
 * its rules' accounts and each subject's entries.
 *
 * @category model
 * @example
 * const l: LedgerLike = foldLedger(rules)(events)
 */
export interface LedgerLike {
  readonly rules: { readonly accounts: ReadonlyArray<{ readonly id: string }> }
  readonly subjects: ReadonlyMap<string, { readonly entries: ReadonlyArray<EntryLike> }>
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Board inputs from a ledger: every entry (subjects in key order) and the
 * accounts its rules define, so a board on an account the rules do not have
 * is an error value, plus any events and host tables.
 *
 * @category constructors
 * @example
 * const r = computeBoard({ subjects: 'members', metric: { kind: 'points', account: 'studdy' }, period: allTime() })(boardInputsFromLedger(book, org))
 * E.isLeft(r) // => true: $.metric.account: expected one of the accounts of the rules study, got "studdy"
 */
export const boardInputsFromLedger = (
  ledger: LedgerLike,
  org: OrgTree,
  more: { readonly events?: ReadonlyArray<EventLike>; readonly host?: HostMetrics } = {}
): BoardInputs => {
  const entries: Array<EntryLike> = []
  for (const k of [...ledger.subjects.keys()].sort()) for (const e of ledger.subjects.get(k)?.entries ?? []) entries.push(e)
  return { org, entries, accounts: ledger.rules.accounts.map((a) => a.id), ...more }
}
