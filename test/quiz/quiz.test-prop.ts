// Laws of issue 3: assembly deterministic per seed and within every blueprint constraint; shuffled options
// score like unshuffled ones (and like the reference grader); no public view carries key material; rounds
// round-trip through JSON; scores stay within [0, points].
import { SECRET } from './fixtures.js'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import {
  assemble,
  gradeQuestion,
  indexQuestionBank,
  matchesSection,
  orderSize,
  publicPaper,
  rationals,
  roundResult,
  startRound,
  submit,
  validateQuestion,
  type Blueprint,
  type PaperQuestion,
  type QuestionType,
  type Round,
  type Section
} from '../../src/quiz/internal.js'
import type { QuestionId } from '../../src/core/internal.js'
import { bankArb, questionArb } from './arbitraries.js'
import { bankResponseArb, playSteps, referenceFraction, toLabels } from './reference.js'

const TYPES: ReadonlyArray<QuestionType> = ['single', 'multiple', 'judge', 'blank', 'ordering', 'matching', 'numerical', 'essay']

const sectionArb = (i: number): fc.Arbitrary<Section> =>
  fc
    .record(
      {
        count: fc.integer({ min: 1, max: 6 }),
        types: fc.subarray([...TYPES], { minLength: 1 }),
        tags: fc.record({ any: fc.subarray(['党史', '新中国史', '改革开放史', '社会主义发展史']) }, { requiredKeys: [] }),
        difficulty: fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })).map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) })),
        order: fc.constantFrom('random', 'bank', 'difficulty')
      },
      { requiredKeys: ['count'] }
    )
    .map((s) => ({ id: `s${i}`, ...s }) as unknown as Section)

const blueprintArb: fc.Arbitrary<Blueprint> = fc
  .integer({ min: 1, max: 3 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => sectionArb(i))))
  .map((sections) => ({ id: 'bp', sections }) as unknown as Blueprint)

describe('generated questions are valid (the arbitraries mean what they say)', () => {
  it('validateQuestion finds nothing in them', () => {
    fc.assert(
      fc.property(questionArb('q'), (q) => {
        expect(validateQuestion(q)).toEqual([])
      })
    )
  })
})

describe('assembly', () => {
  it('is deterministic per seed and respects every blueprint constraint', () => {
    fc.assert(
      fc.property(bankArb(1, 60), blueprintArb, fc.string(), fc.array(fc.nat(59), { maxLength: 10 }), (qs, bp, seed, ex) => {
        const bank = indexQuestionBank(qs)
        const exclude = ex.map((i) => `q${i}` as QuestionId)
        const a = assemble(bank, bp, { secret: SECRET, seed, exclude })
        const b = assemble(bank, bp, { secret: SECRET, seed, exclude })
        expect(b).toEqual(a)
        if (E.isLeft(a)) {
          for (const s of a.left) expect(s.available).toBeLessThan(s.needed)
          if (bp.sections.length === 1) {
            const s = bp.sections[0] as Section
            const plain = qs.filter((q) => !exclude.includes(q.id) && matchesSection(s)(q)).length
            expect(a.left).toHaveLength(1)
            expect(a.left[0]?.available).toBe(plain)
          }
          return
        }
        const paper = a.right
        const ids = paper.questions.map((pq) => pq.question.id)
        expect(new Set(ids).size).toBe(ids.length)
        for (const s of bp.sections) {
          const mine = paper.questions.filter((pq) => pq.section === s.id)
          expect(mine).toHaveLength(s.count)
          for (const pq of mine) {
            expect(exclude).not.toContain(pq.question.id)
            if (s.types !== undefined) expect(s.types).toContain(pq.question.type)
            if (s.tags?.any !== undefined) expect(s.tags.any.some((t) => pq.question.tags.includes(t))).toBe(true)
            if (s.difficulty !== undefined) {
              expect(pq.question.difficulty).toBeGreaterThanOrEqual(s.difficulty.min ?? 1)
              expect(pq.question.difficulty).toBeLessThanOrEqual(s.difficulty.max ?? 5)
            }
            expect([...pq.order].sort((x, y) => x - y)).toEqual(Array.from({ length: orderSize(pq.question) }, (_, i) => i))
          }
          if (s.order === 'difficulty') {
            const ds = mine.map((pq) => pq.question.difficulty)
            expect(ds).toEqual([...ds].sort((x, y) => x - y))
          }
        }
        // A single section that fits must succeed: it never fails when the bank has enough.
      }),
      { numRuns: 200 }
    )
  })
  it('never fails a single section the bank can fill, and prefers unseen, then least used', () => {
    fc.assert(
      fc.property(bankArb(1, 50), fc.integer({ min: 1, max: 20 }), fc.string(), fc.array(fc.nat(4), { minLength: 50, maxLength: 50 }), (qs, count, seed, uses) => {
        const bank = indexQuestionBank(qs)
        const usage = new Map(qs.map((q, i) => [q.id, uses[i] as number] as const))
        const bp = { id: 'bp', sections: [{ id: 's', count }] } as unknown as Blueprint
        const r = assemble(bank, bp, { secret: SECRET, seed, usage })
        if (count > qs.length) {
          expect(E.isLeft(r)).toBe(true)
          return
        }
        expect(E.isRight(r)).toBe(true)
        if (E.isLeft(r)) return
        const chosen = new Set(r.right.questions.map((pq) => pq.question.id))
        const maxChosen = Math.max(...[...chosen].map((id) => usage.get(id) ?? 0))
        const left = qs.filter((q) => !chosen.has(q.id)).map((q) => usage.get(q.id) ?? 0)
        for (const u of left) expect(u).toBeGreaterThanOrEqual(maxChosen)
      })
    )
  })
})

describe('scoring', () => {
  it('shuffled options score identically to unshuffled, and as the reference grader says, within [0, points]', () => {
    // Any display order (the paper's is a secret shuffle; here fast-check picks the permutation).
    const arb = questionArb('q').chain((q) => {
      const n = orderSize(q)
      const identity = Array.from({ length: n }, (_, i) => i)
      return fc.tuple(fc.constant(q), bankResponseArb(q), fc.shuffledSubarray(identity, { minLength: n, maxLength: n }), fc.integer({ min: 1, max: 20 }))
    })
    fc.assert(
      fc.property(arb, ([q, br, shuffled, points]) => {
        const identity = Array.from({ length: orderSize(q) }, (_, i) => i)
        const plain: PaperQuestion = { handle: 'q-test', question: q, points, section: 's', order: identity }
        const mixed: PaperQuestion = { handle: 'q-test', question: q, points, section: 's', order: shuffled }
        const g1 = gradeQuestion(plain, toLabels(q, identity, br))
        const g2 = gradeQuestion(mixed, toLabels(q, shuffled, br))
        expect(g2).toEqual(g1)
        const ref = referenceFraction(q, br)
        if (ref === undefined) expect(g1.status).toBe('pending')
        else expect(rationals.toNumber(g1.fraction)).toBeCloseTo(ref, 9)
        expect(rationals.compare(g1.score, rationals.R_ZERO)).toBeGreaterThanOrEqual(0)
        expect(rationals.compare(g1.score, rationals.fromInt(points))).toBeLessThanOrEqual(0)
      }),
      { numRuns: 2000 }
    )
  })
})

const KEY_FIELDS = new Set(['answer', 'fraction', 'feedback', 'explanation', 'rubric', 'accept', 'tolerance', 'source', 'title', 'trueFeedback', 'falseFeedback', 'answers', 'pairs', 'scoring', 'caseSensitive', 'value', 'min', 'max', 'order', 'question', 'seed'])
const keysOf = (u: unknown, out: Set<string> = new Set()): Set<string> => {
  if (Array.isArray(u)) for (const x of u) keysOf(x, out)
  else if (typeof u === 'object' && u !== null) for (const [k, v] of Object.entries(u)) (out.add(k), keysOf(v, out))
  return out
}

describe('public view', () => {
  it('never contains key material, and labels options by display position only', () => {
    fc.assert(
      fc.property(bankArb(1, 30), fc.string(), (qs, seed) => {
        const bp = { id: 'bp', sections: [{ id: 's', count: qs.length }] } as unknown as Blueprint
        const r = assemble(indexQuestionBank(qs), bp, { secret: SECRET, seed })
        expect(E.isRight(r)).toBe(true)
        if (E.isLeft(r)) return
        const view = publicPaper(r.right)
        const json = JSON.stringify(view)
        expect(json).not.toContain('KEY-')
        for (const k of keysOf(view)) expect(KEY_FIELDS.has(k)).toBe(false)
        // Bank option ids (o0, i1, p2, b0) and bank question ids (q0) never show: only position labels and
        // opaque handles. (With the seed "o0" the paper id used to be the seed: issue #13.)
        expect(json).not.toMatch(/"id":"[oipbq]\d+"/)
        expect(view.id).toMatch(/^p-[0-9a-f]{24}$/)
        expect(view.id).not.toBe(seed)
        for (const pq of view.questions) expect(pq.id).toMatch(/^q-[0-9a-f]{16}$/)
        expect(new Set(view.questions.map((pq) => pq.id)).size).toBe(view.questions.length)
        for (const pq of view.questions) {
          if ('options' in pq) expect(pq.options.map((o) => o.id)).toEqual(pq.options.map((_, i) => String.fromCharCode(65 + i)))
          if ('items' in pq) expect(pq.items.map((o) => o.id)).toEqual(pq.items.map((_, i) => String.fromCharCode(65 + i)))
        }
      })
    )
  })
})

describe('rounds', () => {
  it('round-trip through JSON after any sequence of transitions, and totals stay within [0, maxScore]', () => {
    const arb = bankArb(1, 8).chain((qs) =>
      fc.tuple(
        fc.constant(qs),
        fc.constantFrom('exam', 'practice', 'challenge', 'daily'),
        fc.array(fc.tuple(fc.nat(qs.length - 1), fc.integer({ min: 0, max: 1000 })), { maxLength: 12 }),
        fc.tuple(...qs.map((q) => bankResponseArb(q)))
      )
    )
    fc.assert(
      fc.property(arb, ([qs, mode, steps, responses]) => {
        const bp = { id: 'bp', sections: [{ id: 's', count: qs.length, order: 'bank' }] } as unknown as Blueprint
        const paper = assemble(indexQuestionBank(qs), bp, { secret: SECRET, seed: 'x' })
        if (E.isLeft(paper)) throw new Error('assembly failed')
        const start = startRound({ id: 'r', quiz: 'quiz', member: 'm', mode: mode as Round['mode'], paper: paper.right, now: 0, limits: { roundMs: 5000, onTimeout: 'submit' } })
        if (E.isLeft(start)) throw new Error('start refused')
        const { round, now } = playSteps(paper.right, start.right, steps, responses, (r) => expect(JSON.parse(JSON.stringify(r))).toEqual(r))
        const done = pipe(round, submit(paper.right, now + 1))
        if (E.isRight(done)) {
          expect(JSON.parse(JSON.stringify(done.right))).toEqual(done.right)
          const res = roundResult(paper.right)(done.right)
          expect(E.isRight(res)).toBe(true)
          if (E.isRight(res)) {
            expect(rationals.compare(res.right.score, rationals.R_ZERO)).toBeGreaterThanOrEqual(0)
            expect(rationals.compare(res.right.score, rationals.fromInt(res.right.maxScore))).toBeLessThanOrEqual(0)
            for (const g of res.right.questions) expect(rationals.compare(g.score, rationals.fromInt(g.points))).toBeLessThanOrEqual(0)
          }
        }
      })
    )
  })
})

