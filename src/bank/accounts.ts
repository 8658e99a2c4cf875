/**
 * The accounts: one record of numbers per (subject, account) slot, with named
 * accessors. Slot `s` is subject `s / nAcc` (interned) in account `s % nAcc`
 * (configuration order). This file alone knows where each number of a slot
 * is; the rules read `balanceOf(st, slot)`, never an offset.
 *
 * A slot's numbers sit side by side (`SLOT` of them), as an operation reads
 * or writes most of them: one or two cache lines, not eight. The accessors are
 * one-line functions that V8 inlines where they are called.
 *
 * @module
 * @internal
 */
import type { AccountId, SubjectId } from '../rules/internal.js'
import { room } from './columns.js'
import type { CheckedConfig } from './config.js'
import { addIndex, indexOf, stringIndex, type StringIndex } from './ids.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** An account's terms as configured: its floor (`null`: none) and when its points expire. */
export type AccountTerms = CheckedConfig['accounts'][string]

/**
 * The accounts' part of the store.
 *
 * @category model
 */
export interface Accounts {
  readonly accIds: ReadonlyArray<string>
  readonly accIndex: ReadonlyMap<string, number>
  /** Each account's terms, by account index. */
  readonly terms: ReadonlyArray<AccountTerms>
  readonly nAcc: number
  /** Subjects interned: `subjects.keys[s]` is subject s. */
  readonly subjects: StringIndex
  /** The slots' numbers, `SLOT` each: read and written only through this file's accessors. */
  readonly slots: Array<number>
  /** Slots with an account (written at least once). */
  accounts: number
}

// The layout of a slot. Heads and tails of lists are indexes, -1 for none; `S_EXISTS` is 1 once written.
const SLOT = 8
const S_BALANCE = 0
const S_RESERVED = 1
/** Points in the slot's lots (always max(0, balance) between operations). */
const S_LOTS = 2
const S_LOT_HEAD = 3
const S_LOT_TAIL = 4
const S_J_HEAD = 5
const S_J_TAIL = 6
const S_EXISTS = 7

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * No accounts yet, for a configuration's accounts.
 *
 * @category constructors
 */
export const accountColumns = (config: CheckedConfig): Accounts => {
  const accIds = Object.keys(config.accounts)
  return {
    accIds,
    accIndex: new Map(accIds.map((a, i) => [a, i])),
    terms: accIds.map((a) => config.accounts[a] as AccountTerms),
    nAcc: Math.max(1, accIds.length),
    subjects: stringIndex(),
    slots: [],
    accounts: 0
  }
}

// -------------------------------------------------------------------------------------
// slots
// -------------------------------------------------------------------------------------

/**
 * The account's index for a known account id, else -1.
 *
 * @category utilities
 */
export const accountIndexOf = (st: Accounts, account: unknown): number => (typeof account === 'string' ? (st.accIndex.get(account) ?? -1) : -1)

/**
 * The terms of account index `acc`.
 *
 * @category utilities
 */
export const termsOf = (st: Accounts, acc: number): AccountTerms => st.terms[acc] as AccountTerms

/**
 * The terms of a slot's account.
 *
 * @category utilities
 */
export const termsOfSlot = (st: Accounts, slot: number): AccountTerms => st.terms[slot % st.nAcc] as AccountTerms

/**
 * The slot of a subject's account, or -1 when the subject was never written.
 *
 * @category utilities
 */
export const findSlot = (st: Accounts, subject: string, acc: number): number => {
  const s = indexOf(st.subjects, typeof subject === 'string' ? subject : String(subject))
  return s < 0 ? -1 : s * st.nAcc + acc
}

/**
 * The slot of a subject's account, interning the subject (its slots empty: no balance, no lot, no entry).
 *
 * @category utilities
 */
export const slotOf = (st: Accounts, subject: string, acc: number): number => {
  const key = typeof subject === 'string' ? subject : String(subject)
  let s = indexOf(st.subjects, key)
  if (s < 0) {
    s = addIndex(st.subjects, key)
    const slots = st.slots
    const from = SLOT * s * st.nAcc
    room(slots, from + SLOT * st.nAcc)
    for (let i = from; i < from + SLOT * st.nAcc; i += SLOT) {
      slots[i + S_BALANCE] = 0
      slots[i + S_RESERVED] = 0
      slots[i + S_LOTS] = 0
      slots[i + S_LOT_HEAD] = -1
      slots[i + S_LOT_TAIL] = -1
      slots[i + S_J_HEAD] = -1
      slots[i + S_J_TAIL] = -1
      slots[i + S_EXISTS] = 0
    }
  }
  return s * st.nAcc + acc
}

/**
 * How many slots there are (every interned subject in every account).
 *
 * @category utilities
 */
export const slotCount = (st: Accounts): number => st.subjects.keys.length * st.nAcc

/**
 * The subject of a slot.
 *
 * @category utilities
 */
export const subjectOf = (st: Accounts, slot: number): SubjectId => st.subjects.keys[Math.floor(slot / st.nAcc)] as SubjectId

/**
 * The account id of a slot.
 *
 * @category utilities
 */
export const accountIdOf = (st: Accounts, slot: number): AccountId => st.accIds[slot % st.nAcc] as AccountId

/**
 * The key of a subject's account in the accounts table (length-prefixed, so unambiguous).
 *
 * @category utilities
 * @example
 * accountKey('moral', 'm-1') // => '5:moralm-1'
 */
export const accountKey = (account: string, subject: string): string => `${account.length}:${account}${subject}`

// -------------------------------------------------------------------------------------
// accessors
// -------------------------------------------------------------------------------------

/**
 * Whether a slot holds an account (written at least once).
 *
 * @category accessors
 */
export const hasAccount = (st: Accounts, slot: number): boolean => slot >= 0 && st.slots[SLOT * slot + S_EXISTS] === 1

/**
 * Mark a slot as an account (its first write).
 *
 * @category accessors
 */
export const openAccount = (st: Accounts, slot: number): void => {
  if (st.slots[SLOT * slot + S_EXISTS] === 0) {
    st.slots[SLOT * slot + S_EXISTS] = 1
    st.accounts++
  }
}

/**
 * The posted balance of a slot (0 for no slot, -1).
 *
 * @category accessors
 */
export const balanceOf = (st: Accounts, slot: number): number => (slot < 0 ? 0 : (st.slots[SLOT * slot + S_BALANCE] as number))

/** @category accessors */
export const setBalance = (st: Accounts, slot: number, points: number): void => {
  st.slots[SLOT * slot + S_BALANCE] = points
}

/**
 * The points a slot's pending orders hold (0 for no slot, -1).
 *
 * @category accessors
 */
export const reservedOf = (st: Accounts, slot: number): number => (slot < 0 ? 0 : (st.slots[SLOT * slot + S_RESERVED] as number))

/** @category accessors */
export const setReserved = (st: Accounts, slot: number, points: number): void => {
  st.slots[SLOT * slot + S_RESERVED] = points
}

/**
 * The points held in a slot's lots.
 *
 * @category accessors
 */
export const lotPointsOf = (st: Accounts, slot: number): number => st.slots[SLOT * slot + S_LOTS] as number

/** @category accessors */
export const setLotPoints = (st: Accounts, slot: number, points: number): void => {
  st.slots[SLOT * slot + S_LOTS] = points
}

/**
 * A slot's first lot (the first taken; -1: none), see lots.ts.
 *
 * @category accessors
 */
export const firstLotOf = (st: Accounts, slot: number): number => st.slots[SLOT * slot + S_LOT_HEAD] as number

/** @category accessors */
export const setFirstLot = (st: Accounts, slot: number, lot: number): void => {
  st.slots[SLOT * slot + S_LOT_HEAD] = lot
}

/**
 * A slot's last lot (-1: none).
 *
 * @category accessors
 */
export const lastLotOf = (st: Accounts, slot: number): number => st.slots[SLOT * slot + S_LOT_TAIL] as number

/** @category accessors */
export const setLastLot = (st: Accounts, slot: number, lot: number): void => {
  st.slots[SLOT * slot + S_LOT_TAIL] = lot
}

/**
 * A slot's first journal entry (-1: none), see journal.ts.
 *
 * @category accessors
 */
export const firstEntryOf = (st: Accounts, slot: number): number => st.slots[SLOT * slot + S_J_HEAD] as number

/** @category accessors */
export const setFirstEntry = (st: Accounts, slot: number, entry: number): void => {
  st.slots[SLOT * slot + S_J_HEAD] = entry
}

/**
 * A slot's last journal entry (-1: none).
 *
 * @category accessors
 */
export const lastEntryOf = (st: Accounts, slot: number): number => st.slots[SLOT * slot + S_J_TAIL] as number

/** @category accessors */
export const setLastEntry = (st: Accounts, slot: number, entry: number): void => {
  st.slots[SLOT * slot + S_J_TAIL] = entry
}
