import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { makeSlotTree, tieCode } from '../../src/ranking/slot-tree/index.js'

// Reference model: a plain array of [key, name] pairs, sorted by key then by name as JavaScript compares strings.
type Pair = readonly [number, string]
const cmp = (a: Pair, b: Pair): number => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0)

// Names that often share long prefixes (so tie codes tie and names decide), with some non-ASCII ones.
const arbName = fc.oneof(
  fc.integer({ min: 0, max: 300 }).map((n) => `s${n}`),
  fc.integer({ min: 0, max: 300 }).map((n) => `member-${String(n).padStart(4, '0')}`),
  fc.constantFrom('张三', '张四', '李', 'a', 'ab', 'abc', 'abcdef', 'abcdefg', 'abcdefh', 'é', 'e\u0301', '')
)

describe('slot tree (the live board index, with leaf handles)', () => {
  it('agrees with a sorted array through inserts, moves and removes, at any fan-out', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), arbName, fc.oneof(fc.integer({ min: -15, max: 15 }), fc.constantFrom(0.5, -2.25))), {
          minLength: 300,
          maxLength: 2500
        }),
        fc.constantFrom(3, 4, 7, 64),
        (ops, fanout) => {
          const names: Array<string> = []
          const slotOf = new Map<string, number>()
          const keyOf = new Map<string, number>()
          const free: Array<number> = []
          const t = makeSlotTree(names, fanout)
          const sorted = (): Array<Pair> => [...keyOf].map(([n, k]): Pair => [k, n]).sort(cmp)
          ops.forEach(([op, name, key], step) => {
            const slot = slotOf.get(name)
            if (op === 0 && slot !== undefined) {
              expect(t.remove(slot)).toBe(true)
              expect(t.remove(slot)).toBe(false)
              keyOf.delete(name)
              slotOf.delete(name)
              free.push(slot) // a slot may be given to another name once out of the tree
            } else if (slot !== undefined) {
              t.move(slot, key)
              keyOf.set(name, key)
            } else {
              const s = free.pop() ?? names.length
              names[s] = name
              slotOf.set(name, s)
              keyOf.set(name, key)
              t.insert(key, s)
            }
            if (step % 83 === 0 || step === ops.length - 1) {
              const model = sorted()
              expect(t.checkOrThrow()).toBe(model.length)
              expect(t.size()).toBe(model.length)
              model.forEach(([k, n], i) => {
                const s = slotOf.get(n) as number
                expect(t.position(s)).toBe(i)
                expect(t.keyOf(s)).toBe(k)
              })
              for (const q of [-16, -3, -2.25, 0, 0.5, 1, 7, 16]) {
                expect(t.countLess(q)).toBe(model.filter((p) => p[0] < q).length)
                expect(t.countLessEq(q)).toBe(model.filter((p) => p[0] <= q).length)
                for (const n of ['s1', 'member-0100', '张']) expect(t.countBefore(q, n)).toBe(model.filter((p) => cmp(p, [q, n]) < 0).length)
              }
              const listed: Array<Pair> = []
              const from = step % 5
              t.scan(from, 40, (k, s) => listed.push([k, names[s] as string]))
              expect(listed).toEqual(model.slice(from, from + 40))
              const all: Array<Pair> = []
              t.scan(0, model.length + 1, (k, s) => all.push([k, names[s] as string]))
              expect(all).toEqual(model)
            }
          })
          // Drain: the tree must end empty and valid.
          for (const s of slotOf.values()) expect(t.remove(s)).toBe(true)
          expect([t.size(), t.checkOrThrow()]).toEqual([0, 0])
        }
      ),
      { numRuns: 60 }
    )
  })

  it('keeps integer key counts that agree with the tree, through far jumps and fractional keys (window drops and rebuilds)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 120 }), fc.integer({ min: -30, max: 30 })), { minLength: 300, maxLength: 3000 }),
        fc.option(fc.tuple(fc.integer({ min: 20, max: 400 }), fc.constantFrom(5000, -5000, 0.5)), { nil: undefined }),
        fc.constantFrom(4, 16),
        (ops, wild, fanout) => {
          const names = Array.from({ length: 121 }, (_, i) => `p${i}`)
          const keyOf = new Map<number, number>()
          const t = makeSlotTree(names, fanout, 8)
          let counted = 0
          ops.forEach(([op, s, key], step) => {
            const old = keyOf.get(s)
            if (op === 0 && old !== undefined) {
              t.remove(s)
              keyOf.delete(s)
            } else {
              // Small steps or new keys in a small range; every `wild[0]` steps, a far jump or a fraction.
              const next = wild !== undefined && step % wild[0] === 0 ? wild[1] : old === undefined || op < 3 ? key : old + Math.sign(key)
              if (old === undefined) t.insert(next, s)
              else t.move(s, next)
              keyOf.set(s, next)
            }
            if (t.counted()) counted++
            if (step % 41 === 0) {
              expect(t.checkOrThrow()).toBe(keyOf.size)
              const ks = [...keyOf.values()]
              for (const q of [-5001, -31, -1, 0, 0.5, 3, 31, 5001]) {
                expect(t.countLess(q)).toBe(ks.filter((k) => k < q).length)
                expect(t.countLessEq(q)).toBe(ks.filter((k) => k <= q).length)
              }
            }
          })
          // Without wild keys the counts are kept for most of the run.
          if (wild === undefined) expect(counted).toBeGreaterThan(ops.length / 2)
        }
      ),
      { numRuns: 40 }
    )
  })

  it('tie codes order names as strings compare wherever the codes differ', () => {
    const arbAny = fc.oneof(fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 8 }), arbName)
    fc.assert(
      fc.property(arbAny, arbAny, (a, b) => {
        if (tieCode(a) < tieCode(b)) expect(a < b).toBe(true)
        if (a < b) expect(tieCode(a) <= tieCode(b)).toBe(true)
        if (a === b) expect(tieCode(a)).toBe(tieCode(b))
      }),
      { numRuns: 3000 }
    )
  })
})
