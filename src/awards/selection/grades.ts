/**
 * Grades: everyone eligible whose score reaches a band wins that band's
 * grade (the best band reached); no cap. Bands are read best first.
 *
 * @module
 */
import type { AwardSelection } from '../model.js'
import { R } from './reasons.js'
import { atLeast, type Strategy } from './strategy.js'

/** `Grades`: the band a score reaches (−1: none, and NaN reaches none); passing is reaching a band. */
export const gradesStrategy = (selection: Extract<AwardSelection, { readonly _tag: 'Grades' }>, score: Float64Array, desc: boolean): Strategy => {
  const better = atLeast(desc)
  const bands = [...selection.bands].sort((a, b) => (desc ? b.min - a.min : a.min - b.min))
  const bandOf = (i: number): number => {
    const s = score[i] as number
    if (Number.isNaN(s)) return -1
    for (let b = 0; b < bands.length; b++) if (better(s, (bands[b] as { readonly min: number }).min)) return b
    return -1
  }
  return { cap: Infinity, passes: (i) => bandOf(i) >= 0, failed: R['below-band'], gradeOf: bandOf, grades: bands.map((b) => b.grade), fallback: false }
}
