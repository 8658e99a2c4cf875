/**
 * The cell layout both levels of the string table share (strtable.ts, overflow.ts): an Int32Array of
 * pairs [tag | FLAG, ref + 1], open addressing with linear probing. A tag's low bit is the FLAG of
 * the home it names (set: that home's keys moved to the next level), so tags are even.
 */

/** A ref cell never used. */
export const EMPTY = 0
/** A ref cell whose key was removed or moved on (probing goes past it). */
export const DELETED = -1
/** The low bit of a tag cell: the home is flagged. */
export const FLAG = 1

/** The home cell of a tag in a table of `mask + 1` cells. */
export const homeOf = (tag: number, mask: number): number => (tag >>> 1) & mask

/**
 * The cell where a new key of `tag` goes in `home`'s probe window: the first free one (EMPTY or
 * DELETED), or -1 when the window is full or already holds `maxSame` keys of that tag (the home is
 * then too crowded: the caller evicts it). Writes nothing.
 */
export const roomIn = (cells: Int32Array, home: number, mask: number, tag: number, maxProbes: number, maxSame: number): number => {
  let same = 0
  for (let d = 0, i = home; d < maxProbes; d++, i = (i + 1) & mask) {
    if ((cells[2 * i + 1] as number) <= 0) return i
    if (((cells[2 * i] as number) & ~FLAG) === tag && ++same >= maxSame) return -1
  }
  return -1
}

/**
 * Flag `home` and hand every key whose home it is (within `maxProbes` cells) to `move(cell, tag, ref)`,
 * leaving its cell DELETED: what both levels do when a home grows too crowded.
 */
export const evictHome = (cells: Int32Array, home: number, mask: number, maxProbes: number, move: (cell: number, tag: number, ref: number) => void): void => {
  cells[2 * home] = (cells[2 * home] as number) | FLAG
  for (let d = 0, i = home; d < maxProbes; d++, i = (i + 1) & mask) {
    const p = cells[2 * i + 1] as number
    if (p === EMPTY) return
    const tag = (cells[2 * i] as number) & ~FLAG
    if (p > 0 && homeOf(tag, mask) === home) {
      move(i, tag, p - 1)
      cells[2 * i + 1] = DELETED
    }
  }
}
