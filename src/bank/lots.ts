/**
 * Lots: the points an account holds, each lot from one credit (its journal
 * entry, when it was earned, when it expires, how many points are left), kept
 * per account in a list in the order of the bank's expiry policy (expiry.ts):
 * every debit and every expiry takes lots from the head of the list. What a
 * debit took is kept as taken records (the parts of lots taken), so that its
 * reversal gives them back with their dates.
 *
 * The lots are a pool of number records with a free list, `LOT` numbers each
 * side by side (a lot is read and written whole); this file alone knows
 * their layout.
 *
 * @module
 * @internal
 */
import { balanceOf, firstLotOf, lastLotOf, lotPointsOf, setFirstLot, setLastLot, setLotPoints, type Accounts } from './accounts.js'
import { room } from './columns.js'
import { isDue, type ExpiryPolicy } from './expiry.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The lots' part of the store.
 *
 * @category model
 */
export interface Lots {
  /** The order lots are held and taken in, and when they expire. */
  readonly expiry: ExpiryPolicy
  /** The pool, `LOT` numbers per lot: read and written only through this file. */
  readonly lots: Array<number>
  lotFree: number
  lotCount: number
  // Taken records (parts of lots taken by a debit, for exact reversals): the lot's entry, instant, expiry and points.
  readonly tEntry: Array<number>
  readonly tAt: Array<number>
  readonly tExp: Array<number>
  readonly tPts: Array<number>
  tCount: number
}

/** The store a lot operation works on: the lots and the accounts whose lists they are in. */
type Held = Lots & Accounts

// The layout of a lot: the next lot of its account (-1: none), its instant, expiry (`NEVER`: none), points, and its journal entry.
const LOT = 5
const L_NEXT = 0
const L_AT = 1
const L_EXP = 2
const L_PTS = 3
const L_ENTRY = 4

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * No lots yet, held in the order of an expiry policy.
 *
 * @category constructors
 */
export const lotColumns = (expiry: ExpiryPolicy): Lots => ({ expiry, lots: [], lotFree: -1, lotCount: 0, tEntry: [], tAt: [], tExp: [], tPts: [], tCount: 0 })

// -------------------------------------------------------------------------------------
// accessors
// -------------------------------------------------------------------------------------

/** The lot after `n` in its account (-1: none). @category accessors */
export const nextLot = (st: Lots, n: number): number => st.lots[LOT * n + L_NEXT] as number
/** When lot `n` was earned. @category accessors */
export const lotEarnedAt = (st: Lots, n: number): number => st.lots[LOT * n + L_AT] as number
/** When lot `n` expires (`NEVER`: never). @category accessors */
export const lotExpires = (st: Lots, n: number): number => st.lots[LOT * n + L_EXP] as number
/** The points left in lot `n`. @category accessors */
export const lotPoints = (st: Lots, n: number): number => st.lots[LOT * n + L_PTS] as number
/** The journal entry lot `n` came from. @category accessors */
export const lotEntry = (st: Lots, n: number): number => st.lots[LOT * n + L_ENTRY] as number

const setNextLot = (st: Lots, n: number, next: number): void => {
  st.lots[LOT * n + L_NEXT] = next
}

/** A node of the pool for a new lot (from the free list, else the pool's next cells), written whole but for its link. */
const newLot = (st: Lots, entry: number, at: number, exp: number, pts: number): number => {
  let n = st.lotFree
  if (n >= 0) st.lotFree = nextLot(st, n)
  else {
    n = st.lotCount++
    room(st.lots, LOT * (n + 1))
  }
  st.lots[LOT * n + L_AT] = at
  st.lots[LOT * n + L_EXP] = exp
  st.lots[LOT * n + L_PTS] = pts
  st.lots[LOT * n + L_ENTRY] = entry
  return n
}

/** Taken record `t`'s lot: its entry, when earned, when it expires, the points taken. @category accessors */
export const takenEntry = (st: Lots, t: number): number => st.tEntry[t] as number
/** @category accessors */
export const takenAt = (st: Lots, t: number): number => st.tAt[t] as number
/** @category accessors */
export const takenExpires = (st: Lots, t: number): number => st.tExp[t] as number
/** @category accessors */
export const takenPoints = (st: Lots, t: number): number => st.tPts[t] as number

/**
 * How many taken records there are: a debit's are those from the count before it to the count after.
 *
 * @category accessors
 */
export const takenCount = (st: Lots): number => st.tCount

/**
 * Forget the taken records past `mark` (a settlement whose takings are not kept).
 *
 * @category accessors
 */
export const dropTaken = (st: Lots, mark: number): void => {
  st.tCount = mark
}

// -------------------------------------------------------------------------------------
// combinators
// -------------------------------------------------------------------------------------

/**
 * Add a lot to an account, in the policy's order (after the lots of equal rank already there).
 *
 * @category combinators
 */
export const insertLot = (st: Held, slot: number, entry: number, at: number, exp: number, pts: number): void => {
  const n = newLot(st, entry, at, exp, pts)
  setLotPoints(st, slot, lotPointsOf(st, slot) + pts)
  const rank = st.expiry.rank(at, exp)
  const tail = lastLotOf(st, slot)
  if (tail < 0 || st.expiry.rank(lotEarnedAt(st, tail), lotExpires(st, tail)) <= rank) {
    // The usual case: points earned now go last.
    setNextLot(st, n, -1)
    if (tail < 0) setFirstLot(st, slot, n)
    else setNextLot(st, tail, n)
    setLastLot(st, slot, n)
    return
  }
  // Before the first lot of a higher rank (there is one: the last).
  let prev = -1
  let cur = firstLotOf(st, slot)
  while (cur >= 0 && st.expiry.rank(lotEarnedAt(st, cur), lotExpires(st, cur)) <= rank) {
    prev = cur
    cur = nextLot(st, cur)
  }
  setNextLot(st, n, cur)
  if (prev < 0) setFirstLot(st, slot, n)
  else setNextLot(st, prev, n)
}

/**
 * Append a taken record (a part of a lot a debit took).
 *
 * @category combinators
 */
export const pushTaken = (st: Lots, entry: number, at: number, exp: number, pts: number): void => {
  // Records past `tCount` may be left from takings that were dropped (`dropTaken`): overwritten.
  const t = st.tCount++
  if (t >= st.tEntry.length) {
    room(st.tEntry, t + 1)
    room(st.tAt, t + 1)
    room(st.tExp, t + 1)
    room(st.tPts, t + 1)
  }
  st.tEntry[t] = entry
  st.tAt[t] = at
  st.tExp[t] = exp
  st.tPts[t] = pts
}

/** Which lots `takeLots` may take: any. */
export const PICK_ANY = 0
/** Lots due at `param`. */
export const PICK_DUE = 1
/** Lots of journal entry `param`. */
export const PICK_ENTRY = 2

const picked = (st: Lots, n: number, pick: number, param: number): boolean =>
  pick === PICK_ANY || (pick === PICK_DUE ? isDue(lotExpires(st, n), param) : lotEntry(st, n) === param)

/** Unlink lot `n` (after `prev`, -1: it is the first) from its account and free its node. */
const unlinkLot = (st: Held, slot: number, prev: number, n: number): void => {
  const next = nextLot(st, n)
  if (prev < 0) setFirstLot(st, slot, next)
  else setNextLot(st, prev, next)
  if (lastLotOf(st, slot) === n) setLastLot(st, slot, prev)
  setNextLot(st, n, st.lotFree)
  st.lotFree = n
}

/**
 * Take up to `amount` points out of the lots `pick` selects, in the account's
 * order, appending the parts taken to the taken records (a lot split in two
 * keeps its place with the rest).
 *
 * @category combinators
 */
export const takeLots = (st: Held, slot: number, amount: number, pick: number, param: number): void => {
  let need = amount
  let prev = -1
  let cur = firstLotOf(st, slot)
  while (cur >= 0 && need > 0) {
    const next = nextLot(st, cur)
    if (!picked(st, cur, pick, param)) {
      prev = cur
      cur = next
      continue
    }
    const pts = lotPoints(st, cur)
    const part = pts <= need ? pts : need
    pushTaken(st, lotEntry(st, cur), lotEarnedAt(st, cur), lotExpires(st, cur), part)
    need -= part
    if (part === pts) unlinkLot(st, slot, prev, cur)
    else {
      st.lots[LOT * cur + L_PTS] = pts - part
      prev = cur
    }
    cur = next
  }
  setLotPoints(st, slot, lotPointsOf(st, slot) - (amount - need))
}

/**
 * Take the points over max(0, balance) out of an account's lots, first in
 * its order (recorded as taken).
 *
 * @category combinators
 */
export const trimLots = (st: Held, slot: number): void => {
  const b = balanceOf(st, slot)
  const want = b > 0 ? b : 0
  const have = lotPointsOf(st, slot)
  if (have > want) takeLots(st, slot, have - want, PICK_ANY, 0)
}

/**
 * Bring an account's lots to exactly max(0, balance) points: trimmed when
 * there are too many, a lot of `entry` (earned `at`, expiring `exp`) making
 * up any shortfall.
 *
 * @category combinators
 */
export const settleLots = (st: Held, slot: number, entry: number, at: number, exp: number): void => {
  const b = balanceOf(st, slot)
  const want = b > 0 ? b : 0
  const have = lotPointsOf(st, slot)
  if (have > want) takeLots(st, slot, have - want, PICK_ANY, 0)
  else if (have < want) insertLot(st, slot, entry, at, exp, want - have)
}

/**
 * The points of an account's lots due at `now`.
 *
 * @category combinators
 */
export const duePoints = (st: Held, slot: number, now: number): number => {
  let due = 0
  for (let n = firstLotOf(st, slot); n >= 0; n = nextLot(st, n)) if (isDue(lotExpires(st, n), now)) due += lotPoints(st, n)
  return due
}

/**
 * Whether any lot of an account is due at `now`.
 *
 * @category combinators
 */
export const hasDueLot = (st: Held, slot: number, now: number): boolean => {
  for (let n = firstLotOf(st, slot); n >= 0; n = nextLot(st, n)) if (isDue(lotExpires(st, n), now)) return true
  return false
}
