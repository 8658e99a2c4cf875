// The bank's tables (a large base Map plus a small Map of recent writes, folded now and then)
// against a plain Map: every version ever made keeps answering as it did, through single
// writes, batches, folds, and JSON round trips (the persisted form, buckets of records).
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { draftTable, emptyTable, liveTable, tableForEach, tableGet, tableValues, type Table } from '../../src/bank/table.js'

// Few distinct keys (so writes overwrite), some that name Object.prototype's members.
const KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '\u0000x', ...Array.from({ length: 400 }, (_, i) => `k${i}`)]
const key = fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...KEYS.slice(0, 5)) }, { weight: 9, arbitrary: fc.nat(KEYS.length - 6).map((i) => KEYS[5 + i] as string) })

/** A step: one draft with some writes (a batch when it has many), or a JSON round trip. */
const step = fc.oneof(
  { weight: 6, arbitrary: fc.array(fc.tuple(key, fc.nat(1000)), { minLength: 0, maxLength: 4 }).map((writes) => ({ _tag: 'draft' as const, writes })) },
  { weight: 2, arbitrary: fc.array(fc.tuple(key, fc.nat(1000)), { minLength: 50, maxLength: 300 }).map((writes) => ({ _tag: 'draft' as const, writes })) },
  { weight: 1, arbitrary: fc.constant({ _tag: 'json' as const }) }
)

const sorted = (m: ReadonlyMap<string, { readonly v: number }>): ReadonlyArray<{ readonly v: number }> =>
  [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v)

const agrees = (t: Table<{ readonly v: number }>, model: ReadonlyMap<string, { readonly v: number }>): void => {
  expect(t.size).toBe(model.size)
  // toEqual, not toBe: a JSON round trip gives equal values, not the same objects.
  for (const k of KEYS) expect(tableGet(t, k)).toEqual(model.get(k))
  expect(tableValues(t)).toEqual(sorted(model))
  const seen: Array<{ readonly v: number }> = []
  tableForEach(t, (v) => seen.push(v))
  expect(seen.map((x) => x.v).sort((a, b) => a - b)).toEqual([...model.values()].map((x) => x.v).sort((a, b) => a - b))
}

describe('bank tables', () => {
  it('agree with a plain Map after any writes, and every older version stays as it was', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        let t = emptyTable<{ readonly v: number }>()
        let model = new Map<string, { readonly v: number }>()
        const versions: Array<readonly [Table<{ readonly v: number }>, Map<string, { readonly v: number }>]> = [[t, model]]
        for (const s of steps) {
          if (s._tag === 'json') {
            // The persisted form reads back as the same table, and can be written on.
            t = JSON.parse(JSON.stringify(t)) as Table<{ readonly v: number }>
          } else {
            const d = draftTable(t)
            const next = new Map(model)
            for (const [k, v] of s.writes) {
              const value = { v }
              d.set(k, value)
              next.set(k, value)
              // A draft sees its own writes at once.
              expect(d.get(k)).toBe(value)
            }
            const before = t
            t = d.done()
            if (s.writes.length === 0) expect(t).toBe(before)
            model = next
          }
          agrees(t, model)
          versions.push([t, model])
        }
        for (const [v, m] of versions) agrees(v, m)
      }),
      { numRuns: 150 }
    )
  })

  it('a revived table answers like the original and is converted once', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.nat(1000)), { maxLength: 200 }), (writes) => {
        const d = draftTable(emptyTable<{ readonly v: number }>())
        for (const [k, v] of writes) d.set(k, { v })
        const t = d.done()
        const json: unknown = JSON.parse(JSON.stringify(t))
        const revived = json as Table<{ readonly v: number }>
        expect(liveTable(revived)).toBe(liveTable(revived))
        expect(JSON.parse(JSON.stringify(tableValues(revived)))).toEqual(JSON.parse(JSON.stringify(tableValues(t))))
        expect(revived.size).toBe(t.size)
        // No key reaches a prototype in the JSON form.
        expect(Object.getPrototypeOf((json as { buckets: ReadonlyArray<object> }).buckets[0])).toBe(Object.prototype)
      }),
      { numRuns: 100 }
    )
  })
})
