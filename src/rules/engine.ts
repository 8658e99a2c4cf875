/**
 * The rule engine: a subject's state so far, and one step that turns an
 * event into decisions (scored with requested and granted points and the
 * cap that cut them, or skipped with a reason). The step has two halves:
 * `prepareRule` reads the event (conditions, thresholds, hours, content key,
 * requested points) and `decideRule` reads and updates the state (once,
 * content seen, first N, streaks, caps, floors); `applyRule` runs both. The
 * ledger runs the first over all events in arrival order and the second
 * subject by subject. The state is private and mutable for speed; the
 * ledger reuses one inside its pure fold.
 *
 * @module
 */
import { MS_PER_DAY, countingPeriodId } from '../core/internal.js'
import { holds, type SubjectAttrs } from './condition.js'
import type { ActivityEvent } from './event.js'
import type { CompiledCap, CompiledRule, CompiledRuleSet } from './model.js'
import type { CapPeriod } from './rule.js'
import { interner, type Interner } from './intern.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * Why a cap or the account floor cut the requested points.
 *
 * @category model
 */
export type Cut =
  | {
      readonly _tag: 'Cap'
      readonly scope: 'rule' | 'group'
      readonly group?: string
      readonly per: CapPeriod
      /** The period's key: `2021-07-01`, `2021-W26`, `2021-07`, ..., `all`. */
      readonly period: string
      readonly max: number
    }
  | { readonly _tag: 'Floor'; readonly floor: number }

/**
 * Why a rule did not score an event.
 *
 * @category model
 */
export type SkipReason =
  | 'no-rule'
  | 'condition'
  | 'below-threshold'
  | 'too-short'
  | 'outside-hours'
  | 'once'
  | 'content-seen'
  | 'limit'
  | 'missing-attribute'
  | 'streak'
  | 'zero'
  | 'overflow'

/**
 * What one rule made of one event.
 *
 * @category model
 */
export type Decision =
  | {
      readonly _tag: 'Scored'
      readonly rule: CompiledRule
      readonly requested: number
      readonly granted: number
      readonly cut: Cut | undefined
    }
  | { readonly _tag: 'Skipped'; readonly rule: CompiledRule | undefined; readonly reason: SkipReason }

/**
 * A subject's state so far (opaque; make one with `initialState`).
 *
 * @category model
 */
export interface SubjectState {
  /** Balance per account index. */
  readonly balances: Float64Array
  /**
   * @internal Per account index, the points earned and the points deducted (absolute) so far: an
   * entry that would take either past `Number.MAX_SAFE_INTEGER` is refused (`overflow`), so every
   * balance and every period's movements are safe integers.
   */
  readonly earnedTotal: Float64Array
  /** @internal */ readonly deductedTotal: Float64Array
  /** @internal `accumulated` rules: the period of the running sum, and the sum in thousandths. */
  readonly accPeriod: Float64Array
  /** @internal */ readonly accTotal: Float64Array
  /** @internal */ readonly capPeriod: Float64Array
  /** @internal */ readonly capUsed: Float64Array
  /** @internal */ readonly nPeriod: Float64Array
  /** @internal */ readonly nCount: Float64Array
  /** @internal */ readonly streakLast: Float64Array
  /** @internal */ readonly streakLen: Float64Array
  /** @internal */ readonly once: Uint8Array
  /**
   * @internal Content seen per rule, as stamps rather than a `Set` per rule: content keys get
   * numbers in `contentIds` (an intern table that outlives `resetState`, so the ledger can intern every
   * event's content in one pass in arrival order before folding subject by subject), the rules counting
   * content once get numbers in `contentRule` (by rule index; -1 for the others), and `(content, rule)`
   * is seen while its slot in `seen` holds the current `epoch`; `resetState` starts a new epoch (rather
   * than clearing `seen`).
   */
  readonly contentIds: Interner
  /** @internal */ readonly contentRule: Int32Array
  /** @internal */ readonly contentRules: number
  /** @internal */ seen: Int32Array
  /** @internal */ epoch: number
  /** @internal The slots of `seen` stamped since the last reset (some may have been undone: check the stamp), so a state can be saved without scanning `seen`. */
  readonly seenLog: Array<number>
  /** @internal */ seenCount: number
  /** @internal The slots `loadState` stamped (saved again as they are, with the new ones after them). */
  seenBase: ReadonlyArray<number>
  /** @internal Whether an overflow undid a stamp since the last reset (so the log may hold a slot twice). */
  seenUndone: boolean
}

/**
 * A subject's state as data, for a fold to continue from: every counter
 * in one array of numbers (`NaN`: no period yet) and the `(content, rule)`
 * slots seen, numbered by the intern table of the state it was saved from.
 *
 * @category model
 */
export interface SavedState {
  readonly numbers: ReadonlyArray<number>
  readonly seen: ReadonlyArray<number>
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * A fresh subject state for a rule set: zero balances, no counters.
 *
 * @category constructors
 * @example
 * initialState(compileRuleSetOrThrow(dailyStudy())).balances[0] // => 0
 */
export const initialState = (rs: CompiledRuleSet, contentIds: Interner = interner()): SubjectState => {
  const n = rs.rules.length
  let k = 0
  const contentRule = Int32Array.from(rs.rules, (r) => (r.spec.perContent === undefined ? -1 : k++))
  return {
    balances: new Float64Array(rs.accounts.length),
    earnedTotal: new Float64Array(rs.accounts.length),
    deductedTotal: new Float64Array(rs.accounts.length),
    accPeriod: new Float64Array(n).fill(NaN),
    accTotal: new Float64Array(n),
    capPeriod: new Float64Array(rs.slots).fill(NaN),
    capUsed: new Float64Array(rs.slots),
    nPeriod: new Float64Array(n).fill(NaN),
    nCount: new Float64Array(n),
    streakLast: new Float64Array(n).fill(NaN),
    streakLen: new Float64Array(n),
    once: new Uint8Array(n),
    contentIds,
    contentRule,
    contentRules: k,
    seen: new Int32Array(0),
    epoch: 1,
    seenLog: [],
    seenCount: 0,
    seenBase: [],
    seenUndone: false
  }
}

/**
 * Make a state fresh again (as `initialState` made it), for a loop that
 * folds many subjects one after another and owns the state.
 *
 * @category constructors
 * @example
 * const st = initialState(rs); resetState(st); st.balances[0] // => 0
 */
export const resetState = (st: SubjectState): void => {
  st.balances.fill(0)
  st.earnedTotal.fill(0)
  st.deductedTotal.fill(0)
  st.accPeriod.fill(NaN)
  st.accTotal.fill(0)
  st.capPeriod.fill(NaN)
  st.capUsed.fill(0)
  st.nPeriod.fill(NaN)
  st.nCount.fill(0)
  st.streakLast.fill(NaN)
  st.streakLen.fill(0)
  st.once.fill(0)
  st.epoch++
  st.seenCount = 0
  st.seenBase = EMPTY
  st.seenUndone = false
}

// The counters of a state in the order `saveState` writes them (memoised per state: the list is fixed).
const countersMemo = new WeakMap<SubjectState, ReadonlyArray<Float64Array | Uint8Array>>()
const counters = (st: SubjectState): ReadonlyArray<Float64Array | Uint8Array> => {
  let xs = countersMemo.get(st)
  if (xs === undefined) {
    xs = [st.balances, st.earnedTotal, st.deductedTotal, st.accPeriod, st.accTotal, st.capPeriod, st.capUsed, st.nPeriod, st.nCount, st.streakLast, st.streakLen, st.once]
    countersMemo.set(st, xs)
  }
  return xs
}

/**
 * How many numbers `saveState` writes for a rule set (what a decoder checks).
 *
 * @category utilities
 * @example
 * savedLength(rs) === saveState(initialState(rs)).numbers.length // => true
 */
export const savedLength = (rs: CompiledRuleSet): number => 3 * rs.accounts.length + 7 * rs.rules.length + 2 * rs.slots

/**
 * A state as data (see `SavedState`): what `loadState` puts back.
 *
 * @category utilities
 * @example
 * const saved = saveState(st); loadState(other, saved) // other now decides as st would
 */
export const saveState = (st: SubjectState): SavedState => {
  const cs = counters(st)
  let n = 0
  for (let c = 0; c < cs.length; c++) n += (cs[c] as Float64Array).length
  // A plain array of doubles sized once (see ledger/columns.ts `numbers`).
  const numbers = [0.5]
  numbers.length = n
  let k = 0
  for (let c = 0; c < cs.length; c++) {
    const xs = cs[c] as Float64Array
    for (let i = 0; i < xs.length; i++) numbers[k++] = xs[i] as number
  }
  let seen: ReadonlyArray<number> = st.seenBase
  if (st.seenCount > 0) {
    const fresh: Array<number> = []
    for (let i = 0; i < st.seenCount; i++) {
      const slot = st.seenLog[i] as number
      if (st.seen[slot] === st.epoch) fresh.push(slot)
    }
    // A slot stamped, undone (an overflow) and stamped again is logged twice.
    if (st.seenUndone && fresh.length > 1) {
      fresh.sort((a, b) => a - b)
      let m = 1
      for (let i = 1; i < fresh.length; i++) if (fresh[i] !== fresh[m - 1]) fresh[m++] = fresh[i] as number
      fresh.length = m
    }
    seen = seen.length === 0 ? fresh : seen.concat(fresh)
  }
  return { numbers, seen }
}
const EMPTY: ReadonlyArray<number> = []

/**
 * Make a state the saved one (saved from a state sharing its intern table).
 *
 * @category utilities
 * @example
 * loadState(st, saveState(other))
 */
export const loadState = (st: SubjectState, saved: SavedState): void => {
  // Every counter is overwritten: only the epoch and the log start again.
  st.epoch++
  st.seenUndone = false
  let k = 0
  const ns = saved.numbers
  const cs = counters(st)
  for (let c = 0; c < cs.length; c++) {
    const xs = cs[c] as Float64Array
    for (let i = 0; i < xs.length; i++) xs[i] = ns[k++] as number
  }
  const seen = saved.seen
  for (let i = 0; i < seen.length; i++) stampSeen(st, seen[i] as number)
  // Those are saved again as they are: the log holds the new ones only.
  st.seenCount = 0
  st.seenBase = seen
}

const stampSeen = (st: SubjectState, slot: number): void => {
  if (slot >= st.seen.length) {
    const grown = new Int32Array(Math.max(2 * st.seen.length, slot + 1, 64))
    grown.set(st.seen)
    st.seen = grown
  }
  st.seen[slot] = st.epoch
  st.seenLog[st.seenCount++] = slot
}

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/**
 * A number identifying the period of a kind that holds a local day (equal
 * numbers, same period). Weeks are ISO weeks starting on Monday. Each kind's
 * number is its row's `id` in core's table of periods (periods.ts).
 *
 * @category utilities
 * @example
 * periodId('week', 4) === periodId('week', 10) // => true (1970-01-05 and -11 are Mon and Sun of one week)
 */
export const periodId: (per: CapPeriod, day: number) => number = countingPeriodId

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

const NO_ATTRS: SubjectAttrs = Object.freeze({})

/**
 * The key of the period of a cap that holds a local day (for explanations).
 *
 * @category utilities
 * @example
 * capPeriodKey(rs, 'week', 18809) // => '2021-W26'
 */
export const capPeriodKey = (rs: CompiledRuleSet, per: CapPeriod, day: number): string =>
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

const skip = (rule: CompiledRule | undefined, reason: SkipReason): Decision => ({ _tag: 'Skipped', rule, reason })

/**
 * Where the engine writes a scored decision (reused across events by the ledger's hot loop).
 *
 * @category model
 */
export interface DecisionScratch {
  requested: number
  granted: number
  cut: Cut | undefined
}

/**
 * Apply one rule to one event given the subject's state so far (updating
 * that state): a rule as a function of (event, state). `day` is the event's
 * local day number in the rule set's zone.
 *
 * @category utilities
 * @example
 * const rs = compileRuleSetOrThrow(dailyStudy())
 * applyRule(rs, rs.rules[0]!, initialState(rs), loginEvent, rs.calendar.dayNumber(loginEvent.at))
 * // => { _tag: 'Scored', requested: 1, granted: 1, cut: undefined, … }
 */
export const applyRule = (
  rs: CompiledRuleSet,
  rule: CompiledRule,
  st: SubjectState,
  e: ActivityEvent,
  day: number,
  subject: SubjectAttrs = NO_ATTRS
): Decision => {
  const out: DecisionScratch = { requested: 0, granted: 0, cut: undefined }
  const why = applyRuleInto(rs, rule, st, e, day, subject, out)
  return why === undefined ? { _tag: 'Scored', rule, requested: out.requested, granted: out.granted, cut: out.cut } : skip(rule, why)
}

/**
 * `applyRule` without allocating: returns the skip reason, or `undefined`
 * after writing the scored amounts into `out` (for hot loops). It is
 * `prepareRule` (what the event alone decides) followed by `decideRule`
 * (what the subject's state so far decides): the ledger runs the same two
 * halves, the first over events in arrival order, the second per subject.
 *
 * @category utilities
 * @example
 * const out: DecisionScratch = { requested: 0, granted: 0, cut: undefined }
 * applyRuleInto(rs, rs.rules[0]!, st, loginEvent, day, {}, out) // => undefined, out.granted === 1
 */
export const applyRuleInto = (
  rs: CompiledRuleSet,
  rule: CompiledRule,
  st: SubjectState,
  e: ActivityEvent,
  day: number,
  subject: SubjectAttrs,
  out: DecisionScratch
): SkipReason | undefined => {
  const pre: Prepared = { requested: 0, content: -1 }
  const why = prepareRule(rs, rule, e, day, subject, st.contentIds, pre)
  return why !== undefined ? why : decideRule(rs, rule, st, pre, day, out)
}

/**
 * What a rule makes of an event before looking at the subject's state: the
 * points it asks (bonuses applied; `NaN` when the amount's attribute is
 * missing) and the interned id of its content (`perContent` rules; -1 when
 * the attribute is missing or the rule has none).
 *
 * @category model
 */
export interface Prepared {
  requested: number
  content: number
}

/**
 * The half of a rule that depends on the event only (and the subject's
 * attributes): the guards `when`, `atLeast`, `longerThan` and `hours` (the
 * first that fails is the skip reason), the content key interned in
 * `contentIds` (a state's table, so ids match the state's `seen` stamps),
 * and the requested points with bonuses. A pure function of its inputs but
 * for the interning.
 *
 * @category utilities
 * @example
 * const pre: Prepared = { requested: 0, content: -1 }
 * prepareRule(rs, rs.rules[1]!, articleEvent, day, {}, st.contentIds, pre) // => undefined, pre.requested === 1
 */
export const prepareRule = (
  rs: CompiledRuleSet,
  rule: CompiledRule,
  e: ActivityEvent,
  day: number,
  subject: SubjectAttrs,
  contentIds: Interner,
  out: Prepared
): SkipReason | undefined => {
  const s = rule.plan
  if (s.when !== undefined && !holds(s.when, e, subject)) return 'condition'
  if (s.atLeastAttr !== undefined) {
    const v = numAttr(e, s.atLeastAttr)
    if (v === undefined) return 'missing-attribute'
    if (v < s.atLeastValue) return 'below-threshold'
  }
  if (s.longerThanAttr !== undefined) {
    const v = e.attrs[s.longerThanAttr]
    const len = typeof v === 'string' ? [...v.trim()].length : typeof v === 'number' ? v : undefined
    if (len === undefined) return 'missing-attribute'
    if (len <= s.longerThanChars) return 'too-short'
  }
  if (rule.hours !== undefined && !inWindows(rule.hours, minuteOfDay(rs, e, day))) return 'outside-hours'
  out.content = -1
  if (s.perContent !== undefined) {
    const c = e.attrs[s.perContent]
    if (c !== undefined) {
      out.content = contentIds.idOf(String(c))
    }
  }
  let requested: number
  switch (s.per) {
    case 'action':
    case 'streak':
      requested = s.points
      break
    case 'unit': {
      const v = numAttr(e, s.attr)
      if (v === undefined) return missing(out)
      requested = s.points * Math.floor(v / s.unit)
      break
    }
    case 'accumulated': {
      // Not points yet: the quantity, in thousandths (whole, so sums are exact); `decideRule` adds it
      // to the period's sum and asks the points of the units it completes.
      const v = numAttr(e, s.attr)
      if (v === undefined) return missing(out)
      if (v < 0) return 'below-threshold'
      requested = Math.round(v * 1000)
      break
    }
    case 'linear': {
      const v = numAttr(e, s.attr)
      if (v === undefined) return missing(out)
      requested = roundBy(s.factor * v + s.offset, s.round)
      break
    }
    case 'table': {
      const v = numAttr(e, s.attr)
      if (v === undefined) return missing(out)
      let best = -Infinity
      requested = 0
      for (const row of s.rows) {
        if (row.min <= v && row.min > best) {
          best = row.min
          requested = row.points
        }
      }
      break
    }
  }
  for (const b of rule.bonuses) {
    if (day < b.fromDay || day >= b.toDay) continue
    if (b.hours !== undefined && !inWindows(b.hours, minuteOfDay(rs, e, day))) continue
    requested = Math.trunc(requested * b.multiply)
  }
  // Never NaN from here on (NaN is not a safe integer): NaN means a missing attribute only.
  if (!Number.isSafeInteger(requested)) requested = requested > 0 ? MAX : -MAX
  out.requested = requested
  return undefined
}

const MAX = Number.MAX_SAFE_INTEGER

// A missing amount attribute is reported only after `once`, `perContent` and `firstN` have counted the event.
const missing = (out: Prepared): undefined => {
  out.requested = NaN
  return undefined
}

/**
 * The half of a rule that depends on the subject's state (and updates it):
 * `once`, `perContent`, `firstN`, streaks, then caps and the account's
 * floor, from what `prepareRule` found.
 *
 * @category utilities
 * @example
 * decideRule(rs, rs.rules[0]!, st, { requested: 1, content: -1 }, day, out) // => undefined, out.granted === 1
 */
export const decideRule = (
  rs: CompiledRuleSet,
  rule: CompiledRule,
  st: SubjectState,
  pre: Prepared,
  day: number,
  out: DecisionScratch
): SkipReason | undefined => {
  const s = rule.plan
  const i = rule.index
  if (s.once) {
    if (st.once[i] === 1) return 'once'
    st.once[i] = 1
  }
  // What the guards below change, so a refused entry (`overflow`) can leave the state as it was.
  let seenSlot = -1
  let seenBefore = 0
  if (s.perContent !== undefined) {
    if (pre.content < 0) return 'missing-attribute'
    const slot = pre.content * st.contentRules + (st.contentRule[i] as number)
    seenBefore = slot < st.seen.length ? (st.seen[slot] as number) : 0
    if (seenBefore === st.epoch) return 'content-seen'
    stampSeen(st, slot)
    seenSlot = slot
  }
  if (s.firstNPer !== undefined) {
    const pid = periodId(s.firstNPer, day)
    if (st.nPeriod[i] !== pid) {
      st.nPeriod[i] = pid
      st.nCount[i] = 0
    }
    if ((st.nCount[i] as number) >= s.firstNCount) return 'limit'
    st.nCount[i] = (st.nCount[i] as number) + 1
  }
  let streakLast = NaN
  let streakLen = 0
  if (s.per === 'streak') {
    streakLast = st.streakLast[i] as number
    streakLen = st.streakLen[i] as number
    if (streakLast === day) return 'streak'
    const len = streakLast === day - 1 ? streakLen + 1 : 1
    st.streakLast[i] = day
    st.streakLen[i] = len
    if (!(len === s.days || (s.repeat && len % s.days === 0))) return 'streak'
  }
  let requested = pre.requested
  if (requested !== requested) return 'missing-attribute'
  let accBefore = 0
  if (s.per === 'accumulated') {
    // The period's running sum (thousandths): the points of the units this quantity completes.
    const pid = periodId(s.accumulatedPer, day)
    if (st.accPeriod[i] !== pid) {
      st.accPeriod[i] = pid
      st.accTotal[i] = 0
    }
    accBefore = st.accTotal[i] as number
    const after = Math.min(accBefore + requested, MAX)
    st.accTotal[i] = after
    requested = s.points * (Math.floor(after / s.blockMilli) - Math.floor(accBefore / s.blockMilli))
    if (!Number.isSafeInteger(requested)) requested = requested > 0 ? MAX : -MAX
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
  // Safe sums: an entry that would take the points earned or deducted so far (and so the balance, or
  // any period's movements) past the safe integers is refused, and every guard above undone.
  const ai = acc.index
  if (granted > 0 ? (st.earnedTotal[ai] as number) + granted > MAX : (st.deductedTotal[ai] as number) - granted > MAX) {
    if (s.once) st.once[i] = 0
    if (seenSlot >= 0) {
      st.seen[seenSlot] = seenBefore
      st.seenUndone = true
    }
    if (s.firstNPer !== undefined) st.nCount[i] = (st.nCount[i] as number) - 1
    if (s.per === 'streak') {
      st.streakLast[i] = streakLast
      st.streakLen[i] = streakLen
    }
    if (s.per === 'accumulated') st.accTotal[i] = accBefore
    return 'overflow'
  }
  if (granted > 0) st.earnedTotal[ai] = (st.earnedTotal[ai] as number) + granted
  else st.deductedTotal[ai] = (st.deductedTotal[ai] as number) - granted
  const g = Math.abs(granted)
  for (const c of rule.caps) st.capUsed[c.slot] = (st.capUsed[c.slot] as number) + g
  st.balances[acc.index] = bal + granted
  out.requested = requested
  out.granted = granted === 0 ? 0 : granted
  out.cut = cut
  return undefined
}

/**
 * Run every rule listening to an event's type, in rule order, passing each
 * decision to `sink`. An event no rule listens to gives one `no-rule` skip.
 *
 * @category utilities
 * @example
 * const out: Array<Decision> = []
 * evaluateEvent(rs, initialState(rs), event, day, {}, (d) => out.push(d))
 */
export const evaluateEvent = (
  rs: CompiledRuleSet,
  st: SubjectState,
  e: ActivityEvent,
  day: number,
  subject: SubjectAttrs,
  sink: (d: Decision) => void
): void => {
  const rules = rs.byType.get(e.type)
  if (rules === undefined) {
    sink(skip(undefined, 'no-rule'))
    return
  }
  for (const r of rules) sink(applyRule(rs, r, st, e, day, subject))
}
