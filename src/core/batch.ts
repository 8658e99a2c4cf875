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
import { decode, jsonSyntaxProblem, parseJson, type Decoded } from './decode.js'
import { at, atText, problem, text, type Problem } from './errors.js'
import { unreadable } from './internal/unreadable.js'
import { DEFAULT_MAX_LINE_LENGTH, lineSplitter, linesOf, type LineOptions, type TextChunk, type TextLine } from './lines.js'

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

/**
 * A line of JSON Lines that decoded: its number and value.
 *
 * @category model
 * @example
 * const a: AcceptedLine<number> = { _tag: 'Accepted', index: 1, value: 42 }
 */
export interface AcceptedLine<A> {
  readonly _tag: 'Accepted'
  /** Line number (1-based). */
  readonly index: number
  readonly value: A
}

/**
 * A line of JSON Lines that did not decode: a `Rejection` with the line's
 * text (to place JSON-path problems at a column; empty for a line over the length bound).
 *
 * @category model
 * @example
 * const r: LineRejection = { _tag: 'Rejection', index: 2, input: '{oops', problems: [], text: '{oops' }
 */
export interface LineRejection extends Rejection {
  readonly text: string
}

/**
 * The result of one non-blank line of JSON Lines.
 *
 * @category model
 * @example
 * const results: ReadonlyArray<JsonLine<number>> = [...decodeJsonLinesFrom((u) => decode(t.number)(u))('1\nx')]
 */
export type JsonLine<A> = AcceptedLine<A> | LineRejection

/**
 * A streaming JSON Lines decoder: synchronous chunks (or one string) give a
 * generator, asynchronous chunks an asynchronous generator, of each line's result.
 *
 * @category model
 * @example
 * const d: JsonLinesDecoder<number> = decodeJsonLinesFrom((u) => decode(t.number)(u))
 */
export interface JsonLinesDecoder<A> {
  (chunks: TextChunk | Iterable<TextChunk>, file?: string): Generator<JsonLine<A>, void, undefined>
  (chunks: AsyncIterable<TextChunk>, file?: string): AsyncGenerator<JsonLine<A>, void, undefined>
}

// -------------------------------------------------------------------------------------
// decoding
// -------------------------------------------------------------------------------------

/**
 * Decode each input with `one` (which gets the input's path prefix); bad
 * ones become rejections at their index, their problems' paths starting
 * with that index. Never throws: a value that is not an array, or one whose
 * reading throws (a hostile Proxy or getter), is a rejection.
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
    // Never throws: a value that is no array, or a hostile one (a Proxy or getter that throws), is a rejection.
    let n: number
    try {
      n = Array.isArray(inputs) ? inputs.length : -1
    } catch {
      n = -2
    }
    if (n < 0) {
      const p = n === -1 ? problem('type', at(), LIST_TEXT, inputs) : unreadable([])
      return { values, rejections: [{ _tag: 'Rejection', index: 0, input: n === -1 ? inputs : undefined, problems: [p] }] }
    }
    for (let i = 0; i < n; i++) {
      let u: unknown
      try {
        u = inputs[i]
      } catch {
        rejections.push({ _tag: 'Rejection', index: i, input: undefined, problems: [unreadable([i])] })
        continue
      }
      const r = one(u, [i])
      if (E.isRight(r)) values.push(r.right)
      else rejections.push({ _tag: 'Rejection', index: i, input: u, problems: r.left })
    }
    return { values, rejections }
  }

const LIST_TEXT = text('a list of values', '值的列表')

const BOM = 0xfeff

// One line of JSON Lines: skipped when blank, else parsed and decoded with `one`.
const decodeLine = <A>(one: (u: unknown) => Decoded<A>, line: TextLine, file: string | undefined, max: number): JsonLine<A> | undefined => {
  const index = line.number
  if (line._tag === 'LongLine') {
    const p = problem('range', atText(index, 1, file), text(`a line of at most ${max} characters`, `不超过 ${max} 个字符的一行`), undefined)
    const got = `a line of ${line.length} characters`
    return { _tag: 'Rejection', index, input: undefined, problems: [{ ...p, received: text(got, `${line.length} 个字符的一行`) }], text: '' }
  }
  const raw = line.text
  if (raw.trim() === '') return undefined
  // Each line is read as `parseJson` reads a document (duplicate keys are problems, syntax errors in both
  // languages), except that a byte order mark is accepted only at the start of the text (the splitter drops it).
  const parsed = raw.charCodeAt(0) === BOM ? E.left([jsonSyntaxProblem(raw, undefined, file)]) : parseJson(raw, file)
  if (E.isLeft(parsed)) {
    const problems = parsed.left.map((p) => (p.at._tag === 'TextPosition' ? { ...p, at: atText(index, p.at.column, file) } : p))
    return { _tag: 'Rejection', index, input: raw, problems, text: raw }
  }
  const value = parsed.right
  const r = one(value)
  return E.isRight(r) ? { _tag: 'Accepted', index, value: r.right } : { _tag: 'Rejection', index, input: value, problems: r.left, text: raw }
}

/**
 * Decode JSON Lines given as one string, chunks (strings or UTF-8 bytes,
 * split anywhere) or asynchronous chunks, yielding each line's result as soon as the line is
 * complete: memory holds one line and one chunk, whatever the size of the
 * input. Blank lines are skipped; `\r\n` endings, a UTF-8 byte order mark at
 * the start and a last line without newline are accepted; line numbers count
 * every line. Each line is read as `parseJson` reads a document: a line that
 * is not JSON is a rejection at `file:line:column` (in both languages), a key
 * given twice in one object a rejection at the key's JSON path, a line that
 * is JSON but does not decode a rejection with JSON-path problems (within
 * the line's value, whose `text` it carries), a line longer than
 * `maxLineLength` a rejection by its length.
 *
 * @category decoding
 * @example
 * const lines = decodeJsonLinesFrom((u) => decode(t.number)(u))
 * [...lines(['1\n{oo', 'ps\n3'], 'n.jsonl')].map((r) => r._tag + r.index) // => ['Accepted1', 'Rejection2', 'Accepted3']
 * for await (const r of lines(createReadStream('n.jsonl', 'utf8'), 'n.jsonl')) if (r._tag === 'Rejection') console.log(r.index)
 */
export const decodeJsonLinesFrom = <A>(one: (u: unknown) => Decoded<A>, options: LineOptions = {}): JsonLinesDecoder<A> => {
  const max = options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH
  function* sync(chunks: TextChunk | Iterable<TextChunk>, file?: string): Generator<JsonLine<A>, void, undefined> {
    for (const line of linesOf(chunks, options)) {
      const r = decodeLine(one, line, file, max)
      if (r !== undefined) yield r
    }
  }
  async function* async(chunks: AsyncIterable<TextChunk>, file?: string): AsyncGenerator<JsonLine<A>, void, undefined> {
    const s = lineSplitter(options)
    for await (const chunk of chunks) {
      for (const line of s.push(chunk)) {
        const r = decodeLine(one, line, file, max)
        if (r !== undefined) yield r
      }
    }
    for (const line of s.end()) {
      const r = decodeLine(one, line, file, max)
      if (r !== undefined) yield r
    }
  }
  return ((chunks: TextChunk | Iterable<TextChunk> | AsyncIterable<TextChunk>, file?: string) =>
    typeof chunks === 'object' && Symbol.asyncIterator in chunks ? async(chunks, file) : sync(chunks as TextChunk | Iterable<TextChunk>, file)) as JsonLinesDecoder<A>
}

/**
 * Decode JSON Lines text with `one`: one value per line, blank lines
 * ignored, `\r\n` endings and a byte order mark at the start accepted. A line
 * that is not JSON is a rejection at `file:line:column`; a line with a key
 * given twice in one object, or that is JSON but does not decode, is a
 * rejection with JSON-path problems (within the line's value). The whole text at once: `decodeJsonLinesFrom` reads chunks
 * and streams, with the same results.
 *
 * @category decoding
 * @example
 * const b = decodeJsonLines((u) => decode(t.number)(u))('1\n{oops\n3\n', 'n.jsonl')
 * b.values // => [1, 3]
 * b.rejections[0]?.index // => 2
 */
export const decodeJsonLines =
  <A>(one: (u: unknown) => Decoded<A>, options: LineOptions = {}) =>
  (text: TextChunk | Iterable<TextChunk>, file?: string): Batch<A> => {
    const values: Array<A> = []
    const rejections: Array<Rejection> = []
    for (const r of decodeJsonLinesFrom(one, options)(text, file)) {
      if (r._tag === 'Accepted') values.push(r.value)
      else rejections.push(toRejection(r))
    }
    return { values, rejections }
  }

/**
 * A line's rejection without its text, as `decodeJsonLines` gives it.
 *
 * @category utilities
 * @example
 * toRejection({ _tag: 'Rejection', index: 2, input: '{', problems: [], text: '{' }) // => { _tag: 'Rejection', index: 2, input: '{', problems: [] }
 */
export const toRejection = (r: LineRejection): Rejection => ({ _tag: 'Rejection', index: r.index, input: r.input, problems: r.problems })

/**
 * `decodeEach`, `decodeJsonLines` and `decodeJsonLinesFrom` for one codec.
 *
 * @category decoding
 * @example
 * const { each, lines, from } = batchDecoders(t.number)
 * lines('1\n2\n').values // => [1, 2]
 * [...from(['1\n', '2'])].length // => 2
 */
export const batchDecoders = <A, O>(
  codec: t.Type<A, O, unknown>
): {
  readonly each: (inputs: ReadonlyArray<unknown>) => Batch<A>
  readonly lines: (text: TextChunk | Iterable<TextChunk>, file?: string) => Batch<A>
  readonly from: JsonLinesDecoder<A>
} => {
  const one = (u: unknown): Decoded<A> => decode(codec)(u)
  return { each: decodeEach((u, path) => decode(codec, path)(u)), lines: decodeJsonLines(one), from: decodeJsonLinesFrom(one) }
}
