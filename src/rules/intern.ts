/**
 * An intern table of strings: each distinct key gets the next number (0, 1,
 * 2, ...). The ledger interns every event's content key once per fold; a
 * `Map` did that at several times the cost, because each event carries its
 * own copy of the key string and `Map` computes a fresh string's hash in the
 * runtime, outside the compiled code.
 *
 * @module
 * @internal
 */
import { fnv1a } from '../core/hash.js'

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
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * An empty intern table: open addressing over (hash, 1 + id) pairs, at most half full.
 *
 * @category constructors
 * @example
 * const t = interner(); [t.idOf('a'), t.idOf('b'), t.idOf('a')] // => [0, 1, 0]
 */
export const interner = (): Interner => {
  // Key `id`'s characters are `chars[from[id] .. from[id + 1])`: comparing a key with a stored one reads
  // this small buffer, not the stored string object (wherever the heap put it: a cache miss each time).
  let chars = new Uint16Array(256)
  let from = new Int32Array(64)
  let size = 0
  let table = new Int32Array(2 * 64)
  const place = (h: number, id: number): void => {
    const mask = (table.length >> 1) - 1
    let i = h & mask
    while (table[2 * i + 1] !== 0) i = (i + 1) & mask
    table[2 * i] = h
    table[2 * i + 1] = id + 1
  }
  const same = (id: number, key: string): boolean => {
    const a = from[id] as number
    if ((from[id + 1] as number) - a !== key.length) return false
    for (let i = 0; i < key.length; i++) if (chars[a + i] !== key.charCodeAt(i)) return false
    return true
  }
  return {
    idOf: (key) => {
      const h = fnv1a(key)
      const mask = (table.length >> 1) - 1
      for (let i = h & mask; ; i = (i + 1) & mask) {
        const p = table[2 * i + 1] as number
        if (p === 0) break
        if (table[2 * i] === h && same(p - 1, key)) return p - 1
      }
      const id = size++
      const end = (from[id] as number) + key.length
      if (end > chars.length) {
        const grown = new Uint16Array(Math.max(2 * chars.length, end))
        grown.set(chars)
        chars = grown
      }
      for (let i = 0; i < key.length; i++) chars[(from[id] as number) + i] = key.charCodeAt(i)
      if (id + 2 > from.length) {
        const grown = new Int32Array(2 * from.length)
        grown.set(from)
        from = grown
      }
      from[id + 1] = end
      if (2 * size > table.length >> 1) {
        const old = table
        table = new Int32Array(2 * old.length)
        for (let i = 0; i < old.length; i += 2) if (old[i + 1] !== 0) place(old[i] as number, (old[i + 1] as number) - 1)
      }
      place(h, id)
      return id
    },
    size: () => size
  }
}
