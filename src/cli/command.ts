/**
 * What every command shares: the environment the edge (main.ts) gives, the
 * result a run returns, exit codes, the two languages, and the output a
 * command writes as it goes. No Node built-ins are used here: the edge
 * passes in everything that touches the machine (files, terminals, the
 * clock, randomness, the argument parser).
 *
 * @module
 */
import type { parseArgs } from 'node:util'
import type { Locale } from '../core/internal.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** What a CLI run prints and how it exits. */
export interface CliResult {
  readonly stdout: string
  readonly stderr: string
  readonly code: number
}

/** What the CLI gets from its environment. Every capability is optional except the version, the clock and the parser. */
export interface CliEnv {
  readonly version: string
  /** The time, in epoch milliseconds (for `period now`). */
  readonly now: number
  /** Node's `util.parseArgs`. */
  readonly parseArgs: typeof parseArgs
  /** Read a text file (throws when it cannot). */
  readonly readText?: (path: string) => string
  /** Read a file as chunks, for files of any size (throws when it cannot); `readText` is used when absent. */
  readonly readChunks?: (path: string) => Iterable<string | Uint8Array>
  /** Write a text file, making its folder when needed (throws when it cannot). */
  readonly writeText?: (path: string, text: string) => void
  /** Whether standard error is a terminal (for the progress line; output is the same on a terminal or not). */
  readonly stderrIsTTY?: boolean
  /** Standard error as it goes (problems of long runs, progress); collected in the result when absent. */
  readonly stderr?: (s: string) => void
  /** 32 random hex digits, for a paper assembled without `--secret-file`. */
  readonly randomSecret?: () => string
}

/**
 * The exit codes: 0 when everything is valid, 1 when the input has problems,
 * 2 for a usage error or a file that cannot be read or written.
 */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const

/** A command's output as it goes: standard output, standard error and the progress line. */
export interface Io {
  readonly lang: Locale
  /** Pick the message in the run's language. */
  readonly say: (en: string, zh: string) => string
  readonly out: (s: string) => void
  readonly err: (s: string) => void
  /** Show a progress line (standard error, only on a terminal; made only then); `undefined` clears it. */
  readonly progress: (line: (() => string) | undefined) => void
  readonly env: CliEnv
}

/** A usage error: the message, printed with a pointer to the command's help, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

/** A file that cannot be read or written: printed as is, exit 2. */
export class FileError extends Error {
  override readonly name = 'FileError'
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/** The io of one run, and what it collected (standard error is collected only when the environment has no live sink). */
export const makeIo = (env: CliEnv, lang: Locale): { readonly io: Io; readonly collected: () => { readonly stdout: string; readonly stderr: string } } => {
  let stdout = ''
  let stderr = ''
  let shown = false
  const write = env.stderr ?? ((s: string) => (stderr += s))
  const clear = (): void => {
    if (shown) write('\r\x1b[2K')
    shown = false
  }
  const io: Io = {
    lang,
    say: (en, zh) => (lang === 'zh' ? zh : en),
    out: (s) => (stdout += s),
    err: (s) => {
      clear()
      write(s)
    },
    progress: (line) => {
      if (env.stderrIsTTY !== true) return
      if (line === undefined) clear()
      else {
        write(`\r\x1b[2K${line()}`)
        shown = true
      }
    },
    env
  }
  return { io, collected: () => ({ stdout, stderr }) }
}
