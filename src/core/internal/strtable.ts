/**
 * The one string-keyed hash table of the library (the ledger's event-id
 * index, the bank's request ids and subjects, the rules' content interner,
 * the live board's slot index): string → ref (a number the owner gives, such
 * as a position in its own array of keys), robust against ids chosen to
 * collide. The policy (the hash, the bounds) is in ../hash.ts.
 *
 * Open addressing with linear probing over one `Int32Array` of cells, each a
 * (tag, 1 + ref) pair (0: empty, -1: deleted), at most half full; the tag is
 * the key's 32-bit hash with bit 0 reused as the cell's home flag. No key is
 * ever stored farther than `MAX_PROBES` cells from its home, and no home
 * holds `MAX_SAME_HASH` keys of one hash: an insertion that would break either
 * bound flags the home, and from then on every key whose home it is lives in
 * an AVL tree ordered by (hash, a second hash of another family, key) instead (the way Java's HashMap turns a
 * long bucket into a tree). So a look-up costs at most `MAX_PROBES` cells and
 * `MAX_SAME_HASH` string comparisons, or O(log n) comparisons in the tree,
 * whatever the keys: an attacker who reads this source can make every key
 * share one home, and then gets a balanced tree, never a long chain.
 * Random keys almost never reach the tree (see the bounds in ../hash.ts),
 * so the usual look-up reads one cache line, as before.
 *
 * Mutable: owned by one structure; a copy (`tableCopy`) shares nothing
 * mutable with its source.
 *
 * @module
 * @internal
 */
import { hash2, MAX_PROBES, MAX_SAME_HASH } from '../hash.js'
import { emptyTree, treeCopy, treeEach, treeFind, treeInsert, treeRemove, treeVisits, type Tree } from './tree.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A table over its owner's keys: `keyOf(source, ref)` must give the key stored at `ref` for as long as it is
 * stored. (Data and a module-level function rather than a closure, so two tables built alike are deeply equal.)
 *
 * @category model
 */
export interface StrTable<S = unknown> {
  /** Cell i: `cells[2i]` the tag (bit 0: home i is flagged), `cells[2i + 1]` 1 + ref, 0 empty, -1 deleted. */
  cells: Int32Array
  /** Keys stored (cells and tree). */
  live: number
  /** Cells not empty (keys and deleted marks). */
  filled: number
  /** The keys whose home is flagged. */
  tree: Tree
  readonly source: S
  readonly keyOf: (source: S, ref: number) => string
}

const EMPTY = 0
const DELETED = -1
const FLAG = 1

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
 * An empty table with room for `expected` keys before it grows.
 *
 * @category constructors
 */
export const strTable = <S>(source: S, keyOf: (source: S, ref: number) => string, expected = 0): StrTable<S> => ({
  cells: new Int32Array(2 * cellsFor(expected)),
  live: 0,
  filled: 0,
  tree: emptyTree(),
  source,
  keyOf
})

/**
 * A copy of a table reading its keys from `source` (the same keys at the same refs), with room for `expected` keys.
 *
 * @category constructors
 */
export const tableCopy = <S>(from: StrTable<S>, source: S, expected = 0): StrTable<S> => {
  const slots = cellsFor(Math.max(expected, from.live))
  if (slots === from.cells.length >> 1) return { cells: from.cells.slice(), live: from.live, filled: from.filled, tree: treeCopy(from.tree), source, keyOf: from.keyOf }
  const t = strTable(source, from.keyOf, Math.max(expected, from.live))
  refill(t, from)
  return t
}

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/** A key's tag: its hash with bit 0 cleared (bit 0 of a cell's tag word is the cell's home flag). */
const tagOf = (h: number): number => h & ~FLAG

/** The home cell of a tag in a table of `mask + 1` cells (bits 1 and up: bit 0 is not part of a tag). */
const homeOf = (tag: number, mask: number): number => (tag >>> 1) & mask

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
  if (((cells[2 * home] as number) & FLAG) !== 0) return treeFind(t.tree, tag, hash2(key), key, t.source, t.keyOf)
  for (let d = 0, i = home; d < MAX_PROBES; d++, i = (i + 1) & mask) {
    const p = cells[2 * i + 1] as number
    if (p === EMPTY) return -1
    if (p > 0 && ((cells[2 * i] as number) & ~FLAG) === tag && t.keyOf(t.source, p - 1) === key) return p - 1
  }
  return -1
}

/**
 * What a look-up of `key` costs: cells read plus tree nodes compared (at most `MAX_PROBES`, or the tree's height).
 *
 * @category utilities
 */
export const tableCost = <S>(t: StrTable<S>, key: string, h: number): number => {
  const cells = t.cells
  const mask = (cells.length >> 1) - 1
  const tag = tagOf(h)
  const home = homeOf(tag, mask)
  if (((cells[2 * home] as number) & FLAG) !== 0) return 1 + treeVisits(t.tree, tag, hash2(key), key, t.source, t.keyOf)
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

/** Move every key whose home is `home` to the tree and flag the home. */
const flagHome = <S>(t: StrTable<S>, home: number, mask: number): void => {
  const cells = t.cells
  cells[2 * home] = (cells[2 * home] as number) | FLAG
  for (let d = 0, i = home; d < MAX_PROBES; d++, i = (i + 1) & mask) {
    const p = cells[2 * i + 1] as number
    if (p === EMPTY) return
    const tag = (cells[2 * i] as number) & ~FLAG
    if (p > 0 && homeOf(tag, mask) === home) {
      const key = t.keyOf(t.source, p - 1)
      treeInsert(t.tree, tag, hash2(key), key, p - 1, t.source, t.keyOf)
      cells[2 * i + 1] = DELETED
    }
  }
}

/** Store a tag and ref (the key is absent and there is room). */
const put = <S>(t: StrTable<S>, tag: number, ref: number): void => {
  const cells = t.cells
  const mask = (cells.length >> 1) - 1
  const home = homeOf(tag, mask)
  if (((cells[2 * home] as number) & FLAG) === 0) {
    let same = 0
    for (let d = 0, i = home; d < MAX_PROBES; d++, i = (i + 1) & mask) {
      const p = cells[2 * i + 1] as number
      if (p <= 0) {
        cells[2 * i] = tag | ((cells[2 * i] as number) & FLAG)
        cells[2 * i + 1] = ref + 1
        if (p === EMPTY) t.filled++
        return
      }
      if (((cells[2 * i] as number) & ~FLAG) === tag && ++same >= MAX_SAME_HASH) break
    }
    flagHome(t, home, mask)
  }
  const key = t.keyOf(t.source, ref)
  treeInsert(t.tree, tag, hash2(key), key, ref, t.source, t.keyOf)
}

/** Put every key of `from` into `t` (empty, and large enough). */
const refill = <S>(t: StrTable<S>, from: StrTable<S>): void => {
  const cells = from.cells
  for (let i = 0; i < cells.length; i += 2) if ((cells[i + 1] as number) > 0) put(t, (cells[i] as number) & ~FLAG, (cells[i + 1] as number) - 1)
  treeEach(from.tree, (tag, _, ref) => put(t, tag, ref))
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
  t.tree = emptyTree()
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
    if (!treeRemove(t.tree, tag, hash2(key), key, t.source, t.keyOf)) return false
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
  treeEach(t.tree, (_, __, ref) => out.push(ref))
  return out
}

/**
 * How many keys live in the tree (0 for keys that do not collide).
 *
 * @category utilities
 */
export const tableTreeSize = <S>(t: StrTable<S>): number => t.tree.size
