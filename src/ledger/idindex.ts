/**
 * The kept event per id, as a short stack of maps ("layers", oldest first):
 * each append writes one fresh map on top and never touches the older ones,
 * so the old ledger stays as it was. A first fold is one plain map (about
 * twice as fast as hashing ids into many small maps). To keep look-ups short,
 * a layer is merged into the one below while that one is less than twice its
 * size, so sizes at least double downwards: at most log2(n) layers, and each
 * id is copied O(log n) times over a ledger's life.
 *
 * @module
 * @internal
 */
import type { EventId } from '../core/index.js'
import type { ActivityEvent } from '../rules/index.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * An immutable index of events by id.
 *
 * @category model
 */
export interface IdIndex {
  /** Oldest first; an id in a newer layer shadows the same id in older ones. */
  readonly layers: ReadonlyArray<ReadonlyMap<string, ActivityEvent>>
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

const lookUp = (layers: ReadonlyArray<ReadonlyMap<string, ActivityEvent>>, id: string): ActivityEvent | undefined => {
  for (let i = layers.length - 1; i >= 0; i--) {
    const e = (layers[i] as ReadonlyMap<string, ActivityEvent>).get(id)
    if (e !== undefined) return e
  }
  return undefined
}

/**
 * Start a draft from an index; writes go to a fresh top layer.
 *
 * @category constructors
 * @example
 * const d = draftIndex(EMPTY_INDEX); d.set(e.id, e); d.done().size // => 1
 */
export const draftIndex = (base: IdIndex): IdIndexDraft => {
  const below = base.layers
  const top = new Map<string, ActivityEvent>()
  let size = base.size
  const get = (id: string): ActivityEvent | undefined => top.get(id) ?? lookUp(below, id)
  return {
    get,
    set: (id, e) => {
      if (get(id) === undefined) size++
      top.set(id, e)
    },
    claim: (e) => {
      const old = get(e.id)
      if (old !== undefined) return old
      top.set(e.id, e)
      size++
      return undefined
    },
    done: () => {
      if (top.size === 0) return { layers: below, size }
      const layers = below.slice()
      let last: ReadonlyMap<string, ActivityEvent> = top
      // Merge downwards while the layer below is less than twice as big (the newer entry wins).
      for (let under = layers.at(-1); under !== undefined && under.size < 2 * last.size; under = layers.at(-1)) {
        const merged = new Map(under)
        for (const [k, v] of last) merged.set(k, v)
        last = merged
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
    for (const [k, v] of layers[i] as ReadonlyMap<string, ActivityEvent>) if (lookUp(newer, k) === undefined) yield v
  }
}

/**
 * Look an id up.
 *
 * @category utilities
 * @example
 * indexGet(EMPTY_INDEX, 'e1' as EventId) // => undefined
 */
export const indexGet = (ix: IdIndex, id: EventId): ActivityEvent | undefined => lookUp(ix.layers, id)
