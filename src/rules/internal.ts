// The whole module for the package's own modules (and its tests): public and engine internals.
// Users get src/rules/index.ts, the public part.
export * from './event.js'
export * from './condition.js'
export * from './rule.js'
export * from './codec.js'
export * from './compile.js'
export * from './account.js'
export * from './engine.js'
export type { Interner } from './intern.js'
export { interner } from './intern.js'
export * from './preset.js'
