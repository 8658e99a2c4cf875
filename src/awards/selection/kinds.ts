/**
 * One strategy per selection kind: `strategyOf` picks it by the selection's
 * tag, in an exhaustive switch (a new kind without a strategy does not compile).
 *
 * @module
 */
import type { AwardSelection } from '../model.js'
import { gradesStrategy } from './grades.js'
import type { Strategy } from './strategy.js'
import { thresholdStrategy } from './threshold.js'
import { everyoneStrategy, topStrategy } from './top.js'

/**
 * The strategy of a selection over `score` (`desc`: higher is better).
 *
 * @example
 * strategyOf({ _tag: 'Top', n: 3 }, score, true).cap // => 3
 */
export const strategyOf = (selection: AwardSelection, score: Float64Array, desc: boolean): Strategy => {
  switch (selection._tag) {
    case 'Top':
      return topStrategy(selection)
    case 'Threshold':
      return thresholdStrategy(selection, score, desc)
    case 'Grades':
      return gradesStrategy(selection, score, desc)
    case 'Everyone':
      return everyoneStrategy
  }
}
