/**
 * Reading a ledger: statements (the member's passbook, 存折) per subject and
 * period with a day-by-day breakdown, the daily progress view study apps
 * show ("earned / daily cap" per rule), and a balance explained entry by entry.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Decoded, Instant, Period, Points, Text } from '../core/internal.js'
import { findAccount, type AccountId, type CompiledRule, type SubjectId } from '../rules/internal.js'
import type { SubjectColumns } from './columns.js'
import type { Entry, EntryKind } from './entry.js'
import { columnsOf, orThrow, type Ledger } from './fold.js'

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

const move = (m: Acc, kind: EntryKind, granted: number): void => {
  switch (kind) {
    case 'earn':
      m.earned += granted
      return
    case 'deduct':
      m.deducted -= granted
      return
    case 'redeem':
      m.redeemed -= granted
      return
    case 'expire':
      m.expired -= granted
      return
    case 'reversal':
      m.reversed += granted
  }
}

/**
 * Builds one statement from movements fed in instant order: those before
 * the period make the opening balance, the others the period's totals, days
 * and rules. One implementation for entry objects (`statementOf`) and for
 * the fold's columns (`statement`).
 */
const accumulator = (subject: SubjectId, account: AccountId, period: Period) => {
  let opening = 0
  const total = fresh()
  const byRule = new Map<string, { points: number; entries: number }>()
  const days: Array<StatementDay> = []
  // The open day, in plain variables (no object per day until it closes).
  let inDay = false
  let dayKey = ''
  let earned = 0
  let deducted = 0
  let redeemed = 0
  let expired = 0
  let reversed = 0
  let running = 0
  const closeDay = (): void => {
    if (inDay) days.push({ day: dayKey, earned, deducted, redeemed, expired, reversed, closing: running as Points })
  }
  return {
    /** A movement before the period. */
    before: (granted: number): void => {
      opening += granted
      running = opening
    },
    /** The movements that follow are on this local day (called when the day changes). */
    startDay: (key: string): void => {
      closeDay()
      inDay = true
      dayKey = key
      earned = deducted = redeemed = expired = reversed = 0
    },
    move: (kind: EntryKind, granted: number, rule: string): void => {
      switch (kind) {
        case 'earn':
          earned += granted
          break
        case 'deduct':
          deducted -= granted
          break
        case 'redeem':
          redeemed -= granted
          break
        case 'expire':
          expired -= granted
          break
        case 'reversal':
          reversed += granted
      }
      move(total, kind, granted)
      running += granted
      if (kind === 'earn') {
        const r = byRule.get(rule)
        if (r === undefined) byRule.set(rule, { points: granted, entries: 1 })
        else {
          r.points += granted
          r.entries++
        }
      }
    },
    done: (labels: ReadonlyMap<string, Text | undefined>): Statement => {
      closeDay()
      const order = orderOf(labels)
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
  }
}

// The position of each label key (a memo per labels map: a ledger's statements all share one).
const orders = new WeakMap<ReadonlyMap<string, Text | undefined>, ReadonlyMap<string, number>>()
const orderOf = (labels: ReadonlyMap<string, Text | undefined>): ReadonlyMap<string, number> => {
  let order = orders.get(labels)
  if (order === undefined) {
    order = new Map([...labels.keys()].map((k, i) => [k, i]))
    orders.set(labels, order)
  }
  return order
}

/**
 * A statement from one subject's entries (the ledger's, plus any the bank's
 * operations add; any order), for an account and a period. Rules are listed
 * in the order of `labels`' keys, then by id.
 *
 * @category utilities
 * @example
 * const july = periodOf('month', instantOrThrow('2021-07-15T00:00:00+08:00'))
 * statementOf(entries, 'm-001', 'study', july).closing // => 35
 */
export const statementOf = (
  entries: ReadonlyArray<Entry>,
  subject: string,
  account: string,
  period: Period,
  labels: ReadonlyMap<string, Text | undefined> = new Map()
): Statement => {
  const acc = accumulator(subject as SubjectId, account as AccountId, period)
  let mine = entries.filter((e) => e.subject === subject && e.account === account)
  for (let i = 1; i < mine.length; i++) {
    if ((mine[i] as Entry).at < (mine[i - 1] as Entry).at) {
      mine = mine.sort((a, b) => a.at - b.at)
      break
    }
  }
  let first = true
  let dayKey = ''
  for (const e of mine) {
    if (e.at < period.start) {
      acc.before(e.granted)
      continue
    }
    if (e.at >= period.end) break
    if (first || e.day !== dayKey) {
      first = false
      dayKey = e.day
      acc.startDay(dayKey)
    }
    acc.move(e.kind, e.granted, e.rule)
  }
  return acc.done(labels)
}

/** `statementOf` on the columns the fold wrote (its entries are in instant order, all of one subject). */
const statementOfColumns = (segments: ReadonlyArray<SubjectColumns>, subject: SubjectId, account: AccountId, period: Period, labels: ReadonlyMap<string, Text | undefined>): Statement => {
  const acc = accumulator(subject, account, period)
  let lastDay = NaN
  // Segments are in time order, one after another.
  done: for (const cols of segments) {
    const { rules: rs, entryInts, amounts } = cols
    const cal = rs.calendar
    for (let i = 0; i < cols.entryCount; i++) {
      const k = 3 * (cols.entryStart + i)
      const r = rs.rules[entryInts[k + 1] as number] as CompiledRule
      if (r.account.id !== account) continue
      const granted = amounts[k + 1] as number
      const at = amounts[k + 2] as Instant
      if (at < period.start) {
        acc.before(granted)
        continue
      }
      if (at >= period.end) break done
      const d = cal.dayNumber(at)
      if (d !== lastDay) {
        lastDay = d
        acc.startDay(cal.keyOfDay('day', d))
      }
      acc.move((amounts[k] as number) < 0 ? 'deduct' : 'earn', granted, r.id)
    }
  }
  return acc.done(labels)
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
 * A subject's statement for a period on an account (the first account by
 * default): zero movements for a subject with no entries in it, a
 * `reference` problem (naming the account and the accounts the rules define)
 * for an account the ledger's rules do not define.
 *
 * @category utilities
 * @example
 * const july = periodOf('month', instantOrThrow('2021-07-15T00:00:00+08:00'))
 * E.map((st: Statement) => st.earned)(statement(book, 'm-001', july)) // => right(35)
 * E.isLeft(statement(book, 'm-001', july, 'moarl')) // => true
 */
export const statement = (ledger: Ledger, subject: string, period: Period, account?: string): Decoded<Statement> => {
  const found = findAccount(ledger.rules, account)
  if (E.isLeft(found)) return found
  const acc = found.right.id
  const s = ledger.subjects.get(subject)
  const cols = s === undefined ? undefined : columnsOf(s)
  return E.right(
    cols !== undefined && cols.every((c) => c.rules === ledger.rules)
      ? statementOfColumns(cols, subject as SubjectId, acc, period, labelsOf(ledger))
      : statementOf(s?.entries ?? [], subject, acc, period, labelsOf(ledger))
  )
}

/**
 * `statement` for hosts that know the account exists: the statement, or a
 * `TypeError` with the problems rendered (an edge helper).
 *
 * @category utilities
 * @example
 * statementOrThrow(book, 'm-001', july).closing // => 35
 */
export const statementOrThrow = (ledger: Ledger, subject: string, period: Period, account?: string): Statement =>
  orThrow(statement(ledger, subject, period, account))

/**
 * The daily progress view for a local day `YYYY-MM-DD`: every rule with what
 * it earned that day and its daily cap.
 *
 * @category utilities
 * @example
 * dailyProgress(book, 'm-001', '2021-07-01').lines[0] // => { rule: 'login', earned: 1, dailyCap: 1, … }
 */
export const dailyProgress = (ledger: Ledger, subject: string, day: string): DailyProgress => {
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
  return { subject: subject as SubjectId, day, lines, groups: [...groups.values()], total }
}

/**
 * A balance explained entry by entry: each entry with the running balance
 * after it (the first account by default; a `reference` problem for an
 * account the ledger's rules do not define).
 *
 * @category utilities
 * @example
 * const steps = explainBalanceOrThrow(book, 'm-001')
 * steps.at(-1)?.balance === balanceOfOrThrow(book, 'm-001') // => true
 */
export const explainBalance = (
  ledger: Ledger,
  subject: string,
  account?: string
): Decoded<ReadonlyArray<{ readonly entry: Entry; readonly balance: Points }>> => {
  const found = findAccount(ledger.rules, account)
  if (E.isLeft(found)) return found
  const acc = found.right.id
  let running = 0
  const out: Array<{ readonly entry: Entry; readonly balance: Points }> = []
  for (const e of ledger.subjects.get(subject)?.entries ?? []) {
    if (e.account !== acc) continue
    running += e.granted
    out.push({ entry: e, balance: running as Points })
  }
  return E.right(out)
}

/**
 * `explainBalance` for hosts that know the account exists (throws a `TypeError` otherwise; an edge helper).
 *
 * @category utilities
 * @example
 * explainBalanceOrThrow(book, 'm-001').map((x) => x.balance) // => [1, 2, 3, 8]
 */
export const explainBalanceOrThrow = (
  ledger: Ledger,
  subject: string,
  account?: string
): ReadonlyArray<{ readonly entry: Entry; readonly balance: Points }> => orThrow(explainBalance(ledger, subject, account))
