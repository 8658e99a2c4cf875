/**
 * What a run keeps while it decides its categories one by one: the
 * programme and inputs, the winners so far, the figures computed per period
 * and cut-off (shared by the categories that read them), and indexes of the
 * organisation made on first use.
 *
 * @module
 * @internal
 */
import * as E from 'fp-ts/lib/Either.js'
import { at, parsePeriodKey, periodOf, problem, subtreeUnits, text, withPrefix, type Decoded, type Instant, type Member, type OrgTree, type Period, type Problem, type UnitId, type UnitKind, type Zone } from '../core/internal.js'
import { computeBoard, previousPeriod, redBlack, type Board, type BoardSpec } from '../ranking/internal.js'
import { criterionFigures } from './criteria.js'
import { isBoardKind } from './figure-kinds.js'
import { memberFigures, splitFigure, unitMemberFigures, type BoardFigures, type FigureContext, type FigureTable } from './figures.js'
import type { AwardBoard, AwardCategory, AwardInputs, AwardProgramme } from './model.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** A run's state: its inputs, the winners decided so far, and what categories share (figures, boards, org indexes). */
export interface Context {
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

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

const periodFor = (a: AwardCategory, at_: Instant, z: Zone): E.Either<Problem, Period> =>
  typeof a.period === 'string' ? E.right(periodOf(a.period, at_, z)) : parsePeriodKey(a.period.key, z, ['period'])

const planOf = (programme: AwardProgramme, at_: Instant): ReadonlyMap<string, ReadonlySet<string>> => {
  const plan = new Map<string, Set<string>>()
  for (const a of programme.awards) {
    const pr = periodFor(a, at_, programme.zone as Zone)
    if (E.isLeft(pr)) continue // reported by the category itself
    const key = planKey(pr.right, a.cutoff)
    const figures = categoryFigures(a)
    const set = plan.get(key) ?? new Set<string>()
    for (const f of a.subjects === 'members' ? figures : [...unitMemberFigures(figures), ...figures.filter((x) => isBoardFigure(splitFigure(x)[0]))]) set.add(f)
    plan.set(key, set)
  }
  return plan
}

/** A run's context; figures passed in `inputs.figures` are reused, not recomputed. */
export const contextOf = (programme: AwardProgramme, inputs: AwardInputs): Context => ({
  programme,
  inputs,
  winners: new Map(),
  boardCache: new Map(inputs.figures?.boards ?? []),
  plan: planOf(programme, inputs.at),
  memberTables: new Map(inputs.figures?.members ?? []),
  sizeOfUnit: sizesCache(inputs.org),
  aligned: new Map(),
  orgIndex: {}
})

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

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

const categoryFigures = (a: AwardCategory): ReadonlyArray<string> => [
  ...new Set([...criterionFigures(a.criteria), ...a.by.map((t) => t.figure), ...(a.tieBreakers ?? []).map((t) => t.figure)])
]
export const isBoardFigure = (kind: string): boolean => isBoardKind(kind)

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
  const figures = figuresOfBoard(b, board.right, id)
  if (E.isLeft(figures)) return figures
  const made = figures.right
  ctx.boardCache.set(cacheKey, made)
  return E.right(made)
}

/** A board's results as figures read them: ranks and scores, and its red and black lists when the board draws them. */
export const figuresOfBoard = (b: AwardBoard, board: Board, id: string): Decoded<BoardFigures> => {
  let red = new Set<string>()
  let black = new Set<string>()
  if (b.lists !== undefined) {
    const l = redBlack(b.lists)(board)
    if (E.isLeft(l)) return E.left(withPrefix(['boards', id, 'lists'])(l.left))
    red = new Set(l.right.red.map((x) => x.subject))
    black = new Set(l.right.black.map((x) => x.subject))
  }
  return E.right({
    rank: new Map(board.rows.map((r) => [r.subject, r.rank])),
    score: new Map(board.rows.map((r) => [r.subject, r.score])),
    red,
    black
  })
}

/**
 * Every board a run at `at` reads, once each: its key in `AwardFigures.boards`, its spec over the
 * period it is read for, and the cut-off before which entries count (a host that keeps such boards
 * up to date passes their figures in `AwardInputs.figures` instead of having them recomputed).
 */
export const boardsRead = (
  programme: AwardProgramme,
  at_: Instant
): ReadonlyArray<{ readonly key: string; readonly id: string; readonly board: AwardBoard; readonly spec: BoardSpec; readonly cutoff: Instant | undefined }> => {
  const plan = planOf(programme, at_)
  const out = new Map<string, { readonly key: string; readonly id: string; readonly board: AwardBoard; readonly spec: BoardSpec; readonly cutoff: Instant | undefined }>()
  for (const a of programme.awards) {
    const pr = periodFor(a, at_, programme.zone as Zone)
    if (E.isLeft(pr)) continue
    for (const f of [...(plan.get(planKey(pr.right, a.cutoff)) ?? []), ...categoryFigures(a)]) {
      const [kind, arg] = splitFigure(f)
      const b = arg === undefined ? undefined : programme.boards[arg]
      if (arg === undefined || b === undefined || !isBoardFigure(kind)) continue
      const spec = b.followsAward ? { ...b.spec, period: pr.right } : b.spec
      const key = `${arg}|${spec.period.key}|${a.cutoff ?? ''}`
      if (!out.has(key)) out.set(key, { key, id: arg, board: b, spec, cutoff: a.cutoff })
    }
  }
  return [...out.values()]
}

export const nearestOfKind = (org: OrgTree, unit: UnitId, kind: string): UnitId | undefined => {
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
  readonly figures: ReadonlyArray<string>
  readonly fctx: FigureContext
  readonly shared: FigureTable
}

// The period, boards and shared member figures of a category (computed once per period and cut-off).
export const prepare = (ctx: Context, a: AwardCategory, index: number): Decoded<Prepared> => {
  const { org } = ctx.inputs
  const z = ctx.programme.zone as Zone
  const pr = periodFor(a, ctx.inputs.at, z)
  if (E.isLeft(pr)) return E.left(withPrefix(['awards', index])([pr.left]))
  const period = pr.right
  const prev = previousPeriod(period)
  const figures = categoryFigures(a)
  const key = planKey(period, a.cutoff)
  const union = ctx.plan.get(key) ?? new Set(figures)
  const boards = new Map<string, BoardFigures>()
  for (const f of [...union, ...figures]) {
    const [kind, arg] = splitFigure(f)
    if (arg !== undefined && isBoardFigure(kind) && !boards.has(arg)) {
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
  return E.right({ period, figures, fctx, shared })
}

// Units by their index in `org.units`, and each member's unit as such an index (−1: not in the tree):
// one pass of string lookups per run, instead of one per category that needs a member's unit.
export const unitIndexOf = (ctx: Context): ReadonlyMap<UnitId, number> => {
  if (ctx.orgIndex.unitIndex === undefined) ctx.orgIndex.unitIndex = new Map(ctx.inputs.org.units.map((u, i) => [u.id, i]))
  return ctx.orgIndex.unitIndex
}
export const memberUnitsOf = (ctx: Context): Int32Array => {
  if (ctx.orgIndex.memberUnits === undefined) {
    const { members } = ctx.inputs.org
    const index = unitIndexOf(ctx)
    const out = new Int32Array(members.length)
    for (let k = 0; k < members.length; k++) out[k] = index.get((members[k] as Member).unit) ?? -1
    ctx.orgIndex.memberUnits = out
  }
  return ctx.orgIndex.memberUnits
}

export const isAligned = (ctx: Context, table: FigureTable): boolean => {
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
