import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { fnv1a, hash2, hashOf, MAX_PROBES } from '../../src/core/hash.js'
import {
  strTable,
  tableAdd,
  tableCopy,
  tableCost,
  tableFind,
  tableOverflowSize,
  tableRefs,
  tableRemove,
  tableReserve,
  tableTreeSize,
  type StrTable
} from '../../src/core/internal/strtable.js'
import { collidingIds, doublyCollidingIds } from './collide.js'

const keyAt = (keys: ReadonlyArray<string>, p: number): string => keys[p] as string

type Hash = (k: string) => number

// The first hash is a parameter of every call, so hostile distributions need no crafted strings: one hash
// for all keys, a handful of homes, one home with distinct hashes (long probe runs without equal hashes).
// The second (`hash2`) is the table's own; tests may give another, to crowd the second level the same ways.
const HASHES: ReadonlyArray<readonly [string, Hash, Hash]> = [
  ['hashOf', hashOf, hash2],
  ['one hash', () => 0x1234, hash2],
  ['four hashes', (k) => (hashOf(k) & 3) * 0x10001, hash2],
  ['one home, distinct hashes', (k) => hashOf(k) << 20, hash2],
  ['neighbouring homes', (k) => (hashOf(k) & 63) << 1, hash2],
  ['one hash, then one second hash', () => 0x1234, () => 0x5678],
  ['one hash, then four second hashes', () => 0x1234, (k) => (hash2(k) & 3) * 0x10001],
  ['one hash, then one second home, distinct second hashes', () => 0x1234, (k) => hash2(k) << 20],
  ['four hashes, then neighbouring second homes', (k) => (hashOf(k) & 3) * 0x10001, (k) => (hash2(k) & 63) << 1]
]

/** Ids of one FNV-1a hash (so one `hashOf`): one home of the first level, spread at the second. */
const CRAFTED = collidingIds(256)
/** Ids of one FNV-1a hash and one `hash2`: one home at both levels, so the tree. */
const DOUBLE = doublyCollidingIds(32)

/** A look-up's cost bound: a home then the second level's probe bound, or two homes then the tree (AVL height ≤ 1.45 log2(n + 2)). */
const costBound = (n: number): number => Math.max(1 + MAX_PROBES, 2 + Math.ceil(1.45 * Math.log2(n + 2)))

const check = (t: StrTable<ReadonlyArray<string>>, model: ReadonlyMap<string, number>, hash: Hash): void => {
  expect(t.live).toBe(model.size)
  for (const [k, ref] of model) {
    expect(tableFind(t, k, hash(k))).toBe(ref)
    expect(tableCost(t, k, hash(k))).toBeLessThanOrEqual(costBound(model.size))
  }
  expect(tableRefs(t).sort((a, b) => a - b)).toEqual([...model.values()].sort((a, b) => a - b))
}

/** A table holding `ids` at refs 0, 1, ... */
const tableOf = (ids: ReadonlyArray<string>, hash: Hash = hashOf): StrTable<ReadonlyArray<string>> => {
  const t = strTable<ReadonlyArray<string>>(ids, keyAt)
  ids.forEach((k, i) => tableAdd(t, hash(k), i))
  return t
}

describe('the string table (core/internal/strtable.ts) against a Map', () => {
  for (const [name, hash, second] of HASHES) {
    it(`agrees with a Map through adds, removes, look-ups, copies and growth (${name})`, () => {
      fc.assert(
        fc.property(
          fc.array(
            fc.tuple(
              fc.constantFrom('add', 'remove', 'find', 'reserve', 'copy'),
              fc.oneof(fc.integer({ min: 0, max: 300 }).map((n) => `m${n}`), fc.string({ maxLength: 3 }), fc.constantFrom(...CRAFTED), fc.constantFrom(...DOUBLE))
            ),
            { minLength: 300, maxLength: 1500 }
          ),
          (ops) => {
            const keys: Array<string> = []
            let t = strTable<ReadonlyArray<string>>(keys, keyAt, 0, second)
            const model = new Map<string, number>()
            ops.forEach(([op, k], step) => {
              const h = hash(k)
              const ref = model.get(k)
              if (op === 'add' && ref === undefined) {
                // Mostly a miss first, as the library's tables do (the miss keeps the key's second tag for the add).
                if (step % 3 !== 0) expect(tableFind(t, k, h)).toBe(-1)
                keys.push(k)
                tableAdd(t, h, keys.length - 1)
                model.set(k, keys.length - 1)
              } else if (op === 'remove') {
                expect(tableRemove(t, k, h)).toBe(ref !== undefined)
                model.delete(k)
              } else if (op === 'reserve') tableReserve(t, k.length * 7)
              else if (op === 'copy') t = tableCopy(t, keys, k.length % 2 === 0 ? 0 : 4 * model.size)
              expect(tableFind(t, k, h)).toBe(model.get(k) ?? -1)
              if (step % 97 === 0 || step === ops.length - 1) check(t, model, hash)
            })
          }
        ),
        { numRuns: 30 }
      )
    })
  }

  it('a copy shares nothing mutable with its source', () => {
    const keys = [...CRAFTED.slice(0, 64), ...DOUBLE.slice(0, 8), 'a', 'b']
    const t = tableOf(keys)
    const c = tableCopy(t, keys)
    for (let i = 0; i < keys.length; i += 2) expect(tableRemove(c, keys[i] as string, hashOf(keys[i] as string))).toBe(true)
    keys.forEach((k, i) => expect(tableFind(t, k, hashOf(k))).toBe(i))
    keys.forEach((k, i) => expect(tableFind(c, k, hashOf(k))).toBe(i % 2 === 0 ? -1 : i))
  })
})

describe('issue #14: where colliding ids live in the string table', () => {
  it('the crafted sets share what they claim to', () => {
    expect(new Set(CRAFTED).size).toBe(CRAFTED.length)
    expect(new Set(CRAFTED.map(fnv1a)).size).toBe(1)
    expect(new Set(CRAFTED.map(hash2)).size).toBeGreaterThan(CRAFTED.length - 4)
    expect(new Set(DOUBLE).size).toBe(DOUBLE.length)
    expect(new Set(DOUBLE.map(fnv1a)).size).toBe(1)
    expect(new Set(DOUBLE.map(hash2)).size).toBe(1)
  })

  it('random keys stay at the first level', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `m${i}`)
    const t = tableOf(keys)
    expect(tableOverflowSize(t)).toBe(0)
    expect(tableTreeSize(t)).toBe(0)
  })

  it('keys of one FNV-1a hash go to the second level, spread there (about two cells a look-up), not to the tree', () => {
    const t = tableOf(CRAFTED)
    expect(tableOverflowSize(t)).toBe(CRAFTED.length)
    expect(tableTreeSize(t)).toBe(0)
    const cost = CRAFTED.reduce((sum, k) => sum + tableCost(t, k, hashOf(k)), 0)
    // One cell of the crowded home, then about one at the second level (it is at most half full).
    expect(cost / CRAFTED.length).toBeLessThan(3)
  })

  it('keys of one FNV-1a hash and one hash2 go to the tree, and cost O(log n) there', () => {
    const t = tableOf(DOUBLE)
    expect(tableTreeSize(t)).toBe(DOUBLE.length)
    for (const k of DOUBLE) expect(tableCost(t, k, hashOf(k))).toBeLessThanOrEqual(2 + Math.ceil(1.45 * Math.log2(DOUBLE.length + 2)))
    // Mixed with ids crafted against the first hash only: those stay out of the tree.
    const mixed = [...CRAFTED, ...DOUBLE]
    const m = tableOf(mixed)
    expect(tableTreeSize(m)).toBe(DOUBLE.length)
    expect(tableOverflowSize(m)).toBe(mixed.length)
    mixed.forEach((k, i) => expect(tableFind(m, k, hashOf(k))).toBe(i))
  })
})
