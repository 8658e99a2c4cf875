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
  type Order,
  type RankedRow,
  type Ranking,
  type RankOptions,
  rankScores,
  rankScoresOrThrow,
  type Scored,
  type TieBreaker,
  type TieGroup,
  type TieScheme
} from './tie.js'
export {
  type BoardInputs,
  boardInputsFromLedger,
  type EntryLike,
  type EventLike,
  type HostMetrics,
  type LedgerLike
} from './inputs.js'
export {
  type Aggregate,
  type Board,
  type BoardSpec,
  computeBoard,
  type Excluded,
  type Metric,
  type SubjectKind
} from './board.js'
export {
  type ListEntry,
  type ListRule,
  redBlack,
  type RedBlack,
  type RedBlackSpec
} from './lists.js'
export {
  composite,
  type Composite,
  type CompositePart,
  type Normalisation,
  type PartFigure
} from './composite.js'
export {
  type Dropped,
  type Move,
  movement,
  type Movement,
  previousPeriod
} from './movement.js'
export {
  liveBoard,
  type LiveBoard,
  type LiveEntry,
  liveRanking
} from './live.js'
export {
  mergeShardTop,
  shardTop,
  type ShardTop,
  shardTopMonoid,
  type TopEntry
} from './merge.js'
