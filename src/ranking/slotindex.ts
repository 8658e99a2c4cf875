/**
 * Subject id → slot, for the live board: an open-addressing hash table
 * (linear probing, deletion by shifting back) over one `Int32Array` of
 * (32-bit hash, slot) pairs; the id itself is read from `names[slot]` only
 * to confirm a match. Why not a `Map`: with a million ids, every lookup in a
 * `Map` follows its bucket chain through entries and compares candidate ids
 * (each another object elsewhere on the heap); here the candidates' hashes
 * sit in the same cache line, so a lookup costs about one miss fewer, a
 * tenth of a live board operation.
 *
 * @internal
 * @module
 */
import { fnv1a } from '../core/hash.js'

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

const EMPTY = -1

// FNV-1a: deterministic, and cheap for the short ids of members and units.
const hashOf = fnv1a

/** @internal */
export const makeSlotIndex = (names: ReadonlyArray<string>, initialCapacity = 16): SlotIndex => {
  let cap = Math.max(4, initialCapacity) // a power of two, kept at least twice the size
  while ((cap & (cap - 1)) !== 0) cap++
  let table = new Int32Array(cap * 2).fill(EMPTY) // cell i: table[2i] the hash, table[2i + 1] the slot
  let count = 0

  // The cell holding `id`, or the empty cell where it would go.
  const find = (id: string, h: number): number => {
    const mask = cap - 1
    let i = h & mask
    for (;;) {
      const s = table[2 * i + 1] as number
      if (s === EMPTY || (table[2 * i] === h && names[s] === id)) return i
      i = (i + 1) & mask
    }
  }
  const put = (h: number, slot: number): void => {
    const mask = cap - 1
    let i = h & mask
    while (table[2 * i + 1] !== EMPTY) i = (i + 1) & mask
    table[2 * i] = h
    table[2 * i + 1] = slot
  }

  return {
    size: () => count,
    get: (id) => table[2 * find(id, hashOf(id)) + 1] as number,
    add: (id, slot) => {
      if (2 * (count + 1) > cap) {
        // Grow: re-place every pair by its stored hash (ids are not read again).
        const old = table
        cap *= 2
        table = new Int32Array(cap * 2).fill(EMPTY)
        for (let i = 0; i < old.length; i += 2) if (old[i + 1] !== EMPTY) put(old[i] as number, old[i + 1] as number)
      }
      put(hashOf(id), slot)
      count++
    },
    remove: (id) => {
      const mask = cap - 1
      let hole = find(id, hashOf(id))
      if (table[2 * hole + 1] === EMPTY) return false
      // Shift back each later pair of the run that may sit in the hole (its home is not between the hole
      // and itself, cyclically), so every pair stays reachable from its home without tombstones.
      for (let j = (hole + 1) & mask; table[2 * j + 1] !== EMPTY; j = (j + 1) & mask) {
        const home = (table[2 * j] as number) & mask
        if (((j - home) & mask) >= ((j - hole) & mask)) {
          table[2 * hole] = table[2 * j] as number
          table[2 * hole + 1] = table[2 * j + 1] as number
          hole = j
        }
      }
      table[2 * hole + 1] = EMPTY
      count--
      return true
    },
    slots: () => {
      const out: Array<number> = []
      for (let i = 1; i < table.length; i += 2) if (table[i] !== EMPTY) out.push(table[i] as number)
      return out
    }
  }
}
