// Issue #14: ids chosen by members cannot hide characters. Laws of `idProblem`, and the codecs and smart
// constructors that use it agree with it: an id with an invisible, bidirectional-control, control or lone
// surrogate character anywhere is refused, and so is one of only white space; an id of letters, CJK,
// digits, `-`, `_` and `.` (astral characters included) is accepted.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { decode, idProblem, MAX_ID_LENGTH, memberId, MemberIdC, unitId } from '../../src/core/internal.js'

const range = (from: number, to: number): Array<string> => Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i))

// Zero-width characters, bidirectional controls, the soft hyphen, U+180E and the byte order mark.
const INVISIBLE = [...range(0x200b, 0x200f), ...range(0x202a, 0x202e), ...range(0x2060, 0x2064), ...range(0x2066, 0x2069), '\u061c', '\u180e', '\u00ad', '\ufeff']
const CONTROL = [...range(0x00, 0x1f), ...range(0x7f, 0x9f), '\u2028', '\u2029']
const HIGH = fc.integer({ min: 0xd800, max: 0xdbff }).map((c) => String.fromCharCode(c))
const LOW = fc.integer({ min: 0xdc00, max: 0xdfff }).map((c) => String.fromCharCode(c))
const BLANK = [' ', '\u00a0', '\u1680', ...range(0x2000, 0x200a), '\u202f', '\u205f', '\u3000', '\ufeff']

// Printable id characters, one code point each: ASCII letters and digits, - _ ., CJK (and an astral CJK and emoji).
const printable = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.') },
  { weight: 2, arbitrary: fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCodePoint(c)) },
  { weight: 1, arbitrary: fc.integer({ min: 0x20000, max: 0x2a6df }).map((c) => String.fromCodePoint(c)) },
  { weight: 1, arbitrary: fc.constantFrom('😀', 'é', 'ß', 'Ω', 'я') }
)
// An id as code points (so an injection never splits a surrogate pair): 1 to 60 of them, at most 120 code units.
const idPoints = fc.array(printable, { minLength: 1, maxLength: 60 })

const injected = (points: ReadonlyArray<string>, at: number, bad: string): string => {
  const k = at % (points.length + 1)
  return [...points.slice(0, k), bad, ...points.slice(k)].join('')
}

// Every way the library reads an id says the same as idProblem.
const agree = (s: string): void => {
  const why = idProblem(s)
  expect(E.isLeft(decode(MemberIdC)(s))).toBe(why !== undefined)
  expect(E.isLeft(memberId(s))).toBe(why !== undefined)
  expect(E.isLeft(unitId(s))).toBe(why !== undefined)
  expect(MemberIdC.is(s)).toBe(why === undefined)
}

describe('issue #14: ids refuse what cannot be seen', () => {
  it('accepts ids of letters, CJK, digits, - _ . (astral characters too)', () => {
    fc.assert(
      fc.property(idPoints, (points) => {
        const s = points.join('')
        expect(idProblem(s)).toBeUndefined()
        agree(s)
      }),
      { numRuns: 500 }
    )
  })

  it('refuses an invisible or bidirectional-control character anywhere, one or several', () => {
    fc.assert(
      fc.property(idPoints, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...INVISIBLE)), { minLength: 1, maxLength: 3 }), (points, bad) => {
        let s = points.join('')
        for (const [at, c] of bad) s = injected(Array.from(s), at, c)
        expect(idProblem(s), JSON.stringify(s)).toBeDefined()
        agree(s)
      }),
      { numRuns: 500 }
    )
  })

  it('refuses a control character anywhere', () => {
    fc.assert(
      fc.property(idPoints, fc.nat(), fc.constantFrom(...CONTROL), (points, at, c) => {
        const s = injected(points, at, c)
        expect(idProblem(s)?.en).toBe('an id without control characters')
        agree(s)
      }),
      { numRuns: 300 }
    )
  })

  it('refuses a lone surrogate half anywhere: a high one not followed by a low one, a low one not after a high one', () => {
    fc.assert(
      fc.property(idPoints, fc.nat(), fc.oneof(HIGH, LOW), (points, at, half) => {
        const s = injected(points, at, half)
        expect(idProblem(s)?.en, JSON.stringify(s)).toBe('an id of whole characters (no lone surrogate half)')
        agree(s)
      }),
      { numRuns: 300 }
    )
  })

  it('refuses ids of only white space (ideographic, no-break, typographic spaces, a lone BOM)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...BLANK), { minLength: 1, maxLength: 10 }), (cs) => {
        const s = cs.join('')
        expect(idProblem(s)).toBeDefined()
        agree(s)
      }),
      { numRuns: 200 }
    )
  })

  it('accepts white space between visible characters, and refuses ids longer than the bound', () => {
    fc.assert(
      fc.property(idPoints, fc.constantFrom(' ', '\u3000', '\u00a0'), idPoints, (a, space, b) => {
        const s = `${a.join('')}${space}${b.join('')}`
        expect(idProblem(s)).toBeUndefined()
        const long = s.padEnd(MAX_ID_LENGTH + 1, 'x')
        expect(idProblem(long)?.en).toBe(`an id of at most ${MAX_ID_LENGTH} characters`)
        agree(s)
        agree(long)
      }),
      { numRuns: 200 }
    )
  })
})
