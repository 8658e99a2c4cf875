/**
 * JSON Lines files (events, bank operation logs) checked line by line as
 * they stream in, in memory bounded by one line and one chunk whatever the
 * file's size or how many lines are accepted or rejected. Each rejected
 * line's problems are reported at `file:line:column` as found, up to a
 * bound (`--max-problems`, 100 by default); the rest are counted. With
 * `strict` the read stops at the first rejected line. A pretty-printed JSON
 * file (one value spread over many lines) is named as such instead of a
 * wall of syntax errors.
 *
 * @module
 */
import {
  atText,
  jsonPathOffset,
  problem,
  renderProblem,
  text,
  type JsonLine,
  type JsonLinesDecoder,
  type LineRejection,
  type Locale,
  type Problem,
  type Text
} from '../core/internal.js'
import { decodeBankOpsJsonlFrom } from '../bank/internal.js'
import { decodeEventsJsonlFrom } from '../rules/internal.js'
import type { Io } from './command.js'
import { readChunks, type Placed } from './files.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** What a JSON Lines file holds: the decoder of a line and the nouns of the summary. */
export interface LinesKind<A = unknown> {
  readonly decoder: JsonLinesDecoder<A>
  readonly one: Text
  readonly many: Text
}

/** Activity events, one a line. */
export const EVENTS: LinesKind = { decoder: decodeEventsJsonlFrom as JsonLinesDecoder<unknown>, one: text('event', '事件'), many: text('events', '事件') }

/** Moral Bank operations, one a line. */
export const BANK_OPS: LinesKind = { decoder: decodeBankOpsJsonlFrom as JsonLinesDecoder<unknown>, one: text('operation', '操作'), many: text('operations', '操作') }

/** How a file is checked. */
export interface LinesOptions {
  readonly file: string
  readonly lang: Locale
  readonly maxProblems: number
  /** Stop at the first rejected line. */
  readonly strict: boolean
}

/** How many problems are printed unless `--max-problems` says otherwise. */
export const DEFAULT_MAX_PROBLEMS = 100

/** Where a check's findings go as they come: each problem shown, and notes (hints, the count of those not shown). */
export interface LinesSink {
  readonly problem: (p: Placed) => void
  readonly note: (s: string) => void
}

/** What a check found. */
export interface LinesSummary {
  readonly accepted: number
  readonly rejected: number
  /** Problems not shown (over `--max-problems`). */
  readonly hidden: number
  /** The file is one pretty-printed JSON value, not JSON Lines: nothing was checked. */
  readonly notLines: boolean
  /** The line a strict check stopped at. */
  readonly stoppedAt?: number
  /** The summary in the run's language. */
  readonly text: string
}

// -------------------------------------------------------------------------------------
// placing problems
// -------------------------------------------------------------------------------------

// A rejected line's problem at file:line:column (JSON paths at the column of the value they name).
const placed = (r: LineRejection, p: Problem, file: string, lang: Locale): Placed => {
  if (p.at._tag === 'TextPosition') return { file, line: p.at.line, column: p.at.column, problem: p, text: renderProblem(p, lang) }
  let column = 1
  try {
    column = jsonPathOffset(r.text, p.at.segments).offset + 1
  } catch {
    // a line the locator cannot walk: the problem stays at the line's start
  }
  return { file, line: r.index, column, problem: p, text: `${file}:${r.index}:${column}: ${renderProblem(p, lang)}` }
}

// The first line of a pretty-printed JSON value: `{` or `[` opening a value the line does not close,
// so JSON.parse fails at the end of the line.
const opensValue = (r: JsonLine<unknown>): r is LineRejection => {
  if (r._tag !== 'Rejection' || r.problems.length !== 1) return false
  const p = r.problems[0] as Problem
  const start = r.text.trimStart()[0]
  return p.code === 'syntax' && p.at._tag === 'TextPosition' && p.at.column === r.text.length + 1 && (start === '{' || start === '[')
}
const isSyntax = (r: JsonLine<unknown>): boolean => r._tag === 'Rejection' && r.problems.some((p) => p.code === 'syntax')

const notJsonLines = (first: LineRejection, file: string, kind: LinesKind, lang: Locale, sink: LinesSink): void => {
  const array = first.text.trimStart().startsWith('[')
  const p = problem('format', atText(first.index, 1, file), text(`JSON Lines: one ${kind.one.en} object per line`, `JSON Lines：每行一个${kind.one.zh}对象`), undefined)
  const got = { ...p, received: text('a JSON value spread over many lines (pretty-printed JSON)', '跨越多行的 JSON 值（格式化排版的 JSON）') }
  sink.problem({ file, line: first.index, column: 1, problem: got, text: renderProblem(got, lang) })
  const jq = array ? `jq -c '.[]' ${file}` : `jq -c . ${file}`
  sink.note(lang === 'zh' ? `（每行写一个对象，例如 ${jq} > 新文件.jsonl）\n` : `(write one object per line, for example ${jq} > new.jsonl)\n`)
}

// -------------------------------------------------------------------------------------
// the check
// -------------------------------------------------------------------------------------

const group = (n: number): string => n.toLocaleString('en-US')

/** A check in progress: `step` each line's result (false: stop reading), then `end`. */
export interface LinesChecker {
  readonly step: (r: JsonLine<unknown>) => boolean
  readonly end: () => LinesSummary
}

/**
 * A check as a fold over the lines' results, reporting problems to the sink
 * as they come. Keeps counts and at most one held line (the first, until the
 * second tells whether the file is pretty-printed JSON), never the lines.
 *
 * @example
 * const c = linesChecker({ file: 'e.jsonl', lang: 'en', maxProblems: 100, strict: false }, EVENTS, sink)
 * for (const r of EVENTS.decoder(text, 'e.jsonl')) if (!c.step(r)) break
 * c.end().text // => '2 events, 0 lines rejected'
 */
export const linesChecker = (opts: LinesOptions, kind: LinesKind, sink: LinesSink): LinesChecker => {
  const { file, lang, maxProblems } = opts
  let accepted = 0
  let rejected = 0
  let shown = 0
  let hiddenLines = 0
  let hidden = 0
  let seen = 0
  let held: LineRejection | undefined
  let notLines = false
  let stoppedAt: number | undefined

  const report = (r: LineRejection): void => {
    rejected++
    let printed = 0
    for (const p of r.problems) {
      if (shown >= maxProblems) break
      sink.problem(placed(r, p, file, lang))
      shown++
      printed++
    }
    hidden += r.problems.length - printed
    if (printed === 0) hiddenLines++
    if (opts.strict) stoppedAt = r.index
  }
  const take = (r: JsonLine<unknown>): boolean => {
    if (r._tag === 'Accepted') accepted++
    else report(r)
    return stoppedAt === undefined
  }

  const step = (r: JsonLine<unknown>): boolean => {
    seen++
    if (seen === 1 && opensValue(r)) {
      held = r
      return true
    }
    if (seen === 2 && held !== undefined) {
      if (isSyntax(r)) {
        notLines = true
        notJsonLines(held, file, kind, lang, sink)
        return false
      }
      const first = held
      held = undefined
      if (!take(first)) return false
    }
    return take(r)
  }

  const end = (): LinesSummary => {
    if (notLines) return { accepted: 0, rejected: 0, hidden: 0, notLines, text: lang === 'zh' ? '不是 JSON Lines，未检查' : 'not JSON Lines, nothing checked' }
    if (held !== undefined) take(held)
    if (hiddenLines > 0 || hidden > 0) {
      sink.note(
        lang === 'zh'
          ? `${file}: …… 另有 ${group(hiddenLines)} 行被拒未列出${hidden > hiddenLines ? `（共 ${group(hidden)} 个问题未列出）` : ''}；用 --max-problems N 多列\n`
          : `${file}: … and ${group(hiddenLines)} more rejected line${hiddenLines === 1 ? '' : 's'}${hidden > hiddenLines ? ` (${group(hidden)} problem${hidden === 1 ? '' : 's'} not shown)` : ''}; --max-problems N shows more\n`
      )
    }
    const counts =
      lang === 'zh'
        ? `${accepted} 个${kind.many.zh}，${rejected} 行被拒`
        : `${accepted} ${accepted === 1 ? kind.one.en : kind.many.en}, ${rejected} ${rejected === 1 ? 'line' : 'lines'} rejected`
    const stop = stoppedAt === undefined ? '' : lang === 'zh' ? `；在第 ${stoppedAt} 行停止（--strict）` : `; stopped at line ${stoppedAt} (--strict)`
    return { accepted, rejected, hidden, notLines, ...(stoppedAt === undefined ? {} : { stoppedAt }), text: counts + stop }
  }
  return { step, end }
}

// How often the progress line is brought up to date (in lines).
const PROGRESS_EVERY = 1 << 16

// The progress line of a file: brought up to date every PROGRESS_EVERY lines (made only on a terminal).
const progressOf = (io: Io, file: string): ((line: number) => void) => {
  let next = PROGRESS_EVERY
  return (line) => {
    if (line < next) return
    next = line + PROGRESS_EVERY
    io.progress(() => `${file}: ${group(line)} ${io.say('lines', '行')}…`)
  }
}

/**
 * The values of a JSON Lines file as it streams in, each rejected line
 * reported through the checker; `done` receives the summary when the file
 * has been read (or the read stopped). Read once.
 *
 * @example
 * for (const e of streamLines(io, EVENTS, opts, sink, (s) => (summary = s))) fold(e)
 */
export function* streamLines<A>(io: Io, kind: LinesKind<A>, opts: LinesOptions, sink: LinesSink, done: (s: LinesSummary) => void): Generator<A, void, undefined> {
  const c = linesChecker(opts, kind as LinesKind, sink)
  const { file } = opts
  const progress = progressOf(io, file)
  try {
    for (const r of kind.decoder(readChunks(io, file), file)) {
      progress(r.index)
      if (!c.step(r)) break
      if (r._tag === 'Accepted') yield r.value
    }
  } finally {
    io.progress(undefined)
  }
  done(c.end())
}

/**
 * Check a JSON Lines file: every line read, nothing kept (the loop of
 * `streamLines` without a generator between the lines and the checker).
 *
 * @example
 * checkLines(io, EVENTS, { file: 'e.jsonl', lang: 'en', maxProblems: 100, strict: false }, sink).text // => '3 events, 0 lines rejected'
 */
export const checkLines = (io: Io, kind: LinesKind, opts: LinesOptions, sink: LinesSink): LinesSummary => {
  const c = linesChecker(opts, kind, sink)
  const { file } = opts
  const progress = progressOf(io, file)
  try {
    for (const r of kind.decoder(readChunks(io, file), file)) {
      progress(r.index)
      if (!c.step(r)) break
    }
  } finally {
    io.progress(undefined)
  }
  return c.end()
}
