/**
 * `moral-bank/quiz`: question banks, blueprints and seeded paper assembly,
 * public views without the key, rounds as plain data with pure transitions,
 * exact scoring, the `quiz.completed` ledger event and the wrong-answer notebook.
 *
 * @module
 */
export * from './question.js'
export * from './validate.js'
export * from './bank.js'
export * as rationals from './rational.js'
export type { Rational } from './rational.js'
export * from './normalise.js'
export * from './weights.js'
export * from './blueprint.js'
export * from './paper.js'
export * from './assemble.js'
export * from './response.js'
export * from './grade.js'
export * from './round.js'
export * from './stored.js'
export * from './result.js'
export * from './review.js'
