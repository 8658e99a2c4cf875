import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import {
  addPoints,
  calendar,
  decode,
  decodeJson,
  formatInstantUtc,
  InstantC,
  jsonErrorOffset,
  instantOrThrow,
  MAX_INSTANT,
  MIN_INSTANT,
  MemberIdC,
  MS_PER_DAY,
  parseInstant,
  parsePeriodKey,
  PointsC,
  points,
  rngFromSeed,
  sample,
  shuffle,
  strict,
  zone,
  type Instant,
  type Points,
  type Zone
} from '../../src/core/internal.js'

const Z = (name: string): Zone => (zone(name) as E.Right<Zone>).right
const instants = (from: string, to: string) =>
  fc.integer({ min: instantOrThrow(from), max: instantOrThrow(to) }).map((n) => n as Instant)
const KINDS = ['day', 'week', 'month', 'quarter', 'half', 'year'] as const

describe('calendar laws', () => {
  it('agrees with offset arithmetic in fixed-offset zones', () => {
    const fixed: ReadonlyArray<readonly [string, number]> = [
      ['UTC', 0],
      ['Etc/GMT-8', 8 * 60],
      ['Etc/GMT+11', -11 * 60],
      ['Asia/Kolkata', 330],
      ['Asia/Kathmandu', 345]
    ]
    fc.assert(
      fc.property(fc.constantFrom(...fixed), instants('1990-01-01T00:00:00Z', '2099-12-31T00:00:00Z'), ([name, minutes], t) => {
        const cal = calendar(Z(name))
        const expected = Math.floor((t + minutes * 60_000) / MS_PER_DAY)
        expect(cal.dayNumber(t)).toBe(expected)
        expect(cal.offsetAt(t)).toBe(minutes * 60_000)
      }),
      { numRuns: 2000 }
    )
  })
  it('matches Intl day by day in zones with daylight saving', () => {
    const zones = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'America/Sao_Paulo', 'Asia/Shanghai', 'Pacific/Chatham']
    fc.assert(
      fc.property(fc.constantFrom(...zones), instants('1980-01-01T00:00:00Z', '2040-01-01T00:00:00Z'), (name, t) => {
        const intl = new Intl.DateTimeFormat('en-CA', { timeZone: name, year: 'numeric', month: '2-digit', day: '2-digit' }).format(t)
        expect(calendar(Z(name)).key('day', t)).toBe(intl)
      }),
      { numRuns: 1500 }
    )
  })
  it('is monotonic and bracketed by startOfDay across a DST year', () => {
    const cal = calendar(Z('America/New_York'))
    fc.assert(
      fc.property(fc.array(instants('2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z'), { minLength: 2, maxLength: 50 }), (ts) => {
        const sorted = [...ts].sort((a, b) => a - b)
        for (let i = 1; i < sorted.length; i++) {
          const a = sorted[i - 1] as Instant
          const b = sorted[i] as Instant
          expect(cal.dayNumber(a)).toBeLessThanOrEqual(cal.dayNumber(b))
          expect(cal.key('week', a) <= cal.key('week', b)).toBe(true)
        }
        for (const x of sorted) {
          const d = cal.dayNumber(x)
          expect(cal.startOfDay(d)).toBeLessThanOrEqual(x)
          expect(cal.startOfDay(d + 1)).toBeGreaterThan(x)
        }
      })
    )
  })
  it('holds each instant in its periods, and keys read back to the same period', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Asia/Shanghai', 'America/New_York', 'Europe/Berlin'),
        fc.constantFrom(...KINDS),
        instants('1950-01-01T00:00:00Z', '2200-01-01T00:00:00Z'),
        (name, kind, t) => {
          const z = Z(name)
          const p = calendar(z).period(kind, t)
          expect(p.start <= t && t < p.end).toBe(true)
          expect(parsePeriodKey(p.key, z)).toEqual(E.right(p))
        }
      ),
      { numRuns: 1000 }
    )
  })
  it('round-trips local ISO text through parseInstant', () => {
    fc.assert(
      fc.property(fc.constantFrom('Asia/Shanghai', 'America/New_York', 'Asia/Kathmandu'), instants('1950-01-01T00:00:00Z', '2100-01-01T00:00:00Z'), (name, t) => {
        expect(parseInstant(calendar(Z(name)).format(t))).toEqual(E.right(t))
      })
    )
    fc.assert(
      fc.property(fc.integer({ min: MIN_INSTANT, max: MAX_INSTANT }), (n) => {
        expect(parseInstant(formatInstantUtc(n as Instant))).toEqual(E.right(n))
        expect(formatInstantUtc(n as Instant)).toBe(new Date(n).toISOString().replace(/^\+0*/, ''))
      })
    )
  })
})

describe('points laws', () => {
  it('adds exactly within the safe range and reports overflow outside it', () => {
    const safe = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER })
    fc.assert(
      fc.property(safe, safe, (a, b) => {
        const exact = BigInt(a) + BigInt(b)
        const r = addPoints(a as Points, b as Points)
        if (exact <= BigInt(Number.MAX_SAFE_INTEGER) && exact >= BigInt(Number.MIN_SAFE_INTEGER)) expect(r).toEqual(E.right(Number(exact)))
        else expect(E.isLeft(r)).toBe(true)
      })
    )
  })
  it('never accepts a non-integer', () => {
    fc.assert(
      fc.property(fc.double().filter((x) => !Number.isInteger(x)), (x) => {
        expect(E.isLeft(points(x))).toBe(true)
      })
    )
  })
})

describe('randomness laws', () => {
  it('shuffle is a permutation, and the same seed gives the same order', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.integer()), (seed, xs) => {
        const a = shuffle(rngFromSeed(seed), xs)
        expect(a).toEqual(shuffle(rngFromSeed(seed), xs))
        expect([...a].sort((x, y) => x - y)).toEqual([...xs].sort((x, y) => x - y))
      })
    )
  })
  it('samples are distinct members, and a smaller sample is a prefix of a larger one', () => {
    fc.assert(
      fc.property(fc.string(), fc.uniqueArray(fc.integer(), { maxLength: 200 }), fc.nat(250), (seed, xs, k) => {
        const s = sample(rngFromSeed(seed), xs, k)
        expect(s).toHaveLength(Math.min(k, xs.length))
        expect(new Set(s).size).toBe(s.length)
        for (const x of s) expect(xs).toContain(x)
        expect(sample(rngFromSeed(seed), xs, xs.length).slice(0, s.length)).toEqual(s)
      })
    )
  })
})

describe('decoding laws', () => {
  const Thing = strict({ id: MemberIdC, points: PointsC, items: t.array(strict({ at: InstantC })) }, { note: t.string })
  it('never throws on any value, and every problem has a JSON path', () => {
    fc.assert(
      fc.property(fc.anything({ withObjectString: true, withNullPrototype: true, withBigInt: true, withMap: true, withSet: true }), (u) => {
        const r = decode(Thing)(u)
        if (E.isLeft(r)) {
          expect(r.left.length).toBeGreaterThan(0)
          for (const p of r.left) expect(p.at._tag).toBe('JsonPath')
        }
      }),
      { numRuns: 2000 }
    )
  })
  it('never throws on any JSON text, and a bad text has a line and column', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string()), (s) => {
        const r = decodeJson(Thing)(s)
        if (E.isLeft(r)) for (const p of r.left) expect(['JsonPath', 'TextPosition']).toContain(p.at._tag)
      }),
      { numRuns: 2000 }
    )
  })
  it('finds a forbidden key planted anywhere', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom('__proto__', 'constructor', 'prototype'), (v, key) => {
        const planted = JSON.parse(`{"wrap":[${JSON.stringify(v)},{"${key}":1}]}`)
        const r = decode(t.unknown)(planted)
        expect(E.isLeft(r) && r.left.some((p) => p.code === 'forbidden-key' && JSON.stringify(p.at) === JSON.stringify({ _tag: 'JsonPath', segments: ['wrap', 1, key] }))).toBe(true)
      })
    )
  })
})

describe('JSON error offsets', () => {
  it('agree with JSON.parse on validity, and a prefix up to the offset parses as a prefix', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string(), fc.json().map((j) => j.slice(0, Math.floor(j.length / 2)))), (s) => {
        let valid = true
        try {
          JSON.parse(s)
        } catch {
          valid = false
        }
        const off = jsonErrorOffset(s)
        expect(off === undefined).toBe(valid)
        if (off !== undefined) expect(off >= 0 && off <= s.length).toBe(true)
      }),
      { numRuns: 3000 }
    )
  })
  it('survives deep nesting', () => {
    expect(jsonErrorOffset('['.repeat(100_000) + ']'.repeat(100_000))).toBeUndefined()
    expect(jsonErrorOffset('['.repeat(100_000))).toBe(100_000)
  })
})
