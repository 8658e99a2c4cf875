// Issue #14: `moral-bank check` locates every problem with `jsonPathOffsets` in one pass. Law: for any JSON
// text (any whitespace between tokens, unicode and escaped keys, repeated keys, a byte order mark) and any
// list of paths (existing, missing, repeated, prefixes of each other), the one-pass answers equal
// `jsonPathOffset` path by path, and both equal what a serialiser recorded while writing the text.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { jsonPathOffset, jsonPathOffsets } from '../../src/core/internal.js'

type Seg = string | number
type Path = ReadonlyArray<Seg>
// A JSON value whose objects are lists of entries, so a key can be written twice.
type Doc = null | boolean | number | string | { readonly arr: ReadonlyArray<Doc> } | { readonly obj: ReadonlyArray<readonly [string, Doc]> }

// Keys that collide with each other and with array indices as strings; unicode, astral and escape-needing ones.
const KEYS = ['a', 'b', '0', '1', '', '键', 'ключ', '😀', 'a"b', 'back\\slash', 'line\nbreak', '\u0000', 'tab\t', '\u2028', 'é']
const keyArb = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...KEYS) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) })
const leafArb: fc.Arbitrary<Doc> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom('}', ']', '{"a": 1}', '\\', '"', ',')
)
const docArb: fc.Arbitrary<Doc> = fc.letrec<{ d: Doc }>((tie) => ({
  d: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafArb,
    fc.array(tie('d'), { maxLength: 4 }).map((arr) => ({ arr })),
    fc.array(fc.tuple(keyArb, tie('d')), { maxLength: 5 }).map((obj) => ({ obj }))
  )
})).d

const WS = ['', '', ' ', '\n', '\t', '\r\n', '  \n\t ']

/**
 * The text of a document, whitespace between tokens taken in turn from `ws`, each key written raw or with
 * every character as `\uXXXX` (in turn from `escape`); and the offset of every value by its path, as
 * `JSON.parse` sees it: a repeated key replaces the earlier value and everything under it.
 */
const serialise = (d: Doc, ws: ReadonlyArray<string>, escape: ReadonlyArray<boolean>, bom: boolean) => {
  const at = new Map<string, number>()
  let text = bom ? '\uFEFF' : ''
  let w = 0
  let e = 0
  const space = (): void => {
    text += ws[w++ % ws.length] ?? ''
  }
  const key = (k: string): string =>
    escape[e++ % escape.length] === true ? `"${Array.from({ length: k.length }, (_, i) => `\\u${k.charCodeAt(i).toString(16).padStart(4, '0')}`).join('')}"` : JSON.stringify(k)
  const go = (x: Doc, path: Path): void => {
    const id = JSON.stringify(path)
    for (const k of [...at.keys()]) if (k === id || k.startsWith(`${id.slice(0, -1)},`)) at.delete(k)
    at.set(id, text.length)
    if (x !== null && typeof x === 'object' && 'arr' in x) {
      text += '['
      x.arr.forEach((y, i) => {
        if (i > 0) text += ','
        space()
        go(y, [...path, i])
        space()
      })
      text += ']'
    } else if (x !== null && typeof x === 'object') {
      text += '{'
      x.obj.forEach(([k, y], i) => {
        if (i > 0) text += ','
        space()
        text += key(k)
        space()
        text += ':'
        space()
        go(y, [...path, k])
        space()
      })
      text += '}'
    } else text += JSON.stringify(x)
  }
  space()
  go(d, [])
  space()
  return { text, at }
}

const wsArb = fc.array(fc.constantFrom(...WS), { minLength: 1, maxLength: 12 })
const escapeArb = fc.array(fc.boolean(), { minLength: 1, maxLength: 5 })
const segArb: fc.Arbitrary<Seg> = fc.oneof(fc.nat(4), keyArb)

// Paths to ask for: some that exist, some extended past a leaf or an end, some made up, some twice.
const pathsArb = (existing: ReadonlyArray<Path>): fc.Arbitrary<ReadonlyArray<Path>> =>
  fc.array(
    fc.oneof(
      fc.constantFrom(...existing),
      fc.tuple(fc.constantFrom(...existing), fc.array(segArb, { minLength: 1, maxLength: 2 })).map(([p, more]) => [...p, ...more]),
      fc.array(segArb, { maxLength: 4 })
    ),
    { maxLength: 30 }
  )

// The deepest prefix of `path` the serialiser wrote, as jsonPathOffset answers it.
const expected = (at: ReadonlyMap<string, number>, path: Path): { readonly offset: number; readonly found: number } => {
  let k = 0
  while (k < path.length && at.has(JSON.stringify(path.slice(0, k + 1)))) k++
  return { offset: at.get(JSON.stringify(path.slice(0, k))) as number, found: k }
}

describe('issue #14: jsonPathOffsets, all paths in one pass', () => {
  it('agrees with jsonPathOffset path by path and with the serialiser, in any layout, with repeated and missing keys', () => {
    fc.assert(
      fc.property(
        fc.record({ doc: docArb, ws: wsArb, escape: escapeArb, bom: fc.boolean() }).chain((c) => {
          const s = serialise(c.doc, c.ws, c.escape, c.bom)
          return fc.tuple(fc.constant(s), pathsArb([...s.at.keys()].map((k) => JSON.parse(k) as Path)))
        }),
        ([{ text, at }, paths]) => {
          const all = jsonPathOffsets(text, paths)
          expect(all).toEqual(paths.map((p) => jsonPathOffset(text, p)))
          expect(all).toEqual(paths.map((p) => expected(at, p)))
        }
      ),
      { numRuns: 300 }
    )
  })

  it('agrees with jsonPathOffset on text cut anywhere (up to the first syntax error), and never throws', () => {
    fc.assert(
      fc.property(
        fc.record({ doc: docArb, ws: wsArb, escape: escapeArb, bom: fc.boolean(), cut: fc.nat() }).chain((c) => {
          const s = serialise(c.doc, c.ws, c.escape, c.bom)
          return fc.tuple(fc.constant(s.text.slice(0, c.cut % (s.text.length + 1))), pathsArb([...s.at.keys()].map((k) => JSON.parse(k) as Path)))
        }),
        ([text, paths]) => {
          expect(jsonPathOffsets(text, paths)).toEqual(paths.map((p) => jsonPathOffset(text, p)))
        }
      ),
      { numRuns: 200 }
    )
  })

  it('answers in the order the paths were given, for 20,000 paths over one document', () => {
    const doc = JSON.stringify({ items: Array.from({ length: 10_000 }, (_, i) => ({ id: `x${i}`, n: i })) }, null, 2)
    const paths: Array<Path> = []
    for (let i = 9_999; i >= 0; i--) paths.push(['items', i, 'n'], ['items', i, 'missing'])
    const all = jsonPathOffsets(doc, paths)
    for (const k of [0, 1, 7_777, 19_998, 19_999]) expect(all[k]).toEqual(jsonPathOffset(doc, paths[k] as Path))
    expect(all[1]?.found).toBe(2)
  })
})
