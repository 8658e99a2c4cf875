/**
 * Text in chunks to numbered lines: what a JSON Lines reader needs whatever
 * the size of its input. Chunks may split a line anywhere (even between a
 * `\r` and its `\n`); a UTF-8 byte order mark at the start is dropped, `\r\n`
 * endings are accepted, the last line needs no newline, and a line longer
 * than a bound is reported by its length instead of being kept, so memory
 * stays bounded by the longest allowed line. Chunks are strings, or bytes
 * (UTF-8, decoded in stream mode, so a character cut between two chunks
 * stays whole). Pure: no I/O.
 *
 * @module
 */

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * One line of a text: its number (1-based) and its characters without the
 * line ending; or, for a line above the length bound, its length only.
 *
 * @category model
 * @example
 * const l: TextLine = { _tag: 'Line', number: 3, text: '{"id":"e3"}' }
 */
export type TextLine =
  | { readonly _tag: 'Line'; readonly number: number; readonly text: string }
  | { readonly _tag: 'LongLine'; readonly number: number; readonly length: number }

/**
 * A piece of a text: characters, or UTF-8 bytes.
 *
 * @category model
 * @example
 * const cs: ReadonlyArray<TextChunk> = ['{"a":', new TextEncoder().encode('1}\n')]
 */
export type TextChunk = string | Uint8Array

/**
 * Options of line splitting.
 *
 * @category model
 * @example
 * const o: LineOptions = { maxLineLength: 1_000_000 }
 */
export interface LineOptions {
  /** Longest line kept, in UTF-16 code units without the line ending; longer ones come as `LongLine`. */
  readonly maxLineLength?: number
}

/**
 * The default bound on a line's length: 16 Mi code units (an event or an
 * operation is a few hundred).
 *
 * @category model
 * @example
 * DEFAULT_MAX_LINE_LENGTH // => 16777216
 */
export const DEFAULT_MAX_LINE_LENGTH = 16 * 1024 * 1024

/**
 * An incremental line splitter: `push` a chunk and get the lines it
 * completed; `end` gives the last line (if the text does not end with a
 * newline). Its state is its own: make one per text.
 *
 * @category model
 * @example
 * const s = lineSplitter()
 * s.push('a\nb').map((l) => l._tag === 'Line' && l.text) // => ['a']
 * s.end().map((l) => l._tag === 'Line' && l.text) // => ['b']
 */
export interface LineSplitter {
  readonly push: (chunk: TextChunk) => ReadonlyArray<TextLine>
  readonly end: () => ReadonlyArray<TextLine>
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

const BOM = 0xfeff
const CR = 0x0d

/**
 * Make a line splitter (see `LineSplitter`).
 *
 * @category constructors
 * @example
 * const s = lineSplitter()
 * [...s.push('\uFEFFx\r'), ...s.push('\ny'), ...s.end()].map((l) => l._tag === 'Line' && l.text) // => ['x', 'y']
 */
export const lineSplitter = (options: LineOptions = {}): LineSplitter => {
  const max = options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH
  let started = false
  let number = 0
  // The line being read: its parts so far (kept only while within the bound) and its length.
  let parts: Array<string> = []
  let length = 0

  // Whether the line's last character so far is `\r` (known even when its parts were dropped).
  let lastWasCr = false

  const take = (piece: string): void => {
    length += piece.length
    lastWasCr = piece.charCodeAt(piece.length - 1) === CR
    if (length <= max + 1) parts.push(piece) // + 1: the `\r` of a `\r\n` comes off
    else parts = []
  }
  const finish = (out: Array<TextLine>): void => {
    number++
    const n = lastWasCr ? length - 1 : length
    if (n <= max) {
      const whole = parts.length === 1 ? (parts[0] as string) : parts.join('')
      out.push({ _tag: 'Line', number, text: lastWasCr ? whole.slice(0, -1) : whole })
    } else out.push({ _tag: 'LongLine', number, length: n })
    parts = []
    length = 0
    lastWasCr = false
  }

  let bytes: TextDecoder | undefined // made at the first chunk of bytes
  const push = (chunk: TextChunk): ReadonlyArray<TextLine> => {
    let c = typeof chunk === 'string' ? chunk : (bytes ??= new TextDecoder('utf-8', { ignoreBOM: true })).decode(chunk, { stream: true })
    if (!started && c.length > 0) {
      started = true
      if (c.charCodeAt(0) === BOM) c = c.slice(1)
    }
    const out: Array<TextLine> = []
    let from = 0
    for (;;) {
      const nl = c.indexOf('\n', from)
      if (nl < 0) break
      if (nl > from) take(c.slice(from, nl))
      finish(out)
      from = nl + 1
    }
    if (from < c.length) take(c.slice(from))
    return out
  }
  const end = (): ReadonlyArray<TextLine> => {
    const out: Array<TextLine> = bytes === undefined ? [] : [...push(bytes.decode())] // an unfinished character becomes U+FFFD
    if (length > 0) finish(out)
    return out
  }
  return { push, end }
}

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/**
 * The lines of a text given as one string or as chunks, in order.
 *
 * @category utilities
 * @example
 * [...linesOf(['{"a":', '1}\r\n\r\n2'])].map((l) => l.number) // => [1, 2, 3]
 */
export function* linesOf(chunks: TextChunk | Iterable<TextChunk>, options: LineOptions = {}): Generator<TextLine, void, undefined> {
  const s = lineSplitter(options)
  for (const chunk of typeof chunks === 'string' || chunks instanceof Uint8Array ? [chunks] : chunks) yield* s.push(chunk)
  yield* s.end()
}

/**
 * The lines of a text given as asynchronous chunks (a Node readable stream,
 * a web `ReadableStream` of strings or bytes), in order.
 *
 * @category utilities
 * @example
 * for await (const line of linesOfAsync(createReadStream('events.jsonl', 'utf8'))) console.log(line.number)
 */
export async function* linesOfAsync(chunks: AsyncIterable<TextChunk>, options: LineOptions = {}): AsyncGenerator<TextLine, void, undefined> {
  const s = lineSplitter(options)
  for await (const chunk of chunks) yield* s.push(chunk)
  yield* s.end()
}
