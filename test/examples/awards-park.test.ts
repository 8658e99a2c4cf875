import { describe, expect, it } from 'vitest'
import { allEntries } from '../../src/ledger/internal.js'
import { simulatePark } from '../../examples/park-sim.js'

describe('the park month for the demo: boards, lists, awards and roll (examples/park-sim.ts)', () => {
  const month = simulatePark('park-2021')

  it('is deterministic per seed and differs between seeds', () => {
    const again = simulatePark('park-2021')
    expect(JSON.stringify([again.board, again.groupLists, again.awards, again.roll])).toBe(JSON.stringify([month.board, month.groupLists, month.awards, month.roll]))
    expect(JSON.stringify(simulatePark('park-2022').roll)).not.toBe(JSON.stringify(month.roll))
  }, 60_000) // three month-long simulations, every quiz transition sealed (HMAC-SHA256): not a speed check

  it('builds a park of a few hundred members in enterprises, branches and work groups', () => {
    const kinds = month.org.units.map((u) => u.kind)
    expect(kinds.filter((k) => k === 'enterprise')).toHaveLength(8)
    expect(kinds.filter((k) => k === 'branch')).toHaveLength(8)
    expect(kinds.filter((k) => k === 'group')).toHaveLength(24)
    expect(month.org.members.length).toBeGreaterThanOrEqual(192)
    expect(month.org.members.length).toBeLessThanOrEqual(360)
    expect(allEntries(month.ledger).length).toBeGreaterThan(month.org.members.length)
  })

  it('the board, the group lists and the roll agree with each other', () => {
    expect(month.board.rows).toHaveLength(month.org.members.length)
    expect(month.groupLists.red.map((e) => e.subject)).toEqual(month.groups.rows.slice(0, month.groupLists.red.length).map((r) => r.subject))
    const star = month.awards.results.find((r) => r.award === 'learning-star')
    // the Learning Stars are the top of the study board (top 2, all tied included)
    const top = month.board.rows.filter((r) => r.rank <= 2).map((r) => r.subject)
    expect(star?.winners.map((w) => w.subject).sort()).toEqual(top.sort())
    expect(month.roll.categories.map((c) => c.award)).toEqual(month.awards.results.map((r) => r.award))
    for (const c of month.roll.categories) for (const e of c.entries) expect(e.text.en.length).toBeGreaterThan(0)
  })
})
