/**
 * The exact weight of each option or accepted answer, with the documented
 * defaults filled in (shared by validation and grading).
 *
 * @module
 */
import { fromDecimal, R_ONE, R_ZERO, rational, type Rational } from './rational.js'
import type { ChoiceOption, MultipleChoice, SingleChoice } from './question.js'

/**
 * The weight of an option of a single-choice question: 1 for the answer,
 * else its fraction (0 when absent).
 *
 * @category utilities
 * @example
 * singleWeight(q, q.options[0]) // => { n: 1, d: 1 } when option 0 is the answer
 */
export const singleWeight = (q: SingleChoice, o: ChoiceOption): Rational =>
  o.id === q.answer ? R_ONE : o.fraction === undefined ? R_ZERO : fromDecimal(o.fraction)

/**
 * The weight of an option of a multiple-choice question under `fractions`
 * scoring: its fraction, or `1/k` when correct and `-1/k` when wrong
 * (k = number of correct options) when it names none.
 *
 * @category utilities
 * @example
 * multipleWeight(q, new Set(q.answer))(q.options[0]) // => { n: 1, d: 2 } with two correct options and no fractions
 */
export const multipleWeight =
  (q: MultipleChoice, correct: ReadonlySet<string>) =>
  (o: ChoiceOption): Rational => {
    if (o.fraction !== undefined) return fromDecimal(o.fraction)
    const k = Math.max(1, q.answer.length)
    return rational(correct.has(o.id) ? 1 : -1, k)
  }
