/**
 * The decisions so far, as the selection makes them: each candidate's
 * outcome and reason code, who was given a reason, the seats taken in the
 * category, and what `reasonOf` needs afterwards (the key of the last
 * winners and whether the cap stopped the selection).
 *
 * @module
 */
import { UNSET } from './reasons.js'

/** The decisions so far (mutable while selecting, read only afterwards). */
export interface Tally {
  /** 0 missed, 1 won, 2 pending. */
  readonly outcome: Uint8Array
  /** A reason code per candidate, `UNSET` until one is decided while selecting. */
  readonly reason: Uint8Array
  /** Every candidate given a reason while selecting. */
  readonly touched: Array<number>
  /** Seats of the category taken (or held for an admin). */
  total: number
  /** The key of the last group that won, if any. */
  lastWonKey: number | undefined
  /** Whether the category's cap stopped the selection with qualified candidates left. */
  broke: boolean
}

/** No decisions yet, for `n` candidates. */
export const tallyOf = (n: number): Tally => ({ outcome: new Uint8Array(n), reason: new Uint8Array(n).fill(UNSET), touched: [], total: 0, lastWonKey: undefined, broke: false })
