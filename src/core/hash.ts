/**
 * The policy of the library's string-keyed hash tables (the ledger's
 * event-id index, the bank's request ids and subjects, the rules' content
 * interner, the live board's slot index: one table, internal/strtable.ts):
 * which hashes, and how far a key may sit from its home before its home is
 * handed on to the next level (a second table keyed by `hash2`, then a
 * balanced tree).
 *
 * The hash is FNV-1a with murmur3's finaliser: deterministic and unseeded
 * (the core has no randomness, and a seed derived from the data could be
 * attacked as well), cheap for short ids. Anyone who reads this source can
 * craft ids that share a hash, so the table does not rely on the hash for its
 * worst case: the bounds below do (issue #14). Ids crafted against the first
 * hash are spread again by the second; ids crafted against both (which costs
 * an attacker a multicollision search, see test/core/collide.ts) end in the
 * tree, O(log n) a look-up.
 *
 * @module
 * @internal
 */

/**
 * The FNV-1a hash of a string (signed 32-bit; mask or shift it for a slot).
 *
 * @internal
 * @example
 * fnv1a('') // => -2128831035 (the offset basis, 0x811c9dc5)
 */
export const fnv1a = (s: string): number => {
  let h = 0x811c9dc5 | 0
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  return h
}

/**
 * `fnv1a` followed by murmur3's 32-bit finaliser, so that the low bits (a
 * slot in an open-addressing table) are well mixed: the hash of the ledger's
 * id index and the bank's request and subject tables.
 *
 * @internal
 * @example
 * mixedHash('ev-1') === mixedHash('ev-1') // => true
 */
export const mixedHash = (s: string): number => {
  let h = fnv1a(s)
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return h ^ (h >>> 16)
}

/**
 * The hash of every string-keyed table: `mixedHash`.
 *
 * @internal
 * @example
 * hashOf('ev-1') === mixedHash('ev-1') // => true
 */
export const hashOf: (s: string) => number = mixedHash

/**
 * The farthest (in cells) a key may be stored from its home cell, at both table levels. With random keys a
 * table at most half full puts about one key in a hundred thousand this far (so the next level stays empty
 * or nearly); a look-up never reads more cells than this at a level, whatever the keys.
 *
 * @internal
 * @example
 * MAX_PROBES // => 32
 */
export const MAX_PROBES = 32

/**
 * How many keys of one 32-bit hash a home may hold (at either level) before it is handed on to the next:
 * random keys share a full hash about once in four billion pairs, crafted ones always do, and each costs a
 * string comparison.
 *
 * @internal
 * @example
 * MAX_SAME_HASH // => 4
 */
export const MAX_SAME_HASH = 4

/**
 * A second string hash, of another family than FNV-1a (a rotate-multiply-add per code unit and position,
 * then murmur3's finaliser): the key of the string table's second level, where the keys of crowded homes
 * go, so ids crafted to collide under FNV-1a spread there like random ones; the tree past it orders keys by
 * it before comparing strings. Only keys of crowded homes are hashed with it.
 *
 * @internal
 * @example
 * hash2('ev-1') === hash2('ev-1') // => true
 */
export const hash2 = (s: string): number => {
  let h = 0x9e3779b9 | 0
  for (let i = 0; i < s.length; i++) h = (Math.imul((h << 7) | (h >>> 25), 0x2545f491) + s.charCodeAt(i) + i) | 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return h ^ (h >>> 16)
}
