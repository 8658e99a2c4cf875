/**
 * The question model: eight question types (single choice, multiple choice,
 * true/false, fill in the blank, ordering, matching, numerical, essay), every
 * text with an optional format marker, and the io-ts codec that reads and
 * writes questions as JSON (structure only; see `validateQuestion` for the
 * cross-field checks such as "the answer names an option").
 *
 * @module
 */
import * as t from 'io-ts'
import { QuestionIdC, dispatch, failWith, guardCodec, idCodec, refined, strict, text, type Id, type QuestionId } from '../core/internal.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * How a text is written: plain text, Markdown or HTML (as GIFT's `[plain]`, `[markdown]`, `[html]`).
 *
 * @category model
 */
export type TextFormat = 'plain' | 'markdown' | 'html'

/**
 * A text of a question: a plain string in the question's `format` (default
 * `plain`), or an object that names its own format.
 *
 * @category model
 * @example
 * const a: RichText = 'Who wrote 《论持久战》?'
 * const b: RichText = { text: '<b>1921</b>', format: 'html' }
 */
export type RichText = string | { readonly text: string; readonly format: TextFormat }

/**
 * The id of an option, blank, ordering item or matching pair, unique within its question.
 *
 * @category model
 */
export type OptionId = Id<'Option'>

/**
 * Difficulty from 1 (easiest) to 5 (hardest).
 *
 * @category model
 */
export type Difficulty = 1 | 2 | 3 | 4 | 5

/**
 * The question types.
 *
 * @category model
 */
export type QuestionType = 'single' | 'multiple' | 'judge' | 'blank' | 'ordering' | 'matching' | 'numerical' | 'essay'

/**
 * Every question type, in a stable order.
 *
 * @category model
 * @example
 * QUESTION_TYPES.includes('judge') // => true
 */
export const QUESTION_TYPES: ReadonlyArray<QuestionType> = /*#__PURE__*/ Object.keys({
  single: true,
  multiple: true,
  judge: true,
  blank: true,
  ordering: true,
  matching: true,
  numerical: true,
  essay: true
} satisfies Record<QuestionType, true>) as ReadonlyArray<QuestionType>

/**
 * How a multiple-choice question scores:
 * - `all-or-nothing`: exactly the correct set scores full points, anything else 0;
 * - `fractions`: Moodle-style, the fractions of the picked options are summed and clamped to [0, 1];
 * - `partial`: any wrong pick scores 0, a correct subset scores its share (少选得部分分，错选不得分).
 *
 * @category model
 */
export type MultipleScoring = 'all-or-nothing' | 'fractions' | 'partial'

/**
 * How an ordering question scores: `all-or-nothing`, or `positions` (the share of items in their right place).
 *
 * @category model
 */
export type OrderingScoring = 'all-or-nothing' | 'positions'

/**
 * What every question has.
 *
 * @category model
 */
export interface QuestionCommon {
  readonly id: QuestionId
  /** A short name (GIFT's `::title::`); never shown as the stem. */
  readonly title?: string
  readonly stem: RichText
  /** The default format of this question's plain-string texts; `plain` when absent. */
  readonly format?: TextFormat
  readonly tags: ReadonlyArray<string>
  readonly difficulty: Difficulty
  /** Full marks, a positive integer. */
  readonly points: number
  /** The explanation (解析) shown after answering. */
  readonly explanation?: RichText
  /** General feedback shown after answering, whatever the answer (GIFT's `####`). */
  readonly feedback?: RichText
  /** Where the question comes from (book, chapter, URL, import file). */
  readonly source?: string
}

/**
 * An option of a single- or multiple-choice question. `fraction` is its
 * weight in [-1, 1] (Moodle-style; negative penalises a wrong pick).
 *
 * @category model
 */
export interface ChoiceOption {
  readonly id: OptionId
  readonly text: RichText
  readonly fraction?: number
  /** Feedback shown when this option is picked. */
  readonly feedback?: RichText
}

/**
 * Single choice: one option is the answer (fraction 1); other options may
 * carry partial credit with a fraction (GIFT's `~%50%`), 0 when absent.
 *
 * @category model
 */
export interface SingleChoice extends QuestionCommon {
  readonly type: 'single'
  readonly options: ReadonlyArray<ChoiceOption>
  readonly answer: OptionId
}

/**
 * Multiple choice: the answer is the set of correct options. With
 * `fractions` scoring an option without a fraction weighs `1/k` when correct
 * and `-1/k` when wrong (k = number of correct options).
 *
 * @category model
 */
export interface MultipleChoice extends QuestionCommon {
  readonly type: 'multiple'
  readonly options: ReadonlyArray<ChoiceOption>
  readonly answer: ReadonlyArray<OptionId>
  /** `all-or-nothing` when absent. */
  readonly scoring?: MultipleScoring
}

/**
 * True/false (判断题), with optional feedback for each pick.
 *
 * @category model
 */
export interface Judge extends QuestionCommon {
  readonly type: 'judge'
  readonly answer: boolean
  readonly trueFeedback?: RichText
  readonly falseFeedback?: RichText
}

/**
 * One accepted answer of a blank: its text, its fraction (1 when absent) and feedback.
 *
 * @category model
 */
export interface Accepted {
  readonly text: string
  readonly fraction?: number
  readonly feedback?: RichText
}

/**
 * One blank: its id and the answers accepted for it.
 *
 * @category model
 */
export interface Blank {
  readonly id: OptionId
  readonly accept: ReadonlyArray<Accepted>
}

/**
 * Fill in the blank: one or more blanks, in the order they appear in the
 * stem, each scoring an equal share. Answers are compared after trimming,
 * Unicode NFKC and case folding (unless `caseSensitive`).
 *
 * @category model
 */
export interface FillBlank extends QuestionCommon {
  readonly type: 'blank'
  readonly blanks: ReadonlyArray<Blank>
  readonly caseSensitive?: boolean
}

/**
 * An item to order or to match.
 *
 * @category model
 */
export interface Item {
  readonly id: OptionId
  readonly text: RichText
}

/**
 * Ordering: put the items in the order given by `answer`.
 *
 * @category model
 */
export interface Ordering extends QuestionCommon {
  readonly type: 'ordering'
  readonly items: ReadonlyArray<Item>
  readonly answer: ReadonlyArray<OptionId>
  /** `all-or-nothing` when absent. */
  readonly scoring?: OrderingScoring
}

/**
 * A matching pair: a left item and the right item it goes with.
 *
 * @category model
 */
export interface Pair {
  readonly id: OptionId
  readonly left: RichText
  readonly right: RichText
}

/**
 * Matching (as Moodle's): match each left item with its right item; extra
 * right items are distractors. Each pair scores an equal share.
 *
 * @category model
 */
export interface Matching extends QuestionCommon {
  readonly type: 'matching'
  readonly pairs: ReadonlyArray<Pair>
  readonly distractors?: ReadonlyArray<RichText>
}

/**
 * An accepted numerical answer: an exact value with a tolerance (GIFT's
 * `=1921:0`), or a range (GIFT's `=1920..1922`); with a fraction (1 when absent) and feedback.
 *
 * @category model
 */
export type NumericAnswer =
  | { readonly kind: 'exact'; readonly value: number; readonly tolerance?: number; readonly fraction?: number; readonly feedback?: RichText }
  | { readonly kind: 'range'; readonly min: number; readonly max: number; readonly fraction?: number; readonly feedback?: RichText }

/**
 * Numerical (as Moodle's): the best matching accepted answer gives its fraction.
 *
 * @category model
 */
export interface Numerical extends QuestionCommon {
  readonly type: 'numerical'
  readonly answers: ReadonlyArray<NumericAnswer>
}

/**
 * Free text graded by hand (essays, reflections, 心得体会).
 *
 * @category model
 */
export interface Essay extends QuestionCommon {
  readonly type: 'essay'
  /** Guidance for the grader; part of the key, never shown to the member. */
  readonly rubric?: RichText
  readonly minLength?: number
  readonly maxLength?: number
}

/**
 * A question of any type.
 *
 * @category model
 */
export type Question = SingleChoice | MultipleChoice | Judge | FillBlank | Ordering | Matching | Numerical | Essay

/**
 * Difficulty given to imported questions that name none.
 *
 * @category model
 * @example
 * DEFAULT_DIFFICULTY // => 3
 */
export const DEFAULT_DIFFICULTY: Difficulty = 3

/**
 * Points given to imported questions that name none.
 *
 * @category model
 * @example
 * DEFAULT_POINTS // => 1
 */
export const DEFAULT_POINTS = 1

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/**
 * The words of a rich text, whatever its form.
 *
 * @category utilities
 * @example
 * textOf({ text: '<b>x</b>', format: 'html' }) // => '<b>x</b>'
 * textOf('x') // => 'x'
 */
export const textOf = (r: RichText): string => (typeof r === 'string' ? r : r.text)

/**
 * The format of a rich text, given the question's default.
 *
 * @category utilities
 * @example
 * formatOf('x', 'markdown') // => 'markdown'
 * formatOf({ text: 'x', format: 'html' }) // => 'html'
 */
export const formatOf = (r: RichText, dflt: TextFormat = 'plain'): TextFormat => (typeof r === 'string' ? dflt : r.format)

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

/**
 * An option, blank, item or pair id.
 *
 * @category codecs
 * @example
 * E.isRight(decode(OptionIdC)('a')) // => true
 */
export const OptionIdC = /*#__PURE__*/ idCodec<'Option'>('OptionId')

/**
 * A text format marker.
 *
 * @category codecs
 * @example
 * E.isLeft(decode(TextFormatC)('rtf')) // => true
 */
export const TextFormatC: t.Type<TextFormat, TextFormat, unknown> = /*#__PURE__*/ refined(
  'TextFormat',
  (u): u is TextFormat => u === 'plain' || u === 'markdown' || u === 'html',
  text('one of plain, markdown, html', 'plain、markdown、html 之一')
)

/**
 * A rich text: a string, or `{ text, format }`.
 *
 * @category codecs
 * @example
 * E.isRight(decode(RichTextC)({ text: '**1921**', format: 'markdown' })) // => true
 */
export const RichTextC: t.Type<RichText, RichText, unknown> = /*#__PURE__*/ (() => {
  const Formatted = strict({ text: t.string, format: TextFormatC }, {}, 'FormattedText')
  return guardCodec(new t.Type<RichText, RichText, unknown>(
    'RichText',
    (u): u is RichText => typeof u === 'string' || Formatted.is(u),
    (u, c) =>
      typeof u === 'string'
        ? t.success(u)
        : typeof u === 'object' && u !== null && !Array.isArray(u)
          ? (Formatted.validate(u, c) as t.Validation<RichText>)
          : failWith(u, c, text('a text (a string or { text, format })', '文本（字符串或 { text, format }）')),
    (a) => a
  ))
})()

const NonEmptyString = refined(
  'NonEmptyString',
  (u): u is string => typeof u === 'string' && u.trim().length > 0,
  text('a non-empty string', '非空字符串')
)

/**
 * A difficulty, an integer from 1 to 5.
 *
 * @category codecs
 * @example
 * E.isLeft(decode(DifficultyC)(6)) // => true
 */
export const DifficultyC: t.Type<Difficulty, Difficulty, unknown> = /*#__PURE__*/ refined(
  'Difficulty',
  (u): u is Difficulty => u === 1 || u === 2 || u === 3 || u === 4 || u === 5,
  text('a difficulty, an integer from 1 to 5', '1 到 5 的整数难度')
)

/**
 * Question points: a positive safe integer.
 *
 * @category codecs
 * @example
 * E.isLeft(decode(QuestionPointsC)(0)) // => true
 */
export const QuestionPointsC: t.Type<number, number, unknown> = /*#__PURE__*/ refined(
  'QuestionPoints',
  (u): u is number => Number.isSafeInteger(u) && (u as number) > 0,
  text('a positive integer number of points', '正整数分值')
)

/**
 * A fraction (weight) in [-1, 1].
 *
 * @category codecs
 * @example
 * E.isRight(decode(FractionC)(-0.5)) // => true
 */
export const FractionC: t.Type<number, number, unknown> = /*#__PURE__*/ refined(
  'Fraction',
  (u): u is number => typeof u === 'number' && Number.isFinite(u) && u >= -1 && u <= 1,
  text('a fraction from -1 to 1', '-1 到 1 之间的分数权重')
)

const FiniteC = refined(
  'FiniteNumber',
  (u): u is number => typeof u === 'number' && Number.isFinite(u),
  text('a finite number', '有限数')
)
const NonNegativeC = refined(
  'NonNegativeNumber',
  (u): u is number => typeof u === 'number' && Number.isFinite(u) && u >= 0,
  text('a finite number ≥ 0', '非负有限数')
)
const LengthC = refined(
  'Length',
  (u): u is number => Number.isSafeInteger(u) && (u as number) >= 0,
  text('a non-negative integer', '非负整数')
)

const common = {
  id: QuestionIdC,
  stem: RichTextC,
  tags: t.array(NonEmptyString),
  difficulty: DifficultyC,
  points: QuestionPointsC
}
const commonOptional = {
  title: t.string,
  format: TextFormatC,
  explanation: RichTextC,
  feedback: RichTextC,
  source: t.string
}

const ChoiceOptionC = strict({ id: OptionIdC, text: RichTextC }, { fraction: FractionC, feedback: RichTextC }, 'ChoiceOption')
const ItemC = strict({ id: OptionIdC, text: RichTextC }, {}, 'Item')
const AcceptedC = strict({ text: t.string }, { fraction: FractionC, feedback: RichTextC }, 'Accepted')
const BlankC = strict({ id: OptionIdC, accept: t.array(AcceptedC) }, {}, 'Blank')
const PairC = strict({ id: OptionIdC, left: RichTextC, right: RichTextC }, {}, 'Pair')
const ExactC = strict(
  { kind: t.literal('exact'), value: FiniteC },
  { tolerance: NonNegativeC, fraction: FractionC, feedback: RichTextC },
  'ExactAnswer'
)
const RangeC = strict({ kind: t.literal('range'), min: FiniteC, max: FiniteC }, { fraction: FractionC, feedback: RichTextC }, 'RangeAnswer')
const NumericAnswerC: t.Type<NumericAnswer, unknown, unknown> = dispatch<NumericAnswer>(
  'NumericAnswer',
  'kind',
  { exact: ExactC as t.Type<NumericAnswer, unknown, unknown>, range: RangeC as t.Type<NumericAnswer, unknown, unknown> },
  text('one of the kinds exact, range', 'exact、range 之一')
)

const branch = <R extends t.Props, O extends t.Props>(type: QuestionType, required: R, optional: O) =>
  strict({ ...common, type: t.literal(type), ...required }, { ...commonOptional, ...optional }, `Question(${type})`)

const BRANCHES: Readonly<Record<QuestionType, t.Mixed>> = {
  single: branch('single', { options: t.array(ChoiceOptionC), answer: OptionIdC }, {}),
  multiple: branch(
    'multiple',
    { options: t.array(ChoiceOptionC), answer: t.array(OptionIdC) },
    { scoring: t.keyof({ 'all-or-nothing': null, fractions: null, partial: null }) }
  ),
  judge: branch('judge', { answer: t.boolean }, { trueFeedback: RichTextC, falseFeedback: RichTextC }),
  blank: branch('blank', { blanks: t.array(BlankC) }, { caseSensitive: t.boolean }),
  ordering: branch(
    'ordering',
    { items: t.array(ItemC), answer: t.array(OptionIdC) },
    { scoring: t.keyof({ 'all-or-nothing': null, positions: null }) }
  ),
  matching: branch('matching', { pairs: t.array(PairC) }, { distractors: t.array(RichTextC) }),
  numerical: branch('numerical', { answers: t.array(NumericAnswerC) }, {}),
  essay: branch('essay', {}, { rubric: RichTextC, minLength: LengthC, maxLength: LengthC })
}

const TYPE_EXPECTED = text(
  `one of the question types ${QUESTION_TYPES.join(', ')}`,
  `题型之一：${QUESTION_TYPES.join('、')}`
)

/**
 * A question as JSON: an object with a `type` among `QUESTION_TYPES` and the
 * fields of that type; unknown keys are problems. Structure only: use
 * `decodeQuestion` (or `decodeQuestionBank`) for the cross-field checks too.
 *
 * @category codecs
 * @example
 * import { decode } from 'moral-bank/core'
 * decode(QuestionC)({ id: 'q1', type: 'judge', stem: '1921 年中共一大召开。', tags: ['党史'], difficulty: 1, points: 1, answer: true })
 * // => right({ id: 'q1', type: 'judge', … })
 */
export const QuestionC: t.Type<Question, unknown, unknown> = /*#__PURE__*/ dispatch<Question>(
  'Question',
  'type',
  BRANCHES as Readonly<Record<string, t.Type<Question, unknown, unknown>>>,
  TYPE_EXPECTED
)
