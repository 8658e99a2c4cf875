/**
 * The CLI as a function from arguments to output and an exit code, so it can
 * be tested without spawning a process.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import {
  calendar,
  instant,
  jsonPathOffsets,
  lineColumns,
  renderProblem,
  stripBom,
  zone,
  type CalendarKind,
  type Locale,
  type PathSegment,
  type Problem
} from '../core/internal.js'
import { decodeProgrammeJson } from '../programme/internal.js'
import { EVENTS, checkLinesSync, linesArgs } from './check-lines.js'

/** What a CLI run prints and how it exits. */
export interface CliResult {
  readonly stdout: string
  readonly stderr: string
  readonly code: number
}

/** What the CLI gets from its environment. */
export interface CliEnv {
  readonly version: string
  readonly now: number
  /** Read a text file (throws when it cannot). */
  readonly readText?: (path: string) => string
}

const USAGE = `moral-bank <command> [options]

Commands:
  period <instant> [--zone Z] [--lang en|zh]   the day, week, month, quarter, half and year keys of an instant
  check <programme.json> [--lang en|zh]         check a programme file: every problem at file:line:column
  check-events <events.jsonl> [--lang en|zh] [--max-problems N]
                                                check an events file as it streams: each rejected line and why
                                                (the first N problems, 100 by default; the rest counted)
  --version                                     print the version
  --help                                        print this help
`

const KINDS: ReadonlyArray<CalendarKind> = ['day', 'week', 'month', 'quarter', 'half', 'year']

const flag = (args: ReadonlyArray<string>, name: string): string | undefined => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}

const readOr = (env: CliEnv, file: string | undefined, lang: Locale): { readonly text: string } | CliResult => {
  if (file === undefined) return { stdout: '', stderr: `a file is needed\n\n${USAGE}`, code: 2 }
  if (env.readText === undefined) return { stdout: '', stderr: 'this build cannot read files\n', code: 2 }
  try {
    return { text: env.readText(file) }
  } catch (err) {
    return { stdout: '', stderr: `${lang === 'zh' ? '无法读取' : 'cannot read'} ${file}: ${String((err as Error).message ?? err)}\n`, code: 2 }
  }
}

// Every problem of `check` at its place in the file, all located in one pass over the text
// (issue #14: one pass per problem made 10,000 problems take minutes).
const placedAll = (ps: ReadonlyArray<Problem>, file: string, json: string, lang: Locale): string => {
  const paths: Array<ReadonlyArray<PathSegment>> = []
  for (const p of ps) if (p.at._tag === 'JsonPath') paths.push(p.at.segments)
  const body = stripBom(json) // positions as an editor shows them: the byte order mark is no column
  const places = lineColumns(body, jsonPathOffsets(body, paths).map((x) => x.offset))
  let k = 0
  let out = ''
  for (const p of ps) {
    if (p.at._tag !== 'JsonPath') out += `${renderProblem(p, lang)}\n`
    else {
      const { line, column } = places[k++] ?? { line: 1, column: 1 }
      out += `${file}:${line}:${column}: ${renderProblem(p, lang)}\n`
    }
  }
  return out
}

const check = (file: string | undefined, env: CliEnv, lang: Locale): CliResult => {
  const read = readOr(env, file, lang)
  if (!('text' in read)) return read
  const name = file as string
  const r = decodeProgrammeJson(read.text, name)
  if (E.isLeft(r)) return { stdout: '', stderr: placedAll(r.left, name, read.text, lang), code: 1 }
  const p = r.right
  const n = (k: number, one: string, many: string): string => `${k} ${k === 1 ? one : many}`
  const parts = [
    `zone ${p.zone}`,
    n(p.rules.accounts.length, 'account', 'accounts'),
    n(p.rules.rules.length, 'rule', 'rules'),
    p.bank === undefined ? 'no bank' : `bank: ${n((p.bank.spec.items ?? []).length, 'item', 'items')}, ${n(Object.keys(p.bank.processes).length, 'claim process', 'claim processes')}`,
    p.awards === undefined
      ? 'no awards'
      : `awards: ${n(p.awards.awards.length, 'category', 'categories')}, ${n(Object.keys(p.awards.boards).length, 'board', 'boards')}, ${n(p.awards.badges.length, 'badge', 'badges')}`
  ]
  return { stdout: `${name}: ok (${parts.join('; ')})\n`, stderr: '', code: 0 }
}

// check-events on a text read whole (tests, hosts without a file system); the command streams the file (main.ts).
const checkEvents = (args: ReadonlyArray<string>, env: CliEnv, lang: Locale): CliResult => {
  const parsed = linesArgs(args)
  if ('error' in parsed) return { stdout: '', stderr: `${parsed.error}\n\n${USAGE}`, code: 2 }
  const read = readOr(env, parsed.file, lang)
  if (!('text' in read)) return read
  let stderr = ''
  const r = checkLinesSync(EVENTS, parsed, read.text, (s) => (stderr += s))
  return { stdout: r.stdout, stderr, code: r.code }
}

/**
 * Run the CLI on arguments.
 *
 * @example
 * run(['period', '2021-06-30T16:30:00Z'], { version: '0.1.0', now: 0 }).stdout.split('\n')[0] // => 'day\t2021-07-01'
 */
export const run = (args: ReadonlyArray<string>, env: CliEnv): CliResult => {
  const [cmd, ...rest] = args
  const lang: Locale = flag(args, '--lang') === 'zh' ? 'zh' : 'en'
  if (cmd === undefined || cmd === '--help' || cmd === '-h') return { stdout: USAGE, stderr: '', code: cmd === undefined ? 2 : 0 }
  if (cmd === '--version') return { stdout: `${env.version}\n`, stderr: '', code: 0 }
  if (cmd === 'period') {
    const z = zone(flag(rest, '--zone') ?? 'Asia/Shanghai', ['--zone'])
    if (E.isLeft(z)) return { stdout: '', stderr: `${renderProblem(z.left, lang)}\n`, code: 2 }
    const raw = rest[0] === undefined || rest[0] === 'now' ? env.now : /^-?\d+$/.test(rest[0]) ? Number(rest[0]) : rest[0]
    const t = instant(raw, ['instant'])
    if (E.isLeft(t)) return { stdout: '', stderr: `${renderProblem(t.left, lang)}\n`, code: 2 }
    const cal = calendar(z.right)
    const lines = KINDS.map((k) => `${k}\t${cal.key(k, t.right)}`)
    return { stdout: `${lines.join('\n')}\nlocal\t${cal.format(t.right)}\n`, stderr: '', code: 0 }
  }
  if (cmd === 'check') return check(rest[0], env, lang)
  if (cmd === 'check-events') return checkEvents(rest, env, lang)
  return { stdout: '', stderr: `unknown command: ${cmd}\n\n${USAGE}`, code: 2 }
}
