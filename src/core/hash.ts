/**
 * FNV-1a over a string's UTF-16 code units, as a 32-bit integer: the one
 * string hash of the library's hash tables (the ledger's id index, the live
 * board's slot index, the bank's tables and persisted buckets). Deterministic and
 * unseeded (the core has no randomness), cheap for short ids.
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
