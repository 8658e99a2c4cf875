/**
 * `moral-bank/ranking`: boards of members and organisation units by a metric
 * over a period within a scope, tie schemes, red/black lists, composite
 * comparisons, movement, live contest boards and shard merges.
 *
 * @module
 */
export * from './tie.js'
export * from './inputs.js'
export * from './board.js'
export * from './lists.js'
export * from './composite.js'
export * from './movement.js'
export * from './live.js'
export * from './merge.js'
export * from './codec.js'
