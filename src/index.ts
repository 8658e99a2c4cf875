/**
 * moral-bank: gamified study programmes and Moral Bank (道德银行) points as
 * pure, deterministic TypeScript. Each module is also a subpath export
 * (`moral-bank/core`, ...).
 *
 * @module
 */
export * from './core/index.js'
export * from './quiz/index.js'
export * from './formats/index.js'
export * from './ranking/index.js'
export * from './rules/index.js'
export * from './ledger/index.js'
export * from './awards/index.js'
export * from './bank/index.js'
export * from './program/index.js'
