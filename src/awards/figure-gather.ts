/**
 * The one pass over ledger entries and one over activity events that member
 * figures are computed from. Each figure kind (figure-kinds.ts) names the
 * accumulators it reads (`Need`); only those are kept, and each entry and
 * event is read once whatever the number of figures.
 *
 * @module
 */
import { calendar, type Instant, type MemberId } from '../core/internal.js'
import type { FigureContext } from './figure-model.js'

/** An accumulator of the pass: per account (`points`, `previous`, `daily`, `timeline`), per event type (`count`), or one of its own. */
export type Need = 'points' | 'previous' | 'daily' | 'timeline' | 'count' | 'active' | 'violations' | 'quiz'

/** A column of `n` numbers, all `fill`. */
export const column = (n: number, fill: number): Float64Array => {
  const c = new Float64Array(n)
  if (fill !== 0) c.fill(fill)
  return c
}

// The entries of one account that daily figures need: key `member × span + day`, amount, in entry order.
export interface DailyEntries {
  readonly keys: Array<number>
  readonly amounts: Array<number>
}

// Per member: how many days had entries, the least day total, how many day totals were positive. Each day's
// total is summed in entry order (as a map from key to running total would), by a counting sort on the member
// and one pass per member over its days with a scratch row (linear in entries, whatever the member count).
export const dailyTotals = (d: DailyEntries, n: number, span: number): { readonly seen: Float64Array; readonly min: Float64Array; readonly positive: Float64Array } => {
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

/** The accumulators kept for some members over the period (and the one before), and the period's days. */
export interface Gathered {
  readonly n: number
  readonly ctx: FigureContext
  readonly members: ReadonlyArray<MemberId>
  /** Period totals per account. */
  readonly points: Map<string, Float64Array>
  /** Totals of the period before, per account. */
  readonly previous: Map<string, Float64Array>
  /** Entries per account as member × day keys and amounts, in entry order. */
  readonly daily: Map<string, DailyEntries>
  /** Per account and member: instant, amount, instant, amount, … in entry order. */
  readonly timeline: Map<string, Array<Array<number> | undefined>>
  /** Events per type. */
  readonly counts: Map<string, Float64Array>
  /** 1 for a member with an entry or event in the period. */
  readonly active: Float64Array | undefined
  readonly violations: Float64Array | undefined
  readonly quiz: { readonly correct: Float64Array; readonly total: Float64Array; readonly taken: Float64Array } | undefined
  /** Whether the period has days (not 'all'); its first day, the day after the last counted, how many, and the key span per member. */
  readonly bounded: boolean
  readonly firstDay: number
  readonly lastDay: number
  readonly nDays: number
  readonly span: number
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

// Empty accumulators for what the figures need (an accumulator per account needs the account).
const accumulators = (needs: Iterable<readonly [Need, string | undefined]>, ctx: FigureContext, members: ReadonlyArray<MemberId>): Mutable<Gathered> => {
  const n = members.length
  const { period } = ctx
  const end = Math.min(period.end, ctx.cutoff ?? Infinity)
  const firstDay = period.firstDay
  const lastDay = end >= period.end ? period.endDay : calendar(period.zone).dayNumber((end - 1) as Instant) + 1
  const nDays = Math.max(0, lastDay - firstDay)
  const g: Mutable<Gathered> = {
    n, ctx, members, points: new Map(), previous: new Map(), daily: new Map(), timeline: new Map(), counts: new Map(),
    active: undefined, violations: undefined, quiz: undefined, bounded: period.kind !== 'all', firstDay, lastDay, nDays, span: Math.max(1, nDays)
  }
  for (const [need, arg] of needs) {
    if (need === 'active') g.active = column(n, 0)
    else if (need === 'violations') g.violations = column(n, 0)
    else if (need === 'quiz') g.quiz = { correct: column(n, 0), total: column(n, 0), taken: column(n, 0) }
    else if (arg === undefined) continue
    else if (need === 'count') g.counts.set(arg, column(n, 0))
    else if (need === 'daily') {
      if (!g.daily.has(arg)) g.daily.set(arg, { keys: [], amounts: [] })
    } else if (need === 'timeline') {
      if (!g.timeline.has(arg)) g.timeline.set(arg, new Array(n))
    } else if (!g[need].has(arg)) g[need].set(arg, column(n, 0))
  }
  return g
}

// Ledger entries before the cut-off, in the period or the one before: totals, violations, activity,
// day keys and timelines of the accounts kept.
const entriesPass = (g: Mutable<Gathered>, index: ReadonlyMap<string, number>): void => {
  const { ctx } = g
  const { period, previous } = ctx
  const cut = ctx.cutoff ?? Infinity
  const end = Math.min(period.end, cut)
  const cal = calendar(period.zone)
  const { active, violations, span, firstDay, points, daily, timeline } = g
  const prevOf = g.previous
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
    const p = points.get(e.account)
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

// Activity events in the period: counts per type, activity, violations by type, quizzes.
const eventsPass = (g: Mutable<Gathered>, index: ReadonlyMap<string, number>, vTypes: ReadonlySet<string>): void => {
  const { period } = g.ctx
  const end = Math.min(period.end, g.ctx.cutoff ?? Infinity)
  const { active, violations, quiz, counts } = g
  for (const ev of g.ctx.events ?? []) {
    const t = ev.at
    if (t < period.start || t >= end) continue
    const i = index.get(ev.member)
    if (i === undefined) continue
    if (active !== undefined) active[i] = 1
    const c = counts.get(ev.type)
    if (c !== undefined) c[i] = (c[i] as number) + 1
    if (violations !== undefined && vTypes.has(ev.type)) violations[i] = (violations[i] as number) + 1
    if (quiz !== undefined && ev.type === 'quiz.completed') {
      const a = ev.attrs ?? {}
      const cr = a['correct']
      const tt = a['total']
      const acc = a['accuracy']
      quiz.taken[i] = (quiz.taken[i] as number) + 1
      if (typeof cr === 'number' && typeof tt === 'number' && tt > 0) {
        quiz.correct[i] = (quiz.correct[i] as number) + cr
        quiz.total[i] = (quiz.total[i] as number) + tt
      } else if (typeof acc === 'number' && Number.isFinite(acc)) {
        quiz.correct[i] = (quiz.correct[i] as number) + acc
        quiz.total[i] = (quiz.total[i] as number) + 1
      }
    }
  }
}

/**
 * The accumulators `needs` names (each with the figure's argument), over the members at `index`:
 * one pass over the entries and one over the events, each only if some accumulator reads it.
 */
export const gather = (needs: Iterable<readonly [Need, string | undefined]>, ctx: FigureContext, members: ReadonlyArray<MemberId>, index: ReadonlyMap<string, number>): Gathered => {
  const g = accumulators(needs, ctx, members)
  const vTypes = new Set(ctx.violationTypes ?? [])
  if (g.points.size + g.previous.size + g.daily.size > 0 || g.active !== undefined || g.violations !== undefined) entriesPass(g, index)
  if (g.counts.size > 0 || g.quiz !== undefined || g.active !== undefined || (g.violations !== undefined && vTypes.size > 0)) eventsPass(g, index, vTypes)
  return g
}
