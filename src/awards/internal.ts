// The whole module for the package's own modules (and its tests): public and engine internals.
// Users get src/awards/index.ts, the public part.
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
  unitMemberFigures,
  type BoardFigures,
  type FigureContext,
  type FigureTable
} from './figures.js'
// the figure kinds by id, for the programme's append, which must say how each one moves
export { boardColumn, type FigureKindId } from './figure-kinds.js'
export * from './criteria.js'
export * from './select.js'
export * from './run.js'
export * from './codec.js'
export * from './presets.js'
export * from './badges.js'
export * from './roll.js'
export * from './needs.js'
// context.ts: the boards a run reads and their figures, for runs kept up to date (src/programme/run.ts)
export { boardsRead, contextOf, figuresOfBoard, prepare } from './context.js'
