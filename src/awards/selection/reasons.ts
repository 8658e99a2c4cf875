/**
 * The reasons a decision gives, in one table: each code with its text in
 * both languages. The selection engine numbers the codes in the table's
 * order (`REASONS[code]`), so a code is named once, and a code without a
 * text does not compile (the table must cover every `DecisionReason`).
 *
 * @module
 */
import { text, type Text } from '../../core/internal.js'
import type { DecisionReason } from '../model.js'

/**
 * Every reason with its plain text, in code order: the reasons selection decides come first (their
 * order is the public `SELECTION_REASONS`, never reordered), then `exclusive`, which the run decides.
 */
export const REASON_TEXT = /*#__PURE__*/ Object.freeze({
  criteria: text('did not meet the criteria', '不符合条件'),
  'over-quota': text('outside the quota', '超出名额'),
  selected: text('selected', '入选'),
  'tie-included': text('selected, tied at the quota boundary (all tied included)', '入选（名额边界并列，全部入选）'),
  fallback: text("put forward as its unit's best (nobody eligible in the unit reached the threshold)", '作为本单位最高者推荐（本单位符合条件者无人达到门槛）'),
  'tie-flagged': text('tied at the quota boundary: awaiting an admin decision', '名额边界并列：待管理员决定'),
  'tie-broken': text('tied on score, placed after by the tie-breaker chain', '分数并列，按并列规则排后'),
  'unit-quota': text("the unit's quota was already filled", '所在单位名额已满'),
  'below-threshold': text('below the threshold', '未达门槛'),
  'below-band': text('below the lowest grade band', '低于最低等级'),
  'fallback-tied': text("put forward as its unit's best, tied (all tied included)", '作为本单位最高者推荐，并列全部入选'),
  exclusive: text('already holds an award with priority', '已获优先奖项')
} as const satisfies Readonly<Record<DecisionReason, Text>>)

/** A reason the selection itself decides (`exclusive` is decided by the run, across categories). */
export type SelectionReason = Exclude<DecisionReason, 'exclusive'>

/** The reasons selection decides, by code (the order `SelectionResultColumns.reason` indexes them). */
export const REASONS: ReadonlyArray<SelectionReason> = /*#__PURE__*/ Object.freeze(
  (Object.keys(REASON_TEXT) as Array<DecisionReason>).filter((r): r is SelectionReason => r !== 'exclusive')
)

/** The code of each reason selection decides: `REASONS[R[r]] === r`. */
export const R: Readonly<Record<SelectionReason, number>> = /*#__PURE__*/ Object.freeze(
  Object.fromEntries(REASONS.map((r, code) => [r, code])) as Record<SelectionReason, number>
)

/** Outcome numbers. */
export const MISSED = 0
export const WON = 1
export const PENDING = 2
/** A reason not decided while selecting: derived on demand by `reasonOf`. */
export const UNSET = 255
