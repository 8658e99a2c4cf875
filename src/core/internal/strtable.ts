/**
 * The one string-keyed hash table of the library (the ledger's event-id
 * index, the bank's request ids and subjects, the rules' content interner,
 * the live board's slot index): string → ref (a number the owner gives, such
 * as a position in its own array of keys), robust against ids chosen to
 * collide. The policy (the hashes, the bounds) is in ../hash.ts.
 *
 * Three levels, each used only when the one above is crowded:
 * 1. Open addressing with linear probing over one `Int32Array` of cells, each
 *    a (tag, 1 + ref) pair (0: empty, -1: deleted), at most half full; the tag
 *    is the key's 32-bit hash (given by the caller) with bit 0 reused as the
 *    cell's home flag. No key is stored farther than `MAX_PROBES` cells from
 *    its home, and no home holds `MAX_SAME_HASH` keys of one tag: an insertion
 *    that would break either bound flags the home, and from then on every key
 *    whose home it is lives at the second level instead.
 * 2. A second open-addressing table with the same bounds (overflow.ts), keyed
 *    by a second hash of another family (`hash2`), computed only for keys of
 *    flagged homes. Ids crafted to share the first hash (all in one home) have
 *    unrelated second hashes and spread there like random keys: O(1) each.
 * 3. An AVL tree ordered by (tag, tag2, key) (tree.ts) for the keys whose
 *    second-level home is flagged too: only ids crafted against both hashes
 *    get there, and each costs O(log n) comparisons (the way Java's HashMap
 *    turns a long bucket into a tree).
 * So a look-up costs at most `MAX_PROBES` cells and `MAX_SAME_HASH` string
 * comparisons at each table level, or one cell at each and O(log n)
 * comparisons in the tree, whatever the keys: an attacker who reads this
 * source can make every key share one home, then one second home as well,
 * and still never gets a long chain. Random keys almost never leave the first
 * level (see the bounds in ../hash.ts), so the usual look-up reads one cache
 * line and computes one hash.
 *
 * Mutable: owned by one structure; a copy (`tableCopy`) shares nothing
 * mutable with its source.
 *
 * @module
 * @internal
 */
import { hash2 as defaultHash2, MAX_PROBES, MAX_SAME_HASH } from '../hash.js'
import { DELETED, EMPTY, FLAG, evictHome, homeOf, roomIn } from './cells.js'
import { emptyOverflow, overAdd, overCost, overEach, overFind, overflowCopy, overRemove, tag2Of, type Overflow } from './overflow.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A table over its owner's keys: `keyOf(source, ref)` must give the key stored at `ref` for as long as it is
 * stored. (Data and module-level functions rather than closures, so two tables built alike are deeply equal.)
 *
 * @category model
 */
export interface StrTable<S = unknown> {
  /** Cell i: `cells[2i]` the tag (bit 0: home i is flagged), `cells[2i + 1]` 1 + ref, 0 empty, -1 deleted. */
  cells: Int32Array
  /** Keys stored (all levels). */
  live: number
  /** Cells not empty (keys and deleted marks). */
  filled: number
  /** The keys whose home is flagged: the second level and its tree. */
  over: Overflow
  readonly source: S
  readonly keyOf: (source: S, ref: number) => string
  /** The second hash (`hash2` of ../hash.ts; another function only in tests). */
  readonly hash2: (key: string) => number
  /**
   * A cache: the last key a look-up missed in a flagged home, and its second tag, so that the insertion
   * that usually follows does not hash it again (cleared by that insertion).
   */
  missKey: string | undefined
  missTag2: number
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/** Cells (a power of two, at least 16) for `n` keys at most half full. */
const cellsFor = (n: number): number => {
  let cells = 16
  while (cells < 2 * n) cells *= 2
  return cells
}

/**
 * An empty table with room for `expected` keys before it grows. `hash2` is for tests (hostile second
 * hashes); every table of the library uses the default.
 *
 * @category constructors
 */
export const strTable = <S>(source: S, keyOf: (source: S, ref: number) => string, expected = 0, hash2: (key: string) => number = defaultHash2): StrTable<S> => ({
  cells: new Int32Array(2 * cellsFor(expected)),
  live: 0,
  filled: 0,
  over: emptyOverflow(),
  source,
  keyOf,
  hash2,
  missKey: undefined,
  missTag2: 0
})

/**
 * A copy of a table reading its keys from `source` (the same keys at the same refs), with room for `expected` keys.
 *
 * @category constructors
 */
export const tableCopy = <S>(from: StrTable<S>, source: S, expected = 0): StrTable<S> => {
  const slots = cellsFor(Math.max(expected, from.live))
  if (slots === from.cells.length >> 1)
    return { cells: from.cells.slice(), live: from.live, filled: from.filled, over: overflowCopy(from.over), source, keyOf: from.keyOf, hash2: from.hash2, missKey: undefined, missTag2: 0 }
  const t = strTable(source, from.keyOf, Math.max(expected, from.live), from.hash2)
  refill(t, from)
  return t
}

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/** A key's tag: its hash with bit 0 cleared (bit 0 of a cell's tag word is the cell's home flag). */
const tagOf = (h: number): number => h & ~FLAG

/** A key's second-level tag. */
const secondTag = <S>(t: StrTable<S>, key: string): number => tag2Of(t.hash2(key))

/** A look-up at the second level; on a miss, the key and its second tag are kept for the insertion that may follow. */
const missFind = <S>(t: StrTable<S>, tag: number, key: string): number => {
  const tag2 = secondTag(t, key)
  const p = overFind(t.over, tag, tag2, key, t.source, t.keyOf)
  if (p < 0) {
    t.missKey = key
    t.missTag2 = tag2
  }
  return p
}

/** The second tag of the key at `ref` (about to be stored), from the cache if the last miss was that key. */
const insertTag2 = <S>(t: StrTable<S>, ref: number): number => {
  const key = t.keyOf(t.source, ref)
  if (key !== t.missKey) return secondTag(t, key)
  t.missKey = undefined
  return t.missTag2
}

/**
 * The ref of `key` (whose hash is `h`), or -1.
 *
 * @category utilities
 */
export const tableFind = <S>(t: StrTable<S>, key: string, h: number): number => {
  const cells = t.cells
  const mask = (cells.length >> 1) - 1
  const tag = tagOf(h)
  const home = homeOf(tag, mask)
  if (((cells[2 * home] as number) & FLAG) !== 0) return missFind(t, tag, key)
  for (let d = 0, i = home; d < MAX_PROBES; d++, i = (i + 1) & mask) {
    const p = cells[2 * i + 1] as number
    if (p === EMPTY) return -1
    if (p > 0 && ((cells[2 * i] as number) & ~FLAG) === tag && t.keyOf(t.source, p - 1) === key) return p - 1
  }
  return -1
}

/**
 * What a look-up of `key` costs: cells read at both levels plus tree nodes compared (at most
 * 1 + `MAX_PROBES`, or 2 + the tree's height).
 *
 * @category utilities
 */
export const tableCost = <S>(t: StrTable<S>, key: string, h: number): number => {
  const cells = t.cells
  const mask = (cells.length >> 1) - 1
  const tag = tagOf(h)
  const home = homeOf(tag, mask)
  if (((cells[2 * home] as number) & FLAG) !== 0) return 1 + overCost(t.over, tag, secondTag(t, key), key, t.source, t.keyOf)
  let d = 0
  for (let i = home; d < MAX_PROBES; i = (i + 1) & mask) {
    d++
    const p = cells[2 * i + 1] as number
    if (p === EMPTY) break
    if (p > 0 && ((cells[2 * i] as number) & ~FLAG) === tag && t.keyOf(t.source, p - 1) === key) break
  }
  return d
}

/**
 * Read the cell of a hash's home (a number the caller must use, so the read is not optimised away): a loop
 * reading the homes of the next few keys lets the CPU fetch them from memory together.
 *
 * @category utilities
 */
export const tableTouch = <S>(t: StrTable<S>, h: number): number => t.cells[2 * homeOf(tagOf(h), (t.cells.length >> 1) - 1) + 1] as number

/** Move every key whose home is `home` to the second level and flag the home. */
const flagHome = <S>(t: StrTable<S>, home: number, mask: number): void =>
  evictHome(t.cells, home, mask, MAX_PROBES, (_i, tag, ref) => overAdd(t.over, tag, secondTag(t, t.keyOf(t.source, ref)), ref, t.source, t.keyOf))

/** Store a tag and ref in a first-level cell (the key is absent and there is room); false if its home is flagged (now or before). */
const putCell = <S>(t: StrTable<S>, tag: number, ref: number): boolean => {
  const cells = t.cells
  const mask = (cells.length >> 1) - 1
  const home = homeOf(tag, mask)
  if (((cells[2 * home] as number) & FLAG) !== 0) return false
  const i = roomIn(cells, home, mask, tag, MAX_PROBES, MAX_SAME_HASH)
  if (i >= 0) {
    if (cells[2 * i + 1] === EMPTY) t.filled++
    cells[2 * i] = tag | ((cells[2 * i] as number) & FLAG)
    cells[2 * i + 1] = ref + 1
    return true
  }
  flagHome(t, home, mask)
  return false
}

/** Store a tag and ref (the key is absent and there is room): in a cell, or at the second level if its home is flagged. */
const put = <S>(t: StrTable<S>, tag: number, ref: number): void => {
  if (!putCell(t, tag, ref)) overAdd(t.over, tag, insertTag2(t, ref), ref, t.source, t.keyOf)
}

/** Put every key of `from` into `t` (empty, and large enough); second tags already known are not computed again. */
const refill = <S>(t: StrTable<S>, from: StrTable<S>): void => {
  const cells = from.cells
  for (let i = 0; i < cells.length; i += 2) if ((cells[i + 1] as number) > 0) put(t, (cells[i] as number) & ~FLAG, (cells[i + 1] as number) - 1)
  overEach(from.over, (tag, tag2, ref) => {
    if (!putCell(t, tag, ref)) overAdd(t.over, tag, tag2, ref, t.source, t.keyOf)
  })
  t.live = from.live
}

/**
 * Make room for `n` more keys: the table rebuilt larger (or, if mostly deleted marks, as large) when needed.
 *
 * @category utilities
 */
export const tableReserve = <S>(t: StrTable<S>, n: number): void => {
  const slots = t.cells.length >> 1
  if (2 * (t.filled + n) <= slots) return
  const old: StrTable<S> = { ...t }
  // Mostly keys: at least double (so growth stays amortised O(1)); mostly deleted marks: maybe the same size.
  let next = 4 * (t.live + n) > slots ? 2 * slots : slots
  while (next < 2 * (t.live + n)) next *= 2
  t.cells = new Int32Array(2 * next)
  t.filled = 0
  t.over = emptyOverflow()
  refill(t, old)
}

/**
 * Store `ref` for a key that is absent, whose hash is `h` (`keyOf(source, ref)` must already give the key).
 *
 * @category utilities
 */
export const tableAdd = <S>(t: StrTable<S>, h: number, ref: number): void => {
  tableReserve(t, 1)
  put(t, tagOf(h), ref)
  t.live++
}

/**
 * Forget a key (while `keyOf` still gives it); false if it was not there.
 *
 * @category utilities
 */
export const tableRemove = <S>(t: StrTable<S>, key: string, h: number): boolean => {
  const cells = t.cells
  const mask = (cells.length >> 1) - 1
  const tag = tagOf(h)
  const home = homeOf(tag, mask)
  if (((cells[2 * home] as number) & FLAG) !== 0) {
    if (!overRemove(t.over, tag, secondTag(t, key), key, t.source, t.keyOf)) return false
    t.live--
    return true
  }
  for (let d = 0, i = home; d < MAX_PROBES; d++, i = (i + 1) & mask) {
    const p = cells[2 * i + 1] as number
    if (p === EMPTY) return false
    if (p > 0 && ((cells[2 * i] as number) & ~FLAG) === tag && t.keyOf(t.source, p - 1) === key) {
      // A deleted mark, not a shift: a shift can cascade along a long run, a mark costs O(1) (marks are cleared when the table is rebuilt).
      cells[2 * i + 1] = DELETED
      t.live--
      return true
    }
  }
  return false
}

/**
 * Every ref stored, in no particular order.
 *
 * @category utilities
 */
export const tableRefs = <S>(t: StrTable<S>): Array<number> => {
  const out: Array<number> = []
  const cells = t.cells
  for (let i = 1; i < cells.length; i += 2) if ((cells[i] as number) > 0) out.push((cells[i] as number) - 1)
  overEach(t.over, (_, __, ref) => out.push(ref))
  return out
}

/**
 * How many keys live past the first level (second level and tree; 0 for keys that do not collide).
 *
 * @category utilities
 */
export const tableOverflowSize = <S>(t: StrTable<S>): number => t.over.live

/**
 * How many keys live in the tree (0 unless keys collide under both hashes).
 *
 * @category utilities
 */
export const tableTreeSize = <S>(t: StrTable<S>): number => t.over.tree.size
