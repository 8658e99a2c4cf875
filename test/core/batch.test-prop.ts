// JSON Lines decoding does not depend on how the text is cut: any text, cut into any chunks (given at
// once or asynchronously), decodes exactly as the whole string; and the string API agrees with the
// original whole-string implementation (kept here as the oracle) on every text without a leading BOM.
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { atText, decode, decodeJsonLines, decodeJsonLinesFrom, jsonSyntaxProblem, type Batch, type Decoded, type JsonLine, type Rejection } from '../../src/core/internal.js'

const one = (u: unknown): Decoded<number> => decode(t.number)(u)

// The implementation before issue #14: split the whole string.
const oracle =
  <A>(dec: (u: unknown) => Decoded<A>) =>
  (text: string, file?: string): Batch<A> => {
    const values: Array<A> = []
    const rejections: Array<Rejection> = []
    const lines = text.split('\n')
    for (let i = 0; i < lines.length; i++) {
      const line = (lines[i] as string).replace(/\r$/, '')
      if (line.trim() === '') continue
      let value: unknown
      try {
        value = JSON.parse(line)
      } catch (err) {
        const p = jsonSyntaxProblem(line, err, file)
        const col = p.at._tag === 'TextPosition' ? p.at.column : 1
        rejections.push({ _tag: 'Rejection', index: i + 1, input: line, problems: [{ ...p, at: atText(i + 1, col, file) }] })
        continue
      }
      const r = dec(value)
      if (E.isRight(r)) values.push(r.right)
      else rejections.push({ _tag: 'Rejection', index: i + 1, input: value, problems: r.left })
    }
    return { values, rejections }
  }

const piece = fc.constantFrom('1', '-2.5', '"x"', '{oops', '[1,', '{"a":1}', 'true', ' ', '\t', '\r', '\n', '\r\n', '\uFEFF', '学', '😀', '\u2028', '')
const textArb = fc.array(piece, { maxLength: 40 }).map((ps) => ps.join(''))
const cut = (s: string, points: ReadonlyArray<number>): ReadonlyArray<string> => {
  const at = [...new Set(points.map((p) => p % (s.length + 1)))].sort((a, b) => a - b)
  const out: Array<string> = []
  let from = 0
  for (const p of at) {
    out.push(s.slice(from, p))
    from = p
  }
  out.push(s.slice(from))
  return out
}
async function* later(chunks: ReadonlyArray<string>): AsyncGenerator<string> {
  for (const c of chunks) yield await Promise.resolve(c)
}

describe('issue #14: JSON Lines in chunks decode as the whole text', () => {
  it('any cut into synchronous chunks gives exactly the results of one string', () => {
    fc.assert(
      fc.property(textArb, fc.array(fc.nat(), { maxLength: 12 }), (s, points) => {
        const whole = [...decodeJsonLinesFrom(one)(s, 'f.jsonl')]
        expect([...decodeJsonLinesFrom(one)(cut(s, points), 'f.jsonl')]).toEqual(whole)
        expect(decodeJsonLines(one)(cut(s, points), 'f.jsonl')).toEqual(decodeJsonLines(one)(s, 'f.jsonl'))
      }),
      { numRuns: 2000 }
    )
  })

  it('any cut of its UTF-8 bytes (through multi-byte characters too) gives exactly the results of one string', () => {
    fc.assert(
      fc.property(textArb, fc.array(fc.nat(), { maxLength: 12 }), (s, points) => {
        const bytes = new TextEncoder().encode(s)
        const at = [...new Set(points.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b)
        const chunks = [0, ...at].map((from, i) => bytes.subarray(from, [...at, bytes.length][i]))
        expect([...decodeJsonLinesFrom(one)(chunks, 'f.jsonl')]).toEqual([...decodeJsonLinesFrom(one)(s, 'f.jsonl')])
      }),
      { numRuns: 2000 }
    )
  })

  it('any cut into asynchronous chunks gives exactly the results of one string', async () => {
    await fc.assert(
      fc.asyncProperty(textArb, fc.array(fc.nat(), { maxLength: 12 }), async (s, points) => {
        const out: Array<JsonLine<number>> = []
        for await (const r of decodeJsonLinesFrom(one)(later(cut(s, points)), 'f.jsonl')) out.push(r)
        expect(out).toEqual([...decodeJsonLinesFrom(one)(s, 'f.jsonl')])
      }),
      { numRuns: 500 }
    )
  })

  it('the string API agrees with the original implementation on texts without a leading BOM', () => {
    fc.assert(
      fc.property(textArb, (s) => {
        fc.pre(!s.startsWith('\uFEFF'))
        expect(decodeJsonLines(one)(s, 'f.jsonl')).toEqual(oracle(one)(s, 'f.jsonl'))
      }),
      { numRuns: 2000 }
    )
  })

  it('a leading BOM changes nothing but itself', () => {
    fc.assert(
      fc.property(textArb, (s) => {
        fc.pre(!s.startsWith('\uFEFF'))
        expect(decodeJsonLines(one)(`\uFEFF${s}`)).toEqual(decodeJsonLines(one)(s))
      }),
      { numRuns: 1000 }
    )
  })
})
