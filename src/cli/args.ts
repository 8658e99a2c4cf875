/**
 * Arguments: each command's options read with Node's `util.parseArgs` (given
 * by the edge), plus the options every command takes (`--help`, `--lang`,
 * `--format`). A parse error is a `UsageError` in the run's language.
 *
 * @module
 */
import type { ParseArgsConfig } from 'node:util'
import type { Locale, Problem } from '../core/internal.js'
import { UsageError, type CliEnv } from './command.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** A command's options, as `parseArgs` takes them. */
export type Options = NonNullable<ParseArgsConfig['options']>

/** What parsing gives: the values of options (strings, booleans, lists of strings) and the positionals. */
export interface Parsed {
  readonly values: Readonly<Record<string, string | boolean | ReadonlyArray<string | boolean> | undefined>>
  readonly positionals: ReadonlyArray<string>
}

/** The options every command takes. */
export const COMMON: Options = {
  help: { type: 'boolean', short: 'h' },
  lang: { type: 'string' },
  format: { type: 'string' }
}

// -------------------------------------------------------------------------------------
// reading
// -------------------------------------------------------------------------------------

/** The language asked for anywhere in the arguments (`--lang zh` or `--lang=zh`); English otherwise. */
export const langOf = (args: ReadonlyArray<string>): Locale => {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string
    if (a === '--') break
    if ((a === '--lang' && args[i + 1] === 'zh') || a === '--lang=zh') return 'zh'
  }
  return 'en'
}

const ZH: Readonly<Record<string, (m: RegExpMatchArray | null) => string>> = {
  ERR_PARSE_ARGS_UNKNOWN_OPTION: (m) => `未知选项 ${m?.[1] ?? ''}`,
  ERR_PARSE_ARGS_INVALID_OPTION_VALUE: (m) => `选项 ${m?.[1] ?? ''} 的值有误（缺少值，或不需要值）`,
  ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL: (m) => `多余的参数 ${m?.[1] ?? ''}`
}

/**
 * Parse a command's arguments; throws a `UsageError` (exit 2) on an unknown
 * option, a missing value or an unexpected positional argument.
 *
 * @example
 * parse(env, ['a.json', '--kind', 'org'], { kind: { type: 'string' } }, 'en').values.kind // => 'org'
 */
export const parse = (env: CliEnv, args: ReadonlyArray<string>, options: Options, lang: Locale, maxPositionals = Infinity): Parsed => {
  let r: Parsed
  try {
    r = env.parseArgs({ args: [...args], options: { ...COMMON, ...options }, allowPositionals: true, strict: true }) as Parsed
  } catch (err) {
    const e = err as { readonly code?: string; readonly message?: string }
    const m = /'([^']+)'/.exec(e.message ?? '')
    const zh = e.code === undefined ? undefined : ZH[e.code]
    throw new UsageError(lang === 'zh' && zh !== undefined ? zh(m) : String(e.message ?? err))
  }
  if (r.values['help'] !== true && r.positionals.length > maxPositionals) {
    throw new UsageError(lang === 'zh' ? `多余的参数 ${r.positionals[maxPositionals] ?? ''}` : `unexpected argument ${JSON.stringify(r.positionals[maxPositionals])}`)
  }
  return r
}

/** A problem with an option's value, as a message: `--period: expected …, got …`. */
export const optionProblem = (flag: string, p: Problem, lang: Locale): string =>
  lang === 'zh' ? `${flag}：应为${p.expected.zh}，实际为 ${p.received.zh}` : `${flag}: expected ${p.expected.en}, got ${p.received.en}`

/** A string option's value, if given. */
export const str = (p: Parsed, name: string): string | undefined => {
  const v = p.values[name]
  return typeof v === 'string' ? v : undefined
}

/** A boolean option: given or not. */
export const bool = (p: Parsed, name: string): boolean => p.values[name] === true

/** A string option that must be given. */
export const required = (p: Parsed, name: string, lang: Locale): string => {
  const v = str(p, name)
  if (v === undefined) throw new UsageError(lang === 'zh' ? `缺少 --${name}` : `--${name} is needed`)
  return v
}

/** A string option's value among some, or the default. */
export const oneOf = <A extends string>(p: Parsed, name: string, values: ReadonlyArray<A>, lang: Locale, dflt?: A): A | undefined => {
  const v = str(p, name)
  if (v === undefined) return dflt
  if ((values as ReadonlyArray<string>).includes(v)) return v as A
  throw new UsageError(lang === 'zh' ? `--${name} 应为 ${values.join('、')} 之一，实际为 ${JSON.stringify(v)}` : `--${name}: expected one of ${values.join(', ')}, got ${JSON.stringify(v)}`)
}

/** A whole-number option, or the default. */
export const count = (p: Parsed, name: string, dflt: number, lang: Locale): number => {
  const v = str(p, name)
  if (v === undefined) return dflt
  if (/^\d{1,9}$/.test(v)) return Number(v)
  throw new UsageError(lang === 'zh' ? `--${name} 应为整数，实际为 ${JSON.stringify(v)}` : `--${name} needs a whole number, got ${JSON.stringify(v)}`)
}
