/**
 * `moral-bank/rules`: activity events and their decoding, point rules as
 * data and functions (per action, per unit, from a score, streaks, caps,
 * bonuses, conditions, one-time, per-content, first N), their JSON codecs,
 * the rule engine, and the "daily study" preset.
 *
 * @module
 */
export * from './event.js'
export * from './condition.js'
export * from './rule.js'
export * from './codec.js'
export * from './compile.js'
export * from './account.js'
export * from './engine.js'
export type { Interner } from './intern.js'
export * from './preset.js'
