/**
 * The CLI as a function from arguments and an environment to output and an
 * exit code, so it can be tested without spawning a process: it finds the
 * command, reads its options, and turns usage and file errors into messages
 * and exit code 2. Each command lives in its own module.
 *
 * @module
 */
import type { Locale } from '../core/internal.js'
import { langOf, parse, str } from './args.js'
import { bankExport, bankImport } from './bank.js'
import { check, checkEvents } from './check.js'
import { EXIT, FileError, makeIo, UsageError, type CliEnv, type CliResult, type Io } from './command.js'
import { formatOf } from './format.js'
import { renderHelp, renderUsage, type Command } from './help.js'
import { period } from './period.js'
import { boardCommand, pointsCommand, rollCommand, runCommand } from './publish.js'
import { quizAssemble } from './quiz.js'

export type { CliEnv, CliResult } from './command.js'
export { EXIT } from './command.js'

/** Every command, in the order `--help` lists them. */
export const COMMANDS: ReadonlyArray<Command> = [runCommand, pointsCommand, boardCommand, rollCommand, check, checkEvents, bankImport, bankExport, quizAssemble, period]

const GROUPS: ReadonlyArray<string> = [...new Set(COMMANDS.filter((c) => c.name.includes(' ')).map((c) => c.name.split(' ')[0] as string))]

// The command the arguments name, and the arguments left for it.
const find = (args: ReadonlyArray<string>): { readonly command: Command; readonly rest: ReadonlyArray<string> } | undefined => {
  const two = COMMANDS.find((c) => c.name === `${args[0]} ${args[1]}`)
  if (two !== undefined) return { command: two, rest: args.slice(2) }
  const one = COMMANDS.find((c) => c.name === args[0])
  return one === undefined ? undefined : { command: one, rest: args.slice(1) }
}

const usageError = (io: Io, message: string, command?: string): number => {
  const see = command === undefined ? 'moral-bank --help' : `moral-bank ${command} --help`
  io.err(`${message}\n${io.say(`(see ${see})`, `（参见 ${see}）`)}\n`)
  return EXIT.usage
}

const groupHelp = (group: string, lang: Locale): string => renderUsage(COMMANDS.filter((c) => c.name.startsWith(`${group} `)), lang, group)

// `moral-bank help [command]`
const help = (io: Io, words: ReadonlyArray<string>): number => {
  const named = words.filter((w) => !w.startsWith('-'))
  if (named.length === 0) {
    io.out(renderUsage(COMMANDS, io.lang))
    return EXIT.ok
  }
  const found = find(named)
  if (found !== undefined) {
    io.out(renderHelp(found.command.help, io.lang))
    return EXIT.ok
  }
  if (GROUPS.includes(named[0] as string)) {
    io.out(groupHelp(named[0] as string, io.lang))
    return EXIT.ok
  }
  return usageError(io, io.say(`unknown command: ${named.join(' ')}`, `未知命令：${named.join(' ')}`))
}

const dispatch = (args: ReadonlyArray<string>, io: Io): number => {
  const first = args[0]
  if (first === undefined) {
    io.err(renderUsage(COMMANDS, io.lang))
    return EXIT.usage
  }
  if (first === '--version' || first === '-v') {
    io.out(`${io.env.version}\n`)
    return EXIT.ok
  }
  if (first === '--help' || first === '-h' || first === 'help') return help(io, args.slice(1))
  if (first.startsWith('-') && (first === '--lang' || first.startsWith('--lang='))) return dispatch(args.slice(first === '--lang' ? 2 : 1), io)
  const found = find(args)
  if (found === undefined) {
    if (GROUPS.includes(first)) {
      if (args[1] === undefined || args[1] === '--help' || args[1] === '-h') {
        ;(args[1] === undefined ? io.err : io.out)(groupHelp(first, io.lang))
        return args[1] === undefined ? EXIT.usage : EXIT.ok
      }
      return usageError(io, io.say(`unknown command: ${first} ${args[1]}`, `未知命令：${first} ${args[1]}`), first)
    }
    return usageError(io, io.say(`unknown command: ${first}`, `未知命令：${first}`))
  }
  const { command, rest } = found
  try {
    const p = parse(io.env, rest, command.options, io.lang, command.maxPositionals)
    if (p.values['help'] === true) {
      io.out(renderHelp(command.help, io.lang))
      return EXIT.ok
    }
    return command.run(p, { io, format: formatOf(str(p, 'format')) })
  } catch (err) {
    if (err instanceof UsageError) return usageError(io, err.message, command.name)
    if (err instanceof FileError) {
      io.err(`${err.message}\n`)
      return EXIT.usage
    }
    throw err
  }
}

/**
 * Run the CLI on arguments.
 *
 * @example
 * run(['period', '2021-06-30T16:30:00Z', '--format', 'csv'], env).stdout.split('\r\n')[1] // => 'day,2021-07-01'
 */
export const run = (args: ReadonlyArray<string>, env: CliEnv): CliResult => {
  const { io, collected } = makeIo(env, langOf(args))
  const code = dispatch(args, io)
  return { ...collected(), code }
}
