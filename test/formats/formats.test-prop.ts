// Issue 4: the laws of the formats module.
// - export then import gives the same bank (GIFT: every type GIFT carries; Aiken: single choice);
// - import never throws on arbitrary text, and what it returns is a valid bank with positioned problems;
// - fractions survive the percentage written in a file exactly.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { exportAiken, exportGift, fractionToPercent, importAiken, importGift, percentToFraction, type ImportResult } from '../../src/formats/internal.js'
import { renderProblems } from '../../src/core/internal.js'
import { decodeQuestion } from '../../src/quiz/validate.js'
import type { Question } from '../../src/quiz/question.js'
import { aikenQuestionArb, bankArb, giftQuestionArb } from './arbitraries.js'

const RUNS = 300

const wellFormed = (src: string, r: ImportResult): void => {
  const lines = src.replace(/\r\n?/g, '\n').split('\n').length
  for (const q of r.questions) expect(E.isRight(decodeQuestion(JSON.parse(JSON.stringify(q))))).toBe(true)
  expect(new Set(r.questions.map((q) => q.id)).size).toBe(r.questions.length)
  for (const p of r.problems) {
    expect(p.at._tag).toBe('TextPosition')
    if (p.at._tag === 'TextPosition') {
      expect(p.at.line).toBeGreaterThanOrEqual(1)
      expect(p.at.line).toBeLessThanOrEqual(lines)
      expect(p.at.column).toBeGreaterThanOrEqual(1)
    }
  }
}

// Strings over GIFT's own vocabulary find more corners than uniform Unicode.
const giftish = fc
  .array(
    fc.oneof(
      fc.constantFrom('{', '}', '=', '~', '#', '####', '::', ':', '\\', '\\n', '->', '%50%', '%-100%', '%x%', '[html]', '[markdown]', '[moodle]', '//', '// [id:a]', '// [tag:t]', '$CATEGORY: c', 'T', 'TRUE', 'FALSE', '#1..5', '#3:0.5', '..', '\n', '\n\n', '\r\n', ' ', '\uFEFF', '党史', '_____'),
      fc.string({ maxLength: 4 })
    ),
    { maxLength: 40 }
  )
  .map((xs) => xs.join(''))

describe('GIFT laws (issue 4)', () => {
  it('export then import gives the same bank, for every type GIFT carries (random banks, every special character, Chinese)', () => {
    fc.assert(
      fc.property(bankArb(giftQuestionArb), (bank) => {
        for (const q of bank) expect(E.isRight(decodeQuestion(JSON.parse(JSON.stringify(q))))).toBe(true)
        const out = exportGift(bank)
        expect(renderProblems(out.problems)).toBe('')
        const back = importGift(out.text)
        expect(renderProblems(back.problems)).toBe('')
        expect(back.questions).toEqual(bank)
      }),
      { numRuns: RUNS }
    )
  })

  it('export is deterministic and export(import(export(b))) is the same text', () => {
    fc.assert(
      fc.property(bankArb(giftQuestionArb), (bank) => {
        const a = exportGift(bank).text
        expect(exportGift(importGift(a).questions).text).toBe(a)
      }),
      { numRuns: 100 }
    )
  })

  it('import never throws on arbitrary Unicode text, and returns only valid questions and positioned problems', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        wellFormed(s, importGift(s))
      }),
      { numRuns: 1000 }
    )
  })

  it('import never throws on text built from GIFT tokens', () => {
    fc.assert(
      fc.property(giftish, (s) => {
        wellFormed(s, importGift(s, { file: 'x.gift' }))
      }),
      { numRuns: 2000 }
    )
  })

  it('import is deterministic: the same text gives the same result, ids included', () => {
    fc.assert(
      fc.property(giftish, (s) => {
        expect(importGift(s)).toEqual(importGift(s))
      }),
      { numRuns: 300 }
    )
  })

  it('CRLF and a BOM change nothing', () => {
    fc.assert(
      fc.property(giftish, (s) => {
        const lf = s.replace(/\r\n?/g, '\n').replace(/\uFEFF/g, '')
        expect(importGift(`\uFEFF${lf.replace(/\n/g, '\r\n')}`)).toEqual(importGift(lf))
      }),
      { numRuns: 300 }
    )
  })
})

describe('Aiken laws (issue 4)', () => {
  const stripIds = (qs: ReadonlyArray<Question>) => qs.map(({ id: _id, ...rest }) => rest)
  it('export then import gives the same single-choice bank (ids aside: Aiken has none)', () => {
    fc.assert(
      fc.property(bankArb(aikenQuestionArb), (bank) => {
        const out = exportAiken(bank)
        expect(renderProblems(out.problems)).toBe('')
        const back = importAiken(out.text)
        expect(renderProblems(back.problems)).toBe('')
        expect(stripIds(back.questions)).toEqual(stripIds(bank))
      }),
      { numRuns: RUNS }
    )
  })

  it('import never throws on arbitrary text, and returns only valid questions and positioned problems', () => {
    const aikenish = fc
      .array(fc.oneof(fc.constantFrom('A. x', 'B) y', 'C. ', 'ANSWER: A', 'ANSWER: Z', 'ANSWER:', '\n', '\n\n', '\r\n', 'Q?', '题干'), fc.string({ maxLength: 4 })), {
        maxLength: 30
      })
      .map((xs) => xs.join(''))
    fc.assert(
      fc.property(fc.oneof(aikenish, fc.string({ unit: 'binary', maxLength: 200 })), (s) => {
        wellFormed(s, importAiken(s))
      }),
      { numRuns: 1500 }
    )
  })

  it('every question handed to export is written or reported, never dropped silently', () => {
    fc.assert(
      fc.property(bankArb(fc.oneof(aikenQuestionArb, giftQuestionArb)), (bank) => {
        const out = exportAiken(bank)
        const written = importAiken(out.text).questions.length
        const left = new Set(out.problems.filter((p) => p.expected.en.includes('left out')).map((p) => (p.at._tag === 'JsonPath' ? p.at.segments[0] : -1)))
        expect(written + left.size).toBe(bank.length)
      }),
      { numRuns: RUNS }
    )
  })
})

describe('weights', () => {
  it('a fraction written as a percentage and read back is the same number', () => {
    fc.assert(
      fc.property(fc.double({ min: -1, max: 1, noNaN: true }), (f) => {
        const g = percentToFraction(fractionToPercent(f))
        expect(Object.is(g, f) || (g === 0 && f === 0)).toBe(true)
      }),
      { numRuns: 5000 }
    )
  })
})
