// The bank's tables (views over a Map, written to JSON as hash buckets of records) against a
// plain Map: any keys, including those that name Object.prototype's members, survive a JSON
// round trip, a revived table is converted once, and no key reaches a prototype.
// (The persistent base + recent drafts these tests once covered are gone: the bank keeps its
// state in a columnar store, see versions.test-prop.ts.)
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { lazyTable, liveTable, type Table } from '../../src/bank/table.js'

// Few distinct keys (so writes overwrite), some that name Object.prototype's members.
const KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '\u0000x', ...Array.from({ length: 400 }, (_, i) => `k${i}`)]
const key = fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...KEYS.slice(0, 5)) }, { weight: 9, arbitrary: fc.nat(KEYS.length - 6).map((i) => KEYS[5 + i] as string) })

const sorted = (m: ReadonlyMap<string, { readonly v: number }>): ReadonlyArray<readonly [string, { readonly v: number }]> =>
  [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))

describe('bank tables', () => {
  it('a table answers like its Map, is built only when read, and reads back from JSON the same', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.nat(1000)), { maxLength: 200 }), (writes) => {
        const model = new Map<string, { readonly v: number }>()
        for (const [k, v] of writes) model.set(k, { v })
        let builds = 0
        const t = lazyTable(model.size, () => {
          builds++
          return model
        })
        expect(t.size).toBe(model.size)
        expect(builds).toBe(0)
        for (const k of KEYS) expect(t.recent.get(k) ?? t.base.get(k)).toBe(model.get(k))
        expect(builds).toBe(1)
        const json: unknown = JSON.parse(JSON.stringify(t))
        const revived = json as Table<{ readonly v: number }>
        expect(liveTable(revived)).toBe(liveTable(revived))
        expect(liveTable(revived).size).toBe(model.size)
        expect(sorted(liveTable(revived).base)).toEqual(sorted(model))
        // Twice through JSON: the same data.
        expect(JSON.parse(JSON.stringify(liveTable(revived)))).toEqual(json)
        // No key reaches a prototype in the JSON form.
        expect(Object.getPrototypeOf((json as { buckets: ReadonlyArray<object> }).buckets[0])).toBe(Object.prototype)
        expect(({} as Record<string, unknown>)['v']).toBe(undefined)
      }),
      { numRuns: 150 }
    )
  })
})
