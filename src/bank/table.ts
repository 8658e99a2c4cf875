/**
 * A table of values by string key as plain, serialisable data: hash buckets
 * of records (the key `__proto__` is stored as `\u0000__proto__`, which no
 * id can be, so no key ever reaches a prototype). An operation copies only the buckets it writes (the old
 * table stays as it was), so one operation on a bank of a million requests
 * copies a few hundred keys, not a million.
 *
 * @module
 * @internal
 */

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

const BUCKETS = 1024

/**
 * An immutable table: `buckets[hash(key)][key]`; plain JSON when serialised.
 *
 * @category model
 */
export interface Table<V> {
  readonly buckets: ReadonlyArray<Readonly<Record<string, V>>>
  readonly size: number
}

/**
 * A mutable draft of a table, private to one operation or batch.
 *
 * @category model
 */
export interface TableDraft<V> {
  readonly get: (key: string) => V | undefined
  readonly set: (key: string, v: V) => void
  readonly done: () => Table<V>
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * An empty table.
 *
 * @category constructors
 * @example
 * emptyTable<number>().size // => 0
 */
export const emptyTable = <V>(): Table<V> => ({ buckets: Array.from({ length: BUCKETS }, () => ({})), size: 0 })

const bucketOf = (key: string): number => {
  let h = 0x811c9dc5
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193)
  return (h >>> 0) & (BUCKETS - 1)
}

const has = Object.prototype.hasOwnProperty
const safe = (key: string): string => (key === '__proto__' ? '\u0000__proto__' : key)
const unsafe = (key: string): string => (key === '\u0000__proto__' ? '__proto__' : key)

/**
 * Look a key up (own keys only: `__proto__` and friends are ordinary keys here).
 *
 * @category utilities
 * @example
 * tableGet(emptyTable<number>(), 'x') // => undefined
 */
export const tableGet = <V>(tb: Table<V>, key: string): V | undefined => {
  const b = tb.buckets[bucketOf(key)]
  key = safe(key)
  return b !== undefined && has.call(b, key) ? b[key] : undefined
}

/**
 * Start a draft; buckets are copied on first write.
 *
 * @category constructors
 * @example
 * const d = draftTable(emptyTable<number>()); d.set('a', 1); d.done().size // => 1
 */
export const draftTable = <V>(base: Table<V>): TableDraft<V> => {
  // The draft's writes go to a Map first, and into the records once, in `done`: V8 interns every
  // record key (a lookup in its global string table on each read and write), which a Map does not,
  // so a batch of a million operations reads and rewrites its own keys at Map speed.
  // Made on the first write: a draft for one operation often writes only one or two tables.
  let writes: Map<string, V> | undefined
  return {
    get: (key) => {
      const v = writes?.get(key)
      // One Map lookup in the common case; the base is asked only when it has keys and this draft has not written this one.
      return v !== undefined || base.size === 0 || writes?.has(key) === true ? v : tableGet(base, key)
    },
    set: (key, v) => {
      writes ??= new Map()
      writes.set(key, v)
    },
    done: () => {
      if (writes === undefined) return base
      const buckets = base.buckets.slice() as Array<Record<string, V>>
      const owned = new Uint8Array(BUCKETS)
      let size = base.size
      for (const [k, v] of writes) {
        const i = bucketOf(k)
        const key = safe(k)
        let b = buckets[i] as Record<string, V>
        if (owned[i] === 0) {
          // Prototype-free records stay in V8's dictionary mode: fast for many keys, no hidden classes per key.
          b = Object.assign(Object.create(null) as Record<string, V>, b)
          buckets[i] = b
          owned[i] = 1
        }
        if (!has.call(b, key)) size++
        b[key] = v
      }
      return { buckets, size }
    }
  }
}

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/**
 * Every value of a table, keys in sorted order.
 *
 * @category utilities
 * @example
 * tableValues(emptyTable<number>()) // => []
 */
export const tableValues = <V>(tb: Table<V>): ReadonlyArray<V> => {
  const pairs: Array<readonly [string, V]> = []
  for (const b of tb.buckets) for (const k of Object.keys(b)) pairs.push([unsafe(k), b[k] as V])
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return pairs.map(([, v]) => v)
}
