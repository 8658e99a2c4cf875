/**
 * The award figures of a run brought up to date member by member (internal:
 * `appendRun`). A member table's columns (see `memberFigures`) are running
 * sums or follow from a little more kept per member (the day totals' least
 * and last day, the instant the total was last raised, the quiz sums): a
 * member whose earlier entries are unchanged adds only its new entries and
 * events, in the order one pass over all of them would, so every column is
 * the same to the last bit as computing it anew. A member folded again
 * (a late event, a conflict) is reset and accumulated from its entries in
 * the table's period. Board figures (rank, score, red, black) move with
 * every member and are read again from the boards, already up to date.
 *
 * @module
 * @internal
 */
import * as E from 'fp-ts/lib/Either.js'
import { calendar, type Instant, type MemberId } from '../core/internal.js'
import type { EntryLike, EventLike } from '../ranking/internal.js'
import {
  boardColumn,
  contextOf,
  memberFigures,
  prepare,
  splitFigure,
  type AwardCategory,
  type AwardFigures,
  type AwardInputs,
  type AwardProgramme,
  type BoardFigures,
  type FigureContext,
  type FigureKindId,
  type FigureTable
} from '../awards/internal.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** Per member of one table: its day totals of an account (the last day apart, since new entries go on it or after it). */
interface DailyState {
  readonly lastDay: Float64Array // NaN: no day yet
  readonly lastTotal: Float64Array
  readonly restMin: Float64Array // least total of the days before the last (Infinity: none)
  readonly restPositive: Float64Array
  readonly restSeen: Float64Array
}

/** Per member of one table: what `reachedAt:<account>` follows from while no entry is negative. */
interface ReachedState {
  readonly negative: Uint8Array // 1: an entry below 0 (or not whole): computed from the member's entries
  readonly lastRaised: Float64Array // the instant of the last entry above 0 (NaN: none)
  readonly first: Float64Array // the first instant with an entry (NaN: none)
}

/** One member table and what is kept beside it. */
interface TableState {
  readonly key: string
  readonly ctx: FigureContext
  readonly table: FigureTable
  readonly quizCorrect: Float64Array | undefined
  readonly quizTotal: Float64Array | undefined
  readonly daily: ReadonlyMap<string, DailyState>
  readonly reached: ReadonlyMap<string, ReachedState>
  /** Each board the table reads (by its id, as figure names name it) by its key in `AwardFigures.boards`. */
  readonly boardKeys: ReadonlyMap<string, string>
}

/** The figures of a run and what brings them up to date. */
export interface FigureState {
  readonly tables: ReadonlyArray<TableState>
}

/**
 * A member's data: everything it has (`whole`), or only what an append added after the rest; `window`:
 * all its entries in [from, to) (read only when a figure cannot follow from what is kept).
 */
export interface MemberData {
  readonly whole: boolean
  readonly entries: ReadonlyArray<EntryLike>
  readonly events: ReadonlyArray<EventLike>
  readonly window: (from: number, to: number) => ReadonlyArray<EntryLike>
}

// -------------------------------------------------------------------------------------
// steps
// -------------------------------------------------------------------------------------

type Move = 'advanced' | 'fixed' | 'board' | 'unit'

// How each figure kind of a member table moves when members' data is added: summed or derived here from the
// new entries and events ('advanced'), unchanged by them ('fixed': joining dates and host tables), read again
// from the boards ('board'), or a unit figure no member table holds ('unit'). A kind added to the registry
// does not compile until it says which; a member column of a kind not advanced here sends the append to
// computing the figures anew, rather than leaving the column as it was.
const MOVES: Readonly<Record<FigureKindId, Move>> = {
  quizAccuracy: 'advanced',
  quizzes: 'advanced',
  violations: 'advanced',
  points: 'advanced',
  previous: 'advanced',
  improvement: 'advanced',
  reachedAt: 'advanced',
  dailyMin: 'advanced',
  activeDays: 'advanced',
  count: 'advanced',
  tenureDays: 'fixed',
  tenureMonths: 'fixed',
  host: 'fixed',
  rank: 'board',
  score: 'board',
  red: 'board',
  black: 'board',
  members: 'unit',
  participation: 'unit',
  perCapita: 'unit',
  everyDayMin: 'unit',
  __active: 'advanced'
}

// How a member table's column moves.
const moveOf = (name: string): Move | undefined => {
  const kind = splitFigure(name)[0]
  return Object.hasOwn(MOVES, kind) ? MOVES[kind as FigureKindId] : undefined
}

// The member tables of the figures with the context each was computed in.
const tablesOf = (programme: AwardProgramme, figures: AwardFigures, inputs: AwardInputs): ReadonlyArray<{ readonly key: string; readonly ctx: FigureContext; readonly table: FigureTable }> | undefined => {
  const ctx = contextOf(programme, { ...inputs, figures })
  const out = new Map<string, { readonly key: string; readonly ctx: FigureContext; readonly table: FigureTable }>()
  for (let i = 0; i < programme.awards.length; i++) {
    const p = prepare(ctx, programme.awards[i] as AwardCategory, i)
    if (E.isLeft(p)) return undefined
    let key: string | undefined
    for (const [k, t] of ctx.memberTables) if (t === p.right.shared) key = k
    if (key === undefined) return undefined
    if (!out.has(key)) out.set(key, { key, ctx: p.right.fctx, table: p.right.shared })
  }
  if (out.size !== figures.members.size) return undefined
  return [...out.values()]
}

const filled = (n: number, v: number): Float64Array => {
  const c = new Float64Array(n)
  if (v !== 0) c.fill(v)
  return c
}

// The window of a table's period: [start, end) with the cut-off applied, its first day and its number of days.
const windowOf = (ctx: FigureContext): { readonly start: number; readonly end: number; readonly firstDay: number; readonly nDays: number; readonly bounded: boolean } => {
  const { period } = ctx
  const cut = ctx.cutoff ?? Infinity
  const end = Math.min(period.end, cut)
  const cal = calendar(period.zone)
  const lastDay = end >= period.end ? period.endDay : cal.dayNumber((end - 1) as Instant) + 1
  return { start: period.start, end, firstDay: period.firstDay, nDays: Math.max(0, lastDay - period.firstDay), bounded: period.kind !== 'all' }
}

// Names of a table by what they need.
const accountsOf = (table: FigureTable, kinds: ReadonlyArray<string>): ReadonlyArray<string> => {
  const out = new Set<string>()
  for (const name of table.columns.keys()) {
    const [kind, arg] = splitFigure(name)
    if (arg !== undefined && kinds.includes(kind)) out.add(arg)
  }
  return [...out]
}

const hasQuiz = (table: FigureTable): boolean => table.columns.has('quizAccuracy') || table.columns.has('quizzes')

/** Adds members' entries and events to a table's columns and kept state (all of them mutable copies). */
const stepper = (s: TableState) => {
  const { ctx, table } = s
  const cols = table.columns
  const w = windowOf(ctx)
  const cal = calendar(ctx.period.zone)
  const cut = ctx.cutoff ?? Infinity
  const prev = ctx.previous
  const qStart = prev?.start ?? 0
  const qEnd = prev === undefined ? -Infinity : Math.min(prev.end, cut)
  const points = new Map<string, Float64Array>()
  const previous = new Map<string, Float64Array>()
  const counts = new Map<string, Float64Array>()
  for (const [name, col] of cols) {
    const [kind, arg] = splitFigure(name)
    if (arg === undefined) continue
    if (kind === 'points') points.set(arg, col)
    else if (kind === 'previous' && prev !== undefined) previous.set(arg, col)
    else if (kind === 'count') counts.set(arg, col)
  }
  const active = cols.get('__active')
  const violations = cols.get('violations')
  const quizzes = cols.get('quizzes')
  const vTypes = new Set(ctx.violationTypes ?? [])
  const entry = (i: number, e: EntryLike): void => {
    const t = e.at
    if (t >= cut) return
    const inP = t >= w.start && t < w.end
    const inQ = t >= qStart && t < qEnd
    if (inQ) {
      const q = previous.get(e.account)
      if (q !== undefined) q[i] = (q[i] as number) + e.granted
    }
    if (!inP) return
    if (active !== undefined) active[i] = 1
    if (violations !== undefined) {
      const kind = (e as { readonly kind?: unknown }).kind
      if (kind === undefined ? e.granted < 0 : kind === 'deduct') violations[i] = (violations[i] as number) + 1
    }
    const p = points.get(e.account)
    if (p !== undefined) p[i] = (p[i] as number) + e.granted
    const d = s.daily.get(e.account)
    if (d !== undefined) {
      const day = cal.dayNumber(t as Instant) - w.firstDay
      const last = d.lastDay[i] as number
      if (last === day) d.lastTotal[i] = (d.lastTotal[i] as number) + e.granted
      else {
        if (!Number.isNaN(last)) {
          const v = d.lastTotal[i] as number
          if (v < (d.restMin[i] as number)) d.restMin[i] = v
          if (v > 0) d.restPositive[i] = (d.restPositive[i] as number) + 1
          d.restSeen[i] = (d.restSeen[i] as number) + 1
        }
        d.lastDay[i] = day
        d.lastTotal[i] = 0 + e.granted
      }
    }
    const r = s.reached.get(e.account)
    if (r !== undefined) {
      if (Number.isNaN(r.first[i] as number)) r.first[i] = t
      if (e.granted < 0 || !Number.isInteger(e.granted)) r.negative[i] = 1
      else if (e.granted > 0) r.lastRaised[i] = t
    }
  }
  const needEvents = counts.size > 0 || quizzes !== undefined || active !== undefined || (violations !== undefined && vTypes.size > 0)
  const event = (i: number, ev: EventLike): void => {
    if (!needEvents) return
    const t = ev.at
    if (t < w.start || t >= w.end) return
    if (active !== undefined) active[i] = 1
    const c = counts.get(ev.type)
    if (c !== undefined) c[i] = (c[i] as number) + 1
    if (violations !== undefined && vTypes.has(ev.type)) violations[i] = (violations[i] as number) + 1
    if (quizzes !== undefined && s.quizCorrect !== undefined && s.quizTotal !== undefined && ev.type === 'quiz.completed') {
      const a = ev.attrs ?? {}
      const cr = a['correct']
      const tt = a['total']
      const acc = a['accuracy']
      quizzes[i] = (quizzes[i] as number) + 1
      if (typeof cr === 'number' && typeof tt === 'number' && tt > 0) {
        s.quizCorrect[i] = (s.quizCorrect[i] as number) + cr
        s.quizTotal[i] = (s.quizTotal[i] as number) + tt
      } else if (typeof acc === 'number' && Number.isFinite(acc)) {
        s.quizCorrect[i] = (s.quizCorrect[i] as number) + acc
        s.quizTotal[i] = (s.quizTotal[i] as number) + 1
      }
    }
  }
  // A member back to having nothing (before its data is accumulated again).
  const reset = (i: number): void => {
    for (const c of points.values()) c[i] = 0
    for (const c of previous.values()) c[i] = 0
    for (const c of counts.values()) c[i] = 0
    if (active !== undefined) active[i] = 0
    if (violations !== undefined) violations[i] = 0
    if (quizzes !== undefined) quizzes[i] = 0
    if (s.quizCorrect !== undefined) s.quizCorrect[i] = 0
    if (s.quizTotal !== undefined) s.quizTotal[i] = 0
    for (const d of s.daily.values()) {
      d.lastDay[i] = NaN
      d.lastTotal[i] = 0
      d.restMin[i] = Infinity
      d.restPositive[i] = 0
      d.restSeen[i] = 0
    }
    for (const r of s.reached.values()) {
      r.negative[i] = 0
      r.lastRaised[i] = NaN
      r.first[i] = NaN
    }
  }
  // The columns that follow from the sums and the kept state, for one member; `entriesOf`: the member's
  // entries in the period, read when its `reachedAt` cannot follow from the kept state (a negative entry).
  const derive = (i: number, entriesOf: (from: number, to: number) => ReadonlyArray<EntryLike>): void => {
    for (const [name, col] of cols) {
      const [kind, arg] = splitFigure(name)
      if (arg === undefined) {
        if (kind === 'quizAccuracy' && s.quizCorrect !== undefined && s.quizTotal !== undefined) {
          col[i] = (s.quizTotal[i] as number) > 0 ? (s.quizCorrect[i] as number) / (s.quizTotal[i] as number) : NaN
        }
        continue
      }
      if (kind === 'improvement') {
        col[i] = prev === undefined ? NaN : ((points.get(arg) as Float64Array)[i] as number) - ((previous.get(arg) as Float64Array)[i] as number)
      } else if (kind === 'dailyMin' || kind === 'activeDays') {
        const d = s.daily.get(arg) as DailyState
        if (!w.bounded) {
          col[i] = NaN
          continue
        }
        const has = !Number.isNaN(d.lastDay[i] as number)
        const seen = (d.restSeen[i] as number) + (has ? 1 : 0)
        if (seen === 0) {
          col[i] = 0
          continue
        }
        let lo = d.restMin[i] as number
        if ((d.lastTotal[i] as number) < lo) lo = d.lastTotal[i] as number
        const positive = (d.restPositive[i] as number) + ((d.lastTotal[i] as number) > 0 ? 1 : 0)
        col[i] = kind === 'activeDays' ? positive : seen < w.nDays ? Math.min(0, lo) : lo
      } else if (kind === 'reachedAt') {
        const r = s.reached.get(arg) as ReachedState
        if (r.negative[i] === 1) {
          const member = table.subjects[i] as MemberId
          const one = memberFigures([`reachedAt:${arg}`, `points:${arg}`], { ...ctx, entries: entriesOf(w.start, w.end), events: [] }, [member])
          col[i] = (one.columns.get(`reachedAt:${arg}`) as Float64Array)[0] as number
        } else col[i] = Number.isNaN(r.first[i] as number) ? NaN : Number.isNaN(r.lastRaised[i] as number) ? (r.first[i] as number) : (r.lastRaised[i] as number)
      }
    }
  }
  return { entry, event, reset, derive }
}

// Board figures of a table's subjects from the boards (as `memberFigures` reads them).
const boardColumns = (table: FigureTable, boards: ReadonlyMap<string, BoardFigures>): void => {
  for (const [name, col] of table.columns) {
    const [kind, arg] = splitFigure(name)
    if (arg === undefined || moveOf(name) !== 'board') continue
    col.set(boardColumn(kind as 'rank' | 'score' | 'red' | 'black', boards.get(arg), table.subjects))
  }
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * What brings the figures of a run up to date, from the figures computed
 * over all the data and each member's data in order (`dataOf` gives a
 * member's entries and events from `from` on). `undefined` when the figures
 * do not fit the programme (the append then computes them anew).
 */
export const figureState = (
  programme: AwardProgramme,
  figures: AwardFigures,
  inputs: AwardInputs,
  dataOf: (member: string, from: number, to: number) => { readonly entries: ReadonlyArray<EntryLike>; readonly events: ReadonlyArray<EventLike> }
): FigureState | undefined => {
  const found = tablesOf(programme, figures, inputs)
  if (found === undefined) return undefined
  const tables: Array<TableState> = []
  for (const { key, ctx, table } of found) {
    for (const name of table.columns.keys()) {
      const move = moveOf(name)
      if (move === undefined || move === 'unit') return undefined
    }
    const n = table.subjects.length
    const daily = new Map<string, DailyState>()
    for (const a of accountsOf(table, ['dailyMin', 'activeDays'])) {
      daily.set(a, { lastDay: filled(n, NaN), lastTotal: filled(n, 0), restMin: filled(n, Infinity), restPositive: filled(n, 0), restSeen: filled(n, 0) })
    }
    const reached = new Map<string, ReachedState>()
    for (const a of accountsOf(table, ['reachedAt'])) reached.set(a, { negative: new Uint8Array(n), lastRaised: filled(n, NaN), first: filled(n, NaN) })
    const quiz = hasQuiz(table)
    // The kept state only: the columns are the figures' own (a scratch copy takes the sums made again here).
    const scratch: FigureTable = { ...table, columns: new Map([...table.columns].map(([k, c]) => [k, new Float64Array(c.length)])) }
    const boardKeys = new Map<string, string>()
    for (const [id, b] of ctx.boards ?? new Map<string, BoardFigures>()) for (const [k, v] of figures.boards) if (v === b) boardKeys.set(id, k)
    if (boardKeys.size !== (ctx.boards?.size ?? 0)) return undefined
    const s: TableState = { key, ctx, boardKeys, table: scratch, quizCorrect: quiz ? filled(n, 0) : undefined, quizTotal: quiz ? filled(n, 0) : undefined, daily, reached }
    if (daily.size > 0 || reached.size > 0 || quiz) {
      const step = stepper(s)
      const w = windowOf(ctx)
      for (let i = 0; i < n; i++) {
        const d = dataOf(table.subjects[i] as string, w.start, w.end)
        for (const e of d.entries) step.entry(i, e)
        for (const ev of d.events) step.event(i, ev)
      }
    }
    tables.push({ ...s, table })
  }
  return { tables }
}

/**
 * The figures and their state after some members' data changed: `changed`
 * gives each such member's data (only what was added after the rest when
 * `whole` is false; otherwise all of it from the start of the table's
 * previous period); `boards`: every board read, up to date.
 */
export const advanceFigures = (
  state: FigureState,
  changed: ReadonlyMap<string, MemberData>,
  boards: ReadonlyMap<string, BoardFigures>
): { readonly figures: AwardFigures; readonly state: FigureState } => {
  const members = new Map<string, FigureTable>()
  const tables: Array<TableState> = []
  for (const was of state.tables) {
    const copy = <A extends Float64Array | Uint8Array>(c: A): A => c.slice() as A
    const table: FigureTable = { ...was.table, columns: new Map([...was.table.columns].map(([k, c]) => [k, copy(c)])) }
    const daily = new Map([...was.daily].map(([a, d]) => [a, { lastDay: copy(d.lastDay), lastTotal: copy(d.lastTotal), restMin: copy(d.restMin), restPositive: copy(d.restPositive), restSeen: copy(d.restSeen) }]))
    const reached = new Map([...was.reached].map(([a, r]) => [a, { negative: copy(r.negative), lastRaised: copy(r.lastRaised), first: copy(r.first) }]))
    const s: TableState = {
      key: was.key,
      ctx: was.ctx,
      boardKeys: was.boardKeys,
      table,
      quizCorrect: was.quizCorrect === undefined ? undefined : copy(was.quizCorrect),
      quizTotal: was.quizTotal === undefined ? undefined : copy(was.quizTotal),
      daily,
      reached
    }
    const step = stepper(s)
    for (const [member, d] of changed) {
      const i = table.index.get(member)
      if (i === undefined) continue
      if (d.whole) step.reset(i)
      for (const e of d.entries) step.entry(i, e)
      for (const ev of d.events) step.event(i, ev)
      step.derive(i, d.window)
    }
    boardColumns(table, new Map([...was.boardKeys].map(([id, k]) => [id, boards.get(k) as BoardFigures])))
    members.set(was.key, table)
    tables.push(s)
  }
  return { figures: { _tag: 'AwardFigures', members, boards }, state: { tables } }
}
