/**
 * `moral-bank check FILE…`: every kind of file the library reads, each
 * problem at `file:line:column` on standard error (or in the JSON), a
 * summary per file on standard output. JSON Lines files stream.
 * `check-events FILE` is `check --kind events FILE`.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { parseJson, type OrgTree } from '../core/internal.js'
import type { Programme } from '../programme/internal.js'
import { bool, count, oneOf, str, type Parsed } from './args.js'
import { checkLines, BANK_OPS, DEFAULT_MAX_PROBLEMS, EVENTS, type LinesSink } from './check-lines.js'
import { checkOrgFile, checkWhole, type Against } from './check-kinds.js'
import { EXIT, FileError, UsageError, type Io } from './command.js'
import { head, placeAll, placedJson, readText, type Placed } from './files.js'
import { col, renderReport, type Table } from './format.js'
import type { Command, Ctx } from './help.js'
import { KIND_NAMES, KINDS, detectKind, isStreamed, type FileKind } from './kinds.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** One file's check. */
interface FileResult {
  readonly file: string
  readonly kind: FileKind | undefined
  readonly code: number
  readonly problems: number
  readonly summary: string
  readonly counts?: Readonly<Record<string, number>>
  readonly shown: ReadonlyArray<Placed>
  readonly notes: ReadonlyArray<string>
  /** The programme, when the file is one that decoded. */
  readonly programme?: Programme
}

interface Settings {
  readonly kind: FileKind | undefined
  readonly maxProblems: number
  readonly strict: boolean
  readonly json: boolean
  readonly against: Against
  /** Files read whole so far, by name, until they are checked. */
  readonly texts: Map<string, string>
}

// -------------------------------------------------------------------------------------
// one file
// -------------------------------------------------------------------------------------

// A sink that prints each problem on standard error as found, or keeps it for the JSON.
const sinkOf = (io: Io, json: boolean): LinesSink & { readonly shown: Array<Placed>; readonly notes: Array<string>; readonly count: () => number } => {
  const shown: Array<Placed> = []
  const notes: Array<string> = []
  let n = 0
  return {
    shown,
    notes,
    count: () => n,
    problem: (p) => {
      n++
      if (json) shown.push(p)
      else io.err(`${p.text}\n`)
    },
    note: (s) => {
      if (json) notes.push(s.trimEnd())
      else io.err(s)
    }
  }
}

// A file read whole once, for telling its kind and checking it (the run forgets it once checked).
const whole = (io: Io, file: string, s: Settings): string => {
  const had = s.texts.get(file)
  if (had !== undefined) return had
  const t = readText(io, file)
  s.texts.set(file, t)
  return t
}

const kindOf = (io: Io, file: string, s: Settings): FileKind | undefined => s.kind ?? detectKind(file, head(io, file), () => whole(io, file, s))

// A file whose kind cannot be told: its JSON syntax error when it is broken JSON, else a usage error.
const unknownKind = (io: Io, file: string, s: Settings): FileResult => {
  const src = whole(io, file, s)
  const parsed = parseJson(src, file)
  if (E.isLeft(parsed)) {
    const placed = placeAll(parsed.left, file, src, io.lang)
    return { file, kind: undefined, code: EXIT.problems, problems: placed.length, summary: io.say('not valid JSON', '不是有效的 JSON'), shown: placed, notes: [] }
  }
  throw new UsageError(
    io.say(
      `${file}: cannot tell what kind of file this is; name it with --kind ${KIND_NAMES.join('|')}`,
      `${file}：无法判断文件类型；请用 --kind ${KIND_NAMES.join('|')} 指明`
    )
  )
}

const checkFile = (io: Io, file: string, s: Settings): FileResult => {
  const kind = kindOf(io, file, s)
  const sink = sinkOf(io, s.json)
  if (kind === undefined) {
    const r = unknownKind(io, file, s)
    s.texts.delete(file)
    for (const p of r.shown) sink.problem(p)
    return { ...r, shown: sink.shown }
  }
  if (isStreamed(kind)) {
    const r = checkLines(io, kind === 'events' ? EVENTS : BANK_OPS, { file, lang: io.lang, maxProblems: s.maxProblems, strict: s.strict }, sink)
    return {
      file,
      kind,
      code: r.notLines || r.rejected > 0 ? EXIT.problems : EXIT.ok,
      problems: sink.count() + r.hidden,
      summary: r.text,
      counts: { accepted: r.accepted, rejected: r.rejected },
      shown: sink.shown,
      notes: sink.notes
    }
  }
  const w = checkWhole(kind, file, whole(io, file, s), io.lang, s.against)
  s.texts.delete(file)
  for (const p of w.problems) sink.problem(p)
  const programme = kind === 'programme' && w.problems.length === 0 ? { programme: w.value as Programme } : {}
  return { file, kind, code: w.problems.length > 0 ? EXIT.problems : EXIT.ok, problems: w.problems.length, summary: w.summary, counts: w.counts, shown: sink.shown, notes: [], ...programme }
}

// -------------------------------------------------------------------------------------
// the command
// -------------------------------------------------------------------------------------

const COLUMNS = [col('file', 'FILE', '文件'), col('kind', 'KIND', '类型'), col('problems', 'PROBLEMS', '问题', 'right'), col('summary', 'SUMMARY', '摘要')]

const report = (results: ReadonlyArray<FileResult>, ctx: Ctx): string => {
  const table: Table = { columns: COLUMNS, rows: results.map((r) => ({ file: r.file, kind: r.kind ?? '?', problems: r.problems, summary: r.summary })) }
  const json = {
    files: results.map((r) => ({
      file: r.file,
      kind: r.kind ?? null,
      ok: r.code === EXIT.ok,
      problems: r.problems,
      summary: r.summary,
      ...(r.counts === undefined ? {} : { counts: r.counts }),
      shown: r.shown.map((p) => placedJson(p, ctx.io.lang)),
      ...(r.notes.length === 0 ? {} : { notes: r.notes })
    }))
  }
  return renderReport({ table, json }, ctx.format, ctx.io.lang)
}

// The organisation given with --org, checked as a file of its own; its tree when it decodes.
const orgOf = (io: Io, file: string | undefined, json: boolean): { readonly org?: OrgTree; readonly result?: FileResult } => {
  if (file === undefined) return {}
  const w = checkOrgFile(file, readText(io, file), io.lang)
  const sink = sinkOf(io, json)
  for (const p of w.problems) sink.problem(p)
  const result: FileResult = { file, kind: 'org', code: w.problems.length > 0 ? EXIT.problems : EXIT.ok, problems: w.problems.length, summary: w.summary, counts: w.counts, shown: sink.shown, notes: [] }
  return { ...(w.value === undefined ? {} : { org: w.value }), result }
}

const runCheck = (p: Parsed, ctx: Ctx, fixedKind?: FileKind): number => {
  const { io } = ctx
  if (p.positionals.length === 0) throw new UsageError(io.say('a file is needed', '需要一个文件'))
  const json = ctx.format === 'json'
  const orgFile = str(p, 'org')
  const results: Array<FileResult> = []
  let code: number = EXIT.ok
  let org: OrgTree | undefined
  try {
    const o = orgOf(io, orgFile, json)
    org = o.org
    if (o.result !== undefined && !p.positionals.includes(orgFile as string)) results.push(o.result)
  } catch (err) {
    if (!(err instanceof FileError)) throw err
    io.err(`${err.message}\n`)
    code = EXIT.usage
  }
  const s: Settings = {
    kind: fixedKind ?? oneOf(p, 'kind', KIND_NAMES, io.lang),
    maxProblems: count(p, 'max-problems', DEFAULT_MAX_PROBLEMS, io.lang),
    strict: bool(p, 'strict'),
    json,
    against: org === undefined ? {} : { org },
    texts: new Map()
  }
  const attempt = <A>(f: () => A): A | undefined => {
    try {
      return f()
    } catch (err) {
      if (!(err instanceof FileError || err instanceof UsageError)) throw err
      io.err(`${err.message}\n`)
      code = EXIT.usage
      return undefined
    }
  }
  // Host tables last, so they are checked against the programme (and its organisation) when one is given.
  const hostFile = str(p, 'host')
  // null: a kind that cannot be told (checkFile says so); undefined: the file could not be read.
  const files = p.positionals.map((file) => ({ file, kind: attempt(() => kindOf(io, file, s) ?? null) }))
  const hosts = [...files.filter((f) => f.kind === 'host'), ...(hostFile === undefined ? [] : [{ file: hostFile, kind: 'host' as const }])]
  let settings = s
  for (const { file, kind } of [...files.filter((f) => f.kind !== 'host'), ...hosts]) {
    if (kind === undefined) continue
    const r = attempt(() => checkFile(io, file, { ...settings, kind: kind ?? undefined }))
    if (r === undefined) continue
    results.push(r)
    if (r.programme !== undefined && settings.against.programme === undefined) settings = { ...settings, against: { ...settings.against, programme: r.programme } }
  }
  for (const r of results) code = Math.max(code, r.code)
  if (results.length > 0) io.out(report(results, ctx))
  return code
}

const OPTIONS = {
  kind: { type: 'string' },
  org: { type: 'string' },
  host: { type: 'string' },
  'max-problems': { type: 'string' },
  strict: { type: 'boolean' }
} as const

const kindList = (lang: 'en' | 'zh'): string => KIND_NAMES.map((k) => `  ${k.padEnd(15)}${KINDS[k][lang]}`).join('\n')

/** `moral-bank check FILE…` */
export const check: Command = {
  name: 'check',
  options: OPTIONS,
  help: {
    usage: 'moral-bank check FILE… [--kind K] [--org org.json] [--host host.json] [--max-problems N] [--strict]',
    summary: { en: 'check files of every kind: each problem at file:line:column', zh: '检查各类文件：每个问题标明 文件:行:列' },
    description: {
      en:
        'Checks each FILE with the library\'s own decoder and prints every problem at file:line:column on\n' +
        'standard error, then one summary row per file on standard output. The kind of a file comes from\n' +
        '--kind, else from its extension and content. JSON Lines files (events, operation logs) stream:\n' +
        'any size in flat memory; at most --max-problems problems are printed per file, the rest counted.\n\n' +
        `Kinds:\n${kindList('en')}`,
      zh:
        '用本库自己的解码器检查每个文件，在标准错误上按 文件:行:列 列出每个问题，然后在标准输出上每个文件一行摘要。\n' +
        '文件类型取自 --kind，否则按扩展名和内容判断。JSON Lines 文件（事件、操作日志）流式读取：任意大小、内存平稳；\n' +
        `每个文件最多列出 --max-problems 个问题，其余计数。\n\n类型：\n${kindList('zh')}`
    },
    options: [
      ['--kind K', { en: `the kind of every FILE: ${KIND_NAMES.join(', ')}`, zh: `所有文件的类型：${KIND_NAMES.join('、')}` }],
      ['--org org.json', { en: 'check the organisation too, and programmes and host tables against it', zh: '同时检查组织文件，并据此检查方案与宿主数据表' }],
      ['--host host.json', { en: 'check host tables too, against the programme\'s declared tables and the organisation', zh: '同时检查宿主数据表：是否符合方案声明的表与组织' }],
      ['--max-problems N', { en: 'problems printed per streamed file (default 100)', zh: '每个流式文件列出的问题数（默认 100）' }],
      ['--strict', { en: 'stop reading a streamed file at its first rejected line', zh: '流式文件遇到第一行被拒即停止' }]
    ],
    examples: [
      ['moral-bank check programme.json', { en: 'a programme: every problem at the line and column of the value it names', zh: '检查方案：每个问题定位到所指值的行与列' }],
      ['moral-bank check programme.json --org org.json --host host.json', { en: 'the programme against the organisation (unit kinds, scopes), the host tables against both', zh: '按组织检查方案（单位类型、范围），并按两者检查宿主数据表' }],
      ['moral-bank check events.jsonl ops.jsonl --max-problems 20', { en: 'two streamed files, at most 20 problems each', zh: '两个流式文件，每个最多列 20 个问题' }],
      ['moral-bank check bank.gift questions.json host.json --format json', { en: 'three kinds at once, the result as JSON', zh: '一次检查三类文件，结果输出为 JSON' }],
      ['moral-bank check data.txt --kind aiken --lang zh', { en: 'a file named by its kind, messages in Chinese', zh: '指明类型，中文消息' }]
    ]
  },
  run: (p, ctx) => runCheck(p, ctx)
}

/** `moral-bank check-events FILE…`: `check --kind events`. */
export const checkEvents: Command = {
  name: 'check-events',
  options: { 'max-problems': { type: 'string' }, strict: { type: 'boolean' } },
  help: {
    usage: 'moral-bank check-events FILE… [--max-problems N] [--strict]',
    summary: { en: 'check events files as they stream (check --kind events)', zh: '流式检查事件文件（即 check --kind events）' },
    description: {
      en: 'The same as moral-bank check --kind events: each rejected line at file:line:column and why,\nthe first --max-problems (100) printed, the rest counted; memory stays flat whatever the file\'s size.',
      zh: '与 moral-bank check --kind events 相同：每个被拒的行标明 文件:行:列 与原因，列出前 --max-problems（100）个，其余计数；\n无论文件多大，内存平稳。'
    },
    options: [
      ['--max-problems N', { en: 'problems printed per file (default 100)', zh: '每个文件列出的问题数（默认 100）' }],
      ['--strict', { en: 'stop at the first rejected line', zh: '遇到第一行被拒即停止' }]
    ],
    examples: [
      ['moral-bank check-events events.jsonl', { en: 'count the events, list the rejected lines', zh: '统计事件，列出被拒的行' }],
      ['moral-bank check-events events.jsonl --strict', { en: 'stop at the first bad line', zh: '遇到第一行错误即停止' }]
    ]
  },
  run: (p, ctx) => runCheck(p, ctx, 'events')
}
