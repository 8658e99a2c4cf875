/**
 * The whole programme as one run: from the programme, the organisation, the
 * events and the host tables to the ledger, every published board and list
 * with its movement, the composites (三比), the awards and the honor roll.
 * A run takes more events (`appendRun`) and brings everything published up
 * to date from the members the new events touch: the ledger refolds only
 * those members, and each board keeps every member's accumulated figures,
 * so only the touched members are accumulated again before ranking.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import {
  at as atPath,
  calendar,
  parsePeriodKey,
  periodOf,
  problem,
  text,
  withPrefix,
  type Decoded,
  type Instant,
  type OrgTree,
  type Period,
  type Problem,
  type Text
} from '../core/internal.js'
import type { ActivityEvent } from '../rules/internal.js'
import { allEntries, appendedSince, appendEvents, foldLedger, type Entry, type Ledger, type SubjectLedger } from '../ledger/internal.js'
import {
  accStep,
  accumulateBoard,
  boardFromAccs,
  copyAcc,
  newAcc,
  boardSubjects,
  composite,
  movement,
  previousPeriod,
  redBlack,
  type Acc,
  type Board,
  type BoardSpec,
  type BoardSubjects,
  type Composite,
  type HostMetrics,
  type Movement,
  type RedBlack
} from '../ranking/internal.js'
import {
  awardFigures,
  boardsRead,
  figuresOfBoard,
  honorRoll,
  refreshAwardFigures,
  runAwards,
  type AwardBoard,
  type AwardFigures,
  type AwardRun,
  type BoardFigures,
  type HonorRoll
} from '../awards/internal.js'
import { applyOps, emptyBank, postEntry, type BankOp, type BankState } from '../bank/internal.js'
import { checkHostTables, checkProgrammeOrg } from './check.js'
import { advanceFigures, figureState, type FigureState, type MemberData } from './figures-delta.js'
import type { Programme } from './programme.js'
import type { CompositeSpec, PublishedBoardSpec } from './publish.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * What a run reads. `org`: the organisation (the programme's inline one when
 * absent). `period` (a key such as `2021-07`, or a `Period`): the run is at
 * the period's last instant, its boards are the periods of their kinds
 * holding that instant, and the honor roll's notice follows its end; or `at`
 * (an instant): the run is at `at`, as of the day holding it. `previousRoll`:
 * the last roll posted, so the new one says who was added and removed.
 *
 * @category model
 * @example
 * const input: RunInput = { org, events, host: { skills, conduct, performance }, period: '2021-07' }
 */
export interface RunInput {
  readonly org?: OrgTree
  readonly events: Iterable<ActivityEvent>
  readonly host?: HostMetrics
  readonly bankOps?: ReadonlyArray<BankOp>
  readonly period?: string | Period
  readonly at?: Instant
  readonly previousRoll?: HonorRoll
}

/**
 * A published board: its label, the board with every row's figures, the
 * same board over the previous period and each subject's movement against
 * it, and its red/black lists.
 *
 * @category model
 * @example
 * run.boards[0] // => { id: 'study', label: { en: 'Study score', zh: '学习积分榜' }, board, previous, movement, lists }
 */
export interface PublishedBoard {
  readonly id: string
  readonly label: Text
  readonly board: Board
  readonly previous?: Board
  readonly movement?: Movement
  readonly lists?: RedBlack
}

/**
 * A published composite comparison (三比): each subject's part figures and rank, and its lists.
 *
 * @category model
 * @example
 * run.composites[0]?.composite.rows[0] // => { subject: 'g-03', score: 0.92, rank: 1, … }
 */
export interface PublishedComposite {
  readonly id: string
  readonly label: Text
  readonly composite: Composite
  readonly lists?: RedBlack
}

/**
 * One run of a programme: the ledger (every member's balances, entries and
 * statements), every published board and composite, the awards run and the
 * honor roll (when the programme has awards), and the Moral Bank (when it
 * has one and the run was given operations).
 *
 * @category model
 * @example
 * const run = runProgramme(programme, { org, events, host, period: '2021-07' })
 * E.isRight(run) && run.right.boards.map((b) => b.id) // => ['study', 'groups']
 */
export interface ProgrammeRun {
  readonly _tag: 'ProgrammeRun'
  readonly programme: Programme
  readonly org: OrgTree
  readonly host: HostMetrics
  /** The run's period and the instant it is at (the period's last millisecond, or the `at` given). */
  readonly period: Period
  readonly at: Instant
  readonly ledger: Ledger
  readonly boards: ReadonlyArray<PublishedBoard>
  readonly composites: ReadonlyArray<PublishedComposite>
  readonly awards?: AwardRun
  readonly roll?: HonorRoll
  readonly bank?: BankState
  /**
   * What the Moral Bank refused, in the order applied: an operation given (an order beyond the balance or
   * the stock, an unknown item) or an entry's posting, by its request id, with the reason. Nothing refused
   * is applied; a host shows these rather than assume every operation went through.
   */
  readonly bankRefused: ReadonlyArray<BankRefusal>
  /** The bank operations given so far (kept so that a later append replays them with the new entries). */
  readonly bankOps: ReadonlyArray<BankOp>
  readonly previousRoll?: HonorRoll
  readonly [KEPT]: Kept
}

/**
 * An operation (or an entry's posting) the Moral Bank refused in a run, and why.
 *
 * @category model
 * @example
 * run.bankRefused[0] // => { request: 'order-m-007', at: 1628298000000, problem: { code: 'range', … } }
 */
export interface BankRefusal {
  readonly request: string
  readonly at: Instant
  readonly problem: Problem
}

// -------------------------------------------------------------------------------------
// kept state
// -------------------------------------------------------------------------------------

const KEPT: unique symbol = Symbol('moral-bank/programme-run')

/** One board over one period, with each member's accumulated figures. */
interface KeptBoard {
  readonly spec: BoardSpec
  /** Entries and events at or after it do not count (a board the awards read with a cut-off). */
  readonly cutoff: Instant | undefined
  readonly subjects: BoardSubjects
  readonly scope: ReadonlySet<string>
  readonly accs: Map<string, Acc>
  readonly unmatched: Set<string>
}

/** A board the awards read, kept as published boards are (entries before its cut-off only). */
interface KeptAwardBoard {
  readonly key: string
  readonly id: string
  readonly board: AwardBoard
  readonly kept: KeptBoard
}

interface Kept {
  /** Per published board: the current period's and, when there is one, the previous period's. */
  readonly boards: ReadonlyArray<{ readonly current: KeptBoard; readonly previous: KeptBoard | undefined }>
  readonly awardBoards: ReadonlyArray<KeptAwardBoard>
  /** The figures the awards read, brought up to date member by member. */
  readonly figures: AwardFigures | undefined
  /** What brings `figures` up to date from the members' new entries alone (undefined: computed again). */
  readonly figureState?: FigureState | undefined
  /** The Moral Bank as the run left it, for an append to continue from. */
  readonly bank?: BankPart
}

// -------------------------------------------------------------------------------------
// steps
// -------------------------------------------------------------------------------------

const DAY_MS = 86_400_000

// The run's period and instant from `period` or `at` (exactly one of them).
const whenOf = (programme: Programme, input: RunInput): Decoded<{ readonly period: Period; readonly at: Instant }> => {
  const z = programme.zone
  if (input.period !== undefined && input.at !== undefined) {
    return E.left([problem('conflict', atPath(['at']), text('either period or at, not both', 'period 与 at 只给其一'), input.at)])
  }
  if (input.period !== undefined) {
    const p = typeof input.period === 'string' ? parsePeriodKey(input.period, z, ['period']) : E.right(input.period)
    if (E.isLeft(p)) return E.left([p.left])
    if (p.right.kind === 'all') return E.left([problem('range', atPath(['period']), text('a bounded period such as 2021-07', '有界周期，例如 2021-07'), p.right.key)])
    return E.right({ period: p.right, at: (p.right.end - 1) as Instant })
  }
  if (input.at !== undefined) return E.right({ period: periodOf('day', input.at, z), at: input.at })
  return E.left([problem('missing', atPath(['period']), text('the period to run (such as 2021-07), or at', '要运行的周期（如 2021-07）或 at'), undefined)])
}

const specAt = (b: PublishedBoardSpec, at: Instant, programme: Programme): BoardSpec => ({ ...b.spec, period: periodOf(b.period, at, programme.zone) })

type Data = { readonly entries: ReadonlyArray<Entry>; readonly events: ReadonlyArray<ActivityEvent> }

// Every entry and kept event of some subjects (all of them when `subjects` is undefined).
const dataOf = (ledger: Ledger, subjects: ReadonlyArray<string> | undefined): { readonly entries: ReadonlyArray<Entry>; readonly events: ReadonlyArray<ActivityEvent> } => {
  if (subjects === undefined) {
    const events: Array<ActivityEvent> = []
    for (const k of [...ledger.subjects.keys()].sort()) for (const e of (ledger.subjects.get(k) as SubjectLedger).events) events.push(e)
    return { entries: allEntries(ledger), events }
  }
  const entries: Array<Entry> = []
  const events: Array<ActivityEvent> = []
  for (const s of subjects) {
    const sl = ledger.subjects.get(s)
    if (sl === undefined) continue
    for (const e of sl.entries) entries.push(e)
    for (const e of sl.events) events.push(e)
  }
  return { entries, events }
}

// The entries and events of some subjects in [from, to): each subject's are in time order, so a window is
// two binary searches per subject (a board reads its period only, not the whole history). Memoised per window.
type Windows = (from: number, to: number) => Data
const lowerBound = (xs: ReadonlyArray<{ readonly at: number }>, t: number): number => {
  let lo = 0
  let hi = xs.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((xs[mid] as { readonly at: number }).at < t) lo = mid + 1
    else hi = mid
  }
  return lo
}
const windowsOf = (ledger: Ledger, subjects: ReadonlyArray<string>): Windows => {
  const memo = new Map<string, Data>()
  return (from, to) => {
    const key = `${from}/${to}`
    const hit = memo.get(key)
    if (hit !== undefined) return hit
    const entries: Array<Entry> = []
    const events: Array<ActivityEvent> = []
    for (const s of subjects) {
      const sl = ledger.subjects.get(s)
      if (sl === undefined) continue
      const es = sl.entries
      for (let i = lowerBound(es, from), n = es.length; i < n && (es[i] as Entry).at < to; i++) entries.push(es[i] as Entry)
      const vs = sl.events
      for (let i = lowerBound(vs, from), n = vs.length; i < n && (vs[i] as ActivityEvent).at < to; i++) events.push(vs[i] as ActivityEvent)
    }
    const made = { entries, events }
    memo.set(key, made)
    return made
  }
}
const windowOf = (spec: BoardSpec, cutoff: Instant | undefined, win: Windows): Data => win(spec.period.start, Math.min(spec.period.end, cutoff ?? Infinity))

const keepBoard = (spec: BoardSpec, cutoff: Instant | undefined, org: OrgTree, host: HostMetrics, win: Windows, accounts: ReadonlyArray<string>): Decoded<KeptBoard> => {
  const data = windowOf(spec, cutoff, win)
  const inputs = { org, host, entries: data.entries, events: data.events, accounts }
  const subjects = boardSubjects(spec, inputs)
  if (E.isLeft(subjects)) return subjects
  const scope = new Set<string>(subjects.right.memberIds)
  const unmatched = new Set<string>()
  const accs = accumulateBoard(spec, inputs, scope, unmatched)
  return E.right({ spec, cutoff, subjects: subjects.right, scope, accs, unmatched })
}

// What an append changed for one member: its new entries and events only (`whole` false: its earlier ones
// are unchanged), or all of them (`whole`: it was folded again, or is new, or lost every event).
interface Delta {
  readonly whole: boolean
  readonly entries: ReadonlyArray<Entry>
  readonly events: ReadonlyArray<ActivityEvent>
  readonly ledger: SubjectLedger | undefined
}

const deltaOf = (before: SubjectLedger | undefined, after: SubjectLedger | undefined): Delta => {
  if (after === undefined) return { whole: true, entries: [], events: [], ledger: undefined }
  const added = before === undefined ? undefined : appendedSince(before, after)
  if (added === undefined) return { whole: true, entries: after.entries, events: after.events, ledger: after }
  return { whole: false, entries: added.entries, events: added.events, ledger: after }
}

// The rows of `xs` (in time order) in [from, to).
const windowRows = <A extends { readonly at: number }>(xs: ReadonlyArray<A>, from: number, to: number): ReadonlyArray<A> => {
  const i = lowerBound(xs, from)
  let j = i
  while (j < xs.length && (xs[j] as A).at < to) j++
  return i === 0 && j === xs.length ? xs : xs.slice(i, j)
}

// A kept board brought up to date: a member with new entries only adds them to a copy of its figures (in
// the order one pass would: the same sums); a member folded again is accumulated anew from its entries in
// the window; a board nothing changed on is the same object (its board is not ranked again).
const refreshBoard = (k: KeptBoard, org: OrgTree, host: HostMetrics, deltas: ReadonlyMap<string, Delta>): KeptBoard => {
  const from = k.spec.period.start
  const to = Math.min(k.spec.period.end, k.cutoff ?? Infinity)
  const step = accStep(k.spec)
  let accs: Map<string, Acc> | undefined
  let unmatched: Set<string> | undefined
  for (const [s, d] of deltas) {
    const entries = windowRows(d.entries, from, to)
    const events = windowRows(d.events, from, to)
    if (!k.scope.has(s)) {
      // Only ids outside the organisation are listed (as unmatched: whole-tree boards publish them).
      if (org.memberById.has(s as never)) continue
      const has = entries.length > 0 || events.length > 0
      if (has === k.unmatched.has(s) || (!has && !d.whole)) continue
      unmatched ??= new Set(k.unmatched)
      if (has) unmatched.add(s)
      else unmatched.delete(s)
      continue
    }
    if (!d.whole) {
      if (entries.length === 0 && events.length === 0) continue
      accs ??= new Map(k.accs)
      const was = accs.get(s)
      const a = was === undefined ? newAcc() : copyAcc(was)
      for (const e of entries) step.entry(a, e)
      for (const ev of events) step.event(a, ev)
      step.finish(a)
      accs.set(s, a)
      continue
    }
    const fresh = accumulateBoard(k.spec, { org, host, entries, events }, new Set([s]), new Set())
    accs ??= new Map(k.accs)
    const a = fresh.get(s)
    if (a === undefined) accs.delete(s)
    else accs.set(s, a)
  }
  if (accs === undefined && unmatched === undefined) return k
  return { ...k, accs: accs ?? k.accs, unmatched: unmatched ?? k.unmatched }
}

// Each kept board's board, ranked once (a board an append did not change is the same kept object).
const boardMemo = new WeakMap<KeptBoard, Decoded<Board>>()
const boardOf = (k: KeptBoard, org: OrgTree, host: HostMetrics): Decoded<Board> => {
  let b = boardMemo.get(k)
  if (b === undefined) boardMemo.set(k, (b = boardFromAccs(k.spec, { org, host }, k.subjects, k.accs, k.unmatched)))
  return b
}

// Boards, lists and movements from the kept boards (a published board whose kept boards are the same objects as
// in the run before is that run's).
const publishedMemo = new WeakMap<KeptBoard, { readonly previous: KeptBoard | undefined; readonly published: PublishedBoard }>()
const publishBoards = (programme: Programme, kept: Kept, org: OrgTree, host: HostMetrics): Decoded<ReadonlyArray<PublishedBoard>> => {
  const ps: Array<Problem> = []
  const out: Array<PublishedBoard> = []
  programme.boards.forEach((b, i) => {
    const k = kept.boards[i] as Kept['boards'][number]
    const hit = publishedMemo.get(k.current)
    if (hit !== undefined && hit.previous === k.previous) return void out.push(hit.published)
    const board = boardOf(k.current, org, host)
    if (E.isLeft(board)) return void ps.push(...withPrefix(['boards', i])(board.left))
    const previous = k.previous === undefined ? undefined : boardOf(k.previous, org, host)
    if (previous !== undefined && E.isLeft(previous)) return void ps.push(...withPrefix(['boards', i])(previous.left))
    const lists = b.lists === undefined ? undefined : redBlack(b.lists)(board.right)
    if (lists !== undefined && E.isLeft(lists)) return void ps.push(...withPrefix(['boards', i, 'lists'])(lists.left))
    const published: PublishedBoard = {
      id: b.id,
      label: b.label,
      board: board.right,
      ...(previous === undefined ? {} : { previous: previous.right, movement: movement(previous.right)(board.right) }),
      ...(lists === undefined ? {} : { lists: lists.right })
    }
    publishedMemo.set(k.current, { previous: k.previous, published })
    out.push(published)
  })
  return ps.length > 0 ? E.left(ps) : E.right(out)
}

const publishComposites = (specs: ReadonlyArray<CompositeSpec>, boards: ReadonlyArray<PublishedBoard>): Decoded<ReadonlyArray<PublishedComposite>> => {
  const ps: Array<Problem> = []
  const byId = new Map(boards.map((b) => [b.id, b.board]))
  const out: Array<PublishedComposite> = []
  specs.forEach((c, i) => {
    const parts = c.parts.map((p) => ({ label: p.board, weight: p.weight, ranking: byId.get(p.board) as Board }))
    const made = composite(parts, c.normalisation, c.ties ?? 'competition')
    if (E.isLeft(made)) return void ps.push(...withPrefix(['composites', i])(made.left))
    const lists = c.lists === undefined ? undefined : redBlack(c.lists)(made.right)
    if (lists !== undefined && E.isLeft(lists)) return void ps.push(...withPrefix(['composites', i, 'lists'])(lists.left))
    out.push({ id: c.id, label: c.label, composite: made.right, ...(lists === undefined ? {} : { lists: lists.right }) })
  })
  return ps.length > 0 ? E.left(ps) : E.right(out)
}

// The notice window: it opens `after` local days after the period ends (1: the park posts on the 2nd of
// the next month) and lasts `days` days, from midnight to midnight in the programme's zone.
const noticeOf = (programme: Programme, period: Period): { readonly from: Instant; readonly to: Instant } => {
  const { after, days } = programme.roll?.notice ?? { after: 1, days: 7 }
  const cal = calendar(programme.zone)
  const dayStart = (n: number): Instant => cal.period('day', (period.end + n * DAY_MS + DAY_MS / 2) as Instant).start as Instant
  return { from: dayStart(after), to: dayStart(after + days) }
}

// The boards the awards read, as figures, from their kept boards (once per kept board).
const figuresMemo = new WeakMap<KeptBoard, Decoded<BoardFigures>>()
const awardBoardFigures = (kept: ReadonlyArray<KeptAwardBoard>, org: OrgTree, host: HostMetrics): Decoded<ReadonlyMap<string, BoardFigures>> => {
  const out = new Map<string, BoardFigures>()
  for (const k of kept) {
    let f = figuresMemo.get(k.kept)
    if (f === undefined) {
      const board = boardOf(k.kept, org, host)
      if (E.isLeft(board)) return E.left(withPrefix(['awards', 'boards', k.id])(board.left))
      f = figuresOfBoard(k.board, board.right, k.id)
      figuresMemo.set(k.kept, f)
    }
    if (E.isLeft(f)) return E.left(withPrefix(['awards'])(f.left))
    out.set(k.key, f.right)
  }
  return E.right(out)
}

// The awards decided on their figures, and the roll posted. `data`: what the figures do not already hold
// (everything for a first run; the touched members' data for an append, whose figures are up to date).
const awardsAndRoll = (
  programme: Programme,
  org: OrgTree,
  host: HostMetrics,
  data: Data,
  figures: AwardFigures | undefined,
  when: { readonly period: Period; readonly at: Instant },
  previousRoll: HonorRoll | undefined
): Decoded<{ readonly awards?: AwardRun; readonly roll?: HonorRoll }> => {
  if (programme.awards === undefined) return E.right({})
  const awards = runAwards(programme.awards)({ org, entries: data.entries, events: data.events, host, at: when.at, ...(figures === undefined ? {} : { figures }) })
  if (E.isLeft(awards)) return E.left(withPrefix(['awards'])(awards.left))
  const title = programme.roll?.title ?? programme.title
  const roll = honorRoll(awards.right, noticeOf(programme, when.period), {
    zone: programme.zone,
    org,
    ...(title === undefined ? {} : { title }),
    ...(previousRoll === undefined ? {} : { previous: previousRoll })
  })
  if (E.isLeft(roll)) return E.left(withPrefix(['roll'])(roll.left))
  return E.right({ awards: awards.right, roll: roll.right })
}

/** The Moral Bank of a run: its state, what it refused, and the latest instant it applied (where an append may continue). */
interface BankPart {
  readonly bank?: BankState
  readonly bankRefused: ReadonlyArray<BankRefusal>
  readonly clock: number
}

// Entries posted to the passbook and operations, in time order (an entry first at the same instant), applied to
// `from`; what the bank refused, with the reasons.
const applyToBank = (from: BankState, refused: ReadonlyArray<BankRefusal>, clock: number, entries: ReadonlyArray<Entry>, ops: ReadonlyArray<BankOp>): BankPart => {
  const posts = entries.filter((e) => e.granted !== 0).map(postEntry)
  const all = [...posts, ...ops].map((op, i) => ({ op, i })).sort((a, b) => a.op.at - b.op.at || a.i - b.i).map((x) => x.op)
  const r = applyOps(from, all)
  const bankRefused: Array<BankRefusal> = [...refused]
  let latest = clock
  r.results.forEach((x, i) => {
    const op = all[i] as BankOp
    latest = Math.max(latest, op.at)
    if (E.isLeft(x)) bankRefused.push({ request: op.request, at: op.at, problem: x.left })
  })
  return { bank: r.bank, bankRefused, clock: latest }
}

// The bank after an append, continued from the run's own when it can be: every touched member's earlier
// entries unchanged (its new ones only added after them) and everything new later than all the bank applied.
// Otherwise (a late event, a conflict, an operation dated before the bank's last), undefined: replay it all.
const continueBank = (run: ProgrammeRun, deltas: ReadonlyMap<string, Delta>, ops: ReadonlyArray<BankOp>): BankPart | undefined => {
  const was = run[KEPT].bank
  if (was?.bank === undefined) return undefined
  const fresh: Array<Entry> = []
  // members in key order, as a full run posts them (allEntries)
  for (const s of [...deltas.keys()].sort()) {
    const d = deltas.get(s) as Delta
    if (d.whole) {
      if (run.ledger.subjects.has(s)) return undefined
      for (const e of d.entries) fresh.push(e)
    } else for (const e of d.entries) fresh.push(e)
  }
  for (const e of fresh) if (e.granted !== 0 && !(e.at > was.clock)) return undefined
  for (const op of ops) if (!(op.at > was.clock)) return undefined
  return applyToBank(was.bank, was.bankRefused, was.clock, fresh, ops)
}

// Everything published, from a ledger and kept boards and figures; `data`: what the awards read beyond their
// figures; `bank`: the Moral Bank the run ends with (undefined without one).
const finish = (
  programme: Programme,
  base: Omit<ProgrammeRun, '_tag' | 'boards' | 'composites' | 'awards' | 'roll' | 'bank' | 'bankRefused' | typeof KEPT>,
  kept: Kept,
  data: Data,
  bank: BankPart | undefined
): Decoded<ProgrammeRun> => {
  const { org, host } = base
  const boards = publishBoards(programme, kept, org, host)
  if (E.isLeft(boards)) return boards
  const composites = publishComposites(programme.composites, boards.right)
  if (E.isLeft(composites)) return composites
  const ar = awardsAndRoll(programme, org, host, data, kept.figures, base, base.previousRoll)
  if (E.isLeft(ar)) return ar
  return E.right({
    _tag: 'ProgrammeRun',
    ...base,
    boards: boards.right,
    composites: composites.right,
    ...ar.right,
    ...(bank?.bank === undefined ? {} : { bank: bank.bank }),
    bankRefused: bank?.bankRefused ?? [],
    [KEPT]: { ...kept, ...(bank === undefined ? {} : { bank }) }
  })
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Run a programme: fold the events into the ledger, compute every board the
 * programme publishes (over the period of its kind holding the run's
 * instant, and over the period before, for each subject's movement), its
 * red/black lists and composites, run the awards and post the honor roll,
 * and, when the programme has a Moral Bank and operations are given, apply
 * them after posting every entry. Deterministic: the same inputs give the
 * same run, in Node and in a browser.
 *
 * Problems come back, nothing run: the input's (`$.period`, `$.org` when
 * there is none), the programme's against the organisation (at their paths
 * in the programme), the host tables' (at `$.host.<table>.<id>`).
 *
 * @category constructors
 * @example
 * const run = runProgramme(programme, { org, events, host, period: '2021-07' })
 * E.isRight(run) && run.right.roll?.categories.map((c) => [c.award, c.entries.length])
 */
export const runProgramme = (programme: Programme, input: RunInput): Decoded<ProgrammeRun> => {
  const when = whenOf(programme, input)
  if (E.isLeft(when)) return when
  const org = input.org ?? programme.org
  if (org === undefined) return E.left([problem('missing', atPath(['org']), text('the organisation (in the run, or inline in the programme)', '组织（随运行给出，或写在方案中）'), undefined)])
  const host = input.host ?? {}
  const ps = [...checkProgrammeOrg(programme, org), ...withPrefix(['host'])(checkHostTables(programme, org, host))]
  if (ps.length > 0) return E.left(ps)
  const ledger = foldLedger(programme.rules)(input.events)
  const data = dataOf(ledger, undefined)
  const win = windowsOf(ledger, [...ledger.subjects.keys()].sort())
  const accounts = programme.rules.accounts.map((a) => a.id as string)
  const boards: Array<Kept['boards'][number]> = []
  for (let i = 0; i < programme.boards.length; i++) {
    const spec = specAt(programme.boards[i] as PublishedBoardSpec, when.right.at, programme)
    const current = keepBoard(spec, undefined, org, host, win, accounts)
    if (E.isLeft(current)) return E.left(withPrefix(['boards', i])(current.left))
    const before = previousPeriod(spec.period)
    const previous = E.isRight(before) ? keepBoard({ ...spec, period: before.right }, undefined, org, host, win, accounts) : undefined
    if (previous !== undefined && E.isLeft(previous)) return E.left(withPrefix(['boards', i])(previous.left))
    boards.push({ current: current.right, previous: previous?.right })
  }
  const awardBoards: Array<KeptAwardBoard> = []
  let figures: AwardFigures | undefined
  let state: FigureState | undefined
  if (programme.awards !== undefined) {
    for (const r of boardsRead(programme.awards, when.right.at)) {
      const k = keepBoard(r.spec, r.cutoff, org, host, win, accounts)
      if (E.isLeft(k)) return E.left(withPrefix(['awards', 'boards', r.id])(k.left))
      awardBoards.push({ key: r.key, id: r.id, board: r.board, kept: k.right })
    }
    const read = awardBoardFigures(awardBoards, org, host)
    if (E.isLeft(read)) return read
    const inputs = { org, ...data, host, at: when.right.at, figures: { _tag: 'AwardFigures' as const, members: new Map(), boards: read.right } }
    const f = awardFigures(programme.awards)(inputs)
    if (E.isLeft(f)) return E.left(withPrefix(['awards'])(f.left))
    figures = f.right
    state = figureState(programme.awards, figures, inputs, (member, from, to) => {
      const sl = ledger.subjects.get(member as SubjectLedger['subject'])
      return sl === undefined ? { entries: [], events: [] } : { entries: windowRows(sl.entries, from, to), events: windowRows(sl.events, from, to) }
    })
  }
  return finish(
    programme,
    { programme, org, host, period: when.right.period, at: when.right.at, ledger, bankOps: input.bankOps ?? [], ...(input.previousRoll === undefined ? {} : { previousRoll: input.previousRoll }) },
    { boards, awardBoards, figures, figureState: state },
    data,
    programme.bank === undefined ? undefined : applyToBank(emptyBank(programme.bank), [], -Infinity, data.entries, input.bankOps ?? [])
  )
}

/**
 * A run with more events (and bank operations): the ledger refolds only the
 * members the new events touch, each published board accumulates only
 * those members again and ranks anew, lists, movements and composites
 * follow; the awards and the roll are decided again on the updated figures.
 * The Moral Bank continues from its own state when the touched members'
 * earlier entries are unchanged and everything new is later than what it
 * applied (it replays everything otherwise: a late event, an earlier-dated
 * operation). Equal to running the programme once over all the events (in
 * any chunks, late events included).
 *
 * @category combinators
 * @example
 * const morning = runProgramme(programme, { org, events: yesterday, period: '2021-07' })
 * E.isRight(morning) && appendRun(morning.right, todaysEvents) // same as one run over both days
 */
export const appendRun = (run: ProgrammeRun, events: Iterable<ActivityEvent>, bankOps: ReadonlyArray<BankOp> = []): Decoded<ProgrammeRun> => {
  const ledger = appendEvents(run.ledger)(events)
  const deltas = new Map<string, Delta>()
  for (const [s, sl] of ledger.subjects) {
    const before = run.ledger.subjects.get(s)
    if (before !== sl) deltas.set(s, deltaOf(before, sl))
  }
  for (const s of run.ledger.subjects.keys()) if (!ledger.subjects.has(s)) deltas.set(s, deltaOf(run.ledger.subjects.get(s), undefined))
  const { org, host, programme } = run
  const was = run[KEPT]
  const allOps = bankOps.length === 0 ? run.bankOps : [...run.bankOps, ...bankOps]
  const boards = was.boards.map((k) => ({
    current: refreshBoard(k.current, org, host, deltas),
    previous: k.previous === undefined ? undefined : refreshBoard(k.previous, org, host, deltas)
  }))
  const awardBoards = was.awardBoards.map((k) => {
    const kept = refreshBoard(k.kept, org, host, deltas)
    return kept === k.kept ? k : { ...k, kept }
  })
  let figures: AwardFigures | undefined
  let state: FigureState | undefined
  // What the awards read beyond their figures: nothing when the figures are brought up to date here.
  let data: Data = { entries: [], events: [] }
  if (programme.awards !== undefined && was.figures !== undefined) {
    const read = awardBoardFigures(awardBoards, org, host)
    if (E.isLeft(read)) return read
    if (was.figureState !== undefined) {
      const changed = new Map<string, MemberData>()
      for (const [s, d] of deltas) {
        const sl = d.ledger
        changed.set(s, { whole: d.whole, entries: d.entries, events: d.events, window: (from, to) => (sl === undefined ? [] : windowRows(sl.entries, from, to)) })
      }
      const next = advanceFigures(was.figureState, changed, read.right)
      figures = next.figures
      state = next.state
    } else {
      const touched = [...deltas.keys()]
      data = dataOf(ledger, touched)
      const inputs = { org, ...data, host, at: run.at, figures: { _tag: 'AwardFigures' as const, members: new Map(), boards: read.right } }
      const f = refreshAwardFigures(programme.awards)(was.figures, inputs, touched) ?? awardFigures(programme.awards)({ ...inputs, ...dataOf(ledger, undefined) })
      if (E.isLeft(f)) return E.left(withPrefix(['awards'])(f.left))
      figures = f.right
    }
  }
  return finish(
    run.programme,
    {
      programme: run.programme,
      org: run.org,
      host: run.host,
      period: run.period,
      at: run.at,
      ledger,
      bankOps: allOps,
      ...(run.previousRoll === undefined ? {} : { previousRoll: run.previousRoll })
    },
    { boards, awardBoards, figures, figureState: state },
    data,
    programme.bank === undefined
      ? undefined
      : (continueBank(run, deltas, bankOps) ?? applyToBank(emptyBank(programme.bank), [], -Infinity, allEntries(ledger), allOps))
  )
}

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/**
 * Everything a run publishes, as plain JSON data (for files, a web page or
 * a comparison): the period, every member's balances (members in id order,
 * accounts in the rules' order), each board with its previous period's
 * ranks, movement and lists, each composite, the awards and the honor roll.
 * The same run gives the same text under `JSON.stringify` in Node and in a browser.
 *
 * @category utilities
 * @example
 * E.isRight(run) && JSON.stringify(publishedRun(run.right)).length > 0
 */
export const publishedRun = (run: ProgrammeRun): PublishedRun => {
  const accounts = run.programme.rules.accounts.map((a) => a.id as string)
  const balances = [...run.ledger.subjects.keys()].sort().map((s) => {
    const b = (run.ledger.subjects.get(s) as SubjectLedger).balances
    return { subject: s, balances: Object.fromEntries(accounts.map((a) => [a, b[a] ?? 0])) }
  })
  return JSON.parse(
    JSON.stringify({
      period: run.period.key,
      at: run.at,
      balances,
      boards: run.boards,
      composites: run.composites,
      ...(run.awards === undefined ? {} : { awards: run.awards }),
      ...(run.roll === undefined ? {} : { roll: run.roll }),
      ...(run.bankRefused.length === 0 ? {} : { bankRefused: run.bankRefused })
    })
  ) as PublishedRun
}

/**
 * What `publishedRun` returns: JSON data only.
 *
 * @category model
 * @example
 * const p: PublishedRun = publishedRun(run); p.balances[0] // => { subject: 'm-001', balances: { study: 120, moral: 5 } }
 */
export interface PublishedRun {
  readonly period: string
  readonly at: number
  readonly balances: ReadonlyArray<{ readonly subject: string; readonly balances: Readonly<Record<string, number>> }>
  readonly boards: ReadonlyArray<unknown>
  readonly composites: ReadonlyArray<unknown>
  readonly awards?: unknown
  readonly roll?: unknown
  /** What the Moral Bank refused (absent when nothing was). */
  readonly bankRefused?: ReadonlyArray<unknown>
}
