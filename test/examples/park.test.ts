// The README's main job: the park simulation is deterministic per seed, and
// its pieces agree with each other (quiz rounds feed the ledger; balances are
// the sums of their entries).
import { describe, expect, it } from 'vitest'
import { allEntries, balanceOf } from '../../src/ledger/index.js'
import type { SubjectId } from '../../src/rules/index.js'
import { simulatePark } from '../../examples/park-sim.js'

describe('park simulation', () => {
  const a = simulatePark('test-seed')
  it('is the same for the same seed and differs for another', () => {
    const b = simulatePark('test-seed')
    expect(b.events).toEqual(a.events)
    expect(allEntries(b.ledger)).toEqual(allEntries(a.ledger))
    expect(simulatePark('other-seed').events).not.toEqual(a.events)
  })
  it('scores quiz rounds through the preset, by kind', () => {
    const quizEntries = allEntries(a.ledger).filter((e) => e.eventType === 'quiz.completed' && e.granted > 0)
    expect(a.rounds).toBeGreaterThan(0)
    expect(new Set(quizEntries.map((e) => e.rule))).toEqual(new Set(['daily-quiz', 'weekly-quiz']))
  })
  it('keeps every balance equal to the sum of its entries', () => {
    for (const m of a.org.members.slice(0, 40)) {
      const sum = allEntries(a.ledger)
        .filter((e) => e.subject === (m.id as unknown as SubjectId) && e.account === 'study')
        .reduce((s, e) => s + e.granted, 0)
      expect(balanceOf(a.ledger, m.id as unknown as SubjectId, 'study' as never)).toBe(sum)
    }
  })
})
