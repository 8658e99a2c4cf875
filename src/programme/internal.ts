// The whole module for the package's own modules (and its tests): public and engine internals.
// Users get src/programme/index.ts, the public part.
export * from './programme.js'
export * from './publish.js'
export * from './check.js'
export * from './run.js'
export * from './edit.js'
