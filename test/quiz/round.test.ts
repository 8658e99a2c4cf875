import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import {
  attemptsScore,
  fixedPaper,
  keyAnswer,
  startRound,
  type Limits,
  type Paper,
  type Mode,
  type PaperQuestion,
  type QuizResponse,
  type Round,
  type RoundResult
} from '../../src/quiz/internal.js'
import * as Q from '../../src/quiz/internal.js'
import { QUESTIONS, SECRET } from './fixtures.js'

const T0 = Date.UTC(2021, 6, 1, 0, 0, 0)
const byId = (id: string) => QUESTIONS.find((q) => q.id === id)!
const paper = (ids: ReadonlyArray<string>) => fixedPaper(ids.map(byId), { secret: SECRET, seed: 'seed', blueprint: 'fixed', paperId: 'p1', shuffleOptions: false })
const ok = <A>(r: E.Either<unknown, A>): A => {
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
  return r.right
}
// These examples name questions by bank id; the server maps them to the paper's handles (what a client sends).
let P: Paper = paper([])
const h = (id: string): string => P.questions.find((pq) => pq.question.id === id)?.handle ?? id
const start = (mode: Mode, ids: ReadonlyArray<string>, limits?: Limits): Round => {
  P = paper(ids)
  return ok(startRound({ id: 'r1', quiz: 'weekly-26', member: 'm-001', mode, paper: P, now: T0, ...(limits === undefined ? {} : { limits }) }))
}
const answer = (id: string, resp: QuizResponse, now: number) => Q.answer(P, h(id), resp, now)
const openQuestion = (id: string, now: number) => Q.openQuestion(P, h(id), now)
const submit = (now: number) => Q.submit(P, now)
const applyTimeout = (now: number) => (r: Round) => ok(Q.applyTimeout(P, now)(r))
const gradeManual = (id: string, score: number, now: number) => Q.gradeManual(P, h(id), score, now)
const roundResult = (r: Round) => Q.roundResult(P)(r)
const questionFeedback = (r: Round, id: string) => Q.questionFeedback(P, h(id))(r)
const reason = (r: E.Either<{ readonly reason: string }, unknown>): string | undefined => (E.isLeft(r) ? r.left.reason : undefined)
// Right answers in this fixed, unshuffled paper.
const RIGHT: Readonly<Record<string, QuizResponse>> = {
  q1: { type: 'single', choice: 'B' },
  q2: { type: 'judge', value: true },
  q3: { type: 'multiple', choices: ['A', 'B'] },
  q4: { type: 'blank', values: ['三中'] },
  q6: { type: 'judge', value: true },
  q8: { type: 'numerical', value: 1949 }
}

describe('exam rounds', () => {
  it('answer, change an answer, submit once; the result and its ledger event', () => {
    let r = start('exam', ['q1', 'q2', 'q3'], { roundMs: 600_000, onTimeout: 'submit' })
    r = ok(answer('q1', { type: 'single', choice: 'A' }, T0 + 1000)(r))
    r = ok(answer('q1', RIGHT['q1']!, T0 + 2000)(r))
    r = ok(answer('q3', { type: 'multiple', choices: ['A'] }, T0 + 3000)(r))
    expect(r.slots[0]).toMatchObject({ answers: 2, answeredAt: T0 + 2000 })
    expect(reason(questionFeedback(r, 'q1'))).toBe('not-submitted')
    r = ok(submit(T0 + 60_000)(r))
    const again = ok(submit(T0 + 90_000)(r))
    expect(again).toEqual(r)
    expect(reason(answer('q2', RIGHT['q2']!, T0 + 61_000)(r))).toBe('after-submission')
    const res = roundResult(r)
    if (E.isLeft(res)) throw new Error('no result')
    expect(res.right).toMatchObject({ score: { n: 3, d: 1 }, maxScore: 6, correct: 1, total: 3, accuracy: { n: 1, d: 3 }, durationMs: 60_000, final: true })
    expect(res.right.questions.map((g) => g.status)).toEqual(['correct', 'unanswered', 'partial'])
    expect(res.right.events).toEqual([
      {
        id: 'quiz.completed:r1',
        type: 'quiz.completed',
        member: 'm-001',
        at: T0 + 60_000,
        attrs: { quiz: 'weekly-26', round: 'r1', score: 3, maxScore: 6, correct: 1, total: 3, accuracy: 1 / 3, mode: 'exam', kind: 'exam' }
      }
    ])
    expect(roundResult(again)).toEqual(res)
  })
  it('refuses unknown questions, unknown labels and answers of the wrong type', () => {
    const r = start('exam', ['q1', 'q2'])
    expect(reason(answer('q9', RIGHT['q2']!, T0)(r))).toBe('unknown-question')
    expect(reason(answer('q1', { type: 'single', choice: 'Z' }, T0)(r))).toBe('invalid-answer')
    expect(reason(answer('q1', { type: 'judge', value: true }, T0)(r))).toBe('invalid-answer')
    const bad = answer('q1', { type: 'single', choice: 'Z' }, T0)(r)
    expect(E.isLeft(bad) && bad.left.expected.en).toBe('one of the labels A, B, C')
  })
  it('does not change the round it is given', () => {
    const r = start('exam', ['q1'])
    const copy = JSON.parse(JSON.stringify(r))
    ok(answer('q1', RIGHT['q1']!, T0)(r))
    expect(r).toEqual(copy)
  })
})

describe('time limits and onTimeout', () => {
  const limits = (onTimeout: Limits['onTimeout']): Limits => ({ roundMs: 10_000, onTimeout, graceMs: 5_000 })
  it('submit: the attempt is submitted at the deadline; later answers are refused', () => {
    let r = start('exam', ['q1', 'q2'], limits('submit'))
    r = ok(answer('q1', RIGHT['q1']!, T0 + 10_000)(r))
    expect(reason(answer('q2', RIGHT['q2']!, T0 + 10_001)(r))).toBe('after-deadline')
    const s = ok(submit(T0 + 99_000)(r))
    expect([s.status, s.endedAt, s.endedBy]).toEqual(['submitted', T0 + 10_000, 'deadline'])
    expect(applyTimeout(T0 + 10_001)(r)).toEqual(s)
  })
  it('grace: no more answers, but submitting is allowed until the grace ends; then the attempt is discarded', () => {
    const r = ok(answer('q1', RIGHT['q1']!, T0)(start('exam', ['q1', 'q2'], limits('grace'))))
    expect(reason(answer('q2', RIGHT['q2']!, T0 + 12_000)(r))).toBe('after-deadline')
    expect(ok(submit(T0 + 15_000)(r))).toMatchObject({ status: 'submitted', endedAt: T0 + 15_000, endedBy: 'member' })
    expect(reason(submit(T0 + 15_001)(r))).toBe('discarded')
    expect(applyTimeout(T0 + 15_001)(r)).toMatchObject({ status: 'discarded', endedBy: 'grace-over' })
  })
  it('discard: the attempt is discarded at the deadline', () => {
    const r = start('exam', ['q1'], limits('discard'))
    expect(applyTimeout(T0 + 10_001)(r)).toMatchObject({ status: 'discarded', endedAt: T0 + 10_000 })
    expect(reason(submit(T0 + 10_001)(r))).toBe('discarded')
    expect(reason(roundResult(applyTimeout(T0 + 10_001)(r)))).toBe('not-submitted')
  })
  it('per-question limits run from when the question is opened', () => {
    let r = start('exam', ['q1', 'q2'], { questionMs: 20_000, onTimeout: 'submit' })
    expect(reason(answer('q1', RIGHT['q1']!, T0)(r))).toBe('not-opened')
    r = ok(openQuestion('q1', T0 + 1000)(r))
    r = ok(openQuestion('q1', T0 + 9000)(r))
    expect(r.slots[0]?.openedAt).toBe(T0 + 1000)
    expect(E.isRight(answer('q1', RIGHT['q1']!, T0 + 21_000)(r))).toBe(true)
    expect(reason(answer('q1', RIGHT['q1']!, T0 + 21_001)(r))).toBe('question-time-up')
  })
})

describe('practice, challenge and daily modes', () => {
  it('practice: immediate feedback; an answered question is locked', () => {
    let r = start('practice', ['q1', 'q2'])
    r = ok(answer('q1', { type: 'single', choice: 'C' }, T0)(r))
    const fb = questionFeedback(r, 'q1')
    expect(E.isRight(fb) && fb.right).toMatchObject({ graded: { status: 'wrong' }, key: { type: 'single', choice: 'B' }, explanation: '1921 年 7 月。' })
    expect(reason(answer('q1', RIGHT['q1']!, T0 + 1)(r))).toBe('locked')
    expect(reason(questionFeedback(r, 'q2'))).toBe('not-submitted')
  })
  it('challenge: in order, and the first wrong answer ends the round', () => {
    let r = start('challenge', ['q1', 'q2', 'q6'])
    expect(reason(answer('q2', RIGHT['q2']!, T0)(r))).toBe('out-of-order')
    r = ok(answer('q1', RIGHT['q1']!, T0 + 1000)(r))
    r = ok(answer('q2', { type: 'judge', value: false }, T0 + 2000)(r))
    expect([r.status, r.endedBy, r.endedAt]).toEqual(['submitted', 'wrong-answer', T0 + 2000])
    const res = roundResult(r)
    expect(E.isRight(res) && [res.right.correct, res.right.total]).toEqual([1, 3])
    let all = start('challenge', ['q1', 'q2'])
    all = ok(answer('q1', RIGHT['q1']!, T0)(all))
    all = ok(answer('q2', RIGHT['q2']!, T0 + 1)(all))
    expect([all.status, all.endedBy]).toEqual(['submitted', 'completed'])
  })
  it('daily: runs like an exam (answers may change until submit)', () => {
    let r = start('daily', ['q2', 'q6'])
    r = ok(answer('q2', { type: 'judge', value: false }, T0)(r))
    r = ok(answer('q2', RIGHT['q2']!, T0 + 1)(r))
    expect(r.slots[0]?.answers).toBe(2)
  })
})

describe('manual grading', () => {
  it('an essay keeps the result pending (no event) until graded, then counts exactly', () => {
    let r = start('exam', ['q2', 'q5'])
    r = ok(answer('q2', RIGHT['q2']!, T0)(r))
    r = ok(answer('q5', { type: 'essay', text: '学史明理、学史增信。' }, T0 + 1)(r))
    expect(reason(gradeManual('q5', 7, T0 + 2)(r))).toBe('not-submitted')
    r = ok(submit(T0 + 10)(r))
    const pending = roundResult(r)
    expect(E.isRight(pending) && [pending.right.final, pending.right.events.length]).toEqual([false, 0])
    expect(reason(gradeManual('q2', 1, T0 + 20)(r))).toBe('not-manual')
    expect(reason(gradeManual('q5', 11, T0 + 20)(r))).toBe('bad-score')
    expect(reason(gradeManual('q5', -1, T0 + 20)(r))).toBe('bad-score')
    r = ok(gradeManual('q5', 7.5, T0 + 20)(r))
    const done = roundResult(r)
    if (E.isLeft(done)) throw new Error('no result')
    expect(done.right).toMatchObject({ final: true, score: { n: 19, d: 2 }, maxScore: 12, correct: 1 })
    expect(done.right.events[0]?.attrs.score).toBe(9.5)
  })
})

describe('attempts', () => {
  const res = (n: number, d: number, at: number): RoundResult => ({ score: { n, d }, submittedAt: at, final: true }) as unknown as RoundResult
  const rs = [res(6, 1, 300), res(9, 1, 100), res(15, 2, 200)]
  it('grade by highest, average, first or last', () => {
    expect(attemptsScore('highest')(rs)).toEqual({ n: 9, d: 1 })
    expect(attemptsScore('average')(rs)).toEqual({ n: 15, d: 2 })
    expect(attemptsScore('first')(rs)).toEqual({ n: 9, d: 1 })
    expect(attemptsScore('last')(rs)).toEqual({ n: 6, d: 1 })
    expect(attemptsScore('highest')([])).toEqual({ n: 0, d: 1 })
    expect(attemptsScore('highest')([...rs, { ...res(100, 1, 400), final: false }])).toEqual({ n: 9, d: 1 })
  })
})

describe('key answers in public labels', () => {
  it('follow the display order', () => {
    const pq: PaperQuestion = { handle: 'q-a', question: byId('q1'), points: 2, section: 's', order: [2, 1, 0] }
    expect(keyAnswer(pq)).toEqual({ type: 'single', choice: 'B' })
    const pq3: PaperQuestion = { handle: 'q-b', question: byId('q3'), points: 2, section: 's', order: [1, 2, 0] }
    expect(keyAnswer(pq3)).toEqual({ type: 'multiple', choices: ['A', 'C'] })
    expect(pipe(pq3, keyAnswer).type).toBe('multiple')
  })
})

describe('responses from untyped clients', () => {
  it('refuses a malformed response as invalid-answer instead of failing later in grading (found by the park demo)', () => {
    const round = start('exam', ['q4'])
    const r = answer('q4', { type: 'blank', values: [['三中']] } as never, T0 + 1000)(round)
    expect(E.isLeft(r) && r.left.reason).toBe('invalid-answer')
    expect(E.isLeft(r) && r.left.at).toEqual({ _tag: 'JsonPath', segments: ['response', 'values', 0] })
    const s = answer('q4', { type: 'blank' } as never, T0 + 1000)(round)
    expect(E.isLeft(s) && s.left.reason).toBe('invalid-answer')
    expect(E.isRight(answer('q4', { type: 'blank', values: ['三中'] }, T0 + 1000)(round))).toBe(true)
  })
})

describe('sealed rounds', () => {
  it('are deeply frozen, and the same round read back from JSON verifies and moves on alike', () => {
    const r0 = start('exam', ['q1', 'q2'])
    const r = ok(answer('q1', RIGHT['q1'] as QuizResponse, T0 + 1000)(r0))
    expect(Object.isFrozen(r) && Object.isFrozen(r.slots) && r.slots.every((s) => Object.isFrozen(s))).toBe(true)
    const copy = JSON.parse(JSON.stringify(r)) as Round
    expect(Q.isSealed(P, copy)).toBe(true)
    // The identity fast path (this library's own frozen round) and the HMAC path give the same next round.
    expect(JSON.stringify(ok(submit(T0 + 2000)(copy)))).toBe(JSON.stringify(ok(submit(T0 + 2000)(r))))
  })
  it('a __proto__ key in a stored round is tampering, not a prototype', () => {
    const r = start('exam', ['q1', 'q2'])
    const withProto = JSON.parse(JSON.stringify(r).replace('{', '{"__proto__":{"status":"submitted"},')) as Round
    expect(Object.keys(withProto)).toContain('__proto__')
    expect(Q.isSealed(P, withProto)).toBe(false)
    expect(reason(submit(T0 + 1000)(withProto))).toBe('tampered')
  })
})
