/**
 * An intern table of strings: each distinct key gets the next number (0, 1,
 * 2, ...). The ledger interns every event's content key once per fold; a
 * `Map` did that at several times the cost, because each event carries its
 * own copy of the key string and `Map` computes a fresh string's hash in the
 * runtime, outside the compiled code. Over the library's one string table
 * (core/internal/strtable.ts), so keys chosen to collide under its hash
 * cost O(1) expected each (its second level), keys crafted against both of
 * its hashes O(log n), never O(n) (issue #14).
 *
 * @module
 * @internal
 */
import { hashOf } from '../core/hash.js'
import { strTable, tableAdd, tableFind } from '../core/internal/strtable.js'

const keyAt = (keys: ReadonlyArray<string>, id: number): string => keys[id] as string

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A mutable intern table, private to the state that owns it.
 *
 * @category model
 * @example
 * const t: Interner = interner(); t.idOf('art-1') // => 0
 */
export interface Interner {
  /** The number of `key`, given the next one if it is new. */
  readonly idOf: (key: string) => number
  /** How many keys it holds. */
  readonly size: () => number
  /** The key of a number it gave (`undefined` for any other number). */
  readonly keyOf: (id: number) => string | undefined
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * An empty intern table.
 *
 * @category constructors
 * @example
 * const t = interner(); [t.idOf('a'), t.idOf('b'), t.idOf('a')] // => [0, 1, 0]
 */
export const interner = (): Interner => {
  const keys: Array<string> = []
  const table = strTable<ReadonlyArray<string>>(keys, keyAt, 32)
  return {
    idOf: (key) => {
      const h = hashOf(key)
      const found = tableFind(table, key, h)
      if (found >= 0) return found
      const id = keys.length
      keys.push(key)
      tableAdd(table, h, id)
      return id
    },
    size: () => keys.length,
    keyOf: (id) => keys[id]
  }
}
