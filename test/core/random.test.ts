import { describe, expect, it } from 'vitest'
import { deriveSeed, rngFromParts, rngFromSeed, sample, shuffle, uniformFloat, uniformInt } from '../../src/core/internal.js'

describe('seeded randomness', () => {
  it('derives distinct seeds from differently split parts', () => {
    expect(deriveSeed('a', 'bc')).not.toBe(deriveSeed('ab', 'c'))
    expect(deriveSeed('a', 1)).not.toBe(deriveSeed('a', '1'))
  })
  it('repeats a sequence for the same seed and differs for another', () => {
    const draw = (seed: string) => {
      const r = rngFromSeed(seed)
      return Array.from({ length: 20 }, () => r.nextUint32())
    }
    expect(draw('x')).toEqual(draw('x'))
    expect(draw('x')).not.toEqual(draw('y'))
    const a = rngFromParts('park', 'm-1')
    const b = rngFromSeed(deriveSeed('park', 'm-1'))
    expect(a.nextUint32()).toBe(b.nextUint32())
  })
  it('draws integers in range with roughly equal frequencies (chi-square, fixed seed)', () => {
    const r = rngFromSeed('chi')
    const n = 7
    const draws = 70_000
    const counts = new Array<number>(n).fill(0)
    for (let i = 0; i < draws; i++) {
      const x = uniformInt(r, n)
      expect(x >= 0 && x < n).toBe(true)
      counts[x] = (counts[x] ?? 0) + 1
    }
    const e = draws / n
    const chi = counts.reduce((s, c) => s + (c - e) ** 2 / e, 0)
    expect(chi).toBeLessThan(22.46) // p = 0.001 with 6 degrees of freedom
  })
  it('handles ranges above 2^32', () => {
    const r = rngFromSeed('big')
    for (let i = 0; i < 100; i++) {
      const x = uniformInt(r, 2 ** 40)
      expect(Number.isSafeInteger(x) && x >= 0 && x < 2 ** 40).toBe(true)
    }
    expect(() => uniformInt(r, 0)).toThrow(RangeError)
    expect(() => uniformInt(r, 1.5)).toThrow(RangeError)
    const f = uniformFloat(r)
    expect(f >= 0 && f < 1).toBe(true)
  })
  it('shuffles without touching the input', () => {
    const xs = [1, 2, 3, 4, 5]
    const out = shuffle(rngFromSeed('s'), xs)
    expect(xs).toEqual([1, 2, 3, 4, 5])
    expect([...out].sort()).toEqual(xs)
  })
  it('reaches every permutation of three with similar frequency', () => {
    const r = rngFromSeed('perm')
    const counts = new Map<string, number>()
    for (let i = 0; i < 6000; i++) {
      const k = shuffle(r, ['a', 'b', 'c']).join('')
      counts.set(k, (counts.get(k) ?? 0) + 1)
    }
    expect(counts.size).toBe(6)
    for (const c of counts.values()) expect(Math.abs(c - 1000)).toBeLessThan(150)
  })
  it('samples without replacement, sparse and dense alike', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i)
    for (const k of [0, 3, 24, 25, 60, 100, 150]) {
      const s = sample(rngFromSeed(`k${k}`), xs, k)
      expect(s).toHaveLength(Math.min(k, 100))
      expect(new Set(s).size).toBe(s.length)
    }
  })
})
