/**
 * The kept event per id, as a short stack of hash tables ("layers", oldest
 * first): each append writes one fresh table on top and never touches the
 * older ones, so the old ledger stays as it was. To keep look-ups short, a
 * layer is merged into the one below while that one is less than twice its
 * size, so sizes at least double downwards: at most log2(n) layers, and each
 * id is copied O(log n) times over a ledger's life.
 *
 * A layer is an open-addressing table in one `Int32Array` of (hash, 1 +
 * position) pairs over an array of its events, rather than a `Map`: a big
 * first fold claims a million ids, and with a `Map` each claim cost several
 * cache misses (bucket, entry, the other key's string) twice over (`get`,
 * then `set`) and the table was one more large object for the GC to trace.
 * Here a claim usually reads one cache line, and compares strings only when
 * 32-bit hashes match.
 *
 * @module
 * @internal
 */
import type { EventId } from '../core/index.js'
import { mixedHash } from '../core/hash.js'
import type { ActivityEvent } from '../rules/index.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * One layer: its events (each id once, in first-claim order) and a table
 * of `[hash, 1 + position]` pairs (0: empty slot), a power of two long, at
 * most half full.
 *
 * @category model
 */
export interface IdLayer {
  readonly events: ReadonlyArray<ActivityEvent>
  readonly table: Int32Array
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
 * FNV-1a over the UTF-16 code units, then murmur3's finaliser so the low bits (the slot) are well mixed.
 *
 * @category utilities
 * @example
 * hashOf('ev-1') === hashOf('ev-1') // => true
 */
export const hashOf: (s: string) => number = mixedHash

/** The position of `id` in a layer's events, or -1. */
const find = (table: Int32Array, events: ReadonlyArray<ActivityEvent>, id: string, h: number): number => {
  const mask = (table.length >> 1) - 1
  for (let i = h & mask; ; i = (i + 1) & mask) {
    const p = table[2 * i + 1] as number
    if (p === 0) return -1
    if (table[2 * i] === h && (events[p - 1] as ActivityEvent).id === id) return p - 1
  }
}

const lookUp = (layers: ReadonlyArray<IdLayer>, id: string, h: number): ActivityEvent | undefined => {
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i] as IdLayer
    const p = find(layer.table, layer.events, id, h)
    if (p >= 0) return layer.events[p]
  }
  return undefined
}

/** Slots (a power of two) for a table holding `n` ids at most half full. */
const slotsFor = (n: number): number => {
  let slots = 16
  while (slots < 2 * n) slots *= 2
  return slots
}

/** Put (hash, 1 + position) in the first free slot from the hash's own (the id is known to be absent). */
const place = (table: Int32Array, h: number, pos: number): void => {
  const mask = (table.length >> 1) - 1
  let i = h & mask
  while (table[2 * i + 1] !== 0) i = (i + 1) & mask
  table[2 * i] = h
  table[2 * i + 1] = pos + 1
}

/**
 * A mutable layer private to one draft: a copy of `from` (or empty) with
 * room for `expected` ids before it has to grow.
 */
const layerDraft = (from: IdLayer | undefined, expected: number) => {
  const events: Array<ActivityEvent> = from === undefined ? [] : from.events.slice()
  let table = new Int32Array(2 * slotsFor(Math.max(expected, events.length)))
  if (from !== undefined) {
    if (from.table.length === table.length) table.set(from.table)
    else for (let i = 0; i < from.table.length; i += 2) if (from.table[i + 1] !== 0) place(table, from.table[i] as number, (from.table[i + 1] as number) - 1)
  }
  return {
    layer: (): IdLayer => ({ events, table }),
    find: (id: string, h: number): number => find(table, events, id, h),
    touch: (h: number): number => table[2 * (h & ((table.length >> 1) - 1)) + 1] as number,
    get: (p: number): ActivityEvent => events[p] as ActivityEvent,
    replace: (p: number, e: ActivityEvent): void => {
      events[p] = e
    },
    add: (h: number, e: ActivityEvent): void => {
      if (2 * (events.length + 1) > table.length >> 1) {
        // Grow to keep the table at most half full: re-place the stored hashes (no string is hashed again).
        const old = table
        table = new Int32Array(2 * old.length)
        for (let i = 0; i < old.length; i += 2) if (old[i + 1] !== 0) place(table, old[i] as number, (old[i + 1] as number) - 1)
      }
      place(table, h, events.length)
      events.push(e)
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
