/**
 * Boards: rank members, or organisation units aggregated from their members,
 * by a metric over a period within a scope. The spec is checked first and
 * every problem reported; nothing is computed unless all of it is valid.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import {
  at,
  calendar,
  listText,
  membersOf,
  problem,
  subtreeUnits,
  text,
  type Decoded,
  type MemberId,
  type Period,
  type Problem,
  type Text,
  type UnitId,
  type UnitKind
} from '../core/internal.js'
import { type BoardInputs, type EntryLike, type EventLike } from './inputs.js'
import { rankScores, type Order, type Ranking, type Scored, type TieBreaker, type TieScheme } from './tie.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * What a board measures. For members: `points` earned in an account (optionally
 * only from some event types), `count` of events of some types, `quizAccuracy`
 * (correct / total over `quiz.completed` events), a `host` metric. For units
 * also: `participation` (share of members active in the period) and
 * `aboveDailyMin` (share of members whose points in the account reached `min`
 * on every day of the period).
 *
 * @category model
 * @example
 * const m: Metric = { kind: 'points', account: 'study' }
 */
export type Metric =
  | { readonly kind: 'points'; readonly account: string; readonly eventTypes?: ReadonlyArray<string> }
  | { readonly kind: 'count'; readonly eventTypes: ReadonlyArray<string> }
  | { readonly kind: 'quizAccuracy'; readonly eventType?: string }
  | { readonly kind: 'host'; readonly name: string; readonly of?: 'members' | 'units' }
  | { readonly kind: 'participation' }
  | { readonly kind: 'aboveDailyMin'; readonly account: string; readonly min: number }

/**
 * How a unit's figure comes from its members' values: `sum`, `mean` over
 * members who took part, or `perCapita` over all its members.
 *
 * @category model
 * @example
 * const a: Aggregate = 'perCapita' // total points ÷ all members of the unit
 */
export type Aggregate = 'sum' | 'mean' | 'perCapita'

/**
 * What a board ranks.
 *
 * @category model
 * @example
 * const k: SubjectKind = 'units'
 */
export type SubjectKind = 'members' | 'units'

/**
 * A board's definition.
 *
 * - `scope`: a unit whose subtree is ranked (default: the whole tree).
 * - `unitKind`: for units boards, the kind of unit ranked (default: the units one level below the scope, or the roots' children).
 * - `perDay`: divide by the number of days in the period.
 * - `minParticipation`: subjects with fewer contributing records (entries, events, quizzes; participants for units) are listed in `excluded`.
 * - `inactive`: subjects with no activity at all are ranked with 0 (`rank`, the default: a member who did nothing belongs on a black list) or listed in `excluded`.
 *
 * @category model
 * @example
 * const spec: BoardSpec = { subjects: 'units', unitKind: 'group', metric: { kind: 'points', account: 'study' }, aggregate: 'perCapita', period: periodOf('quarter', now) }
 */
export interface BoardSpec {
  readonly id?: string
  readonly subjects: SubjectKind
  readonly metric: Metric
  readonly period: Period
  readonly scope?: UnitId
  readonly unitKind?: UnitKind
  readonly aggregate?: Aggregate
  readonly perDay?: boolean
  readonly order?: Order
  readonly ties?: TieScheme
  readonly tieBreakers?: ReadonlyArray<TieBreaker>
  readonly minParticipation?: number
  readonly inactive?: 'rank' | 'exclude'
}

/**
 * A subject left off a board, why, and its figures.
 *
 * @category model
 * @example
 * board.excluded // => [{ subject: 'g4', label: '四组', reason: 'no-members', figures: { members: 0 } }]
 */
export interface Excluded {
  readonly subject: string
  readonly label?: string
  readonly reason: 'no-activity' | 'below-minimum' | 'no-members'
  readonly figures: Readonly<Record<string, number>>
}

/**
 * A computed board: its rows in rank order with the figures behind each score,
 * tied groups, subjects left off with their reason, and ids with activity in
 * the period that are not in the organisation tree (`unmatched`; whole-tree boards only).
 *
 * @category model
 * @example
 * board.rows[0] // => { subject: 'm2', score: 20, rank: 1, percentRank: 0, figures: { count: 1, value: 20 } }
 */
export interface Board extends Ranking {
  readonly _tag: 'Board'
  readonly id?: string
  readonly subjects: SubjectKind
  readonly metric: Metric
  readonly period: string
  readonly scope?: UnitId
  readonly excluded: ReadonlyArray<Excluded>
  readonly unmatched: ReadonlyArray<string>
}

// -------------------------------------------------------------------------------------
// checking a spec
// -------------------------------------------------------------------------------------

const MEMBER_METRICS = ['points', 'count', 'quizAccuracy', 'host']
const UNIT_METRICS = [...MEMBER_METRICS, 'participation', 'aboveDailyMin']

// At most 10 accounts named, then how many more (a problem stays short whatever the rules).
const accountsExpected = (known: ReadonlyArray<string>): Text => {
  if (known.length === 0) return text('an account of the rules (they define none)', '规则中的账户（规则未声明任何账户）')
  const l = listText(known, 10, known.length)
  return text(`one of the accounts of the rules ${l.en}`, `规则中的账户：${l.zh}`)
}

const checkSpec = (spec: BoardSpec, inputs: BoardInputs): ReadonlyArray<Problem> => {
  const ps: Array<Problem> = []
  const { org } = inputs
  if (!(spec.period.start < spec.period.end)) {
    ps.push(problem('range', at(['period']), text('a period that ends after it starts', '结束晚于开始的周期'), `${spec.period.start} → ${spec.period.end}`))
  }
  if (spec.scope !== undefined && !org.unitById.has(spec.scope)) {
    ps.push(problem('reference', at(['scope']), text('the id of a unit in the organisation', '组织中某单位的标识'), spec.scope))
  }
  const kind = (spec.metric as { readonly kind?: unknown }).kind
  const allowed = spec.subjects === 'members' ? MEMBER_METRICS : UNIT_METRICS
  if (typeof kind !== 'string' || !allowed.includes(kind)) {
    ps.push(problem('reference', at(['metric', 'kind']), text(`a metric for ${spec.subjects}: ${allowed.join(', ')}`, `适用于${spec.subjects === 'members' ? '成员' : '单位'}的指标：${allowed.join('、')}`), kind))
  }
  const m = spec.metric
  const known = inputs.accounts
  if ((m.kind === 'points' || m.kind === 'aboveDailyMin') && known !== undefined && !known.includes(m.account)) {
    ps.push(problem('reference', at(['metric', 'account']), accountsExpected(known), m.account))
  }
  if (m.kind === 'host') {
    const names = Object.keys(inputs.host ?? {})
    if (!Object.prototype.hasOwnProperty.call(inputs.host ?? {}, m.name)) {
      ps.push(problem('reference', at(['metric', 'name']), text(`a host metric supplied: ${names.join(', ') || '(none)'}`, `宿主提供的指标：${names.join('、') || '（无）'}`), m.name))
    }
    if (m.of === 'units' && spec.subjects === 'members') {
      ps.push(problem('conflict', at(['metric', 'of']), text('"members" on a members board', '成员榜应为 "members"'), m.of))
    }
  }
  const unbounded = spec.period.kind === 'all'
  if (m.kind === 'aboveDailyMin' && unbounded) {
    ps.push(problem('range', at(['period']), text('a bounded period for a daily minimum', '每日最低分须用有界周期'), spec.period.key))
  }
  if (m.kind === 'aboveDailyMin' && !Number.isFinite(m.min)) {
    ps.push(problem('type', at(['metric', 'min']), text('a finite number', '有限数值'), m.min))
  }
  if (spec.perDay === true && unbounded) {
    ps.push(problem('range', at(['perDay']), text('a bounded period for per-day figures', '按日平均须用有界周期'), spec.period.key))
  }
  if (spec.aggregate !== undefined && spec.subjects === 'members') {
    ps.push(problem('conflict', at(['aggregate']), text('no aggregate on a members board', '成员榜无需汇总方式'), spec.aggregate))
  }
  if (spec.unitKind !== undefined && spec.subjects === 'members') {
    ps.push(problem('conflict', at(['unitKind']), text('no unitKind on a members board', '成员榜无需单位类型'), spec.unitKind))
  }
  const min = spec.minParticipation
  if (min !== undefined && !(Number.isSafeInteger(min) && min >= 0)) {
    ps.push(problem('range', at(['minParticipation']), text('a whole number ≥ 0', '非负整数'), min))
  }
  return ps
}

// -------------------------------------------------------------------------------------
// per-member figures
// -------------------------------------------------------------------------------------

/** A member's figures on one board, accumulated from its entries and events in the period (internal). */
export interface Acc {
  value: number
  count: number
  active: boolean
  correct: number
  total: number
  days: Map<number, number> | undefined
}

export const newAcc = (): Acc => ({ value: 0, count: 0, active: false, correct: 0, total: 0, days: undefined })

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined)

/** A copy of a member's figures (internal: a run changes its copy, the run before keeps its own). */
export const copyAcc = (a: Acc): Acc => ({ ...a, days: a.days === undefined ? undefined : new Map(a.days) })

/**
 * How one entry or event in a board's period adds to a member's figures, and the figures' value once all
 * are in (internal: a run adds only a member's new entries and events to its kept figures, in the same
 * order as one pass over all of them would, so the sums are the same to the last bit).
 */
export const accStep = (
  spec: BoardSpec
): { readonly entry: (a: Acc, e: EntryLike) => void; readonly event: (a: Acc, ev: EventLike) => void; readonly finish: (a: Acc) => void } => {
  const m = spec.metric
  const cal = calendar(spec.period.zone)
  const types = m.kind === 'points' || m.kind === 'count' ? (m.eventTypes === undefined ? undefined : new Set(m.eventTypes)) : undefined
  const quizType = m.kind === 'quizAccuracy' ? (m.eventType ?? 'quiz.completed') : undefined
  return {
    entry: (a, e) => {
      a.active = true
      if ((m.kind === 'points' || m.kind === 'aboveDailyMin') && e.account === m.account && (types === undefined || types.has(e.eventType))) {
        a.value += e.granted
        a.count++
        if (m.kind === 'aboveDailyMin') {
          const d = cal.dayNumber(e.at as Parameters<typeof cal.dayNumber>[0])
          a.days ??= new Map()
          a.days.set(d, (a.days.get(d) ?? 0) + e.granted)
        }
      }
    },
    event: (a, ev) => {
      a.active = true
      if (m.kind === 'count' && (types === undefined || types.has(ev.type))) {
        a.value++
        a.count++
      } else if (quizType !== undefined && ev.type === quizType) {
        const at_ = ev.attrs ?? {}
        const c = num(at_['correct'])
        const t = num(at_['total'])
        const s = num(at_['score'])
        const ms = num(at_['maxScore'])
        const acc = num(at_['accuracy'])
        a.count++
        if (c !== undefined && t !== undefined && t > 0) {
          a.correct += c
          a.total += t
        } else if (s !== undefined && ms !== undefined && ms > 0) {
          a.correct += s / ms
          a.total += 1
        } else if (acc !== undefined) {
          a.correct += acc
          a.total += 1
        }
      }
    },
    finish: (a) => {
      if (m.kind === 'quizAccuracy') a.value = a.total > 0 ? a.correct / a.total : 0
    }
  }
}

// One pass over entries and events in the period, for the members in `scope` (internal: runs bring boards up to date with it).
export const accumulateBoard = (
  spec: BoardSpec,
  inputs: BoardInputs,
  inScope: ReadonlySet<string>,
  unmatched: Set<string>
): Map<string, Acc> => {
  const accs = new Map<string, Acc>()
  const known = inputs.org.memberById
  // Entries and events come grouped by member (a ledger's are): the last member's answer is kept, so a run
  // of one member's rows costs one string comparison each instead of a set and a map lookup.
  let lastMember: string | undefined
  let lastAcc: Acc | undefined
  const accOf = (member: string): Acc | undefined => {
    if (member === lastMember) return lastAcc
    lastMember = member
    if (!inScope.has(member)) {
      if (!known.has(member as MemberId)) unmatched.add(member)
      return (lastAcc = undefined)
    }
    let a = accs.get(member)
    if (a === undefined) {
      a = newAcc()
      accs.set(member, a)
    }
    return (lastAcc = a)
  }
  const { start, end } = spec.period
  const step = accStep(spec)
  for (const e of inputs.entries ?? ([] as ReadonlyArray<EntryLike>)) {
    if (!(e.at >= start && e.at < end)) continue
    const a = accOf(e.subject)
    if (a === undefined) continue
    step.entry(a, e)
  }
  for (const ev of inputs.events ?? ([] as ReadonlyArray<EventLike>)) {
    if (!(ev.at >= start && ev.at < end)) continue
    const a = accOf(ev.member)
    if (a === undefined) continue
    step.event(a, ev)
  }
  const m = spec.metric
  if (m.kind === 'quizAccuracy') for (const a of accs.values()) step.finish(a)
  if (m.kind === 'host' && m.of !== 'units') {
    const table = inputs.host?.[m.name] ?? {}
    for (const [subject, v] of Object.entries(table)) {
      const a = accOf(subject)
      if (a === undefined) continue
      a.active = true
      a.value = v
      a.count = 1
    }
  }
  return accs
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

type MutableFigures = Record<string, number>

/**
 * Compute a board. The spec is checked first (unknown metric or scope, a
 * period that ends before it starts, an empty scope, options that do not fit
 * the subjects): any problem, and nothing is computed.
 *
 * @category constructors
 * @example
 * const r = computeBoard({ subjects: 'members', metric: { kind: 'points', account: 'study' }, period: allTime() })({ org, entries })
 * E.isRight(r) && r.right.rows.map((x) => [x.subject, x.rank]) // => [['m2', 1], ['m1', 2], ['m3', 3]]
 */
export const computeBoard =
  (spec: BoardSpec) =>
  (inputs: BoardInputs): Decoded<Board> => {
    const subjects = boardSubjects(spec, inputs)
    if (E.isLeft(subjects)) return subjects
    const unmatched = new Set<string>()
    const accs = accumulateBoard(spec, inputs, new Set<string>(subjects.right.memberIds), unmatched)
    return boardFromAccs(spec, inputs, subjects.right, accs, unmatched)
  }

/** A spec checked against its inputs, and the subjects it ranks (internal: the first step of `computeBoard`). */
export const boardSubjects = (spec: BoardSpec, inputs: BoardInputs): Decoded<BoardSubjects> => {
  const problems = checkSpec(spec, inputs)
  if (problems.length > 0) return E.left(problems)
  const { org } = inputs
  const memberIds: ReadonlyArray<MemberId> = spec.scope === undefined ? org.members.map((m) => m.id) : membersOf(org, spec.scope)
  const units: ReadonlyArray<UnitId> =
    spec.subjects === 'members'
      ? []
      : spec.unitKind !== undefined
        ? (spec.scope === undefined ? org.units.map((u) => u.id) : subtreeUnits(org, spec.scope)).filter((u) => org.unitById.get(u)?.kind === spec.unitKind)
        : (spec.scope === undefined ? org.roots : [spec.scope]).flatMap((u) => org.children.get(u) ?? [])
  if ((spec.subjects === 'members' ? memberIds.length : units.length) === 0) {
    const what = spec.subjects === 'members' ? text('a scope with at least one member', '至少含一名成员的范围') : text('a scope with at least one unit to rank', '至少含一个可排名单位的范围')
    return E.left([problem('range', at(['scope']), what, spec.scope ?? '(whole tree)')])
  }
  return E.right({ memberIds, units })
}

/** The subjects a board ranks: the members in its scope, and the units when it ranks units. */
export interface BoardSubjects {
  readonly memberIds: ReadonlyArray<MemberId>
  readonly units: ReadonlyArray<UnitId>
}

/**
 * A checked spec's board from its members' accumulated figures (internal: a
 * run that keeps `accs` per member brings a board up to date by accumulating
 * only the members whose entries changed, then ranking again).
 */
export const boardFromAccs = (
  spec: BoardSpec,
  inputs: BoardInputs,
  subjects: BoardSubjects,
  accs: ReadonlyMap<string, Acc>,
  unmatched: ReadonlySet<string>
): Decoded<Board> => {
    const { org } = inputs
    const { memberIds, units } = subjects
    const days = spec.period.endDay - spec.period.firstDay
    const perDay = spec.perDay === true
    const min = spec.minParticipation ?? 0
    const inactive = spec.inactive ?? 'rank'
    const m = spec.metric
    const scored: Array<Scored> = []
    const excluded: Array<Excluded> = []
    const place = (subject: string, label: string | undefined, value: number, count: number, figures: MutableFigures): void => {
      figures['value'] = value
      if (perDay) figures['days'] = days
      const base = label === undefined ? { subject } : { subject, label }
      if (count === 0 && inactive === 'exclude') excluded.push({ ...base, reason: 'no-activity', figures })
      else if (count > 0 && count < min) excluded.push({ ...base, reason: 'below-minimum', figures })
      else scored.push({ ...base, score: perDay ? value / days : value, figures })
    }
    if (spec.subjects === 'members') {
      for (const id of memberIds) {
        const a = accs.get(id) ?? newAcc()
        const figures: MutableFigures = { count: a.count }
        if (m.kind === 'quizAccuracy') {
          figures['correct'] = a.correct
          figures['total'] = a.total
        }
        place(id, org.memberById.get(id)?.label, a.value, a.count, figures)
      }
    } else {
      const unitTable = m.kind === 'host' && m.of === 'units' ? (inputs.host?.[m.name] ?? {}) : undefined
      const aggregate = spec.aggregate ?? 'sum'
      for (const u of units) {
        const label = org.unitById.get(u)?.label
        const ms = membersOf(org, u)
        const figures: MutableFigures = { members: ms.length }
        if (ms.length === 0) {
          excluded.push({ subject: u, ...(label === undefined ? {} : { label }), reason: 'no-members', figures })
          continue
        }
        let active = 0
        let participants = 0
        let total = 0
        let qualified = 0
        for (const id of ms) {
          const a = accs.get(id)
          if (a === undefined) continue
          if (a.active) active++
          if (a.count > 0) participants++
          total += a.value
        }
        if (m.kind === 'aboveDailyMin') {
          // A day without entries counts as 0 points that day.
          for (const id of ms) {
            const seen = accs.get(id)?.days
            let ok = 0
            let below = 0
            for (const v of seen?.values() ?? []) {
              if (v >= m.min) ok++
              else below++
            }
            if (m.min <= 0 ? below === 0 : ok === days) qualified++
          }
        }
        figures['active'] = active
        figures['participants'] = participants
        let value: number
        let count: number
        if (unitTable !== undefined) {
          const v = Object.prototype.hasOwnProperty.call(unitTable, u) ? unitTable[u] : undefined
          value = v ?? 0
          count = v === undefined ? 0 : 1
        } else if (m.kind === 'participation') {
          value = active / ms.length
          count = active
        } else if (m.kind === 'aboveDailyMin') {
          figures['qualified'] = qualified
          value = qualified / ms.length
          count = participants
        } else {
          figures['total'] = total
          value = aggregate === 'sum' ? total : aggregate === 'perCapita' ? total / ms.length : participants === 0 ? 0 : total / participants
          count = participants
        }
        place(u, label, value, count, figures)
      }
    }
    const ranked = rankScores({
      scheme: spec.ties ?? 'competition',
      order: spec.order ?? 'desc',
      tieBreakers: spec.tieBreakers ?? [],
      assumeUnique: true // ids from the checked organisation tree
    })(scored)
    if (E.isLeft(ranked)) {
      // Non-finite figures from the host table: say which subject, at the metric.
      return E.left(ranked.left.map((p) => ({ ...p, at: at(['metric']), received: text(`${scored[Number((p.at._tag === 'JsonPath' ? p.at.segments[0] : 0) ?? 0)]?.subject}: ${p.received.en}`, p.received.zh) })))
    }
    const board: Board = {
      _tag: 'Board',
      ...(spec.id === undefined ? {} : { id: spec.id }),
      subjects: spec.subjects,
      metric: spec.metric,
      period: spec.period.key,
      ...(spec.scope === undefined ? {} : { scope: spec.scope }),
      ...ranked.right,
      excluded,
      unmatched: spec.scope === undefined ? [...unmatched].sort() : []
    }
    return E.right(board)
  }
