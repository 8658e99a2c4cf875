/**
 * Versions: a `BankState` is a store and a version (the number of operations
 * applied since the store's base). Applying to the store's head version
 * writes the store in place and hands out a new `BankState` at the next
 * version: O(1) per operation for a host that uses each state once. Reading
 * or applying to an older version (a state kept after later operations were
 * applied to it or to its successors) replays the base and the log up to that
 * version into a fork, memoised per state: every old value reads and behaves
 * exactly as it did, at the cost of a replay.
 *
 * A bank read back from JSON (`JSON.parse(JSON.stringify(bank))`) is loaded
 * into a store of its own once (memoised per JSON value).
 *
 * @module
 * @internal
 */
import { accountIdOf, accountKey, hasAccount, slotCount, subjectOf } from './accounts.js'
import type { Claim } from './claims.js'
import type { CheckedConfig } from './config.js'
import { EXPIRY, type ExpiryPolicy } from './expiry.js'
import { loadStore } from './load.js'
import type { AccountState, BankJson, BankState, ItemState, Receipt, ShopOrder } from './model.js'
import type { BankOp } from './ops.js'
import { orderCount, orderId } from './orders.js'
import { LATER } from './outcome.js'
import { accountAt, orderAt, receiptAt } from './read.js'
import { baseRequest, firstOp, requestAt, requestIdAt } from './requests.js'
import { step } from './step.js'
import { emptyStore, type Store } from './store.js'
import { lazyTable, type Table } from './table.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

const STORE: unique symbol = Symbol('moral-bank/bank store')
const VERSION: unique symbol = Symbol('moral-bank/bank version')

/** A bank made here: its store and version (symbol keys: not data, not in its JSON). */
interface Live extends BankState {
  readonly [STORE]: Store
  readonly [VERSION]: number
}

/** What has been built for one state (its values never change, so neither do these). */
interface Memo {
  readonly slots: Map<number, AccountState>
  readonly orders: Map<number, ShopOrder>
  all?: ReadonlyArray<AccountState>
  accounts?: Table<AccountState>
  items?: Table<ItemState>
  orderTable?: Table<ShopOrder>
  claims?: Table<Claim>
  requests?: Table<{ readonly op: BankOp; readonly receipt: Receipt }>
}

const memos = new WeakMap<BankState, Memo>()
const forks = new WeakMap<BankState, Store>()
const loaded = new WeakMap<object, Live>()

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * The state's tables come from a shared prototype of getters, so that a new
 * state is a small object (the tables are built only when read).
 */
const PROTO: object = {
  get accounts(): Table<AccountState> {
    return accountsTable(this as unknown as BankState)
  },
  get items(): Table<ItemState> {
    return itemsTable(this as unknown as BankState)
  },
  get orders(): Table<ShopOrder> {
    return ordersTable(this as unknown as BankState)
  },
  get claims(): Table<Claim> {
    return claimsTable(this as unknown as BankState)
  },
  get requests(): Table<{ readonly op: BankOp; readonly receipt: Receipt }> {
    return requestsTable(this as unknown as BankState)
  }
}

// A state's tables (memoised per state): what its getters give, and what its JSON is made of.
const accountsTable = (bank: BankState): Table<AccountState> => (memoOf(bank).accounts ??= lazyTable(storeOf(bank).accounts, () => accountsMap(bank)))
const itemsTable = (bank: BankState): Table<ItemState> => (memoOf(bank).items ??= lazyTable(storeOf(bank).items.length, () => itemsMap(storeOf(bank))))
const ordersTable = (bank: BankState): Table<ShopOrder> => (memoOf(bank).orderTable ??= lazyTable(orderCount(storeOf(bank)), () => ordersMap(bank)))
const claimsTable = (bank: BankState): Table<Claim> => (memoOf(bank).claims ??= lazyTable(storeOf(bank).claims.size, () => new Map(storeOf(bank).claims)))
const requestsTable = (bank: BankState): Table<{ readonly op: BankOp; readonly receipt: Receipt }> =>
  (memoOf(bank).requests ??= lazyTable(storeOf(bank).reqCount, () => requestsMap(storeOf(bank))))

/**
 * What `JSON.stringify` writes for a state: an own property of each state
 * (one shared function), so that a spread copy still writes its JSON and
 * `structuredClone` refuses a state, as it always did, rather than copying
 * half of it (`bankToJson` gives the plain data to clone).
 */
function toJSON(this: BankState): BankJson {
  return jsonOf(this)
}

/**
 * The state of a store at a version.
 *
 * @category constructors
 */
export const bankAt = (st: Store, version: number): BankState => {
  const b = Object.create(PROTO) as { -readonly [K in keyof Live]: Live[K] } & { toJSON: typeof toJSON }
  b._tag = 'Bank'
  b.config = st.config
  b[STORE] = st
  b[VERSION] = version
  b.toJSON = toJSON
  return b as unknown as BankState
}

/**
 * An empty bank for a configuration, its lots under an expiry policy (the
 * bank's unless another is given: the seam through which a test runs the
 * rules under another policy; replays of its older versions keep it).
 *
 * @category constructors
 */
export const emptyAt = (config: CheckedConfig, expiry: ExpiryPolicy = EXPIRY): BankState => bankAt(emptyStore(config, undefined, expiry), 0)

/**
 * A bank from its JSON data, loaded into a store of its own.
 *
 * @category constructors
 */
export const fromJson = (json: BankJson): BankState => bankAt(loadStore(json), 0)

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

const isLive = (bank: BankState): bank is Live => (bank as Partial<Live>)[STORE] !== undefined

/**
 * The bank itself when made here, else the bank its JSON data stands for (loaded once, memoised).
 *
 * @category utilities
 */
export const resolve = (bank: BankState): BankState => {
  if (isLive(bank)) return bank
  let b = loaded.get(bank)
  if (b === undefined) {
    b = fromJson(bank as unknown as BankJson) as Live
    loaded.set(bank, b)
  }
  return b
}

/** The base and the first `version` operations of `st`, replayed into a new store. */
const replay = (st: Store, version: number): Store => {
  const f = st.base === undefined ? emptyStore(st.config, undefined, st.expiry) : loadStore(st.base, st.expiry)
  for (let i = 0; i < version; i++) {
    // The same rules over the same operations from the same start: each is accepted again.
    const r = step(f, st.log[i] as BankOp)
    if (typeof r !== 'number' || r === LATER) throw new Error(`moral-bank: replaying operation ${i} of a bank was refused`)
  }
  return f
}

/**
 * The store holding a bank's state at its head: its own store when the bank
 * is the latest version, else a fork replayed to the bank's version (memoised per bank).
 *
 * @category utilities
 */
export const storeOf = (bank: BankState): Store => {
  const b = resolve(bank) as Live
  const st = b[STORE]
  const v = b[VERSION]
  if (st.log.length === v) return st
  const f = forks.get(b)
  if (f !== undefined && f.log.length === v) return f
  const fork = replay(st, v)
  forks.set(b, fork)
  return fork
}

const memoOf = (bank: BankState): Memo => {
  let m = memos.get(bank)
  if (m === undefined) {
    m = { slots: new Map(), orders: new Map() }
    memos.set(bank, m)
  }
  return m
}

/**
 * A bank's account in a slot (memoised per bank).
 *
 * @category utilities
 */
export const accountOfSlot = (bank: BankState, st: Store, slot: number): AccountState => cached(memoOf(bank).slots, slot, () => accountAt(st, slot))

/**
 * A bank's order by index (memoised per bank).
 *
 * @category utilities
 */
export const orderOfIndex = (bank: BankState, st: Store, o: number): ShopOrder => cached(memoOf(bank).orders, o, () => orderAt(st, o))

// The value kept in a memo map for a key, made on first use.
const cached = <K, V>(m: Map<K, V>, k: K, make: () => V): V => {
  let v = m.get(k)
  if (v === undefined) {
    v = make()
    m.set(k, v)
  }
  return v
}

const byKey = <V>(pairs: Array<readonly [string, V]>): ReadonlyArray<V> => {
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return pairs.map(([, v]) => v)
}

/**
 * Every account of a bank, in key order (memoised per bank).
 *
 * @category utilities
 */
export const accountsOf = (bank: BankState): ReadonlyArray<AccountState> => {
  const m = memoOf(bank)
  if (m.all !== undefined) return m.all
  const st = storeOf(bank)
  const pairs: Array<readonly [string, AccountState]> = []
  for (let s = 0; s < slotCount(st); s++) if (hasAccount(st, s)) pairs.push([accountKey(accountIdOf(st, s), subjectOf(st, s)), accountOfSlot(bank, st, s)])
  m.all = byKey(pairs)
  return m.all
}

const accountsMap = (bank: BankState): ReadonlyMap<string, AccountState> => {
  const st = storeOf(bank)
  const out = new Map<string, AccountState>()
  for (let s = 0; s < slotCount(st); s++) if (hasAccount(st, s)) out.set(accountKey(accountIdOf(st, s), subjectOf(st, s)), accountOfSlot(bank, st, s))
  return out
}

const itemsMap = (st: Store): ReadonlyMap<string, ItemState> => new Map(st.items.map((item, i) => [item.id, { item, stock: st.stock[i] as number }]))

const ordersMap = (bank: BankState): ReadonlyMap<string, ShopOrder> => {
  const st = storeOf(bank)
  const out = new Map<string, ShopOrder>()
  for (let o = 0; o < orderCount(st); o++) out.set(orderId(st, o), orderOfIndex(bank, st, o))
  return out
}

const requestsMap = (st: Store): ReadonlyMap<string, { readonly op: BankOp; readonly receipt: Receipt }> => {
  const out = new Map<string, { readonly op: BankOp; readonly receipt: Receipt }>()
  for (let p = 0; p < st.reqCount; p++) {
    const r = requestAt(st, p)
    out.set(requestIdAt(st, p), r >= 0 ? { op: firstOp(st, r), receipt: receiptAt(st, r) } : baseRequest(st, r))
  }
  return out
}

/**
 * A bank as plain JSON data: the layout banks have always been saved in.
 *
 * @category utilities
 */
export const jsonOf = (bank: BankState): BankJson => {
  const b = resolve(bank)
  return {
    _tag: 'Bank',
    config: b.config,
    accounts: accountsTable(b).toJSON(),
    items: itemsTable(b).toJSON(),
    orders: ordersTable(b).toJSON(),
    claims: claimsTable(b).toJSON(),
    requests: requestsTable(b).toJSON()
  }
}

