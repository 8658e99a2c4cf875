// Laws of stored rounds: any round the transitions make decodes back to itself (and goes on behaving the
// same), and no corruption of a stored round throws or decodes silently.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { assemble, decodeRound, gradeManual, indexQuestionBank, roundResult, startRound, submit, type Blueprint, type Paper, type Round } from '../../src/quiz/internal.js'
import { SECRET } from './fixtures.js'
import { bankArb } from './arbitraries.js'
import { bankResponseArb, playSteps } from './reference.js'

const roundArb = bankArb(1, 8).chain((qs) =>
  fc.tuple(
    fc.constant(qs),
    fc.constantFrom('exam', 'practice', 'challenge', 'daily'),
    fc.array(fc.tuple(fc.nat(qs.length - 1), fc.integer({ min: 0, max: 1000 })), { maxLength: 12 }),
    fc.tuple(...qs.map((q) => bankResponseArb(q))),
    fc.boolean(),
    fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 8 })
  )
)

type PlayInput = typeof roundArb extends fc.Arbitrary<infer A> ? A : never

// A round after random answers, maybe submitted (essays then graded by hand), with its server paper.
const play = ([qs, mode, steps, responses, finish, seed]: PlayInput): { readonly paper: Paper; readonly round: Round } => {
  const bp = { id: 'bp', sections: [{ id: 's', count: qs.length }] } as unknown as Blueprint
  const assembled = assemble(indexQuestionBank(qs), bp, { secret: SECRET, seed })
  if (E.isLeft(assembled)) throw new Error('assembly failed')
  const paper = assembled.right
  const start = startRound({ id: 'r', quiz: 'quiz', member: 'm', mode: mode as Round['mode'], paper, now: 0, limits: { roundMs: 5000, onTimeout: 'submit' } })
  if (E.isLeft(start)) throw new Error('start refused')
  const played = playSteps(paper, start.right, steps, responses)
  let round = played.round
  const now = played.now
  if (!finish) return { paper, round }
  const done = submit(paper, now + 1)(round)
  if (E.isLeft(done)) return { paper, round }
  round = done.right
  for (const pq of paper.questions) {
    if (pq.question.type !== 'essay') continue
    const g = gradeManual(paper, pq.handle, pq.points, now + 2)(round)
    if (E.isRight(g)) round = g.right
  }
  return { paper, round }
}

describe('stored rounds', () => {
  it('decode back to themselves after any transitions, and go on behaving the same', () => {
    fc.assert(
      fc.property(roundArb, (input) => {
        const { paper, round } = play(input)
        const back = decodeRound(paper)(JSON.parse(JSON.stringify(round)))
        expect(back).toEqual(E.right(round))
        if (E.isRight(back)) {
          expect(JSON.stringify(submit(paper, 9_000)(back.right))).toBe(JSON.stringify(submit(paper, 9_000)(round)))
          const sub = submit(paper, 9_000)(round)
          expect(E.isRight(sub)).toBe(true)
          if (E.isRight(sub)) expect(roundResult(paper)(sub.right)).toEqual(roundResult(paper)((submit(paper, 9_000)(back.right) as E.Right<Round>).right))
        }
      }),
      { numRuns: 150 }
    )
  })

  it('a stored round with one field replaced by another JSON value is refused with problems or decodes to that value, and never throws', () => {
    const fields = ['version', 'id', 'quiz', 'member', 'mode', 'paper', 'limits', 'status', 'startedAt', 'slots', 'endedAt', 'endedBy', 'kind', 'step', 'seal']
    fc.assert(
      fc.property(roundArb, fc.constantFrom(...fields), fc.jsonValue({ maxDepth: 2 }), (input, field, value) => {
        const { paper, round } = play(input)
        const stored = JSON.parse(JSON.stringify(round)) as Record<string, unknown>
        const edited = { ...stored, [field]: value }
        const r = decodeRound(paper)(edited)
        if (E.isLeft(r)) {
          expect(r.left.length).toBeGreaterThan(0)
          for (const p of r.left) expect(p.at._tag).toBe('JsonPath')
        } else {
          // Accepted: then it is exactly the edited data (nothing dropped, nothing invented), and since the
          // seal covers every field, the edit changed nothing.
          expect(JSON.parse(JSON.stringify(r.right))).toEqual(JSON.parse(JSON.stringify(edited)))
          expect(JSON.parse(JSON.stringify(r.right))).toEqual(stored)
        }
      }),
      { numRuns: 300 }
    )
  })
})
