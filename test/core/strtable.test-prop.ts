import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { hashOf, MAX_PROBES } from '../../src/core/hash.js'
import { strTable, tableAdd, tableCost, tableFind, tableRefs, tableRemove, tableReserve, tableTreeSize, type StrTable } from '../../src/core/internal/strtable.js'
import { collidingIds } from './collide.js'

const keyAt = (keys: ReadonlyArray<string>, p: number): string => keys[p] as string

// The hash is a parameter of every call, so hostile distributions need no crafted strings: one hash for
// all keys, a handful of homes, one home with distinct hashes (long probe runs without equal hashes).
const HASHES: ReadonlyArray<readonly [string, (k: string) => number]> = [
  ['hashOf', hashOf],
  ['one hash', () => 0x1234],
  ['four hashes', (k) => (hashOf(k) & 3) * 0x10001],
  ['one home, distinct hashes', (k) => hashOf(k) << 20],
  ['neighbouring homes', (k) => (hashOf(k) & 63) << 1]
]

const CRAFTED = collidingIds(256)

/** A look-up's cost bound: the probe bound, or the tree's (1 + AVL height ≤ 1.45 log2(n + 2)). */
const costBound = (n: number): number => Math.max(MAX_PROBES, 2 + Math.ceil(1.45 * Math.log2(n + 2)))

const check = (t: StrTable<ReadonlyArray<string>>, model: ReadonlyMap<string, number>, hash: (k: string) => number): void => {
  expect(t.live).toBe(model.size)
  for (const [k, ref] of model) {
    expect(tableFind(t, k, hash(k))).toBe(ref)
    expect(tableCost(t, k, hash(k))).toBeLessThanOrEqual(costBound(model.size))
  }
  expect(tableRefs(t).sort((a, b) => a - b)).toEqual([...model.values()].sort((a, b) => a - b))
}

describe('the string table (core/internal/strtable.ts) against a Map', () => {
  for (const [name, hash] of HASHES) {
    it(`agrees with a Map through adds, removes, look-ups and growth (${name})`, () => {
      fc.assert(
        fc.property(
          fc.array(
            fc.tuple(
              fc.constantFrom('add', 'remove', 'find', 'reserve'),
              fc.oneof(fc.integer({ min: 0, max: 300 }).map((n) => `m${n}`), fc.string({ maxLength: 3 }), fc.constantFrom(...CRAFTED))
            ),
            { minLength: 300, maxLength: 1500 }
          ),
          (ops) => {
            const keys: Array<string> = []
            const t = strTable<ReadonlyArray<string>>(keys, keyAt)
            const model = new Map<string, number>()
            ops.forEach(([op, k], step) => {
              const h = hash(k)
              const ref = model.get(k)
              if (op === 'add' && ref === undefined) {
                keys.push(k)
                tableAdd(t, h, keys.length - 1)
                model.set(k, keys.length - 1)
              } else if (op === 'remove') {
                expect(tableRemove(t, k, h)).toBe(ref !== undefined)
                model.delete(k)
              } else if (op === 'reserve') tableReserve(t, k.length * 7)
              expect(tableFind(t, k, h)).toBe(model.get(k) ?? -1)
              if (step % 97 === 0 || step === ops.length - 1) check(t, model, hash)
            })
          }
        ),
        { numRuns: 40 }
      )
    })
  }

  it('random keys stay out of the tree; keys of one hash all go to it', () => {
    const keys: Array<string> = []
    const t = strTable<ReadonlyArray<string>>(keys, keyAt)
    for (let i = 0; i < 20_000; i++) {
      keys.push(`m${i}`)
      tableAdd(t, hashOf(`m${i}`), i)
    }
    expect(tableTreeSize(t)).toBe(0)
    const crafted: Array<string> = []
    const c = strTable<ReadonlyArray<string>>(crafted, keyAt)
    for (const k of CRAFTED) {
      crafted.push(k)
      tableAdd(c, hashOf(k), crafted.length - 1)
    }
    expect(new Set(CRAFTED.map(hashOf)).size).toBe(1)
    expect(tableTreeSize(c)).toBe(CRAFTED.length)
  })
})
