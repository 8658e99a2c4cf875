/**
 * `moral-bank/ranking`: boards of members and organisation units by a metric
 * over a period within a scope, tie schemes, red/black lists, composite
 * comparisons, movement, live contest boards and shard merges.
 *
 * @module
 */
export {
  compareScores,
  DEFAULT_RANK_OPTIONS,
  rankScores,
  rankScoresOrThrow
} from './tie.js'
export type {
  Order,
  RankedRow,
  Ranking,
  RankOptions,
  Scored,
  TieBreaker,
  TieGroup,
  TieScheme
} from './tie.js'
export {
  boardInputsFromLedger
} from './inputs.js'
export type {
  BoardInputs,
  EntryLike,
  EventLike,
  HostMetrics,
  LedgerLike
} from './inputs.js'
export {
  computeBoard
} from './board.js'
export type {
  Aggregate,
  Board,
  BoardSpec,
  Excluded,
  Metric,
  SubjectKind
} from './board.js'
export {
  redBlack
} from './lists.js'
export type {
  ListEntry,
  ListRule,
  RedBlack,
  RedBlackSpec
} from './lists.js'
export {
  composite
} from './composite.js'
export type {
  Composite,
  CompositePart,
  Normalisation,
  PartFigure
} from './composite.js'
export {
  movement,
  previousPeriod
} from './movement.js'
export type {
  Dropped,
  Move,
  Movement
} from './movement.js'
export {
  liveBoard,
  liveRanking
} from './live.js'
export type {
  LiveBoard,
  LiveEntry
} from './live.js'
export {
  mergeShardTop,
  shardTop,
  shardTopMonoid
} from './merge.js'
export type {
  ShardTop,
  TopEntry
} from './merge.js'
export {
  BoardC,
  BoardSpecC,
  boardSpecCodec,
  RedBlackC,
  RedBlackSpecC
} from './codec.js'
