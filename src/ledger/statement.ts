/**
 * Reading a ledger: statements (the member's passbook, 存折) per subject and
 * period with a day-by-day breakdown, the daily progress view study apps
 * show ("earned / daily cap" per rule), and a balance explained entry by entry.
 *
 * @module
 */
import type { Period, Points, Text } from '../core/index.js'
import type { AccountId, SubjectId } from '../rules/index.js'
import type { Entry } from './entry.js'
import type { Ledger } from './fold.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * Movements of a stretch of time. `deducted`, `redeemed` and `expired` are
 * amounts taken (positive numbers); `reversed` is the signed net of reversal entries.
 *
 * @category model
 */
export interface Movements {
  readonly earned: number
  readonly deducted: number
  readonly redeemed: number
  readonly expired: number
  readonly reversed: number
}

/**
 * One day of a statement (only days with entries appear).
 *
 * @category model
 */
export interface StatementDay extends Movements {
  readonly day: string
  readonly closing: Points
}

/**
 * A passbook page: one subject, one account, one period.
 * `closing = opening + earned − deducted − redeemed − expired + reversed`.
 *
 * @category model
 */
export interface Statement extends Movements {
  readonly subject: SubjectId
  readonly account: AccountId
  readonly period: Period
  readonly opening: Points
  /** Earned per rule, in the rule set's order (rules that earned nothing are left out). */
  readonly earnedByRule: ReadonlyArray<{ readonly rule: string; readonly label?: Text; readonly points: number; readonly entries: number }>
  readonly closing: Points
  readonly days: ReadonlyArray<StatementDay>
}

/**
 * One rule's line in the daily progress view.
 *
 * @category model
 */
export interface ProgressLine {
  readonly rule: string
  readonly label?: Text
  readonly account: AccountId
  readonly earned: number
  /** The rule's tightest daily cap, if it has one. */
  readonly dailyCap?: number
}

/**
 * The daily progress view: each rule "earned / daily cap" for one day, and the day's total.
 *
 * @category model
 */
export interface DailyProgress {
  readonly subject: SubjectId
  readonly day: string
  readonly lines: ReadonlyArray<ProgressLine>
  /** Group daily caps: what the group's rules earned together that day, against the cap. */
  readonly groups: ReadonlyArray<{ readonly group: string; readonly earned: number; readonly dailyCap: number }>
  readonly total: number
}

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

interface Acc {
  earned: number
  deducted: number
  redeemed: number
  expired: number
  reversed: number
}

const fresh = (): Acc => ({ earned: 0, deducted: 0, redeemed: 0, expired: 0, reversed: 0 })

const move = (m: Acc, e: Entry): void => {
  switch (e.kind) {
    case 'earn':
      m.earned += e.granted
      return
    case 'deduct':
      m.deducted -= e.granted
      return
    case 'redeem':
      m.redeemed -= e.granted
      return
    case 'expire':
      m.expired -= e.granted
      return
    case 'reversal':
      m.reversed += e.granted
  }
}

/**
 * A statement from one subject's entries (the ledger's, plus any the bank's
 * operations add; any order), for an account and a period. Rules are listed
 * in the order of `labels`' keys, then by id.
 *
 * @category utilities
 * @example
 * const july = periodOf('month', instantOrThrow('2021-07-15T00:00:00+08:00'))
 * statementOf(entries, 'm-001' as SubjectId, 'study' as AccountId, july).closing // => 35
 */
export const statementOf = (
  entries: ReadonlyArray<Entry>,
  subject: SubjectId,
  account: AccountId,
  period: Period,
  labels: ReadonlyMap<string, Text | undefined> = new Map()
): Statement => {
  let opening = 0
  const total = fresh()
  const byRule = new Map<string, { points: number; entries: number }>()
  const days: Array<StatementDay> = []
  let day: Acc | undefined
  let dayKey = ''
  let running = 0
  const closeDay = (): void => {
    // Fields spelled out rather than spread (same keys, same order): one allocation per day, no copy loop.
    if (day !== undefined) days.push({ day: dayKey, earned: day.earned, deducted: day.deducted, redeemed: day.redeemed, expired: day.expired, reversed: day.reversed, closing: running as Points })
  }
  let mine = entries.filter((e) => e.subject === subject && e.account === account)
  for (let i = 1; i < mine.length; i++) {
    if ((mine[i] as Entry).at < (mine[i - 1] as Entry).at) {
      mine = mine.sort((a, b) => a.at - b.at)
      break
    }
  }
  for (const e of mine) {
    if (e.at < period.start) {
      opening += e.granted
      running = opening
      continue
    }
    if (e.at >= period.end) break
    if (e.day !== dayKey || day === undefined) {
      closeDay()
      dayKey = e.day
      day = fresh()
    }
    move(day, e)
    move(total, e)
    running += e.granted
    if (e.kind === 'earn') {
      const r = byRule.get(e.rule)
      if (r === undefined) byRule.set(e.rule, { points: e.granted, entries: 1 })
      else {
        r.points += e.granted
        r.entries++
      }
    }
  }
  closeDay()
  const order = new Map([...labels.keys()].map((k, i) => [k, i]))
  const earnedByRule = [...byRule.entries()]
    .sort(([a], [b]) => {
      const ia = order.get(a) ?? Infinity
      const ib = order.get(b) ?? Infinity
      return ia !== ib ? ia - ib : a < b ? -1 : 1
    })
    .map(([rule, r]) => {
      const label = labels.get(rule)
      return label === undefined ? { rule, points: r.points, entries: r.entries } : { rule, label, points: r.points, entries: r.entries }
    })
  const closing = opening + total.earned - total.deducted - total.redeemed - total.expired + total.reversed
  return { subject, account, period, opening: opening as Points, ...total, earnedByRule, closing: closing as Points, days }
}

const labelCache = new WeakMap<object, ReadonlyMap<string, Text | undefined>>()
const labelsOf = (ledger: Ledger): ReadonlyMap<string, Text | undefined> => {
  let m = labelCache.get(ledger.rules)
  if (m === undefined) {
    m = new Map(ledger.rules.rules.map((r) => [r.id as string, r.spec.label]))
    labelCache.set(ledger.rules, m)
  }
  return m
}

/**
 * A subject's statement for a period on an account (the first account by default).
 *
 * @category utilities
 * @example
 * statement(book, 'm-001' as SubjectId, periodOf('month', instantOrThrow('2021-07-15T00:00:00+08:00'))).earned // => 35
 */
export const statement = (ledger: Ledger, subject: SubjectId, period: Period, account?: AccountId): Statement => {
  const acc = account ?? ((ledger.rules.accounts[0]?.id ?? '') as AccountId)
  return statementOf(ledger.subjects.get(subject)?.entries ?? [], subject, acc, period, labelsOf(ledger))
}

/**
 * The daily progress view for a local day `YYYY-MM-DD`: every rule with what
 * it earned that day and its daily cap.
 *
 * @category utilities
 * @example
 * dailyProgress(book, 'm-001' as SubjectId, '2021-07-01').lines[0] // => { rule: 'login', earned: 1, dailyCap: 1, … }
 */
export const dailyProgress = (ledger: Ledger, subject: SubjectId, day: string): DailyProgress => {
  const earned = new Map<string, number>()
  for (const e of ledger.subjects.get(subject)?.entries ?? []) {
    if (e.day === day) earned.set(e.rule, (earned.get(e.rule) ?? 0) + e.granted)
  }
  let total = 0
  const lines = ledger.rules.rules.map((r): ProgressLine => {
    const n = earned.get(r.id) ?? 0
    total += n
    const caps = r.caps.filter((c) => c.per === 'day' && c.scope === 'rule').map((c) => c.max)
    const base = { rule: r.id as string, account: r.account.id, earned: n }
    const withLabel = r.spec.label === undefined ? base : { ...base, label: r.spec.label }
    return caps.length === 0 ? withLabel : { ...withLabel, dailyCap: Math.min(...caps) }
  })
  const groups = new Map<string, { group: string; earned: number; dailyCap: number }>()
  for (const r of ledger.rules.rules) {
    for (const c of r.caps) {
      if (c.scope !== 'group' || c.per !== 'day' || c.group === undefined) continue
      const g = groups.get(c.group) ?? { group: c.group, earned: 0, dailyCap: c.max }
      g.dailyCap = Math.min(g.dailyCap, c.max)
      groups.set(c.group, g)
    }
  }
  for (const r of ledger.rules.rules) {
    const seen = new Set<string>()
    for (const c of r.caps) {
      if (c.group === undefined || seen.has(c.group) || !groups.has(c.group)) continue
      seen.add(c.group)
      ;(groups.get(c.group) as { earned: number }).earned += earned.get(r.id) ?? 0
    }
  }
  return { subject, day, lines, groups: [...groups.values()], total }
}

/**
 * A balance explained entry by entry: each entry with the running balance after it.
 *
 * @category utilities
 * @example
 * explainBalance(book, 'm-001' as SubjectId).at(-1)?.balance === balanceOf(book, 'm-001' as SubjectId) // => true
 */
export const explainBalance = (
  ledger: Ledger,
  subject: SubjectId,
  account?: AccountId
): ReadonlyArray<{ readonly entry: Entry; readonly balance: Points }> => {
  const acc = account ?? ledger.rules.accounts[0]?.id
  let running = 0
  const out: Array<{ readonly entry: Entry; readonly balance: Points }> = []
  for (const e of ledger.subjects.get(subject)?.entries ?? []) {
    if (e.account !== acc) continue
    running += e.granted
    out.push({ entry: e, balance: running as Points })
  }
  return out
}
