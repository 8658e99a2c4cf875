/**
 * The slot tree's order on pairs: the key ascending, then the slot's name as JavaScript compares
 * strings, settled where it can be by a number (`tieCode`) kept beside the key.
 *
 * @internal
 * @module
 */
import type { SlotTreeState } from './pools.js'

/**
 * A number that orders names as JavaScript compares strings wherever it differs: the first six UTF-16 code
 * units, each as one byte (an ASCII unit as itself + 1, the end of the name as 0), stopping at the first
 * non-ASCII unit, written as 129. Two names with different codes compare like their codes (before the
 * first differing byte they share the same ASCII units); equal codes say nothing, and the names decide.
 * With it most ties on score are settled inside the leaf, without following pointers to the names.
 *
 * @internal
 */
export const tieCode = (name: string): number => {
  let code = 0
  let stopped = false
  for (let i = 0; i < 6; i++) {
    let byte = 0
    if (!stopped && i < name.length) {
      const u = name.charCodeAt(i)
      if (u < 128) byte = u + 1
      else {
        byte = 129
        stopped = true
      }
    } else stopped = true
    code = code * 256 + byte
  }
  return code
}

/** Pair order in leaves: the key, then the name (through the slots' tie codes first). @internal */
export const pairBefore = (t: SlotTreeState, k1: number, s1: number, k2: number, s2: number): boolean => {
  if (k1 !== k2) return k1 < k2
  const rec = t.rec
  const t1 = rec[s1 * 4 + 1] as number
  const t2 = rec[s2 * 4 + 1] as number
  return t1 < t2 || (t1 === t2 && (t.names[s1] as string) < (t.names[s2] as string))
}

/** The same order on routing triples (key, tie code, slot): the name is read only when key and code tie. @internal */
export const before = (names: ReadonlyArray<string>, k1: number, t1: number, s1: number, k2: number, t2: number, s2: number): boolean =>
  k1 < k2 || (k1 === k2 && (t1 < t2 || (t1 === t2 && (names[s1] as string) < (names[s2] as string))))

/** The order by definition (key, then name), not through tie codes (for the checks). @internal */
export const plainBefore = (names: ReadonlyArray<string>, k1: number, s1: number, k2: number, s2: number): boolean =>
  k1 < k2 || (k1 === k2 && (names[s1] as string) < (names[s2] as string))
