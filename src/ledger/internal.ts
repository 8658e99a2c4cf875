// The whole module for the package's own modules (and its tests): public and engine internals.
// Users get src/ledger/index.ts, the public part.
export * from './entry.js'
export * from './fold.js'
export * from './statement.js'
export * from './snapshot.js'
