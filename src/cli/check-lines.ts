/**
 * `check-events`: a JSON Lines file checked line by line as it streams in,
 * in memory bounded by one line and one chunk whatever the file's size or
 * how many lines are accepted or rejected. Each rejected line is printed at
 * `file:line:column` with its reason, up to a bound (`--max-problems`, 100 by
 * default); the rest are counted. A pretty-printed JSON file (one value
 * spread over many lines) is named as such instead of a wall of syntax errors.
 * No Node built-ins here: the caller gives the chunks (a file stream in
 * main.ts, one string in `run`).
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
  type Problem
} from '../core/internal.js'
import { decodeEventsJsonlFrom } from '../rules/internal.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** What a JSON Lines file holds: the decoder of a line and the nouns of the summary. */
interface LinesKind {
  readonly decoder: JsonLinesDecoder<unknown>
  readonly one: string
  readonly many: string
}

/** The files `check-events` reads. */
export const EVENTS: LinesKind = { decoder: decodeEventsJsonlFrom as JsonLinesDecoder<unknown>, one: 'event', many: 'events' }

/** The options of a check, from the command line. */
export interface LinesArgs {
  readonly file: string
  readonly lang: Locale
  readonly maxProblems: number
}

/** How many problems are printed unless `--max-problems` says otherwise. */
export const DEFAULT_MAX_PROBLEMS = 100

/** The outcome of a check: the summary line (stdout) and the exit code; problems went to the sink as found. */
export interface LinesOutcome {
  readonly stdout: string
  readonly code: number
}

// -------------------------------------------------------------------------------------
// arguments
// -------------------------------------------------------------------------------------

const VALUED = new Set(['--lang', '--max-problems'])

/**
 * Read `<file> [--lang en|zh] [--max-problems N]`: the options, or a usage error.
 *
 * @example
 * linesArgs(['events.jsonl', '--max-problems', '5']) // => { file: 'events.jsonl', lang: 'en', maxProblems: 5 }
 */
export const linesArgs = (args: ReadonlyArray<string>): LinesArgs | { readonly error: string } => {
  let file: string | undefined
  let lang: Locale = 'en'
  let maxProblems = DEFAULT_MAX_PROBLEMS
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string
    if (VALUED.has(a)) {
      const v = args[++i]
      if (a === '--lang') lang = v === 'zh' ? 'zh' : 'en'
      else if (v !== undefined && /^\d{1,9}$/.test(v)) maxProblems = Number(v)
      else return { error: `--max-problems needs a whole number, got ${v === undefined ? 'nothing' : JSON.stringify(v)}` }
    } else if (file === undefined && !a.startsWith('--')) file = a
    else return { error: `unexpected argument ${JSON.stringify(a)}` }
  }
  return file === undefined ? { error: 'a file is needed' } : { file, lang, maxProblems }
}

// -------------------------------------------------------------------------------------
// placing problems
// -------------------------------------------------------------------------------------

// A rejected line's problems as text, each at file:line:column (JSON paths at the column of the value they name).
const placed = (r: LineRejection, p: Problem, file: string, lang: Locale): string => {
  if (p.at._tag !== 'JsonPath') return renderProblem(p, lang)
  let column = 1
  try {
    column = jsonPathOffset(r.text, p.at.segments).offset + 1
  } catch {
    // a line the locator cannot walk: the problem stays at the line's start
  }
  return `${file}:${r.index}:${column}: ${renderProblem(p, lang)}`
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

const notJsonLines = (first: LineRejection, file: string, kind: LinesKind, lang: Locale): string => {
  const array = first.text.trimStart().startsWith('[')
  const p = problem(
    'format',
    atText(first.index, 1, file),
    text(`JSON Lines: one ${kind.one} object per line`, `JSON Lines：每行一个${kind.one === 'event' ? '事件' : ''}对象`),
    undefined
  )
  const got = text('a JSON value spread over many lines (pretty-printed JSON)', '跨越多行的 JSON 值（格式化排版的 JSON）')
  const jq = array ? `jq -c '.[]' ${file}` : `jq -c . ${file}`
  const hint = lang === 'zh' ? `（每行写一个对象，例如 ${jq} > 新文件.jsonl）` : `(write one object per line, for example ${jq} > new.jsonl)`
  return `${renderProblem({ ...p, received: got }, lang)}\n${hint}\n`
}

// -------------------------------------------------------------------------------------
// the check
// -------------------------------------------------------------------------------------

const group = (n: number): string => n.toLocaleString('en-US')
const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`

/** A check in progress: `step` each line's result (false: stop reading), then `end`. */
export interface LinesChecker {
  readonly step: (r: JsonLine<unknown>) => boolean
  readonly end: () => LinesOutcome
}

/**
 * A check as a fold over the lines' results, printing problems through `emit`
 * as they come. Keeps counts and at most one held line (the first, until the
 * second tells whether the file is pretty-printed JSON), never the lines.
 *
 * @example
 * const c = linesChecker({ file: 'e.jsonl', lang: 'en', maxProblems: 100 }, EVENTS, (s) => process.stderr.write(s))
 * for (const r of EVENTS.decoder(text, 'e.jsonl')) if (!c.step(r)) break
 * c.end().stdout // => 'e.jsonl: 2 events, 0 lines rejected\n'
 */
export const linesChecker = (args: LinesArgs, kind: LinesKind, emit: (problemText: string) => void): LinesChecker => {
  const { file, lang, maxProblems } = args
  let accepted = 0
  let rejected = 0
  let shown = 0
  let hiddenLines = 0
  let hiddenProblems = 0
  let seen = 0
  let held: LineRejection | undefined
  let notLines = false

  const report = (r: LineRejection): void => {
    rejected++
    let out = ''
    let printed = 0
    for (const p of r.problems) {
      if (shown >= maxProblems) break
      out += `${placed(r, p, file, lang)}\n`
      shown++
      printed++
    }
    if (out !== '') emit(out)
    hiddenProblems += r.problems.length - printed
    if (printed === 0) hiddenLines++
  }
  const take = (r: JsonLine<unknown>): void => {
    if (r._tag === 'Accepted') accepted++
    else report(r)
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
        emit(notJsonLines(held, file, kind, lang))
        return false
      }
      take(held)
      held = undefined
    }
    take(r)
    return true
  }

  const end = (): LinesOutcome => {
    if (notLines) return { stdout: `${file}: not JSON Lines, nothing checked\n`, code: 1 }
    if (held !== undefined) take(held)
    if (hiddenLines > 0 || hiddenProblems > 0) {
      const more =
        lang === 'zh'
          ? `…… 另有 ${group(hiddenLines)} 行被拒未列出${hiddenProblems > hiddenLines ? `（共 ${group(hiddenProblems)} 个问题未列出）` : ''}；用 --max-problems N 多列`
          : `… and ${group(hiddenLines)} more rejected line${hiddenLines === 1 ? '' : 's'}${hiddenProblems > hiddenLines ? ` (${group(hiddenProblems)} problem${hiddenProblems === 1 ? '' : 's'} not shown)` : ''}; --max-problems N shows more`
      emit(`${file}: ${more}\n`)
    }
    const summary = `${file}: ${plural(accepted, kind.one, kind.many)}, ${plural(rejected, 'line', 'lines')} rejected\n`
    return { stdout: summary, code: rejected > 0 ? 1 : 0 }
  }
  return { step, end }
}

/**
 * Check JSON Lines given as one string or synchronous chunks (for `run`, which has the whole text).
 *
 * @example
 * checkLinesSync(EVENTS, { file: 'e.jsonl', lang: 'en', maxProblems: 100 }, '{oops\n', (s) => process.stderr.write(s)).code // => 1
 */
export const checkLinesSync = (kind: LinesKind, args: LinesArgs, chunks: string | Iterable<string>, emit: (s: string) => void): LinesOutcome => {
  const c = linesChecker(args, kind, emit)
  for (const r of kind.decoder(chunks, args.file)) if (!c.step(r)) break
  return c.end()
}

/**
 * Check JSON Lines as they stream in (a file stream with an encoding): stops reading when the file is not JSON Lines.
 *
 * @example
 * await checkLines(EVENTS, args, createReadStream(args.file, 'utf8'), (s) => process.stderr.write(s))
 */
export const checkLines = async (kind: LinesKind, args: LinesArgs, chunks: AsyncIterable<string>, emit: (s: string) => void): Promise<LinesOutcome> => {
  const c = linesChecker(args, kind, emit)
  for await (const r of kind.decoder(chunks, args.file)) if (!c.step(r)) break
  return c.end()
}
