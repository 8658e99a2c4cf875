/**
 * `moral-bank/awards`: award categories with composable criteria, selections,
 * quotas per unit, tie policies and explanations; milestone and streak
 * badges; presets; honor rolls rendered as JSON, Markdown and CSV.
 *
 * @module
 */
export {
  anAccountOf,
  type BoardFigures,
  unitMemberFigures
} from './figures.js'
export {
  type AwardAccount,
  type AwardBoard,
  type AwardCategory,
  type AwardCriterion,
  type AwardDecision,
  type AwardFigures,
  type AwardInputs,
  type AwardOp,
  type AwardProgramme,
  type AwardResult,
  type AwardRun,
  type AwardSelection,
  type AwardTieBreaker,
  type BadgeSpec,
  type CriterionOutcome,
  type DecisionReason,
  type GradeBand,
  type PerUnitQuota,
  type ScoreTerm,
  type TiePolicy
} from './model.js'
export {
  allOf,
  anyOf,
  type CriteriaEnv,
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
export {
  selectCandidates,
  type SelectionCandidate,
  type SelectionOptions,
  type SelectionOutcome
} from './select.js'
export {
  awardFigures,
  awardOrder,
  runAwards
} from './run.js'
export {
  AwardCategoryC,
  AwardCriterionC,
  BadgeSpecC,
  decodeAwardProgramme,
  decodeAwardProgrammeOrThrow
} from './codec.js'
export {
  AWARD_PRESET_IDS,
  type AwardPresetOptions,
  awardPresets
} from './presets.js'
export {
  type BadgeGrant,
  type BadgeGrants,
  grantBadges
} from './badges.js'
export {
  honorRoll,
  type HonorRoll,
  honorRollCsv,
  honorRollJson,
  honorRollMarkdown,
  type RollCategory,
  type RollEntry
} from './roll.js'
export {
  checkAwardOrg,
  figureLabel
} from './needs.js'
