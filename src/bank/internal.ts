// The whole module for the package's own modules (and its tests): public and engine internals.
// Users get src/bank/index.ts, the public part.
export * from './config.js'
export * from './claims.js'
export * from './model.js'
export * from './views.js'
export * from './ops.js'
export * from './apply.js'
export * from './opcodec.js'
export * from './snapshot.js'
