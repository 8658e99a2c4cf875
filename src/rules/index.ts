/**
 * `moral-bank/rules`: activity events and their decoding, point rules as
 * data and functions (per action, per unit, from a score, streaks, caps,
 * bonuses, conditions, one-time, per-content, first N), their JSON codecs,
 * the rule engine, and the "daily study" preset.
 *
 * @module
 */
export {
  type ActivityEvent,
  type AttrValue,
  decodeEvent,
  decodeEvents,
  decodeEventsJsonl,
  decodeEventsJsonlFrom,
  type EventBatch,
  subjectId,
  type SubjectId
} from './event.js'
export {
  attrIs,
  type Condition,
  holds,
  memberIs,
  type Op,
  type SubjectAttrs
} from './condition.js'
export {
  account,
  type AccountSpec,
  accumulate,
  type Amount,
  atLeast,
  type Bonus,
  campaign,
  type Cap,
  capGroup,
  capPer,
  type CapPeriod,
  deduction,
  DEFAULT_ACCOUNT,
  duringHours,
  firstN,
  firstOfDay,
  fromScore,
  fromTable,
  type GroupSpec,
  type Hours,
  hoursBonus,
  inAccount,
  labelled,
  longerThan,
  once,
  perAccumulated,
  perAction,
  perContent,
  perUnit,
  type Rounding,
  ruleSet,
  type RuleSetSpec,
  type RuleSpec,
  streak,
  when
} from './rule.js'
export {
  type Account,
  accountId,
  type AccountId,
  type CompiledCap,
  type CompiledRule,
  type CompiledRuleSet,
  compileRuleSet,
  compileRuleSetOrThrow,
  decodeRuleSet,
  ruleId,
  type RuleId
} from './compile.js'
export {
  applyRule,
  type Cut,
  type Decision,
  evaluateEvent,
  type SkipReason
} from './engine.js'
export {
  dailyStudy
} from './preset.js'
