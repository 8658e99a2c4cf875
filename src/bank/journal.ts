/**
 * The journal: every entry posted, immutable once posted (a correction is a
 * reversal entry), as number columns, each account's entries linked in
 * posting order. An entry records its account's slot, its kind, the points
 * granted, the operation that posted it, which reversal reversed it (or
 * which entry it reverses), and the range of taken records (lots.ts) it took.
 *
 * @module
 * @internal
 */
import type { Entry, EntryKind } from '../ledger/internal.js'
import { lastEntryOf, setFirstEntry, setLastEntry, type Accounts } from './accounts.js'
import { room } from './columns.js'
import type { BankOp } from './ops.js'
import { setPosted, type Requests } from './requests.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** Entry kinds as codes (the journal's `kind` column). */
export const KINDS: ReadonlyArray<EntryKind> = ['earn', 'deduct', 'redeem', 'expire', 'reversal']
export const K_EARN = 0
export const K_DEDUCT = 1
export const K_REDEEM = 2
export const K_EXPIRE = 3
export const K_REVERSAL = 4

/**
 * The journal's part of the store: entry `j` is cell j of each column.
 *
 * @category model
 */
export interface Journal {
  readonly jSlot: Array<number>
  readonly jKind: Array<number>
  readonly jGranted: Array<number>
  /** The log index of the operation that posted it (-1: loaded with the base). */
  readonly jLog: Array<number>
  readonly jNext: Array<number>
  /** The reversal that reversed it (-1: none). */
  readonly jRevBy: Array<number>
  /** For a reversal: the entry it reversed. */
  readonly jOf: Array<number>
  /** The lots the entry took: taken records [start, end). */
  readonly jTakenStart: Array<number>
  readonly jTakenEnd: Array<number>
  jCount: number
  /** Entries loaded with the base, and those built so far, by journal index. */
  readonly jObj: Map<number, Entry>
  /** Reasons of reversals loaded with the base. */
  readonly jReason: Map<number, string>
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * An empty journal.
 *
 * @category constructors
 */
export const journalColumns = (): Journal => ({
  jSlot: [],
  jKind: [],
  jGranted: [],
  jLog: [],
  jNext: [],
  jRevBy: [],
  jOf: [],
  jTakenStart: [],
  jTakenEnd: [],
  jCount: 0,
  jObj: new Map(),
  jReason: new Map()
})

// -------------------------------------------------------------------------------------
// accessors
// -------------------------------------------------------------------------------------

/** The slot of entry `j`'s account. @category accessors */
export const entrySlot = (st: Journal, j: number): number => st.jSlot[j] as number
/** Entry `j`'s kind (`K_EARN` …). @category accessors */
export const entryKind = (st: Journal, j: number): number => st.jKind[j] as number
/** The points entry `j` granted (negative for a debit). @category accessors */
export const entryGranted = (st: Journal, j: number): number => st.jGranted[j] as number
/** The log index of the operation that posted entry `j` (-1: loaded with the base). @category accessors */
export const entryLog = (st: Journal, j: number): number => st.jLog[j] as number
/** The next entry of the same account (-1: none). @category accessors */
export const nextEntry = (st: Journal, j: number): number => st.jNext[j] as number
/** The reversal that reversed entry `j` (-1: none). @category accessors */
export const reversedBy = (st: Journal, j: number): number => st.jRevBy[j] as number
/** The entry reversal `j` reverses. @category accessors */
export const reversalOf = (st: Journal, j: number): number => st.jOf[j] as number
/** The first taken record entry `j` took. @category accessors */
export const takenFrom = (st: Journal, j: number): number => st.jTakenStart[j] as number
/** The end (exclusive) of the taken records entry `j` took. @category accessors */
export const takenTo = (st: Journal, j: number): number => st.jTakenEnd[j] as number

/**
 * Record that entry `j` took the taken records [from, to).
 *
 * @category accessors
 */
export const setTaken = (st: Journal, j: number, from: number, to: number): void => {
  st.jTakenStart[j] = from
  st.jTakenEnd[j] = to
}

/**
 * Record that entry `j` reverses entry `of`.
 *
 * @category accessors
 */
export const markReversal = (st: Journal, j: number, of: number): void => {
  st.jOf[j] = of
  st.jRevBy[of] = j
}

/**
 * An entry's id: its request's (every entry is posted by one request, under its id).
 *
 * @category accessors
 */
export const entryIdOf = (st: Journal & Requests, j: number): string => {
  const l = st.jLog[j] as number
  return l >= 0 ? (st.log[l] as BankOp).request : (st.jObj.get(j) as Entry).id
}

// -------------------------------------------------------------------------------------
// combinators
// -------------------------------------------------------------------------------------

/**
 * Post a journal entry to a slot (linked at the end of its account's
 * journal); the operation being applied (log index `log`, -1 while loading
 * the base) records it as its entry. Its index.
 *
 * @category combinators
 */
export const postJournal = (st: Journal & Accounts & Requests, slot: number, kind: number, granted: number, log: number): number => {
  // The journal only grows: entry j is the columns' next cell.
  const j = st.jCount++
  if (j >= st.jSlot.length) {
    room(st.jSlot, j + 1)
    room(st.jKind, j + 1)
    room(st.jGranted, j + 1)
    room(st.jLog, j + 1)
    room(st.jNext, j + 1)
    room(st.jRevBy, j + 1)
    room(st.jOf, j + 1)
    room(st.jTakenStart, j + 1)
    room(st.jTakenEnd, j + 1)
  }
  st.jSlot[j] = slot
  st.jKind[j] = kind
  st.jGranted[j] = granted
  st.jLog[j] = log
  st.jNext[j] = -1
  st.jRevBy[j] = -1
  st.jOf[j] = -1
  st.jTakenStart[j] = 0
  st.jTakenEnd[j] = 0
  const tail = lastEntryOf(st, slot)
  if (tail < 0) setFirstEntry(st, slot, j)
  else st.jNext[tail] = j
  setLastEntry(st, slot, j)
  setPosted(st, log, j)
  return j
}

