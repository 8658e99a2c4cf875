/**
 * A growing index of distinct strings to their positions (first-added
 * order), over the library's one string table (core/internal/strtable.ts):
 * open addressing in one `Int32Array` of (hash, 1 + position) pairs, like
 * the ledger's id index. The bank keeps a million request ids and a hundred
 * thousand subjects: a `Map` of that size costs several cache misses per
 * look-up and is a large object for the garbage collector to trace and to
 * copy as it grows; this table lives outside the JS heap and a look-up
 * usually reads one cache line (strings are compared only when 32-bit
 * hashes match). Subjects chosen to collide under the hash cost O(1)
 * expected each (the table's second level, keyed by another hash), those
 * crafted against both hashes O(log n), never O(n) (issue #14).
 *
 * Mutable: owned by one store (see store.ts).
 *
 * @module
 * @internal
 */
import { hashOf as tableHash } from '../core/hash.js'
import { strTable, tableAdd, tableFind, type StrTable } from '../core/internal/strtable.js'

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
  /** Position by string. */
  readonly table: StrTable<ReadonlyArray<string>>
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * An empty index.
 *
 * @category constructors
 */
export const stringIndex = (): StringIndex => {
  const keys: Array<string> = []
  return { keys, table: strTable<ReadonlyArray<string>>(keys, keyAt, 32) }
}

/** The string at a position. */
export const keyAt = (keys: ReadonlyArray<string>, p: number): string => keys[p] as string

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/**
 * The tables' hash (core/hash.ts).
 *
 * @category utilities
 */
export const hashOf: (s: string) => number = tableHash

/**
 * The position of a string, or -1.
 *
 * @category utilities
 */
export const indexOf = (ix: StringIndex, key: string): number => tableFind(ix.table, key, hashOf(key))

/**
 * Add a string known to be absent: its position.
 *
 * @category utilities
 */
export const addIndex = (ix: StringIndex, key: string): number => {
  const pos = ix.keys.length
  ix.keys.push(key)
  tableAdd(ix.table, hashOf(key), pos)
  return pos
}
