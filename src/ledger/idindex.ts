/**
 * The kept event per id, in hash buckets of small maps: far faster than one
 * map of a million ids, and copy-on-write per bucket, so appending to a
 * ledger copies only the buckets it touches (the old ledger stays as it was).
 *
 * @module
 * @internal
 */
import type { EventId } from '../core/index.js'
import type { ActivityEvent } from '../rules/index.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

const BITS = 13
const BUCKETS = 1 << BITS

/**
 * An immutable index of events by id.
 *
 * @category model
 */
export interface IdIndex {
  readonly buckets: ReadonlyArray<ReadonlyMap<string, ActivityEvent> | undefined>
  readonly size: number
}

/**
 * A mutable draft of an index, private to one operation.
 *
 * @category model
 */
export interface IdIndexDraft {
  readonly get: (id: EventId) => ActivityEvent | undefined
  readonly set: (id: EventId, e: ActivityEvent) => void
  /** The event kept for this id if there is one; otherwise keeps `e` and returns `undefined`. */
  readonly claim: (e: ActivityEvent) => ActivityEvent | undefined
  readonly done: () => IdIndex
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * The empty index.
 *
 * @category constructors
 * @example
 * EMPTY_INDEX.size // => 0
 */
export const EMPTY_INDEX: IdIndex = { buckets: /*#__PURE__*/ new Array<undefined>(BUCKETS).fill(undefined), size: 0 }

const bucketOf = (id: string): number => {
  let h = 0x811c9dc5
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193)
  return (h >>> 0) & (BUCKETS - 1)
}

/**
 * Start a draft from an index; buckets are copied on first write.
 *
 * @category constructors
 * @example
 * const d = draftIndex(EMPTY_INDEX); d.set(e.id, e); d.done().size // => 1
 */
export const draftIndex = (base: IdIndex): IdIndexDraft => {
  const buckets = base.buckets.slice() as Array<Map<string, ActivityEvent> | undefined>
  const owned = new Uint8Array(BUCKETS)
  let size = base.size
  const own = (b: number): Map<string, ActivityEvent> => {
    let m = buckets[b]
    if (owned[b] === 0) {
      m = m === undefined ? new Map() : new Map(m)
      buckets[b] = m
      owned[b] = 1
    }
    return m as Map<string, ActivityEvent>
  }
  return {
    get: (id) => buckets[bucketOf(id)]?.get(id),
    set: (id, e) => {
      const map = own(bucketOf(id))
      if (!map.has(id)) size++
      map.set(id, e)
    },
    claim: (e) => {
      const b = bucketOf(e.id)
      const old = buckets[b]?.get(e.id)
      if (old !== undefined) return old
      own(b).set(e.id, e)
      size++
      return undefined
    },
    done: () => ({ buckets, size })
  }
}

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/**
 * Every event of an index.
 *
 * @category utilities
 * @example
 * [...indexValues(EMPTY_INDEX)] // => []
 */
export function* indexValues(ix: IdIndex): Generator<ActivityEvent> {
  for (const m of ix.buckets) if (m !== undefined) yield* m.values()
}

/**
 * Look an id up.
 *
 * @category utilities
 * @example
 * indexGet(EMPTY_INDEX, 'e1' as EventId) // => undefined
 */
export const indexGet = (ix: IdIndex, id: EventId): ActivityEvent | undefined => ix.buckets[bucketOf(id)]?.get(id)
