// Rounds read back from a host's store: `decodeRound` gives the round back, or every problem at its path.
import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { renderProblem, type Problem } from '../../src/core/internal.js'
import { answer, decodePaper, decodeRound, decodeRoundJson, fixedPaper, gradeManual, roundResult, startRound, submit, type Round } from '../../src/quiz/internal.js'
import { QUESTIONS, SECRET } from './fixtures.js'

const T0 = Date.UTC(2021, 6, 1, 0, 0, 0)
const byId = (id: string) => QUESTIONS.find((q) => q.id === id)!
const ok = <A>(r: E.Either<unknown, A>): A => {
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
  return r.right
}
const paper = fixedPaper(['q1', 'q3', 'q5'].map(byId), { secret: SECRET, seed: 'seed', paperId: 'p1', shuffleOptions: false })
const h = (id: string): string => paper.questions.find((pq) => pq.question.id === id)?.handle ?? id
const open = ok(answer(paper, h('q1'), { type: 'single', choice: 'B' }, T0 + 1000)(ok(startRound({ id: 'r1', quiz: 'weekly-26', member: 'm-001', mode: 'exam', paper, now: T0 }))))
const stored = (r: unknown): Record<string, unknown> => JSON.parse(JSON.stringify(r)) as Record<string, unknown>
const problems = (u: unknown): ReadonlyArray<Problem> => {
  const r = decodeRound(paper)(u)
  if (E.isRight(r)) throw new Error('expected problems')
  return r.left
}
const where = (ps: ReadonlyArray<Problem>): ReadonlyArray<string> => ps.map((p) => renderProblem(p).split(':')[0] as string)

describe('decodeRound', () => {
  it('gives a stored round back, and the decoded round carries on exactly as the original', () => {
    const back = ok(decodeRound(paper)(stored(open)))
    expect(back).toEqual(open)
    const finish = (r: Round) =>
      ok(gradeManual(paper, h('q5'), 7, T0 + 9000)(ok(submit(paper, T0 + 5000)(ok(answer(paper, h('q3'), { type: 'multiple', choices: ['A'] }, T0 + 2000)(r))))))
    expect(roundResult(paper)(finish(back))).toEqual(roundResult(paper)(finish(open)))
    const done = finish(open)
    expect(ok(decodeRound(paper)(stored(done)))).toEqual(done)
  })

  it('reads JSON text, with a syntax error at line:column', () => {
    expect(ok(decodeRoundJson(paper, JSON.stringify(open)))).toEqual(open)
    const r = decodeRoundJson(paper, '{\n  "version": 1,\n  "id": }', 'round.json')
    expect(E.isLeft(r) && renderProblem(r.left[0] as Problem)).toMatch(/^round\.json:3:/)
  })

  it('reports every shape problem at its path (unknown keys, wrong enums, bad numbers)', () => {
    const s = stored(open)
    const ps = problems({ ...s, version: 3, mode: 'quiz', extra: true, startedAt: 1.5, limits: { onTimeout: 'later' } })
    expect(where(ps)).toEqual(expect.arrayContaining(['$.version', '$.mode', '$.extra', '$.startedAt', '$.limits.onTimeout']))
  })

  it('checks a stored paper: each question as a bank question, option orders as permutations, handles distinct', () => {
    const s = stored(paper) as { questions: Array<Record<string, unknown>> }
    expect(ok(decodePaper(s))).toEqual(paper)
    const qs = s.questions
    const bad = {
      ...s,
      questions: [{ ...qs[0], order: [0, 0, 1] }, { ...qs[1], question: { ...(qs[1]?.['question'] as object), answer: ['z'] } }, { ...qs[2], handle: qs[0]?.['handle'] }]
    }
    const r = decodePaper(bad)
    if (E.isRight(r)) throw new Error('expected problems')
    expect(where(r.left)).toContain('$.questions[0].order')
    expect(where(r.left).some((w) => w.startsWith('$.questions[1].question'))).toBe(true)
    expect(where(r.left)).toContain('$.questions[2].handle')
  })

  it('refuses a round edited anywhere (its seal), on another paper, or with the seal of another round', () => {
    const s = stored(open)
    expect(where(problems({ ...s, startedAt: T0 - 60_000 }))).toEqual(['$.seal'])
    expect(where(problems({ ...s, limits: { onTimeout: 'submit' }, step: 9 }))).toEqual(['$.seal'])
    const other = ok(startRound({ id: 'r2', quiz: 'weekly-26', member: 'm-001', mode: 'exam', paper, now: T0 }))
    expect(where(problems({ ...s, seal: other.seal }))).toEqual(['$.seal'])
    expect(where(problems({ ...s, paper: 'p2' }))).toEqual(['$.paper'])
  })

  it('needs one slot per question, answers matching responses, and responses that fit their question', () => {
    const s = stored(open) as { slots: Array<Record<string, unknown>> }
    expect(where(problems({ ...s, slots: s.slots.slice(1) }))).toContain('$.slots')
    const slots = [{ answers: 0, response: { type: 'single', choice: 'B' } }, { answers: 1 }, { answers: 0, response: { type: 'essay', text: 'x' } }]
    const ps = problems({ ...s, slots })
    expect(where(ps)).toEqual(expect.arrayContaining(['$.slots[0].answers', '$.slots[1].answers']))
    const wrongLabel = [{ answers: 1, response: { type: 'single', choice: 'Z' } }, { answers: 0 }, { answers: 0 }]
    expect(where(problems({ ...s, slots: wrongLabel }))).toContain('$.slots[0].response.choice')
    const manual = [{ answers: 0 }, { answers: 0 }, { answers: 0, manual: { n: 3, d: 2 } }]
    expect(where(problems({ ...s, slots: manual }))).toContain('$.slots[2].manual')
  })

  it('needs end fields that match the status', () => {
    const s = stored(open)
    expect(where(problems({ ...s, endedAt: T0 + 5, endedBy: 'member' }))).toEqual(['$.endedAt', '$.endedBy'])
    expect(where(problems({ ...s, status: 'submitted' }))).toEqual(['$.endedAt', '$.endedBy'])
    expect(where(problems({ ...s, status: 'submitted', endedAt: T0 - 1, endedBy: 'member' }))).toEqual(['$.endedAt'])
  })

  it('never throws on hostile input', () => {
    for (const u of [null, 7, 'round', [], { __proto__: null }, JSON.parse('{"__proto__": {"x": 1}}')]) expect(E.isLeft(decodeRound(paper)(u))).toBe(true)
  })
})
