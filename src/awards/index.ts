/**
 * `moral-bank/awards`: award categories with composable criteria, selections,
 * quotas per unit, tie policies and explanations; milestone and streak
 * badges; presets; honor rolls rendered as JSON, Markdown and CSV.
 *
 * @module
 */
export {
  anAccountOf
} from './figures.js'
export type {
  BoardFigures
} from './figures.js'
export type {
  AwardAccount,
  AwardBoard,
  AwardCategory,
  AwardCriterion,
  AwardDecision,
  AwardFigures,
  AwardInputs,
  AwardOp,
  AwardProgramme,
  AwardResult,
  AwardRun,
  AwardSelection,
  AwardTieBreaker,
  BadgeSpec,
  CriterionOutcome,
  DecisionReason,
  GradeBand,
  PerUnitQuota,
  ScoreTerm,
  TiePolicy
} from './model.js'
export {
  allOf,
  anyOf,
  criterionAwards,
  criterionFigures,
  explainCriterion,
  figureIs,
  hasRole,
  hasTag,
  inUnit,
  isCadre,
  isNot,
  isPartyMember,
  onBlackList,
  onRedList,
  winnerOf
} from './criteria.js'
export type {
  CriteriaEnv
} from './criteria.js'
export {
  selectCandidates
} from './select.js'
export type {
  SelectionCandidate,
  SelectionOptions,
  SelectionOutcome
} from './select.js'
export {
  awardFigures,
  awardOrder,
  runAwards
} from './run.js'
export {
  decodeAwardProgramme,
  decodeAwardProgrammeOrThrow
} from './codec.js'
export {
  AWARD_PRESET_IDS,
  awardPresets
} from './presets.js'
export type {
  AwardPresetOptions
} from './presets.js'
export {
  grantBadges
} from './badges.js'
export type {
  BadgeGrant,
  BadgeGrants
} from './badges.js'
export {
  decodeHonorRoll,
  honorRoll,
  honorRollCsv,
  honorRollJson,
  honorRollMarkdown
} from './roll.js'
export type {
  HonorRoll,
  RollCategory,
  RollEntry
} from './roll.js'
export {
  checkAwardOrg,
  figureLabel
} from './needs.js'
