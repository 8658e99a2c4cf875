// issue #13: over random organisation trees (flat park, park → branch, park → enterprise → work group,
// park → enterprise → branch → group) and random scores, a quota per unit kind is either refused with a
// problem naming the missing kind, or honoured per unit of that kind; a fallback winner's unit has nobody
// eligible at or above the threshold; and no category posts more than its quota without a stated tie.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { renderProblem, type UnitId, type UnitKind } from '../../src/core/internal.js'
import { runAwards } from '../../src/awards/internal.js'
import { entry, one, orgOf, RUN_AT } from './fixture.js'

const SHAPES: ReadonlyArray<ReadonlyArray<UnitKind>> = [[], ['branch'], ['enterprise', 'group'], ['enterprise', 'branch', 'group']]

const arbWorld = fc.record({
  shape: fc.nat(SHAPES.length - 1),
  width: fc.integer({ min: 1, max: 3 }),
  members: fc.array(fc.record({ leaf: fc.nat(8), points: fc.integer({ min: 0, max: 10 }) }), { minLength: 1, maxLength: 25 })
})

describe('issue #13: quotas per unit kind over random organisation trees', () => {
  it('refused naming the missing kind, or honoured per unit; fallbacks only where nobody reached the threshold', () => {
    fc.assert(
      fc.property(
        arbWorld,
        fc.constantFrom<UnitKind>('branch', 'enterprise', 'group'),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 2 }),
        fc.constantFrom('breakChain', 'flag', 'includeAll'),
        (w, kind, min, cap, max, ties) => {
          const kinds = SHAPES[w.shape] as ReadonlyArray<UnitKind>
          const units: Array<{ id: string; label: string; kind: UnitKind; parent?: string }> = [{ id: 'park', label: 'P', kind: 'park' }]
          let level = ['park']
          kinds.forEach((k, d) => {
            const next: Array<string> = []
            for (const parent of level)
              for (let j = 0; j < w.width; j++) {
                const id = `${parent}.${d}${j}`
                units.push({ id, label: `U${id}`, kind: k, parent })
                next.push(id)
              }
            level = next
          })
          const members = w.members.map((m, i) => ({ id: `m${i}`, unit: level[m.leaf % level.length] as string, label: `M${i}` }))
          const org = orgOf({ units, members })
          const p = one({ id: 'model', by: 'points:study', selection: { kind: 'threshold', min, cap }, perUnit: { unitKind: kind, max, fallback: true }, ties })
          const entries = w.members.map((m, i) => entry(`m${i}`, m.points, '07-01'))
          const r = runAwards(p)({ org, entries, at: RUN_AT })
          if (!kinds.includes(kind)) {
            expect(E.isLeft(r) && r.left.map((x) => renderProblem(x))).toEqual([
              `$.awards[0].perUnit.unitKind: expected a unit kind the organisation has: ${['park', ...kinds].join(', ')}, got "${kind}"`
            ])
            return
          }
          if (E.isLeft(r)) throw new Error(r.left.map((x) => renderProblem(x)).join('\n'))
          const res = r.right.results[0]!
          const nearest = (u: string): string | undefined => {
            let cur: string | undefined = u
            while (cur !== undefined && org.unitById.get(cur as UnitId)?.kind !== kind) cur = org.unitById.get(cur as UnitId)?.parent
            return cur
          }
          const unitOf = new Map(members.map((m) => [m.id, nearest(m.unit)]))
          const score = new Map(w.members.map((m, i) => [`m${i}`, m.points]))
          const stated = res.winners.some((x) => x.reason === 'tie-included' || x.reason === 'fallback-tied')
          if (!stated) expect(res.winners.length).toBeLessThanOrEqual(cap)
          const per = new Map<string, number>()
          for (const x of res.winners) {
            expect(x.quotaUnit).toBe(unitOf.get(x.subject))
            per.set(x.quotaUnit as string, (per.get(x.quotaUnit as string) ?? 0) + 1)
          }
          if (!stated) for (const k of per.values()) expect(k).toBeLessThanOrEqual(max)
          for (const x of res.winners.filter((d) => d.reason === 'fallback' || d.reason === 'fallback-tied')) {
            // everyone is eligible here: nobody of the unit reached the threshold
            for (const m of members) if (unitOf.get(m.id) === x.quotaUnit) expect(score.get(m.id) as number).toBeLessThan(min)
          }
        }
      ),
      { numRuns: 300 }
    )
  })
})
