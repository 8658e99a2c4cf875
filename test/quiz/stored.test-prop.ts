// Laws of stored rounds: any round the transitions make decodes back to itself (and goes on behaving the
// same), and no corruption of a stored round throws or decodes silently.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { decodeRound, roundResult, submit, type Round } from '../../src/quiz/internal.js'
import { play, roundArb } from './played.js'

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
