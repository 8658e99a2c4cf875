// The README's main job: the park simulation is deterministic per seed, and
// its pieces agree with each other (quiz rounds feed the ledger; balances are
// the sums of their entries).
import { describe, expect, it } from 'vitest'
import { allEntries, balanceOfOrThrow } from '../../src/ledger/internal.js'
import type { SubjectId } from '../../src/rules/internal.js'
import { allOrders, bankBalance, stockOf } from '../../src/bank/internal.js'
import { simulatePark } from '../../examples/park-sim.js'

describe('park simulation', () => {
  const a = simulatePark('test-seed')
  it('is the same for the same seed and differs for another', () => {
    const b = simulatePark('test-seed')
    expect(b.events).toEqual(a.events)
    expect(allEntries(b.ledger)).toEqual(allEntries(a.ledger))
    expect(simulatePark('other-seed').events).not.toEqual(a.events)
  }, 60_000) // three month-long simulations, every quiz transition sealed (HMAC-SHA256): not a speed check
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
      expect(balanceOfOrThrow(a.ledger, m.id as unknown as SubjectId, 'study' as never)).toBe(sum)
    }
  })
  it('runs under one programme file, and the love supermarket spends only what members earned', () => {
    expect(a.programme.rules.accounts.map((x) => x.id)).toEqual(['study', 'moral'])
    const orders = allOrders(a.bank)
    expect(a.handedOver).toBe(orders.filter((o) => o.status === 'confirmed').length)
    expect(a.handedOver).toBeGreaterThan(0)
    for (const m of a.org.members) {
      const s = m.id as unknown as SubjectId
      const spent = orders.filter((o) => o.subject === s && o.status === 'confirmed').reduce((n, o) => n + o.amount, 0)
      const earned = balanceOfOrThrow(a.ledger, s, 'moral' as never)
      // Deductions stop at the floor in both, so what is left is what was earned less what was spent.
      expect(bankBalance(a.bank, s, 'moral')).toBe(earned - spent)
      expect(bankBalance(a.bank, s, 'moral')).toBeGreaterThanOrEqual(0)
    }
    const initial = new Map([['soap', 60], ['towel', 30], ['rice', 10]])
    for (const [item, n] of initial) {
      const out = orders.filter((o) => o.item === item && o.status !== 'cancelled').reduce((k, o) => k + o.quantity, 0)
      expect(stockOf(a.bank, item)).toBe(n - out)
    }
  })
})
