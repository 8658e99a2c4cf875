// Issue #13, fixed regressions: each case below is one way the quiz key reached the client (or a score was
// wrong) before the fix, replayed with the package's public API as the client would. The properties in
// test/quiz/attacker.test-prop.ts cover the same ground on random banks; these stay as named examples.
import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import {
  answer,
  assemble,
  decodeBlueprint,
  deriveSeed,
  fixedPaper,
  gradeQuestion,
  importGift,
  indexQuestionBank,
  isSealed,
  paperKeys,
  publicPaper,
  rngFromParts,
  roundResult,
  shuffle,
  startRound,
  submit,
  type Paper,
  type Question,
  type Round
} from '../../src/internal.js'

const ok = <A>(r: E.Either<unknown, A>): A => {
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
  return r.right
}
const SECRET = 'issue-13-server-secret-0123456789'
const T0 = Date.UTC(2021, 6, 1, 1, 0, 0)

// Eight questions, each with its right answer first, as GIFT authors write them.
const GIFT = Array.from({ length: 8 }, (_, i) => `第 ${i + 1} 题：中共一大在哪一年召开？{=1921 ~1919 ~1927 ~1949}`).join('\n\n')
const bank = indexQuestionBank(importGift(GIFT).questions)
const blueprint = ok(decodeBlueprint({ id: 'weekly', sections: [{ id: 's', count: 8, types: ['single'], order: 'bank' }] }))

// What the client can compute: the bank id of a shown question (re-importing its stem, as the importer's
// ids are public knowledge), and the display order the old code derived from a seed and that id.
const clientBankId = (stem: string): string => importGift(`${stem}{=x ~y}`).questions[0]?.id ?? ''
const recomputedOrder = (seed: string, id: string): ReadonlyArray<number> => shuffle(rngFromParts(seed, 'options', id), [0, 1, 2, 3])

describe('issue #13: the paper the issue attacked', () => {
  const seed = deriveSeed('park-2021', 'm-001', 'round-7')
  const paper = ok(assemble(bank, blueprint, { secret: SECRET, seed }))
  const pub = publicPaper(paper)
  const json = JSON.stringify(pub)

  it('names the paper by a handle, not by the seed or any part of it', () => {
    expect(pub.id).not.toBe(seed)
    expect(pub.id).toMatch(/^p-[0-9a-f]{24}$/)
    for (const part of ['park-2021', 'm-001', 'round-7', seed]) expect(json).not.toContain(part)
    for (const pq of paper.questions) expect(json).not.toContain(pq.question.id)
  })

  it('recomputing the display order from public data no longer finds the key 8 times out of 8', () => {
    // The control: with the server's key the same recomputation finds every order, so the attack is sound.
    const serverKey = paperKeys(SECRET, seed).random
    const orders = paper.questions.map((pq) => pq.order)
    expect(paper.questions.map((pq) => recomputedOrder(serverKey, pq.question.id))).toEqual(orders)
    // The client does know each question's bank id (the importer's ids are computable from the stem).
    expect(pub.questions.map((q) => clientBankId(typeof q.stem === 'string' ? q.stem : q.stem.text))).toEqual(paper.questions.map((pq) => pq.question.id))
    // The client's best guesses: the paper id, the seed it used to see, each question's handle.
    for (const guess of [pub.id, seed, ...pub.questions.map((q) => q.id)]) {
      const hits = pub.questions.filter((q, i) => {
        const order = recomputedOrder(guess, clientBankId(typeof q.stem === 'string' ? q.stem : q.stem.text))
        return order.indexOf(0) === paper.questions[i]?.order.indexOf(0)
      }).length
      expect(hits).toBeLessThan(8)
    }
  })

  it('a round seed such as "o0" (found by the property) appears nowhere in what the client holds', () => {
    const p = ok(assemble(bank, blueprint, { secret: SECRET, seed: deriveSeed('park-2021', 'm-001', 'o0') }))
    const round = ok(startRound({ id: 'r1', quiz: 'weekly', member: 'm-001', mode: 'exam', paper: p, now: T0 }))
    for (const held of [JSON.stringify(publicPaper(p)), JSON.stringify(round)]) expect(held).not.toMatch(/"o0"|\\"o0\\"|park-2021/)
  })
})

describe('issue #13: imported ids say nothing about the answer', () => {
  it('stem{T} and stem{F} get the same id, and so do the same stem with different options', () => {
    const id = (gift: string): string | undefined => importGift(gift).questions[0]?.id
    expect(id('遵义会议在 1935 年召开。{T}')).toBe(id('遵义会议在 1935 年召开。{F}'))
    expect(id('中共一大在哪一年召开？{=1921 ~1919}')).toBe(id('中共一大在哪一年召开？{~1921 =1919}'))
    expect(id('中共一大在哪一年召开？{=1921 ~1919}')).not.toBe(id('遵义会议在哪一年召开？{=1921 ~1919}'))
  })
})

describe('issue #13: numerical answers graded as published, exactly', () => {
  const grade = (gift: string, value: number): string => {
    const q = importGift(`题：${gift}`).questions[0] as Question
    const pq = fixedPaper([q], { secret: SECRET, seed: 'n' }).questions[0]
    return pq === undefined ? 'none' : gradeQuestion(pq, { type: 'numerical', value }).status
  }
  it('{#1.5:0.1} accepts 1.4 and 1.6 (bounds inside, no float drift) and refuses 1.61 and 1.39', () => {
    expect([1.5, 1.4, 1.6].map((v) => grade('{#1.5:0.1}', v))).toEqual(['correct', 'correct', 'correct'])
    expect([1.61, 1.39].map((v) => grade('{#1.5:0.1}', v))).toEqual(['wrong', 'wrong'])
  })
  it('spaces around ":" and ".." read as the published tolerance and range', () => {
    expect([1817, 1827, 1822].map((v) => grade('{#1822 : 5}', v))).toEqual(['correct', 'correct', 'correct'])
    expect([1816, 1828].map((v) => grade('{#1822 : 5}', v))).toEqual(['wrong', 'wrong'])
    expect([1839, 1842, 1840.5].map((v) => grade('{#1839 .. 1842}', v))).toEqual(['correct', 'correct', 'correct'])
    expect([1838.9, 1842.1].map((v) => grade('{#1839 .. 1842}', v))).toEqual(['wrong', 'wrong'])
  })
})

describe('issue #13: a stored round edited on the client scores no higher', () => {
  const paper: Paper = ok(assemble(bank, blueprint, { secret: SECRET, seed: 'edit' }))
  const pub = publicPaper(paper)
  const start = ok(startRound({ id: 'r1', quiz: 'weekly', member: 'm-001', mode: 'exam', paper, now: T0, limits: { roundMs: 600_000, onTimeout: 'submit' } }))
  // One wrong answer (the first label that is not the key), then submitted.
  const wrongLabel = (i: number): string => ['A', 'B', 'C', 'D'].find((_, k) => paper.questions[i]?.order[k] !== 0) ?? 'A'
  const answered = ok(answer(paper, pub.questions[0]?.id ?? '', { type: 'single', choice: wrongLabel(0) }, T0 + 1000)(start))
  const submitted = ok(submit(paper, T0 + 2000)(answered))

  it('a submitted round rewound to open is refused, so it cannot be answered again', () => {
    const { endedAt: _at, endedBy: _by, ...rest } = submitted
    const rewound: Round = { ...rest, status: 'open' }
    expect(isSealed(paper, rewound)).toBe(false)
    const again = answer(paper, pub.questions[0]?.id ?? '', { type: 'single', choice: 'A' }, T0 + 3000)(rewound)
    expect(E.isLeft(again) && again.left.reason).toBe('tampered')
    expect(E.isLeft(roundResult(paper)(rewound))).toBe(true)
  })

  it('a round whose limits were removed or start moved is refused; the honest one grades 0', () => {
    const edits: ReadonlyArray<Round> = [
      { ...answered, limits: { onTimeout: 'submit' } },
      { ...answered, startedAt: T0 + 500_000 },
      { ...submitted, step: 0 }
    ]
    for (const r of edits) expect(isSealed(paper, r)).toBe(false)
    expect(ok(roundResult(paper)(submitted)).score).toEqual({ n: 0, d: 1 })
  })
})
