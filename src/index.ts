/**
 * moral-bank: gamified study programmes and Moral Bank (道德银行) points as
 * pure, deterministic TypeScript. The root holds one namespace per module;
 * each module is also a subpath export with the same names
 * (`import { foldLedger } from 'moral-bank/ledger'`), the smaller import for a bundle.
 *
 * @module
 * @example
 * import { core, rules, ledger } from 'moral-bank'
 * const book = ledger.foldLedger(rules.compileRuleSetOrThrow(rules.dailyStudy()))([])
 * ledger.balanceOfOrThrow(book, 'm-001') // => 0
 */
/** Ids, integer points, instants and calendar periods, seeded randomness, problems and decoding. */
export * as core from './core/index.js'
/** Question banks, papers, sealed rounds, grading and review (错题本). */
export * as quiz from './quiz/index.js'
/** GIFT and Aiken question files: import with problems at line and column, export. */
export * as formats from './formats/index.js'
/** Member and unit boards, red/black lists (红黑榜), composite comparisons (三比), live boards. */
export * as ranking from './ranking/index.js'
/** Activity events and point rules: combinators, JSON, presets, compilation. */
export * as rules from './rules/index.js'
/** The points ledger: folds, balances, statements, daily progress, merges. */
export * as ledger from './ledger/index.js'
/** Award categories (学习之星, 示范岗 …): criteria, selection, quotas, explanations, honor rolls. */
export * as awards from './awards/index.js'
/** The Moral Bank (道德银行): shop, redemption, expiry, reversals, claims, the operation log. */
export * as bank from './bank/index.js'
/** The programme file: one JSON for the whole scheme, checked before anything runs. */
export * as programme from './programme/index.js'
