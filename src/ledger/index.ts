/**
 * `moral-bank/ledger`: the ledger fold over activity events (ordered,
 * idempotent, late-event safe, mergeable), its entries, and statements,
 * daily progress and balance explanations.
 *
 * @module
 */
export {
  type Conflict,
  type Entry,
  type EntryKind,
  type Skip
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
  type Ledger,
  type LedgerOptions,
  mergeLedgers,
  type SubjectLedger
} from './fold.js'
export {
  dailyProgress,
  type DailyProgress,
  explainBalance,
  explainBalanceOrThrow,
  type Movements,
  type ProgressLine,
  statement,
  type Statement,
  type StatementDay,
  statementOf,
  statementOrThrow
} from './statement.js'
