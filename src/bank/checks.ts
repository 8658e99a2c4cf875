/**
 * What the steps share: the handler's shape, and the checks on accounts
 * (a known account, the floor) that several operations make.
 *
 * @module
 * @internal
 */
import { text, type Instant, type Location, type Problem } from '../core/internal.js'
import { balanceOf, reservedOf } from './accounts.js'
import type { BankOp } from './ops.js'
import { fail, later, W_FLOOR, type Later } from './outcome.js'
import type { Store } from './store.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A step of one kind of operation: `undefined` when applied (as log index
 * `log`), else the refusal (nothing written). The request id, the instant and
 * the subject (a claim's: the member; '' for none) come checked from `step`;
 * each other field is read once, into a local, before the first write (so
 * that even a getter read twice could not change what is written).
 *
 * @category model
 */
export type Handler<K extends BankOp['_tag']> = (st: Store, op: Extract<BankOp, { readonly _tag: K }>, log: number, request: string, t: Instant, who: string) => Problem | Later | undefined

// -------------------------------------------------------------------------------------
// checks
// -------------------------------------------------------------------------------------

/**
 * The refusal of an account id that is not configured.
 *
 * @category checks
 */
export const unknownAccount = (st: Store, loc: Location, account: unknown): Problem => {
  const known = st.accIds.join(', ')
  return fail('reference', loc, text(`one of the accounts ${known}`, `已配置的账户：${known}`), account)
}

/**
 * Whether spending `amount` more keeps `balance − reserved` at or above the floor (`null`: none).
 *
 * @category checks
 */
export const floorAllows = (st: Store, slot: number, floor: number | null, amount: number): boolean =>
  floor === null || balanceOf(st, slot) - reservedOf(st, slot) - amount >= floor

/**
 * The refusal of spending `amount` below the floor (its problem built later).
 *
 * @category checks
 */
export const belowFloor = (st: Store, slot: number, floor: number | null, amount: number, loc: Location): Later =>
  later(st, W_FLOOR, balanceOf(st, slot), reservedOf(st, slot), floor === null ? Number.NaN : floor, amount, loc)
