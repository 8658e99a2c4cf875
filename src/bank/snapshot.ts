/**
 * Snapshots of the Moral Bank: its state now as plain data, without its
 * history. A bank keeps every operation it applied (receipts for idempotency,
 * the journal, closed orders), so its memory grows with the operations ever
 * applied; a snapshot keeps only what the next operations need: each
 * account's balance, reserved points and lots (with the entries the lots came
 * from), the shop's stock, the open orders and the claims still under way.
 * `restoreBank` continues from it exactly as the bank would have, for new
 * requests; what it forgets is history: receipts of requests before the
 * snapshot (a retry of one is applied again, so take snapshots only of requests
 * that are settled), entries without points left (they cannot be reversed
 * afterwards, nor the debits before it), closed orders and finished claims.
 * Keep the journal in the host's own store for the audit trail.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { at, CountC, decode, NameC, oneOf, problem, refined, strict, text, type Decoded, type Instant, type Problem } from '../core/internal.js'
import type { Entry } from '../ledger/internal.js'
import { AttrValueC } from '../rules/internal.js'
import type { Claim } from './claims.js'
import type { CheckedConfig } from './config.js'
import type { AccountState, BankJson, BankState, ItemState, Lot, ShopOrder } from './model.js'
import { allAccounts, allClaims, allOrders, stockOf } from './views.js'
import { lazyTable } from './table.js'
import { fromJson } from './version.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * One account in a snapshot: its balance, reserved points and lots, and the entries its lots came from.
 *
 * @category model
 */
export interface SnapshotAccount {
  readonly subject: string
  readonly account: string
  readonly balance: number
  readonly reserved: number
  /** Oldest first; they hold `max(0, balance)` points in all. */
  readonly lots: ReadonlyArray<Lot>
  /** The entries the lots came from (each lot carries its entry's id) and the entries those reversed, in the order posted. */
  readonly entries: ReadonlyArray<Entry>
  /** Which of those entries reversed which. */
  readonly reversals: ReadonlyArray<{ readonly entry: string; readonly of: string; readonly reason?: string }>
}

/**
 * The bank's state as plain JSON data, without its history (see the module's notes).
 *
 * @category model
 * @example
 * const snap: BankSnapshot = bankSnapshot(bank) // JSON.stringify it into the host's store
 */
export interface BankSnapshot {
  readonly _tag: 'BankSnapshot'
  readonly version: 1
  readonly accounts: ReadonlyArray<SnapshotAccount>
  /** Every configured item's stock now. */
  readonly stock: ReadonlyArray<{ readonly item: string; readonly stock: number }>
  /** Orders reserved and not yet confirmed or cancelled. */
  readonly orders: ReadonlyArray<ShopOrder>
  /** Claims not yet approved or rejected. */
  readonly claims: ReadonlyArray<Claim>
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

const FINAL: ReadonlySet<string> = /*#__PURE__*/ new Set(['approved', 'rejected'])

/**
 * The bank's state now, without its history: what `restoreBank` continues from.
 *
 * @category constructors
 * @example
 * const snap = bankSnapshot(bank)
 * snap.accounts.length // => allAccounts(bank).length
 */
export const bankSnapshot = (bank: BankState): BankSnapshot => {
  const accounts = allAccounts(bank).map((a): SnapshotAccount => {
    // the lots' entries, and for a reversal among them the entry it reversed (and so on)
    const ids = new Set(a.lots.map((l) => l.entry))
    for (let grew = true; grew; ) {
      grew = false
      for (const r of a.reversals) if (ids.has(r.entry) && !ids.has(r.of)) (ids.add(r.of), (grew = true))
    }
    return {
      subject: a.subject,
      account: a.account,
      balance: a.balance,
      reserved: a.reserved,
      lots: a.lots,
      entries: a.entries.filter((e) => ids.has(e.id)),
      reversals: a.reversals.filter((r) => ids.has(r.entry))
    }
  })
  const items = bank.config.spec.items ?? []
  return {
    _tag: 'BankSnapshot',
    version: 1,
    accounts,
    stock: items.map((i) => ({ item: i.id, stock: stockOf(bank, i.id) ?? i.stock })),
    orders: allOrders(bank).filter((o) => o.status === 'reserved'),
    claims: allClaims(bank).filter((c) => !FINAL.has(c.status))
  }
}

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

const SafeIntC = refined('SafeInteger', (u): u is number => Number.isSafeInteger(u), text('a whole number', '整数'))
const PositiveIntC = refined('PositiveInteger', (u): u is number => Number.isSafeInteger(u) && (u as number) > 0, text('a whole number ≥ 1', '正整数'))

const LotC = strict({ entry: NameC, at: SafeIntC, expires: t.union([t.null, SafeIntC]), points: PositiveIntC }, {}, 'Lot')

const EntryC = strict(
  {
    id: NameC,
    kind: oneOf('EntryKind', ['earn', 'deduct', 'redeem', 'expire', 'reversal']),
    subject: NameC,
    account: NameC,
    event: NameC,
    eventType: t.string,
    rule: t.string,
    at: SafeIntC,
    day: t.string,
    requested: SafeIntC,
    granted: SafeIntC
  },
  { cut: t.UnknownRecord },
  'Entry'
)

const ReversalC = strict({ entry: NameC, of: NameC }, { reason: t.string }, 'Reversal')

const AccountC = strict(
  { subject: NameC, account: NameC, balance: SafeIntC, reserved: CountC, lots: t.array(LotC), entries: t.array(EntryC), reversals: t.array(ReversalC) },
  {},
  'SnapshotAccount'
)

const OrderC = strict(
  { id: NameC, subject: NameC, account: NameC, item: NameC, quantity: PositiveIntC, amount: CountC, status: oneOf('OpenOrder', ['reserved']), reservedAt: SafeIntC },
  {},
  'ShopOrder'
)

const ClaimStepC = strict({ action: oneOf('ClaimAction', ['submit', 'approve', 'reject', 'object', 'settle']), at: SafeIntC }, { by: t.string, stage: t.string, note: t.string }, 'ClaimStep')

const ClaimC = strict(
  {
    id: NameC,
    process: NameC,
    member: NameC,
    attrs: t.record(t.string, AttrValueC),
    status: oneOf('OpenClaim', ['open', 'notice', 'disputed']),
    stage: CountC,
    objections: t.array(strict({ by: t.string, at: SafeIntC, reason: t.string }, {}, 'Objection')),
    history: t.array(ClaimStepC)
  },
  { beneficiary: t.string, noticeEnds: SafeIntC, reasons: t.array(t.string) },
  'Claim'
)

const SnapshotC = strict(
  {
    _tag: oneOf('Tag', ['BankSnapshot']),
    version: refined('Version1', (u): u is 1 => u === 1, text('version 1', '版本 1')),
    accounts: t.array(AccountC),
    stock: t.array(strict({ item: NameC, stock: CountC }, {}, 'Stock')),
    orders: t.array(OrderC),
    claims: t.array(ClaimC)
  },
  {},
  'BankSnapshot'
)

// -------------------------------------------------------------------------------------
// decoding
// -------------------------------------------------------------------------------------

// What the shape cannot say: one record per account, item, order and claim; each lot from one of its
// account's entries, the lots holding max(0, balance) points.
const checkSnapshot = (s: BankSnapshot): ReadonlyArray<Problem> => {
  const ps: Array<Problem> = []
  const once = <A>(xs: ReadonlyArray<A>, key: (x: A) => string, where: string, field: string, what: string, zh: string): void => {
    const seen = new Set<string>()
    xs.forEach((x, i) => {
      const k = key(x)
      if (seen.has(k)) ps.push(problem('duplicate', at([where, i, field]), text(`${what} not given before in the snapshot`, `快照中未出现过的${zh}`), k))
      seen.add(k)
    })
  }
  once(s.accounts, (a) => `${a.subject}\u0000${a.account}`, 'accounts', 'subject', 'an account of a subject', '主体账户')
  once(s.stock, (x) => x.item, 'stock', 'item', 'an item', '商品')
  once(s.orders, (o) => o.id, 'orders', 'id', 'an order id', '订单标识')
  once(s.claims, (c) => c.id, 'claims', 'id', 'a claim id', '申报标识')
  s.accounts.forEach((a, i) => {
    const ids = new Set(a.entries.map((e) => e.id))
    const anEntry = text("one of the account's entries", '该账户的分录之一')
    a.lots.forEach((l, k) => {
      if (!ids.has(l.entry)) ps.push(problem('reference', at(['accounts', i, 'lots', k, 'entry']), anEntry, l.entry))
    })
    a.reversals.forEach((r, k) => {
      if (!ids.has(r.entry)) ps.push(problem('reference', at(['accounts', i, 'reversals', k, 'entry']), anEntry, r.entry))
      if (!ids.has(r.of)) ps.push(problem('reference', at(['accounts', i, 'reversals', k, 'of']), anEntry, r.of))
    })
    const held = a.lots.reduce((n, l) => n + l.points, 0)
    if (held !== Math.max(0, a.balance)) ps.push(problem('conflict', at(['accounts', i, 'lots']), text(`lots holding ${Math.max(0, a.balance)} points (the balance, or 0 below 0)`, `批次合计 ${Math.max(0, a.balance)} 分（余额，负数时为 0）`), held))
  })
  return ps
}

/**
 * Read a snapshot back (from `JSON.parse` of what a host stored): its shape and its checks across
 * records, every problem at its path. Never throws.
 *
 * @category decoding
 * @example
 * decodeBankSnapshot(JSON.parse(JSON.stringify(bankSnapshot(bank)))) // => right(snapshot)
 * decodeBankSnapshot({ _tag: 'BankSnapshot', version: 1 }) // => left([{ code: 'missing', at: $.accounts, … }, …])
 */
export const decodeBankSnapshot = (u: unknown): Decoded<BankSnapshot> => {
  const r = decode(SnapshotC)(u)
  if (E.isLeft(r)) return r
  const s = r.right as unknown as BankSnapshot
  const ps = checkSnapshot(s)
  return ps.length > 0 ? E.left(ps) : E.right(s)
}

/**
 * A bank continuing from a snapshot under a configuration: what it holds is checked against the
 * configuration (accounts, items and claim processes it names), then loaded with no history. Applying
 * operations with new request ids to it gives what applying them to the bank the snapshot was taken of
 * gives (balances, reserved points, lots, stock, orders, claims, receipts and refusals).
 *
 * @category constructors
 * @example
 * const next = restoreBank(config, bankSnapshot(bank))
 * E.isRight(next) && bankBalance(next.right, 'm-1', 'moral') // => bankBalance(bank, 'm-1', 'moral')
 */
export const restoreBank = (config: CheckedConfig, u: unknown): Decoded<BankState> => {
  const d = decodeBankSnapshot(u)
  if (E.isLeft(d)) return d
  const s = d.right
  const ps: Array<Problem> = []
  const accounts = new Set(Object.keys(config.accounts))
  const items = new Map((config.spec.items ?? []).map((i) => [i.id, i]))
  const anAccount = text(`an account of the configuration (${[...accounts].join(', ')})`, `配置中的账户（${[...accounts].join('、')}）`)
  const anItem = text('an item of the configuration', '配置中的商品')
  s.accounts.forEach((a, i) => {
    if (!accounts.has(a.account)) ps.push(problem('reference', at(['accounts', i, 'account']), anAccount, a.account))
  })
  s.stock.forEach((x, i) => {
    if (!items.has(x.item)) ps.push(problem('reference', at(['stock', i, 'item']), anItem, x.item))
  })
  s.orders.forEach((o, i) => {
    if (!items.has(o.item)) ps.push(problem('reference', at(['orders', i, 'item']), anItem, o.item))
    if (!accounts.has(o.account)) ps.push(problem('reference', at(['orders', i, 'account']), anAccount, o.account))
  })
  s.claims.forEach((c, i) => {
    if (config.processes[c.process] === undefined) ps.push(problem('reference', at(['claims', i, 'process']), text('a claim process of the configuration', '配置中的申报流程'), c.process))
  })
  if (ps.length > 0) return E.left(ps)
  const stock = new Map(s.stock.map((x) => [x.item, x.stock]))
  const accountRows = new Map<string, AccountState>()
  for (const a of s.accounts) {
    accountRows.set(`${a.subject}\u0000${a.account}`, { ...a, taken: [] } as unknown as AccountState)
  }
  const itemRows = new Map<string, ItemState>([...items.values()].map((i) => [i.id, { item: i, stock: stock.get(i.id) ?? i.stock }]))
  const table = <V>(m: ReadonlyMap<string, V>) => lazyTable(m.size, () => m)
  const json = {
    _tag: 'Bank',
    config,
    accounts: table(accountRows),
    items: table(itemRows),
    orders: table(new Map(s.orders.map((o) => [o.id, { ...o, reservedAt: o.reservedAt as Instant }]))),
    claims: table(new Map(s.claims.map((c) => [c.id, c]))),
    requests: table(new Map())
  } as unknown as BankJson
  return E.right(fromJson(json))
}
