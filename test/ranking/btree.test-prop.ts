import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { makeOrderedSet } from '../../src/ranking/slot-tree/index.js'

// Reference model: a plain sorted array of [key, id] pairs.
const cmp = (a: readonly [number, string], b: readonly [number, string]) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0)

describe('order-statistic B+ tree (the live board index)', () => {
  it('agrees with a sorted array through thousands of inserts and removes (splits, empty leaves, root collapse)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: -20, max: 20 }), fc.integer({ min: 0, max: 400 })), { minLength: 500, maxLength: 3000 }),
        fc.constantFrom(3, 4, 7, 64),
        (ops, fanout) => {
          const t = makeOrderedSet(fanout)
          const model: Array<readonly [number, string]> = []
          ops.forEach(([ins, k, n], step) => {
            const id = `s${n}`
            const i = model.findIndex((p) => p[0] === k && p[1] === id)
            if (ins) {
              if (i < 0) {
                t.insert(k, id)
                model.push([k, id])
                model.sort(cmp)
              }
            } else {
              expect(t.remove(k, id)).toBe(i >= 0)
              if (i >= 0) model.splice(i, 1)
            }
            if (step % 97 === 0 || step === ops.length - 1) {
              expect(t.checkOrThrow()).toBe(model.length)
              for (const q of [-21, -3, 0, 7, 21]) {
                expect(t.countLess(q)).toBe(model.filter((p) => p[0] < q).length)
                expect(t.countLessEq(q)).toBe(model.filter((p) => p[0] <= q).length)
              }
              for (let j = 0; j < model.length; j += 37) {
                const p = model[j] as readonly [number, string]
                expect(t.at(j)).toEqual({ key: p[0], id: p[1] })
                expect(t.position(p[0], p[1])).toBe(j)
              }
              expect(t.at(model.length)).toBeUndefined()
            }
          })
          // Drain: remove everything, the tree must end empty and valid.
          for (const [k, id] of [...model]) expect(t.remove(k, id)).toBe(true)
          expect([t.size(), t.checkOrThrow(), t.at(0)]).toEqual([0, 0, undefined])
        }
      ),
      { numRuns: 60 }
    )
  })
})
