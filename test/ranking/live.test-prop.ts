import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { liveBoard, type Order, type Ranking } from '../../src/ranking/internal.js'
import { expectAgreesWithFullSort } from './live-model.js'

// Boards of a few thousand subjects: large enough for the tree to keep integer key counts (from 1,024 pairs
// on) and to be several levels deep; then far jumps and fractional scores, which make it drop the counts.
describe('live board at a few thousand subjects', () => {
  it('agrees with a full sort after long runs of updates, with and without integer key counts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1100, max: 3000 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 19 }), fc.nat(), fc.integer({ min: -20, max: 20 })), { minLength: 500, maxLength: 4000 }),
        fc.constantFrom<Order>('desc', 'asc'),
        fc.constantFrom<number | undefined>(undefined, 1e6, 0.25),
        (n, ops, order, wild) => {
          const live = liveBoard(order)
          const model = new Map<string, number>()
          for (let i = 0; i < n; i++) {
            const s = `member-${String(i).padStart(5, '0')}`
            live.set(s, i % 500)
            model.set(s, i % 500)
          }
          ops.forEach(([o, who, v], step) => {
            const s = `member-${String(who % (n + 50)).padStart(5, '0')}`
            if (o === 0) expect(live.remove(s)).toBe(model.delete(s))
            else if (wild !== undefined && step % 97 === 0) {
              live.set(s, wild)
              model.set(s, wild)
            } else {
              live.add(s, v)
              model.set(s, (model.get(s) ?? 0) + v)
            }
          })
          const full = expectAgreesWithFullSort(live, model, order)
          const ordinal = full.get('ordinal') as Ranking
          const mid = ordinal.rows[Math.floor(ordinal.rows.length / 2)]
          if (mid !== undefined) {
            expect(live.around(mid.subject, 3).map((e) => e.subject)).toEqual(ordinal.rows.slice(mid.rank - 4, mid.rank + 3).map((r) => r.subject))
          }
          // Lists are in ordinal order (ties by subject id) and carry competition ranks.
          const competition = full.get('competition') as Ranking
          const byId = new Map(competition.rows.map((r) => [r.subject, r]))
          expect(live.top(25).map((e) => [e.subject, e.rank])).toEqual(ordinal.rows.slice(0, 25).map((r) => [r.subject, byId.get(r.subject)?.rank]))
          for (const r of competition.rows.slice(0, 50)) expect(live.percentRank(r.subject)).toBe(r.percentRank)
        }
      ),
      { numRuns: 25 }
    )
  })
})
