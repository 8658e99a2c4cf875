/**
 * `moral-bank/bank`: the Moral Bank (道德银行) on top of the ledger: the
 * redemption shop (爱心超市) with two-phase orders, redemption with balance
 * floors, expiry of the oldest points first, reversals that keep the audit
 * trail, idempotency by request id, and claims passing configurable review
 * stages; all pure functions over plain, serialisable state.
 *
 * @module
 */
export {
  bankConfigFromRules,
  checkBankConfig,
  checkBankConfigOrThrow,
  decodeJsonBankConfig
} from './config.js'
export type {
  AccountPolicy,
  BankConfig,
  CheckedConfig,
  ClaimProcess,
  ClaimStage,
  ShopItem
} from './config.js'
export {
  noticeEnd,
  stepClaim,
  submitClaim
} from './claims.js'
export type {
  Claim,
  ClaimAction,
  ClaimOutcome,
  ClaimStatus,
  ClaimStep
} from './claims.js'
export {
  accountOf,
  allAccounts,
  allClaims,
  allOrders,
  bankBalance,
  bankFromJson,
  bankStatement,
  bankToJson,
  claimOf,
  emptyBank,
  orderOf,
  receiptOf,
  spendable,
  stockOf
} from './views.js'
export type {
  AccountState,
  BankJson,
  BankState,
  ItemState,
  Lot,
  Receipt,
  ShopOrder
} from './model.js'
export {
  opFingerprint,
  postEntry,
  sameOp
} from './ops.js'
export type {
  BankOp
} from './ops.js'
export {
  applyOp,
  applyOps,
  applyOpTo,
  expiryDue
} from './apply.js'
export type {
  BatchResult
} from './apply.js'
export {
  bankSnapshot,
  decodeBankSnapshot,
  restoreBank
} from './snapshot.js'
export type {
  BankSnapshot,
  SnapshotAccount
} from './snapshot.js'
export {
  decodeBankOp,
  decodeBankOps,
  decodeBankOpsJsonl,
  decodeBankOpsJsonlFrom
} from './opcodec.js'
