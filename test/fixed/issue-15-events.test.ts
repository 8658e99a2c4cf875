// Issue #15: the quiz's quiz.completed event goes into the ledger as it comes, a round whose ids could
// not name that event is refused at the start, and every failure renders with one function.
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { renderProblem, renderProblems } from '../../src/core/index.js'
import { assemble, decodeBlueprint, roundResult, startRound, submit, answer, keyAnswer } from '../../src/quiz/index.js'
import { compileRuleSetOrThrow, dailyStudy } from '../../src/rules/index.js'
import { balanceOf, foldLedger } from '../../src/ledger/index.js'
import { BANK, SECRET } from '../quiz/fixtures.js'

const T0 = Date.parse('2021-07-01T12:00:00+08:00')
const ok = <A>(r: E.Either<unknown, A>): A => {
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
  return r.right
}

describe('issue #15: one event, one error shape', () => {
  const blueprint = ok(decodeBlueprint({ id: 'daily', sections: [{ id: 'judge', count: 2, types: ['judge'] }] }))
  const paper = ok(assemble(BANK, blueprint, { secret: SECRET, seed: 'issue-15' }))

  it("a round's quiz.completed event is folded by the daily-study rules as it comes", () => {
    let round = ok(startRound({ id: 'r-1', quiz: 'daily-0701', kind: 'daily', member: 'm-001', mode: 'exam', paper, now: T0 }))
    for (const pq of paper.questions) {
      const key = keyAnswer(pq)
      if (key.type === 'judge') round = ok(answer(paper, pq.handle, { type: 'judge', value: key.value }, T0 + 1000)(round))
    }
    const events = ok(roundResult(paper)(ok(submit(paper, T0 + 5000)(round)))).events
    expect(events).toHaveLength(1)
    const book = foldLedger(compileRuleSetOrThrow(dailyStudy()))(events)
    expect(balanceOf(book, 'm-001', 'study')).toEqual(E.right(2))
    expect(book.subjects.get('m-001')?.entries.map((e) => e.rule)).toEqual(['daily-quiz'])
  })

  it('refuses a round whose id, quiz or member is not an id, at its path (bad-id)', () => {
    const base = { id: 'r-1', quiz: 'q', member: 'm-001', mode: 'exam' as const, paper, now: T0 }
    for (const [key, value] of [['id', 'x'.repeat(190)], ['member', ''], ['quiz', 'a\u0000b'], ['id', 7]] as const) {
      const r = startRound({ ...base, [key]: value } as typeof base)
      expect(E.isLeft(r) && r.left.reason, key).toBe('bad-id')
      expect(E.isLeft(r) && renderProblem(r.left), key).toMatch(new RegExp(`^\\$\\.${key}: expected`))
    }
  })

  it('a shortfall and a refused transition render as problems, with the same functions as any list', () => {
    const short = assemble(BANK, ok(decodeBlueprint({ id: 'big', sections: [{ id: 'all', count: 99 }] })), { secret: SECRET, seed: 's' })
    expect(E.isLeft(short) && renderProblems(short.left)).toMatch(/^\$\.sections\[0\]\.count: expected 99 questions/)
    const late = submit(paper, T0 - 1)(ok(startRound({ id: 'r-2', quiz: 'q', member: 'm-001', mode: 'exam', paper, now: T0 })))
    expect(E.isLeft(late) && renderProblems([late.left])).toMatch(/^\$\.now: expected/)
  })
})
