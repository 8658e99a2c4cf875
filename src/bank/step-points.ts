/**
 * The steps that move points: earn, post (a ledger entry), redeem, expire and
 * reverse, written against the accounts, lots and journal accessors. Which
 * lots a debit or an expiry takes, and when a new lot expires, is the expiry
 * policy's (expiry.ts): no step here names an order.
 *
 * @module
 * @internal
 */
import { text, isInstant, type Instant, type Problem } from '../core/internal.js'
import {
  accountIndexOf,
  balanceOf,
  findSlot,
  hasAccount,
  lotPointsOf,
  openAccount,
  reservedOf,
  setBalance,
  setReserved,
  slotOf,
  termsOf,
  type AccountTerms
} from './accounts.js'
import { NEVER } from './expiry.js'
import { belowFloor, floorAllows, unknownAccount, type Handler } from './checks.js'
import { entryIdOf, entryGranted, entryKind, entrySlot, K_DEDUCT, K_EARN, K_EXPIRE, K_REDEEM, K_REVERSAL, markReversal, postJournal, reversedBy, setTaken, takenFrom, takenTo } from './journal.js'
import { dropTaken, duePoints, insertLot, PICK_DUE, PICK_ENTRY, settleLots, takenAt, takenCount, takenEntry, takenExpires, takenPoints, takeLots, trimLots } from './lots.js'
import { entryProblem, optionalText } from './opcheck.js'
import { AT, BALANCE_RANGE, fail, isPositive, POSITIVE_POINTS, safeBalance, said } from './outcome.js'
import { entryOfRequest } from './requests.js'
import type { Store } from './store.js'

const NOT_A_REVERSAL = said('an entry that is not itself a reversal', '本身不是冲正的条目')
const EXPIRING = said('an account whose points expire (expiryMonths)', '积分会过期的账户（expiryMonths）')

// -------------------------------------------------------------------------------------
// movements
// -------------------------------------------------------------------------------------

/** When a lot of `points` earned at `t` in an account expires (the policy's rule). */
const expiresAt = (st: Store, terms: AccountTerms, t: Instant, points: number): number => st.expiry.expires(st, terms.expiryMonths, t, points)

/** Credit `points` as a new lot of entry `j` (earned at `t`), then trim the lots (nothing taken is kept: only a negative balance loses the lot). */
const credit = (st: Store, slot: number, terms: AccountTerms, j: number, t: Instant, points: number): void => {
  openAccount(st, slot)
  setBalance(st, slot, balanceOf(st, slot) + points)
  if (points > 0) insertLot(st, slot, j, t, expiresAt(st, terms, t, points), points)
  const mark = takenCount(st)
  trimLots(st, slot)
  dropTaken(st, mark)
}

/**
 * Debit `points`, releasing `released` reserved points with them: the lots
 * taken (first in the account's order) are kept with entry `j`, for an exact
 * reversal.
 *
 * @category movements
 */
export const debit = (st: Store, slot: number, j: number, points: number, released: number): void => {
  openAccount(st, slot)
  setBalance(st, slot, balanceOf(st, slot) - points)
  setReserved(st, slot, reservedOf(st, slot) - released)
  const from = takenCount(st)
  trimLots(st, slot)
  setTaken(st, j, from, takenCount(st))
}

// -------------------------------------------------------------------------------------
// steps
// -------------------------------------------------------------------------------------

// An earn's or a redemption's account (its index), points and note, each read once and checked; or the problem.
const accountPoints = (st: Store, op: { readonly account: unknown; readonly points: unknown; readonly note?: unknown }): readonly [number, number] | Problem => {
  const account = op.account
  const acc = accountIndexOf(st, account)
  if (acc < 0) return unknownAccount(st, AT.account, account)
  const points = op.points
  if (!isPositive(points)) return fail('range', AT.points, POSITIVE_POINTS, points)
  return optionalText(op.note, 'note') ?? [acc, points]
}

export const earn: Handler<'earn'> = (st, op, log, _request, t, who) => {
  const checked = accountPoints(st, op)
  if (!Array.isArray(checked)) return checked as Problem
  const [acc, points] = checked
  const found = findSlot(st, who, acc)
  const after = balanceOf(st, found) + points
  if (!safeBalance(after)) return fail('overflow', AT.points, BALANCE_RANGE, after)
  const slot = found >= 0 ? found : slotOf(st, who, acc)
  const j = postJournal(st, slot, K_EARN, points, log)
  credit(st, slot, termsOf(st, acc), j, t, points)
  return undefined
}

export const post: Handler<'post'> = (st, op, log, request) => {
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
  const acc = accountIndexOf(st, account)
  if (acc < 0) return unknownAccount(st, AT.entryAccount, account)
  const subject = e.subject
  const at = e.at
  if (typeof subject !== 'string' || !isInstant(at)) return fail('type', AT.entry, said('a ledger entry', '台账条目'), e)
  const terms = termsOf(st, acc)
  const found = findSlot(st, subject, acc)
  const balance = balanceOf(st, found)
  if (kind === 'earn') {
    if (!safeBalance(balance + granted)) return fail('overflow', AT.entryGranted, BALANCE_RANGE, balance + granted)
    const slot = found >= 0 ? found : slotOf(st, subject, acc)
    credit(st, slot, terms, postJournal(st, slot, K_EARN, granted, log), at, granted)
    return undefined
  }
  // A deduction is cut at the floor (as the ledger's rules do), never refused.
  const floor = terms.floor
  const took = Math.min(-granted, floor === null ? -granted : Math.max(0, balance - reservedOf(st, found) - floor))
  if (!safeBalance(balance - took) || !safeBalance(balance - took - reservedOf(st, found))) return fail('overflow', AT.entryGranted, BALANCE_RANGE, balance - took)
  const slot = found >= 0 ? found : slotOf(st, subject, acc)
  debit(st, slot, postJournal(st, slot, K_DEDUCT, -took + 0, log), took, 0)
  return undefined
}

export const redeem: Handler<'redeem'> = (st, op, log, _request, _t, who) => {
  const checked = accountPoints(st, op)
  if (!Array.isArray(checked)) return checked as Problem
  const [acc, points] = checked
  const floor = termsOf(st, acc).floor
  const found = findSlot(st, who, acc)
  if (!floorAllows(st, found, floor, points)) return belowFloor(st, found, floor, points, AT.points)
  const after = balanceOf(st, found) - points
  // Without a floor, what can be spent (balance − reserved) stays in the safe range too.
  if (!safeBalance(after) || !safeBalance(after - reservedOf(st, found))) return fail('overflow', AT.points, BALANCE_RANGE, after)
  const slot = found >= 0 ? found : slotOf(st, who, acc)
  debit(st, slot, postJournal(st, slot, K_REDEEM, -points, log), points, 0)
  return undefined
}

export const expire: Handler<'expire'> = (st, op, log, _request, t, who) => {
  const account = op.account
  const acc = accountIndexOf(st, account)
  if (acc < 0) return unknownAccount(st, AT.account, account)
  if (termsOf(st, acc).expiryMonths === undefined) return fail('unsupported', AT.account, EXPIRING, account)
  const slot = findSlot(st, who, acc)
  if (slot < 0) return undefined
  // Reserved points are held for their order: expiry never takes them.
  const amount = Math.min(duePoints(st, slot, t), Math.max(0, balanceOf(st, slot) - reservedOf(st, slot)))
  if (amount === 0) return undefined
  const j = postJournal(st, slot, K_EXPIRE, -amount, log)
  openAccount(st, slot)
  const from = takenCount(st)
  takeLots(st, slot, amount, PICK_DUE, t)
  setTaken(st, j, from, takenCount(st))
  setBalance(st, slot, balanceOf(st, slot) - amount)
  return undefined
}

// -------------------------------------------------------------------------------------
// reversals
// -------------------------------------------------------------------------------------

/** Reverse credit `orig` (its `granted` points): the credit's own lot goes first, then the account's first lots. */
const reverseCredit = (st: Store, slot: number, orig: number, granted: number): void => {
  takeLots(st, slot, granted, PICK_ENTRY, orig)
  trimLots(st, slot)
}

/**
 * Reverse debit `orig` as entry `j` at `t`: the lots it took come back with
 * their dates (an expiry's as the policy restores them), and a lot of `j`
 * makes up what the debit took beyond its lots.
 */
const reverseDebit = (st: Store, slot: number, terms: AccountTerms, orig: number, j: number, t: Instant): void => {
  const wasExpiry = entryKind(st, orig) === K_EXPIRE
  for (let k = takenFrom(st, orig); k < takenTo(st, orig); k++) {
    const exp = wasExpiry ? st.expiry.restored(takenExpires(st, k)) : takenExpires(st, k)
    insertLot(st, slot, takenEntry(st, k), takenAt(st, k), exp, takenPoints(st, k))
  }
  const short = Math.max(0, balanceOf(st, slot)) - lotPointsOf(st, slot)
  settleLots(st, slot, j, t, short > 0 ? expiresAt(st, terms, t, short) : NEVER)
}

export const reverse: Handler<'reverse'> = (st, op, log, _request, t, who) => {
  const account = op.account
  const acc = accountIndexOf(st, account)
  if (acc < 0) return unknownAccount(st, AT.account, account)
  const terms = termsOf(st, acc)
  const slot = findSlot(st, who, acc)
  const entry = op.entry
  const orig = hasAccount(st, slot) ? entryOfRequest(st, entry) : -1
  if (orig < 0 || entrySlot(st, orig) !== slot) return fail('reference', AT.entry, text(`the id of an entry of ${who} on ${account}`, `${who} 在 ${account} 上的条目标识`), entry)
  if (entryKind(st, orig) === K_REVERSAL) return fail('state', AT.entry, NOT_A_REVERSAL, entry)
  const by = reversedBy(st, orig)
  if (by >= 0) return fail('state', AT.entry, text(`an entry not reversed yet (reversed by ${entryIdOf(st, by)})`, `尚未冲正的条目（已被 ${entryIdOf(st, by)} 冲正）`), entry)
  const reason = op.reason
  if (reason !== undefined && typeof reason !== 'string') return optionalText(reason, 'reason')
  const g = entryGranted(st, orig)
  if (g > 0 && !floorAllows(st, slot, terms.floor, g)) return belowFloor(st, slot, terms.floor, g, AT.entry)
  const after = balanceOf(st, slot) - g
  if (!safeBalance(after) || !safeBalance(after - reservedOf(st, slot))) return fail('overflow', AT.entry, BALANCE_RANGE, after)
  // Every check has passed: from here on the store is written.
  const j = postJournal(st, slot, K_REVERSAL, -g + 0, log)
  markReversal(st, j, orig)
  setBalance(st, slot, after)
  const from = takenCount(st)
  if (g > 0) reverseCredit(st, slot, orig, g)
  else reverseDebit(st, slot, terms, orig, j, t)
  setTaken(st, j, from, takenCount(st))
  return undefined
}
