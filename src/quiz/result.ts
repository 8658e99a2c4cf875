/**
 * Results of a submitted round (per-question scores, total, accuracy,
 * duration) and the `quiz.completed` activity event they yield for the
 * points ledger; feedback per question; grading several attempts.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { at, problem, text, type EventId, type Instant } from '../core/internal.js'
import type { ActivityEvent, SubjectId } from '../rules/event.js'
import type { Graded } from './grade.js'
import { letterLabel, numberLabel, type PaperQuestion } from './paper.js'
import type { RichText } from './question.js'
import { add, compare, div, fromInt, R_ZERO, rational, toNumber, type Rational } from './rational.js'
import type { Paper } from './paper.js'
import { gradeSlot, questionIndex, verifyRound, type Mode, type Round, type RoundError } from './round.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The activity event a completed round yields, in the ledger's event shape.
 * `score` is the exact score as the nearest float; a point rule turning it
 * into integer points says how it rounds.
 *
 * @category model
 */
export interface QuizCompletedEvent extends ActivityEvent {
  readonly type: 'quiz.completed'
  readonly attrs: {
    readonly quiz: string
    readonly round: string
    readonly score: number
    readonly maxScore: number
    readonly correct: number
    readonly total: number
    readonly accuracy: number
    readonly mode: string
    /** The quiz's kind for point rules (the mode when the round names none). */
    readonly kind: string
  }
}

/**
 * The result of a submitted round. `final` once nothing waits for a grader;
 * only a final result yields events.
 *
 * @category model
 */
export interface RoundResult {
  readonly round: string
  readonly quiz: string
  readonly member: string
  readonly mode: Mode
  readonly final: boolean
  readonly questions: ReadonlyArray<Graded>
  /** Exact total score. */
  readonly score: Rational
  readonly maxScore: number
  /** Questions fully right. */
  readonly correct: number
  readonly total: number
  /** `correct / total`, exact (0 for an empty paper). */
  readonly accuracy: Rational
  readonly startedAt: number
  readonly submittedAt: number
  readonly durationMs: number
  readonly events: ReadonlyArray<QuizCompletedEvent>
}

/**
 * How several attempts at one quiz grade (as Moodle).
 *
 * @category model
 */
export type AttemptPolicy = 'highest' | 'average' | 'first' | 'last'

// -------------------------------------------------------------------------------------
// results
// -------------------------------------------------------------------------------------

/**
 * The result of a submitted round, graded with the key and points of the
 * server's paper; an error for a round not submitted or not sealed for this paper.
 *
 * @category results
 * @example
 * const res = roundResult(paper)(submitted)
 * E.isRight(res) && res.right.events[0]?.attrs.correct // => how many questions were fully right
 */
export const roundResult =
  (paper: Paper) =>
  (r0: Round): E.Either<RoundError, RoundResult> => {
  const v = verifyRound(paper)(r0)
  if (E.isLeft(v)) return v
  const r = v.right
  if (r.status !== 'submitted' || r.endedAt === undefined) {
    return E.left({ ...problem('state', at(['status']), text('a submitted round', '已交卷的答题'), r.status), reason: 'not-submitted' })
  }
  const questions: Array<Graded> = []
  let score = R_ZERO
  let maxScore = 0
  let correct = 0
  let pending = 0
  for (let i = 0; i < paper.questions.length; i++) {
    const g = gradeSlot(paper, r, i)
    questions.push(g)
    score = add(score, g.score)
    maxScore += g.points
    if (g.status === 'correct') correct++
    else if (g.status === 'pending') pending++
  }
  const total = questions.length
  const accuracy = total === 0 ? R_ZERO : rational(correct, total)
  const final = pending === 0
  const events: ReadonlyArray<QuizCompletedEvent> = final
    ? [
        {
          // startRound checked both ids, and a sealed round cannot have changed them since.
          id: `quiz.completed:${r.id}` as EventId,
          type: 'quiz.completed',
          member: r.member as SubjectId,
          at: r.endedAt as Instant,
          attrs: { quiz: r.quiz, round: r.id, score: toNumber(score), maxScore, correct, total, accuracy: toNumber(accuracy), mode: r.mode, kind: r.kind ?? r.mode }
        }
      ]
    : []
  return E.right({
    round: r.id,
    quiz: r.quiz,
    member: r.member,
    mode: r.mode,
    final,
    questions,
    score,
    maxScore,
    correct,
    total,
    accuracy,
    startedAt: r.startedAt,
    submittedAt: r.endedAt,
    durationMs: r.endedAt - r.startedAt,
    events
  })
}

/**
 * The grade of several attempts at one quiz: the highest, the average, the
 * first or the last (by submission time) final score; zero with no attempt.
 *
 * @category results
 * @example
 * attemptsScore('highest')([res1, res2]) // => the larger of the two scores
 */
export const attemptsScore =
  (policy: AttemptPolicy) =>
  (results: ReadonlyArray<RoundResult>): Rational => {
    const rs = results.filter((x) => x.final)
    if (rs.length === 0) return R_ZERO
    switch (policy) {
      case 'highest':
        return rs.reduce((m, x) => (compare(x.score, m) > 0 ? x.score : m), (rs[0] as RoundResult).score)
      case 'average':
        return div(
          rs.reduce((a, x) => add(a, x.score), R_ZERO),
          fromInt(rs.length)
        )
      case 'first':
        return rs.reduce((m, x) => (x.submittedAt < m.submittedAt ? x : m)).score
      case 'last':
        return rs.reduce((m, x) => (x.submittedAt >= m.submittedAt ? x : m)).score
    }
  }

// -------------------------------------------------------------------------------------
// feedback
// -------------------------------------------------------------------------------------

/**
 * The right answer, in the labels of the public view.
 *
 * @category model
 */
export type KeyAnswer =
  | { readonly type: 'single'; readonly choice: string }
  | { readonly type: 'multiple'; readonly choices: ReadonlyArray<string> }
  | { readonly type: 'judge'; readonly value: boolean }
  | { readonly type: 'blank'; readonly values: ReadonlyArray<ReadonlyArray<string>> }
  | { readonly type: 'ordering'; readonly order: ReadonlyArray<string> }
  | { readonly type: 'matching'; readonly matches: Readonly<Record<string, string>> }
  | { readonly type: 'numerical'; readonly accepted: ReadonlyArray<{ readonly min: number; readonly max: number }> }
  | { readonly type: 'essay' }

/**
 * Feedback on one question: its grade, the right answer, the explanation,
 * the general feedback and the feedback of what was picked.
 *
 * @category model
 */
export interface Feedback {
  readonly graded: Graded
  readonly key: KeyAnswer
  readonly explanation?: RichText
  readonly feedback?: RichText
  readonly picked: ReadonlyArray<RichText>
}

/**
 * The right answer of a paper question in public labels.
 *
 * @category results
 * @example
 * keyAnswer(pq) // => { type: 'single', choice: 'C' } when the answer is shown third
 */
export const keyAnswer = (pq: PaperQuestion): KeyAnswer => {
  const q = pq.question
  const labelOf = (k: number): string => letterLabel(pq.order.indexOf(k))
  switch (q.type) {
    case 'single':
      return { type: 'single', choice: labelOf(q.options.findIndex((o) => o.id === q.answer)) }
    case 'multiple': {
      const set = new Set<string>(q.answer)
      return { type: 'multiple', choices: pq.order.map((k, i) => (set.has(q.options[k]?.id ?? '') ? letterLabel(i) : '')).filter((x) => x !== '') }
    }
    case 'judge':
      return { type: 'judge', value: q.answer }
    case 'blank':
      return { type: 'blank', values: q.blanks.map((b) => b.accept.filter((a) => a.fraction === undefined || a.fraction === 1).map((a) => a.text)) }
    case 'ordering':
      return { type: 'ordering', order: q.answer.map((id) => labelOf(q.items.findIndex((x) => x.id === id))) }
    case 'matching': {
      const m: Record<string, string> = {}
      q.pairs.forEach((_, i) => {
        m[numberLabel(i)] = labelOf(i)
      })
      return { type: 'matching', matches: m }
    }
    case 'numerical':
      return {
        type: 'numerical',
        accepted: q.answers
          .filter((a) => a.fraction === undefined || a.fraction === 1)
          .map((a) => (a.kind === 'exact' ? { min: a.value - (a.tolerance ?? 0), max: a.value + (a.tolerance ?? 0) } : { min: a.min, max: a.max }))
      }
    case 'essay':
      return { type: 'essay' }
  }
}

const pickedFeedback = (pq: PaperQuestion, r: Round, i: number): ReadonlyArray<RichText> => {
  const resp = r.slots[i]?.response
  const q = pq.question
  if (resp === undefined) return []
  const byLabel = (l: string): number | undefined => {
    const j = pq.order.findIndex((_, k) => letterLabel(k) === l)
    return j < 0 ? undefined : pq.order[j]
  }
  const out: Array<RichText> = []
  if ((q.type === 'single' && resp.type === 'single') || (q.type === 'multiple' && resp.type === 'multiple')) {
    const labels = resp.type === 'single' ? [resp.choice] : resp.type === 'multiple' ? resp.choices : []
    for (const l of labels) {
      const k = byLabel(l)
      const fb = k === undefined ? undefined : q.options[k]?.feedback
      if (fb !== undefined) out.push(fb)
    }
  } else if (q.type === 'judge' && resp.type === 'judge') {
    const fb = resp.value ? q.trueFeedback : q.falseFeedback
    if (fb !== undefined) out.push(fb)
  }
  return out
}

/**
 * Feedback on a question (by its handle) of a round: available in practice
 * and challenge modes once the question is answered, and in every mode after submission.
 *
 * @category results
 * @example
 * questionFeedback(paper, handle)(round) // => right({ graded, key, explanation, … }) after answering in practice mode
 */
export const questionFeedback =
  (paper: Paper, q: string) =>
  (r0: Round): E.Either<RoundError, Feedback> => {
  const v = verifyRound(paper)(r0)
  if (E.isLeft(v)) return v
  const r = v.right
  const i = questionIndex(paper, q)
  if (i < 0) return E.left({ ...problem('reference', at(['question']), text('a question of this paper', '本卷中的题目'), q), reason: 'unknown-question' })
  const answered = r.slots[i]?.response !== undefined
  const allowed = r.status === 'submitted' || ((r.mode === 'practice' || r.mode === 'challenge') && answered)
  if (!allowed) {
    return E.left({
      ...problem('state', at(['status']), text('a submitted round, or an answered question in practice mode', '已交卷，或练习模式下已作答的题目'), r.status),
      reason: 'not-submitted'
    })
  }
  const pq = paper.questions[i] as PaperQuestion
  const fb: Feedback = { graded: gradeSlot(paper, r, i), key: keyAnswer(pq), picked: pickedFeedback(pq, r, i) }
  return E.right({
    ...fb,
    ...(pq.question.explanation === undefined ? {} : { explanation: pq.question.explanation }),
    ...(pq.question.feedback === undefined ? {} : { feedback: pq.question.feedback })
  })
}
