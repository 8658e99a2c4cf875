// jsonMayRepeatKeys, the fast test parseJson runs before looking for duplicate keys: whenever it says
// "no repeated key", jsonDuplicateKeys finds none (so parseJson reports exactly what it did before).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { jsonDuplicateKeys, jsonMayRepeatKeys } from '../../src/core/internal.js'

// JSON texts, some with a key repeated (an object's first key written again), keys and strings with ':', '"' and '\\'.
const key = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('a', 'a:b', 'q"x', 'b\\\\', '\\u0061', ':'))
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, fc.string({ maxLength: 6 }), fc.integer(), fc.constantFrom('08:00', '"', '\\'), fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(key, tie('v'), { maxKeys: 3 }))
})).v
const repeat = (s: string): string => s.replace(/\{("(?:[^"\\]|\\.)*"):([^,}]*)/, '{$1:$2,$1:0')
const text = fc.tuple(value, fc.boolean(), fc.constantFrom(0, 2)).map(([v, dup, indent]) => {
  const s = JSON.stringify(v, null, indent)
  return dup ? repeat(s) : s
})

describe('jsonMayRepeatKeys', () => {
  it('says "no repeated key" only when jsonDuplicateKeys finds none', () => {
    let repeated = 0
    fc.assert(
      fc.property(text, (s) => {
        let v: unknown
        try {
          v = JSON.parse(s)
        } catch {
          return // the crude repeat made no JSON: nothing to compare
        }
        if (!jsonMayRepeatKeys(s, v)) expect(jsonDuplicateKeys(s)).toEqual([])
        if (jsonDuplicateKeys(s).length > 0) {
          repeated++
          expect(jsonMayRepeatKeys(s, v)).toBe(true)
        }
      }),
      { numRuns: 5000 }
    )
    expect(repeated).toBeGreaterThan(100) // the texts do repeat keys
  })
  it('looks again when a key is written twice, whatever the strings hold', () => {
    expect(jsonMayRepeatKeys('{"at": "08:00:00", "n": 1}', { at: '08:00:00', n: 1 })).toBe(false)
    expect(jsonMayRepeatKeys('{"n": 1, "n": 2}', { n: 2 })).toBe(true)
    expect(jsonMayRepeatKeys('{"a\\"": {"b": 1}, "a\\"": 2}', { 'a"': 2 })).toBe(true)
    expect(jsonMayRepeatKeys('{"a": "x\\\\", "b": [{"c": ":"}]}', { a: 'x\\', b: [{ c: ':' }] })).toBe(false)
  })
})
