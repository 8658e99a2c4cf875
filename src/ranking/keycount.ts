/**
 * Counts of integer keys in a window `[base, base + width)`, as a Fenwick
 * (binary indexed) tree: add to a key's count and count the keys below a
 * bound, each in O(log width) over one small array. The live board's tree
 * keeps one beside it while every score is an integer in a window not much
 * wider than the board (see slot-tree/tree.ts), so a competition rank reads a few
 * cells mostly in cache instead of walking down to a leaf.
 *
 * @internal
 * @module
 */

/** @internal */
export interface KeyCounts {
  /** Add `d` to the count of key `k`; false, and nothing changes, if `k` is not an integer in the window. */
  readonly add: (k: number, d: number) => boolean
  /** How many keys are strictly below `k` (any number). */
  readonly countLess: (k: number) => number
  /** How many keys are at or below `k` (any number). */
  readonly countLessEq: (k: number) => number
}

/** @internal */
export const makeKeyCounts = (base: number, width: number): KeyCounts => {
  // cells[i] (1-based) holds the count of the keys at offsets i - (i & -i) .. i - 1.
  const cells = new Int32Array(width + 1)
  // How many keys have an offset below `m` (clamped to the window).
  const below = (m: number): number => {
    let c = 0
    for (let i = Math.min(Math.max(m, 0), width); i > 0; i -= i & -i) c += cells[i] as number
    return c
  }
  return {
    add: (k, d) => {
      const o = k - base
      if (!Number.isInteger(o) || o < 0 || o >= width) return false
      for (let i = o + 1; i <= width; i += i & -i) cells[i] = (cells[i] as number) + d
      return true
    },
    countLess: (k) => below(Math.ceil(k - base)),
    countLessEq: (k) => below(Math.floor(k - base) + 1)
  }
}
