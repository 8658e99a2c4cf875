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
  type AccountPolicy,
  type BankConfig,
  bankConfigFromRules,
  checkBankConfig,
  checkBankConfigOrThrow,
  type CheckedConfig,
  type ClaimProcess,
  type ClaimStage,
  decodeJsonBankConfig,
  type ShopItem
} from './config.js'
export {
  type Claim,
  type ClaimAction,
  type ClaimOutcome,
  type ClaimStatus,
  type ClaimStep,
  noticeEnd,
  stepClaim,
  submitClaim
} from './claims.js'
export {
  accountOf,
  type AccountState,
  allAccounts,
  allClaims,
  allOrders,
  bankBalance,
  bankFromJson,
  type BankJson,
  type BankState,
  bankStatement,
  bankToJson,
  claimOf,
  emptyBank,
  type ItemState,
  type Lot,
  orderOf,
  type Receipt,
  receiptOf,
  type ShopOrder,
  spendable,
  stockOf
} from './state.js'
export {
  type BankOp,
  opFingerprint,
  postEntry,
  sameOp
} from './ops.js'
export {
  applyOp,
  applyOps,
  applyOpTo,
  type BatchResult,
  expiryDue
} from './apply.js'
export {
  decodeBankOp,
  decodeBankOps,
  decodeBankOpsJsonl,
  decodeBankOpsJsonlFrom
} from './opcodec.js'
