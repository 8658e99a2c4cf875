// jsonPathOffset against a serializer that records where it writes every value: for any JSON value, any
// layout and any path, the locator finds the offset the serializer recorded (or the deepest prefix that exists).
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { jsonPathOffset, lineColumn } from '../../src/core/internal.js'

type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [k: string]: Json }
type Path = ReadonlyArray<string | number>

// JSON text of a value with `pad` spaces around punctuation, and the offset of every value by its path.
const serialise = (v: Json, pad: string): { readonly text: string; readonly at: Map<string, number> } => {
  const at = new Map<string, number>()
  let text = ''
  const go = (x: Json, path: Path): void => {
    at.set(JSON.stringify(path), text.length)
    if (Array.isArray(x)) {
      text += '['
      x.forEach((y, i) => {
        text += i === 0 ? pad : `,${pad}`
        go(y as Json, [...path, i])
      })
      text += `${pad}]`
    } else if (x !== null && typeof x === 'object') {
      text += '{'
      Object.entries(x).forEach(([k, y], i) => {
        text += `${i === 0 ? pad : `,${pad}`}${JSON.stringify(k)}${pad}:${pad}`
        go(y, [...path, k])
      })
      text += `${pad}}`
    } else text += JSON.stringify(x)
  }
  go(v, [])
  return { text, at }
}

const layoutArb = fc.constantFrom('', ' ', '\n  ', '\t', '\r\n')

describe('jsonPathOffset', () => {
  it('finds every value where a serializer wrote it, in any layout', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<Json>, layoutArb, (v, pad) => {
        const { text, at } = serialise(v, pad)
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(v))) // as JSON: -0 is written 0
        for (const [key, offset] of at) {
          const path = JSON.parse(key) as Path
          expect(jsonPathOffset(text, path)).toEqual({ offset, found: path.length })
        }
      }),
      { numRuns: 300 }
    )
  })

  it('for a path that does not exist, points at the deepest prefix that does', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>, layoutArb, fc.array(fc.oneof(fc.nat(4), fc.string({ maxLength: 3 })), { maxLength: 4 }), (v, pad, path) => {
        const { text, at } = serialise(v, pad)
        let k = 0
        while (k < path.length && at.has(JSON.stringify(path.slice(0, k + 1)))) k++
        expect(jsonPathOffset(text, path)).toEqual({ offset: at.get(JSON.stringify(path.slice(0, k))), found: k })
      }),
      { numRuns: 300 }
    )
  })

  it('takes the last of duplicated keys, as JSON.parse does, and counts lines and columns from 1', () => {
    const text = '{\n  "a": 1,\n  "a": [true, "x]"],\n  "b": {"c": null}\n}'
    const { offset } = jsonPathOffset(text, ['a', 1])
    expect(text.slice(offset, offset + 4)).toBe('"x]"')
    expect(lineColumn(text, offset)).toEqual({ line: 3, column: 15 })
    expect(lineColumn(text, jsonPathOffset(text, ['b', 'c']).offset)).toEqual({ line: 4, column: 14 })
    expect(lineColumn(text, 0)).toEqual({ line: 1, column: 1 })
  })
})
