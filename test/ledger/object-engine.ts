// The rule engine as it was before the ledger ran on rows: one function reading the event object for
// every guard, kept verbatim as the reference the row engine (prepareRule + decideRule, run by the ledger
// over compact columns) must agree with exactly. Its state is its own (a per-subject content map), so it
// shares nothing with the code under test but the compiled rule set and the condition interpreter.
import { MS_PER_DAY, type Points } from '../../src/core/internal.js'
import {
  holds,
  periodId,
  type ActivityEvent,
  type CompiledCap,
  type CompiledRule,
  type CompiledRuleSet,
  type CapPeriod,
  type Cut,
  type SkipReason,
  type SubjectAttrs,
  type SubjectId
} from '../../src/rules/internal.js'
import type { Entry, Skip } from '../../src/ledger/internal.js'

/** The previous engine's per-subject state. */
interface ObjectState {
  readonly balances: Float64Array
  readonly capPeriod: Float64Array
  readonly capUsed: Float64Array
  readonly nPeriod: Float64Array
  readonly nCount: Float64Array
  readonly streakLast: Float64Array
  readonly streakLen: Float64Array
  readonly once: Uint8Array
  readonly seen: Array<Set<string>>
  /** `accumulated` rules: per rule, the sum (thousandths) per period key. */
  readonly sums: Array<Map<string, number>>
  /** Per account: points earned, and deducted, so far. */
  readonly earned: Float64Array
  readonly deducted: Float64Array
}

/** A deep copy, so a refused entry can put everything back. */
const copyState = (st: ObjectState): ObjectState => ({
  balances: st.balances.slice(),
  capPeriod: st.capPeriod.slice(),
  capUsed: st.capUsed.slice(),
  nPeriod: st.nPeriod.slice(),
  nCount: st.nCount.slice(),
  streakLast: st.streakLast.slice(),
  streakLen: st.streakLen.slice(),
  once: st.once.slice(),
  seen: st.seen.map((x) => new Set(x)),
  sums: st.sums.map((x) => new Map(x)),
  earned: st.earned.slice(),
  deducted: st.deducted.slice()
})

const restoreState = (st: ObjectState, from: ObjectState): void => {
  for (const k of ['balances', 'capPeriod', 'capUsed', 'nPeriod', 'nCount', 'streakLast', 'streakLen', 'once', 'earned', 'deducted'] as const) st[k].set(from[k] as never)
  from.seen.forEach((x, i) => (st.seen[i] = x))
  from.sums.forEach((x, i) => (st.sums[i] = x))
}

const objectState = (rs: CompiledRuleSet): ObjectState => {
  const n = rs.rules.length
  return {
    balances: new Float64Array(rs.accounts.length),
    capPeriod: new Float64Array(rs.slots).fill(NaN),
    capUsed: new Float64Array(rs.slots),
    nPeriod: new Float64Array(n).fill(NaN),
    nCount: new Float64Array(n),
    streakLast: new Float64Array(n).fill(NaN),
    streakLen: new Float64Array(n),
    once: new Uint8Array(n),
    seen: Array.from({ length: n }, () => new Set<string>()),
    sums: Array.from({ length: n }, () => new Map<string, number>()),
    earned: new Float64Array(rs.accounts.length),
    deducted: new Float64Array(rs.accounts.length)
  }
}

const inWindows = (ws: ReadonlyArray<readonly [number, number]>, minute: number): boolean => {
  for (const [a, b] of ws) if (minute >= a && minute < b) return true
  return false
}

const minuteOfDay = (rs: CompiledRuleSet, e: ActivityEvent, day: number): number =>
  Math.floor((e.at + rs.calendar.offsetAt(e.at) - day * MS_PER_DAY) / 60_000)

const numAttr = (e: ActivityEvent, attr: string): number | undefined => {
  const v = e.attrs[attr]
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined
}

const roundBy = (x: number, mode: 'floor' | 'round' | 'ceil' | undefined): number =>
  mode === 'ceil' ? Math.ceil(x) : mode === 'round' ? Math.round(x) : Math.floor(x)

/**
 * The key of the period of a cap that holds a local day (for explanations).
 *
 * @category utilities
 * @example
 * capPeriodKey(rs, 'week', 18809) // => '2021-W26'
 */
const capPeriodKey = (rs: CompiledRuleSet, per: CapPeriod, day: number): string =>
  per === 'all' ? 'all' : rs.calendar.keyOfDay(per, day)

// A cap's cut is the same immutable record for every entry it cuts in one period, so entries
// share one per (cap, period) instead of allocating one each (a third of a big fold's entries are cut).
const cutMemo = new WeakMap<CompiledCap, Map<number, Cut>>()

const capCut = (rs: CompiledRuleSet, c: CompiledCap, day: number): Cut => {
  let byPeriod = cutMemo.get(c)
  if (byPeriod === undefined) {
    byPeriod = new Map()
    cutMemo.set(c, byPeriod)
  }
  const pid = periodId(c.per, day)
  let cut = byPeriod.get(pid)
  if (cut === undefined) {
    const period = capPeriodKey(rs, c.per, day)
    cut =
      c.group === undefined
        ? { _tag: 'Cap', scope: c.scope, per: c.per, period, max: c.max }
        : { _tag: 'Cap', scope: c.scope, group: c.group, per: c.per, period, max: c.max }
    byPeriod.set(pid, cut)
  }
  return cut
}


/**
 * Where the engine writes a scored decision (reused across events by the ledger's hot loop).
 *
 * @category model
 */
interface DecisionScratch {
  requested: number
  granted: number
  cut: Cut | undefined
}

/**
 * `applyRule` without allocating: returns the skip reason, or `undefined`
 * after writing the scored amounts into `out` (for hot loops).
 *
 * @category utilities
 * @example
 * const out: DecisionScratch = { requested: 0, granted: 0, cut: undefined }
 * applyRuleInto(rs, rs.rules[0]!, st, loginEvent, day, {}, out) // => undefined, out.granted === 1
 */
export const objectApplyRuleInto = (
  rs: CompiledRuleSet,
  rule: CompiledRule,
  st: ObjectState,
  e: ActivityEvent,
  day: number,
  subject: SubjectAttrs,
  out: DecisionScratch
): SkipReason | undefined => {
  // Issue #14: an entry past the safe integers is refused and changes nothing.
  const before = copyState(st)
  const why = applyUnchecked(rs, rule, st, e, day, subject, out)
  if (why !== undefined) return why
  const a = rule.account.index
  const safe = (x: number) => Math.abs(x) <= Number.MAX_SAFE_INTEGER
  if (!safe((before.earned[a] as number) + Math.max(0, out.granted)) || !safe((before.deducted[a] as number) - Math.min(0, out.granted))) {
    restoreState(st, before)
    return 'overflow'
  }
  st.earned[a] = (before.earned[a] as number) + Math.max(0, out.granted)
  st.deducted[a] = (before.deducted[a] as number) - Math.min(0, out.granted)
  return undefined
}

const applyUnchecked = (
  rs: CompiledRuleSet,
  rule: CompiledRule,
  st: ObjectState,
  e: ActivityEvent,
  day: number,
  subject: SubjectAttrs,
  out: DecisionScratch
): SkipReason | undefined => {
  const s = rule.spec
  const i = rule.index
  if (s.when !== undefined && !holds(s.when, e, subject)) return 'condition'
  if (s.atLeast !== undefined) {
    const v = numAttr(e, s.atLeast.attr)
    if (v === undefined) return 'missing-attribute'
    if (v < s.atLeast.value) return 'below-threshold'
  }
  if (s.longerThan !== undefined) {
    const v = e.attrs[s.longerThan.attr]
    const len = typeof v === 'string' ? [...v.trim()].length : typeof v === 'number' ? v : undefined
    if (len === undefined) return 'missing-attribute'
    if (len <= s.longerThan.chars) return 'too-short'
  }
  if (rule.hours !== undefined && !inWindows(rule.hours, minuteOfDay(rs, e, day))) return 'outside-hours'
  // A negative quantity for an `accumulated` rule is refused like a threshold, before `once` counts it
  // (a missing one is reported after, like every missing amount attribute).
  if (s.amount.per === 'accumulated') {
    const v = numAttr(e, s.amount.attr)
    if (v !== undefined && v < 0) return 'below-threshold'
  }
  if (s.once === true) {
    if (st.once[i] === 1) return 'once'
    st.once[i] = 1
  }
  if (s.perContent !== undefined) {
    const c = e.attrs[s.perContent]
    if (c === undefined) return 'missing-attribute'
    const key = String(c)
    const seen = st.seen[i] as Set<string>
    if (seen.has(key)) return 'content-seen'
    seen.add(key)
  }
  if (s.firstN !== undefined) {
    const pid = periodId(s.firstN.per, day)
    if (st.nPeriod[i] !== pid) {
      st.nPeriod[i] = pid
      st.nCount[i] = 0
    }
    if ((st.nCount[i] as number) >= s.firstN.count) return 'limit'
    st.nCount[i] = (st.nCount[i] as number) + 1
  }

  let requested: number
  const a = s.amount
  switch (a.per) {
    case 'action':
      requested = a.points
      break
    case 'unit': {
      const v = numAttr(e, a.attr)
      if (v === undefined) return 'missing-attribute'
      requested = a.points * Math.floor(v / a.unit)
      break
    }
    case 'accumulated': {
      const v = numAttr(e, a.attr)
      if (v === undefined) return 'missing-attribute'
      if (v < 0) return 'below-threshold'
      requested = Math.round(v * 1000) // the quantity in thousandths; points below, after bonuses
      break
    }
    case 'linear': {
      const v = numAttr(e, a.attr)
      if (v === undefined) return 'missing-attribute'
      requested = roundBy(a.factor * v + (a.offset ?? 0), a.round)
      break
    }
    case 'table': {
      const v = numAttr(e, a.attr)
      if (v === undefined) return 'missing-attribute'
      let best = -Infinity
      requested = 0
      for (const row of a.rows) {
        if (row.min <= v && row.min > best) {
          best = row.min
          requested = row.points
        }
      }
      break
    }
    case 'streak': {
      const last = st.streakLast[i] as number
      if (last === day) return 'streak'
      const len = last === day - 1 ? (st.streakLen[i] as number) + 1 : 1
      st.streakLast[i] = day
      st.streakLen[i] = len
      if (!(len === a.days || (a.repeat === true && len % a.days === 0))) return 'streak'
      requested = a.points
      break
    }
  }
  for (const b of rule.bonuses) {
    if (day < b.fromDay || day >= b.toDay) continue
    if (b.hours !== undefined && !inWindows(b.hours, minuteOfDay(rs, e, day))) continue
    requested = Math.trunc(requested * b.multiply)
  }
  if (!Number.isSafeInteger(requested)) requested = requested > 0 ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER
  if (a.per === 'accumulated') {
    const key = capPeriodKey(rs, a.period, day)
    const sums = st.sums[i] as Map<string, number>
    const was = sums.get(key) ?? 0
    const now = Math.min(was + requested, Number.MAX_SAFE_INTEGER)
    sums.set(key, now)
    const block = a.unit * 1000
    requested = a.points * (Math.floor(now / block) - Math.floor(was / block))
    if (!Number.isSafeInteger(requested)) requested = requested > 0 ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER
  }
  if (requested === 0) return 'zero'

  // Caps: the tightest remaining allowance cuts.
  const abs = Math.abs(requested)
  let allowed = abs
  let cutBy: CompiledCap | undefined
  for (const c of rule.caps) {
    const pid = periodId(c.per, day)
    if (st.capPeriod[c.slot] !== pid) {
      st.capPeriod[c.slot] = pid
      st.capUsed[c.slot] = 0
    }
    const left = c.max - (st.capUsed[c.slot] as number)
    if (left < allowed) {
      allowed = Math.max(0, left)
      cutBy = c
    }
  }
  let granted = requested > 0 ? allowed : -allowed
  let cut: Cut | undefined = cutBy === undefined ? undefined : capCut(rs, cutBy, day)
  // The account's floor: a deduction never takes the balance below it.
  const acc = rule.account
  const bal = st.balances[acc.index] as number
  if (granted < 0 && acc.floor !== null && bal + granted < acc.floor) {
    granted = Math.min(0, acc.floor - bal)
    cut = { _tag: 'Floor', floor: acc.floor }
  }
  const g = Math.abs(granted)
  for (const c of rule.caps) st.capUsed[c.slot] = (st.capUsed[c.slot] as number) + g
  st.balances[acc.index] = bal + granted
  out.requested = requested
  out.granted = granted === 0 ? 0 : granted
  out.cut = cut
  return undefined
}


const byInstantThenId = (a: ActivityEvent, b: ActivityEvent): number => (a.at !== b.at ? a.at - b.at : a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** One subject's entries, skips and balances by the previous engine, its events (ids unique) taken in (instant, id) order. */
export const objectFold = (
  rs: CompiledRuleSet,
  subject: SubjectId,
  events: ReadonlyArray<ActivityEvent>,
  attrs: SubjectAttrs
): { entries: Array<Entry>; skips: Array<Skip>; balances: Record<string, Points> } => {
  const st = objectState(rs)
  const entries: Array<Entry> = []
  const skips: Array<Skip> = []
  const out: DecisionScratch = { requested: 0, granted: 0, cut: undefined }
  for (const e of [...events].sort(byInstantThenId)) {
    const day = rs.calendar.dayNumber(e.at)
    const base = { event: e.id, eventType: e.type, subject, at: e.at }
    const rules = rs.byType.get(e.type)
    if (rules === undefined) {
      skips.push({ ...base, reason: 'no-rule' })
      continue
    }
    const declined: Array<Skip> = []
    let scored = false
    for (const r of rules) {
      const why = objectApplyRuleInto(rs, r, st, e, day, attrs, out)
      if (why !== undefined) {
        declined.push({ ...base, rule: r.id, reason: why })
        continue
      }
      scored = true
      const entry: Entry = {
        id: `${e.id}#${r.id}`,
        kind: out.requested < 0 ? 'deduct' : 'earn',
        subject,
        account: r.account.id,
        event: e.id,
        eventType: e.type,
        rule: r.id,
        at: e.at,
        day: rs.calendar.keyOfDay('day', day),
        requested: out.requested as Points,
        granted: out.granted as Points
      }
      entries.push(out.cut === undefined ? entry : { ...entry, cut: out.cut })
    }
    if (!scored) skips.push(...declined)
  }
  const balances: Record<string, Points> = {}
  for (const a of rs.accounts) balances[a.id] = ((st.balances[a.index] as number) + 0) as Points
  return { entries, skips, balances }
}
