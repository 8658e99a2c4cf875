/**
 * Figures: the numbers award criteria and selections read, one column per
 * figure name, one row per subject (NaN means "has none"). Member figures
 * come from ledger entries, activity events, the organisation tree and host
 * tables in one pass; unit figures aggregate their members'.
 *
 * Figure names: `points:<account>`, `previous:<account>` (the period before),
 * `improvement:<account>` (points − previous), `reachedAt:<account>` (the
 * instant the period total was first reached: "earlier achievement"),
 * `dailyMin:<account>` (lowest daily total, 0 when a day is missing),
 * `activeDays:<account>`, `count:<event type>`, `quizAccuracy`, `quizzes`,
 * `violations`, `tenureDays`, `tenureMonths`, `host:<name>`, and from boards
 * `rank:<board>`, `score:<board>`, `red:<board>`, `black:<board>` (1 or 0).
 * Units also have `members`, `participation`, `perCapita:<account>` and
 * `everyDayMin:<account>` (the lowest `dailyMin` of any member).
 *
 * @module
 */
import {
  calendar,
  civilFromDays,
  parseLocalDate,
  text,
  type Instant,
  type MemberId,
  type OrgTree,
  type Period,
  type Text,
  type UnitId
} from '../core/internal.js'
import * as E from 'fp-ts/lib/Either.js'
import type { EntryLike, EventLike, HostMetrics } from '../ranking/internal.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * Figures by name for a list of subjects, stored column-wise (NaN: none).
 *
 * @category model
 * @example
 * figureValue(table, 'm1', 'points:study') // => 540
 */
export interface FigureTable {
  readonly _tag: 'FigureTable'
  readonly subjects: ReadonlyArray<string>
  readonly index: ReadonlyMap<string, number>
  readonly columns: ReadonlyMap<string, Float64Array>
}

/**
 * A board's results as figures read them.
 *
 * @category model
 * @example
 * const b: BoardFigures = { rank: new Map([['m1', 1]]), score: new Map([['m1', 540]]), red: new Set(['m1']), black: new Set() }
 */
export interface BoardFigures {
  readonly rank: ReadonlyMap<string, number>
  readonly score: ReadonlyMap<string, number>
  readonly red: ReadonlySet<string>
  readonly black: ReadonlySet<string>
}

/**
 * Everything figures are computed from. `cutoff`: entries and events at or after it do not count.
 *
 * @category model
 * @example
 * const ctx: FigureContext = { org, entries, events, period, previous, boards: new Map() }
 */
export interface FigureContext {
  readonly org: OrgTree
  readonly entries?: ReadonlyArray<EntryLike>
  readonly events?: ReadonlyArray<EventLike>
  readonly host?: HostMetrics
  readonly period: Period
  readonly previous?: Period
  readonly cutoff?: Instant
  readonly boards?: ReadonlyMap<string, BoardFigures>
  readonly violationTypes?: ReadonlyArray<string>
}

// -------------------------------------------------------------------------------------
// figure names
// -------------------------------------------------------------------------------------

const MEMBER_PLAIN = ['quizAccuracy', 'quizzes', 'violations', 'tenureDays', 'tenureMonths']
const MEMBER_ARG = ['points', 'previous', 'improvement', 'reachedAt', 'dailyMin', 'activeDays', 'count', 'host', 'rank', 'score', 'red', 'black']
const UNIT_PLAIN = ['members', 'participation', 'violations']
const UNIT_ARG = ['points', 'previous', 'improvement', 'perCapita', 'everyDayMin', 'host', 'rank', 'score', 'red', 'black']

/**
 * Split a figure name into its kind and argument (`points:study` → `['points', 'study']`).
 *
 * @category utilities
 * @example
 * splitFigure('count:session.attended') // => ['count', 'session.attended']
 * splitFigure('violations') // => ['violations', undefined]
 */
export const splitFigure = (name: string): readonly [string, string | undefined] => {
  const i = name.indexOf(':')
  return i < 0 ? [name, undefined] : [name.slice(0, i), name.slice(i + 1)]
}

/**
 * The figure kinds whose argument is an account of the rules (`points:study`, `reachedAt:study`, ...).
 *
 * @category utilities
 * @example
 * ACCOUNT_FIGURE_KINDS.includes('perCapita') // => true
 */
export const ACCOUNT_FIGURE_KINDS: ReadonlyArray<string> = /*#__PURE__*/ Object.freeze(['points', 'previous', 'improvement', 'dailyMin', 'activeDays', 'reachedAt', 'perCapita', 'everyDayMin'])

/**
 * Why a figure name is not valid for a subject kind given the programme's boards, host metrics and
 * (when known) accounts, or `undefined`. Without `accounts`, any account name passes.
 *
 * @category utilities
 * @example
 * figureProblem('points:study', 'members', { boards: [], hostMetrics: [] }) // => undefined
 * figureProblem('rank:nope', 'members', { boards: [], hostMetrics: [] })?.en // => 'a board defined in boards: (none)'
 * figureProblem('points:moarl', 'members', { boards: [], hostMetrics: [], accounts: ['study', 'moral'] })?.en // => 'an account of the rules: study, moral'
 */
export const figureProblem = (
  name: string,
  subjects: 'members' | 'units',
  known: { readonly boards: ReadonlyArray<string>; readonly hostMetrics: ReadonlyArray<string>; readonly accounts?: ReadonlyArray<string> }
): Text | undefined => {
  const [kind, arg] = splitFigure(name)
  const plain = subjects === 'members' ? MEMBER_PLAIN : UNIT_PLAIN
  const withArg = subjects === 'members' ? MEMBER_ARG : UNIT_ARG
  if (arg === undefined) {
    if (plain.includes(kind)) return undefined
    const all = [...plain, ...withArg.map((k) => `${k}:…`)].join(', ')
    return text(`a figure for ${subjects}: ${all}`, `${subjects === 'members' ? '成员' : '单位'}的指标：${all}`)
  }
  if (!withArg.includes(kind) || arg.length === 0) {
    const all = [...plain, ...withArg.map((k) => `${k}:…`)].join(', ')
    return text(`a figure for ${subjects}: ${all}`, `${subjects === 'members' ? '成员' : '单位'}的指标：${all}`)
  }
  if (['rank', 'score', 'red', 'black'].includes(kind) && !known.boards.includes(arg)) {
    const list = known.boards.join(', ') || '(none)'
    return text(`a board defined in boards: ${list}`, `boards 中定义的榜单：${list}`)
  }
  if (kind === 'host' && !known.hostMetrics.includes(arg)) {
    const list = known.hostMetrics.join(', ') || '(none)'
    return text(`a host metric declared in hostMetrics: ${list}`, `hostMetrics 中声明的宿主指标：${list}`)
  }
  if (known.accounts !== undefined && ACCOUNT_FIGURE_KINDS.includes(kind) && !known.accounts.includes(arg)) return anAccountOf(known.accounts)
  return undefined
}

/**
 * What an account name should have been: one of the rules' accounts.
 *
 * @category utilities
 * @example
 * anAccountOf(['study']).zh // => '规则中的账户：study'
 */
export const anAccountOf = (accounts: ReadonlyArray<string>): Text => {
  const list = accounts.join(', ') || '(none)'
  return text(`an account of the rules: ${list}`, `规则中的账户：${accounts.join('、') || '（无）'}`)
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

const column = (n: number, fill: number): Float64Array => {
  const c = new Float64Array(n)
  if (fill !== 0) c.fill(fill)
  return c
}

const monthsBetween = (fromDay: number, toDay: number): number => {
  const a = civilFromDays(fromDay)
  const b = civilFromDays(toDay)
  return (b.year - a.year) * 12 + (b.month - a.month) - (b.day < a.day ? 1 : 0)
}

// The entries of one account that daily figures need: key `member × span + day`, amount, in entry order.
interface DailyEntries {
  readonly keys: Array<number>
  readonly amounts: Array<number>
}

// Per member: how many days had entries, the least day total, how many day totals were positive. Each day's
// total is summed in entry order (as a map from key to running total would), by a counting sort on the member
// and one pass per member over its days with a scratch row (linear in entries, whatever the member count).
const dailyTotals = (d: DailyEntries, n: number, span: number): { readonly seen: Float64Array; readonly min: Float64Array; readonly positive: Float64Array } => {
  const seen = new Float64Array(n)
  const min = column(n, Infinity)
  const positive = new Float64Array(n)
  const m = d.keys.length
  const start = new Int32Array(n + 1)
  const memberOf = new Int32Array(m)
  for (let j = 0; j < m; j++) {
    const i = Math.floor((d.keys[j] as number) / span)
    memberOf[j] = i >= 0 && i < n ? i : -1
    if (i >= 0 && i < n) start[i + 1] = (start[i + 1] as number) + 1
  }
  for (let i = 0; i < n; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number)
  const fill = start.slice(0, n)
  const order = new Int32Array(start[n] as number)
  for (let j = 0; j < m; j++) {
    const i = memberOf[j] as number
    if (i < 0) continue
    order[fill[i] as number] = j
    fill[i] = (fill[i] as number) + 1
  }
  // the day totals of one member at a time (a few dozen days: a small map, cleared for the next member)
  const total = new Map<number, number>()
  for (let i = 0; i < n; i++) {
    const from = start[i] as number
    const to = start[i + 1] as number
    if (from === to) continue
    total.clear()
    for (let x = from; x < to; x++) {
      const j = order[x] as number
      const k = d.keys[j] as number
      total.set(k, (total.get(k) ?? 0) + (d.amounts[j] as number))
    }
    let lo = Infinity
    let pos = 0
    for (const v of total.values()) {
      if (v < lo) lo = v
      if (v > 0) pos++
    }
    seen[i] = total.size
    min[i] = lo
    positive[i] = pos
  }
  return { seen, min, positive }
}

/**
 * Compute member figures by name for some members (each name once; unknown names give a column of NaN).
 *
 * @category constructors
 * @example
 * const t = memberFigures(['points:study', 'violations'], ctx, ['m1', 'm2'] as MemberId[])
 * figureValue(t, 'm1', 'points:study') // => 540
 */
export const memberFigures = (names: ReadonlyArray<string>, ctx: FigureContext, members: ReadonlyArray<MemberId>): FigureTable => {
  const n = members.length
  const index = new Map<string, number>()
  members.forEach((m, i) => index.set(m, i))
  const wanted = new Set(names)
  const columns = new Map<string, Float64Array>()
  const { period, previous, cutoff } = ctx
  const cut = cutoff ?? Infinity
  const end = Math.min(period.end, cut)
  const cal = calendar(period.zone)

  // accounts and what is needed of each
  const pointsOf = new Map<string, Float64Array>()
  const prevOf = new Map<string, Float64Array>()
  // entries of each account needing daily totals, as member × day keys and amounts in entry order (summed
  // per member and day afterwards, in linear time: a map of millions of keys was most of the figures' time)
  const daily = new Map<string, DailyEntries>()
  const timeline = new Map<string, Array<Array<number> | undefined>>()
  const counts = new Map<string, Float64Array>()
  let active: Float64Array | undefined
  let violations: Float64Array | undefined
  let quizCorrect: Float64Array | undefined
  let quizTotal: Float64Array | undefined
  let quizzes: Float64Array | undefined
  for (const name of wanted) {
    const [kind, arg] = splitFigure(name)
    if (arg !== undefined && ['points', 'improvement', 'reachedAt'].includes(kind) && !pointsOf.has(arg)) pointsOf.set(arg, column(n, 0))
    if (arg !== undefined && ['previous', 'improvement'].includes(kind) && !prevOf.has(arg)) prevOf.set(arg, column(n, 0))
    if (arg !== undefined && ['dailyMin', 'activeDays'].includes(kind) && !daily.has(arg)) daily.set(arg, { keys: [], amounts: [] })
    if (arg !== undefined && kind === 'reachedAt' && !timeline.has(arg)) timeline.set(arg, new Array(n))
    if (arg !== undefined && kind === 'count') counts.set(arg, column(n, 0))
    if (kind === '__active') active = column(n, 0)
    if (kind === 'violations') violations = column(n, 0)
    if (kind === 'quizAccuracy' || kind === 'quizzes') {
      quizCorrect = column(n, 0)
      quizTotal = column(n, 0)
      quizzes = column(n, 0)
    }
  }
  const vTypes = new Set(ctx.violationTypes ?? [])
  const bounded = period.kind !== 'all'
  const firstDay = period.firstDay
  const lastDay = end >= period.end ? period.endDay : cal.dayNumber((end - 1) as Instant) + 1
  const nDays = Math.max(0, lastDay - firstDay)
  const span = Math.max(1, nDays)
  const needEntries = pointsOf.size + prevOf.size + daily.size > 0 || active !== undefined || violations !== undefined
  if (needEntries) {
    const pStart = period.start
    const qStart = previous?.start ?? 0
    const qEnd = previous === undefined ? -Infinity : Math.min(previous.end, cut)
    for (const e of ctx.entries ?? []) {
      const t = e.at
      if (t >= cut) continue
      const inP = t >= pStart && t < end
      const inQ = t >= qStart && t < qEnd
      if (!inP && !inQ) continue
      const i = index.get(e.subject)
      if (i === undefined) continue
      if (inQ) {
        const q = prevOf.get(e.account)
        if (q !== undefined) q[i] = (q[i] as number) + e.granted
      }
      if (!inP) continue
      if (active !== undefined) active[i] = 1
      if (violations !== undefined) {
        const kind = (e as { readonly kind?: unknown }).kind
        if (kind === undefined ? e.granted < 0 : kind === 'deduct') violations[i] = (violations[i] as number) + 1
      }
      const p = pointsOf.get(e.account)
      if (p !== undefined) p[i] = (p[i] as number) + e.granted
      const d = daily.get(e.account)
      if (d !== undefined) {
        d.keys.push(i * span + (cal.dayNumber(t as Instant) - firstDay))
        d.amounts.push(e.granted)
      }
      const tl = timeline.get(e.account)
      if (tl !== undefined) {
        let xs = tl[i]
        if (xs === undefined) tl[i] = xs = []
        xs.push(t, e.granted)
      }
    }
  }
  if (counts.size > 0 || quizzes !== undefined || active !== undefined || (violations !== undefined && vTypes.size > 0)) {
    for (const ev of ctx.events ?? []) {
      const t = ev.at
      if (t < period.start || t >= end) continue
      const i = index.get(ev.member)
      if (i === undefined) continue
      if (active !== undefined) active[i] = 1
      const c = counts.get(ev.type)
      if (c !== undefined) c[i] = (c[i] as number) + 1
      if (violations !== undefined && vTypes.has(ev.type)) violations[i] = (violations[i] as number) + 1
      if (quizzes !== undefined && quizCorrect !== undefined && quizTotal !== undefined && ev.type === 'quiz.completed') {
        const a = ev.attrs ?? {}
        const cr = a['correct']
        const tt = a['total']
        const acc = a['accuracy']
        quizzes[i] = (quizzes[i] as number) + 1
        if (typeof cr === 'number' && typeof tt === 'number' && tt > 0) {
          quizCorrect[i] = (quizCorrect[i] as number) + cr
          quizTotal[i] = (quizTotal[i] as number) + tt
        } else if (typeof acc === 'number' && Number.isFinite(acc)) {
          quizCorrect[i] = (quizCorrect[i] as number) + acc
          quizTotal[i] = (quizTotal[i] as number) + 1
        }
      }
    }
  }

  for (const name of wanted) {
    const [kind, arg] = splitFigure(name)
    let col: Float64Array | undefined
    if (kind === 'points' && arg !== undefined) col = pointsOf.get(arg)
    else if (kind === 'previous' && arg !== undefined) col = previous === undefined ? column(n, NaN) : prevOf.get(arg)
    else if (kind === 'improvement' && arg !== undefined) {
      const p = pointsOf.get(arg) as Float64Array
      const q = prevOf.get(arg) as Float64Array
      col = column(n, NaN)
      if (previous !== undefined) for (let i = 0; i < n; i++) col[i] = (p[i] as number) - (q[i] as number)
    } else if ((kind === 'dailyMin' || kind === 'activeDays') && arg !== undefined) {
      const d = daily.get(arg) as DailyEntries
      col = column(n, bounded ? 0 : NaN)
      if (bounded) {
        const { seen, min, positive } = dailyTotals(d, n, span)
        for (let i = 0; i < n; i++) {
          if (seen[i] === 0) continue
          col[i] = kind === 'activeDays' ? (positive[i] as number) : (seen[i] as number) < nDays ? Math.min(0, min[i] as number) : (min[i] as number)
        }
      }
    } else if (kind === 'reachedAt' && arg !== undefined) {
      const tl = timeline.get(arg) as Array<Array<number> | undefined>
      const p = pointsOf.get(arg) as Float64Array
      col = column(n, NaN)
      for (let i = 0; i < n; i++) {
        const xs = tl[i]
        if (xs === undefined) continue
        const order = Array.from({ length: xs.length / 2 }, (_, k) => k).sort((a, b) => (xs[2 * a] as number) - (xs[2 * b] as number))
        // Entries at one instant have no order among themselves: the total is checked only
        // once all of an instant's entries are in, so the result never depends on input order.
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
    } else if (kind === 'count' && arg !== undefined) col = counts.get(arg)
    else if (kind === 'violations') col = violations
    else if (kind === '__active') col = active
    else if (kind === 'quizzes') col = quizzes
    else if (kind === 'quizAccuracy' && quizCorrect !== undefined && quizTotal !== undefined) {
      col = column(n, NaN)
      for (let i = 0; i < n; i++) if ((quizTotal[i] as number) > 0) col[i] = (quizCorrect[i] as number) / (quizTotal[i] as number)
    } else if (kind === 'tenureDays' || kind === 'tenureMonths') {
      col = column(n, NaN)
      for (let i = 0; i < n; i++) {
        const joined = ctx.org.memberById.get(members[i] as MemberId)?.joined
        if (joined === undefined) continue
        const d = parseLocalDate(joined)
        if (E.isLeft(d)) continue
        col[i] = kind === 'tenureDays' ? lastDay - d.right : monthsBetween(d.right, lastDay)
      }
    } else if (kind === 'host' && arg !== undefined) {
      const table = ctx.host?.[arg]
      col = column(n, NaN)
      if (table !== undefined) {
        for (let i = 0; i < n; i++) {
          const v = Object.prototype.hasOwnProperty.call(table, members[i] as string) ? table[members[i] as string] : undefined
          if (typeof v === 'number' && Number.isFinite(v)) col[i] = v
        }
      }
    } else if (arg !== undefined && (kind === 'rank' || kind === 'score' || kind === 'red' || kind === 'black')) {
      col = boardColumn(kind, ctx.boards?.get(arg), members)
    }
    columns.set(name, col ?? column(n, NaN))
  }
  return { _tag: 'FigureTable', subjects: members, index, columns }
}

const boardColumn = (kind: 'rank' | 'score' | 'red' | 'black', b: BoardFigures | undefined, subjects: ReadonlyArray<string>): Float64Array => {
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

/**
 * The member figures a unit figure is aggregated from (`perCapita:study` needs `points:study`).
 *
 * @category utilities
 * @example
 * unitMemberFigures(['perCapita:study', 'participation']) // => ['points:study', '__active']
 */
export const unitMemberFigures = (names: ReadonlyArray<string>): ReadonlyArray<string> => {
  const out = new Set<string>()
  for (const name of names) {
    const [kind, arg] = splitFigure(name)
    if (kind === 'participation') out.add('__active')
    else if (kind === 'violations') out.add('violations')
    else if (arg !== undefined && (kind === 'points' || kind === 'perCapita')) out.add(`points:${arg}`)
    else if (arg !== undefined && (kind === 'previous' || kind === 'improvement')) {
      out.add(`points:${arg}`)
      out.add(`previous:${arg}`)
    } else if (arg !== undefined && kind === 'everyDayMin') out.add(`dailyMin:${arg}`)
  }
  return [...out]
}

/**
 * The rows of a figure table for some of its subjects, in the order given (subjects it lacks get NaN).
 *
 * @category utilities
 * @example
 * subTable(table, ['m2', 'm1']).subjects // => ['m2', 'm1']
 */
export const subTable = (table: FigureTable, subjects: ReadonlyArray<string>): FigureTable => {
  if (subjects.length === table.subjects.length && subjects.every((s, i) => table.subjects[i] === s)) return table
  const m = subjects.length
  const rows = new Int32Array(m)
  const index = new Map<string, number>()
  // Subjects usually come in the table's own order with some left out (a role excluded):
  // try the row after the last one found before looking the subject up.
  let next = 0
  for (let i = 0; i < m; i++) {
    const s = subjects[i] as string
    const r = table.subjects[next] === s ? next : (table.index.get(s) ?? -1)
    rows[i] = r
    if (r >= 0) next = r + 1
    index.set(s, i)
  }
  const columns = new Map<string, Float64Array>()
  for (const [name, col] of table.columns) {
    const c = new Float64Array(m)
    for (let i = 0; i < m; i++) {
      const r = rows[i] as number
      c[i] = r < 0 ? NaN : (col[r] as number)
    }
    columns.set(name, c)
  }
  return { _tag: 'FigureTable', subjects, index, columns }
}

/**
 * Compute unit figures by name for some units, from their members' figures (members of each unit's whole subtree).
 *
 * @category constructors
 * @example
 * const t = unitFigures(['perCapita:study', 'participation', 'everyDayMin:study'], ctx, ['b1', 'b2'] as UnitId[], membersOfUnit)
 * figureValue(t, 'b1', 'participation') // => 0.75
 */
export const unitFigures = (
  names: ReadonlyArray<string>,
  ctx: FigureContext,
  units: ReadonlyArray<UnitId>,
  membersOfUnit: (u: UnitId) => ReadonlyArray<MemberId>,
  memberTable?: FigureTable
): FigureTable => {
  const memberLists = units.map(membersOfUnit)
  const mt = memberTable ?? memberFigures(unitMemberFigures([...new Set(names)]), ctx, [...new Set(memberLists.flat())])
  // each unit's members as rows of the member table, looked up once (−1: not in it)
  const rowsOf = memberLists.map((ms) => {
    const rows = new Int32Array(ms.length)
    for (let k = 0; k < ms.length; k++) rows[k] = mt.index.get(ms[k] as MemberId) ?? -1
    return rows
  })
  return unitFiguresOfRows(names, ctx, units, rowsOf, mt)
}

// Unit figures from each unit's members given as rows of the member table `mt` (−1: a member not in
// it, counted but without figures). Exported for run.ts, which has the rows at hand; not part of the
// package API (src/awards/index.ts leaves it out).
export const unitFiguresOfRows = (
  names: ReadonlyArray<string>,
  ctx: FigureContext,
  units: ReadonlyArray<UnitId>,
  rowsOf: ReadonlyArray<Int32Array>,
  mt: FigureTable
): FigureTable => {
  const n = units.length
  const index = new Map<string, number>()
  units.forEach((u, i) => index.set(u, i))
  const wanted = [...new Set(names)]
  const columns = new Map<string, Float64Array>()
  const sumOf = (c: Float64Array | undefined, u: number): number => {
    if (c === undefined) return 0
    const rows = rowsOf[u] as Int32Array
    let s = 0
    for (let k = 0; k < rows.length; k++) {
      const r = rows[k] as number
      if (r >= 0) s += c[r] as number
    }
    return s
  }
  for (const name of wanted) {
    const [kind, arg] = splitFigure(name)
    const col = column(n, NaN)
    for (let u = 0; u < n; u++) {
      const rows = rowsOf[u] as Int32Array
      const count = rows.length
      if (kind === 'members') col[u] = count
      else if (kind === 'participation') col[u] = count === 0 ? 0 : sumOf(mt.columns.get('__active'), u) / count
      else if (kind === 'violations') col[u] = sumOf(mt.columns.get('violations'), u)
      else if (kind === 'points') col[u] = sumOf(mt.columns.get(`points:${arg}`), u)
      else if (kind === 'perCapita') col[u] = count === 0 ? NaN : sumOf(mt.columns.get(`points:${arg}`), u) / count
      else if (kind === 'previous') col[u] = ctx.previous === undefined ? NaN : sumOf(mt.columns.get(`previous:${arg}`), u)
      else if (kind === 'improvement') col[u] = ctx.previous === undefined ? NaN : sumOf(mt.columns.get(`points:${arg}`), u) - sumOf(mt.columns.get(`previous:${arg}`), u)
      else if (kind === 'everyDayMin') {
        const c = mt.columns.get(`dailyMin:${arg}`)
        let min = Infinity
        for (let k = 0; k < count; k++) min = Math.min(min, c === undefined || (rows[k] as number) < 0 ? NaN : (c[rows[k] as number] as number))
        col[u] = count === 0 || !Number.isFinite(min) ? NaN : min
      } else if (kind === 'host' && arg !== undefined) {
        const v = ctx.host?.[arg]?.[units[u] as string]
        if (typeof v === 'number' && Number.isFinite(v)) col[u] = v
      }
    }
    columns.set(name, arg !== undefined && ['rank', 'score', 'red', 'black'].includes(kind) ? boardColumn(kind as 'rank', ctx.boards?.get(arg), units) : col)
  }
  return { _tag: 'FigureTable', subjects: units, index, columns }
}

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/**
 * One figure of one subject, or `undefined` when it has none.
 *
 * @category utilities
 * @example
 * figureValue(table, 'm1', 'violations') // => 0
 */
export const figureValue = (table: FigureTable, subject: string, name: string): number | undefined => {
  const i = table.index.get(subject)
  const v = i === undefined ? undefined : table.columns.get(name)?.[i]
  return v === undefined || Number.isNaN(v) ? undefined : v
}
