/**
 * Scoring one answered question, exactly: the fraction of full marks earned
 * (a `Rational` in [0, 1]) times the question's points on the paper. Options
 * are looked up through the paper's display order, so a shuffled paper
 * scores exactly like an unshuffled one.
 *
 * @module
 */
import type { QuestionId } from '../core/internal.js'
import { normaliseAnswer } from './normalise.js'
import { numberLabel, type PaperQuestion } from './paper.js'
import type { Accepted, Blank, MultipleChoice, NumericAnswer, Question, QuestionType, SingleChoice } from './question.js'
import { add, clamp, compare, fromDecimal, fromInt, mul, R_ONE, R_ZERO, rational, type Rational } from './rational.js'
import type { QuizResponse } from './response.js'
import { multipleWeight, singleWeight } from './weights.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The state of a graded question: fully right, partly right, wrong, not
 * answered, or waiting for a person to grade it.
 *
 * @category model
 */
export type GradeStatus = 'correct' | 'partial' | 'wrong' | 'unanswered' | 'pending'

/**
 * One graded question: fraction of full marks, score, points.
 *
 * @category model
 */
export interface Graded {
  /** The bank question id (for the review book and reports, after submission). */
  readonly question: QuestionId
  /** The question's handle on the paper (the public view's id). */
  readonly handle: string
  readonly points: number
  /** In [0, 1]; zero while pending. */
  readonly fraction: Rational
  /** `fraction × points`, in [0, points]. */
  readonly score: Rational
  readonly status: GradeStatus
}

// -------------------------------------------------------------------------------------
// scoring
// -------------------------------------------------------------------------------------

const unit = clamp(R_ZERO, R_ONE)

// Label → bank index, through the display order (labels are A…Z, AA, AB, …).
const letterIndex = (l: string): number => {
  let k = 0
  for (let i = 0; i < l.length; i++) {
    const c = l.charCodeAt(i) - 64
    if (c < 1 || c > 26) return -1
    k = k * 26 + c
  }
  return k - 1
}
const fromLabel = (pq: PaperQuestion, l: string): number | undefined => (l.length === 0 ? undefined : pq.order[letterIndex(l)])

// The correct option ids of a multiple-choice question and, by bank option index, whether each option is
// one of them (an array lookup per choice instead of hashing its id); computed once per question (a pure cache).
interface Correct {
  readonly ids: ReadonlySet<string>
  readonly byOption: ReadonlyArray<boolean>
}
const correctCache = new WeakMap<object, Correct>()
const correctOf = (q: MultipleChoice): Correct => {
  let v = correctCache.get(q)
  if (v === undefined) {
    const ids = new Set<string>(q.answer)
    v = { ids, byOption: q.options.map((o) => ids.has(o.id)) }
    correctCache.set(q, v)
  }
  return v
}

// The weight of each option of a single-choice question, by bank option index, clamped to [0, 1];
// computed once per question (a pure cache: saves comparing option ids as strings on every grading).
const singleCache = new WeakMap<object, ReadonlyArray<Rational>>()
const singleWeightsOf = (q: SingleChoice): ReadonlyArray<Rational> => {
  let v = singleCache.get(q)
  if (v === undefined) {
    v = q.options.map((o) => unit(singleWeight(q, o)))
    singleCache.set(q, v)
  }
  return v
}

// Normalised accepted texts, computed once per blank (a pure cache, keyed by the blank object).
const acceptedCache = new WeakMap<object, ReadonlyArray<string>>()
const acceptedOf = (b: Blank, cs: boolean): ReadonlyArray<string> => {
  const key = cs ? (b.accept as object) : b
  let v = acceptedCache.get(key)
  if (v === undefined) {
    v = b.accept.map((a) => normaliseAnswer(a.text, cs))
    acceptedCache.set(key, v)
  }
  return v
}

// A finite number as the exact decimal it prints as (its shortest round-trip digits): digits × 10^exp.
// 1.6 is 16 × 10^-1, not the binary double just below it, so edges compare as the author wrote them.
interface Decimal {
  readonly digits: bigint
  readonly exp: number
}
const decimalOf = (x: number): Decimal => {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(String(x))
  if (m === null) return { digits: 0n, exp: 0 }
  const frac = m[3] ?? ''
  const digits = BigInt(`${m[2] ?? '0'}${frac}`)
  return { digits: m[1] === '-' ? -digits : digits, exp: Number(m[4] ?? '0') - frac.length }
}
// The three decimals on one scale (the smallest exponent), as big integers.
const scaled = (xs: ReadonlyArray<number>): ReadonlyArray<bigint> => {
  const ds = xs.map(decimalOf)
  const e = Math.min(...ds.map((d) => d.exp))
  return ds.map((d) => d.digits * 10n ** BigInt(d.exp - e))
}
const numericFits = (a: NumericAnswer, v: number): boolean => {
  if (a.kind === 'exact') {
    const [x, c, t] = scaled([v, a.value, a.tolerance ?? 0]) as [bigint, bigint, bigint]
    const diff = x >= c ? x - c : c - x
    return diff <= (t < 0n ? -t : t)
  }
  const [x, lo, hi] = scaled([v, a.min, a.max]) as [bigint, bigint, bigint]
  return x >= lo && x <= hi
}

const best = (xs: ReadonlyArray<Rational>): Rational => xs.reduce((m, x) => (compare(x, m) > 0 ? x : m), R_ZERO)

// The fraction of full marks a response earns, by question type: one row per type (a type without a
// row does not compile, so none is graded as pending by accident). Each row reads its own question type.
type Fraction<T extends QuestionType> = (pq: PaperQuestion, q: Extract<Question, { readonly type: T }>, r: QuizResponse) => Rational | undefined

const multipleFraction: Fraction<'multiple'> = (pq, q, r) => {
  if (r.type !== 'multiple') return R_ZERO
  const { ids: correct, byOption } = correctOf(q)
  const scoring = q.scoring ?? 'all-or-nothing'
  let right = 0
  let wrong = 0
  let total = R_ZERO
  let seen = 0
  let big: Set<number> | undefined
  for (const c of r.choices) {
    const k = fromLabel(pq, c)
    const o = k === undefined ? undefined : q.options[k]
    // Labels are at most a few dozen; a bit set of positions drops repeats.
    if (o === undefined || k === undefined) continue
    if (k < 31) {
      if ((seen & (1 << k)) !== 0) continue
      seen |= 1 << k
    } else {
      big ??= new Set<number>()
      if (big.has(k)) continue
      big.add(k)
    }
    if (byOption[k] === true) right++
    else wrong++
    if (scoring === 'fractions') total = add(total, multipleWeight(q, correct)(o))
  }
  switch (scoring) {
    case 'all-or-nothing':
      return wrong === 0 && right === correct.size ? R_ONE : R_ZERO
    case 'partial':
      return wrong > 0 || correct.size === 0 ? R_ZERO : rational(right, correct.size)
    case 'fractions':
      return unit(total)
  }
}

const blankFraction: Fraction<'blank'> = (_, q, r) => {
  if (r.type !== 'blank' || q.blanks.length === 0) return R_ZERO
  const cs = q.caseSensitive === true
  // Plain loops, not map/forEach with closures: this runs for every blank of every graded round.
  let total = R_ZERO
  for (let i = 0; i < q.blanks.length; i++) {
    const b = q.blanks[i] as Blank
    const given = r.values[i]
    let top = R_ZERO
    if (given !== undefined) {
      const g = normaliseAnswer(given, cs)
      const norm = acceptedOf(b, cs)
      for (let j = 0; j < b.accept.length; j++) {
        if (norm[j] !== g) continue
        const a = b.accept[j] as Accepted
        const f = unit(a.fraction === undefined ? R_ONE : fromDecimal(a.fraction))
        if (compare(f, top) > 0) top = f
      }
    }
    total = add(total, top)
  }
  return mul(total, rational(1, q.blanks.length))
}

/**
 * The fraction of full marks a response earns, one row per question type
 * (`undefined`: graded by hand). A question type without a row is a compile error.
 *
 * @internal
 */
export const FRACTIONS: { readonly [T in QuestionType]: Fraction<T> } = {
  single: (pq, q, r) => {
    if (r.type !== 'single') return R_ZERO
    const k = fromLabel(pq, r.choice)
    return (k === undefined ? undefined : singleWeightsOf(q)[k]) ?? R_ZERO
  },
  multiple: multipleFraction,
  judge: (_, q, r) => (r.type === 'judge' && r.value === q.answer ? R_ONE : R_ZERO),
  blank: blankFraction,
  ordering: (pq, q, r) => {
    if (r.type !== 'ordering') return R_ZERO
    const given = r.order.map((l) => q.items[fromLabel(pq, l) ?? -1]?.id)
    const right = q.answer.filter((id, i) => given[i] === id).length
    if ((q.scoring ?? 'all-or-nothing') === 'all-or-nothing') return right === q.answer.length && given.length === q.answer.length ? R_ONE : R_ZERO
    return q.answer.length === 0 ? R_ZERO : rational(right, q.answer.length)
  },
  matching: (pq, q, r) => {
    if (r.type !== 'matching' || q.pairs.length === 0) return R_ZERO
    let right = 0
    q.pairs.forEach((_, i) => {
      const chosen = r.matches[numberLabel(i)]
      if (chosen !== undefined && Object.prototype.hasOwnProperty.call(r.matches, numberLabel(i)) && fromLabel(pq, chosen) === i) right++
    })
    return rational(right, q.pairs.length)
  },
  numerical: (_, q, r) =>
    r.type === 'numerical' ? best(q.answers.filter((a) => numericFits(a, r.value)).map((a) => unit(a.fraction === undefined ? R_ONE : fromDecimal(a.fraction)))) : R_ZERO,
  essay: () => undefined
}

/**
 * The fraction of full marks a response earns, in [0, 1]; `undefined` for an
 * essay (graded by hand). Assumes the response fits (see `checkResponse`);
 * a response of another type earns 0.
 *
 * @category scoring
 * @example
 * responseFraction(pq, { type: 'judge', value: true }) // => { n: 1, d: 1 } when the answer is true
 */
export const responseFraction = (pq: PaperQuestion, r: QuizResponse): Rational | undefined => {
  const q = pq.question
  // One row per type; the cast says what the table's type guarantees (row `q.type` reads a `q` of that type).
  return (FRACTIONS[q.type] as Fraction<QuestionType>)(pq, q, r)
}

const statusOf = (f: Rational): GradeStatus => (compare(f, R_ONE) === 0 ? 'correct' : compare(f, R_ZERO) === 0 ? 'wrong' : 'partial')

/**
 * Grade one paper question: its response (if any) and, for essays, the
 * fraction a grader gave (if any).
 *
 * @category scoring
 * @example
 * gradeQuestion(pq, { type: 'single', choice: 'B' }).status // => 'correct' | 'partial' | 'wrong'
 * gradeQuestion(pq, undefined).status // => 'unanswered'
 */
export const gradeQuestion = (pq: PaperQuestion, r: QuizResponse | undefined, manual?: Rational): Graded => {
  const question = pq.question.id
  const handle = pq.handle
  const points = pq.points
  if (manual !== undefined) {
    const f = unit(manual)
    return { question, handle, points, fraction: f, score: mul(f, fromInt(points)), status: statusOf(f) }
  }
  if (r === undefined) return { question, handle, points, fraction: R_ZERO, score: R_ZERO, status: 'unanswered' }
  const f = responseFraction(pq, r)
  if (f === undefined) return { question, handle, points, fraction: R_ZERO, score: R_ZERO, status: 'pending' }
  return { question, handle, points, fraction: f, score: mul(f, fromInt(points)), status: statusOf(f) }
}
