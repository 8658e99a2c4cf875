/**
 * `moral-bank/bank`: the Moral Bank (道德银行) on top of the ledger: the
 * redemption shop (爱心超市) with two-phase orders, redemption with balance
 * floors, expiry of the oldest points first, reversals that keep the audit
 * trail, idempotency by request id, and claims passing configurable review
 * stages; all pure functions over plain, serialisable state.
 *
 * @module
 */
export * from './config.js'
export * from './claims.js'
export * from './state.js'
export * from './ops.js'
export * from './apply.js'
export * from './opcodec.js'
