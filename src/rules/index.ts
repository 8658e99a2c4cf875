/**
 * `moral-bank/rules`: activity events and their decoding, point rules as
 * data and functions (per action, per unit, from a score, streaks, caps,
 * bonuses, conditions, one-time, per-content, first N), their JSON codecs,
 * the rule engine, and the "daily study" preset.
 *
 * @module
 */
export {
  decodeEvent,
  decodeEvents,
  decodeEventsJsonl,
  decodeEventsJsonlFrom,
  subjectId
} from './event.js'
export type {
  ActivityEvent,
  AttrValue,
  EventBatch,
  SubjectId
} from './event.js'
export {
  attrIs,
  holds,
  memberIs
} from './condition.js'
export type {
  Condition,
  Op,
  SubjectAttrs
} from './condition.js'
export {
  account,
  accumulate,
  atLeast,
  campaign,
  capGroup,
  capPer,
  deduction,
  DEFAULT_ACCOUNT,
  duringHours,
  firstN,
  firstOfDay,
  fromScore,
  fromTable,
  hoursBonus,
  inAccount,
  labelled,
  longerThan,
  once,
  perAccumulated,
  perAction,
  perContent,
  perUnit,
  ruleSet,
  streak,
  when
} from './rule.js'
export type {
  AccountSpec,
  Amount,
  Bonus,
  Cap,
  CapPeriod,
  GroupSpec,
  Hours,
  Rounding,
  RuleSetSpec,
  RuleSpec
} from './rule.js'
export {
  accountId,
  compileRuleSet,
  compileRuleSetOrThrow,
  decodeRuleSet,
  ruleId
} from './compile.js'
export type {
  Account,
  AccountId,
  CompiledCap,
  CompiledRule,
  CompiledRuleSet,
  RuleId
} from './compile.js'
export type {
  Cut,
  Decision,
  SkipReason
} from './engine.js'
export {
  dailyStudy
} from './preset.js'
