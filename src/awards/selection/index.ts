// The selection engine for the package's own modules (select.ts, run.ts, candidates.ts); not public.
export { selectPool } from './engine.js'
export { keysOf, numberDistinct, type Keys, type Pool, type PoolOptions, type Selected } from './pool.js'
export { MISSED, PENDING, REASONS, REASON_TEXT, WON, type SelectionReason } from './reasons.js'
