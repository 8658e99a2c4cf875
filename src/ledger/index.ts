/**
 * `moral-bank/ledger`: the ledger fold over activity events (ordered,
 * idempotent, late-event safe, mergeable), its entries, and statements,
 * daily progress and balance explanations.
 *
 * @module
 */
export type {
  Conflict,
  Entry,
  EntryKind,
  Skip
} from './entry.js'
export {
  allEntries,
  allSkips,
  appendEvents,
  balanceOf,
  balanceOfOrThrow,
  emptyLedger,
  foldLedger,
  getLedgerMonoid,
  mergeLedgers
} from './fold.js'
export type {
  Ledger,
  LedgerOptions,
  SubjectLedger
} from './fold.js'
export { decodeLedgerSnapshot, ledgerSnapshot } from './snapshot.js'
export type { LedgerSnapshot, SubjectSnapshot } from './snapshot.js'
export {
  dailyProgress,
  explainBalance,
  explainBalanceOrThrow,
  statement,
  statementOf,
  statementOrThrow
} from './statement.js'
export type {
  DailyProgress,
  Movements,
  ProgressLine,
  Statement,
  StatementDay
} from './statement.js'
