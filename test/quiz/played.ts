// Rounds after random transitions, with their server papers: what the stored-round properties start from.
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { assemble, gradeManual, indexQuestionBank, startRound, submit, type Blueprint, type Paper, type Round } from '../../src/quiz/internal.js'
import { SECRET } from './fixtures.js'
import { bankArb } from './arbitraries.js'
import { bankResponseArb, playSteps } from './reference.js'

export const roundArb = bankArb(1, 8).chain((qs) =>
  fc.tuple(
    fc.constant(qs),
    fc.constantFrom('exam', 'practice', 'challenge', 'daily'),
    fc.array(fc.tuple(fc.nat(qs.length - 1), fc.integer({ min: 0, max: 1000 })), { maxLength: 12 }),
    fc.tuple(...qs.map((q) => bankResponseArb(q))),
    fc.boolean(),
    fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 8 })
  )
)

export type PlayInput = typeof roundArb extends fc.Arbitrary<infer A> ? A : never

// A round after random answers, maybe submitted (essays then graded by hand), with its server paper.
export const play = ([qs, mode, steps, responses, finish, seed]: PlayInput): { readonly paper: Paper; readonly round: Round } => {
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

