/**
 * Top N: the best `n` by score win (ties at the boundary by the tie policy);
 * and Everyone: every eligible candidate wins. Nobody eligible falls below a bar.
 *
 * @module
 */
import type { AwardSelection } from '../model.js'
import { R } from './reasons.js'
import type { Strategy } from './strategy.js'

const always = (): boolean => true
const none = (): number => -1

/** `Top`: `n` seats, everyone eligible qualifies. */
export const topStrategy = (selection: Extract<AwardSelection, { readonly _tag: 'Top' }>): Strategy => ({
  cap: selection.n,
  passes: always,
  failed: R['below-threshold'],
  gradeOf: none,
  grades: [],
  fallback: false
})

/** `Everyone`: no cap, no bar. */
export const everyoneStrategy: Strategy = /*#__PURE__*/ Object.freeze({ cap: Infinity, passes: always, failed: R['below-threshold'], gradeOf: none, grades: [], fallback: false })
