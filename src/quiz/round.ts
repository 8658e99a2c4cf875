/**
 * Quiz rounds: plain serialisable data that hosts keep in their own store
 * (or hand to the client), and pure transitions that take the server's
 * paper and `now`: start, open a question, answer (again, to change it),
 * submit, applyTimeout, grade by hand. A round carries no key material: it names
 * its paper and questions by their handles and holds public data and
 * responses only, sealed with an HMAC under the paper's seal key. Every
 * transition checks the seal first (an edited round is refused as
 * `tampered`) and seals what it returns. Invalid transitions are error
 * values; a second submit returns the round unchanged.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { at, decode, hmacSha256, idProblem, MAX_ID_LENGTH, problem, text, type Problem, type ProblemCode, type Text } from '../core/internal.js'
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
export type TimeoutPolicy = 'submit' | 'grace' | 'discard'

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
  readonly onTimeout: TimeoutPolicy
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
 * A quiz round: plain JSON-serialisable data (instants are epoch ms). It
 * names its paper by the paper's public id and holds no key: grading takes
 * the key from the server's `Paper`. `seal` is HMAC-SHA256 of the rest
 * (canonical JSON) under the paper's seal key; `step` counts the changes
 * made to it, so a host can tell a replayed older round from the latest.
 * Rounds this library returns are deeply frozen (change them with the
 * transitions, or copy them).
 *
 * @category model
 */
export interface Round {
  readonly version: 2
  readonly id: string
  readonly quiz: string
  readonly member: string
  readonly mode: Mode
  /** What the host's point rules call this quiz; see `StartParams.kind`. */
  readonly kind?: string
  /** The paper's public id (`paper.id`). */
  readonly paper: string
  readonly limits: Limits
  readonly status: RoundStatus
  readonly startedAt: number
  readonly endedAt?: number
  readonly endedBy?: EndReason
  /** How many changes were made since the start (0 at the start). */
  readonly step: number
  /** One slot per paper question, in paper order. */
  readonly slots: ReadonlyArray<Slot>
  /** HMAC-SHA256 (hex) of the rest of the round under the paper's seal key. */
  readonly seal: string
}

/**
 * Why a transition was refused.
 *
 * @category model
 */
export type RoundErrorReason =
  | 'tampered'
  | 'wrong-paper'
  | 'bad-instant'
  | 'before-start'
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
  | 'bad-id'

/**
 * A refused transition: a `Problem` (render it with `renderProblem`) that also
 * says which rule of a round refused it, for a host to branch on.
 *
 * @category model
 * @example
 * import { renderProblem } from 'moral-bank/core'
 * const r = submit(paper, now)(round)
 * if (E.isLeft(r)) console.log(r.left.reason, renderProblem(r.left))
 */
export interface RoundError extends Problem {
  readonly reason: RoundErrorReason
}

// -------------------------------------------------------------------------------------
// seal
// -------------------------------------------------------------------------------------

type Body = Omit<Round, 'seal'>

// A deep copy of JSON data in canonical form: object keys sorted, `undefined`, function and symbol members
// left out (as JSON.stringify does), every object frozen. Its JSON text is the text a seal is computed
// over, so the same round is the same text whichever way it was made or read back. A `__proto__` key
// (an own key in parsed JSON) throws: copied, it would set a prototype instead (the caller refuses it).
const canonical = (u: unknown): unknown => {
  if (u === null || typeof u !== 'object') return u
  if (Array.isArray(u)) return Object.freeze(u.map(canonical))
  const o = u as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(o).sort()) {
    if (k === '__proto__') throw new TypeError('__proto__ in a round')
    const v = o[k]
    if (v !== undefined && typeof v !== 'function' && typeof v !== 'symbol') out[k] = canonical(v)
  }
  return Object.freeze(out)
}

// The rounds this library sealed, with the seal key they were sealed under. They are deeply frozen, so
// one of them handed back unchanged needs no second HMAC: a transition verifies it by identity.
const SEALED_UNDER = new WeakMap<object, string>()

// A sealed round in canonical form (keys sorted, the seal last, frozen).
const sealed = (paper: Paper, body: Body): Round => {
  // a body may be a verified round itself, its old seal still on it (see verify): never part of the text
  const copy = canonical({ ...body, seal: undefined }) as Body
  const round: Round = Object.freeze({ ...copy, seal: hmacSha256(paper.sealKey, JSON.stringify(copy)) })
  SEALED_UNDER.set(round, paper.sealKey)
  return round
}

// A changed round: one more step, sealed again.
const reseal = (paper: Paper, body: Body): Round => sealed(paper, { ...body, step: body.step + 1 })

// The problem code of each refusal: what a host branching on `code` alone sees.
const CODE: Readonly<Record<RoundErrorReason, ProblemCode>> = {
  tampered: 'state',
  'wrong-paper': 'state',
  'bad-instant': 'type',
  'bad-id': 'format',
  'before-start': 'state',
  'after-deadline': 'state',
  'after-submission': 'state',
  discarded: 'state',
  'unknown-question': 'reference',
  'invalid-answer': 'reference',
  locked: 'state',
  'out-of-order': 'state',
  'not-opened': 'state',
  'question-time-up': 'state',
  'not-submitted': 'state',
  'not-manual': 'state',
  'bad-score': 'state'
}

const fail = (reason: RoundErrorReason, path: ReadonlyArray<string | number>, expected: Text, received: unknown): E.Either<RoundError, never> =>
  E.left({ ...problem(CODE[reason], at(path), expected, received), reason })

const tampered = (): E.Either<RoundError, never> =>
  fail('tampered', ['seal'], text("a round as this library sealed it for this paper (unchanged since)", '本库为本卷封存且未被改动的答题记录'), 'a round whose seal does not match its content')

const wrongPaper = (paper: Paper, got: unknown): E.Either<RoundError, never> =>
  fail('wrong-paper', ['paper'], text(`a round on paper ${paper.id}`, `试卷 ${paper.id} 的答题`), got)

/**
 * Check a round against the server's paper: it must name the paper and its
 * seal must match its content. Gives back this library's own (frozen) round
 * as it is, any other as a frozen canonical copy, read once (so a getter
 * cannot change it afterwards). Never throws.
 */
const verify = (paper: Paper, u: unknown): E.Either<RoundError, Round> => {
  try {
    if (u === null || typeof u !== 'object') return tampered()
    if (SEALED_UNDER.get(u) === paper.sealKey) {
      const r = u as Round
      return r.paper === paper.id ? E.right(r) : wrongPaper(paper, r.paper)
    }
    const own = { ...(u as Record<string, unknown>) }
    const seal = own['seal']
    const body = canonical({ ...own, seal: undefined }) as Body
    if (body.paper !== paper.id) return wrongPaper(paper, body.paper)
    if (typeof seal !== 'string' || hmacSha256(paper.sealKey, JSON.stringify(body)) !== seal) return tampered()
    if (!Array.isArray(body.slots) || body.slots.length !== paper.questions.length) return tampered()
    return E.right(adopt(paper, Object.freeze({ ...body, seal }) as Round))
  } catch {
    return tampered()
  }
}

// A round whose seal was just checked, deeply frozen: remembered as sealed under the paper's key, so the
// transitions and results given it next verify it by identity instead of a second HMAC (a round read
// back from a store graded as fast as one this library just returned).
const adopt = (paper: Paper, r: Round): Round => {
  SEALED_UNDER.set(r, paper.sealKey)
  return r
}

/**
 * For stored-round decoding only: a round parsed from JSON text whose seal the caller checked over that
 * very text (the text up to `,"seal":…` is the text the seal was computed over), frozen here and adopted
 * as sealed for this paper. Internal: the caller must have checked the seal and everything `verify` does.
 */
export const adoptCheckedText = (paper: Paper, parsed: Round): Round => adopt(paper, deepFreeze(parsed))

// Freeze a tree of plain JSON data in place (it must be the caller's own: fresh from JSON.parse).
const deepFreeze = <A>(u: A): A => {
  if (u !== null && typeof u === 'object') {
    for (const v of Object.values(u)) deepFreeze(v)
    Object.freeze(u)
  }
  return u
}

/**
 * True when a round is the one this library sealed for this paper (not edited since).
 *
 * @category utilities
 * @example
 * isSealed(paper, round) // => true
 * isSealed(paper, { ...round, status: 'open' }) // => false once the round was submitted
 */
export const isSealed = (paper: Paper, r: unknown): boolean => E.isRight(verify(paper, r))

// An instant the transitions accept: epoch milliseconds, a whole number, not before the start.
const checkNow = (r: Body, now: unknown): E.Either<RoundError, number> => {
  if (typeof now !== 'number' || !Number.isSafeInteger(now)) {
    return fail('bad-instant', ['now'], text('an instant in epoch milliseconds (a whole number)', '纪元毫秒时刻（整数）'), typeof now === 'number' ? String(now) : typeof now)
  }
  if (now < r.startedAt) return fail('before-start', ['now'], text(`an instant at or after the round's start ${r.startedAt}`, `不早于答题开始时间 ${r.startedAt} 的时刻`), now)
  return E.right(now)
}

// Verify, then check `now`: what every transition does first.
const enter = (paper: Paper, r: unknown, now: unknown): E.Either<RoundError, readonly [Body, number]> => {
  const v = verify(paper, r)
  if (E.isLeft(v)) return v
  const n = checkNow(v.right, now)
  return E.isLeft(n) ? n : E.right([v.right, n.right] as const)
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

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
  /** The server's paper (it stays on the server; the round names it by `paper.id`). */
  readonly paper: Paper
  readonly limits?: Limits
  /** Epoch milliseconds, a whole number. */
  readonly now: number
}

/**
 * Start a round on a paper: a sealed round with no key in it. Keep it (or
 * hand it to the client): resuming it keeps its questions and option order.
 * Refused (`bad-instant`) for a `now` that is not a whole number of epoch ms, and (`bad-id`) for
 * a round id, quiz or member that is not an id (empty, control characters, too long: the round id
 * names its `quiz.completed:<id>` event, at most 200 characters).
 *
 * @category constructors
 * @example
 * const r = startRound({ id: 'r1', quiz: 'weekly-7', member: 'm-001', mode: 'exam', paper, now: 1625097600000,
 *   limits: { roundMs: 600_000, onTimeout: 'submit' } })
 * E.isRight(r) && r.right.status // => 'open'
 */
export const startRound = (p: StartParams): E.Either<RoundError, Round> => {
  if (typeof p.now !== 'number' || !Number.isSafeInteger(p.now)) {
    return fail('bad-instant', ['now'], text('an instant in epoch milliseconds (a whole number)', '纪元毫秒时刻（整数）'), typeof p.now === 'number' ? String(p.now) : typeof p.now)
  }
  // The round's id and member name its quiz.completed event (`quiz.completed:<id>`) and that event's subject.
  for (const [key, value] of [['id', typeof p.id === 'string' ? `quiz.completed:${p.id}` : p.id], ['member', p.member], ['quiz', p.quiz]] as const) {
    const why = idProblem(value)
    if (why !== undefined) {
      const limit = key === 'id' ? text(`a round id of at most ${MAX_ID_LENGTH - 15} characters, no control or invisible characters`, `不超过 ${MAX_ID_LENGTH - 15} 个字符、不含控制或不可见字符的答题标识`) : why
      return fail('bad-id', [key], limit, key === 'id' ? p.id : value)
    }
  }
  return E.right(
    sealed(p.paper, {
      version: 2,
      id: p.id,
      quiz: p.quiz,
      member: p.member,
      mode: p.mode,
      ...(p.kind === undefined ? {} : { kind: p.kind }),
      paper: p.paper.id,
      limits: p.limits ?? { onTimeout: 'submit' },
      status: 'open',
      startedAt: p.now,
      step: 0,
      slots: p.paper.questions.map(() => ({ answers: 0 }))
    })
  )
}

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
export const deadline = (r: Pick<Round, 'limits' | 'startedAt'>): number | undefined => (r.limits.roundMs === undefined ? undefined : r.startedAt + r.limits.roundMs)

/**
 * True when the round's time is up but its grace period is running: it may be submitted, not answered.
 *
 * @category utilities
 * @example
 * inGrace(round, now) // => false before the deadline
 */
export const inGrace = (r: Pick<Round, 'limits' | 'startedAt' | 'status'>, now: number): boolean => {
  const d = deadline(r)
  return r.status === 'open' && r.limits.onTimeout === 'grace' && d !== undefined && now > d && now <= d + (r.limits.graceMs ?? 0)
}

/**
 * The position of a question on the paper, by its handle (the public view's question id), or -1.
 *
 * @category utilities
 * @example
 * questionIndex(paper, publicPaper(paper).questions[0].id) // => 0
 */
export const questionIndex = (paper: Paper, handle: string): number => paper.questions.findIndex((pq) => pq.handle === handle)

/**
 * Grade the slot of a paper question as it stands, with the key and points of the server's paper.
 *
 * @category utilities
 * @example
 * gradeSlot(paper, round, 0).status // => 'unanswered' before any answer
 */
export const gradeSlot = (paper: Paper, r: Pick<Round, 'slots'>, i: number): Graded => {
  const s = r.slots[i] ?? { answers: 0 }
  return gradeQuestion(paper.questions[i] as PaperQuestion, s.response, s.manual)
}

// -------------------------------------------------------------------------------------
// transitions
// -------------------------------------------------------------------------------------

// The timeout policy at `now` on a verified round (unsealed).
const timeoutBody = (r: Body, now: number): Body => {
  const d = deadline(r)
  if (r.status !== 'open' || d === undefined || now <= d) return r
  switch (r.limits.onTimeout) {
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

// Seal a body: the round as it came when nothing changed, else one step more.
const finish = (paper: Paper, before: Body, after: Body, original: Round): Round => (after === before ? original : reseal(paper, after))

/**
 * Apply the timeout policy at `now`: past the deadline, `submit` submits (at
 * the deadline), `discard` discards, `grace` waits for the grace period and
 * then discards. A round with nothing to do comes back as it was; refused
 * only for a round that is not sealed for this paper or a bad `now`.
 *
 * @category transitions
 * @example
 * applyTimeout(paper, round.startedAt + 601_000)(round) // => right(submitted round) with a 600 s limit and onTimeout 'submit'
 */
export const applyTimeout =
  (paper: Paper, now: number) =>
  (r: Round): E.Either<RoundError, Round> => {
    const v = enter(paper, r, now)
    if (E.isLeft(v)) return v
    const [body, n] = v.right
    return E.right(finish(paper, body, timeoutBody(body, n), r))
  }

const closed = (r: Body, now: number): E.Either<RoundError, never> | undefined => {
  if (r.status === 'discarded') return fail('discarded', ['status'], text('an open round', '进行中的答题'), 'discarded')
  if (r.status === 'submitted') {
    return r.endedBy === 'deadline'
      ? fail('after-deadline', ['status'], text('an answer before the deadline', '截止前作答'), 'submitted at the deadline')
      : fail('after-submission', ['status'], text('an open round', '进行中的答题'), 'submitted')
  }
  if (inGrace(r, now)) return fail('after-deadline', ['status'], text('an answer before the deadline (grace allows submitting only)', '截止前作答（宽限期只能交卷）'), now)
  return undefined
}

const findQuestion = (paper: Paper, handle: unknown): E.Either<RoundError, number> => {
  const i = typeof handle === 'string' ? questionIndex(paper, handle) : -1
  return i < 0 ? fail('unknown-question', ['question'], text('a question of this paper (its handle in the public view)', '本卷中的题目（公开试卷中的题目标识）'), typeof handle === 'string' ? handle : typeof handle) : E.right(i)
}

const withSlot = (r: Body, i: number, f: (s: Slot) => Slot): Body => ({ ...r, slots: r.slots.map((s, k) => (k === i ? f(s) : s)) })

/**
 * Open a question (show it): starts its own time limit, if any. Opening twice keeps the first time.
 *
 * @category transitions
 * @example
 * openQuestion(paper, 'q-1f0c…', now)(round) // => right(round with that question opened at now)
 */
export const openQuestion =
  (paper: Paper, handle: string, now: number) =>
  (r0: Round): E.Either<RoundError, Round> => {
    const v = enter(paper, r0, now)
    if (E.isLeft(v)) return v
    const [b0, n] = v.right
    const r = timeoutBody(b0, n)
    const c = closed(r, n)
    if (c !== undefined) return c
    const i = findQuestion(paper, handle)
    if (E.isLeft(i)) return i
    if (r.slots[i.right]?.openedAt !== undefined) return E.right(finish(paper, b0, r, r0))
    return E.right(reseal(paper, withSlot(r, i.right, (s) => ({ ...s, openedAt: n }))))
  }

// A response from a client, read once into plain data and checked; never throws (a throwing getter or Proxy is refused).
const readResponse = (u: unknown): E.Either<Problem, QuizResponse> => {
  try {
    const json = u === undefined ? undefined : JSON.stringify(u)
    const plain: unknown = json === undefined ? u : JSON.parse(json)
    const d = decode(QuizResponseC, ['response'])(plain)
    return E.isLeft(d) ? E.left(d.left[0] as Problem) : E.right(d.right)
  } catch {
    return E.left(problem('type', at(['response']), text('a response as plain JSON data', '以纯 JSON 数据表示的作答'), 'a value that cannot be read'))
  }
}

/**
 * Answer a question (by its handle), or change its answer (exam and daily
 * modes). `response` is what the client sent, checked here. Refused for a
 * round not sealed for this paper, a bad or earlier `now`, after the
 * deadline or submission, for an unknown question or label, for a locked
 * answer (practice, challenge), out of order (challenge), or past the
 * question's own limit. In challenge mode an answer that is not fully right
 * ends the round, and so does the last answer. Never throws, whatever `response` is.
 *
 * @category transitions
 * @example
 * answer(paper, pub.questions[0].id, { type: 'single', choice: 'B' }, now)(round) // => right(round with the answer)
 * answer(paper, 'nope', { type: 'judge', value: true }, now)(round) // => left({ reason: 'unknown-question', … })
 */
export const answer =
  (paper: Paper, handle: string, response: unknown, now: number) =>
  (r0: Round): E.Either<RoundError, Round> => {
    const v = enter(paper, r0, now)
    if (E.isLeft(v)) return v
    const [b0, n] = v.right
    const r = timeoutBody(b0, n)
    const c = closed(r, n)
    if (c !== undefined) return c
    const fi = findQuestion(paper, handle)
    if (E.isLeft(fi)) return fi
    const i = fi.right
    const pq = paper.questions[i] as PaperQuestion
    const slot = r.slots[i] ?? { answers: 0 }
    const read = readResponse(response)
    const bad = E.isLeft(read) ? read.left : checkResponse(pq, read.right, ['response'])
    if (bad !== undefined || E.isLeft(read)) return E.left({ ...(bad as Problem), reason: 'invalid-answer' })
    const locking = r.mode === 'practice' || r.mode === 'challenge'
    if (locking && slot.response !== undefined) return fail('locked', ['question'], text('a question not answered yet', '尚未作答的题目'), handle)
    if (r.mode === 'challenge' && r.slots.slice(0, i).some((s) => s.response === undefined)) {
      return fail('out-of-order', ['question'], text('the next unanswered question', '下一道未答题目'), handle)
    }
    const qms = r.limits.questionMs
    if (qms !== undefined) {
      if (slot.openedAt === undefined) return fail('not-opened', ['question'], text('a question opened first (it has its own time limit)', '先打开题目（该题有单题时限）'), handle)
      if (n > slot.openedAt + qms) return fail('question-time-up', ['question'], text(`an answer within ${qms} ms of opening`, `打开后 ${qms} 毫秒内作答`), n - slot.openedAt)
    }
    const next = withSlot(r, i, (s) => ({ ...s, response: read.right, answeredAt: n, answers: s.answers + 1 }))
    if (r.mode === 'challenge') {
      const g = gradeSlot(paper, next, i)
      const wrong = g.status === 'wrong' || g.status === 'partial'
      const done = next.slots.every((s) => s.response !== undefined)
      if (wrong || done) return E.right(reseal(paper, { ...next, status: 'submitted', endedAt: n, endedBy: wrong ? 'wrong-answer' : 'completed' }))
    }
    return E.right(reseal(paper, next))
  }

/**
 * Submit the round. Idempotent: submitting a submitted round returns it
 * unchanged (no second result). Past the deadline the timeout policy
 * decides: already submitted at the deadline, submitted now in a grace
 * period, or refused once discarded.
 *
 * @category transitions
 * @example
 * const once = submit(paper, now)(round), twice = E.chain(submit(paper, now + 5))(once)
 * // twice deep-equals once
 */
export const submit =
  (paper: Paper, now: number) =>
  (r0: Round): E.Either<RoundError, Round> => {
    const v = enter(paper, r0, now)
    if (E.isLeft(v)) return v
    const [b0, n] = v.right
    const r = timeoutBody(b0, n)
    if (r.status === 'submitted') return E.right(finish(paper, b0, r, r0))
    if (r.status === 'discarded') return fail('discarded', ['status'], text('an open round', '进行中的答题'), 'discarded')
    return E.right(reseal(paper, { ...r, status: 'submitted', endedAt: n, endedBy: 'member' }))
  }

/**
 * Grade an essay (or any question) by hand, with a score from 0 to the
 * question's points on the server's paper (a number or an exact rational);
 * only after submission.
 *
 * @category transitions
 * @example
 * gradeManual(paper, essayHandle, 8, now)(submitted) // => right(round with 8 of 10 points on the essay)
 */
export const gradeManual =
  (paper: Paper, handle: string, score: number | Rational, now: number) =>
  (r0: Round): E.Either<RoundError, Round> => {
    const v = enter(paper, r0, now)
    if (E.isLeft(v)) return v
    const [r, n] = v.right
    if (r.status !== 'submitted') return fail('not-submitted', ['status'], text('a submitted round', '已交卷的答题'), r.status)
    const fi = findQuestion(paper, handle)
    if (E.isLeft(fi)) return fi
    const pq = paper.questions[fi.right] as PaperQuestion
    if (pq.question.type !== 'essay') return fail('not-manual', ['question'], text('a question graded by hand (essay)', '人工评分题（主观题）'), pq.question.type)
    const s: Rational = typeof score === 'number' ? (Number.isFinite(score) ? fromNumberExact(score) : { n: Number.NaN, d: 1 }) : score
    const x = s.n / s.d
    if (!Number.isFinite(x) || x < 0 || x > pq.points || !Number.isSafeInteger(s.n) || !Number.isSafeInteger(s.d) || s.d <= 0) {
      return fail('bad-score', ['score'], text(`a score from 0 to ${pq.points}`, `0 到 ${pq.points} 之间的分数`), typeof score === 'number' ? score : `${score.n}/${score.d}`)
    }
    const f = div(s, fromInt(pq.points))
    return E.right(reseal(paper, withSlot(r, fi.right, (slot) => ({ ...slot, manual: f, gradedAt: n }))))
  }

/**
 * Check a round against the server's paper (its seal and paper id) and give back the round (this
 * library's own frozen round as it is, any other as a frozen canonical copy), or why not.
 * The results, feedback and stored-round decoding use it; hosts can too.
 *
 * @category utilities
 * @example
 * E.isRight(verifyRound(paper)(round)) // => true
 */
export const verifyRound =
  (paper: Paper) =>
  (r: unknown): E.Either<RoundError, Round> =>
    verify(paper, r)

// A decimal score as an exact rational (a grader's 7.5 is 15/2).
const fromNumberExact = (x: number): Rational => {
  if (Number.isInteger(x)) return fromInt(x)
  const m = /^(-?)(\d+)\.(\d+)$/.exec(String(x))
  if (m === null) return { n: Number.NaN, d: 1 }
  const dd = 10 ** (m[3] ?? '').length
  const n = Number(m[2]) * dd + Number(m[3])
  return div(fromInt(m[1] === '-' ? -n : n), fromInt(dd))
}
