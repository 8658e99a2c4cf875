import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { makeSlotIndex } from '../../src/ranking/slotindex.js'
import { collidingIds, doublyCollidingIds } from '../core/collide.js'

const CRAFTED = collidingIds(64)
/** Ids of one FNV-1a hash and one second hash: past the table's second level, in its tree. */
const DOUBLE = doublyCollidingIds(16)

describe('slot index (the live board id → slot table)', () => {
  it('agrees with a Map through adds and removes (probe runs wrapping round, growth, deleted marks, ids of one hash at the second level, ids of both hashes in the tree)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.oneof(fc.integer({ min: 0, max: 200 }).map((n) => `m${n}`), fc.string({ maxLength: 4 }), fc.constantFrom(...CRAFTED), fc.constantFrom(...DOUBLE))), { minLength: 50, maxLength: 2000 }),
        fc.constantFrom(4, 16, 1024),
        (ops, capacity) => {
          const names: Array<string> = []
          const free: Array<number> = []
          const index = makeSlotIndex(names, capacity)
          const model = new Map<string, number>()
          ops.forEach(([add, id], step) => {
            const slot = model.get(id)
            if (add && slot === undefined) {
              const s = free.pop() ?? names.length
              names[s] = id
              index.add(id, s)
              model.set(id, s)
            } else if (!add) {
              expect(index.remove(id)).toBe(slot !== undefined)
              if (slot !== undefined) {
                model.delete(id)
                names[slot] = ''
                free.push(slot)
              }
            }
            if (step % 13 === 0 || step === ops.length - 1) {
              expect(index.size()).toBe(model.size)
              for (const [k, s] of model) expect(index.get(k)).toBe(s)
              expect(index.get('absent-id')).toBe(-1)
              expect(index.slots().sort((a, b) => a - b)).toEqual([...model.values()].sort((a, b) => a - b))
            }
          })
        }
      ),
      { numRuns: 100 }
    )
  })
})
