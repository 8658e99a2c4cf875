/**
 * Commands as data: each has its options, its help (usage, what it does,
 * options, examples, in both languages) and its action. The help of every
 * command ends with the exit codes.
 *
 * @module
 */
import type { Locale, Text } from '../core/internal.js'
import type { Options, Parsed } from './args.js'
import type { Io } from './command.js'
import type { Format } from './format.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** A command's help. */
export interface Help {
  /** `moral-bank check FILE… [options]` */
  readonly usage: string
  /** One line, for the list of commands. */
  readonly summary: Text
  /** What it does, a few lines. */
  readonly description: Text
  /** Each option and what it does (the common ones are added). */
  readonly options: ReadonlyArray<readonly [string, Text]>
  /** Command lines, each with what it shows. */
  readonly examples: ReadonlyArray<readonly [string, Text]>
}

/** What an action gets besides its arguments. */
export interface Ctx {
  readonly io: Io
  readonly format: Format
}

/** A command: its name (`check`, `bank import`), options, help and action (returning the exit code). */
export interface Command {
  readonly name: string
  readonly options: Options
  /** How many positional arguments it takes at most. */
  readonly maxPositionals?: number
  readonly help: Help
  readonly run: (p: Parsed, ctx: Ctx) => number
}

// -------------------------------------------------------------------------------------
// rendering
// -------------------------------------------------------------------------------------

/** The options every command takes, in its help. */
export const COMMON_HELP: ReadonlyArray<readonly [string, Text]> = [
  ['--lang en|zh', { en: 'messages and labels in English (default) or Chinese', zh: '消息与标签的语言：英文（默认）或中文' }],
  ['--format table|json|csv|md', { en: 'output format (default table, on a terminal or not)', zh: '输出格式（默认 table，无论是否终端）' }],
  ['-h, --help', { en: 'this help', zh: '本帮助' }]
]

/** The exit codes, as every help states them. */
export const EXIT_HELP: Text = {
  en: 'Exit codes: 0 everything is valid; 1 problems found in the input; 2 usage error, or a file that cannot be read or written.',
  zh: '退出码：0 全部有效；1 输入中发现问题；2 用法错误，或文件无法读取或写入。'
}

const table = (rows: ReadonlyArray<readonly [string, string]>): string => {
  const w = Math.min(34, Math.max(...rows.map(([a]) => a.length)))
  return rows.map(([a, b]) => (a.length > w ? `  ${a}\n  ${' '.repeat(w)}  ${b}` : `  ${a.padEnd(w)}  ${b}`)).join('\n')
}

/**
 * A command's help text.
 *
 * @example
 * renderHelp(check.help, 'en').split('\n')[0] // => 'Usage: moral-bank check FILE… [options]'
 */
export const renderHelp = (h: Help, lang: Locale): string => {
  const zh = lang === 'zh'
  const opts = table([...h.options, ...COMMON_HELP].map(([o, t]) => [o, t[lang]]))
  const ex = h.examples.map(([c, t]) => `  ${c}\n      ${t[lang]}`).join('\n')
  return [
    `${zh ? '用法：' : 'Usage: '}${h.usage}`,
    '',
    h.description[lang],
    '',
    zh ? '选项：' : 'Options:',
    opts,
    '',
    zh ? '示例：' : 'Examples:',
    ex,
    '',
    EXIT_HELP[lang],
    ''
  ].join('\n')
}

/** The list of commands, for `moral-bank --help`. */
export const renderUsage = (commands: ReadonlyArray<Command>, lang: Locale, group?: string): string => {
  const zh = lang === 'zh'
  return [
    `${zh ? '用法：' : 'Usage: '}moral-bank ${group === undefined ? '' : `${group} `}<command> [options]`,
    '',
    zh ? '命令：' : 'Commands:',
    table(commands.map((c) => [c.name, c.help.summary[lang]])),
    '',
    zh ? '每个命令的帮助：moral-bank help <命令>，或 moral-bank <命令> --help。' : 'Help on a command: moral-bank help <command>, or moral-bank <command> --help.',
    `  --version   ${zh ? '版本号' : 'print the version'}`,
    `  --lang zh   ${zh ? '中文帮助与消息' : 'help and messages in Chinese'}`,
    '',
    EXIT_HELP[lang],
    ''
  ].join('\n')
}
