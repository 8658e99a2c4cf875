import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { ancestors, decodeOrg, inSubtree, membersOf, subtreeUnits, type MemberId, type UnitId } from '../../src/core/internal.js'

// Units u0..u(n-1); each parent is any index or none (cycles possible), members in random units.
const arbOrg = fc
  .integer({ min: 1, max: 12 })
  .chain((n) =>
    fc.record({
      parents: fc.array(fc.option(fc.integer({ min: 0, max: n - 1 }), { nil: undefined }), { minLength: n, maxLength: n }),
      members: fc.array(fc.integer({ min: 0, max: n - 1 }), { maxLength: 20 })
    })
  )
  .map(({ parents, members }) => ({
    units: parents.map((p, i) => (p === undefined ? { id: `u${i}`, label: `U${i}`, kind: 'group' } : { id: `u${i}`, label: `U${i}`, kind: 'group', parent: `u${p}` })),
    members: members.map((u, i) => ({ id: `m${i}`, unit: `u${u}` }))
  }))

// Reference: a unit's chain of parents, or undefined if it loops.
const chain = (parents: ReadonlyMap<string, string | undefined>, u: string): ReadonlyArray<string> | undefined => {
  const out: Array<string> = []
  let cur = parents.get(u)
  while (cur !== undefined) {
    if (cur === u || out.includes(cur)) return undefined
    out.push(cur)
    cur = parents.get(cur)
  }
  return out
}

describe('org tree laws', () => {
  it('decodes exactly the acyclic inputs; subtree queries agree with ancestor chains', () => {
    fc.assert(
      fc.property(arbOrg, (input) => {
        const parents = new Map(input.units.map((u) => [u.id, (u as { parent?: string }).parent]))
        const chains = input.units.map((u) => chain(parents, u.id))
        const acyclic = chains.every((c) => c !== undefined)
        const r = decodeOrg(input)
        expect(E.isRight(r)).toBe(acyclic)
        if (E.isLeft(r)) {
          expect(r.left.every((p) => p.code === 'conflict')).toBe(true)
          return
        }
        const t = r.right
        for (const a of input.units) {
          for (const b of input.units) {
            const expected = a.id === b.id || (chains[Number(b.id.slice(1))] ?? []).includes(a.id)
            expect(inSubtree(t, a.id as UnitId)(b.id as UnitId)).toBe(expected)
          }
          expect(ancestors(t, a.id as UnitId)).toEqual(chains[Number(a.id.slice(1))])
          const sub = new Set(subtreeUnits(t, a.id as UnitId))
          const want = input.members.filter((m) => sub.has(m.unit as UnitId)).map((m) => m.id).sort()
          expect([...membersOf(t, a.id as UnitId)].sort()).toEqual(want)
          expect(membersOf(t, a.id as UnitId).every((m: MemberId) => sub.has(t.memberById.get(m)?.unit as UnitId))).toBe(true)
        }
      }),
      { numRuns: 300 }
    )
  })
})
