/**
 * `moral-bank/ledger`: the ledger fold over activity events (ordered,
 * idempotent, late-event safe, mergeable), its entries, and statements,
 * daily progress and balance explanations.
 *
 * @module
 */
export * from './entry.js'
export * from './fold.js'
export * from './statement.js'
