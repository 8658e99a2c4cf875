/**
 * A growing index of distinct strings to their positions (first-added
 * order), as an open-addressing table in one `Int32Array` of (hash,
 * 1 + position) pairs, like the ledger's id index. The bank keeps a million
 * request ids and a hundred thousand subjects: a `Map` of that size costs
 * several cache misses per look-up and is a large object for the garbage
 * collector to trace and to copy as it grows; this table lives outside the
 * JS heap and a look-up usually reads one cache line (strings are compared
 * only when 32-bit hashes match).
 *
 * Mutable: owned by one store (see store.ts).
 *
 * @module
 * @internal
 */
import { mixedHash } from '../core/hash.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The index: `keys[p]` is the string at position p.
 *
 * @category model
 */
export interface StringIndex {
  readonly keys: Array<string>
  /** (hash, 1 + position) pairs, a power of two of slots, at most half full; 0: an empty slot. */
  table: Int32Array
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * An empty index.
 *
 * @category constructors
 */
export const stringIndex = (): StringIndex => ({ keys: [], table: new Int32Array(2 * 64) })

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/**
 * FNV-1a, then murmur3's finaliser so the low bits (the slot) are well mixed.
 *
 * @category utilities
 */
export const hashOf: (s: string) => number = mixedHash

/**
 * The position of a string, or -1.
 *
 * @category utilities
 */
export const indexOf = (ix: StringIndex, key: string): number => {
  const table = ix.table
  const mask = (table.length >> 1) - 1
  const h = hashOf(key)
  for (let i = h & mask; ; i = (i + 1) & mask) {
    const p = table[2 * i + 1] as number
    if (p === 0) return -1
    if (table[2 * i] === h && ix.keys[p - 1] === key) return p - 1
  }
}

/**
 * Put (hash, 1 + position) in the first free slot from the hash's own (the key is known to be absent).
 *
 * @category utilities
 */
export const place = (table: Int32Array, h: number, pos: number): void => {
  const mask = (table.length >> 1) - 1
  let i = h & mask
  while (table[2 * i + 1] !== 0) i = (i + 1) & mask
  table[2 * i] = h
  table[2 * i + 1] = pos + 1
}

/**
 * Add a string known to be absent: its position.
 *
 * @category utilities
 */
export const addIndex = (ix: StringIndex, key: string): number => {
  const pos = ix.keys.length
  ix.keys.push(key)
  ix.table = roomFor(ix.table, ix.keys.length)
  place(ix.table, hashOf(key), pos)
  return pos
}

/**
 * The table itself if it can take `n` keys at most half full, else a larger one with the same keys.
 *
 * @category utilities
 */
export const roomFor = (table: Int32Array, n: number): Int32Array => {
  if (2 * n <= table.length >> 1) return table
  let slots = table.length >> 1
  while (slots < 2 * n) slots *= 2
  // Place every key again (their hashes are kept in the table).
  const next = new Int32Array(2 * slots)
  for (let i = 0; i < table.length; i += 2) if (table[i + 1] !== 0) place(next, table[i] as number, (table[i + 1] as number) - 1)
  return next
}
