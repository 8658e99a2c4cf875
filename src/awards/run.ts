/**
 * Running a programme: each category in dependency order (an award named by
 * a tiered criterion, or earlier in an exclusivity group, is decided first),
 * figures computed for its period and cut-off, criteria tested, winners
 * selected, and every winner, pending tie and near miss explained.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import {
  at,
  membersOf,
  parsePeriodKey,
  periodOf,
  problem,
  subtreeUnits,
  text,
  withPrefix,
  type Decoded,
  type Instant,
  type Member,
  type MemberId,
  type OrgTree,
  type Period,
  type Problem,
  type Text,
  type UnitId,
  type Zone
} from '../core/index.js'
import { computeBoard, previousPeriod, redBlack, type EntryLike, type EventLike, type HostMetrics } from '../ranking/index.js'
import { compileCriterion, criterionAwards, criterionFacts, explainCriterion, fmtFigure, type CriteriaEnv } from './criteria.js'
import { memberFigures, splitFigure, subTable, unitFigures, unitMemberFacts, type BoardFigures, type FigureContext, type FigureTable } from './figures.js'
import type { AwardCategory, AwardDecision, AwardProgramme, AwardResult, AwardRun, DecisionReason } from './model.js'
import { selectColumns, selectionOutcomeAt, type SelectionOutcome } from './select.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * What a run reads: the organisation tree, ledger entries, activity events,
 * host tables, and the instant whose periods are awarded.
 *
 * @category model
 * @example
 * const inputs: AwardInputs = { org, entries: allEntries(book), events, host: { skills: { m1: 92 } }, at: instantOrThrow('2021-09-30T12:00:00+08:00') }
 */
export interface AwardInputs {
  readonly org: OrgTree
  readonly entries?: ReadonlyArray<EntryLike>
  readonly events?: ReadonlyArray<EventLike>
  readonly host?: HostMetrics
  readonly at: Instant
  /** Figures computed before (by `awardFigures` for the same programme, instant and data): reused, not recomputed. */
  readonly figures?: AwardFigures
}

/**
 * The figures a run reads, computed once: member figures per period and
 * cut-off, and the boards criteria name. Pass them back in `AwardInputs.figures`
 * to run again (other quotas, a draft programme with the same figures) without recomputing.
 *
 * @category model
 * @example
 * const f = awardFigures(programme)(inputs); E.isRight(f) && runAwards(programme)({ ...inputs, figures: f.right })
 */
export interface AwardFigures {
  readonly _tag: 'AwardFigures'
  readonly members: ReadonlyMap<string, FigureTable>
  readonly boards: ReadonlyMap<string, BoardFigures>
}

// -------------------------------------------------------------------------------------
// order
// -------------------------------------------------------------------------------------

/**
 * The order categories are decided in: an award named by a `WinnerOf`
 * criterion, or earlier in an exclusivity group, comes first; otherwise
 * programme order. A cycle is a `conflict` problem at `awards[i]`.
 *
 * @category utilities
 * @example
 * awardOrder(programme) // => right(['learning-activist', 'learning-model', 'learning-star'])
 */
export const awardOrder = (p: Pick<AwardProgramme, 'awards' | 'exclusive'>): Decoded<ReadonlyArray<string>> => {
  const ids = p.awards.map((a) => a.id)
  const before = new Map<string, Set<string>>(ids.map((id) => [id, new Set<string>()]))
  p.awards.forEach((a) => {
    for (const dep of criterionAwards(a.criteria)) if (before.has(dep) && dep !== a.id) before.get(a.id)?.add(dep)
  })
  for (const group of p.exclusive) {
    group.forEach((id, k) => {
      for (const earlier of group.slice(0, k)) if (before.has(earlier) && earlier !== id) before.get(id)?.add(earlier)
    })
  }
  const order: Array<string> = []
  const done = new Set<string>()
  while (order.length < ids.length) {
    const next = ids.find((id) => !done.has(id) && [...(before.get(id) ?? [])].every((d) => done.has(d)))
    if (next === undefined) {
      const stuck = ids.filter((id) => !done.has(id))
      const i = ids.indexOf(stuck[0] as string)
      return E.left([
        problem(
          'conflict',
          at(['awards', i]),
          text('awards whose tiers and exclusivity priorities do not go round in a circle', '层级与互斥优先级不成环的奖项'),
          `cycle among ${stuck.join(', ')}`
        )
      ])
    }
    done.add(next)
    order.push(next)
  }
  return E.right(order)
}

// -------------------------------------------------------------------------------------
// one category
// -------------------------------------------------------------------------------------

const periodFor = (a: AwardCategory, at_: Instant, z: Zone): E.Either<Problem, Period> =>
  typeof a.period === 'string' ? E.right(periodOf(a.period, at_, z)) : parsePeriodKey(a.period.key, z, ['period'])

const byText = (a: AwardCategory): string =>
  a.by.length === 1 && a.by[0]?.weight === 1 ? a.by[0].fact : a.by.map((t) => `${t.weight}×${t.fact}`).join(' + ')

const REASON: Readonly<Record<DecisionReason, Text>> = {
  selected: text('selected', '入选'),
  'tie-included': text('selected, tied at the quota boundary (all tied included)', '入选（名额边界并列，全部入选）'),
  fallback: text("put forward as its unit's best (nobody in the unit met the threshold)", '作为本单位最高者推荐（本单位无人达到门槛）'),
  'tie-flagged': text('tied at the quota boundary: awaiting an admin decision', '名额边界并列：待管理员决定'),
  'tie-broken': text('tied on score, placed after by the tie-breaker chain', '分数并列，按并列规则排后'),
  'over-quota': text('outside the quota', '超出名额'),
  'unit-quota': text("the unit's quota was already filled", '所在单位名额已满'),
  'below-threshold': text('below the threshold', '未达门槛'),
  'below-band': text('below the lowest grade band', '低于最低等级'),
  criteria: text('did not meet the criteria', '不符合条件'),
  exclusive: text('already holds an award with priority', '已获优先奖项')
}

const decisionText = (o: SelectionOutcome, reason: DecisionReason, score: number, by: string, grade?: string): Text => {
  const s = Number.isNaN(score) ? 'none' : fmtFigure(score)
  const r = REASON[reason]
  const rank = o.rank === undefined ? '' : `rank ${o.rank} of ${o.of ?? 0}, `
  const rankZh = o.rank === undefined ? '' : `第 ${o.rank} 名（共 ${o.of ?? 0} 名），`
  const g = grade === undefined ? '' : `, grade ${grade}`
  const gz = grade === undefined ? '' : `，等级 ${grade}`
  return text(`${r.en}: ${rank}${by} = ${s}${g}`, `${r.zh}：${rankZh}${by} = ${s}${gz}`)
}

interface Context {
  readonly programme: AwardProgramme
  readonly inputs: AwardInputs
  readonly winners: Map<string, Set<string>>
  readonly boardCache: Map<string, BoardFigures>
  /** Member figures every category of a (period, cut-off) needs, computed once for all members. */
  readonly plan: ReadonlyMap<string, ReadonlySet<string>>
  readonly memberTables: Map<string, FigureTable>
  readonly sizeOfUnit: (u: UnitId) => number
}

const sizesCache = (org: OrgTree): ((u: UnitId) => number) => {
  // the number of members in a unit's whole subtree, counted without listing them
  const cache = new Map<UnitId, number>()
  return (u) => {
    let size = cache.get(u)
    if (size === undefined) {
      size = 0
      for (const v of subtreeUnits(org, u)) size += org.direct.get(v)?.length ?? 0
      cache.set(u, size)
    }
    return size
  }
}

const planKey = (period: Period, cutoff: Instant | undefined): string => `${period.key}|${cutoff ?? ''}`

const categoryFacts = (a: AwardCategory): ReadonlyArray<string> => [
  ...new Set([...criterionFacts(a.criteria), ...a.by.map((t) => t.fact), ...(a.tieBreakers ?? []).map((t) => t.fact)])
]
const isBoardFact = (kind: string): boolean => kind === 'rank' || kind === 'score' || kind === 'red' || kind === 'black'

const boardFigures = (ctx: Context, id: string, period: Period, cutoff: Instant | undefined): Decoded<BoardFigures> => {
  const b = ctx.programme.boards[id]
  if (b === undefined) return E.left([problem('reference', at(['boards', id]), text('a board defined in boards', 'boards 中定义的榜单'), id)])
  const spec = b.followsAward ? { ...b.spec, period } : b.spec
  const cacheKey = `${id}|${spec.period.key}|${cutoff ?? ''}`
  const hit = ctx.boardCache.get(cacheKey)
  if (hit !== undefined) return E.right(hit)
  const keep = <A extends { readonly at: number }>(xs: ReadonlyArray<A> | undefined): ReadonlyArray<A> | undefined =>
    xs === undefined || cutoff === undefined ? xs : xs.filter((x) => x.at < cutoff)
  const { org, host } = ctx.inputs
  const entries = keep(ctx.inputs.entries)
  const events = keep(ctx.inputs.events)
  const board = computeBoard(spec)({ org, ...(entries === undefined ? {} : { entries }), ...(events === undefined ? {} : { events }), ...(host === undefined ? {} : { host }) })
  if (E.isLeft(board)) return E.left(withPrefix(['boards', id])(board.left))
  let red = new Set<string>()
  let black = new Set<string>()
  if (b.lists !== undefined) {
    const l = redBlack(b.lists)(board.right)
    if (E.isLeft(l)) return E.left(withPrefix(['boards', id, 'lists'])(l.left))
    red = new Set(l.right.red.map((x) => x.subject))
    black = new Set(l.right.black.map((x) => x.subject))
  }
  const made: BoardFigures = {
    rank: new Map(board.right.rows.map((r) => [r.subject, r.rank])),
    score: new Map(board.right.rows.map((r) => [r.subject, r.score])),
    red,
    black
  }
  ctx.boardCache.set(cacheKey, made)
  return E.right(made)
}

const nearestOfKind = (org: OrgTree, unit: UnitId, kind: string): UnitId | undefined => {
  let cur: UnitId | undefined = unit
  while (cur !== undefined) {
    const u = org.unitById.get(cur)
    if (u === undefined) return undefined
    if (u.kind === kind) return cur
    cur = u.parent
  }
  return undefined
}

interface Prepared {
  readonly period: Period
  readonly facts: ReadonlyArray<string>
  readonly fctx: FigureContext
  readonly shared: FigureTable
}

// The period, boards and shared member figures of a category (computed once per period and cut-off).
const prepare = (ctx: Context, a: AwardCategory, index: number): Decoded<Prepared> => {
  const { org } = ctx.inputs
  const z = ctx.programme.zone as Zone
  const pr = periodFor(a, ctx.inputs.at, z)
  if (E.isLeft(pr)) return E.left(withPrefix(['awards', index])([pr.left]))
  const period = pr.right
  const prev = previousPeriod(period)
  const facts = categoryFacts(a)
  const key = planKey(period, a.cutoff)
  const union = ctx.plan.get(key) ?? new Set(facts)
  const boards = new Map<string, BoardFigures>()
  for (const f of [...union, ...facts]) {
    const [kind, arg] = splitFigure(f)
    if (arg !== undefined && isBoardFact(kind) && !boards.has(arg)) {
      const b = boardFigures(ctx, arg, period, a.cutoff)
      if (E.isLeft(b)) return b
      boards.set(arg, b.right)
    }
  }
  const fctx: FigureContext = {
    org,
    period,
    boards,
    ...(ctx.inputs.entries === undefined ? {} : { entries: ctx.inputs.entries }),
    ...(ctx.inputs.events === undefined ? {} : { events: ctx.inputs.events }),
    ...(ctx.inputs.host === undefined ? {} : { host: ctx.inputs.host }),
    ...(E.isRight(prev) ? { previous: prev.right } : {}),
    ...(a.cutoff === undefined ? {} : { cutoff: a.cutoff }),
    ...(ctx.programme.violationTypes === undefined ? {} : { violationTypes: ctx.programme.violationTypes })
  }
  let shared = ctx.memberTables.get(key)
  if (shared === undefined) {
    shared = memberFigures([...union], fctx, org.members.map((m) => m.id))
    ctx.memberTables.set(key, shared)
  }
  return E.right({ period, facts, fctx, shared })
}

const runCategory = (ctx: Context, a: AwardCategory, index: number): Decoded<AwardResult> => {
  const { org } = ctx.inputs
  const prepared = prepare(ctx, a, index)
  if (E.isLeft(prepared)) return prepared
  const { period, facts, fctx, shared } = prepared.right
  // candidates
  const excluded = new Set(a.excludeRoles ?? [])
  let subjects: ReadonlyArray<string>
  let table: FigureTable
  let records: ReadonlyArray<Member> | undefined
  if (a.subjects === 'members') {
    const all = a.scope === undefined ? org.members : membersOf(org, a.scope).map((m) => org.memberById.get(m) as Member)
    records = excluded.size === 0 ? all : all.filter((m) => !(m.roles ?? []).some((r) => excluded.has(r)))
    subjects = records.map((m) => m.id)
    // a candidate table needs only the columns this category reads (the shared one holds the whole period's)
    const own = new Map<string, Float64Array>()
    for (const f of facts) {
      const col = shared.columns.get(f)
      if (col !== undefined) own.set(f, col)
    }
    table = subTable({ ...shared, columns: own }, subjects)
  } else {
    const pool = a.scope === undefined ? org.units.map((u) => u.id) : subtreeUnits(org, a.scope)
    const us = pool.filter((u) => a.unitKind === undefined || org.unitById.get(u)?.kind === a.unitKind)
    subjects = us
    // each competing unit's members (its whole subtree) in one pass over the members
    const target = new Set<UnitId>(us)
    const up = new Map<UnitId, ReadonlyArray<UnitId>>() // unit → the competing units it lies under (nested kinds allowed)
    const under = (u: UnitId): ReadonlyArray<UnitId> => {
      let xs = up.get(u)
      if (xs === undefined) {
        const parent = org.unitById.get(u)?.parent
        xs = [...(target.has(u) ? [u] : []), ...(parent === undefined ? [] : under(parent))]
        up.set(u, xs)
      }
      return xs
    }
    const groups = new Map<UnitId, Array<MemberId>>(us.map((u) => [u, []]))
    for (const m of org.members) for (const u of under(m.unit)) groups.get(u)?.push(m.id)
    table = unitFigures(facts, fctx, us, (u) => groups.get(u) ?? [], shared)
  }
  const n = subjects.length
  const env: CriteriaEnv = { table, org, subjects: a.subjects, winners: ctx.winners, ...(records === undefined ? {} : { records }) }
  const test = compileCriterion(a.criteria)(env)
  // exclusivity: winners of awards with priority in a shared group
  const blocked = new Set<string>()
  for (const group of ctx.programme.exclusive) {
    const k = group.indexOf(a.id)
    for (const earlier of k < 0 ? [] : group.slice(0, k)) for (const s of ctx.winners.get(earlier) ?? []) blocked.add(s)
  }
  const terms = a.by.map((t) => [table.columns.get(t.fact) as Float64Array, t.weight] as const)
  const chains = (a.tieBreakers ?? []).map((t) => [table.columns.get(t.fact) as Float64Array, t.order === 'asc' ? 1 : -1] as const)
  const nearest = new Map<UnitId, UnitId | undefined>()
  const quotaUnitOf = (s: string, i: number): string | undefined => {
    if (a.perUnit === undefined) return undefined
    const unit = records !== undefined ? records[i]?.unit : (s as UnitId)
    if (unit === undefined) return undefined
    const hit = nearest.get(unit)
    if (hit !== undefined || nearest.has(unit)) return hit
    const found = nearestOfKind(org, unit, a.perUnit.unitKind)
    nearest.set(unit, found)
    return found
  }
  const scores = new Float64Array(n)
  const eligibleCol = new Uint8Array(n)
  const passed = new Uint8Array(n)
  const width = chains.length
  const chainCol = new Float64Array(n * width)
  const units: Array<string | undefined> | undefined = a.perUnit === undefined ? undefined : new Array<string | undefined>(n)
  // plain indexed loops over the columns (this runs once per candidate and category)
  const termCols = terms.map((t) => t[0])
  const termWeights = terms.map((t) => t[1])
  const chainCols = chains.map((t) => t[0])
  const chainSigns = chains.map((t) => t[1])
  const single = termCols.length === 1 && termWeights[0] === 1 ? termCols[0] : undefined
  for (let i = 0; i < n; i++) {
    let score = 0
    if (single !== undefined) score = single[i] as number
    else for (let t = 0; t < termCols.length; t++) score += (termWeights[t] as number) * ((termCols[t] as Float64Array)[i] as number)
    scores[i] = score
    const ok = test(i)
    passed[i] = ok ? 1 : 0
    eligibleCol[i] = ok && (blocked.size === 0 || !blocked.has(subjects[i] as string)) ? 1 : 0
    if (units !== undefined) units[i] = quotaUnitOf(subjects[i] as string, i)
    for (let k = 0; k < width; k++) chainCol[i * width + k] = (chainSigns[k] as number) * ((chainCols[k] as Float64Array)[i] as number)
  }
  const perUnit = a.perUnit
  const sizes = new Map<string, number>()
  const unitQuota =
    perUnit === undefined
      ? undefined
      : (u: string): number => {
          let size = sizes.get(u)
          if (size === undefined) {
            size = a.subjects === 'members' ? ctx.sizeOfUnit(u as UnitId) : (org.children.get(u as UnitId) ?? []).length
            sizes.set(u, size)
          }
          const byPercent = perUnit.percent === undefined ? Infinity : Math.max(1, Math.floor((size * perUnit.percent) / 100))
          return Math.min(perUnit.max ?? Infinity, byPercent)
        }
  const cols = selectColumns({
    selection: a.selection,
    order: a.order ?? 'desc',
    ties: a.ties ?? 'includeAll',
    ...(unitQuota === undefined ? {} : { unitQuota }),
    ...(perUnit?.fallback === true ? { fallback: true } : {})
  })({ n, score: scores, eligible: eligibleCol, chains: chainCol, width, subject: (i) => subjects[i] as string, quotaUnit: (i) => units?.[i] })
  const by = byText(a)
  const label = (s: string): string | undefined => (a.subjects === 'members' ? org.memberById.get(s as MemberId)?.label : org.unitById.get(s as UnitId)?.label)
  const explain = explainCriterion(a.criteria)(env)
  const decide = (i: number): AwardDecision => {
    const o = selectionOutcomeAt(cols, i)
    const subject = subjects[i] as string
    const score = scores[i] as number
    const quotaUnit = units?.[i]
    const reason: DecisionReason = o.reason === 'criteria' && passed[i] === 1 ? 'exclusive' : o.reason
    const l = label(subject)
    const d: AwardDecision = {
      subject,
      ...(l === undefined ? {} : { label: l }),
      outcome: o.outcome,
      reason,
      ...(o.rank === undefined ? {} : { rank: o.rank, of: o.of ?? 0 }),
      ...(Number.isNaN(score) ? {} : { score }),
      ...(o.grade === undefined ? {} : { grade: o.grade }),
      ...(quotaUnit === undefined ? {} : { quotaUnit }),
      criteria: explain(i),
      text: decisionText(o, reason, score, by, o.grade)
    }
    return d
  }
  const won: Array<number> = []
  const pend: Array<number> = []
  const missEligible: Array<number> = []
  const missOther: Array<number> = []
  for (let i = 0; i < n; i++) {
    const o = cols.outcome[i]
    if (o === 1) won.push(i)
    else if (o === 2) pend.push(i)
    else if (!Number.isNaN(cols.rank[i] as number)) missEligible.push(i)
    else if (!Number.isNaN(scores[i] as number)) missOther.push(i)
  }
  const sign = (a.order ?? 'desc') === 'desc' ? -1 : 1
  const byRank = (x: number, y: number): number => {
    const rx = cols.position[x] as number
    const ry = cols.position[y] as number
    const sx = subjects[x] as string
    const sy = subjects[y] as string
    return rx - ry || (sx < sy ? -1 : sx > sy ? 1 : 0)
  }
  const byScore = (x: number, y: number): number => {
    const d = sign * ((scores[x] as number) - (scores[y] as number))
    const sx = subjects[x] as string
    const sy = subjects[y] as string
    return d || (sx < sy ? -1 : sx > sy ? 1 : 0)
  }
  const k = a.nearMisses ?? 3
  const near = [...topK(missEligible, k, byRank), ...topK(missOther, k, byScore)]
  const winners = won.sort(byRank).map(decide)
  ctx.winners.set(a.id, new Set(winners.map((w) => w.subject)))
  return E.right({
    _tag: 'AwardResult',
    award: a.id,
    label: a.label,
    period: period.key,
    subjects: a.subjects,
    candidates: n,
    eligible: cols.of,
    winners,
    pending: pend.sort(byRank).map(decide),
    nearMisses: near.map(decide)
  })
}

const topK = (xs: Array<number>, k: number, cmp: (a: number, b: number) => number): Array<number> => {
  const out: Array<number> = []
  for (const x of xs) {
    if (out.length < k) {
      out.push(x)
      out.sort(cmp)
    } else if (k > 0 && cmp(x, out[k - 1] as number) < 0) {
      out[k - 1] = x
      out.sort(cmp)
    }
  }
  return out
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

const planOf = (programme: AwardProgramme, at_: Instant): ReadonlyMap<string, ReadonlySet<string>> => {
  const plan = new Map<string, Set<string>>()
  for (const a of programme.awards) {
    const pr = periodFor(a, at_, programme.zone as Zone)
    if (E.isLeft(pr)) continue // reported by the category itself
    const key = planKey(pr.right, a.cutoff)
    const facts = categoryFacts(a)
    const set = plan.get(key) ?? new Set<string>()
    for (const f of a.subjects === 'members' ? facts : [...unitMemberFacts(facts), ...facts.filter((x) => isBoardFact(splitFigure(x)[0]))]) set.add(f)
    plan.set(key, set)
  }
  return plan
}

/**
 * Compute the figures a run of a programme reads (see `AwardFigures`), with the same checks as `runAwards`.
 *
 * @category constructors
 * @example
 * const figures = awardFigures(programme)({ org, entries, host, at })
 * E.isRight(figures) && runAwards(programme)({ org, host, at, figures: figures.right })
 */
export const awardFigures =
  (programme: AwardProgramme) =>
  (inputs: AwardInputs): Decoded<AwardFigures> => {
    const ctx: Context = { programme, inputs, winners: new Map(), boardCache: new Map(), plan: planOf(programme, inputs.at), memberTables: new Map(), sizeOfUnit: sizesCache(inputs.org) }
    for (let i = 0; i < programme.awards.length; i++) {
      const r = prepare(ctx, programme.awards[i] as AwardCategory, i)
      if (E.isLeft(r)) return r
    }
    return E.right({ _tag: 'AwardFigures', members: ctx.memberTables, boards: ctx.boardCache })
  }

/**
 * Run every category of a programme for the periods holding `inputs.at`.
 * Problems (an unknown scope, a board that cannot be computed, a cycle of
 * tiers and priorities) come back with their paths and nothing is decided.
 *
 * @category constructors
 * @example
 * const r = runAwards(programme)({ org, entries, events, at: instantOrThrow('2021-09-30T12:00:00+08:00') })
 * E.isRight(r) && r.right.results[0]?.winners.map((w) => [w.subject, w.rank, w.text.en])
 * // => [['m7', 1, 'selected: rank 1 of 120, points:study = 812']]
 */
export const runAwards =
  (programme: AwardProgramme) =>
  (inputs: AwardInputs): Decoded<AwardRun> => {
    const ps: Array<Problem> = []
    programme.awards.forEach((a, i) => {
      if (a.scope !== undefined && !inputs.org.unitById.has(a.scope)) {
        ps.push(problem('reference', at(['awards', i, 'scope']), text('the id of a unit in the organisation', '组织中某单位的标识'), a.scope))
      }
    })
    const order = awardOrder(programme)
    if (E.isLeft(order)) ps.push(...order.left)
    if (ps.length > 0 || E.isLeft(order)) return E.left(ps)
    const plan = planOf(programme, inputs.at)
    const ctx: Context = {
      programme,
      inputs,
      winners: new Map(),
      boardCache: new Map(inputs.figures?.boards ?? []),
      plan,
      memberTables: new Map(inputs.figures?.members ?? []),
      sizeOfUnit: sizesCache(inputs.org)
    }
    const byId = new Map<string, AwardResult>()
    for (const id of order.right) {
      const i = programme.awards.findIndex((a) => a.id === id)
      const r = runCategory(ctx, programme.awards[i] as AwardCategory, i)
      if (E.isLeft(r)) return r
      byId.set(id, r.right)
    }
    return E.right({ _tag: 'AwardRun', at: inputs.at, results: programme.awards.map((a) => byId.get(a.id) as AwardResult) })
  }
