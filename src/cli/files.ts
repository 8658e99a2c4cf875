/**
 * Files and problems: reading and writing through the environment (a file
 * that cannot be read or written is a `FileError`, exit 2), and every
 * problem placed at `file:line:column` of the text it is about.
 *
 * @module
 */
import {
  jsonPathOffsets,
  lineColumns,
  renderLocation,
  renderProblem,
  stripBom,
  type Locale,
  type PathSegment,
  type Problem
} from '../core/internal.js'
import { FileError, type Io } from './command.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** A problem at its place: the file, line and column (1-based; absent when the problem has no place in the file's text), and the line printed for it. */
export interface Placed {
  readonly file: string
  readonly line?: number
  readonly column?: number
  readonly problem: Problem
  /** `file:line:column: $.path: expected …, got …` in the run's language. */
  readonly text: string
}

// -------------------------------------------------------------------------------------
// reading and writing
// -------------------------------------------------------------------------------------

const reason = (err: unknown): string => String((err as Error | undefined)?.message ?? err)

/** A file's text; a `FileError` when it cannot be read. */
export const readText = (io: Io, file: string): string => {
  if (io.env.readText === undefined) throw new FileError(io.say('this build cannot read files', '此版本无法读取文件'))
  try {
    return io.env.readText(file)
  } catch (err) {
    throw new FileError(`${io.say('cannot read', '无法读取')} ${file}: ${reason(err)}`)
  }
}

/** A file as chunks (for files of any size); a `FileError` when it cannot be read, at the start or later. */
export function* readChunks(io: Io, file: string): Generator<string | Uint8Array, void, undefined> {
  if (io.env.readChunks === undefined) {
    yield readText(io, file)
    return
  }
  let it: Iterator<string | Uint8Array>
  try {
    it = io.env.readChunks(file)[Symbol.iterator]()
  } catch (err) {
    throw new FileError(`${io.say('cannot read', '无法读取')} ${file}: ${reason(err)}`)
  }
  try {
    for (;;) {
      let r: IteratorResult<string | Uint8Array>
      try {
        r = it.next()
      } catch (err) {
        throw new FileError(`${io.say('cannot read', '无法读取')} ${file}: ${reason(err)}`)
      }
      if (r.done === true) return
      yield r.value
    }
  } finally {
    it.return?.()
  }
}

/** The first chunk of a file (to tell its kind), or '' for an empty file. */
export const head = (io: Io, file: string): string => {
  for (const c of readChunks(io, file)) return typeof c === 'string' ? c : new TextDecoder('utf-8', { fatal: false }).decode(c)
  return ''
}

/** Write a file; a `FileError` when it cannot be written. */
export const writeText = (io: Io, file: string, text: string): void => {
  if (io.env.writeText === undefined) throw new FileError(io.say('this build cannot write files', '此版本无法写入文件'))
  try {
    io.env.writeText(file, text)
  } catch (err) {
    throw new FileError(`${io.say('cannot write', '无法写入')} ${file}: ${reason(err)}`)
  }
}

// -------------------------------------------------------------------------------------
// placing problems
// -------------------------------------------------------------------------------------

/**
 * Every problem at its place in `json` (the text of `file`), all located in
 * one pass over the text (issue #14: one pass per problem made 10,000
 * problems take minutes). Problems at a text position keep theirs; JSON
 * paths go to the value they name, as an editor counts (the byte order mark
 * is no column). Without a text, a JSON-path problem is at 1:1.
 *
 * @example
 * placeAll([problem('range', at(['a']), text('1', '1'), 2)], 'f.json', '{\n "a": 2}', 'en')[0]?.text // => 'f.json:2:7: $.a: expected 1, got 2'
 */
export const placeAll = (ps: ReadonlyArray<Problem>, file: string, json: string | undefined, lang: Locale): ReadonlyArray<Placed> => {
  const paths: Array<ReadonlyArray<PathSegment>> = []
  for (const p of ps) if (p.at._tag === 'JsonPath') paths.push(p.at.segments)
  const body = json === undefined ? '' : stripBom(json)
  const places = json === undefined || paths.length === 0 ? [] : lineColumns(body, jsonPathOffsets(body, paths).map((x) => x.offset))
  let k = 0
  return ps.map((p) => {
    if (p.at._tag === 'TextPosition') {
      const { line, column } = p.at
      return { file: p.at.file ?? file, line, column, problem: p, text: p.at.file === undefined ? `${file}:${renderProblem(p, lang)}` : renderProblem(p, lang) }
    }
    const { line, column } = places[k++] ?? { line: 1, column: 1 }
    return { file, line, column, problem: p, text: `${file}:${line}:${column}: ${renderProblem(p, lang)}` }
  })
}

/** A placed problem as JSON (for `--format json`). */
export const placedJson = (p: Placed, lang: Locale): Record<string, unknown> => ({
  file: p.file,
  ...(p.line === undefined ? {} : { line: p.line, column: p.column }),
  ...(p.problem.at._tag === 'JsonPath' ? { path: renderLocation(p.problem.at) } : {}),
  code: p.problem.code,
  expected: p.problem.expected[lang],
  received: p.problem.received[lang],
  message: p.text
})
