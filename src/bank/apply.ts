/**
 * Applying operations to the bank: pure functions from a state and an
 * operation to a new state and a receipt, or a problem with the state
 * unchanged. TigerBeetle's guarantees: entries are immutable (corrections
 * are reversals), request ids are idempotent, balances never fall below
 * their floor, and orders are two-phase (reserve, then confirm or cancel).
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { at, calendar, idProblem, isInstant, problem, text, type EventId, type Instant, type PathSegment, type Problem, type Text } from '../core/index.js'
import type { Entry, EntryKind } from '../ledger/index.js'
import type { AccountId, SubjectId } from '../rules/index.js'
import { stepClaim, submitClaim, type Claim } from './claims.js'
import type { CheckedConfig } from './config.js'
import { insertLots, settle, takeFrom } from './lots.js'
import { sameOp, type BankOp } from './ops.js'
import { accountKey, expiryOf, type AccountState, type BankState, type ItemState, type Lot, type ShopOrder, type Receipt } from './state.js'
import { draftTable, type TableDraft } from './table.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The outcome of a batch: the final state and each operation's receipt or problem, in order.
 *
 * @category model
 * @example
 * const { bank: after, results }: BatchResult = applyOps(bank, ops)
 */
export interface BatchResult {
  readonly bank: BankState
  readonly results: ReadonlyArray<E.Either<Problem, Receipt>>
}

interface Ctx {
  readonly cfg: CheckedConfig
  /** Expiry instants by local day and months, computed once per batch. */
  readonly expiries: Map<number, Instant>
  readonly accounts: TableDraft<AccountState>
  readonly items: TableDraft<ItemState>
  readonly orders: TableDraft<ShopOrder>
  readonly claims: TableDraft<Claim>
  readonly requests: TableDraft<{ readonly op: BankOp; readonly receipt: Receipt }>
  /** Local day keys by day number, computed once per batch (shared by the entries of a day). */
  readonly days: Map<number, string>
  /**
   * Accounts copied by this draft: private to it, so later operations of the
   * same batch update them in place instead of copying the account and its
   * journal again (the input state's accounts are never touched).
   */
  readonly owned: Set<AccountState>
}

/** An account owned by one draft (see `Ctx.owned`); lots arrays are still replaced, never edited. */
interface DraftAccount {
  readonly subject: SubjectId
  readonly account: AccountId
  balance: number
  reserved: number
  lots: ReadonlyArray<Lot>
  readonly entries: Array<Entry>
  readonly taken: Array<{ readonly entry: string; readonly lots: ReadonlyArray<Lot> }>
  readonly reversals: Array<{ readonly entry: string; readonly of: string; readonly reason?: string }>
}

/** Receipts that post no entry share this one (frozen) empty list. */
const NO_ENTRIES: ReadonlyArray<Entry> = Object.freeze([])

// -------------------------------------------------------------------------------------
// problems
// -------------------------------------------------------------------------------------

const fail = (code: Problem['code'], path: ReadonlyArray<PathSegment>, expected: Text, got: unknown): E.Either<Problem, never> =>
  E.left(problem(code, at(path), expected, got))

const positive = (n: unknown, path: ReadonlyArray<PathSegment>, what: Text): E.Either<Problem, number> =>
  Number.isSafeInteger(n) && (n as number) > 0 ? E.right(n as number) : fail('range', path, text(`a positive whole number of ${what.en}`, `正整数${what.zh}`), n)

const POINTS = text('points', '积分')
const UNITS = text('items', '件')

const fmtFloor = (f: number | null): string => (f === null ? 'none' : String(f))

// -------------------------------------------------------------------------------------
// accounts
// -------------------------------------------------------------------------------------

const fresh = (subject: SubjectId, account: string): AccountState => ({
  subject,
  account: account as AccountId,
  balance: 0,
  reserved: 0,
  lots: [],
  entries: [],
  taken: [],
  reversals: []
})

const policyOf = (ctx: Ctx, account: unknown, path: ReadonlyArray<PathSegment>): E.Either<Problem, { readonly floor: number | null; readonly expiryMonths: number | undefined }> => {
  const p = typeof account === 'string' ? ctx.cfg.accounts[account] : undefined
  if (p !== undefined) return E.right(p)
  const known = Object.keys(ctx.cfg.accounts).join(', ')
  return fail('reference', path, text(`one of the accounts ${known}`, `已配置的账户：${known}`), account)
}

const getAccount = (ctx: Ctx, subject: SubjectId, account: string): AccountState =>
  ctx.accounts.get(accountKey(account, subject)) ?? fresh(subject, account)

/**
 * The draft's own, writable copy of an account, entered in the draft (copied
 * on the first write of the batch). Call it only once every check has passed:
 * a refused operation must write nothing.
 */
const own = (ctx: Ctx, a: AccountState): DraftAccount => {
  if (ctx.owned.has(a)) return a as DraftAccount
  const m: DraftAccount = {
    subject: a.subject,
    account: a.account,
    balance: a.balance,
    reserved: a.reserved,
    lots: a.lots,
    entries: a.entries.slice(),
    taken: a.taken.slice(),
    reversals: a.reversals.slice()
  }
  ctx.owned.add(m)
  ctx.accounts.set(accountKey(m.account, m.subject), m)
  return m
}

/** The local day key of an instant (memoised per day within one batch). */
const dayKey = (ctx: Ctx, t: Instant): string => {
  const cal = calendar(ctx.cfg.zone)
  const n = cal.dayNumber(t)
  let k = ctx.days.get(n)
  if (k === undefined) {
    k = cal.key('day', t)
    ctx.days.set(n, k)
  }
  return k
}

const makeEntry = (ctx: Ctx, op: BankOp, kind: EntryKind, subject: SubjectId, account: string, amount: number): Entry => ({
  id: op.request,
  kind,
  subject,
  account: account as AccountId,
  event: op.request as EventId,
  eventType: `bank.${op._tag}`,
  rule: op._tag,
  at: op.at,
  day: dayKey(ctx, op.at),
  requested: (amount + 0) as Entry['requested'],
  granted: (amount + 0) as Entry['granted']
})

/** Check that spending `amount` more keeps `balance − reserved` at or above the floor. */
const checkFloor = (a: AccountState, floor: number | null, amount: number, path: ReadonlyArray<PathSegment>): E.Either<Problem, void> => {
  if (floor === null || a.balance - a.reserved - amount >= floor) return E.right(undefined)
  const most = Math.max(0, a.balance - a.reserved - floor)
  return fail(
    'range',
    path,
    text(
      `at most ${most} points (balance ${a.balance}, reserved ${a.reserved}, floor ${fmtFloor(floor)})`,
      `不超过 ${most} 积分（余额 ${a.balance}，已预留 ${a.reserved}，下限 ${fmtFloor(floor)}）`
    ),
    amount
  )
}

/** When points earned at `t` expire (memoised per local day within one batch). */
const expiryAt = (ctx: Ctx, t: Instant, months: number): Instant => {
  const cal = calendar(ctx.cfg.zone)
  const k = cal.dayNumber(t) * 1024 + months
  let x = ctx.expiries.get(k)
  if (x === undefined) {
    x = expiryOf(t, months, ctx.cfg.zone)
    ctx.expiries.set(k, x)
  }
  return x
}

/** Credit `points` as a new lot (dated `op.at`), then settle. */
const credit = (ctx: Ctx, a: AccountState, months: number | undefined, entry: Entry, points: number): void => {
  const m = own(ctx, a)
  m.balance += points
  const lot: Lot = { entry: entry.id, at: entry.at, expires: months === undefined ? null : expiryAt(ctx, entry.at, months), points }
  m.lots = settle(points > 0 ? insertLots(m.lots, [lot]) : m.lots, m.balance, undefined)[0]
  m.entries.push(entry)
}

/** Debit `points` (oldest lots first), remembering the lots taken for an exact reversal. */
const debit = (ctx: Ctx, a: AccountState, entry: Entry, points: number, reservedRelease = 0): void => {
  const m = own(ctx, a)
  m.balance -= points
  m.reserved -= reservedRelease
  const [lots, taken] = settle(m.lots, m.balance, undefined)
  m.lots = lots
  m.entries.push(entry)
  if (taken.length > 0) m.taken.push({ entry: entry.id, lots: taken })
}

const overflow = (n: number, path: ReadonlyArray<PathSegment>): E.Either<Problem, void> =>
  Number.isSafeInteger(n) ? E.right(undefined) : fail('overflow', path, text('a balance within ±9007199254740991', '在 ±9007199254740991 之内的余额'), n)

// -------------------------------------------------------------------------------------
// operations
// -------------------------------------------------------------------------------------

type Handler<K extends BankOp['_tag']> = (ctx: Ctx, op: Extract<BankOp, { readonly _tag: K }>) => E.Either<Problem, Receipt>

const earn: Handler<'earn'> = (ctx, op) => {
  const pol = policyOf(ctx, op.account, ['account'])
  if (E.isLeft(pol)) return pol
  const n = positive(op.points, ['points'], POINTS)
  if (E.isLeft(n)) return n
  const a = getAccount(ctx, op.subject, op.account)
  const o = overflow(a.balance + n.right, ['points'])
  if (E.isLeft(o)) return o
  const entry = makeEntry(ctx, op, 'earn', op.subject, op.account, n.right)
  credit(ctx, a, pol.right.expiryMonths, entry, n.right)
  return E.right({ request: op.request, op: op._tag, entries: [entry] })
}

const post: Handler<'post'> = (ctx, op) => {
  const e = op.entry
  if (op.request !== e.id) return fail('range', ['request'], text(`the entry's id ${e.id}`, `条目标识 ${e.id}`), op.request)
  if (e.kind !== 'earn' && e.kind !== 'deduct') return fail('range', ['entry', 'kind'], text('a ledger entry of kind earn or deduct', 'earn 或 deduct 类型的台账条目'), e.kind)
  if (!Number.isSafeInteger(e.granted) || (e.kind === 'earn' ? e.granted < 0 : e.granted > 0)) {
    return fail('range', ['entry', 'granted'], text(e.kind === 'earn' ? 'points granted ≥ 0' : 'points granted ≤ 0', e.kind === 'earn' ? '不小于 0 的积分' : '不大于 0 的积分'), e.granted)
  }
  const pol = policyOf(ctx, e.account, ['entry', 'account'])
  if (E.isLeft(pol)) return pol
  const a = getAccount(ctx, e.subject, e.account)
  if (e.kind === 'earn') {
    const o = overflow(a.balance + e.granted, ['entry', 'granted'])
    if (E.isLeft(o)) return o
    credit(ctx, a, pol.right.expiryMonths, e, e.granted)
    return E.right({ request: op.request, op: op._tag, entries: [e] })
  }
  // A deduction is cut at the floor (as the ledger's rules do), never refused.
  const want = -e.granted
  const floor = pol.right.floor
  const room = floor === null ? want : Math.max(0, a.balance - a.reserved - floor)
  const took = Math.min(want, room)
  const entry: Entry = took === want ? e : { ...e, granted: (-took + 0) as Entry['granted'], cut: { _tag: 'Floor', floor: floor as number } }
  const o = overflow(a.balance - took, ['entry', 'granted'])
  if (E.isLeft(o)) return o
  debit(ctx, a, entry, took)
  return E.right({ request: op.request, op: op._tag, entries: [entry] })
}

const redeem: Handler<'redeem'> = (ctx, op) => {
  const pol = policyOf(ctx, op.account, ['account'])
  if (E.isLeft(pol)) return pol
  const n = positive(op.points, ['points'], POINTS)
  if (E.isLeft(n)) return n
  const a = getAccount(ctx, op.subject, op.account)
  const ok = checkFloor(a, pol.right.floor, n.right, ['points'])
  if (E.isLeft(ok)) return ok
  const o = overflow(a.balance - n.right, ['points'])
  if (E.isLeft(o)) return o
  const entry = makeEntry(ctx, op, 'redeem', op.subject, op.account, -n.right)
  debit(ctx, a, entry, n.right)
  return E.right({ request: op.request, op: op._tag, entries: [entry] })
}

const itemOf = (ctx: Ctx, id: unknown): E.Either<Problem, ItemState> => {
  const it = typeof id === 'string' ? ctx.items.get(id) : undefined
  return it === undefined ? fail('reference', ['item'], text('an item of the shop', '商店中的商品'), id) : E.right(it)
}

const reserve: Handler<'reserve'> = (ctx, op) => {
  const it = itemOf(ctx, op.item)
  if (E.isLeft(it)) return it
  const q = positive(op.quantity, ['quantity'], UNITS)
  if (E.isLeft(q)) return q
  const { item, stock } = it.right
  if (q.right > stock) return fail('range', ['quantity'], text(`at most ${stock} (in stock)`, `不超过库存 ${stock}`), q.right)
  const amount = item.price * q.right
  const o = overflow(amount, ['quantity'])
  if (E.isLeft(o)) return o
  const pol = policyOf(ctx, item.account, ['item'])
  if (E.isLeft(pol)) return pol
  const a = getAccount(ctx, op.subject, item.account)
  const ok = checkFloor(a, pol.right.floor, amount, ['quantity'])
  if (E.isLeft(ok)) return ok
  const order: ShopOrder = {
    id: op.request,
    subject: op.subject,
    account: item.account as AccountId,
    item: item.id,
    quantity: q.right,
    amount,
    status: 'reserved',
    reservedAt: op.at
  }
  ctx.items.set(item.id, { item, stock: stock - q.right })
  own(ctx, a).reserved += amount
  ctx.orders.set(order.id, order)
  return E.right({ request: op.request, op: op._tag, entries: NO_ENTRIES, order })
}

const openOrder = (ctx: Ctx, id: unknown, verb: Text): E.Either<Problem, ShopOrder> => {
  const o = typeof id === 'string' ? ctx.orders.get(id) : undefined
  if (o === undefined) return fail('reference', ['order'], text('the id of an order', '订单标识'), id)
  if (o.status !== 'reserved') {
    return fail('state', ['order'], text(`a reserved order to ${verb.en} (order ${o.id} is ${o.status})`, `可${verb.zh}的预留订单（订单 ${o.id} 已${o.status === 'confirmed' ? '交付' : '取消'}）`), o.status)
  }
  return E.right(o)
}

const confirm: Handler<'confirm'> = (ctx, op) => {
  const found = openOrder(ctx, op.order, text('confirm', '确认'))
  if (E.isLeft(found)) return found
  const order = found.right
  const a = getAccount(ctx, order.subject, order.account)
  const entry = makeEntry(ctx, op, 'redeem', order.subject, order.account, -order.amount)
  const done: ShopOrder = { ...order, status: 'confirmed', closedAt: op.at, entry: entry.id }
  debit(ctx, a, entry, order.amount, order.amount)
  ctx.orders.set(order.id, done)
  return E.right({ request: op.request, op: op._tag, entries: [entry], order: done })
}

const cancel: Handler<'cancel'> = (ctx, op) => {
  const found = openOrder(ctx, op.order, text('cancel', '取消'))
  if (E.isLeft(found)) return found
  const order = found.right
  const it = ctx.items.get(order.item) as ItemState
  const a = getAccount(ctx, order.subject, order.account)
  const done: ShopOrder = { ...order, status: 'cancelled', closedAt: op.at }
  ctx.items.set(order.item, { item: it.item, stock: it.stock + order.quantity })
  own(ctx, a).reserved -= order.amount
  ctx.orders.set(order.id, done)
  return E.right({ request: op.request, op: op._tag, entries: NO_ENTRIES, order: done })
}

const restock: Handler<'restock'> = (ctx, op) => {
  const it = itemOf(ctx, op.item)
  if (E.isLeft(it)) return it
  const q = positive(op.quantity, ['quantity'], UNITS)
  if (E.isLeft(q)) return q
  const o = overflow(it.right.stock + q.right, ['quantity'])
  if (E.isLeft(o)) return o
  ctx.items.set(it.right.item.id, { item: it.right.item, stock: it.right.stock + q.right })
  return E.right({ request: op.request, op: op._tag, entries: NO_ENTRIES })
}

const expire: Handler<'expire'> = (ctx, op) => {
  const pol = policyOf(ctx, op.account, ['account'])
  if (E.isLeft(pol)) return pol
  if (pol.right.expiryMonths === undefined) {
    return fail('unsupported', ['account'], text('an account whose points expire (expiryMonths)', '积分会过期的账户（expiryMonths）'), op.account)
  }
  const a = getAccount(ctx, op.subject, op.account)
  const due = (l: Lot): boolean => l.expires !== null && l.expires <= op.at
  let dueTotal = 0
  for (const l of a.lots) if (due(l)) dueTotal += l.points
  // Reserved points are held for their order: expiry never takes them.
  const amount = Math.min(dueTotal, Math.max(0, a.balance - a.reserved))
  if (amount === 0) return E.right({ request: op.request, op: op._tag, entries: NO_ENTRIES })
  const [lots, taken] = takeFrom(a.lots, amount, due)
  const entry = makeEntry(ctx, op, 'expire', op.subject, op.account, -amount)
  const m = own(ctx, a)
  m.balance -= amount
  m.lots = lots
  m.entries.push(entry)
  m.taken.push({ entry: entry.id, lots: taken })
  return E.right({ request: op.request, op: op._tag, entries: [entry] })
}

const reverse: Handler<'reverse'> = (ctx, op) => {
  const pol = policyOf(ctx, op.account, ['account'])
  if (E.isLeft(pol)) return pol
  const a = ctx.accounts.get(accountKey(op.account, op.subject))
  const orig = a?.entries.find((e) => e.id === op.entry)
  if (a === undefined || orig === undefined) return fail('reference', ['entry'], text(`the id of an entry of ${op.subject} on ${op.account}`, `${op.subject} 在 ${op.account} 上的条目标识`), op.entry)
  if (orig.kind === 'reversal') return fail('state', ['entry'], text('an entry that is not itself a reversal', '本身不是冲正的条目'), op.entry)
  const already = a.reversals.find((r) => r.of === orig.id)
  if (already !== undefined) return fail('state', ['entry'], text(`an entry not reversed yet (reversed by ${already.entry})`, `尚未冲正的条目（已被 ${already.entry} 冲正）`), op.entry)
  const g = orig.granted as number
  if (g > 0) {
    const ok = checkFloor(a, pol.right.floor, g, ['entry'])
    if (E.isLeft(ok)) return ok
  }
  const o = overflow(a.balance - g, ['entry'])
  if (E.isLeft(o)) return o
  const entry: Entry = {
    id: op.request,
    kind: 'reversal',
    subject: a.subject,
    account: a.account,
    event: orig.event,
    eventType: orig.eventType,
    rule: orig.rule,
    at: op.at,
    day: dayKey(ctx, op.at),
    requested: (-g + 0) as Entry['requested'],
    granted: (-g + 0) as Entry['granted']
  }
  const balance = a.balance - g
  let lots: ReadonlyArray<Lot>
  let taken: ReadonlyArray<Lot> = []
  if (g > 0) {
    // The credit's own lot goes first, then the oldest.
    const [rest, own] = takeFrom(a.lots, g, (l) => l.entry === orig.id)
    ;[lots, taken] = settle(rest, balance, undefined)
    taken = [...own, ...taken]
  } else {
    // A debit's lots come back with their dates (an expiry's, without expiry: the correction says they were kept).
    const back = a.taken.find((t) => t.entry === orig.id)?.lots ?? []
    const restored = orig.kind === 'expire' ? back.map((l) => ({ ...l, expires: null })) : back
    const months = pol.right.expiryMonths
    const fill = (points: number): Lot => ({ entry: entry.id, at: op.at, expires: months === undefined ? null : expiryAt(ctx, op.at, months), points })
    ;[lots, taken] = settle(insertLots(a.lots, restored), balance, fill)
  }
  const reversal = op.reason === undefined ? { entry: entry.id, of: orig.id } : { entry: entry.id, of: orig.id, reason: op.reason }
  const m = own(ctx, a)
  m.balance = balance
  m.lots = lots
  m.entries.push(entry)
  if (taken.length > 0) m.taken.push({ entry: entry.id, lots: taken })
  m.reversals.push(reversal)
  return E.right({ request: op.request, op: op._tag, entries: [entry] })
}

const submit: Handler<'submit'> = (ctx, op) => {
  const process = ctx.cfg.processes[op.process]
  if (process === undefined) {
    const known = Object.keys(ctx.cfg.processes).join(', ')
    return fail('reference', ['process'], text(`one of the claim processes ${known}`, `已配置的申报流程：${known}`), op.process)
  }
  if (ctx.claims.get(op.claim) !== undefined) return fail('duplicate', ['claim'], text('a claim id not used before', '未使用过的申报标识'), op.claim)
  const input = { id: op.claim, member: op.member, ...(op.beneficiary === undefined ? {} : { beneficiary: op.beneficiary }), ...(op.attrs === undefined ? {} : { attrs: op.attrs }) }
  const c = submitClaim(process, input, op.at)
  if (E.isLeft(c)) return c
  ctx.claims.set(c.right.id, c.right)
  return E.right({ request: op.request, op: op._tag, entries: NO_ENTRIES, claim: c.right })
}

const claim: Handler<'claim'> = (ctx, op) => {
  const c = typeof op.claim === 'string' ? ctx.claims.get(op.claim) : undefined
  if (c === undefined) return fail('reference', ['claim'], text('the id of a submitted claim', '已提交申报的标识'), op.claim)
  const process = ctx.cfg.processes[c.process]
  if (process === undefined) return fail('reference', ['claim'], text('a claim of a configured process', '已配置流程的申报'), c.process)
  const r = stepClaim(process, ctx.cfg.zone)(c, op.action, op.at)
  if (E.isLeft(r)) return r
  ctx.claims.set(c.id, r.right.claim)
  const base = { request: op.request, op: op._tag, entries: NO_ENTRIES, claim: r.right.claim }
  return E.right(r.right.event === undefined ? base : { ...base, event: r.right.event })
}

const HANDLERS: { readonly [K in BankOp['_tag']]: Handler<K> } = { earn, post, redeem, reserve, confirm, cancel, restock, expire, reverse, submit, claim }

// One operation against the drafts; on a problem nothing has been written.
const applyInto = (ctx: Ctx, op: BankOp): E.Either<Problem, Receipt> => {
  const why = idProblem(op.request)
  if (why !== undefined) return fail(typeof op.request === 'string' ? 'format' : 'type', ['request'], why, op.request)
  if (!isInstant(op.at)) return fail('type', ['at'], text('an instant (epoch milliseconds)', '时刻（纪元毫秒数）'), op.at)
  const who = 'subject' in op ? op.subject : 'member' in op ? op.member : undefined
  const whoWhy = who === undefined ? undefined : idProblem(who)
  if (whoWhy !== undefined) return fail('format', ['subject' in op ? 'subject' : 'member'], whoWhy, who)
  const seen = ctx.requests.get(op.request)
  if (seen !== undefined) {
    return sameOp(seen.op, op)
      ? E.right(seen.receipt)
      : fail('conflict', ['request'], text(`the same operation as the first use of request ${op.request} (${seen.receipt.op})`, `与请求 ${op.request} 首次使用时相同的操作（${seen.receipt.op}）`), op)
  }
  const h = Object.prototype.hasOwnProperty.call(HANDLERS, op._tag) ? (HANDLERS[op._tag] as Handler<BankOp['_tag']>) : undefined
  if (h === undefined) return fail('unsupported', ['_tag'], text('a bank operation', '银行操作'), (op as { readonly _tag: unknown })._tag)
  const r = h(ctx, op as never)
  if (E.isRight(r)) ctx.requests.set(op.request, { op, receipt: r.right })
  return r
}

const draft = (bank: BankState): Ctx => ({
  cfg: bank.config,
  expiries: new Map(),
  accounts: draftTable(bank.accounts),
  items: draftTable(bank.items),
  orders: draftTable(bank.orders),
  claims: draftTable(bank.claims),
  requests: draftTable(bank.requests),
  days: new Map(),
  owned: new Set()
})

const finish = (bank: BankState, ctx: Ctx): BankState => ({
  _tag: 'Bank',
  config: bank.config,
  accounts: ctx.accounts.done(),
  items: ctx.items.done(),
  orders: ctx.orders.done(),
  claims: ctx.claims.done(),
  requests: ctx.requests.done()
})

// -------------------------------------------------------------------------------------
// combinators
// -------------------------------------------------------------------------------------

/**
 * Apply one operation: the new state and the receipt, or a problem (the
 * state is then unchanged). A retry with the same request id and content
 * returns the first receipt and changes nothing.
 *
 * @category combinators
 * @example
 * const r = applyOp(bank, { _tag: 'redeem', request: 'r-1', at: now, subject: 'm-1' as SubjectId, account: 'moral', points: 500 })
 * E.isLeft(r) && renderProblem(r.left) // => '$.points: expected at most 12 points (balance 12, reserved 0, floor 0), got 500'
 */
export const applyOp = (bank: BankState, op: BankOp): E.Either<Problem, readonly [BankState, Receipt]> => {
  const ctx = draft(bank)
  const r = applyInto(ctx, op)
  return E.isLeft(r) ? r : E.right([finish(bank, ctx), r.right] as const)
}

/**
 * `applyOp`, data-last (for `pipe` and folds).
 *
 * @category combinators
 * @example
 * pipe(bank, applyOpTo(op)) // => right([bank2, receipt])
 */
export const applyOpTo =
  (op: BankOp) =>
  (bank: BankState): E.Either<Problem, readonly [BankState, Receipt]> =>
    applyOp(bank, op)

/**
 * Apply many operations in order (each exactly as `applyOp` would, a failed
 * one leaving the state as it was), copying the state's tables once: the
 * fast path for a host replaying its log.
 *
 * @category combinators
 * @example
 * const { bank: after, results } = applyOps(bank, ops)
 * results.filter(E.isLeft).length // => operations refused
 */
export const applyOps = (bank: BankState, ops: Iterable<BankOp>): BatchResult => {
  const ctx = draft(bank)
  const results: Array<E.Either<Problem, Receipt>> = []
  for (const op of ops) results.push(applyInto(ctx, op))
  return { bank: finish(bank, ctx), results }
}

/**
 * The expiry operations due at `now`: one per account with expiry that holds
 * points due (request ids `<prefix><account>/<subject>`).
 *
 * @category utilities
 * @example
 * applyOps(bank, expiryDue(bank, now, 'expire-2021-07-01/')).results.length // => accounts with points due
 */
export const expiryDue = (bank: BankState, now: Instant, prefix: string): ReadonlyArray<BankOp> => {
  const out: Array<BankOp> = []
  for (const b of bank.accounts.buckets) {
    for (const k of Object.keys(b)) {
      const a = b[k] as AccountState
      if (bank.config.accounts[a.account]?.expiryMonths === undefined) continue
      if (a.lots.some((l) => l.expires !== null && l.expires <= now) && a.balance - a.reserved > 0) {
        out.push({ _tag: 'expire', request: `${prefix}${a.account}/${a.subject}`, at: now, subject: a.subject, account: a.account })
      }
    }
  }
  return out.sort((x, y) => (x.request < y.request ? -1 : x.request > y.request ? 1 : 0))
}
