// issue #13: the honor roll `npm run demo` posts obeys every quota, and every reason's claim holds against the data.
import { describe, expect, it } from 'vitest'
import { awardUnitKinds, type AwardCategory } from '../../src/awards/internal.js'
import type { MemberId, UnitId } from '../../src/core/internal.js'
import { simulatePark } from '../../examples/park-sim.js'

describe('issue #13: the demo honor roll says what is true (examples/demo.ts, seed yantan-2021)', () => {
  const park = simulatePark('yantan-2021')
  const programme = park.programme.awards
  if (programme === undefined) throw new Error('no awards')
  const category = (id: string): AwardCategory => programme.awards.find((a) => a.id === id) as AwardCategory
  const cap = (a: AwardCategory): number => (a.selection._tag === 'Top' ? a.selection.n : a.selection._tag === 'Threshold' ? (a.selection.cap ?? Infinity) : Infinity)
  const nearest = (m: string, kind: string): UnitId | undefined => {
    let u: UnitId | undefined = park.org.memberById.get(m as MemberId)?.unit
    while (u !== undefined && park.org.unitById.get(u)?.kind !== kind) u = park.org.unitById.get(u)?.parent
    return u
  }

  it('the organisation has every unit kind the programme needs', () => {
    for (const n of awardUnitKinds(programme)) expect(park.org.units.some((u) => u.kind === n.kind)).toBe(true)
  })

  it('no category posts more winners than its quota unless the roll states a tie the policy keeps', () => {
    for (const r of park.awards.results) {
      const a = category(r.award)
      const stated = r.winners.filter((w) => w.reason === 'tie-included' || w.reason === 'fallback-tied')
      if (stated.length === 0) expect(r.winners.length).toBeLessThanOrEqual(cap(a))
      if (a.perUnit !== undefined) {
        const per = new Map<string, number>()
        for (const w of r.winners) per.set(w.quotaUnit ?? '', (per.get(w.quotaUnit ?? '') ?? 0) + 1)
        if (stated.length === 0) for (const k of per.values()) expect(k).toBeLessThanOrEqual(a.perUnit.max ?? Infinity)
      }
    }
    expect(park.awards.results.find((r) => r.award === 'learning-model')?.winners.length).toBeLessThanOrEqual(11)
  })

  it('every fallback reason is true: nobody eligible in the unit reached the threshold', () => {
    for (const r of park.awards.results) {
      const a = category(r.award)
      if (a.selection._tag !== 'Threshold' || a.perUnit === undefined) continue
      const min = a.selection.min
      for (const w of r.winners.filter((x) => x.reason === 'fallback' || x.reason === 'fallback-tied')) {
        expect(w.score ?? -Infinity).toBeLessThan(min)
        // every candidate of the unit who reached the threshold would be listed (a winner, pending or a near miss ranked above)
        const others = [...r.winners, ...r.pending, ...r.nearMisses].filter((d) => d.rank !== undefined && nearest(d.subject, a.perUnit?.unitKind ?? '') === w.quotaUnit)
        for (const d of others) expect(d.score ?? -Infinity).toBeLessThan(min)
        expect(w.text.zh).toContain(park.org.unitById.get(w.quotaUnit as UnitId)?.label ?? '?')
      }
    }
  })

  it('every reason names the programme label, the unit of a filled quota, and no account id', () => {
    for (const r of park.awards.results)
      for (const d of [...r.winners, ...r.pending, ...r.nearMisses]) {
        expect(d.text.zh).not.toMatch(/points:|perCapita:/)
        // and so does every line of its criteria explanation (学习积分 ≥ 100, not points:study ≥ 100)
        const lines = (c: { readonly text: { readonly zh: string }; readonly children?: ReadonlyArray<never> }): Array<string> => [c.text.zh, ...(c.children ?? []).flatMap(lines)]
        for (const line of lines(d.criteria as never)) expect(line).not.toMatch(/[a-z]+:[a-z]/i)
        if (d.reason === 'unit-quota') expect(d.text.zh).toContain(`${park.org.unitById.get(d.quotaUnit as UnitId)?.label ?? '?'}名额`)
        // a winner under a per-unit quota says whose seat it took (rank 4 of the park wins for its branch)
        if (d.reason === 'selected' && d.quotaUnit !== undefined) {
          expect(d.text.zh).toContain(`入选（${park.org.unitById.get(d.quotaUnit as UnitId)?.label ?? '?'}，名额`)
          expect(d.text.en).toContain(`selected for ${park.org.unitById.get(d.quotaUnit as UnitId)?.label ?? '?'}`)
        }
      }
    const model = park.awards.results.find((r) => r.award === 'learning-model')
    expect(model?.winners[0]?.text.zh).toMatch(/学习积分 = \d+$/)
    // a first posting is said as such
    for (const c of park.roll.categories) expect(c.first).toBe(true)
  })
})
