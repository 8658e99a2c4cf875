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
import { at, calendar, idProblem, isInstant, MAX_ID_LENGTH, problem, text, type Calendar, type EventId, type Instant, type Location, type Problem, type Text } from '../core/index.js'
import type { Entry, EntryKind } from '../ledger/index.js'
import type { AccountId, SubjectId } from '../rules/index.js'
import { stepClaim, submitClaim, type Claim } from './claims.js'
import type { CheckedConfig } from './config.js'
import { insertLot, settleLots, takeLots } from './lots.js'
import { sameOp, type BankOp } from './ops.js'
import { accountKey, expiryOf, type AccountState, type BankState, type ItemState, type Lot, type ShopOrder, type Receipt } from './state.js'
import { draftTable, liveTable, tableForEach, tableGet, type Table, type TableDraft } from './table.js'

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
  readonly cal: Calendar
  /** Expiry instants by local day and months, computed once per batch. */
  readonly expiries: Map<number, Instant>
  /** The input state's accounts (never written: accounts a batch changes live in `drafts` until `finish`). */
  readonly accounts: Table<AccountState>
  readonly items: TableDraft<ItemState>
  readonly orders: TableDraft<ShopOrder>
  readonly claims: TableDraft<Claim>
  readonly requests: TableDraft<{ readonly op: BankOp; readonly receipt: Receipt }>
  /** Local day keys by day number, computed once per batch (shared by the entries of a day). */
  readonly days: Map<number, string>
  /**
   * Accounts copied by this draft, by account id then subject (so no key
   * string is built per operation): private to it, so later operations of the
   * same batch update them in place instead of copying the account and its
   * journal again (the input state's accounts are never touched).
   */
  readonly drafts: Map<string, Map<string, DraftAccount>>
}

/** An account owned by one draft (see `Ctx.drafts`): its arrays are its own copies, edited in place. */
interface DraftAccount {
  readonly subject: SubjectId
  readonly account: AccountId
  balance: number
  reserved: number
  readonly lots: Array<Lot>
  readonly entries: Array<Entry>
  readonly taken: Array<{ readonly entry: string; readonly lots: ReadonlyArray<Lot> }>
  readonly reversals: Array<{ readonly entry: string; readonly of: string; readonly reason?: string }>
}

/** Receipts that post no entry share this one (frozen) empty list. */
const NO_ENTRIES: ReadonlyArray<Entry> = Object.freeze([])

// -------------------------------------------------------------------------------------
// problems
// -------------------------------------------------------------------------------------

const fail = (code: Problem['code'], loc: Location, expected: Text, got: unknown): E.Either<Problem, never> => E.left(problem(code, loc, expected, got))

// Problems share these locations and texts (frozen, as they are shared): a refused operation allocates only what is its own.
const where = (...segments: ReadonlyArray<string>): Location => Object.freeze(at(Object.freeze(segments)))
const said = (en: string, zh: string): Text => Object.freeze(text(en, zh))

const AT = {
  tag: where('_tag'),
  at: where('at'),
  request: where('request'),
  subject: where('subject'),
  member: where('member'),
  account: where('account'),
  points: where('points'),
  quantity: where('quantity'),
  item: where('item'),
  order: where('order'),
  entry: where('entry'),
  entryKind: where('entry', 'kind'),
  entryGranted: where('entry', 'granted'),
  entryAccount: where('entry', 'account'),
  process: where('process'),
  claim: where('claim')
} as const

const POSITIVE_POINTS = said('a positive whole number of points', '正整数积分')
const POSITIVE_ITEMS = said('a positive whole number of items', '正整数件')
const AN_ITEM = said('an item of the shop', '商店中的商品')
const AN_ORDER = said('the id of an order', '订单标识')
const BALANCE_RANGE = said('a balance within ±9007199254740991', '在 ±9007199254740991 之内的余额')
const NOT_A_REVERSAL = said('an entry that is not itself a reversal', '本身不是冲正的条目')
const NEW_CLAIM_ID = said('a claim id not used before', '未使用过的申报标识')
const A_CLAIM = said('the id of a submitted claim', '已提交申报的标识')
const A_CLAIM_OF_PROCESS = said('a claim of a configured process', '已配置流程的申报')
const AN_INSTANT = said('an instant (epoch milliseconds)', '时刻（纪元毫秒数）')
const AN_OPERATION = said('a bank operation', '银行操作')
const EXPIRING = said('an account whose points expire (expiryMonths)', '积分会过期的账户（expiryMonths）')
const CONFIRM = said('confirm', '确认')
const CANCEL = said('cancel', '取消')

const isPositive = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) > 0

/**
 * One flat string: a template literal builds a tree of string pieces, and a
 * problem kept in a batch's results would keep the whole tree.
 */
const flat = (...parts: ReadonlyArray<string | number>): string => parts.join('')

const fmtFloor = (f: number | null): string => (f === null ? 'none' : String(f))

// -------------------------------------------------------------------------------------
// accounts
// -------------------------------------------------------------------------------------

const NONE: ReadonlyArray<never> = Object.freeze([])

/** A subject's account before anything was posted to it (read-only; `own` makes the draft's copy). */
const fresh = (subject: SubjectId, account: string): AccountState => ({
  subject,
  account: account as AccountId,
  balance: 0,
  reserved: 0,
  lots: NONE,
  entries: NONE,
  taken: NONE,
  reversals: NONE
})

type Policy = CheckedConfig['accounts'][string]

const policyOf = (ctx: Ctx, account: unknown): Policy | undefined => (typeof account === 'string' ? ctx.cfg.accounts[account] : undefined)

const unknownAccount = (ctx: Ctx, loc: Location, account: unknown): E.Either<Problem, never> => {
  const known = Object.keys(ctx.cfg.accounts).join(', ')
  return fail('reference', loc, text(`one of the accounts ${known}`, `已配置的账户：${known}`), account)
}

/** A subject's account as this draft sees it, if it has one. */
const findAccount = (ctx: Ctx, subject: string, account: string): AccountState | undefined =>
  ctx.drafts.get(account)?.get(subject) ?? (ctx.accounts.size === 0 ? undefined : tableGet(ctx.accounts, accountKey(account, subject)))

/** A subject's account, or a fresh one. */
const getAccount = (ctx: Ctx, subject: SubjectId, account: string): AccountState => findAccount(ctx, subject, account) ?? fresh(subject, account)

/**
 * The draft's own, writable copy of an account, entered in the draft (copied
 * on the first write of the batch). Call it only once every check has passed:
 * a refused operation must write nothing.
 */
const own = (ctx: Ctx, a: AccountState): DraftAccount => {
  let bySubject = ctx.drafts.get(a.account)
  if (bySubject === undefined) {
    bySubject = new Map()
    ctx.drafts.set(a.account, bySubject)
  }
  // `getAccount` hands out the draft's copy once there is one, so a copy found here is `a` itself.
  const mine = bySubject.get(a.subject)
  if (mine !== undefined) return mine
  const m: DraftAccount = {
    subject: a.subject,
    account: a.account,
    balance: a.balance,
    reserved: a.reserved,
    lots: a.lots.slice(),
    entries: a.entries.slice(),
    taken: a.taken.slice(),
    reversals: a.reversals.slice()
  }
  bySubject.set(a.subject, m)
  return m
}

/** The local day key of an instant (memoised per day within one batch). */
const dayKey = (ctx: Ctx, t: Instant): string => {
  const n = ctx.cal.dayNumber(t)
  let k = ctx.days.get(n)
  if (k === undefined) {
    k = ctx.cal.key('day', t)
    ctx.days.set(n, k)
  }
  return k
}

// One string per operation kind, shared by every entry (not a new string per entry).
const EVENT_TYPES: { readonly [K in BankOp['_tag']]: string } = {
  earn: 'bank.earn',
  post: 'bank.post',
  redeem: 'bank.redeem',
  reserve: 'bank.reserve',
  confirm: 'bank.confirm',
  cancel: 'bank.cancel',
  restock: 'bank.restock',
  expire: 'bank.expire',
  reverse: 'bank.reverse',
  submit: 'bank.submit',
  claim: 'bank.claim'
}

const makeEntry = (ctx: Ctx, op: BankOp, kind: EntryKind, subject: SubjectId, account: string, amount: number): Entry => ({
  id: op.request,
  kind,
  subject,
  account: account as AccountId,
  event: op.request as EventId,
  eventType: EVENT_TYPES[op._tag],
  rule: op._tag,
  at: op.at,
  day: dayKey(ctx, op.at),
  requested: (amount + 0) as Entry['requested'],
  granted: (amount + 0) as Entry['granted']
})

/** Whether spending `amount` more keeps `balance − reserved` at or above the floor. */
const floorAllows = (a: AccountState, floor: number | null, amount: number): boolean => floor === null || a.balance - a.reserved - amount >= floor

const belowFloor = (a: AccountState, floor: number | null, amount: number, loc: Location): E.Either<Problem, never> => {
  const most = Math.max(0, a.balance - a.reserved - (floor ?? 0))
  const f = fmtFloor(floor)
  return fail(
    'range',
    loc,
    text(
      flat('at most ', most, ' points (balance ', a.balance, ', reserved ', a.reserved, ', floor ', f, ')'),
      flat('不超过 ', most, ' 积分（余额 ', a.balance, '，已预留 ', a.reserved, '，下限 ', f, '）')
    ),
    amount
  )
}

/** When points earned at `t` expire (memoised per local day within one batch). */
const expiryAt = (ctx: Ctx, t: Instant, months: number): Instant => {
  const k = ctx.cal.dayNumber(t) * 1024 + months
  let x = ctx.expiries.get(k)
  if (x === undefined) {
    x = expiryOf(t, months, ctx.cfg.zone)
    ctx.expiries.set(k, x)
  }
  return x
}

/** Credit `points` as a new lot (dated `entry.at`), then settle. */
const credit = (ctx: Ctx, a: AccountState, months: number | undefined, entry: Entry, points: number): void => {
  const m = own(ctx, a)
  m.balance += points
  if (points > 0) insertLot(m.lots, { entry: entry.id, at: entry.at, expires: months === undefined ? null : expiryAt(ctx, entry.at, months), points })
  settleLots(m.lots, m.balance, undefined)
  m.entries.push(entry)
}

/** Debit `points` (oldest lots first), remembering the lots taken for an exact reversal. */
const debit = (ctx: Ctx, a: AccountState, entry: Entry, points: number, reservedRelease = 0): void => {
  const m = own(ctx, a)
  m.balance -= points
  m.reserved -= reservedRelease
  const taken = settleLots(m.lots, m.balance, undefined)
  m.entries.push(entry)
  if (taken.length > 0) m.taken.push({ entry: entry.id, lots: taken })
}

const safeBalance = (n: number): boolean => Number.isSafeInteger(n)

// -------------------------------------------------------------------------------------
// operations
// -------------------------------------------------------------------------------------

type Handler<K extends BankOp['_tag']> = (ctx: Ctx, op: Extract<BankOp, { readonly _tag: K }>) => E.Either<Problem, Receipt>

const earn: Handler<'earn'> = (ctx, op) => {
  const pol = policyOf(ctx, op.account)
  if (pol === undefined) return unknownAccount(ctx, AT.account, op.account)
  if (!isPositive(op.points)) return fail('range', AT.points, POSITIVE_POINTS, op.points)
  const a = getAccount(ctx, op.subject, op.account)
  if (!safeBalance(a.balance + op.points)) return fail('overflow', AT.points, BALANCE_RANGE, a.balance + op.points)
  const entry = makeEntry(ctx, op, 'earn', op.subject, op.account, op.points)
  credit(ctx, a, pol.expiryMonths, entry, op.points)
  return E.right({ request: op.request, op: op._tag, entries: [entry] })
}

const post: Handler<'post'> = (ctx, op) => {
  const e = op.entry
  if (op.request !== e.id) return fail('range', AT.request, text(`the entry's id ${e.id}`, `条目标识 ${e.id}`), op.request)
  if (e.kind !== 'earn' && e.kind !== 'deduct') return fail('range', AT.entryKind, text('a ledger entry of kind earn or deduct', 'earn 或 deduct 类型的台账条目'), e.kind)
  if (!Number.isSafeInteger(e.granted) || (e.kind === 'earn' ? e.granted < 0 : e.granted > 0)) {
    return fail('range', AT.entryGranted, text(e.kind === 'earn' ? 'points granted ≥ 0' : 'points granted ≤ 0', e.kind === 'earn' ? '不小于 0 的积分' : '不大于 0 的积分'), e.granted)
  }
  const pol = policyOf(ctx, e.account)
  if (pol === undefined) return unknownAccount(ctx, AT.entryAccount, e.account)
  const a = getAccount(ctx, e.subject, e.account)
  if (e.kind === 'earn') {
    if (!safeBalance(a.balance + e.granted)) return fail('overflow', AT.entryGranted, BALANCE_RANGE, a.balance + e.granted)
    credit(ctx, a, pol.expiryMonths, e, e.granted)
    return E.right({ request: op.request, op: op._tag, entries: [e] })
  }
  // A deduction is cut at the floor (as the ledger's rules do), never refused.
  const want = -e.granted
  const floor = pol.floor
  const room = floor === null ? want : Math.max(0, a.balance - a.reserved - floor)
  const took = Math.min(want, room)
  const entry: Entry = took === want ? e : { ...e, granted: (-took + 0) as Entry['granted'], cut: { _tag: 'Floor', floor: floor as number } }
  if (!safeBalance(a.balance - took)) return fail('overflow', AT.entryGranted, BALANCE_RANGE, a.balance - took)
  debit(ctx, a, entry, took)
  return E.right({ request: op.request, op: op._tag, entries: [entry] })
}

const redeem: Handler<'redeem'> = (ctx, op) => {
  const pol = policyOf(ctx, op.account)
  if (pol === undefined) return unknownAccount(ctx, AT.account, op.account)
  if (!isPositive(op.points)) return fail('range', AT.points, POSITIVE_POINTS, op.points)
  const a = getAccount(ctx, op.subject, op.account)
  if (!floorAllows(a, pol.floor, op.points)) return belowFloor(a, pol.floor, op.points, AT.points)
  if (!safeBalance(a.balance - op.points)) return fail('overflow', AT.points, BALANCE_RANGE, a.balance - op.points)
  const entry = makeEntry(ctx, op, 'redeem', op.subject, op.account, -op.points)
  debit(ctx, a, entry, op.points)
  return E.right({ request: op.request, op: op._tag, entries: [entry] })
}

const reserve: Handler<'reserve'> = (ctx, op) => {
  const it = typeof op.item === 'string' ? ctx.items.get(op.item) : undefined
  if (it === undefined) return fail('reference', AT.item, AN_ITEM, op.item)
  if (!isPositive(op.quantity)) return fail('range', AT.quantity, POSITIVE_ITEMS, op.quantity)
  const { item, stock } = it
  if (op.quantity > stock) return fail('range', AT.quantity, text(`at most ${stock} (in stock)`, `不超过库存 ${stock}`), op.quantity)
  const amount = item.price * op.quantity
  if (!safeBalance(amount)) return fail('overflow', AT.quantity, BALANCE_RANGE, amount)
  const pol = policyOf(ctx, item.account)
  if (pol === undefined) return unknownAccount(ctx, AT.item, item.account)
  const a = getAccount(ctx, op.subject, item.account)
  if (!floorAllows(a, pol.floor, amount)) return belowFloor(a, pol.floor, amount, AT.quantity)
  const order: ShopOrder = {
    id: op.request,
    subject: op.subject,
    account: item.account as AccountId,
    item: item.id,
    quantity: op.quantity,
    amount,
    status: 'reserved',
    reservedAt: op.at
  }
  ctx.items.set(item.id, { item, stock: stock - op.quantity })
  own(ctx, a).reserved += amount
  ctx.orders.set(order.id, order)
  return E.right({ request: op.request, op: op._tag, entries: NO_ENTRIES, order })
}

const openOrder = (ctx: Ctx, id: unknown, verb: Text): E.Either<Problem, ShopOrder> => {
  const o = typeof id === 'string' ? ctx.orders.get(id) : undefined
  if (o === undefined) return fail('reference', AT.order, AN_ORDER, id)
  if (o.status !== 'reserved') {
    return fail('state', AT.order, text(`a reserved order to ${verb.en} (order ${o.id} is ${o.status})`, `可${verb.zh}的预留订单（订单 ${o.id} 已${o.status === 'confirmed' ? '交付' : '取消'}）`), o.status)
  }
  return E.right(o)
}

// Closed orders, written out rather than spread (this runs for every hand-over); the keys keep the order's order.
const confirmed = (o: ShopOrder, at: Instant, entry: string): ShopOrder => ({
  id: o.id,
  subject: o.subject,
  account: o.account,
  item: o.item,
  quantity: o.quantity,
  amount: o.amount,
  status: 'confirmed',
  reservedAt: o.reservedAt,
  closedAt: at,
  entry
})
const cancelled = (o: ShopOrder, at: Instant): ShopOrder => ({
  id: o.id,
  subject: o.subject,
  account: o.account,
  item: o.item,
  quantity: o.quantity,
  amount: o.amount,
  status: 'cancelled',
  reservedAt: o.reservedAt,
  closedAt: at
})

const confirm: Handler<'confirm'> = (ctx, op) => {
  const found = openOrder(ctx, op.order, CONFIRM)
  if (E.isLeft(found)) return found
  const order = found.right
  const a = getAccount(ctx, order.subject, order.account)
  const entry = makeEntry(ctx, op, 'redeem', order.subject, order.account, -order.amount)
  const done: ShopOrder = confirmed(order, op.at, entry.id)
  debit(ctx, a, entry, order.amount, order.amount)
  ctx.orders.set(order.id, done)
  return E.right({ request: op.request, op: op._tag, entries: [entry], order: done })
}

const cancel: Handler<'cancel'> = (ctx, op) => {
  const found = openOrder(ctx, op.order, CANCEL)
  if (E.isLeft(found)) return found
  const order = found.right
  const it = ctx.items.get(order.item) as ItemState
  const a = getAccount(ctx, order.subject, order.account)
  const done: ShopOrder = cancelled(order, op.at)
  ctx.items.set(order.item, { item: it.item, stock: it.stock + order.quantity })
  own(ctx, a).reserved -= order.amount
  ctx.orders.set(order.id, done)
  return E.right({ request: op.request, op: op._tag, entries: NO_ENTRIES, order: done })
}

const restock: Handler<'restock'> = (ctx, op) => {
  const it = typeof op.item === 'string' ? ctx.items.get(op.item) : undefined
  if (it === undefined) return fail('reference', AT.item, AN_ITEM, op.item)
  if (!isPositive(op.quantity)) return fail('range', AT.quantity, POSITIVE_ITEMS, op.quantity)
  if (!safeBalance(it.stock + op.quantity)) return fail('overflow', AT.quantity, BALANCE_RANGE, it.stock + op.quantity)
  ctx.items.set(it.item.id, { item: it.item, stock: it.stock + op.quantity })
  return E.right({ request: op.request, op: op._tag, entries: NO_ENTRIES })
}

const expire: Handler<'expire'> = (ctx, op) => {
  const pol = policyOf(ctx, op.account)
  if (pol === undefined) return unknownAccount(ctx, AT.account, op.account)
  if (pol.expiryMonths === undefined) return fail('unsupported', AT.account, EXPIRING, op.account)
  const a = getAccount(ctx, op.subject, op.account)
  const now = op.at
  const due = (l: Lot): boolean => l.expires !== null && l.expires <= now
  let dueTotal = 0
  for (const l of a.lots) if (due(l)) dueTotal += l.points
  // Reserved points are held for their order: expiry never takes them.
  const amount = Math.min(dueTotal, Math.max(0, a.balance - a.reserved))
  if (amount === 0) return E.right({ request: op.request, op: op._tag, entries: NO_ENTRIES })
  const entry = makeEntry(ctx, op, 'expire', op.subject, op.account, -amount)
  const m = own(ctx, a)
  const taken = takeLots(m.lots, amount, due)
  m.balance -= amount
  m.entries.push(entry)
  m.taken.push({ entry: entry.id, lots: taken })
  return E.right({ request: op.request, op: op._tag, entries: [entry] })
}

const reverse: Handler<'reverse'> = (ctx, op) => {
  const pol = policyOf(ctx, op.account)
  if (pol === undefined) return unknownAccount(ctx, AT.account, op.account)
  const a = findAccount(ctx, op.subject, op.account)
  const orig = a?.entries.find((e) => e.id === op.entry)
  if (a === undefined || orig === undefined) return fail('reference', AT.entry, text(`the id of an entry of ${op.subject} on ${op.account}`, `${op.subject} 在 ${op.account} 上的条目标识`), op.entry)
  if (orig.kind === 'reversal') return fail('state', AT.entry, NOT_A_REVERSAL, op.entry)
  const already = a.reversals.find((r) => r.of === orig.id)
  if (already !== undefined) return fail('state', AT.entry, text(`an entry not reversed yet (reversed by ${already.entry})`, `尚未冲正的条目（已被 ${already.entry} 冲正）`), op.entry)
  const g = orig.granted as number
  if (g > 0 && !floorAllows(a, pol.floor, g)) return belowFloor(a, pol.floor, g, AT.entry)
  if (!safeBalance(a.balance - g)) return fail('overflow', AT.entry, BALANCE_RANGE, a.balance - g)
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
  const back = g > 0 ? undefined : a.taken.find((t) => t.entry === orig.id)?.lots
  const reversal = op.reason === undefined ? { entry: entry.id, of: orig.id } : { entry: entry.id, of: orig.id, reason: op.reason }
  // Every check has passed: from here on the draft's own copy is edited.
  const m = own(ctx, a)
  m.balance -= g
  let taken: ReadonlyArray<Lot>
  if (g > 0) {
    // The credit's own lot goes first, then the oldest.
    const mine = takeLots(m.lots, g, (l) => l.entry === orig.id)
    const more = settleLots(m.lots, m.balance, undefined)
    taken = more.length === 0 ? mine : mine.concat(more)
  } else {
    // A debit's lots come back with their dates (an expiry's, without expiry: the correction says they were kept).
    for (const l of back ?? NONE) insertLot(m.lots, orig.kind === 'expire' ? { ...l, expires: null } : l)
    const months = pol.expiryMonths
    const fill = (points: number): Lot => ({ entry: entry.id, at: op.at, expires: months === undefined ? null : expiryAt(ctx, op.at, months), points })
    taken = settleLots(m.lots, m.balance, fill)
  }
  m.entries.push(entry)
  if (taken.length > 0) m.taken.push({ entry: entry.id, lots: taken })
  m.reversals.push(reversal)
  return E.right({ request: op.request, op: op._tag, entries: [entry] })
}

const submit: Handler<'submit'> = (ctx, op) => {
  const process = ctx.cfg.processes[op.process]
  if (process === undefined) {
    const known = Object.keys(ctx.cfg.processes).join(', ')
    return fail('reference', AT.process, text(`one of the claim processes ${known}`, `已配置的申报流程：${known}`), op.process)
  }
  if (ctx.claims.get(op.claim) !== undefined) return fail('duplicate', AT.claim, NEW_CLAIM_ID, op.claim)
  const input = { id: op.claim, member: op.member, ...(op.beneficiary === undefined ? {} : { beneficiary: op.beneficiary }), ...(op.attrs === undefined ? {} : { attrs: op.attrs }) }
  const c = submitClaim(process, input, op.at)
  if (E.isLeft(c)) return c
  ctx.claims.set(c.right.id, c.right)
  return E.right({ request: op.request, op: op._tag, entries: NO_ENTRIES, claim: c.right })
}

const claim: Handler<'claim'> = (ctx, op) => {
  const c = typeof op.claim === 'string' ? ctx.claims.get(op.claim) : undefined
  if (c === undefined) return fail('reference', AT.claim, A_CLAIM, op.claim)
  const process = ctx.cfg.processes[c.process]
  if (process === undefined) return fail('reference', AT.claim, A_CLAIM_OF_PROCESS, c.process)
  const r = stepClaim(process, ctx.cfg.zone)(c, op.action, op.at)
  if (E.isLeft(r)) return r
  ctx.claims.set(c.id, r.right.claim)
  const base = { request: op.request, op: op._tag, entries: NO_ENTRIES, claim: r.right.claim }
  return E.right(r.right.event === undefined ? base : { ...base, event: r.right.event })
}

/** The handler for an operation's tag (a switch: a keyed lookup on a table of handlers is slower per operation). */
const handle = (ctx: Ctx, op: BankOp): E.Either<Problem, Receipt> | undefined => {
  switch (op._tag) {
    case 'earn':
      return earn(ctx, op)
    case 'post':
      return post(ctx, op)
    case 'redeem':
      return redeem(ctx, op)
    case 'reserve':
      return reserve(ctx, op)
    case 'confirm':
      return confirm(ctx, op)
    case 'cancel':
      return cancel(ctx, op)
    case 'restock':
      return restock(ctx, op)
    case 'expire':
      return expire(ctx, op)
    case 'reverse':
      return reverse(ctx, op)
    case 'submit':
      return submit(ctx, op)
    case 'claim':
      return claim(ctx, op)
    default:
      return undefined
  }
}

/**
 * `idProblem`, without its regular expression for the usual id: one
 * of printable ASCII (no control character can be in it) is always valid;
 * anything else is asked of `idProblem` itself.
 */
const idWhy = (s: unknown): Text | undefined => {
  if (typeof s !== 'string' || s.length === 0 || s.length > MAX_ID_LENGTH) return idProblem(s)
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x20 || c > 0x7e) return idProblem(s)
  }
  return undefined
}

// One operation against the drafts; on a problem nothing has been written.
const applyInto = (ctx: Ctx, op: BankOp): E.Either<Problem, Receipt> => {
  const why = idWhy(op.request)
  if (why !== undefined) return fail(typeof op.request === 'string' ? 'format' : 'type', AT.request, why, op.request)
  if (!isInstant(op.at)) return fail('type', AT.at, AN_INSTANT, op.at)
  const who = 'subject' in op ? op.subject : 'member' in op ? op.member : undefined
  const whoWhy = who === undefined ? undefined : idWhy(who)
  if (whoWhy !== undefined) return fail('format', 'subject' in op ? AT.subject : AT.member, whoWhy, who)
  const seen = ctx.requests.get(op.request)
  if (seen !== undefined) {
    return sameOp(seen.op, op)
      ? E.right(seen.receipt)
      : fail('conflict', AT.request, text(`the same operation as the first use of request ${op.request} (${seen.receipt.op})`, `与请求 ${op.request} 首次使用时相同的操作（${seen.receipt.op}）`), op)
  }
  const r = handle(ctx, op)
  if (r === undefined) return fail('unsupported', AT.tag, AN_OPERATION, (op as { readonly _tag: unknown })._tag)
  if (E.isRight(r)) ctx.requests.set(op.request, { op, receipt: r.right })
  return r
}

const draft = (bank: BankState): Ctx => ({
  cfg: bank.config,
  cal: calendar(bank.config.zone),
  expiries: new Map(),
  accounts: liveTable(bank.accounts),
  items: draftTable(bank.items),
  orders: draftTable(bank.orders),
  claims: draftTable(bank.claims),
  requests: draftTable(bank.requests),
  days: new Map(),
  drafts: new Map()
})

/** The accounts table with every account this draft copied. */
const finishAccounts = (ctx: Ctx, input: Table<AccountState>): Table<AccountState> => {
  if (ctx.drafts.size === 0) return input
  const d = draftTable(input)
  for (const bySubject of ctx.drafts.values()) for (const m of bySubject.values()) d.set(accountKey(m.account, m.subject), m)
  return d.done()
}

const finish = (bank: BankState, ctx: Ctx): BankState => ({
  _tag: 'Bank',
  config: bank.config,
  accounts: finishAccounts(ctx, bank.accounts),
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
  tableForEach(bank.accounts, (a) => {
    if (bank.config.accounts[a.account]?.expiryMonths === undefined) return
    if (a.lots.some((l) => l.expires !== null && l.expires <= now) && a.balance - a.reserved > 0) {
      out.push({ _tag: 'expire', request: `${prefix}${a.account}/${a.subject}`, at: now, subject: a.subject, account: a.account })
    }
  })
  return out.sort((x, y) => (x.request < y.request ? -1 : x.request > y.request ? 1 : 0))
}
