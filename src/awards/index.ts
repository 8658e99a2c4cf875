/**
 * `moral-bank/awards`: award categories with composable criteria, selections,
 * quotas per unit, tie policies and explanations; milestone and streak
 * badges; presets; honor rolls rendered as JSON, Markdown and CSV.
 *
 * @module
 */
export * from './model.js'
// figures.ts also holds `unitFiguresOfRows`, for run.ts only
export {
  ACCOUNT_FIGURE_KINDS,
  anAccountOf,
  figureProblem,
  figureValue,
  memberFigures,
  splitFigure,
  subTable,
  unitFigures,
  unitMemberFacts,
  type BoardFigures,
  type FigureContext,
  type FigureTable
} from './figures.js'
export * from './criteria.js'
export * from './select.js'
export * from './run.js'
export * from './codec.js'
export * from './presets.js'
export * from './badges.js'
export * from './roll.js'
export * from './needs.js'
