/**
 * Threshold: everyone eligible whose score reaches `min` wins, up to `cap`
 * seats (ties at the cap by the tie policy); the only kind with a unit
 * fallback (fallback.ts: a unit where nobody reached `min` puts forward its best).
 *
 * @module
 */
import type { AwardSelection } from '../model.js'
import { R } from './reasons.js'
import { atLeast, type Strategy } from './strategy.js'

/** `Threshold`: the score reaches `min` (NaN never does); `cap` seats, none: no cap. */
export const thresholdStrategy = (selection: Extract<AwardSelection, { readonly _tag: 'Threshold' }>, score: Float64Array, desc: boolean): Strategy => {
  const better = atLeast(desc)
  const { min } = selection
  return {
    cap: selection.cap ?? Infinity,
    passes: (i) => {
      const s = score[i] as number
      return !Number.isNaN(s) && better(s, min)
    },
    failed: R['below-threshold'],
    gradeOf: () => -1,
    grades: [],
    fallback: true
  }
}
