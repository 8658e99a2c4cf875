/**
 * The bank's mutable columnar store, behind the immutable-looking `BankState`
 * (see version.ts), made of parts that each keep their own columns behind
 * named accessors: the accounts (accounts.ts), their lots (lots.ts), the
 * journal (journal.ts), the shop's items and orders (orders.ts), the request
 * log (requests.ts) and the last refusal's details (outcome.ts); claims, rare,
 * are kept as objects here.
 *
 * Why columns: a million operations must run in about a second, and an
 * object graph per operation (receipt, entry, lots, per-account copies) made
 * the garbage collector the main cost. Here an operation writes numbers into
 * arrays it owns; receipts, entries and accounts are built when read.
 *
 * Only the rules (step.ts and the step files) write a store, and only at its
 * head version: a `BankState` of an older version reads a replayed copy instead.
 *
 * @module
 * @internal
 */
import { calendar, type Calendar, type Instant } from '../core/internal.js'
import type { ActivityEvent } from '../rules/internal.js'
import { accountColumns, type Accounts } from './accounts.js'
import type { Claim, stepClaim } from './claims.js'
import type { CheckedConfig } from './config.js'
import { EXPIRY, type ExpiryPolicy } from './expiry.js'
import { journalColumns, type Journal } from './journal.js'
import { lotColumns, type Lots } from './lots.js'
import type { BankJson } from './model.js'
import { addItem, shopColumns, type Shop } from './orders.js'
import { refusalColumns, type Refusal } from './outcome.js'
import { requestColumns, type Requests } from './requests.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The store: its parts, and what is kept whole.
 *
 * @category model
 */
export interface Store extends Accounts, Lots, Journal, Shop, Requests, Refusal {
  readonly config: CheckedConfig
  readonly cal: Calendar
  /** What the store was built from (`undefined`: an empty bank); forks start from it again. */
  readonly base: BankJson | undefined
  // claims (rare: kept as objects)
  readonly claims: Map<string, Claim>
  /** Each claim operation's outcome, by log index (claims change, so receipts keep the outcome). */
  readonly claimOut: Map<number, { readonly claim: Claim; readonly event?: ActivityEvent }>
  /** Each claim process's state machine, made once (see claims.ts `stepClaim`). */
  readonly steppers: Map<string, ReturnType<typeof stepClaim>>
  // memos of pure functions of instants
  readonly days: Map<number, string>
  readonly expiries: Map<number, Instant>
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * An empty store for a configuration (the items' stock as configured unless
 * it is to be loaded from `base`), its lots under an expiry policy (the
 * bank's, expiry.ts `EXPIRY`, unless another is given: a seam for tests).
 *
 * @category constructors
 */
export const emptyStore = (config: CheckedConfig, base: BankJson | undefined, expiry: ExpiryPolicy = EXPIRY): Store => {
  const st: Store = {
    config,
    cal: calendar(config.zone),
    base,
    ...accountColumns(config),
    ...lotColumns(expiry),
    ...journalColumns(),
    ...shopColumns(),
    ...requestColumns(),
    ...refusalColumns(),
    claims: new Map(),
    claimOut: new Map(),
    steppers: new Map(),
    days: new Map(),
    expiries: new Map()
  }
  if (base === undefined) for (const it of config.spec.items ?? []) addItem(st, it, it.stock)
  return st
}

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/**
 * The local day key of an instant (memoised per day).
 *
 * @category utilities
 */
export const dayKeyOf = (st: Store, t: Instant): string => {
  const n = st.cal.dayNumber(t)
  let k = st.days.get(n)
  if (k === undefined) {
    k = st.cal.key('day', t)
    st.days.set(n, k)
  }
  return k
}
