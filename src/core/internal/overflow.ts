/**
 * The second level of the string table (strtable.ts): where the keys of its
 * crowded homes live. A second open-addressing table, keyed by `tag2`, a
 * hash of another family than the table's (`hash2` in ../hash.ts), with the
 * same bounds as the first level: no key farther than `MAX_PROBES` cells from
 * its home, no home with `MAX_SAME_HASH` keys of one `tag2`. A home that would
 * break either bound is flagged, and the keys whose home it is go on to the
 * third level, an AVL tree ordered by (tag, tag2, key) (tree.ts).
 *
 * Ids crafted to share the table's hash (all in one home of the first level)
 * have unrelated `tag2`s, so here they spread like random keys: O(1) each.
 * Only ids crafted against both hashes reach the tree, and cost O(log n)
 * there, never O(n).
 *
 * Cells: `cells[2i]` the key's `tag2` (bit 0: home i is flagged),
 * `cells[2i + 1]` 1 + ref (0 empty, -1 deleted), and beside them `tags[i]`,
 * the key's first-level tag (read only to move a key: when this level or the
 * first is rebuilt, or a home is flagged). At most half full; empty (no
 * cells) until a home of the first level is first flagged.
 *
 * @module
 * @internal
 */
import { MAX_PROBES, MAX_SAME_HASH } from '../hash.js'
import { DELETED, EMPTY, FLAG, evictHome, homeOf, roomIn } from './cells.js'
import { emptyTree, treeCopy, treeEach, treeFind, treeInsert, treeRemove, treeVisits, type KeyOf, type Tree } from './tree.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The keys of the first level's flagged homes, owned by one string table.
 *
 * @category model
 */
export interface Overflow {
  /** Cell i: `cells[2i]` the tag2 (bit 0: home i is flagged), `cells[2i + 1]` 1 + ref, 0 empty, -1 deleted. */
  cells: Int32Array
  /** `tags[i]`: the first-level tag of the key in cell i. */
  tags: Int32Array
  /** Keys stored (cells and tree). */
  live: number
  /** Cells not empty (keys and deleted marks). */
  filled: number
  /** The keys whose home here is flagged too. */
  tree: Tree
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * The empty second level (no cells until it is first used).
 *
 * @category constructors
 */
export const emptyOverflow = (): Overflow => ({ cells: new Int32Array(0), tags: new Int32Array(0), live: 0, filled: 0, tree: emptyTree() })

/**
 * A copy sharing nothing with its source.
 *
 * @category constructors
 */
export const overflowCopy = (o: Overflow): Overflow => ({ cells: o.cells.slice(), tags: o.tags.slice(), live: o.live, filled: o.filled, tree: treeCopy(o.tree) })

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/** A second hash as stored: bit 0 cleared (bit 0 of a cell's tag2 word is the cell's home flag). */
export const tag2Of = (h2: number): number => h2 & ~FLAG

/**
 * The ref of `key` (first-level tag `tag`, second `tag2`), or -1.
 *
 * @category utilities
 */
export const overFind = <S>(o: Overflow, tag: number, tag2: number, key: string, source: S, keyOf: KeyOf<S>): number => {
  const cells = o.cells
  if (cells.length === 0) return -1
  const mask = (cells.length >> 1) - 1
  const home = homeOf(tag2, mask)
  if (((cells[2 * home] as number) & FLAG) !== 0) return treeFind(o.tree, tag, tag2, key, source, keyOf)
  for (let d = 0, i = home; d < MAX_PROBES; d++, i = (i + 1) & mask) {
    const p = cells[2 * i + 1] as number
    if (p === EMPTY) return -1
    if (p > 0 && ((cells[2 * i] as number) & ~FLAG) === tag2 && keyOf(source, p - 1) === key) return p - 1
  }
  return -1
}

/**
 * What a look-up of `key` costs here: cells read plus tree nodes compared (at most `MAX_PROBES`, or 1 + the tree's height).
 *
 * @category utilities
 */
export const overCost = <S>(o: Overflow, tag: number, tag2: number, key: string, source: S, keyOf: KeyOf<S>): number => {
  const cells = o.cells
  if (cells.length === 0) return 0
  const mask = (cells.length >> 1) - 1
  const home = homeOf(tag2, mask)
  if (((cells[2 * home] as number) & FLAG) !== 0) return 1 + treeVisits(o.tree, tag, tag2, key, source, keyOf)
  let d = 0
  for (let i = home; d < MAX_PROBES; i = (i + 1) & mask) {
    d++
    const p = cells[2 * i + 1] as number
    if (p === EMPTY) break
    if (p > 0 && ((cells[2 * i] as number) & ~FLAG) === tag2 && keyOf(source, p - 1) === key) break
  }
  return d
}

/** Move every key whose home is `home` to the tree and flag the home. */
const flagHome = <S>(o: Overflow, home: number, mask: number, source: S, keyOf: KeyOf<S>): void =>
  evictHome(o.cells, home, mask, MAX_PROBES, (i, tag2, ref) => treeInsert(o.tree, o.tags[i] as number, tag2, keyOf(source, ref), ref, source, keyOf))

/** Store a key that is absent (there is room). */
const put = <S>(o: Overflow, tag: number, tag2: number, ref: number, source: S, keyOf: KeyOf<S>): void => {
  const cells = o.cells
  const mask = (cells.length >> 1) - 1
  const home = homeOf(tag2, mask)
  if (((cells[2 * home] as number) & FLAG) === 0) {
    const i = roomIn(cells, home, mask, tag2, MAX_PROBES, MAX_SAME_HASH)
    if (i >= 0) {
      if (cells[2 * i + 1] === EMPTY) o.filled++
      cells[2 * i] = tag2 | ((cells[2 * i] as number) & FLAG)
      cells[2 * i + 1] = ref + 1
      o.tags[i] = tag
      return
    }
    flagHome(o, home, mask, source, keyOf)
  }
  treeInsert(o.tree, tag, tag2, keyOf(source, ref), ref, source, keyOf)
}

/** Room for one more key: the level rebuilt larger (or, if mostly deleted marks, as large) when needed. */
const reserve = <S>(o: Overflow, source: S, keyOf: KeyOf<S>): void => {
  const slots = o.cells.length >> 1
  if (2 * (o.filled + 1) <= slots) return
  // Mostly keys: at least double (so growth stays amortised O(1)); mostly deleted marks: maybe the same size.
  let next = slots === 0 ? 16 : 4 * (o.live + 1) > slots ? 2 * slots : slots
  while (next < 2 * (o.live + 1)) next *= 2
  const { cells, tags, tree } = o
  o.cells = new Int32Array(2 * next)
  o.tags = new Int32Array(next)
  o.filled = 0
  o.tree = emptyTree()
  for (let i = 0; i < tags.length; i++) {
    const p = cells[2 * i + 1] as number
    if (p > 0) put(o, tags[i] as number, (cells[2 * i] as number) & ~FLAG, p - 1, source, keyOf)
  }
  treeEach(tree, (tag, tag2, ref) => put(o, tag, tag2, ref, source, keyOf))
}

/**
 * Store `ref` for a key that is absent (`keyOf(source, ref)` must already give it).
 *
 * @category utilities
 */
export const overAdd = <S>(o: Overflow, tag: number, tag2: number, ref: number, source: S, keyOf: KeyOf<S>): void => {
  reserve(o, source, keyOf)
  put(o, tag, tag2, ref, source, keyOf)
  o.live++
}

/**
 * Forget a key (while `keyOf` still gives it); false if it was not there.
 *
 * @category utilities
 */
export const overRemove = <S>(o: Overflow, tag: number, tag2: number, key: string, source: S, keyOf: KeyOf<S>): boolean => {
  const cells = o.cells
  if (cells.length === 0) return false
  const mask = (cells.length >> 1) - 1
  const home = homeOf(tag2, mask)
  if (((cells[2 * home] as number) & FLAG) !== 0) {
    if (!treeRemove(o.tree, tag, tag2, key, source, keyOf)) return false
    o.live--
    return true
  }
  for (let d = 0, i = home; d < MAX_PROBES; d++, i = (i + 1) & mask) {
    const p = cells[2 * i + 1] as number
    if (p === EMPTY) return false
    if (p > 0 && ((cells[2 * i] as number) & ~FLAG) === tag2 && keyOf(source, p - 1) === key) {
      cells[2 * i + 1] = DELETED
      o.live--
      return true
    }
  }
  return false
}

/**
 * Call `f` with each key's (tag, tag2, ref), in no particular order.
 *
 * @category utilities
 */
export const overEach = (o: Overflow, f: (tag: number, tag2: number, ref: number) => void): void => {
  const { cells, tags } = o
  for (let i = 0; i < tags.length; i++) {
    const p = cells[2 * i + 1] as number
    if (p > 0) f(tags[i] as number, (cells[2 * i] as number) & ~FLAG, p - 1)
  }
  treeEach(o.tree, f)
}
