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
  type UnitKind,
  type Zone
} from '../core/index.js'
import { computeBoard, previousPeriod, redBlack, type EntryLike, type EventLike, type HostMetrics } from '../ranking/index.js'
import { compileCriterion, criterionAwards, criterionFacts, explainCriterion, fmtFigure, type CriteriaEnv } from './criteria.js'
import { memberFigures, splitFigure, subTable, unitFigures, unitFiguresOfRows, unitMemberFacts, type BoardFigures, type FigureContext, type FigureTable } from './figures.js'
import type { AwardCategory, AwardDecision, AwardProgramme, AwardResult, AwardRun, DecisionReason } from './model.js'
import type { SelectionOutcome } from './select.js'
import { PENDING, REASONS, WON, selectPool, type Keys } from './selector.js'

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
  /** Whether a member table's rows are `org.members` in order (see `alignedWith`). */
  readonly aligned: Map<FigureTable, boolean>
  /** Made on first use: each member's unit as an index into `org.units` (see `memberUnitsOf`). */
  readonly orgIndex: {
    unitIndex?: ReadonlyMap<UnitId, number>
    memberUnits?: Int32Array
    /** Per unit kind: each unit's quota unit by number (see `quotaUnitsOf`). */
    quota?: Map<UnitKind, { readonly byIndex: Int32Array; readonly names: ReadonlyArray<UnitId | undefined>; readonly numberOf: ReadonlyMap<UnitId | undefined, number> }>
  }
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

// Units by their index in `org.units`, and each member's unit as such an index (−1: not in the tree):
// one pass of string lookups per run, instead of one per category that needs a member's unit.
const unitIndexOf = (ctx: Context): ReadonlyMap<UnitId, number> => {
  if (ctx.orgIndex.unitIndex === undefined) ctx.orgIndex.unitIndex = new Map(ctx.inputs.org.units.map((u, i) => [u.id, i]))
  return ctx.orgIndex.unitIndex
}
const memberUnitsOf = (ctx: Context): Int32Array => {
  if (ctx.orgIndex.memberUnits === undefined) {
    const { members } = ctx.inputs.org
    const index = unitIndexOf(ctx)
    const out = new Int32Array(members.length)
    for (let k = 0; k < members.length; k++) out[k] = index.get((members[k] as Member).unit) ?? -1
    ctx.orgIndex.memberUnits = out
  }
  return ctx.orgIndex.memberUnits
}

const isAligned = (ctx: Context, table: FigureTable): boolean => {
  let aligned = ctx.aligned.get(table)
  if (aligned === undefined) {
    aligned = alignedWith(table, ctx.inputs.org.members)
    ctx.aligned.set(table, aligned)
  }
  return aligned
}

// Whether a member table's rows are the organisation's members in order (then a row is a member's
// place in `org.members`, and candidates read the shared table directly instead of a copy of it).
const alignedWith = (table: FigureTable, members: ReadonlyArray<Member>): boolean => {
  if (table.subjects.length !== members.length) return false
  for (let r = 0; r < members.length; r++) if (table.subjects[r] !== (members[r] as Member).id) return false
  return true
}

// The candidates of a category and where their figures are: `row(i)` of `table` (criteria read
// `records` by the same row).
interface Candidates {
  readonly n: number
  readonly subject: (i: number) => string
  readonly table: FigureTable
  readonly rows: Int32Array | undefined // undefined: row i is candidate i
  readonly records: ReadonlyArray<Member> | undefined // by table row
  readonly own: (i: number) => UnitId // each candidate's own unit (for quotas)
  readonly ownIndex?: (i: number) => number // the same as an index into `org.units`, when at hand
}

const memberCandidates = (ctx: Context, a: AwardCategory, facts: ReadonlyArray<string>, shared: FigureTable): Candidates => {
  const { org } = ctx.inputs
  const excluded = new Set(a.excludeRoles ?? [])
  const kept = (m: Member): boolean => {
    if (excluded.size === 0 || m.roles === undefined) return true
    for (const r of m.roles) if (excluded.has(r)) return false
    return true
  }
  if (isAligned(ctx, shared)) {
    // every member is a row of the shared table (its place in org.members): read it in place
    const memberUnits = a.perUnit === undefined ? undefined : memberUnitsOf(ctx)
    const { members } = org
    if (a.scope === undefined && excluded.size === 0) {
      const ownIndex = memberUnits === undefined ? {} : { ownIndex: (i: number) => memberUnits[i] as number }
      return { n: members.length, subject: (i) => shared.subjects[i] as string, table: shared, rows: undefined, records: members, own: (i) => (members[i] as Member).unit, ...ownIndex }
    }
    let rows: Int32Array
    if (a.scope === undefined) {
      const all = new Int32Array(members.length)
      let c = 0
      for (let k = 0; k < members.length; k++) if (kept(members[k] as Member)) all[c++] = k
      rows = all.subarray(0, c)
    } else {
      const ids = membersOf(org, a.scope).filter((m) => kept(org.memberById.get(m) as Member))
      rows = Int32Array.from(ids, (m) => shared.index.get(m) as number)
    }
    const ownIndex = memberUnits === undefined ? {} : { ownIndex: (i: number) => memberUnits[rows[i] as number] as number }
    return {
      n: rows.length,
      subject: (i) => shared.subjects[rows[i] as number] as string,
      table: shared,
      rows,
      records: members,
      own: (i) => (members[rows[i] as number] as Member).unit,
      ...ownIndex
    }
  }
  // figures the host computed for another member list: a table of the candidates' own rows
  const all = a.scope === undefined ? org.members : membersOf(org, a.scope).map((m) => org.memberById.get(m) as Member)
  const records = excluded.size === 0 ? all : all.filter(kept)
  const subjects = records.map((m) => m.id)
  const columns = new Map<string, Float64Array>()
  for (const f of facts) {
    const col = shared.columns.get(f)
    if (col !== undefined) columns.set(f, col)
  }
  const table = subTable({ ...shared, columns }, subjects)
  return { n: subjects.length, subject: (i) => subjects[i] as string, table, rows: undefined, records, own: (i) => (records[i] as Member).unit }
}

const unitCandidates = (ctx: Context, a: AwardCategory, facts: ReadonlyArray<string>, fctx: FigureContext, shared: FigureTable): Candidates => {
  const { org } = ctx.inputs
  const pool = a.scope === undefined ? org.units.map((u) => u.id) : subtreeUnits(org, a.scope)
  const us = pool.filter((u) => a.unitKind === undefined || org.unitById.get(u)?.kind === a.unitKind)
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
  const unitIndex = unitIndexOf(ctx)
  const ownIndex = (i: number): number => unitIndex.get(us[i] as UnitId) ?? -1
  let table: FigureTable
  if (isAligned(ctx, shared)) {
    // members as rows of the shared table (a member's row is its place in org.members): count, then fill
    const position = new Map<UnitId, number>(us.map((u, t) => [u, t]))
    const memberUnits = memberUnitsOf(ctx)
    // each unit's competing units as positions in `us`: usually one (`single`), else a list (nested kinds)
    const single = new Int32Array(org.units.length).fill(-1)
    const several = new Map<number, ReadonlyArray<number>>()
    org.units.forEach((unit, ui) => {
      const ts = under(unit.id).map((u) => position.get(u) as number)
      if (ts.length === 1) single[ui] = ts[0] as number
      else if (ts.length > 1) several.set(ui, ts)
    })
    const counts = new Int32Array(us.length)
    const rowsOf: Array<Int32Array> = []
    // two passes over the members: count, then fill
    for (let pass = 0; pass < 2; pass++) {
      for (let k = 0; k < memberUnits.length; k++) {
        const ui = memberUnits[k] as number
        if (ui < 0) continue
        const t = single[ui] as number
        if (t >= 0) {
          if (pass === 1) (rowsOf[t] as Int32Array)[counts[t] as number] = k
          counts[t] = (counts[t] as number) + 1
        } else
          for (const x of several.get(ui) ?? []) {
            if (pass === 1) (rowsOf[x] as Int32Array)[counts[x] as number] = k
            counts[x] = (counts[x] as number) + 1
          }
      }
      if (pass === 0) {
        for (const c of counts) rowsOf.push(new Int32Array(c))
        counts.fill(0)
      }
    }
    table = unitFiguresOfRows(facts, fctx, us, rowsOf, shared)
  } else {
    const groups = new Map<UnitId, Array<MemberId>>(us.map((u) => [u, []]))
    for (const m of org.members) for (const u of under(m.unit)) groups.get(u)?.push(m.id)
    table = unitFigures(facts, fctx, us, (u) => groups.get(u) ?? [], shared)
  }
  return { n: us.length, subject: (i) => us[i] as string, table, rows: undefined, records: undefined, own: (i) => us[i] as UnitId, ownIndex }
}

// The k best of the candidates 0..n-1 that `include` keeps, by a key (smaller first), then subject id: one pass, no sort.
const bestK = (n: number, include: (i: number) => boolean, k: number, key: (i: number) => number, subject: (i: number) => string): Array<number> => {
  const out: Array<number> = []
  if (k <= 0) return out
  const before = (x: number, y: number): boolean => {
    const d = key(x) - key(y)
    // NaN (two infinities) counts as a tie, as in a comparator `d || byId`
    return d < 0 || (!(d > 0) && subject(x) < subject(y))
  }
  for (let x = 0; x < n; x++) {
    if (!include(x) || (out.length === k && !before(x, out[k - 1] as number))) continue
    // insert in place, dropping the last when full
    let p = out.length < k ? out.length : k - 1
    while (p > 0 && before(x, out[p - 1] as number)) {
      out[p] = out[p - 1] as number
      p--
    }
    out[p] = x
  }
  return out
}

// Each candidate's quota unit (its nearest unit of `kind`, itself or an ancestor) by number, and the
// units by number (undefined: none of that kind). Numbers come from a table of every unit of the
// organisation, made once per run and kind, so there is no string lookup per candidate (candidates
// without their unit's index at hand look it up by id).
const quotaUnitsOf = (ctx: Context, cands: Candidates, kind: UnitKind): { readonly unit: Int32Array; readonly quotaNames: ReadonlyArray<UnitId | undefined> } => {
  const { org } = ctx.inputs
  let numbering = ctx.orgIndex.quota?.get(kind)
  if (numbering === undefined) {
    const names: Array<UnitId | undefined> = []
    const numberOf = new Map<UnitId | undefined, number>()
    const byIndex = new Int32Array(org.units.length)
    org.units.forEach((u, ui) => {
      const q = nearestOfKind(org, u.id, kind)
      let k = numberOf.get(q)
      if (k === undefined) {
        k = names.length
        numberOf.set(q, k)
        names.push(q)
      }
      byIndex[ui] = k
    })
    numbering = { byIndex, names, numberOf }
    ctx.orgIndex.quota ??= new Map()
    ctx.orgIndex.quota.set(kind, numbering)
  }
  const { byIndex } = numbering
  const quotaNames = [...numbering.names]
  const unitIndex = unitIndexOf(ctx)
  let none = numbering.numberOf.get(undefined) // the number of "no unit of that kind"
  const unit = new Int32Array(cands.n)
  for (let i = 0; i < cands.n; i++) {
    const ui = cands.ownIndex === undefined ? (unitIndex.get(cands.own(i)) ?? -1) : cands.ownIndex(i)
    if (ui >= 0) unit[i] = byIndex[ui] as number
    else {
      // a unit outside the tree has no unit of that kind either
      if (none === undefined) {
        none = quotaNames.length
        quotaNames.push(undefined)
      }
      unit[i] = none
    }
  }
  return { unit, quotaNames }
}

// Each candidate's score, whether it passed the criteria and is eligible (passed and not blocked by
// exclusivity), and the selection's keys. Candidate i reads table row
// `rows[i]` (or i). Kept small and apart from runCategory so V8 optimises its loop whole (no boxed numbers).
const scoreCandidates = (
  a: AwardCategory,
  table: FigureTable,
  n: number,
  rows: Int32Array | undefined,
  test: (row: number) => boolean,
  blocked: Uint8Array | undefined
): { readonly scores: Float64Array; readonly eligibleCol: Uint8Array; readonly passed: Uint8Array; readonly keys: Keys } => {
  const termCols = a.by.map((t) => table.columns.get(t.fact) as Float64Array)
  const termWeights = a.by.map((t) => t.weight)
  const scores = new Float64Array(n)
  const eligibleCol = new Uint8Array(n)
  const passed = new Uint8Array(n)
  const single = termCols.length === 1 && termWeights[0] === 1 ? termCols[0] : undefined
  // the selection's keys too (see selector.ts `keysOf`), saving it another pass
  const sign = (a.order ?? 'desc') === 'desc' ? -1 : 1
  const key = new Float64Array(n)
  const elig = new Int32Array(n)
  let of = 0
  for (let i = 0; i < n; i++) {
    const r = rows === undefined ? i : (rows[i] as number)
    let score = 0
    if (single !== undefined) score = single[r] as number
    else for (let t = 0; t < termCols.length; t++) score += (termWeights[t] as number) * ((termCols[t] as Float64Array)[r] as number)
    scores[i] = score
    key[i] = Number.isNaN(score) ? Infinity : sign * score
    const ok = test(r)
    passed[i] = ok ? 1 : 0
    if (ok && (blocked === undefined || blocked[r] === 0)) {
      eligibleCol[i] = 1
      elig[of++] = i
    }
  }
  return { scores, eligibleCol, passed, keys: { key, elig: elig.subarray(0, of) } }
}

const runCategory = (ctx: Context, a: AwardCategory, index: number): Decoded<AwardResult> => {
  const { org } = ctx.inputs
  const prepared = prepare(ctx, a, index)
  if (E.isLeft(prepared)) return prepared
  const { period, facts, fctx, shared } = prepared.right
  const cands = a.subjects === 'members' ? memberCandidates(ctx, a, facts, shared) : unitCandidates(ctx, a, facts, fctx, shared)
  const { n, subject: subjectOf, table, rows } = cands
  const env: CriteriaEnv = { table, org, subjects: a.subjects, winners: ctx.winners, ...(cands.records === undefined ? {} : { records: cands.records }) }
  const test = compileCriterion(a.criteria)(env)
  // exclusivity: winners of awards with priority in a shared group, marked by table row
  const blocked = new Uint8Array(table.subjects.length)
  let anyBlocked = false
  for (const group of ctx.programme.exclusive) {
    const k = group.indexOf(a.id)
    for (const earlier of k < 0 ? [] : group.slice(0, k))
      for (const s of ctx.winners.get(earlier) ?? []) {
        const r = table.index.get(s)
        if (r !== undefined) {
          blocked[r] = 1
          anyBlocked = true
        }
      }
  }
  // quota units by number (per-unit quotas count seats per number)
  const perUnit = a.perUnit
  const { unit, quotaNames } = perUnit === undefined ? { unit: undefined, quotaNames: [] } : quotaUnitsOf(ctx, cands, perUnit.unitKind)
  const { scores, eligibleCol, passed, keys } = scoreCandidates(a, table, n, rows, test, anyBlocked ? blocked : undefined)
  const sizes = new Map<number, number>()
  const seats =
    perUnit === undefined
      ? undefined
      : (u: number): number => {
          // the '' of a subject with no unit of that kind counts as a unit with no members, as before
          const name = (quotaNames[u] ?? '') as UnitId
          let size = sizes.get(u)
          if (size === undefined) {
            size = a.subjects === 'members' ? ctx.sizeOfUnit(name) : (org.children.get(name) ?? []).length
            sizes.set(u, size)
          }
          const byPercent = perUnit.percent === undefined ? Infinity : Math.max(1, Math.floor((size * perUnit.percent) / 100))
          return Math.min(perUnit.max ?? Infinity, byPercent)
        }
  // tie-breaker values, signed so smaller is better, read from the table only when ties are ordered
  const tieBreakers = a.tieBreakers ?? []
  const chainCols = tieBreakers.map((t) => table.columns.get(t.fact) as Float64Array)
  const chainSigns = tieBreakers.map((t) => (t.order === 'asc' ? 1 : -1))
  const chain = (i: number, k: number): number => (chainSigns[k] as number) * ((chainCols[k] as Float64Array)[rows === undefined ? i : (rows[i] as number)] as number)
  const sel = selectPool({
    selection: a.selection,
    order: a.order ?? 'desc',
    ties: a.ties ?? 'includeAll',
    ...(seats === undefined ? {} : { seats }),
    ...(perUnit?.fallback === true ? { fallback: true } : {})
  })({ n, score: scores, eligible: eligibleCol, chain, width: chainCols.length, subject: subjectOf, keys, ...(unit === undefined ? {} : { unit }) })
  const by = byText(a)
  const label = (s: string): string | undefined => (a.subjects === 'members' ? org.memberById.get(s as MemberId)?.label : org.unitById.get(s as UnitId)?.label)
  const explain = explainCriterion(a.criteria)(env)
  // Explanations are built only for the subjects returned: winners, pending ties and near misses.
  const decide = (i: number): AwardDecision => {
    const outcome = sel.outcome[i] === WON ? 'won' : sel.outcome[i] === PENDING ? 'pending' : 'missed'
    const rank = sel.rankOf(i)
    const g = sel.gradeOf(i)
    const grade = Number.isNaN(rank) || g < 0 ? undefined : (sel.grades[g] as string)
    const o: SelectionOutcome = Number.isNaN(rank) ? { outcome, reason: REASONS[sel.reasonOf(i)] as DecisionReason } : { outcome, reason: REASONS[sel.reasonOf(i)] as DecisionReason, rank, of: sel.of }
    const subject = subjectOf(i)
    const score = scores[i] as number
    const quotaUnit = unit === undefined ? undefined : quotaNames[unit[i] as number]
    const reason: DecisionReason = o.reason === 'criteria' && passed[i] === 1 ? 'exclusive' : o.reason
    const l = label(subject)
    // fields added in a fixed order (as the JSON shows them), without a spread per optional field
    const d: { -readonly [K in keyof AwardDecision]?: AwardDecision[K] } = { subject }
    if (l !== undefined) d.label = l
    d.outcome = outcome
    d.reason = reason
    if (!Number.isNaN(rank)) {
      d.rank = rank
      d.of = sel.of
    }
    if (!Number.isNaN(score)) d.score = score
    if (grade !== undefined) d.grade = grade
    if (quotaUnit !== undefined) d.quotaUnit = quotaUnit
    d.criteria = explain(rows === undefined ? i : (rows[i] as number))
    d.text = decisionText(o, reason, score, by, grade)
    return d as AwardDecision
  }
  // winners and pending in the order of the selection (score, the chain under breakChain, id)
  const chosen = [...sel.chosen].sort(sel.compare)
  const k = a.nearMisses ?? 3
  const sign = (a.order ?? 'desc') === 'desc' ? -1 : 1
  // near misses: the best placed eligible who missed, then the best scored who were not eligible
  const ineligible = (i: number): boolean => eligibleCol[i] === 0 && !Number.isNaN(scores[i] as number)
  const near = [...sel.nearMisses(k), ...bestK(n, ineligible, k, (i) => sign * (scores[i] as number), subjectOf)]
  const winners = chosen.filter((i) => sel.outcome[i] === WON).map(decide)
  ctx.winners.set(a.id, new Set(winners.map((w) => w.subject)))
  return E.right({
    _tag: 'AwardResult',
    award: a.id,
    label: a.label,
    period: period.key,
    subjects: a.subjects,
    candidates: n,
    eligible: sel.of,
    winners,
    pending: chosen.filter((i) => sel.outcome[i] === PENDING).map(decide),
    nearMisses: near.map(decide)
  })
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
    const ctx: Context = { programme, inputs, winners: new Map(), boardCache: new Map(), plan: planOf(programme, inputs.at), memberTables: new Map(), sizeOfUnit: sizesCache(inputs.org), aligned: new Map(), orgIndex: {} }
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
      sizeOfUnit: sizesCache(inputs.org),
      aligned: new Map(),
      orgIndex: {}
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
