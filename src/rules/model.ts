/**
 * The compiled rule set's model types, alone in one file: `compile.ts` builds them, `account.ts` and
 * `engine.ts` read them, and none of those import each other for a type (issue 19: no import cycle).
 *
 * @module
 */
import type { Calendar, Id, Text, Zone } from '../core/internal.js'
import type { Condition } from './condition.js'
import type { Amount, Cap, CapPeriod, RuleSetSpec, RuleSpec, Rounding } from './rule.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** @category model */
export type RuleId = Id<'Rule'>
/** @category model */
export type AccountId = Id<'Account'>

/**
 * A compiled account.
 *
 * @category model
 */
export interface Account {
  readonly index: number
  readonly id: AccountId
  readonly label?: Text
  /** The lowest balance a deduction may leave; `null` = no floor. */
  readonly floor: number | null
}

/**
 * A cap with its counter slot and scope.
 *
 * @category model
 */
export interface CompiledCap extends Cap {
  readonly slot: number
  readonly scope: 'rule' | 'group'
  /** The group's id, for group caps. */
  readonly group?: string
}

/**
 * A rule's spec flattened into one shape for the engine's hot loop: every
 * plan has every field (`undefined`, 0 or `false` when the spec leaves it
 * out), so the engine's reads of them stay fast, where specs differ in which
 * keys they have and reading them was several times slower.
 *
 * @category model
 * @example
 * compileRuleSetOrThrow(dailyStudy()).rules[1]?.plan.atLeastAttr // => 'seconds'
 */
export interface RulePlan {
  readonly when: Condition | undefined
  readonly atLeastAttr: string | undefined
  readonly atLeastValue: number
  readonly longerThanAttr: string | undefined
  readonly longerThanChars: number
  readonly once: boolean
  readonly perContent: string | undefined
  readonly firstNPer: CapPeriod | undefined
  readonly firstNCount: number
  /** The amount: its kind and the fields the kinds use (`attr` for unit, linear and table). */
  readonly per: Amount['per']
  readonly attr: string
  readonly points: number
  readonly unit: number
  readonly factor: number
  readonly offset: number
  readonly round: Rounding | undefined
  readonly rows: ReadonlyArray<{ readonly min: number; readonly points: number }>
  readonly days: number
  readonly repeat: boolean
  /** `accumulated`: the period the measure is summed over, and the unit in thousandths of the measure (`unit × 1000`). */
  readonly accumulatedPer: CapPeriod
  readonly blockMilli: number
}

/**
 * A compiled rule: its spec and what the engine precomputed for it.
 *
 * @category model
 */
export interface CompiledRule {
  readonly index: number
  readonly id: RuleId
  readonly spec: RuleSpec
  /** The spec flattened for the engine. */
  readonly plan: RulePlan
  readonly account: Account
  /** Rule caps, then the caps of every group the rule belongs to. */
  readonly caps: ReadonlyArray<CompiledCap>
  /** Time-of-day windows as `[fromMinute, toMinute)`. */
  readonly hours: ReadonlyArray<readonly [number, number]> | undefined
  readonly bonuses: ReadonlyArray<{
    readonly multiply: number
    readonly hours: ReadonlyArray<readonly [number, number]> | undefined
    readonly fromDay: number
    readonly toDay: number
  }>
}

/**
 * A compiled rule set, ready for the ledger.
 *
 * @category model
 */
export interface CompiledRuleSet {
  readonly _tag: 'CompiledRuleSet'
  readonly spec: RuleSetSpec
  readonly zone: Zone
  readonly calendar: Calendar
  readonly accounts: ReadonlyArray<Account>
  readonly rules: ReadonlyArray<CompiledRule>
  /** Number of cap counter slots a subject's state needs. */
  readonly slots: number
  /** Rules by the event types they listen to. */
  readonly byType: ReadonlyMap<string, ReadonlyArray<CompiledRule>>
}
