// Laws of stored rounds: any round the transitions make decodes back to itself (and goes on behaving the
// same), and no corruption of a stored round throws or decodes silently.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { assemble, decodeRound, gradeManual, indexBank, roundResult, startRound, submit, type Blueprint, type Round } from '../../src/quiz/index.js'
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

// A round after random answers, maybe submitted (essays then graded by hand).
const play = ([qs, mode, steps, responses, finish, seed]: PlayInput): Round => {
  const bp = { id: 'bp', sections: [{ id: 's', count: qs.length }] } as unknown as Blueprint
  const paper = assemble(indexBank(qs), bp, { seed })
  if (E.isLeft(paper)) throw new Error('assembly failed')
  const played = playSteps(
    startRound({ id: 'r', quiz: 'quiz', member: 'm', mode: mode as Round['mode'], paper: paper.right, now: 0, limits: { roundMs: 5000, expiry: 'submit' } }),
    steps,
    responses
  )
  let round = played.round
  const now = played.now
  if (!finish) return round
  const done = submit(now + 1)(round)
  if (E.isLeft(done)) return round
  round = done.right
  for (const pq of round.paper.questions) {
    if (pq.question.type !== 'essay') continue
    const g = gradeManual(pq.question.id, pq.points, now + 2)(round)
    if (E.isRight(g)) round = g.right
  }
  return round
}

describe('stored rounds', () => {
  it('decode back to themselves after any transitions, and go on behaving the same', () => {
    fc.assert(
      fc.property(roundArb, (input) => {
        const round = play(input)
        const back = decodeRound(JSON.parse(JSON.stringify(round)))
        expect(back).toEqual(E.right(round))
        if (E.isRight(back)) {
          expect(JSON.stringify(submit(9_000)(back.right))).toBe(JSON.stringify(submit(9_000)(round)))
          const sub = submit(9_000)(round)
          if (E.isRight(sub)) expect(roundResult(sub.right)).toEqual(roundResult((submit(9_000)(back.right) as E.Right<Round>).right))
        }
      }),
      { numRuns: 150 }
    )
  })

  it('a stored round with one field replaced by another JSON value is refused with problems or decodes to that value, and never throws', () => {
    const fields = ['version', 'id', 'quiz', 'member', 'mode', 'paper', 'limits', 'status', 'startedAt', 'slots', 'endedAt', 'endedBy', 'kind']
    fc.assert(
      fc.property(roundArb, fc.constantFrom(...fields), fc.jsonValue({ maxDepth: 2 }), (input, field, value) => {
        const stored = JSON.parse(JSON.stringify(play(input))) as Record<string, unknown>
        const edited = { ...stored, [field]: value }
        const r = decodeRound(edited)
        if (E.isLeft(r)) {
          expect(r.left.length).toBeGreaterThan(0)
          for (const p of r.left) expect(p.at._tag).toBe('JsonPath')
        } else {
          // Accepted: then it is exactly the edited data (nothing dropped, nothing invented).
          expect(JSON.parse(JSON.stringify(r.right))).toEqual(JSON.parse(JSON.stringify(edited)))
        }
      }),
      { numRuns: 300 }
    )
  })
})
