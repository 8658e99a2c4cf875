/**
 * An order-statistic B+ tree over `(key, slot)` pairs, for the live board.
 * Internal: keys ascend (smaller is better); a slot is a small integer naming
 * one pair, and ties on key are ordered by the slot's name (`names[slot]`).
 * Every leaf is at the same depth; each inner node keeps its children's sizes
 * and smallest pairs, so insert, remove, rank and select are O(B · log_B n).
 *
 * Why it looks the way it does (a million subjects: every operation costs
 * its cache misses, not its comparisons):
 * - nodes are integer indices into typed arrays, not objects holding arrays,
 *   so reading a node's keys is one memory load, not three dependent ones; a
 *   leaf's keys and slots sit side by side in one block of one buffer, and
 *   each slot's key, tie code and leaf in one record, so an update touches
 *   few pages (on a shared virtual machine a page-table walk costs more than
 *   the whole search);
 * - each slot keeps a handle to its leaf, and nodes their parent and their
 *   index there, so removing a slot (half of every score update) needs no
 *   search at all;
 * - a leaf is an unordered bag (every pair in it sorts after every pair of
 *   the leaf before and before every pair of the next): insert appends, remove
 *   moves the last pair into the hole, and counting keys below a bound is a
 *   straight scan of one short array. A leaf is sorted only when it splits or
 *   is listed (O(B²) at worst, a constant);
 * - inner nodes route on the children's smallest pairs with a number that
 *   orders names (`tieCode`) beside each key, so ties on key rarely follow a
 *   pointer to a name;
 * - while every key is an integer and the keys span no more than twice as
 *   many values as there are pairs (points on a contest board), counts of
 *   keys (keycount.ts, counts.ts) answer "how many keys below k" from one small array
 *   in O(log span); a key outside their window drops them, and they are built
 *   again at most once per n placements (O(n log n)), so an update stays
 *   O(log n) amortised.
 * Nodes left empty by removals are unlinked and reused; under-full nodes are
 * not merged, so the height stays bounded by the largest size the tree has had.
 *
 * Its parts: pools.ts (the typed arrays and their growth), ordering.ts (the order on pairs), nodes.ts
 * (one node read and written), insert.ts, remove.ts and query.ts (the operations), counts.ts (key counts)
 * and check.ts (the invariants, for tests).
 *
 * @internal
 * @module
 */
import { checkSlotTreeOrThrow } from './check.js'
import { place } from './insert.js'
import { tieCode } from './ordering.js'
import { ensureRecord, makeState, NONE, type SlotTreeState } from './pools.js'
import { countBefore, countKey, leafOf, position, scan } from './query.js'
import { unplace } from './remove.js'

/** @internal */
export interface SlotTree {
  readonly size: () => number
  /** Insert a slot with a key; the slot must not be in the tree, and its name must be set. */
  readonly insert: (key: number, slot: number) => void
  /** Give a slot in the tree a new key. */
  readonly move: (slot: number, key: number) => void
  /** Remove a slot, found through its leaf handle; false if it was not in the tree. */
  readonly remove: (slot: number) => boolean
  /** The key of a slot in the tree. */
  readonly keyOf: (slot: number) => number
  /** How many pairs have a key strictly below `key`. */
  readonly countLess: (key: number) => number
  /** How many pairs have a key at or below `key`. */
  readonly countLessEq: (key: number) => number
  /** How many pairs sort before `(key, name)`, whether or not such a pair is in the tree. */
  readonly countBefore: (key: number, name: string) => number
  /** The zero-based position of a slot in the tree's order, or -1 if it is not in the tree. */
  readonly position: (slot: number) => number
  /** Visit up to `count` pairs in order from position `from` on (O(log n + count)). */
  readonly scan: (from: number, count: number, visit: (key: number, slot: number) => void) => void
  /** Whether integer key counts are kept at the moment (for tests). */
  readonly counted: () => boolean
  /** Check sizes, order, depths, links and handles (for tests); returns the number of pairs. */
  readonly checkOrThrow: () => number
}

/** @internal */
export const DEFAULT_FANOUT = 64
// Key counts (counts.ts) are kept from this many pairs on.
const DEFAULT_MIN_COUNTED = 1024

const insert = (t: SlotTreeState, k: number, s: number): void => {
  ensureRecord(t, s)
  const tc = tieCode(t.names[s] as string)
  t.rec[s * 4 + 1] = tc
  place(t, k, tc, s)
}

const move = (t: SlotTreeState, s: number, k: number): void => {
  unplace(t, s, t.rec[s * 4 + 2] as number)
  place(t, k, t.rec[s * 4 + 1] as number, s)
}

const remove = (t: SlotTreeState, s: number): boolean => {
  const x = leafOf(t, s)
  if (x === NONE) return false
  unplace(t, s, x)
  return true
}

/** @internal */
export const makeSlotTree = (names: ReadonlyArray<string>, B: number = DEFAULT_FANOUT, minCounted: number = DEFAULT_MIN_COUNTED): SlotTree => {
  const t = makeState(names, B, minCounted)
  return {
    size: () => t.total,
    insert: (k, s) => insert(t, k, s),
    move: (s, k) => move(t, s, k),
    remove: (s) => remove(t, s),
    keyOf: (s) => t.rec[s * 4] as number,
    countLess: (k) => countKey(t, k, false),
    countLessEq: (k) => countKey(t, k, true),
    countBefore: (k, name) => countBefore(t, k, name),
    position: (s) => position(t, s),
    scan: (from, count, visit) => scan(t, from, count, visit),
    counted: () => t.counts !== undefined,
    checkOrThrow: () => checkSlotTreeOrThrow(t)
  }
}
