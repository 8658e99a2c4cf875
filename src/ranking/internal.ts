// The whole module for the package's own modules (and its tests): public and engine internals.
// Users get src/ranking/index.ts, the public part.
export * from './tie.js'
export * from './inputs.js'
export * from './board.js'
export * from './lists.js'
export * from './composite.js'
export * from './movement.js'
export * from './live.js'
export * from './merge.js'
export * from './codec.js'
