/**
 * The CLI as a function from arguments to output and an exit code, so it can
 * be tested without spawning a process.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { calendar, instant, renderProblem, zone, type CalendarKind, type Locale } from '../core/index.js'

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
}

const USAGE = `moral-bank <command> [options]

Commands:
  period <instant> [--zone Z] [--lang en|zh]   the day, week, month, quarter, half and year keys of an instant
  --version                                     print the version
  --help                                        print this help
`

const KINDS: ReadonlyArray<CalendarKind> = ['day', 'week', 'month', 'quarter', 'half', 'year']

const flag = (args: ReadonlyArray<string>, name: string): string | undefined => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
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
  return { stdout: '', stderr: `unknown command: ${cmd}\n\n${USAGE}`, code: 2 }
}
