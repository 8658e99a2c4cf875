// Issue #14 (hostile and huge input): the fuzz of every decoder the package exports (see issue-14-decoders.ts)
// on any value (fast-check's anything()), any JSON value or text, and random edits of valid documents: no
// decoder throws; whatever it refuses comes back as problems, and no problem's text, in English or Chinese,
// names an io-ts type (`ReadonlyArray<Name>`, `Partial<{  }>`, `UnknownRecord`, ...).
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as t from 'io-ts'
import * as M from '../../src/internal.js'
import { allOnList, allOnText, allOnValue, CODECS, DENY, copy, edited, editsArb, LIST, NOT_FUZZED, SEEDS, TEXT, VALUE, type Out } from './issue-14-decoders.js'

const anything = fc.anything({ withBigInt: true, withBoxedValues: true, withNullPrototype: true, withMap: true, withSet: true, withDate: true, withTypedArray: true, withSparseArray: true, withObjectString: true })

describe('issue #14: every decoder the package exports is fuzzed', () => {
  it('the tables hold every decoder the package exports', () => {
    const listed = new Set([...Object.keys(VALUE), ...Object.keys(LIST), ...Object.keys(TEXT), ...Object.keys(NOT_FUZZED)])
    const readers = Object.entries(M)
      .filter(([name, v]) => typeof v === 'function' && !(v instanceof t.Type) && /^(decode|compile|check|parse|import|read)[A-Z]|^(zone|instant|memberId|unitId|eventId|questionId|subjectId|ruleId|accountId)$|Codec$/.test(name) && !name.endsWith('OrThrow'))
      .map(([name]) => name)
    expect(readers.filter((n) => !listed.has(n))).toEqual([])
    expect(CODECS.length).toBeGreaterThan(40)
  })

  it('the denylist catches the io-ts names the issue saw, and not the words problems use', () => {
    for (const leaked of ['expected ReadonlyArray<Name>', 'expected Partial<{  }>', 'expected UnknownRecord', 'expected { en: string, zh: string }', 'expected ("day" | "week")', 'expected Array<string>', 'expected MemberId']) {
      expect(leaked, leaked).toMatch(DENY)
    }
    for (const fine of ['expected a list, each a non-empty string', 'expected a label text {en, zh}', 'expected "Board"', 'expected one of day, week (and 3 more)', '应为列表，每项为非空字符串']) {
      expect(fine, fine).not.toMatch(DENY)
    }
  })

  it('on any value: no throw, refusals come with problems, no io-ts name', () => {
    fc.assert(
      fc.property(anything, (u) => {
        expect(allOnValue(u)).toEqual([])
        expect(allOnList([u, u])).toEqual([])
      }),
      { numRuns: 150 }
    )
  })

  it('on any JSON value and any JSON or other text: the same', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.oneof(fc.json({ maxDepth: 3 }), fc.string({ unit: 'binary' })), (v, s) => {
        expect(allOnValue(v)).toEqual([])
        expect(allOnText(s)).toEqual([])
        expect(allOnText(`${JSON.stringify(v)}\n${s}\n`)).toEqual([])
      }),
      { numRuns: 150 }
    )
  })

  for (const [seed, doc, decoders] of SEEDS) {
    it(`on random edits of a valid ${seed}: the same`, () => {
      for (const name of decoders) expect((VALUE[name] as (u: unknown) => Out)(copy(doc)).problems, `${seed} is valid for ${name}`).toEqual([])
      fc.assert(
        fc.property(editsArb, (edits) => {
          const u = edited(doc, edits)
          expect(allOnValue(u)).toEqual([])
          let text: string | undefined
          try {
            text = JSON.stringify(u)
          } catch {
            text = undefined // a BigInt: not JSON
          }
          if (text !== undefined) expect(allOnText(text)).toEqual([])
        }),
        { numRuns: 25 }
      )
    })
  }
})
