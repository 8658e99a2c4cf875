/**
 * The figure kinds, one entry each: what its argument names, which way is
 * better when it orders candidates or breaks a tie, the reader's words for
 * it, how a member's value is gathered (the accumulators of the one pass it
 * reads, figure-gather.ts, and its column from them) and how a unit's is
 * aggregated from its members'. Everything else derives from this table: the
 * figure names a programme may use and the problem naming them
 * (`figureProblem`), the account figures, which figures read boards, the
 * member figures a unit figure needs, labels (`figureLabel`), and the order
 * the presets break ties in. A new kind, a tie-breaker say, is one entry here.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { civilFromDays, parseLocalDate, text, type MemberId, type Text, type UnitId } from '../core/internal.js'
import { column, dailyTotals, type DailyEntries, type Gathered, type Need } from './figure-gather.js'
import type { BoardFigures, FigureContext, FigureTable } from './figure-model.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** The names a label may read: an account's label, a host metric's label. */
export interface LabelNames {
  readonly account: (id: string) => Text | undefined
  readonly metric: (id: string) => Text | undefined
}

/** A unit figure's inputs: each unit's members as rows of the member table `mt` (−1: not in it). */
export interface UnitRows {
  readonly ctx: FigureContext
  readonly units: ReadonlyArray<UnitId>
  readonly rowsOf: ReadonlyArray<Int32Array>
  readonly mt: FigureTable
}

/** One figure kind (see the module note). */
export interface FigureKind {
  /** What follows the colon: nothing, an account of the rules, an event type, a board id, a host metric. */
  readonly arg: 'none' | 'account' | 'event' | 'board' | 'host'
  /** Which way is better when the figure orders candidates or breaks a tie (`asc`: smaller is better). */
  readonly better: 'desc' | 'asc'
  /** The reader's words for the figure with argument `arg` (undefined: it keeps its name). */
  readonly label: (arg: string | undefined, names: LabelNames) => Text | undefined
  /** For members: the accumulators it reads, and its column from them (undefined: none, NaN). */
  readonly member?: { readonly needs: ReadonlyArray<Need>; readonly column: (g: Gathered, arg: string) => Float64Array | undefined }
  /** For units: the member figures it aggregates, and its column. */
  readonly unit?: { readonly from: (arg: string | undefined) => ReadonlyArray<string>; readonly column: (u: UnitRows, arg: string | undefined) => Float64Array }
  /** Internal (members with activity, for `participation`): in no list of names a programme may use. */
  readonly hidden?: true
}

// -------------------------------------------------------------------------------------
// shared ways to gather
// -------------------------------------------------------------------------------------

const plainWords = (en: string, zh: string) => (arg: string | undefined) => (arg === undefined ? text(en, zh) : undefined)
const accountWords = (words: (l: Text) => Text) => (arg: string | undefined, names: LabelNames) => {
  const l = arg === undefined ? undefined : names.account(arg)
  // without the account's label (a programme not from decodeProgramme), the figure keeps its name
  return l === undefined ? undefined : words(l)
}
const boardWords = (words: (board: string) => Text) => (arg: string | undefined) => (arg === undefined ? undefined : words(arg))
const noWords = (): undefined => undefined

const monthsBetween = (fromDay: number, toDay: number): number => {
  const a = civilFromDays(fromDay)
  const b = civilFromDays(toDay)
  return (b.year - a.year) * 12 + (b.month - a.month) - (b.day < a.day ? 1 : 0)
}

const tenure = (g: Gathered, inMonths: boolean): Float64Array => {
  const col = column(g.n, NaN)
  for (let i = 0; i < g.n; i++) {
    const joined = g.ctx.org.memberById.get(g.members[i] as MemberId)?.joined
    if (joined === undefined) continue
    const d = parseLocalDate(joined)
    if (E.isLeft(d)) continue
    col[i] = inMonths ? monthsBetween(d.right, g.lastDay) : g.lastDay - d.right
  }
  return col
}

// dailyMin: the lowest day total, 0 when a day of the period had none; activeDays: days with a positive total.
const dailyColumn = (g: Gathered, arg: string, activeDays: boolean): Float64Array => {
  const d = g.daily.get(arg) as DailyEntries
  const col = column(g.n, g.bounded ? 0 : NaN)
  if (!g.bounded) return col
  const { seen, min, positive } = dailyTotals(d, g.n, g.span)
  for (let i = 0; i < g.n; i++) {
    if (seen[i] === 0) continue
    col[i] = activeDays ? (positive[i] as number) : (seen[i] as number) < g.nDays ? Math.min(0, min[i] as number) : (min[i] as number)
  }
  return col
}

// The instant the period total was first reached. Entries at one instant have no order among
// themselves: the total is checked only once all of an instant's entries are in, so the result never
// depends on input order.
const reachedAtColumn = (g: Gathered, arg: string): Float64Array => {
  const tl = g.timeline.get(arg) as Array<Array<number> | undefined>
  const p = g.points.get(arg) as Float64Array
  const col = column(g.n, NaN)
  for (let i = 0; i < g.n; i++) {
    const xs = tl[i]
    if (xs === undefined) continue
    const order = Array.from({ length: xs.length / 2 }, (_, k) => k).sort((a, b) => (xs[2 * a] as number) - (xs[2 * b] as number))
    let sum = 0
    for (let j = 0; j < order.length; j++) {
      const k = order[j] as number
      const t = xs[2 * k] as number
      sum += xs[2 * k + 1] as number
      const next = order[j + 1]
      if (next !== undefined && (xs[2 * next] as number) === t) continue
      if (sum >= (p[i] as number)) {
        col[i] = t
        break
      }
    }
  }
  return col
}

/** A board's figure for some subjects: rank or score (NaN when not on it), red or black (1 or 0). */
export const boardColumn = (kind: 'rank' | 'score' | 'red' | 'black', b: BoardFigures | undefined, subjects: ReadonlyArray<string>): Float64Array => {
  const col = column(subjects.length, kind === 'red' || kind === 'black' ? 0 : NaN)
  if (b === undefined) return col
  subjects.forEach((s, i) => {
    if (kind === 'red') col[i] = b.red.has(s) ? 1 : 0
    else if (kind === 'black') col[i] = b.black.has(s) ? 1 : 0
    else {
      const v = (kind === 'rank' ? b.rank : b.score).get(s)
      if (v !== undefined) col[i] = v
    }
  })
  return col
}

// A host table's number for each subject (NaN: none, or not a finite number).
const hostColumn = (table: Readonly<Record<string, number>> | undefined, subjects: ReadonlyArray<string>): Float64Array => {
  const col = column(subjects.length, NaN)
  if (table === undefined) return col
  for (let i = 0; i < subjects.length; i++) {
    const v = Object.prototype.hasOwnProperty.call(table, subjects[i] as string) ? table[subjects[i] as string] : undefined
    if (typeof v === 'number' && Number.isFinite(v)) col[i] = v
  }
  return col
}

// A unit column, unit by unit: `count` members, `sum(name)` the sum of a member figure over them.
const perUnit =
  (f: (count: number, sum: (name: string) => number, rows: Int32Array, u: number, r: UnitRows) => number) =>
  (r: UnitRows): Float64Array => {
    const col = column(r.units.length, NaN)
    let rows: Int32Array = new Int32Array(0)
    const sum = (name: string): number => {
      const c = r.mt.columns.get(name)
      if (c === undefined) return 0
      let s = 0
      for (let k = 0; k < rows.length; k++) {
        const x = rows[k] as number
        if (x >= 0) s += c[x] as number
      }
      return s
    }
    for (let u = 0; u < col.length; u++) {
      rows = r.rowsOf[u] as Int32Array
      col[u] = f(rows.length, sum, rows, u, r)
    }
    return col
  }

const hasPrevious = (r: UnitRows): boolean => r.ctx.previous !== undefined
const board = (kind: 'rank' | 'score' | 'red' | 'black', better: 'desc' | 'asc', words: (b: string) => Text): FigureKind => ({
  arg: 'board',
  better,
  label: boardWords(words),
  member: { needs: [], column: (g, arg) => boardColumn(kind, g.ctx.boards?.get(arg), g.members) },
  unit: { from: () => [], column: (r, arg) => (arg === undefined ? column(r.units.length, NaN) : boardColumn(kind, r.ctx.boards?.get(arg), r.units)) }
})

// -------------------------------------------------------------------------------------
// the kinds
// -------------------------------------------------------------------------------------

/**
 * Every figure kind. The order is the order figure names are listed in when a name is not valid
 * (plain kinds, then kinds with an argument).
 */
export const FIGURE_KINDS = /*#__PURE__*/ Object.freeze({
  quizAccuracy: {
    arg: 'none',
    better: 'desc',
    label: plainWords('quiz accuracy', '答题正确率'),
    member: {
      needs: ['quiz'],
      column: ({ n, quiz }) => {
        if (quiz === undefined) return undefined
        const col = column(n, NaN)
        for (let i = 0; i < n; i++) if ((quiz.total[i] as number) > 0) col[i] = (quiz.correct[i] as number) / (quiz.total[i] as number)
        return col
      }
    }
  },
  quizzes: { arg: 'none', better: 'desc', label: plainWords('quizzes taken', '答题次数'), member: { needs: ['quiz'], column: (g) => g.quiz?.taken } },
  members: { arg: 'none', better: 'desc', label: plainWords('members', '人数'), unit: { from: () => [], column: perUnit((count) => count) } },
  participation: {
    arg: 'none',
    better: 'desc',
    label: plainWords('participation', '参与率'),
    unit: { from: () => ['__active'], column: perUnit((count, sum) => (count === 0 ? 0 : sum('__active') / count)) }
  },
  violations: {
    arg: 'none',
    better: 'asc',
    label: plainWords('violations', '违规次数'),
    member: { needs: ['violations'], column: (g) => g.violations },
    unit: { from: () => ['violations'], column: perUnit((_, sum) => sum('violations')) }
  },
  tenureDays: { arg: 'none', better: 'desc', label: plainWords('days since joining', '加入天数'), member: { needs: [], column: (g) => tenure(g, false) } },
  tenureMonths: { arg: 'none', better: 'desc', label: plainWords('months since joining', '加入月数'), member: { needs: [], column: (g) => tenure(g, true) } },
  points: {
    arg: 'account',
    better: 'desc',
    label: accountWords((l) => l),
    member: { needs: ['points'], column: (g, arg) => g.points.get(arg) },
    unit: { from: (arg) => [`points:${arg}`], column: (r, arg) => perUnit((_, sum) => sum(`points:${arg}`))(r) }
  },
  previous: {
    arg: 'account',
    better: 'desc',
    label: accountWords((l) => text(`${l.en} of the previous period`, `上期${l.zh}`)),
    member: { needs: ['previous'], column: (g, arg) => (g.ctx.previous === undefined ? column(g.n, NaN) : g.previous.get(arg)) },
    unit: { from: (arg) => [`points:${arg}`, `previous:${arg}`], column: (r, arg) => perUnit((_, sum, _r, _u, x) => (hasPrevious(x) ? sum(`previous:${arg}`) : NaN))(r) }
  },
  improvement: {
    arg: 'account',
    better: 'desc',
    label: accountWords((l) => text(`${l.en} gained on the previous period`, `${l.zh}较上期增长`)),
    member: {
      needs: ['points', 'previous'],
      column: (g, arg) => {
        const p = g.points.get(arg) as Float64Array
        const q = g.previous.get(arg) as Float64Array
        const col = column(g.n, NaN)
        if (g.ctx.previous !== undefined) for (let i = 0; i < g.n; i++) col[i] = (p[i] as number) - (q[i] as number)
        return col
      }
    },
    unit: {
      from: (arg) => [`points:${arg}`, `previous:${arg}`],
      column: (r, arg) => perUnit((_, sum, _r, _u, x) => (hasPrevious(x) ? sum(`points:${arg}`) - sum(`previous:${arg}`) : NaN))(r)
    }
  },
  reachedAt: {
    arg: 'account',
    better: 'asc',
    label: accountWords((l) => text(`when the ${l.en} were reached`, `${l.zh}达到时间`)),
    member: { needs: ['points', 'timeline'], column: reachedAtColumn }
  },
  dailyMin: {
    arg: 'account',
    better: 'desc',
    label: accountWords((l) => text(`lowest daily ${l.en}`, `每日最低${l.zh}`)),
    member: { needs: ['daily'], column: (g, arg) => dailyColumn(g, arg, false) }
  },
  activeDays: {
    arg: 'account',
    better: 'desc',
    label: accountWords((l) => text(`days with ${l.en}`, `有${l.zh}的天数`)),
    member: { needs: ['daily'], column: (g, arg) => dailyColumn(g, arg, true) }
  },
  perCapita: {
    arg: 'account',
    better: 'desc',
    label: accountWords((l) => text(`${l.en} per member`, `人均${l.zh}`)),
    unit: { from: (arg) => [`points:${arg}`], column: (r, arg) => perUnit((count, sum) => (count === 0 ? NaN : sum(`points:${arg}`) / count))(r) }
  },
  everyDayMin: {
    arg: 'account',
    better: 'desc',
    label: accountWords((l) => text(`lowest daily ${l.en} of every member`, `全员每日最低${l.zh}`)),
    unit: {
      from: (arg) => [`dailyMin:${arg}`],
      column: (r, arg) => {
        const c = r.mt.columns.get(`dailyMin:${arg}`)
        return perUnit((count, _, rows) => {
          let min = Infinity
          for (let k = 0; k < count; k++) min = Math.min(min, c === undefined || (rows[k] as number) < 0 ? NaN : (c[rows[k] as number] as number))
          return count === 0 || !Number.isFinite(min) ? NaN : min
        })(r)
      }
    }
  },
  count: { arg: 'event', better: 'desc', label: noWords, member: { needs: ['count'], column: (g, arg) => g.counts.get(arg) } },
  host: {
    arg: 'host',
    better: 'desc',
    label: (arg, names) => (arg === undefined ? undefined : names.metric(arg)),
    member: { needs: [], column: (g, arg) => hostColumn(g.ctx.host?.[arg], g.members) },
    unit: {
      from: () => [],
      column: (r, arg) =>
        perUnit((_c, _s, _r, u, x) => {
          const v = arg === undefined ? undefined : x.ctx.host?.[arg]?.[x.units[u] as string]
          return typeof v === 'number' && Number.isFinite(v) ? v : NaN
        })(r)
    }
  },
  rank: board('rank', 'asc', (b) => text(`rank on board ${b}`, `${b} 榜名次`)),
  score: board('score', 'desc', (b) => text(`score on board ${b}`, `${b} 榜得分`)),
  red: board('red', 'desc', (b) => text(`on the red list of board ${b}`, `上红榜（${b}）`)),
  black: board('black', 'asc', (b) => text(`on the black list of board ${b}`, `上黑榜（${b}）`)),
  __active: { arg: 'none', better: 'desc', label: noWords, member: { needs: ['active'], column: (g) => g.active }, hidden: true }
} as const satisfies Readonly<Record<string, FigureKind>>)

/** A figure kind's id. */
export type FigureKindId = keyof typeof FIGURE_KINDS

/** The entry of a kind, or undefined for a name that is no kind. */
export const figureKind = (kind: string): FigureKind | undefined => (Object.prototype.hasOwnProperty.call(FIGURE_KINDS, kind) ? (FIGURE_KINDS as Readonly<Record<string, FigureKind>>)[kind] : undefined)

/** Whether figures of this kind read a board (`rank:<board>`, …). */
export const isBoardKind = (kind: string): boolean => figureKind(kind)?.arg === 'board'

/** A tie-breaker on a figure, in the way its kind is better (`reachedAt:study` → ascending: earlier is better). */
export const tieBreakerOn = (figure: string): { readonly figure: string; readonly order: 'desc' | 'asc' } => {
  const i = figure.indexOf(':')
  return { figure, order: figureKind(i < 0 ? figure : figure.slice(0, i))?.better ?? 'desc' }
}
