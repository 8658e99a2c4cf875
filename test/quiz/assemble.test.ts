import { SECRET } from './fixtures.js'
import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { renderProblem, type QuestionId } from '../../src/core/internal.js'
import { assemble, decodeBlueprint, publicPaper, type Blueprint } from '../../src/quiz/internal.js'
import { BANK, QUESTIONS } from './fixtures.js'

const bp = (u: unknown): Blueprint => {
  const r = decodeBlueprint(u)
  if (E.isLeft(r)) throw new Error(r.left.map((p) => renderProblem(p)).join('\n'))
  return r.right
}

describe('blueprints', () => {
  it('decode with every problem named', () => {
    const r = decodeBlueprint({ id: 'b', sections: [{ id: 's', count: 3, mix: { '1': 1 } }, { id: 's', count: 0, types: ['poem'], difficulty: { min: 4, max: 2 } }] })
    expect(E.isLeft(r) && r.left.map((p) => renderProblem(p))).toEqual([
      '$.sections[1].count: expected a positive integer, got 0',
      expect.stringContaining('$.sections[1].types[0]: expected one of the question types')
    ])
    const r2 = decodeBlueprint({ id: 'b', sections: [{ id: 's', count: 3, mix: { '1': 1 } }, { id: 's', count: 1, difficulty: { min: 4, max: 2 } }] })
    expect(E.isLeft(r2) && r2.left.map((p) => renderProblem(p))).toEqual([
      '$.sections[0].mix: expected a mix adding up to count 3, got 1',
      '$.sections[1].id: expected a section id not used before, got "s"',
      '$.sections[1].difficulty.max: expected a maximum ≥ 4, got 2'
    ])
  })
})

describe('assembly', () => {
  const blueprint = bp({
    id: 'weekly',
    sections: [
      { id: 'judge', count: 2, types: ['judge'], points: 1 },
      { id: 'choice', count: 2, types: ['single', 'multiple'], tags: { any: ['党史', '改革开放史'] }, order: 'difficulty' },
      { id: 'rest', count: 2, tags: { none: ['党史'] } }
    ]
  })
  it('fills each section from its filters, once per question, deterministically', () => {
    const a = assemble(BANK, blueprint, { secret: SECRET, seed: 'm-001/round-1' })
    expect(a).toEqual(assemble(BANK, blueprint, { secret: SECRET, seed: 'm-001/round-1' }))
    if (E.isLeft(a)) throw new Error('short')
    const bySection = (s: string) => a.right.questions.filter((pq) => pq.section === s).map((pq) => pq.question.id).sort()
    expect(bySection('judge')).toEqual(['q2', 'q6'])
    for (const id of bySection('choice')) expect(['q1', 'q3', 'q7']).toContain(id)
    expect(bySection('choice')).toHaveLength(2)
    expect(a.right.questions.filter((pq) => pq.section === 'judge').every((pq) => pq.points === 1)).toBe(true)
    const choice = a.right.questions.filter((pq) => pq.section === 'choice').map((pq) => pq.question.difficulty)
    expect(choice).toEqual([...choice].sort())
    // 'rest' has no 党史 and cannot reuse q6 (taken by 'judge'): q4, q7, q8 remain, minus what 'choice' took.
    for (const id of bySection('rest')) expect(['q4', 'q7', 'q8']).toContain(id)
  })
  it('fails with one error per short section, naming needed and available', () => {
    const tooMuch = bp({ id: 'x', sections: [{ id: 'a', count: 3, types: ['judge'] }, { id: 'b', count: 1, types: ['essay'] }, { id: 'c', count: 2, mix: { '4': 1, '5': 1 } }] })
    const r = assemble(BANK, tooMuch, { secret: SECRET, seed: 's' })
    expect(E.isLeft(r)).toBe(true)
    if (E.isRight(r)) return
    expect(r.left.map((s) => [s.section, s.difficulty, s.needed, s.available])).toEqual([
      ['a', undefined, 3, 2],
      // q5, the only difficulty-4 question, went to section b.
      ['c', 4, 1, 0],
      ['c', 5, 1, 0]
    ])
    expect(renderProblem(r.left[0]!)).toBe(
      '$.sections[0].count: expected 3 questions matching section a (after exclusions and earlier sections), got "2 available"'
    )
  })
  it('honours exclusions', () => {
    const one = bp({ id: 'x', sections: [{ id: 'a', count: 1, types: ['judge'] }] })
    for (const seed of ['1', '2', '3', '4', '5']) {
      const r = assemble(BANK, one, { secret: SECRET, seed, exclude: ['q2' as QuestionId] })
      expect(E.isRight(r) && r.right.questions[0]?.question.id).toBe('q6')
    }
    const r = assemble(BANK, one, { secret: SECRET, seed: 's', exclude: ['q2', 'q6'] as Array<QuestionId> })
    expect(E.isLeft(r) && r.left[0]?.available).toBe(0)
  })
  it('prefers unseen questions, then the least used', () => {
    const two = bp({ id: 'x', sections: [{ id: 'a', count: 3, types: ['single', 'judge'] }] })
    const usage = new Map<QuestionId, number>([
      ['q1' as QuestionId, 3],
      ['q2' as QuestionId, 1],
      ['q6' as QuestionId, 2]
    ])
    for (const seed of ['1', '2', '3', '4', '5']) {
      const r = assemble(BANK, two, { secret: SECRET, seed, usage })
      // q7 unseen, then q2 (1), then q6 (2); q1 (3) never.
      expect(E.isRight(r) && r.right.questions.map((pq) => pq.question.id).sort()).toEqual(['q2', 'q6', 'q7'])
    }
  })
  it('shuffles options per question from the seed, the same whatever else is drawn', () => {
    const all = bp({ id: 'x', sections: [{ id: 'a', count: QUESTIONS.length }] })
    const orders = new Set<string>()
    for (let i = 0; i < 20; i++) {
      const r = assemble(BANK, all, { secret: SECRET, seed: `seed-${i}` })
      if (E.isLeft(r)) throw new Error('short')
      orders.add(JSON.stringify(r.right.questions.find((pq) => pq.question.id === 'q1')?.order))
    }
    expect(orders.size).toBeGreaterThan(1)
    const a = assemble(BANK, all, { secret: SECRET, seed: 'k' })
    const b = assemble(BANK, bp({ id: 'x', sections: [{ id: 'a', count: 1, types: ['single'], tags: { all: ['党史'] } }] }), { secret: SECRET, seed: 'k' })
    if (E.isLeft(a) || E.isLeft(b)) throw new Error('short')
    expect(b.right.questions[0]?.order).toEqual(a.right.questions.find((pq) => pq.question.id === 'q1')?.order)
  })
  it('keeps options in bank order when asked', () => {
    const r = assemble(BANK, bp({ id: 'x', sections: [{ id: 'a', count: 1, types: ['single'], tags: { all: ['党史'] }, shuffleOptions: false }] }), { secret: SECRET, seed: 'z' })
    expect(E.isRight(r) && r.right.questions[0]?.order).toEqual([0, 1, 2])
  })
  it('gives the client a public view without the key', () => {
    const r = assemble(BANK, bp({ id: 'x', sections: [{ id: 'a', count: 1, types: ['single'], tags: { all: ['党史'] } }] }), { secret: SECRET, seed: 'z' })
    if (E.isLeft(r)) throw new Error('short')
    const view = publicPaper(r.right)
    // Named by opaque per-paper handles, never by the bank id or the seed.
    expect(view.id).toMatch(/^p-[0-9a-f]{24}$/)
    expect(view.questions[0]?.id).toMatch(/^q-[0-9a-f]{16}$/)
    expect(view.questions[0]?.id).toBe(r.right.questions[0]?.handle)
    expect(view.questions[0]).toEqual({
      id: r.right.questions[0]!.handle,
      index: 0,
      section: 'a',
      type: 'single',
      stem: '中共一大在哪一年召开？',
      format: 'plain',
      tags: ['党史'],
      difficulty: 1,
      points: 2,
      options: r.right.questions[0]!.order.map((k, i) => ({ id: 'ABC'[i], text: ['1919', '1921', '1927'][k] }))
    })
  })
})
