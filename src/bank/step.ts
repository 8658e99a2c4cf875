/**
 * The bank's rules: one operation against a store at its head, in place.
 * Every check comes first and a refused operation writes nothing (it returns
 * its problem); an accepted one is appended to the log. This is the only
 * implementation of the rules: `applyOp`, `applyOps` and the replay of an
 * older version all run it. TigerBeetle's guarantees: entries are immutable
 * (corrections are reversals), request ids are idempotent, balances never
 * fall below their floor, and orders are two-phase (reserve, then confirm or
 * cancel).
 *
 * @module
 * @internal
 */
import * as E from 'fp-ts/lib/Either.js'
import { at, idProblem, isInstant, MAX_ID_LENGTH, problem, text, type Instant, type Location, type Problem, type Text } from '../core/internal.js'
import type { Entry } from '../ledger/internal.js'
import type { SubjectId } from '../rules/internal.js'
import { stepClaim, submitClaim } from './claims.js'
import { indexOf } from './ids.js'
import { actionProblem, attrsProblem, entryProblem, keysProblem, optionalText, shapeOf, WHO_MEMBER, WHO_SUBJECT } from './opcheck.js'
import { sameOp, type BankOp } from './ops.js'
import {
  addRequest,
  expiryAt,
  findSlot,
  insertLot,
  K_DEDUCT,
  K_EARN,
  K_EXPIRE,
  K_REDEEM,
  K_REVERSAL,
  L_EXP,
  L_NEXT,
  L_PTS,
  LOT,
  NEVER,
  newOrder,
  O_CANCELLED,
  O_CONFIRMED,
  O_RESERVED,
  PICK_DUE,
  PICK_ENTRY,
  postJournal,
  requestOf,
  reserveLog,
  S_BALANCE,
  S_EXISTS,
  S_LOT_HEAD,
  S_RESERVED,
  settleLots,
  SLOT,
  slotOf,
  takeLots,
  touch,
  type Policy,
  type Store
} from './store.js'

// -------------------------------------------------------------------------------------
// problems
// -------------------------------------------------------------------------------------

const fail = (code: Problem['code'], loc: Location, expected: Text, got: unknown): Problem => problem(code, loc, expected, got)

// Problems share these locations and texts (frozen, as they are shared): a refused operation allocates only what is its own.
const where = (...segments: ReadonlyArray<string>): Location => Object.freeze(at(Object.freeze(segments)))
const said = (en: string, zh: string): Text => Object.freeze(text(en, zh))

const AT = {
  op: where(),
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
const A_READABLE_OPERATION = said('a bank operation whose fields can be read (plain data)', '字段可读取的银行操作（纯数据）')
const UNREADABLE = '(a value whose fields could not be read)'
const A_PROCESS_NAME = said('the id of a claim process (string)', '申报流程标识（字符串）')
const A_CLAIM_ID = said('a claim id (string)', '申报标识（字符串）')
const A_NAME = said('a non-empty string', '非空字符串')
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

const safeBalance = (n: number): boolean => Number.isSafeInteger(n)

// -------------------------------------------------------------------------------------
// accounts
// -------------------------------------------------------------------------------------

/** The account's index for a known account id, else -1. */
const accOf = (st: Store, account: unknown): number => (typeof account === 'string' ? (st.accIndex.get(account) ?? -1) : -1)

const unknownAccount = (st: Store, loc: Location, account: unknown): Problem => {
  const known = st.accIds.join(', ')
  return fail('reference', loc, text(`one of the accounts ${known}`, `已配置的账户：${known}`), account)
}

const balanceAt = (st: Store, slot: number): number => (slot < 0 ? 0 : (st.slots[SLOT * slot + S_BALANCE] as number))
const reservedAt = (st: Store, slot: number): number => (slot < 0 ? 0 : (st.slots[SLOT * slot + S_RESERVED] as number))

/** Whether spending `amount` more keeps `balance − reserved` at or above the floor. */
const floorAllows = (st: Store, slot: number, floor: number | null, amount: number): boolean =>
  floor === null || balanceAt(st, slot) - reservedAt(st, slot) - amount >= floor

/**
 * Refused, the problem to be built from the store's `why` details: the
 * common refusals (below the floor, no such order, an order closed) leave
 * numbers rather than a problem, so a batch that refuses a quarter of a
 * million operations keeps numbers, not a quarter of a million problems.
 */
export const LATER = -0x40000000
type Later = typeof LATER

const W_FLOOR = 1
const W_NO_ORDER = 2
const W_ORDER_STATE = 3

const later = (st: Store, why: number, a: number, b: number, c: number, d: number, ref: unknown): Later => {
  st.why = why
  st.whyA = a
  st.whyB = b
  st.whyC = c
  st.whyD = d
  st.whyRef = ref
  return LATER
}

const belowFloor = (st: Store, slot: number, floor: number | null, amount: number, loc: Location): Later =>
  later(st, W_FLOOR, balanceAt(st, slot), reservedAt(st, slot), floor === null ? Number.NaN : floor, amount, loc)

const floorProblem = (balance: number, reserved: number, floorOrNaN: number, amount: number, loc: Location): Problem => {
  const floor = Number.isNaN(floorOrNaN) ? null : floorOrNaN
  const most = Math.max(0, balance - reserved - (floor ?? 0))
  const f = fmtFloor(floor)
  return fail(
    'range',
    loc,
    text(
      flat('at most ', most, ' points (balance ', balance, ', reserved ', reserved, ', floor ', f, ')'),
      flat('不超过 ', most, ' 积分（余额 ', balance, '，已预留 ', reserved, '，下限 ', f, '）')
    ),
    amount
  )
}

const expiresAt = (st: Store, pol: Policy, t: Instant): number => (pol.expiryMonths === undefined ? NEVER : expiryAt(st, t, pol.expiryMonths))

/** Credit `points` as a new lot of entry `j` (dated `t`), then settle (nothing taken is kept: only a negative balance loses the lot). */
const credit = (st: Store, slot: number, pol: Policy, j: number, t: Instant, points: number): void => {
  touch(st, slot)
  st.slots[SLOT * slot + S_BALANCE] = (st.slots[SLOT * slot + S_BALANCE] as number) + points
  if (points > 0) insertLot(st, slot, j, t, expiresAt(st, pol, t), points)
  const mark = st.tCount
  settleLots(st, slot, -1, 0, 0)
  st.tCount = mark
}

/** Debit `points` (oldest lots first), keeping the lots taken with entry `j` for an exact reversal. */
const debit = (st: Store, slot: number, j: number, points: number, reservedRelease: number): void => {
  touch(st, slot)
  st.slots[SLOT * slot + S_BALANCE] = (st.slots[SLOT * slot + S_BALANCE] as number) - points
  st.slots[SLOT * slot + S_RESERVED] = (st.slots[SLOT * slot + S_RESERVED] as number) - reservedRelease
  st.jTakenStart[j] = st.tCount
  settleLots(st, slot, -1, 0, 0)
  st.jTakenEnd[j] = st.tCount
}

// -------------------------------------------------------------------------------------
// operations
// -------------------------------------------------------------------------------------

/**
 * A handler: `undefined` when applied (as log index `log`), else the problem
 * (nothing written). The request id, the instant and the subject (a claim's:
 * the member; '' for none) come checked from `step`; each other field is read
 * once, into a local, before the first write (so that even a getter read
 * twice could not change what is written).
 */
type Handler<K extends BankOp['_tag']> = (st: Store, op: Extract<BankOp, { readonly _tag: K }>, log: number, request: string, t: Instant, who: string) => Problem | Later | undefined

// An earn's or a redemption's account (its index), points and note, each read once and checked; or the problem.
const accountPoints = (st: Store, op: { readonly account: unknown; readonly points: unknown; readonly note?: unknown }): readonly [number, number] | Problem => {
  const account = op.account
  const acc = accOf(st, account)
  if (acc < 0) return unknownAccount(st, AT.account, account)
  const points = op.points
  if (!isPositive(points)) return fail('range', AT.points, POSITIVE_POINTS, points)
  return optionalText(op.note, 'note') ?? [acc, points]
}

const earn: Handler<'earn'> = (st, op, log, _request, t, who) => {
  const checked = accountPoints(st, op)
  if (!Array.isArray(checked)) return checked as Problem
  const [acc, points] = checked
  const found = findSlot(st, who, acc)
  const after = balanceAt(st, found) + points
  if (!safeBalance(after)) return fail('overflow', AT.points, BALANCE_RANGE, after)
  const slot = found >= 0 ? found : slotOf(st, who, acc)
  const j = postJournal(st, slot, K_EARN, points, log)
  credit(st, slot, st.policies[acc] as Policy, j, t, points)
  return undefined
}

const post: Handler<'post'> = (st, op, log, request) => {
  const e = op.entry
  // Every field of the entry is of its type before any is used (an instant that is not one used to throw after the balance was written).
  const bad = entryProblem(e)
  if (bad !== undefined) return bad
  const id = e.id
  if (request !== id) return fail('range', AT.request, text(`the entry's id ${id}`, `条目标识 ${id}`), request)
  const kind = e.kind
  if (kind !== 'earn' && kind !== 'deduct') return fail('range', AT.entryKind, text('a ledger entry of kind earn or deduct', 'earn 或 deduct 类型的台账条目'), kind)
  const granted = e.granted
  if (!Number.isSafeInteger(granted) || (kind === 'earn' ? granted < 0 : granted > 0)) {
    return fail('range', AT.entryGranted, text(kind === 'earn' ? 'points granted ≥ 0' : 'points granted ≤ 0', kind === 'earn' ? '不小于 0 的积分' : '不大于 0 的积分'), granted)
  }
  const account = e.account
  const acc = accOf(st, account)
  if (acc < 0) return unknownAccount(st, AT.entryAccount, account)
  const subject = e.subject
  const at = e.at
  if (typeof subject !== 'string' || !isInstant(at)) return fail('type', AT.entry, said('a ledger entry', '台账条目'), e)
  const pol = st.policies[acc] as Policy
  const found = findSlot(st, subject, acc)
  const balance = balanceAt(st, found)
  if (kind === 'earn') {
    if (!safeBalance(balance + granted)) return fail('overflow', AT.entryGranted, BALANCE_RANGE, balance + granted)
    const slot = found >= 0 ? found : slotOf(st, subject, acc)
    const j = postJournal(st, slot, K_EARN, granted, log)
    credit(st, slot, pol, j, at, granted)
    return undefined
  }
  // A deduction is cut at the floor (as the ledger's rules do), never refused.
  const want = -granted
  const floor = pol.floor
  const room = floor === null ? want : Math.max(0, balance - reservedAt(st, found) - floor)
  const took = Math.min(want, room)
  if (!safeBalance(balance - took) || !safeBalance(balance - took - reservedAt(st, found))) return fail('overflow', AT.entryGranted, BALANCE_RANGE, balance - took)
  const slot = found >= 0 ? found : slotOf(st, subject, acc)
  const j = postJournal(st, slot, K_DEDUCT, -took + 0, log)
  debit(st, slot, j, took, 0)
  return undefined
}

const redeem: Handler<'redeem'> = (st, op, log, _request, _t, who) => {
  const checked = accountPoints(st, op)
  if (!Array.isArray(checked)) return checked as Problem
  const [acc, points] = checked
  const pol = st.policies[acc] as Policy
  const found = findSlot(st, who, acc)
  if (!floorAllows(st, found, pol.floor, points)) return belowFloor(st, found, pol.floor, points, AT.points)
  const after = balanceAt(st, found) - points
  // Without a floor, what can be spent (balance − reserved) stays in the safe range too.
  if (!safeBalance(after) || !safeBalance(after - reservedAt(st, found))) return fail('overflow', AT.points, BALANCE_RANGE, after)
  const slot = found >= 0 ? found : slotOf(st, who, acc)
  const j = postJournal(st, slot, K_REDEEM, -points, log)
  debit(st, slot, j, points, 0)
  return undefined
}

const reserve: Handler<'reserve'> = (st, op, _log, request, t, who) => {
  const id = op.item
  const ii = typeof id === 'string' ? st.itemIndex.get(id) : undefined
  if (ii === undefined) return fail('reference', AT.item, AN_ITEM, id)
  const quantity = op.quantity
  if (!isPositive(quantity)) return fail('range', AT.quantity, POSITIVE_ITEMS, quantity)
  const item = st.items[ii] as (typeof st.items)[number]
  const stock = st.stock[ii] as number
  if (quantity > stock) return fail('range', AT.quantity, text(`at most ${stock} (in stock)`, `不超过库存 ${stock}`), quantity)
  const amount = item.price * quantity
  if (!safeBalance(amount)) return fail('overflow', AT.quantity, BALANCE_RANGE, amount)
  const acc = accOf(st, item.account)
  if (acc < 0) return unknownAccount(st, AT.item, item.account)
  const pol = st.policies[acc] as Policy
  const found = findSlot(st, who, acc)
  if (!floorAllows(st, found, pol.floor, amount)) return belowFloor(st, found, pol.floor, amount, AT.quantity)
  const held = reservedAt(st, found) + amount
  if (!safeBalance(held) || !safeBalance(balanceAt(st, found) - held)) return fail('overflow', AT.quantity, BALANCE_RANGE, held)
  const slot = found >= 0 ? found : slotOf(st, who, acc)
  st.stock[ii] = stock - quantity
  touch(st, slot)
  st.slots[SLOT * slot + S_RESERVED] = (st.slots[SLOT * slot + S_RESERVED] as number) + amount
  const o = newOrder(st, request)
  st.oItem[o] = ii
  st.oSlot[o] = slot
  st.oQty[o] = quantity
  st.oAmount[o] = amount
  st.oStatus[o] = O_RESERVED
  st.oReservedAt[o] = t
  return undefined
}

const STATUS_NAMES = ['reserved', 'confirmed', 'cancelled'] as const

/** The index of a reserved order, or the problem. */
/** The index of a reserved order (≥ 0), or the refusal. */
const openOrder = (st: Store, id: unknown, verb: number): number => {
  const o = typeof id === 'string' ? indexOf(st.orderIndex, id) : -1
  if (o < 0) return later(st, W_NO_ORDER, 0, 0, 0, 0, id)
  const status = st.oStatus[o] as number
  if (status !== O_RESERVED) return later(st, W_ORDER_STATE, status, verb, 0, 0, st.orderIndex.keys[o])
  return o
}

const VERBS = [CONFIRM, CANCEL] as const

const orderStateProblem = (id: string, status: number, verb: Text): Problem => {
  const s = STATUS_NAMES[status] as string
  return fail('state', AT.order, text(`a reserved order to ${verb.en} (order ${id} is ${s})`, `可${verb.zh}的预留订单（订单 ${id} 已${status === O_CONFIRMED ? '交付' : '取消'}）`), s)
}

/**
 * The problem of a refusal left for later (see `LATER`), from its details.
 *
 * @category utilities
 */
export const whyProblem = (why: number, a: number, b: number, c: number, d: number, ref: unknown): Problem => {
  if (why === W_FLOOR) return floorProblem(a, b, c, d, ref as Location)
  if (why === W_NO_ORDER) return fail('reference', AT.order, AN_ORDER, ref)
  return orderStateProblem(ref as string, a, VERBS[b] as Text)
}

/**
 * The problem of the store's last refusal left for later.
 *
 * @category utilities
 */
export const lastProblem = (st: Store): Problem => whyProblem(st.why, st.whyA, st.whyB, st.whyC, st.whyD, st.whyRef)

const confirm: Handler<'confirm'> = (st, op, log, request, t) => {
  const o = openOrder(st, op.order, 0)
  if (o < 0) return LATER
  const slot = st.oSlot[o] as number
  const amount = st.oAmount[o] as number
  const j = postJournal(st, slot, K_REDEEM, -amount + 0, log)
  debit(st, slot, j, amount, amount)
  st.oStatus[o] = O_CONFIRMED
  st.oClosedAt[o] = t
  st.oEntry[o] = request
  return undefined
}

const cancel: Handler<'cancel'> = (st, op, _log, _request, t) => {
  const o = openOrder(st, op.order, 1)
  if (o < 0) return LATER
  const slot = st.oSlot[o] as number
  const ii = st.oItem[o] as number
  st.stock[ii] = (st.stock[ii] as number) + (st.oQty[o] as number)
  touch(st, slot)
  st.slots[SLOT * slot + S_RESERVED] = (st.slots[SLOT * slot + S_RESERVED] as number) - (st.oAmount[o] as number)
  st.oStatus[o] = O_CANCELLED
  st.oClosedAt[o] = t
  return undefined
}

const restock: Handler<'restock'> = (st, op) => {
  const id = op.item
  const ii = typeof id === 'string' ? st.itemIndex.get(id) : undefined
  if (ii === undefined) return fail('reference', AT.item, AN_ITEM, id)
  const quantity = op.quantity
  if (!isPositive(quantity)) return fail('range', AT.quantity, POSITIVE_ITEMS, quantity)
  const after = (st.stock[ii] as number) + quantity
  if (!safeBalance(after)) return fail('overflow', AT.quantity, BALANCE_RANGE, after)
  st.stock[ii] = after
  return undefined
}

const expire: Handler<'expire'> = (st, op, log, _request, t, who) => {
  const account = op.account
  const acc = accOf(st, account)
  if (acc < 0) return unknownAccount(st, AT.account, account)
  if ((st.policies[acc] as Policy).expiryMonths === undefined) return fail('unsupported', AT.account, EXPIRING, account)
  const slot = findSlot(st, who, acc)
  if (slot < 0) return undefined
  const now = t
  let dueTotal = 0
  for (let n = st.slots[SLOT * slot + S_LOT_HEAD] as number; n >= 0; n = st.lots[LOT * n + L_NEXT] as number) if ((st.lots[LOT * n + L_EXP] as number) <= now) dueTotal += st.lots[LOT * n + L_PTS] as number
  // Reserved points are held for their order: expiry never takes them.
  const amount = Math.min(dueTotal, Math.max(0, (st.slots[SLOT * slot + S_BALANCE] as number) - (st.slots[SLOT * slot + S_RESERVED] as number)))
  if (amount === 0) return undefined
  const j = postJournal(st, slot, K_EXPIRE, -amount, log)
  touch(st, slot)
  st.jTakenStart[j] = st.tCount
  takeLots(st, slot, amount, PICK_DUE, now)
  st.jTakenEnd[j] = st.tCount
  st.slots[SLOT * slot + S_BALANCE] = (st.slots[SLOT * slot + S_BALANCE] as number) - amount
  return undefined
}

/** The journal entry a request posted (-1: none or unknown). */
export const entryOfRequest = (st: Store, request: unknown): number => {
  const r = requestOf(st, request)
  if (r === undefined) return -1
  return r >= 0 ? (st.logEntry[r] as number) : (st.baseEntry[-1 - r] ?? -1)
}

/**
 * An entry's id: its request's (every entry is posted by one request, under its id).
 *
 * @category utilities
 */
export const entryIdOf = (st: Store, j: number): string => {
  const l = st.jLog[j] as number
  return l >= 0 ? (st.log[l] as BankOp).request : (st.jObj.get(j) as Entry).id
}

const reverse: Handler<'reverse'> = (st, op, log, _request, t, who) => {
  const account = op.account
  const acc = accOf(st, account)
  if (acc < 0) return unknownAccount(st, AT.account, account)
  const pol = st.policies[acc] as Policy
  const slot = findSlot(st, who, acc)
  const entry = op.entry
  const orig = slot < 0 || st.slots[SLOT * slot + S_EXISTS] === 0 ? -1 : entryOfRequest(st, entry)
  if (orig < 0 || st.jSlot[orig] !== slot) return fail('reference', AT.entry, text(`the id of an entry of ${who} on ${account}`, `${who} 在 ${account} 上的条目标识`), entry)
  const kind = st.jKind[orig] as number
  if (kind === K_REVERSAL) return fail('state', AT.entry, NOT_A_REVERSAL, entry)
  const by = st.jRevBy[orig] as number
  if (by >= 0) return fail('state', AT.entry, text(`an entry not reversed yet (reversed by ${entryIdOf(st, by)})`, `尚未冲正的条目（已被 ${entryIdOf(st, by)} 冲正）`), entry)
  const reason = op.reason
  if (reason !== undefined && typeof reason !== 'string') return optionalText(reason, 'reason')
  const g = st.jGranted[orig] as number
  if (g > 0 && !floorAllows(st, slot, pol.floor, g)) return belowFloor(st, slot, pol.floor, g, AT.entry)
  const after = (st.slots[SLOT * slot + S_BALANCE] as number) - g
  if (!safeBalance(after) || !safeBalance(after - reservedAt(st, slot))) return fail('overflow', AT.entry, BALANCE_RANGE, after)
  // Every check has passed: from here on the store is written.
  const j = postJournal(st, slot, K_REVERSAL, -g + 0, log)
  st.jOf[j] = orig
  st.jRevBy[orig] = j
  st.slots[SLOT * slot + S_BALANCE] = after
  st.jTakenStart[j] = st.tCount
  if (g > 0) {
    // The credit's own lot goes first, then the oldest.
    takeLots(st, slot, g, PICK_ENTRY, orig)
    settleLots(st, slot, -1, 0, 0)
  } else {
    // A debit's lots come back with their dates (an expiry's, without expiry: the correction says they were kept).
    const end = st.jTakenEnd[orig] as number
    for (let t = st.jTakenStart[orig] as number; t < end; t++) {
      insertLot(st, slot, st.tEntry[t] as number, st.tAt[t] as number, kind === K_EXPIRE ? NEVER : (st.tExp[t] as number), st.tPts[t] as number)
    }
    settleLots(st, slot, j, t, expiresAt(st, pol, t))
  }
  st.jTakenEnd[j] = st.tCount
  return undefined
}

const submit: Handler<'submit'> = (st, op, log, _request, t, who) => {
  const name = op.process
  if (typeof name !== 'string') return fail('type', AT.process, A_PROCESS_NAME, name)
  // An own key only: `toString` is no claim process.
  const process = Object.prototype.hasOwnProperty.call(st.config.processes, name) ? st.config.processes[name] : undefined
  if (process === undefined) {
    const known = Object.keys(st.config.processes).join(', ')
    return fail('reference', AT.process, text(`one of the claim processes ${known}`, `已配置的申报流程：${known}`), op.process)
  }
  const id = op.claim
  if (typeof id !== 'string') return fail('type', AT.claim, A_CLAIM_ID, id)
  if (st.claims.get(id) !== undefined) return fail('duplicate', AT.claim, NEW_CLAIM_ID, id)
  const beneficiary = op.beneficiary
  if (beneficiary !== undefined && (typeof beneficiary !== 'string' || beneficiary.length === 0)) return fail('type', where('beneficiary'), A_NAME, beneficiary)
  const attrs = op.attrs
  const badAttrs = attrsProblem(attrs)
  if (badAttrs !== undefined) return badAttrs
  const input = { id, member: who as SubjectId, ...(beneficiary === undefined ? {} : { beneficiary }), ...(attrs === undefined ? {} : { attrs }) }
  const c = submitClaim(process, input, t)
  if (E.isLeft(c)) return c.left
  st.claims.set(c.right.id, c.right)
  st.claimOut.set(log, { claim: c.right })
  return undefined
}

const claim: Handler<'claim'> = (st, op, log, _request, t) => {
  const id = op.claim
  const c = typeof id === 'string' ? st.claims.get(id) : undefined
  if (c === undefined) return fail('reference', AT.claim, A_CLAIM, id)
  const action = op.action
  const badAction = actionProblem(action)
  if (badAction !== undefined) return badAction
  const process = st.config.processes[c.process]
  if (process === undefined) return fail('reference', AT.claim, A_CLAIM_OF_PROCESS, c.process)
  let stepper = st.steppers.get(c.process)
  if (stepper === undefined) {
    stepper = stepClaim(process, st.config.zone)
    st.steppers.set(c.process, stepper)
  }
  const r = stepper(c, action, t)
  if (E.isLeft(r)) return r.left
  st.claims.set(c.id, r.right.claim)
  st.claimOut.set(log, r.right)
  return undefined
}

/** The handler for an operation's tag (a switch: a keyed lookup on a table of handlers is slower per operation). */
const handle = (st: Store, tag: BankOp['_tag'], op: BankOp, log: number, request: string, t: Instant, who: string): Problem | Later | undefined => {
  switch (tag) {
    case 'earn':
      return earn(st, op as Extract<BankOp, { readonly _tag: 'earn' }>, log, request, t, who)
    case 'post':
      return post(st, op as Extract<BankOp, { readonly _tag: 'post' }>, log, request, t, who)
    case 'redeem':
      return redeem(st, op as Extract<BankOp, { readonly _tag: 'redeem' }>, log, request, t, who)
    case 'reserve':
      return reserve(st, op as Extract<BankOp, { readonly _tag: 'reserve' }>, log, request, t, who)
    case 'confirm':
      return confirm(st, op as Extract<BankOp, { readonly _tag: 'confirm' }>, log, request, t, who)
    case 'cancel':
      return cancel(st, op as Extract<BankOp, { readonly _tag: 'cancel' }>, log, request, t, who)
    case 'restock':
      return restock(st, op as Extract<BankOp, { readonly _tag: 'restock' }>, log, request, t, who)
    case 'expire':
      return expire(st, op as Extract<BankOp, { readonly _tag: 'expire' }>, log, request, t, who)
    case 'reverse':
      return reverse(st, op as Extract<BankOp, { readonly _tag: 'reverse' }>, log, request, t, who)
    case 'submit':
      return submit(st, op as Extract<BankOp, { readonly _tag: 'submit' }>, log, request, t, who)
    case 'claim':
      return claim(st, op as Extract<BankOp, { readonly _tag: 'claim' }>, log, request, t, who)
    default:
      return fail('unsupported', AT.tag, AN_OPERATION, tag)
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

// -------------------------------------------------------------------------------------
// combinators
// -------------------------------------------------------------------------------------

/**
 * The first operation of a request id and its kind (from the log or the base).
 *
 * @category utilities
 */
export const firstOp = (st: Store, r: number): BankOp => (r >= 0 ? (st.log[r] as BankOp) : (st.baseRequests[-1 - r] as { readonly op: BankOp }).op)

/**
 * Apply one operation to a store at its head, in place: the index of its
 * receipt (a log index, or −1 − a base request's index for a retry of one),
 * or the problem, or `LATER` (a problem `lastProblem` builds); on a refusal
 * nothing was written.
 *
 * @category combinators
 */
export const step = (st: Store, op: unknown): number | Problem => {
  if (typeof op !== 'object' || op === null) return fail('type', AT.op, AN_OPERATION, op)
  try {
    // (`Array.isArray` throws on a revoked Proxy.)
    return Array.isArray(op) ? fail('type', AT.op, AN_OPERATION, op) : stepOp(st, op as BankOp)
  } catch {
    // A getter or a Proxy that throws: every check reads before anything is written, so nothing was.
    return fail('type', AT.op, A_READABLE_OPERATION, UNREADABLE)
  }
}

/** `step` for an object: every field is checked before the first write (see the handlers). */
const stepOp = (st: Store, op: BankOp): number | Problem => {
  // The fields every operation has are read once, here, and handed on as checked.
  const request = op.request
  const why = idWhy(request)
  if (why !== undefined) return fail(typeof request === 'string' ? 'format' : 'type', AT.request, why, request)
  const t = op.at
  if (!isInstant(t)) return fail('type', AT.at, AN_INSTANT, t)
  const tag = op._tag
  const shape = shapeOf(tag)
  if (shape === undefined) return fail('unsupported', AT.tag, AN_OPERATION, tag)
  const extra = keysProblem(op, shape)
  if (extra !== undefined) return extra
  // The subject (a claim's: the member) must be an id.
  let who = ''
  if (shape.who !== 0) {
    const w = shape.who === WHO_SUBJECT ? (op as { readonly subject?: unknown }).subject : (op as { readonly member?: unknown }).member
    const whoWhy = idWhy(w)
    if (whoWhy !== undefined) return fail(typeof w === 'string' ? 'format' : 'type', shape.who === WHO_MEMBER ? AT.member : AT.subject, whoWhy, w)
    who = w as string
  }
  const seen = requestOf(st, request)
  const hash = st.reqHash
  if (seen !== undefined) {
    const first = firstOp(st, seen)
    return sameOp(first, op)
      ? seen
      : fail('conflict', AT.request, text(`the same operation as the first use of request ${request} (${first._tag})`, `与请求 ${request} 首次使用时相同的操作（${first._tag}）`), op)
  }
  const log = reserveLog(st)
  const p = handle(st, tag, op, log, request as string, t, who)
  if (p !== undefined) return p
  st.log.push(op)
  addRequest(st, hash)
  return log
}
