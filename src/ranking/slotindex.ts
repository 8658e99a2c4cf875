/**
 * Subject id → slot, for the live board, over the library's one string
 * table (core/internal/strtable.ts): open addressing over one `Int32Array`
 * of (32-bit hash, 1 + slot) pairs; the id itself is read from `names[slot]`
 * only to confirm a match. Why not a `Map`: with a million ids, every lookup
 * in a `Map` follows its bucket chain through entries and compares candidate
 * ids (each another object elsewhere on the heap); here the candidates'
 * hashes sit in the same cache line, so a lookup costs about one miss fewer,
 * a tenth of a live board operation. Ids chosen to collide under the hash
 * cost O(1) expected each (the table's second level, keyed by another
 * hash), ids crafted against both hashes O(log n), never O(n) (issue #14).
 *
 * @internal
 * @module
 */
import { hashOf } from '../core/hash.js'
import { strTable, tableAdd, tableFind, tableRefs, tableRemove } from '../core/internal/strtable.js'

/** @internal */
export interface SlotIndex {
  readonly size: () => number
  /** The slot of an id, or -1. */
  readonly get: (id: string) => number
  /** Record the slot of an id that is not in the index (`names[slot]` must already be `id`). */
  readonly add: (id: string, slot: number) => void
  /** Forget an id (while `names` still names it); false if it was not in the index. */
  readonly remove: (id: string) => boolean
  /** Every slot in the index, in no particular order. */
  readonly slots: () => Array<number>
}

const nameAt = (names: ReadonlyArray<string>, slot: number): string => names[slot] as string

/** @internal */
export const makeSlotIndex = (names: ReadonlyArray<string>, initialCapacity = 16): SlotIndex => {
  const table = strTable(names, nameAt, initialCapacity >> 1)
  return {
    size: () => table.live,
    get: (id) => tableFind(table, id, hashOf(id)),
    add: (id, slot) => tableAdd(table, hashOf(id), slot),
    remove: (id) => tableRemove(table, id, hashOf(id)),
    slots: () => tableRefs(table)
  }
}
