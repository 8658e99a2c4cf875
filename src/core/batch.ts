/**
 * Decoding many inputs at once, one by one: an array of values, or JSON
 * Lines text (one JSON value per line, as hosts keep event and operation
 * logs). Good inputs come back in order; each bad one becomes a rejection
 * with where it was and every reason. Nothing is dropped silently.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type * as t from 'io-ts'
import { decode, jsonSyntaxProblem, type Decoded } from './decode.js'
import { atText, type Problem } from './errors.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * An input that could not be decoded: where it was and every reason.
 *
 * @category model
 * @example
 * // { _tag: 'Rejection', index: 2, input: '{oops', problems: [{ code: 'syntax', at: events.jsonl:2:2, … }] }
 */
export interface Rejection {
  readonly _tag: 'Rejection'
  /** Line number (1-based) in a JSON Lines text, or index in an array. */
  readonly index: number
  readonly input: unknown
  readonly problems: ReadonlyArray<Problem>
}

/**
 * Values decoded from many inputs: the good ones in input order, and the rejections.
 *
 * @category model
 * @example
 * const b: Batch<number> = { values: [1, 2], rejections: [] }
 */
export interface Batch<A> {
  readonly values: ReadonlyArray<A>
  readonly rejections: ReadonlyArray<Rejection>
}

// -------------------------------------------------------------------------------------
// decoding
// -------------------------------------------------------------------------------------

/**
 * Decode each input with `one` (which gets the input's path prefix); bad
 * ones become rejections at their index, their problems' paths starting
 * with that index.
 *
 * @category decoding
 * @example
 * decodeEach((u, path) => decode(t.number, path)(u))([1, 'x', 3]).rejections[0]?.index // => 1
 */
export const decodeEach =
  <A>(one: (u: unknown, path: ReadonlyArray<number>) => Decoded<A>) =>
  (inputs: ReadonlyArray<unknown>): Batch<A> => {
    const values: Array<A> = []
    const rejections: Array<Rejection> = []
    for (let i = 0; i < inputs.length; i++) {
      const r = one(inputs[i], [i])
      if (E.isRight(r)) values.push(r.right)
      else rejections.push({ _tag: 'Rejection', index: i, input: inputs[i], problems: r.left })
    }
    return { values, rejections }
  }

/**
 * Decode JSON Lines text with `one`: one value per line, blank lines
 * ignored, `\r\n` endings accepted. A line that is not JSON is a rejection
 * at `file:line:column`; a line that is JSON but does not decode is a
 * rejection with JSON-path problems (within the line's value).
 *
 * @category decoding
 * @example
 * const b = decodeJsonLines((u) => decode(t.number)(u))('1\n{oops\n3\n', 'n.jsonl')
 * b.values // => [1, 3]
 * b.rejections[0]?.index // => 2
 */
export const decodeJsonLines =
  <A>(one: (u: unknown) => Decoded<A>) =>
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
      const r = one(value)
      if (E.isRight(r)) values.push(r.right)
      else rejections.push({ _tag: 'Rejection', index: i + 1, input: value, problems: r.left })
    }
    return { values, rejections }
  }

/**
 * `decodeEach` and `decodeJsonLines` for one codec.
 *
 * @category decoding
 * @example
 * const { each, lines } = batchDecoders(t.number)
 * lines('1\n2\n').values // => [1, 2]
 */
export const batchDecoders = <A, O>(codec: t.Type<A, O, unknown>): { readonly each: (inputs: ReadonlyArray<unknown>) => Batch<A>; readonly lines: (text: string, file?: string) => Batch<A> } => ({
  each: decodeEach((u, path) => decode(codec, path)(u)),
  lines: decodeJsonLines((u) => decode(codec)(u))
})
