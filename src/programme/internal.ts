// The whole module for the package's own modules (and its tests): public and engine internals.
// Users get src/program/index.ts, the public part.
export * from './programme.js'
export * from './edit.js'
