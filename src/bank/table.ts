/**
 * The bank's tables as hosts read them (`bank.accounts` … `bank.requests`):
 * a view over a `Map` built from the bank's store when first read. The
 * fields `base`, `recent` and `size` keep the shape tables had before the
 * bank became a columnar store (`recent` is always empty now).
 *
 * `JSON.stringify` writes a table in its persisted form, hash buckets of
 * records (the key `__proto__` is stored as `\u0000__proto__`, which no id
 * can be, so no key ever reaches a prototype); `liveTable` also accepts that
 * form as read back by `JSON.parse`, converting it once (memoised).
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
  /** Keys written since `base` was built (their new values): none, in the bank's tables now. */
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

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

const BUCKETS = 1024

const safe = (key: string): string => (key === '__proto__' ? '\u0000__proto__' : key)
const unsafe = (key: string): string => (key === '\u0000__proto__' ? '__proto__' : key)

const bucketOf = (key: string): number => fnv1a(key) & (BUCKETS - 1)

// The JSON form keeps the layout of earlier versions (buckets of records by an FNV hash), so saved banks still load.
const jsonOf = <V>(base: ReadonlyMap<string, V>, size: number): TableJson<V> => {
  const buckets: Array<Record<string, V>> = Array.from({ length: BUCKETS }, () => ({}))
  for (const [k, v] of base) (buckets[bucketOf(k)] as Record<string, V>)[safe(k)] = v
  return { buckets, size }
}

// Shared by every table; nothing ever writes it.
const NONE: ReadonlyMap<string, never> = new Map<string, never>()

/**
 * A table over a Map built only when first read (its size known now): the
 * bank's tables are views of its store, built on demand.
 *
 * @category constructors
 * @example
 * lazyTable(1, () => new Map([['a', 1]])).size // => 1
 */
export const lazyTable = <V>(size: number, build: () => ReadonlyMap<string, V>): Table<V> => {
  let built: ReadonlyMap<string, V> | undefined
  const base = (): ReadonlyMap<string, V> => (built ??= build())
  return {
    get base() {
      return base()
    },
    recent: NONE,
    size,
    toJSON: () => jsonOf(base(), size)
  }
}

// Tables read back from JSON, converted once each (a JSON value is never changed, so the memo stays right).
const revived = new WeakMap<object, Table<unknown>>()

/**
 * The table itself, or the table its JSON form stands for (converted once, then memoised).
 *
 * @category constructors
 * @example
 * liveTable(JSON.parse(JSON.stringify(t))).base.get('a') // => what t.base.get('a') gives
 */
export const liveTable = <V>(tb: Table<V> | TableJson<V>): Table<V> => {
  if (typeof (tb as Partial<Table<V>>).toJSON === 'function') return tb as Table<V>
  const memo = revived.get(tb) as Table<V> | undefined
  if (memo !== undefined) return memo
  const base = new Map<string, V>()
  for (const b of (tb as TableJson<V>).buckets) for (const k of Object.keys(b)) base.set(unsafe(k), b[k] as V)
  const t = lazyTable(base.size, () => base)
  revived.set(tb, t as Table<unknown>)
  return t
}
