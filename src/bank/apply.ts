/**
 * Applying operations to the bank: from a state and an operation to a new
 * state and a receipt, or a problem with the state unchanged. The rules
 * themselves are in step.ts; here a state's version is applied to (in place
 * at its store's head, through a replayed copy otherwise, see version.ts) and
 * the outcome handed out as values.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { at, problem, text, type Instant, type Problem } from '../core/internal.js'
import type { BankOp } from './ops.js'
import { accountIdOf, balanceOf, hasAccount, reservedOf, slotCount, subjectOf, termsOfSlot } from './accounts.js'
import { hasDueLot } from './lots.js'
import type { BankState, Receipt } from './model.js'
import { lastProblem, LATER, whyProblem } from './outcome.js'
import { receiptAt } from './read.js'
import { roomForRequests } from './requests.js'
import { step } from './step.js'
import { bankAt, resolve, storeOf } from './version.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The outcome of a batch: the final state and each operation's receipt or
 * problem, in order (`results` is built when first read).
 *
 * @category model
 * @example
 * const { bank: after, results }: BatchResult = applyOps(bank, ops)
 */
export interface BatchResult {
  readonly bank: BankState
  readonly results: ReadonlyArray<E.Either<Problem, Receipt>>
}

/** Outcome codes at or below this are refusals (receipt codes are above: see `step`). */
const REFUSED = LATER - 1

const NOT_A_BANK = problem('type', at([]), text('a bank state (from emptyBank, applyOp or bankFromJson)', '银行状态（由 emptyBank、applyOp 或 bankFromJson 得到）'), '(not a bank)')
const NOT_A_LIST = text('an array (or iterable) of bank operations', '银行操作的数组（或可迭代对象）')

/** The store of a bank at its version, or undefined for a value that is not a bank. */
const storeOrNot = (bank: BankState): ReturnType<typeof storeOf> | undefined => {
  if (typeof bank !== 'object' || bank === null) return undefined
  try {
    return storeOf(bank)
  } catch {
    return undefined
  }
}

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
 * const r = applyOp(bank, { _tag: 'redeem', request: 'r-1', at: now, subject: 'm-1', account: 'moral', points: 500 })
 * E.isLeft(r) && renderProblem(r.left) // => '$.points: expected at most 12 points (balance 12, reserved 0, floor 0), got 500'
 */
export const applyOp = (bank: BankState, op: BankOp): E.Either<Problem, readonly [BankState, Receipt]> => {
  const st = storeOrNot(bank)
  if (st === undefined) return E.left(NOT_A_BANK)
  const before = st.log.length
  const r = step(st, op)
  if (typeof r !== 'number') return E.left(r)
  if (r === LATER) return E.left(lastProblem(st))
  // A retry changes nothing: the very same state.
  const after = st.log.length === before ? bank : bankAt(st, st.log.length)
  return E.right([after, receiptAt(st, r)] as const)
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
 * one leaving the state as it was): the fast path for a host replaying its
 * log, as no receipt is built until `results` is read.
 *
 * @category combinators
 * @example
 * const { bank: after, results } = applyOps(bank, ops)
 * results.filter(E.isLeft).length // => operations refused
 */
export const applyOps = (bank: BankState, ops: Iterable<BankOp>): BatchResult => {
  const st = storeOrNot(bank)
  if (st === undefined) return { bank, results: [E.left(NOT_A_BANK)] }
  // Read whole first into an array of our own (walked by index: an iterator's result objects
  // were a tenth of a batch's garbage), so that an iterator, a getter or a Proxy that throws
  // applies nothing. Copying an array is a copy of its pointers (a millisecond for a million).
  let list: ReadonlyArray<BankOp>
  try {
    list = Array.isArray(ops) ? (Array.prototype.slice.call(ops) as ReadonlyArray<BankOp>) : [...ops]
  } catch {
    return { bank, results: [E.left(problem('type', at([]), NOT_A_LIST, typeof ops === 'object' && ops !== null ? '(not iterable)' : ops))] }
  }
  const before = st.log.length
  const n = list.length
  // A log of known length grows the request table once, not by doubling.
  roomForRequests(st, n)
  // Each outcome: a receipt's index (see `step`), or REFUSED − k for the k-th refusal, whose
  // details are `nums[5k .. 5k + 5)` and `refs[k]` (a problem built later, or the problem itself).
  // Numbers per operation, not objects (see store.ts on number arrays rather than typed arrays that grow).
  const outs = new Int32Array(n)
  const nums: Array<number> = []
  const refs: Array<unknown> = []
  for (let i = 0; i < n; i++) {
    const r = step(st, list[i] as BankOp)
    if (typeof r === 'number' && r !== LATER) {
      outs[i] = r
      continue
    }
    outs[i] = REFUSED - refs.length
    if (r === LATER) {
      nums.push(st.why, st.whyA, st.whyB, st.whyC, st.whyD)
      refs.push(st.whyRef)
    } else {
      nums.push(0, 0, 0, 0, 0)
      refs.push(r)
    }
  }
  const after = st.log.length === before ? bank : bankAt(st, st.log.length)
  let results: ReadonlyArray<E.Either<Problem, Receipt>> | undefined
  const problemOf = (k: number): Problem => {
    const why = nums[5 * k] as number
    return why === 0 ? (refs[k] as Problem) : whyProblem(why, nums[5 * k + 1] as number, nums[5 * k + 2] as number, nums[5 * k + 3] as number, nums[5 * k + 4] as number, refs[k])
  }
  return {
    bank: after,
    // Receipts never change once made, so they can be built later from the same store.
    get results() {
      if (results === undefined) {
        const out: Array<E.Either<Problem, Receipt>> = []
        for (let i = 0; i < n; i++) {
          const o = outs[i] as number
          out.push(o > REFUSED ? E.right(receiptAt(st, o)) : E.left(problemOf(REFUSED - o)))
        }
        results = out
      }
      return results
    }
  }
}

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/**
 * The expiry operations due at `now`: one per account with expiry that holds
 * points due (request ids `<prefix><account>/<subject>`).
 *
 * @category utilities
 * @example
 * applyOps(bank, expiryDue(bank, now, 'expire-2021-07-01/')).results.length // => accounts with points due
 */
export const expiryDue = (bank: BankState, now: Instant, prefix: string): ReadonlyArray<BankOp> => {
  const st = storeOf(resolve(bank))
  const out: Array<BankOp> = []
  for (let s = 0; s < slotCount(st); s++) {
    if (!hasAccount(st, s) || termsOfSlot(st, s).expiryMonths === undefined) continue
    if (hasDueLot(st, s, now) && balanceOf(st, s) - reservedOf(st, s) > 0) {
      const account = accountIdOf(st, s)
      const subject = subjectOf(st, s)
      out.push({ _tag: 'expire', request: `${prefix}${account}/${subject}`, at: now, subject, account })
    }
  }
  return out.sort((x, y) => (x.request < y.request ? -1 : x.request > y.request ? 1 : 0))
}
