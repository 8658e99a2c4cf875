/**
 * The inputs of `run`, `points`, `board` and `roll`: the programme, the
 * organisation, host tables, streamed events and bank operation logs, read
 * and decoded (each problem at its place in its file as found), and the
 * programme run on them with `runProgramme`. A bad line is reported and the
 * run goes on without it; `--strict` stops at the first.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { at, decodeOrg, instant, parseJson, renderProblem, type Decoded, type Instant, type OrgTree, type Problem } from '../core/internal.js'
import type { BankOp } from '../bank/internal.js'
import { decodeHonorRoll, type HonorRoll } from '../awards/internal.js'
import type { ActivityEvent } from '../rules/internal.js'
import type { HostMetrics } from '../ranking/internal.js'
import { decodeProgrammeJson, runProgramme, type ProgrammeRun } from '../programme/internal.js'
import { bool, count, optionProblem, str, type Parsed } from './args.js'
import { BANK_OPS, DEFAULT_MAX_PROBLEMS, EVENTS, streamLines, type LinesKind, type LinesSink, type LinesSummary } from './check-lines.js'
import { decodeHostTables } from '../programme/internal.js'
import { EXIT, UsageError, type Io } from './command.js'
import { placeAll, readText, type Placed } from './files.js'
import type { Help } from './help.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** What a run read, and the run when there is one. */
export interface Loaded {
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

// When the run is: --period KEY or --at INSTANT, exactly one.
const whenOf = (p: Parsed, io: Io): { readonly at: Instant } | { readonly period: string } => {
  const period = str(p, 'period')
  const atText = str(p, 'at')
  if (period !== undefined && atText !== undefined) throw new UsageError(io.say('either --period or --at, not both', '--period 与 --at 只给其一'))
  if (period !== undefined) return { period }
  if (atText === undefined) throw new UsageError(io.say('--period (such as 2021-07) or --at is needed', '缺少 --period（如 2021-07）或 --at'))
  const t = instant(/^-?\d+$/.test(atText) ? Number(atText) : atText)
  if (E.isLeft(t)) throw new UsageError(optionProblem('--at', t.left, io.lang))
  return { at: t.right }
}

/** Read every input of a run and run the programme; every problem goes to standard error as found (in every format: the output is what the run publishes). */
export const load = (p: Parsed, io: Io): Loaded => {
  const programmeFile = p.positionals[0]
  if (programmeFile === undefined) throw new UsageError(io.say('a programme file is needed', '需要一个方案文件'))
  const when = whenOf(p, io)
  const problems: Array<Placed> = []
  const show = (x: Placed): void => {
    problems.push(x)
    io.err(`${x.text}\n`)
  }
  // The files read whole: the programme, the organisation, the host tables.
  const src = readText(io, programmeFile)
  const pr = decodeProgrammeJson(src, programmeFile)
  const found: Array<Placed> = E.isLeft(pr) ? [...placeAll(pr.left, programmeFile, src, io.lang)] : []
  const orgFile = str(p, 'org')
  const org: OrgTree | undefined = orgFile === undefined ? undefined : decodeFile(io, orgFile, (u) => decodeOrg(u), found)
  const hostFile = str(p, 'host')
  const host: HostMetrics | undefined = hostFile === undefined ? undefined : decodeFile(io, hostFile, (u) => decodeHostTables(u), found)
  const previousFile = str(p, 'previous-roll')
  const previousRoll: HonorRoll | undefined = previousFile === undefined ? undefined : decodeFile(io, previousFile, (u) => decodeHonorRoll(u), found)
  for (const x of found) show(x)
  // The files streamed: operation logs (kept: the bank replays them), then the events (folded as they are read).
  const streamed: Array<Loaded['streamed'][number]> = []
  let stopped = false
  const sink: LinesSink = { problem: show, note: (s) => io.err(s) }
  const done = (kind: string) => (file: string, s: LinesSummary): boolean => {
    streamed.push({ file, kind, summary: s })
    stopped ||= s.stoppedAt !== undefined || s.notLines // a strict stop, or a file that is not JSON Lines: nothing is published
    return !stopped
  }
  const bankOps: Array<BankOp> = [...linesOf(io, BANK_OPS as LinesKind<BankOp>, list(p, 'ops'), p, sink, done('bank-ops'))]
  if (E.isLeft(pr) || found.length > 0 || stopped) return { problems, streamed, stopped }
  const events = linesOf(io, EVENTS as LinesKind<ActivityEvent>, list(p, 'events'), p, sink, done('events'))
  const r = runProgramme(pr.right, { ...(org === undefined ? {} : { org }), events, ...(host === undefined ? {} : { host }), ...(previousRoll === undefined ? {} : { previousRoll }), bankOps, ...when })
  if (stopped) return { problems, streamed, stopped }
  if (E.isLeft(r)) {
    for (const x of placeRunProblems(io, r.left, { programme: programmeFile, ...(hostFile === undefined ? {} : { host: hostFile }) })) show(x)
    return { problems, streamed, stopped }
  }
  // What the Moral Bank refused is said, not dropped: a business outcome (an order beyond the balance or the
  // stock), so the exit code stays, but the lines name each request and why.
  for (const x of r.right.bankRefused) {
    io.err(io.lang === 'zh' ? `道德银行拒绝了 ${x.request}：${renderProblem(x.problem, 'zh')}\n` : `the Moral Bank refused ${x.request}: ${renderProblem(x.problem, 'en')}\n`)
  }
  return { run: r.right, problems, streamed, stopped }
}

// The exit code of a run: 1 when some input had problems (a bad line the run went on without, too).
export const codeOf = (l: Loaded): number => (l.problems.length > 0 || l.stopped || l.run === undefined ? EXIT.problems : EXIT.ok)

/** The options every command over a run takes. */
export const OPTIONS = {
  org: { type: 'string' },
  events: { type: 'string', multiple: true },
  host: { type: 'string' },
  ops: { type: 'string', multiple: true },
  period: { type: 'string' },
  at: { type: 'string' },
  'previous-roll': { type: 'string' },
  'max-problems': { type: 'string' },
  strict: { type: 'boolean' }
} as const

/** Their help. */
export const INPUT_OPTIONS: Help['options'] = [
  ['--org org.json', { en: 'the organisation (needed unless the programme holds it inline)', zh: '组织文件（方案中未内含组织时必填）' }],
  ['--events F.jsonl', { en: 'activity events, one a line; give it again for more files', zh: '活动事件（每行一个）；可多次给出' }],
  ['--host host.json', { en: 'host tables { table: { id: number } }', zh: '宿主数据表 { 表: { 标识: 数值 } }' }],
  ['--ops F.jsonl', { en: 'Moral Bank operations, one a line; give it again for more files', zh: '道德银行操作（每行一个）；可多次给出' }],
  ['--period KEY', { en: 'the period to run: 2021-07, 2021-Q3, 2021-W26, 2021 …', zh: '运行的周期：2021-07、2021-Q3、2021-W26、2021……' }],
  ['--at INSTANT', { en: 'or an instant: the run as of the day holding it', zh: '或某一时刻：截至该时刻所在日' }],
  ['--previous-roll roll.json', { en: 'the last roll posted (roll.json of an earlier run --out): the new roll says who was added and removed', zh: '上次公示的光荣榜（此前 run --out 写出的 roll.json）：新榜注明新增与移出' }],
  ['--max-problems N', { en: 'problems printed per streamed file (default 100)', zh: '每个流式文件列出的问题数（默认 100）' }],
  ['--strict', { en: 'stop at the first bad line; publish nothing', zh: '遇到第一行错误即停止，不发布' }]
]

export const INPUTS = 'PROGRAMME.json --org org.json --events events.jsonl [--host host.json] [--ops ops.jsonl] --period 2021-07'
export const EXAMPLE_INPUTS = 'programme.json --org org.json --events events.jsonl --host host.json --period 2021-07'
export const BEHAVIOUR = {
  en:
    'The programme runs with runProgramme over the events (streamed: any size; a bad line is reported at\n' +
    'file:line:column and the run goes on without it, exit code 1; --strict stops at the first and\n' +
    'publishes nothing). Problems of the programme, organisation or host tables are at their place in\n' +
    'their file; nothing runs then.',
  zh:
    '用 runProgramme 按事件运行方案（流式读取，任意大小；错误的行按 文件:行:列 报告，运行继续但不含该行，退出码 1；\n' +
    '--strict 遇到第一行错误即停止，不发布）。方案、组织或宿主数据表中的问题定位到其文件中的位置；此时不运行。'
}

