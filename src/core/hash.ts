/**
 * FNV-1a over a string's UTF-16 code units, as a 32-bit integer: the one
 * string hash of the library's hash tables (the ledger's id index, the live
 * board's slot index, the bank's persisted table buckets). Deterministic and
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
