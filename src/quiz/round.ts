/**
 * Quiz rounds: plain serialisable data that hosts keep in their own store,
 * and pure transitions that take `now`: start, open a question, answer
 * (again, to change it), submit, expire, grade by hand. Invalid transitions
 * are error values; a second submit returns the round unchanged.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { produce } from 'immer'
import { at, decode, problem, text, type Problem, type QuestionId, type Text } from '../core/index.js'
import { gradeQuestion, type Graded } from './grade.js'
import type { Paper, PaperQuestion } from './paper.js'
import { fromInt, div, type Rational } from './rational.js'
import { checkResponse, QuizResponseC, type QuizResponse } from './response.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * How a round runs:
 * - `exam`: answers may change until the one submit; feedback only after it;
 * - `practice`: feedback right after each answer, which is then locked;
 * - `challenge`: questions in order, locked once answered; the first answer not fully right ends the round;
 * - `daily`: a fixed short paper (the same for everyone that day), run like an exam.
 *
 * @category model
 */
export type Mode = 'exam' | 'practice' | 'challenge' | 'daily'

/**
 * What happens when the round's time is up (as Moodle): submit what was
 * answered, allow a grace period to submit without answering more, or discard the attempt.
 *
 * @category model
 */
export type ExpiryPolicy = 'submit' | 'grace' | 'discard'

/**
 * Time limits, in milliseconds.
 *
 * @category model
 */
export interface Limits {
  /** For the whole round, from its start. */
  readonly roundMs?: number
  /** For each question, from when it is opened (`openQuestion`). */
  readonly questionMs?: number
  readonly expiry: ExpiryPolicy
  /** The grace period after the round's time, for `grace`. */
  readonly graceMs?: number
}

/**
 * The state of one question in a round.
 *
 * @category model
 */
export interface Slot {
  readonly openedAt?: number
  readonly response?: QuizResponse
  readonly answeredAt?: number
  /** How many times the answer was given (1 = answered once, never changed). */
  readonly answers: number
  /** The fraction of full marks a grader gave (essays). */
  readonly manual?: Rational
  readonly gradedAt?: number
}

/**
 * Where a round stands.
 *
 * @category model
 */
export type RoundStatus = 'open' | 'submitted' | 'discarded'

/**
 * Why a round ended.
 *
 * @category model
 */
export type EndReason = 'member' | 'deadline' | 'wrong-answer' | 'completed' | 'grace-over'

/**
 * A quiz round: plain JSON-serialisable data (instants are epoch ms).
 *
 * @category model
 */
export interface Round {
  readonly version: 1
  readonly id: string
  readonly quiz: string
  readonly member: string
  readonly mode: Mode
  /** What the host's point rules call this quiz; see `StartParams.kind`. */
  readonly kind?: string
  readonly paper: Paper
  readonly limits: Limits
  readonly status: RoundStatus
  readonly startedAt: number
  readonly endedAt?: number
  readonly endedBy?: EndReason
  /** One slot per paper question, in paper order. */
  readonly slots: ReadonlyArray<Slot>
}

/**
 * Why a transition was refused.
 *
 * @category model
 */
export type RoundErrorReason =
  | 'after-deadline'
  | 'after-submission'
  | 'discarded'
  | 'unknown-question'
  | 'invalid-answer'
  | 'locked'
  | 'out-of-order'
  | 'not-opened'
  | 'question-time-up'
  | 'not-submitted'
  | 'not-manual'
  | 'bad-score'

/**
 * A refused transition: the reason, and a problem with both languages.
 *
 * @category model
 */
export interface RoundError {
  readonly _tag: 'RoundError'
  readonly reason: RoundErrorReason
  readonly problem: Problem
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

const fail = (reason: RoundErrorReason, path: ReadonlyArray<string | number>, expected: Text, received: unknown): E.Either<RoundError, never> =>
  E.left({ _tag: 'RoundError', reason, problem: problem(reason === 'unknown-question' || reason === 'invalid-answer' ? 'reference' : 'state', at(path), expected, received) })

/**
 * What `startRound` needs.
 *
 * @category model
 */
export interface StartParams {
  readonly id: string
  readonly quiz: string
  readonly member: string
  readonly mode: Mode
  /**
   * What the host's point rules call this quiz (for example `daily`, `weekly`,
   * `special` in the daily-study preset); emitted as the event's `kind`, the mode when absent.
   */
  readonly kind?: string
  readonly paper: Paper
  readonly limits?: Limits
  readonly now: number
}

/**
 * Start a round on a paper. Keep the round: resuming it keeps its questions and option order.
 *
 * @category constructors
 * @example
 * const r = startRound({ id: 'r1', quiz: 'weekly-7', member: 'm-001', mode: 'exam', paper, now: 1625097600000,
 *   limits: { roundMs: 600_000, expiry: 'submit' } })
 * r.status // => 'open'
 */
export const startRound = (p: StartParams): Round => ({
  version: 1,
  id: p.id,
  quiz: p.quiz,
  member: p.member,
  mode: p.mode,
  ...(p.kind === undefined ? {} : { kind: p.kind }),
  paper: p.paper,
  limits: p.limits ?? { expiry: 'submit' },
  status: 'open',
  startedAt: p.now,
  slots: p.paper.questions.map(() => ({ answers: 0 }))
})

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/**
 * The round's deadline (epoch ms), if it has a time limit.
 *
 * @category utilities
 * @example
 * deadline(round) // => round.startedAt + round.limits.roundMs
 */
export const deadline = (r: Round): number | undefined => (r.limits.roundMs === undefined ? undefined : r.startedAt + r.limits.roundMs)

/**
 * True when the round's time is up but its grace period is running: it may be submitted, not answered.
 *
 * @category utilities
 * @example
 * inGrace(round, now) // => false before the deadline
 */
export const inGrace = (r: Round, now: number): boolean => {
  const d = deadline(r)
  return r.status === 'open' && r.limits.expiry === 'grace' && d !== undefined && now > d && now <= d + (r.limits.graceMs ?? 0)
}

/**
 * The position of a question on the round's paper, or -1.
 *
 * @category utilities
 * @example
 * questionIndex(round, 'q1') // => 0
 */
export const questionIndex = (r: Round, q: QuestionId | string): number => r.paper.questions.findIndex((pq) => pq.question.id === q)

/**
 * Grade the slot of a paper question as it stands.
 *
 * @category utilities
 * @example
 * gradeSlot(round, 0).status // => 'unanswered' before any answer
 */
export const gradeSlot = (r: Round, i: number): Graded => {
  const s = r.slots[i] ?? { answers: 0 }
  return gradeQuestion(r.paper.questions[i] as PaperQuestion, s.response, s.manual)
}

// -------------------------------------------------------------------------------------
// transitions
// -------------------------------------------------------------------------------------

/**
 * Apply the expiry policy at `now`: past the deadline, `submit` submits (at
 * the deadline), `discard` discards, `grace` waits for the grace period and
 * then discards. Never fails; a round with nothing to do comes back as it was.
 *
 * @category transitions
 * @example
 * expire(round.startedAt + 601_000)(round).status // => 'submitted' with a 600 s limit and expiry 'submit'
 */
export const expire =
  (now: number) =>
  (r: Round): Round => {
    const d = deadline(r)
    if (r.status !== 'open' || d === undefined || now <= d) return r
    switch (r.limits.expiry) {
      case 'submit':
        return { ...r, status: 'submitted', endedAt: d, endedBy: 'deadline' }
      case 'discard':
        return { ...r, status: 'discarded', endedAt: d, endedBy: 'deadline' }
      case 'grace': {
        const end = d + (r.limits.graceMs ?? 0)
        return now <= end ? r : { ...r, status: 'discarded', endedAt: end, endedBy: 'grace-over' }
      }
    }
  }

const closed = (r: Round, now: number): E.Either<RoundError, never> | undefined => {
  if (r.status === 'discarded') return fail('discarded', ['status'], text('an open round', '进行中的答题'), 'discarded')
  if (r.status === 'submitted') {
    return r.endedBy === 'deadline'
      ? fail('after-deadline', ['status'], text('an answer before the deadline', '截止前作答'), 'submitted at the deadline')
      : fail('after-submission', ['status'], text('an open round', '进行中的答题'), 'submitted')
  }
  if (inGrace(r, now)) return fail('after-deadline', ['status'], text('an answer before the deadline (grace allows submitting only)', '截止前作答（宽限期只能交卷）'), now)
  return undefined
}

const findQuestion = (r: Round, q: QuestionId | string): E.Either<RoundError, number> => {
  const i = questionIndex(r, q)
  return i < 0 ? fail('unknown-question', ['question'], text('a question of this paper', '本卷中的题目'), q) : E.right(i)
}

/**
 * Open a question (show it): starts its own time limit, if any. Opening twice keeps the first time.
 *
 * @category transitions
 * @example
 * openQuestion('q1', now)(round) // => right(round with q1 opened at now)
 */
export const openQuestion =
  (q: QuestionId | string, now: number) =>
  (r0: Round): E.Either<RoundError, Round> => {
    const r = expire(now)(r0)
    const c = closed(r, now)
    if (c !== undefined) return c
    const i = findQuestion(r, q)
    if (E.isLeft(i)) return i
    if (r.slots[i.right]?.openedAt !== undefined) return E.right(r)
    return E.right(
      produce(r, (d) => {
        const s = d.slots[i.right]
        if (s !== undefined) s.openedAt = now
      })
    )
  }

/**
 * Answer a question, or change its answer (exam and daily modes). Refused
 * after the deadline or submission, for an unknown question or label, for a
 * locked answer (practice, challenge), out of order (challenge), or past the
 * question's own limit. In challenge mode an answer that is not fully right
 * ends the round, and so does the last answer.
 *
 * @category transitions
 * @example
 * answer('q1', { type: 'single', choice: 'B' }, now)(round) // => right(round with the answer)
 * answer('nope', { type: 'judge', value: true }, now)(round) // => left({ reason: 'unknown-question', … })
 */
export const answer =
  (q: QuestionId | string, response: QuizResponse, now: number) =>
  (r0: Round): E.Either<RoundError, Round> => {
    const r = expire(now)(r0)
    const c = closed(r, now)
    if (c !== undefined) return c
    const fi = findQuestion(r, q)
    if (E.isLeft(fi)) return fi
    const i = fi.right
    const pq = r.paper.questions[i] as PaperQuestion
    const slot = r.slots[i] ?? { answers: 0 }
    // Responses come from clients: check the shape too, not only what the types promise.
    const shaped = QuizResponseC.is(response) ? undefined : decode(QuizResponseC, ['response'])(response)
    const bad = shaped !== undefined && E.isLeft(shaped) ? shaped.left[0] : checkResponse(pq, response, ['response'])
    if (bad !== undefined) return E.left({ _tag: 'RoundError', reason: 'invalid-answer', problem: bad })
    const locking = r.mode === 'practice' || r.mode === 'challenge'
    if (locking && slot.response !== undefined) return fail('locked', ['question'], text('a question not answered yet', '尚未作答的题目'), q)
    if (r.mode === 'challenge' && r.slots.slice(0, i).some((s) => s.response === undefined)) {
      return fail('out-of-order', ['question'], text('the next unanswered question', '下一道未答题目'), q)
    }
    const qms = r.limits.questionMs
    if (qms !== undefined) {
      if (slot.openedAt === undefined) return fail('not-opened', ['question'], text('a question opened first (it has its own time limit)', '先打开题目（该题有单题时限）'), q)
      if (now > slot.openedAt + qms) return fail('question-time-up', ['question'], text(`an answer within ${qms} ms of opening`, `打开后 ${qms} 毫秒内作答`), now - slot.openedAt)
    }
    const next = produce(r, (d) => {
      const s = d.slots[i]
      if (s === undefined) return
      s.response = response as never
      s.answeredAt = now
      s.answers = s.answers + 1
    })
    if (r.mode === 'challenge') {
      const g = gradeSlot(next, i)
      const wrong = g.status === 'wrong' || g.status === 'partial'
      const done = next.slots.every((s) => s.response !== undefined)
      if (wrong || done) return E.right({ ...next, status: 'submitted', endedAt: now, endedBy: wrong ? 'wrong-answer' : 'completed' })
    }
    return E.right(next)
  }

/**
 * Submit the round. Idempotent: submitting a submitted round returns it
 * unchanged (no second result). Past the deadline the expiry policy
 * decides: already submitted at the deadline, submitted now in a grace
 * period, or refused once discarded.
 *
 * @category transitions
 * @example
 * const once = submit(now)(round), twice = E.chain(submit(now + 5))(once)
 * // twice deep-equals once
 */
export const submit =
  (now: number) =>
  (r0: Round): E.Either<RoundError, Round> => {
    const r = expire(now)(r0)
    if (r.status === 'submitted') return E.right(r)
    if (r.status === 'discarded') return fail('discarded', ['status'], text('an open round', '进行中的答题'), 'discarded')
    return E.right({ ...r, status: 'submitted', endedAt: now, endedBy: 'member' })
  }

/**
 * Grade an essay (or any question) by hand, with a score from 0 to the
 * question's points (a number or an exact rational); only after submission.
 *
 * @category transitions
 * @example
 * gradeManual('essay-1', 8, now)(submitted) // => right(round with 8 of 10 points on essay-1)
 */
export const gradeManual =
  (q: QuestionId | string, score: number | Rational, now: number) =>
  (r: Round): E.Either<RoundError, Round> => {
    if (r.status !== 'submitted') return fail('not-submitted', ['status'], text('a submitted round', '已交卷的答题'), r.status)
    const fi = findQuestion(r, q)
    if (E.isLeft(fi)) return fi
    const pq = r.paper.questions[fi.right] as PaperQuestion
    if (pq.question.type !== 'essay') return fail('not-manual', ['question'], text('a question graded by hand (essay)', '人工评分题（主观题）'), pq.question.type)
    const s: Rational = typeof score === 'number' ? (Number.isFinite(score) ? fromNumberExact(score) : { n: Number.NaN, d: 1 }) : score
    const v = s.n / s.d
    if (!Number.isFinite(v) || v < 0 || v > pq.points || !Number.isSafeInteger(s.n) || !Number.isSafeInteger(s.d) || s.d <= 0) {
      return fail('bad-score', ['score'], text(`a score from 0 to ${pq.points}`, `0 到 ${pq.points} 之间的分数`), typeof score === 'number' ? score : `${score.n}/${score.d}`)
    }
    const f = div(s, fromInt(pq.points))
    return E.right(
      produce(r, (d) => {
        const slot = d.slots[fi.right]
        if (slot === undefined) return
        slot.manual = f
        slot.gradedAt = now
      })
    )
  }

// A decimal score as an exact rational (a grader's 7.5 is 15/2).
const fromNumberExact = (x: number): Rational => {
  if (Number.isInteger(x)) return fromInt(x)
  const m = /^(-?)(\d+)\.(\d+)$/.exec(String(x))
  if (m === null) return { n: Number.NaN, d: 1 }
  const dd = 10 ** (m[3] ?? '').length
  const n = Number(m[2]) * dd + Number(m[3])
  return div(fromInt(m[1] === '-' ? -n : n), fromInt(dd))
}
