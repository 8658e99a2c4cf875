/**
 * The kept event per id, as a short stack of hash tables ("layers", oldest
 * first): each append writes one fresh table on top and never touches the
 * older ones, so the old ledger stays as it was. To keep look-ups short, a
 * layer is merged into the one below while that one is less than twice its
 * size, so sizes at least double downwards: at most log2(n) layers, and each
 * id is copied O(log n) times over a ledger's life.
 *
 * A layer is the library's one string table (core/internal/strtable.ts:
 * open addressing in one `Int32Array` of (hash, 1 + position) pairs) over an
 * array of its events, rather than a `Map`: a big
 * first fold claims a million ids, and with a `Map` each claim cost several
 * cache misses (bucket, entry, the other key's string) twice over (`get`,
 * then `set`) and the table was one more large object for the GC to trace.
 * Here a claim usually reads one cache line, and compares strings only when
 * 32-bit hashes match. Ids chosen to collide under the hash cost O(1)
 * expected each (the table's second level, keyed by another hash), ids
 * crafted against both hashes O(log n), never O(n) (issue #14).
 *
 * @module
 * @internal
 */
import type { EventId } from '../core/internal.js'
import { hashOf as tableHash } from '../core/hash.js'
import { strTable, tableAdd, tableCopy, tableFind, tableTouch, type StrTable } from '../core/internal/strtable.js'
import type { ActivityEvent } from '../rules/internal.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * One layer: its events (each id once, in first-claim order) and their positions by id (never written
 * once the layer is done).
 *
 * @category model
 */
export interface IdLayer {
  readonly events: ReadonlyArray<ActivityEvent>
  readonly table: StrTable<ReadonlyArray<ActivityEvent>>
}

/**
 * An immutable index of events by id.
 *
 * @category model
 */
export interface IdIndex {
  /** Oldest first; an id in a newer layer shadows the same id in older ones. */
  readonly layers: ReadonlyArray<IdLayer>
  /** Distinct ids. */
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
  /** `claim` given the id's `hashOf`. */
  readonly claimHashed: (e: ActivityEvent, h: number) => ActivityEvent | undefined
  /**
   * Read the top layer's slot of a hash (a number the caller must use, so the read is not optimised
   * away): a loop reading the slots of the next few ids lets the CPU fetch them from memory together,
   * before `claimHashed` needs them one by one.
   */
  readonly touch: (h: number) => number
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
export const EMPTY_INDEX: IdIndex = { layers: [], size: 0 }

/**
 * The tables' hash (core/hash.ts).
 *
 * @category utilities
 * @example
 * hashOf('ev-1') === hashOf('ev-1') // => true
 */
export const hashOf: (s: string) => number = tableHash

const lookUp = (layers: ReadonlyArray<IdLayer>, id: string, h: number): ActivityEvent | undefined => {
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i] as IdLayer
    const p = tableFind(layer.table, id, h)
    if (p >= 0) return layer.events[p]
  }
  return undefined
}

/** The id of the event at a position of a layer. */
const idAt = (events: ReadonlyArray<ActivityEvent>, p: number): string => (events[p] as ActivityEvent).id

/**
 * A mutable layer private to one draft: a copy of `from` (or empty) with
 * room for `expected` ids before it has to grow.
 */
const layerDraft = (from: IdLayer | undefined, expected: number) => {
  const events: Array<ActivityEvent> = from === undefined ? [] : from.events.slice()
  const table = from === undefined ? strTable<ReadonlyArray<ActivityEvent>>(events, idAt, expected) : tableCopy(from.table, events, expected)
  return {
    layer: (): IdLayer => ({ events, table }),
    find: (id: string, h: number): number => tableFind(table, id, h),
    touch: (h: number): number => tableTouch(table, h),
    get: (p: number): ActivityEvent => events[p] as ActivityEvent,
    replace: (p: number, e: ActivityEvent): void => {
      events[p] = e
    },
    add: (h: number, e: ActivityEvent): void => {
      events.push(e)
      tableAdd(table, h, events.length - 1)
    },
    size: (): number => events.length
  }
}

/**
 * Start a draft from an index; writes go to a fresh top layer. `expected`
 * (how many new ids may come, if known) sizes that layer once.
 *
 * @category constructors
 * @example
 * const d = draftIndex(EMPTY_INDEX); d.set(e.id, e); d.done().size // => 1
 */
export const draftIndex = (base: IdIndex, expected = 0): IdIndexDraft => {
  const below = base.layers
  const top = layerDraft(undefined, expected)
  let size = base.size
  const get = (id: string): ActivityEvent | undefined => {
    const h = hashOf(id)
    const p = top.find(id, h)
    return p >= 0 ? top.get(p) : lookUp(below, id, h)
  }
  const claimHashed = (e: ActivityEvent, h: number): ActivityEvent | undefined => {
    const p = top.find(e.id, h)
    if (p >= 0) return top.get(p)
    const old = lookUp(below, e.id, h)
    if (old !== undefined) return old
    top.add(h, e)
    size++
    return undefined
  }
  return {
    get,
    set: (id, e) => {
      const h = hashOf(id)
      const p = top.find(id, h)
      if (p >= 0) return top.replace(p, e)
      if (lookUp(below, id, h) === undefined) size++
      top.add(h, e)
    },
    claim: (e) => claimHashed(e, hashOf(e.id)),
    claimHashed,
    touch: (h) => top.touch(h),
    done: () => {
      if (top.size() === 0) return { layers: below, size }
      const layers = below.slice()
      let last: IdLayer = top.layer()
      // Merge downwards while the layer below is less than twice as big (the newer entry wins).
      for (let under = layers.at(-1); under !== undefined && under.events.length < 2 * last.events.length; under = layers.at(-1)) {
        const merged = layerDraft(under, under.events.length + last.events.length)
        // In the newer layer's order, so a merged layer lists ids in first-claim order.
        for (const e of last.events) {
          const h = hashOf(e.id)
          const q = merged.find(e.id, h)
          if (q >= 0) merged.replace(q, e)
          else merged.add(h, e)
        }
        last = merged.layer()
        layers.pop()
      }
      layers.push(last)
      return { layers, size }
    }
  }
}

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/**
 * Every event of an index (each id once, the version it keeps).
 *
 * @category utilities
 * @example
 * [...indexValues(EMPTY_INDEX)] // => []
 */
export function* indexValues(ix: IdIndex): Generator<ActivityEvent> {
  const { layers } = ix
  for (let i = 0; i < layers.length; i++) {
    const newer = layers.slice(i + 1)
    for (const e of (layers[i] as IdLayer).events) if (lookUp(newer, e.id, hashOf(e.id)) === undefined) yield e
  }
}

/**
 * Look an id up.
 *
 * @category utilities
 * @example
 * indexGet(EMPTY_INDEX, 'e1' as EventId) // => undefined
 */
export const indexGet = (ix: IdIndex, id: EventId): ActivityEvent | undefined => lookUp(ix.layers, id, hashOf(id))
