/**
 * `moral-bank run | points | board NAME | roll`: a programme run from its
 * files with `runProgramme` (the organisation, events, host tables and bank
 * operations it reads), and what it publishes written to a folder or one
 * part printed. Events and operation logs stream: a bad line is reported at
 * `file:line:column` and the run goes on without it (`--strict` stops at the
 * first; nothing is published then).
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { at, instant, parseJson, problem, renderProblem, text, decodeOrg, type Decoded, type Instant, type OrgTree, type Problem } from '../core/internal.js'
import type { BankOp } from '../bank/internal.js'
import type { ActivityEvent } from '../rules/internal.js'
import type { HostMetrics } from '../ranking/internal.js'
import { decodeProgrammeJson, runProgramme, type ProgrammeRun } from '../programme/internal.js'
import { bool, count, optionProblem, str, type Parsed } from './args.js'
import { BANK_OPS, DEFAULT_MAX_PROBLEMS, EVENTS, streamLines, type LinesKind, type LinesSink, type LinesSummary } from './check-lines.js'
import { decodeHostTables } from './check-kinds.js'
import { EXIT, UsageError, type Io } from './command.js'
import { placeAll, readText, writeText, type Placed } from './files.js'
import { col, renderReport, renderTable, type Format } from './format.js'
import type { Command, Ctx, Help } from './help.js'
import { balancesTable, partJson, partMarkdown, partOf, partTable, publishedFiles, rollText, runSummary } from './publish-tables.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** What a run read, and the run when there is one. */
interface Loaded {
  readonly run?: ProgrammeRun
  /** Every problem found, placed; shown as found unless the output is JSON. */
  readonly problems: ReadonlyArray<Placed>
  /** The summary of each streamed file. */
  readonly streamed: ReadonlyArray<{ readonly file: string; readonly kind: string; readonly summary: LinesSummary }>
  /** A strict read stopped at a bad line: nothing is published. */
  readonly stopped: boolean
}

const list = (p: Parsed, name: string): ReadonlyArray<string> => {
  const v = p.values[name]
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []
}

// -------------------------------------------------------------------------------------
// reading
// -------------------------------------------------------------------------------------

const decodeFile = <A>(io: Io, file: string, decoder: (u: unknown) => Decoded<A>, out: Array<Placed>): A | undefined => {
  const src = readText(io, file)
  const parsed = parseJson(src, file)
  const r = E.isLeft(parsed) ? parsed : decoder(parsed.right)
  if (E.isRight(r)) return r.right
  out.push(...placeAll(r.left, file, src, io.lang))
  return undefined
}

// The values of JSON Lines files, one after another, each bad line reported to the sink as the run reads it.
function* linesOf<A>(io: Io, kind: LinesKind<A>, files: ReadonlyArray<string>, p: Parsed, sink: LinesSink, done: (file: string, s: LinesSummary) => boolean): Generator<A, void, undefined> {
  for (const file of files) {
    let go = true
    yield* streamLines(io, kind, { file, lang: io.lang, maxProblems: count(p, 'max-problems', DEFAULT_MAX_PROBLEMS, io.lang), strict: bool(p, 'strict') }, sink, (s) => (go = done(file, s)))
    if (!go) return
  }
}

// Where a problem of runProgramme is: in the host tables (`$.host…`), an option (`$.period`, `$.at`), else the programme.
const placeRunProblems = (io: Io, ps: ReadonlyArray<Problem>, files: { readonly programme: string; readonly host?: string }): ReadonlyArray<Placed> => {
  const out: Array<Placed> = []
  for (const p of ps) {
    const segs = p.at._tag === 'JsonPath' ? p.at.segments : []
    if (segs[0] === 'period' || segs[0] === 'at') throw new UsageError(optionProblem(`--${segs[0]}`, p, io.lang))
    if (segs[0] === 'org' && segs.length === 1) throw new UsageError(io.say('--org org.json is needed: the programme has no organisation inline', '缺少 --org org.json：方案中没有内含的组织'))
    if (segs[0] === 'host' && files.host !== undefined) out.push(...placeAll([{ ...p, at: at(segs.slice(1)) }], files.host, readText(io, files.host), io.lang))
    else out.push(...placeAll([p], files.programme, readText(io, files.programme), io.lang))
  }
  return out
}

/** Read every input of a run and run the programme; every problem goes to standard error as found (in every format: the output is what the run publishes). */
const load = (p: Parsed, io: Io): Loaded => {
  const programmeFile = p.positionals[0]
  if (programmeFile === undefined) throw new UsageError(io.say('a programme file is needed', '需要一个方案文件'))
  const periodKey = str(p, 'period')
  const atText = str(p, 'at')
  if (periodKey === undefined && atText === undefined) throw new UsageError(io.say('--period (such as 2021-07) or --at is needed', '缺少 --period（如 2021-07）或 --at'))
  const problems: Array<Placed> = []
  const show = (x: Placed): void => {
    problems.push(x)
    io.err(`${x.text}\n`)
  }
  const sink: LinesSink = { problem: show, note: (s) => io.err(s) }
  const found: Array<Placed> = []
  const src = readText(io, programmeFile)
  const pr = decodeProgrammeJson(src, programmeFile)
  if (E.isLeft(pr)) found.push(...placeAll(pr.left, programmeFile, src, io.lang))
  const orgFile = str(p, 'org')
  const org: OrgTree | undefined = orgFile === undefined ? undefined : decodeFile(io, orgFile, (u) => decodeOrg(u), found)
  const hostFile = str(p, 'host')
  const host: HostMetrics | undefined = hostFile === undefined ? undefined : decodeFile(io, hostFile, (u) => decodeHostTables(u), found)
  let when: { readonly at: Instant } | { readonly period: string } = { period: periodKey ?? '' }
  if (atText !== undefined) {
    const t = instant(/^-?\d+$/.test(atText) ? Number(atText) : atText, ['--at'])
    if (E.isLeft(t)) throw new UsageError(optionProblem('--at', t.left, io.lang))
    when = periodKey === undefined ? { at: t.right } : when
    if (periodKey !== undefined) throw new UsageError(io.say('either --period or --at, not both', '--period 与 --at 只给其一'))
  }
  for (const x of found) show(x)
  const streamed: Array<Loaded['streamed'][number]> = []
  let stopped = false
  const done = (kind: string) => (file: string, s: LinesSummary): boolean => {
    streamed.push({ file, kind, summary: s })
    if (s.stoppedAt !== undefined || s.notLines) stopped = stopped || s.stoppedAt !== undefined
    return s.stoppedAt === undefined
  }
  const bankOps: Array<BankOp> = [...linesOf(io, BANK_OPS as LinesKind<BankOp>, list(p, 'ops'), p, sink, done('bank-ops'))]
  if (E.isLeft(pr) || found.length > 0 || stopped) return { problems, streamed, stopped }
  const events = linesOf(io, EVENTS as LinesKind<ActivityEvent>, list(p, 'events'), p, sink, done('events'))
  const r = runProgramme(pr.right, { ...(org === undefined ? {} : { org }), events, ...(host === undefined ? {} : { host }), bankOps, ...when })
  if (stopped) return { problems, streamed, stopped }
  if (E.isLeft(r)) {
    for (const x of placeRunProblems(io, r.left, { programme: programmeFile, ...(hostFile === undefined ? {} : { host: hostFile }) })) show(x)
    return { problems, streamed, stopped }
  }
  return { run: r.right, problems, streamed, stopped }
}

// The exit code of a run: 1 when some input had problems (a bad line the run went on without, too).
const codeOf = (l: Loaded): number => (l.problems.length > 0 || l.stopped || l.run === undefined ? EXIT.problems : EXIT.ok)

// -------------------------------------------------------------------------------------
// the commands
// -------------------------------------------------------------------------------------

const OPTIONS = {
  org: { type: 'string' },
  events: { type: 'string', multiple: true },
  host: { type: 'string' },
  ops: { type: 'string', multiple: true },
  period: { type: 'string' },
  at: { type: 'string' },
  'max-problems': { type: 'string' },
  strict: { type: 'boolean' }
} as const

const INPUT_OPTIONS: Help['options'] = [
  ['--org org.json', { en: 'the organisation (needed unless the programme holds it inline)', zh: '组织文件（方案中未内含组织时必填）' }],
  ['--events F.jsonl', { en: 'activity events, one a line; give it again for more files', zh: '活动事件（每行一个）；可多次给出' }],
  ['--host host.json', { en: 'host tables { table: { id: number } }', zh: '宿主数据表 { 表: { 标识: 数值 } }' }],
  ['--ops F.jsonl', { en: 'Moral Bank operations, one a line; give it again for more files', zh: '道德银行操作（每行一个）；可多次给出' }],
  ['--period KEY', { en: 'the period to run: 2021-07, 2021-Q3, 2021-W26, 2021 …', zh: '运行的周期：2021-07、2021-Q3、2021-W26、2021……' }],
  ['--at INSTANT', { en: 'or an instant: the run as of the day holding it', zh: '或某一时刻：截至该时刻所在日' }],
  ['--max-problems N', { en: 'problems printed per streamed file (default 100)', zh: '每个流式文件列出的问题数（默认 100）' }],
  ['--strict', { en: 'stop at the first bad line; publish nothing', zh: '遇到第一行错误即停止，不发布' }]
]

const INPUTS = 'PROGRAMME.json --org org.json --events events.jsonl [--host host.json] [--ops ops.jsonl] --period 2021-07'
const EXAMPLE_INPUTS = 'programme.json --org org.json --events events.jsonl --host host.json --period 2021-07'
const BEHAVIOUR = {
  en:
    'The programme runs with runProgramme over the events (streamed: any size; a bad line is reported at\n' +
    'file:line:column and the run goes on without it, exit code 1; --strict stops at the first and\n' +
    'publishes nothing). Problems of the programme, organisation or host tables are at their place in\n' +
    'their file; nothing runs then.',
  zh:
    '用 runProgramme 按事件运行方案（流式读取，任意大小；错误的行按 文件:行:列 报告，运行继续但不含该行，退出码 1；\n' +
    '--strict 遇到第一行错误即停止，不发布）。方案、组织或宿主数据表中的问题定位到其文件中的位置；此时不运行。'
}

const withRun = (p: Parsed, ctx: Ctx, then: (run: ProgrammeRun, format: Format) => number): number => {
  const l = load(p, ctx.io)
  if (l.run === undefined) return EXIT.problems
  return Math.max(then(l.run, ctx.format), codeOf(l))
}

/** `moral-bank run` */
export const runCommand: Command = {
  name: 'run',
  options: { ...OPTIONS, out: { type: 'string', short: 'o' } },
  maxPositionals: 1,
  help: {
    usage: `moral-bank run ${INPUTS} [--out DIR]`,
    summary: { en: 'run a programme: everything it publishes, to a folder or as a summary', zh: '运行方案：发布的全部内容写入文件夹，或打印摘要' },
    description: {
      en:
        `${BEHAVIOUR.en}\n\n` +
        'With --out DIR it writes everything the run publishes: run.json (all of it), balances.csv, and\n' +
        'per board and composite boards/<id>.md, .csv and .json (with movement and red/black lists), and\n' +
        'the honor roll as roll.md, roll.json and roll.csv; Markdown and CSV headers in the --lang language.\n' +
        'Without it, a summary: each board\'s first and lists, the roll\'s size.',
      zh:
        `${BEHAVIOUR.zh}\n\n` +
        '给出 --out DIR 时写出全部发布内容：run.json（全部）、balances.csv，每个榜单与综合比较的 boards/<id>.md、.csv、.json\n' +
        '（含名次变化与红黑榜），以及光荣榜 roll.md、roll.json、roll.csv；Markdown 与 CSV 的表头使用 --lang 的语言。不给时打印摘要。'
    },
    options: [...INPUT_OPTIONS, ['--out DIR, -o DIR', { en: 'write everything the run publishes to DIR', zh: '把发布内容写入 DIR' }]],
    examples: [
      [`moral-bank run ${EXAMPLE_INPUTS} --ops ops.jsonl --out published`, { en: 'the month published to published/', zh: '把该月的发布内容写入 published/' }],
      [`moral-bank run ${EXAMPLE_INPUTS} --lang zh`, { en: 'a summary of the run, in Chinese', zh: '中文运行摘要' }]
    ]
  },
  run: (p, ctx) =>
    withRun(p, ctx, (run, format) => {
      const { io } = ctx
      const dir = str(p, 'out')
      const summary = runSummary(run, io.lang)
      if (dir === undefined) {
        io.out(renderReport({ table: summary }, format, io.lang))
        return EXIT.ok
      }
      const files = publishedFiles(run, io.lang)
      for (const [name, body] of files) writeText(io, `${dir.replace(/[/\\]+$/, '')}/${name}`, body)
      const written = { columns: [col('file', 'FILE', '文件'), col('bytes', 'BYTES', '字节', 'right')], rows: files.map(([name, body]) => ({ file: `${dir.replace(/[/\\]+$/, '')}/${name}`, bytes: new TextEncoder().encode(body).length })) }
      io.out(format === 'json' ? `${JSON.stringify({ summary: summary.rows, files: written.rows }, null, 2)}\n` : `${renderTable(summary, format, io.lang)}\n${renderTable(written, format, io.lang)}`)
      return EXIT.ok
    })
}

/** `moral-bank points` */
export const pointsCommand: Command = {
  name: 'points',
  options: OPTIONS,
  maxPositionals: 1,
  help: {
    usage: `moral-bank points ${INPUTS}`,
    summary: { en: 'every member\'s balance in each account after the run', zh: '运行后每名成员各账户的余额' },
    description: { en: `Every member of the organisation (and anyone else the ledger holds), by id, with a column per account.\n${BEHAVIOUR.en}`, zh: `组织中的每名成员（以及账本中的其他主体），按标识排列，每个账户一列。\n${BEHAVIOUR.zh}` },
    options: INPUT_OPTIONS,
    examples: [
      [`moral-bank points ${EXAMPLE_INPUTS} --format csv > balances.csv`, { en: 'balances for a spreadsheet', zh: '余额导出为电子表格' }],
      [`moral-bank points ${EXAMPLE_INPUTS} --lang zh`, { en: 'as a table, headers in Chinese', zh: '表格输出，中文表头' }]
    ]
  },
  run: (p, ctx) =>
    withRun(p, ctx, (run, format) => {
      ctx.io.out(renderReport({ table: balancesTable(run) }, format, ctx.io.lang))
      return EXIT.ok
    })
}

/** `moral-bank board NAME` */
export const boardCommand: Command = {
  name: 'board',
  options: OPTIONS,
  maxPositionals: 2,
  help: {
    usage: `moral-bank board NAME ${INPUTS}`,
    summary: { en: 'one published board or composite: ranks, movement, red/black lists', zh: '某个发布的榜单或综合比较：名次、变化、红黑榜' },
    description: {
      en: `NAME is the id of a board or composite of the programme. Markdown adds the red and black lists;\nJSON is the run's published board (with the previous period and each subject's figures).\n${BEHAVIOUR.en}`,
      zh: `NAME 为方案中某个榜单或综合比较的标识。Markdown 输出附红黑榜；JSON 为运行发布的榜单（含上期与各主体数据）。\n${BEHAVIOUR.zh}`
    },
    options: INPUT_OPTIONS,
    examples: [
      [`moral-bank board study programme.json --org org.json --events events.jsonl --period 2021-07`, { en: 'the study-score board of July', zh: '7 月学习积分榜' }],
      [`moral-bank board sanbi ${EXAMPLE_INPUTS} --format md --lang zh`, { en: 'the composite with its lists, as Markdown in Chinese', zh: '综合比较及其红黑榜，中文 Markdown' }]
    ]
  },
  run: (p, ctx) => {
    const [name, ...rest] = p.positionals
    if (name === undefined || rest.length === 0) throw new UsageError(ctx.io.say('a board name and a programme file are needed', '需要榜单标识与方案文件'))
    return withRun({ ...p, positionals: rest }, ctx, (run, format) => {
      const part = partOf(run, name)
      if (part === undefined) {
        const ids = [...run.boards.map((b) => b.id), ...run.composites.map((c) => c.id)]
        throw new UsageError(ctx.io.say(`no board or composite ${JSON.stringify(name)}; the programme publishes: ${ids.join(', ') || '(none)'}`, `没有榜单或综合比较 ${JSON.stringify(name)}；方案发布的有：${ids.join('、') || '（无）'}`))
      }
      const { io } = ctx
      if (format === 'md') io.out(partMarkdown(part, run.org, io.lang))
      else io.out(renderReport({ table: partTable(part, run.org, io.lang), json: partJson(part) }, format, io.lang))
      return EXIT.ok
    })
  }
}

/** `moral-bank roll` */
export const rollCommand: Command = {
  name: 'roll',
  options: OPTIONS,
  maxPositionals: 1,
  help: {
    usage: `moral-bank roll ${INPUTS}`,
    summary: { en: 'the honor roll the run posts (Markdown as the reading room posts it)', zh: '运行公示的光荣榜（Markdown 即阅览室张贴的样式）' },
    description: {
      en: `The roll of the programme's awards: --format md is what the reading room posts, csv one row per name,\njson the roll as stored (honorRollJson); the table lists each name and why.\n${BEHAVIOUR.en}`,
      zh: `方案评比的光荣榜：--format md 为阅览室张贴的样式，csv 每人一行，json 为存储形式（honorRollJson）；表格列出每人及理由。\n${BEHAVIOUR.zh}`
    },
    options: INPUT_OPTIONS,
    examples: [
      [`moral-bank roll ${EXAMPLE_INPUTS} --ops ops.jsonl --format md --lang zh > roll.zh.md`, { en: 'the roll to post, in Chinese', zh: '待张贴的中文光荣榜' }],
      [`moral-bank roll ${EXAMPLE_INPUTS} --format csv`, { en: 'one row per name, for a spreadsheet', zh: '每人一行，用于电子表格' }]
    ]
  },
  run: (p, ctx) =>
    withRun(p, ctx, (run, format) => {
      if (run.roll === undefined) {
        const why = problem('missing', at(['awards']), text('awards, so that the run posts an honor roll', '评比（运行才会公示光荣榜）'), undefined)
        ctx.io.err(`${p.positionals[0]}: ${renderProblem(why, ctx.io.lang)}\n`)
        return EXIT.problems
      }
      ctx.io.out(rollText(run.roll, format, ctx.io.lang))
      return EXIT.ok
    })
}
