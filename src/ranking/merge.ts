/**
 * Boards over shards: each shard (a worker holding some members) keeps the
 * best k subjects and its counts; summaries merge associatively and
 * commutatively, with the empty summary as identity, so a host can rank a
 * partitioned population and merge the results in any grouping.
 *
 * @module
 */
import { type Monoid } from 'fp-ts/lib/Monoid.js'
import { type Order, type Scored } from './tie.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A subject and score in a shard summary.
 *
 * @category model
 * @example
 * const e: TopEntry = { subject: 'm1', score: 42 }
 */
export interface TopEntry {
  readonly subject: string
  readonly score: number
}

/**
 * A shard's summary: its best `k` subjects (best first; ties by subject id),
 * how many subjects it ranked and the sum of their scores. Shards should hold
 * disjoint subjects; a subject found in two keeps its better score in `top`.
 *
 * @category model
 * @example
 * shardTop(2)([{ subject: 'a', score: 1 }, { subject: 'b', score: 3 }]) // => { _tag: 'ShardTop', k: 2, order: 'desc', count: 2, sum: 4, top: [b, a] }
 */
export interface ShardTop {
  readonly _tag: 'ShardTop'
  readonly k: number
  readonly order: Order
  readonly count: number
  readonly sum: number
  readonly top: ReadonlyArray<TopEntry>
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

const cmp =
  (order: Order) =>
  (a: TopEntry, b: TopEntry): number =>
    (order === 'desc' ? b.score - a.score : a.score - b.score) || (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0)

const best = (order: Order, k: number, xs: ReadonlyArray<TopEntry>): ReadonlyArray<TopEntry> => {
  const byId = new Map<string, TopEntry>()
  const c = cmp(order)
  for (const x of xs) {
    const had = byId.get(x.subject)
    if (had === undefined || c(x, had) < 0) byId.set(x.subject, x)
  }
  return [...byId.values()].sort(c).slice(0, k)
}

/**
 * The empty summary (the identity of `mergeShardTop`).
 *
 * @category constructors
 * @example
 * emptyShardTop(10).count // => 0
 */
export const emptyShardTop = (k: number, order: Order = 'desc'): ShardTop => ({ _tag: 'ShardTop', k, order, count: 0, sum: 0, top: [] })

/**
 * Summarise one shard's scored subjects.
 *
 * @category constructors
 * @example
 * shardTop(1)([{ subject: 'a', score: 1 }, { subject: 'b', score: 5 }]).top // => [{ subject: 'b', score: 5 }]
 */
export const shardTop =
  (k: number, order: Order = 'desc') =>
  (xs: ReadonlyArray<Scored>): ShardTop => ({
    _tag: 'ShardTop',
    k,
    order,
    count: xs.length,
    sum: xs.reduce((a, x) => a + x.score, 0),
    top: best(order, k, xs.map((x) => ({ subject: x.subject, score: x.score })))
  })

// -------------------------------------------------------------------------------------
// combinators
// -------------------------------------------------------------------------------------

/**
 * Merge two summaries (of the same k and order; the smaller k wins if they differ).
 *
 * @category combinators
 * @example
 * mergeShardTop(shardTop(1)([{ subject: 'a', score: 1 }]), shardTop(1)([{ subject: 'b', score: 2 }])).top[0]?.subject // => 'b'
 */
export const mergeShardTop = (a: ShardTop, b: ShardTop): ShardTop => {
  const k = Math.min(a.k, b.k)
  return { _tag: 'ShardTop', k, order: a.order, count: a.count + b.count, sum: a.sum + b.sum, top: best(a.order, k, [...a.top, ...b.top]) }
}

// -------------------------------------------------------------------------------------
// instances
// -------------------------------------------------------------------------------------

/**
 * The monoid of shard summaries for one k and order.
 *
 * @category instances
 * @example
 * import { concatAll } from 'fp-ts/lib/Monoid.js'
 * concatAll(shardTopMonoid(3))(shards.map(shardTop(3))).count // => total subjects
 */
export const shardTopMonoid = (k: number, order: Order = 'desc'): Monoid<ShardTop> => ({
  concat: mergeShardTop,
  empty: emptyShardTop(k, order)
})
