/**
 * moral-bank: gamified study programmes and Moral Bank (道德银行) points as
 * pure, deterministic TypeScript. Each module is also a subpath export
 * (`moral-bank/core`, ...).
 *
 * @module
 */
export * from './core/index.js'
