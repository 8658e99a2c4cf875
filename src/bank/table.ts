/**
 * A table of values by string key, persistent and cheap to update: a large
 * `base` Map that is never written again once built, plus a small `recent`
 * Map of the keys written since. One operation copies only `recent` (kept
 * near √size, then folded into a new base), so one operation on a bank of a
 * million requests copies a few thousand keys, not a million; a batch writes
 * into one private Map and, over an empty or small base, keeps that Map as
 * the new base without copying it.
 *
 * `JSON.stringify` writes a table in its persisted form, hash buckets of
 * records (the key `__proto__` is stored as `\u0000__proto__`, which no id
 * can be, so no key ever reaches a prototype); every function here also
 * accepts that form as read back by `JSON.parse`, converting it once (memoised).
 *
 * @module
 * @internal
 */
import { fnv1a } from '../core/hash.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * An immutable table: `recent.get(key) ?? base.get(key)`; see `TableJson` for its JSON form.
 * Neither Map is ever written once the table exists.
 *
 * @category model
 */
export interface Table<V> {
  readonly base: ReadonlyMap<string, V>
  /** Keys written since `base` was built (their new values). */
  readonly recent: ReadonlyMap<string, V>
  readonly size: number
  /** The persisted form, used by `JSON.stringify`. */
  readonly toJSON: () => TableJson<V>
}

/**
 * A table as JSON: hash buckets of records (the form `JSON.parse` gives back).
 *
 * @category model
 */
export interface TableJson<V> {
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
  /** The new table; the draft must not be used after this (the table may own its Map). */
  readonly done: () => Table<V>
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

const BUCKETS = 1024

const safe = (key: string): string => (key === '__proto__' ? '\u0000__proto__' : key)
const unsafe = (key: string): string => (key === '\u0000__proto__' ? '__proto__' : key)

const bucketOf = (key: string): number => fnv1a(key) & (BUCKETS - 1)

const entriesOf = function* <V>(base: ReadonlyMap<string, V>, recent: ReadonlyMap<string, V>): Generator<readonly [string, V]> {
  for (const kv of recent) yield kv
  for (const kv of base) if (!recent.has(kv[0])) yield kv
}

// The JSON form keeps the layout of earlier versions (buckets of records by an FNV hash), so saved banks still load.
const jsonOf = <V>(base: ReadonlyMap<string, V>, recent: ReadonlyMap<string, V>, size: number): TableJson<V> => {
  const buckets: Array<Record<string, V>> = Array.from({ length: BUCKETS }, () => ({}))
  for (const [k, v] of entriesOf(base, recent)) (buckets[bucketOf(k)] as Record<string, V>)[safe(k)] = v
  return { buckets, size }
}

const make = <V>(base: ReadonlyMap<string, V>, recent: ReadonlyMap<string, V>, size: number): Table<V> => ({
  base,
  recent,
  size,
  toJSON: () => jsonOf(base, recent, size)
})

// Shared by every empty table; nothing ever writes it (drafts write only Maps they made).
const NONE: ReadonlyMap<string, never> = new Map<string, never>()

/**
 * An empty table.
 *
 * @category constructors
 * @example
 * emptyTable<number>().size // => 0
 */
export const emptyTable = <V>(): Table<V> => make(NONE, NONE, 0)

// Tables read back from JSON, converted once each (a JSON value is never changed, so the memo stays right).
const revived = new WeakMap<object, Table<unknown>>()

/**
 * The table itself, or the table its JSON form stands for (converted once, then memoised).
 *
 * @category constructors
 * @example
 * tableGet(liveTable(JSON.parse(JSON.stringify(t))), 'a') // => what tableGet(t, 'a') gives
 */
export const liveTable = <V>(tb: Table<V> | TableJson<V>): Table<V> => {
  if (typeof (tb as Partial<Table<V>>).toJSON === 'function') return tb as Table<V>
  const memo = revived.get(tb) as Table<V> | undefined
  if (memo !== undefined) return memo
  const base = new Map<string, V>()
  for (const b of (tb as TableJson<V>).buckets) for (const k of Object.keys(b)) base.set(unsafe(k), b[k] as V)
  const t = make(base, NONE, base.size)
  revived.set(tb, t as Table<unknown>)
  return t
}

/** How many recent keys a table keeps before folding them into a new base (about √size: copying recent per operation and the base now and then cost about the same). */
const recentLimit = (size: number): number => 64 + 2 * Math.ceil(Math.sqrt(size))

/**
 * Start a draft. Its writes go to one private Map (seeded with the table's
 * recent keys); `done` keeps that Map as the new recent part, or folds it
 * into a new base when it has grown large.
 *
 * @category constructors
 * @example
 * const d = draftTable(emptyTable<number>()); d.set('a', 1); d.done().size // => 1
 */
export const draftTable = <V>(input: Table<V>): TableDraft<V> => {
  const t = liveTable(input)
  const base = t.base
  // Made on the first write: a draft for one operation often writes only one or two tables.
  let writes: Map<string, V> | undefined
  let size = t.size
  return {
    // Values are never undefined, so `??` tells a missing key; a base that is empty is not asked at all.
    get: (key) => (writes ?? t.recent).get(key) ?? (base.size === 0 ? undefined : base.get(key)),
    set: (key, v) => {
      if (writes === undefined) writes = new Map(t.recent)
      const before = writes.size
      writes.set(key, v)
      if (writes.size !== before && !base.has(key)) size++
    },
    done: () => {
      if (writes === undefined) return input // unwritten: the very same table (callers check identity)
      if (writes.size <= recentLimit(size)) return make(base, writes, size)
      // Fold: the writes win over the base. Over an empty base the private Map simply becomes the base.
      if (base.size === 0) return make(writes, NONE, size)
      const merged = new Map(base)
      for (const [k, v] of writes) merged.set(k, v)
      return make(merged, NONE, size)
    }
  }
}

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/**
 * Look a key up (`__proto__` and friends are ordinary keys here).
 *
 * @category utilities
 * @example
 * tableGet(emptyTable<number>(), 'x') // => undefined
 */
export const tableGet = <V>(tb: Table<V>, key: string): V | undefined => {
  const t = liveTable(tb)
  return t.recent.get(key) ?? t.base.get(key)
}

/**
 * Call `f` on every value, in no particular order.
 *
 * @category utilities
 * @example
 * tableForEach(emptyTable<number>(), (v) => console.log(v)) // prints nothing
 */
export const tableForEach = <V>(tb: Table<V>, f: (v: V) => void): void => {
  const t = liveTable(tb)
  for (const [, v] of entriesOf(t.base, t.recent)) f(v)
}

/**
 * Every value of a table, keys in sorted order.
 *
 * @category utilities
 * @example
 * tableValues(emptyTable<number>()) // => []
 */
export const tableValues = <V>(tb: Table<V>): ReadonlyArray<V> => {
  const t = liveTable(tb)
  const pairs = [...entriesOf(t.base, t.recent)]
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return pairs.map(([, v]) => v)
}
