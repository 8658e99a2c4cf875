/**
 * Running a programme: each category in dependency order (an award named by
 * a tiered criterion, or earlier in an exclusivity group, is decided first),
 * figures computed for its period and cut-off, criteria tested, winners
 * selected, and every winner, pending tie and near miss explained.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { at, problem, text, type Decoded, type Problem, type Text, type UnitId } from '../core/internal.js'
import { bestK, memberCandidates, quotaUnitsOf, scoreCandidates, unitCandidates } from './candidates.js'
import { contextOf, isBoardFigure, prepare, type Context } from './context.js'
import { splitFigure, type FigureTable } from './figures.js'
import { compileCriterion, criterionAwards, explainCriterion, fmtFigure, type CriteriaEnv } from './criteria.js'
import { accountProblems, checkAwardOrg, figureLabel, scoreLabel } from './needs.js'
import type { AwardCategory, AwardDecision, AwardFigures, AwardInputs, AwardProgramme, AwardResult, AwardRun, DecisionReason } from './model.js'
import type { SelectionOutcome } from './select.js'
import { PENDING, REASONS, REASON_TEXT, WON, selectPool } from './selection/index.js'

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

// The plain text of each reason comes from the one table (selection/reasons.ts).
const REASON = REASON_TEXT

/** What a reason may name besides the score: the quota unit and its seats, the category's cap and threshold. */
interface ReasonFigures {
  readonly by: Text
  readonly unit?: string
  readonly seats?: number
  readonly cap: number
  readonly min?: number
}

// The reason itself, naming the unit, its seats, the cap and the threshold where they decided.
const reasonText = (reason: DecisionReason, f: ReasonFigures): Text => {
  const u = f.unit
  const min = f.min === undefined ? undefined : fmtFigure(f.min)
  const seats = f.seats === undefined || !Number.isFinite(f.seats) ? '' : ` (${f.seats})`
  const seatsZh = f.seats === undefined || !Number.isFinite(f.seats) ? '' : `（${f.seats} 名）`
  switch (reason) {
    case 'selected':
      if (u === undefined) return REASON[reason]
      return f.seats === undefined || !Number.isFinite(f.seats)
        ? text(`selected for ${u}`, `入选（${u}）`)
        : text(`selected for ${u} (${f.seats} ${f.seats === 1 ? 'seat' : 'seats'})`, `入选（${u}，名额 ${f.seats} 名）`)
    case 'fallback':
      if (u === undefined || min === undefined) return REASON[reason]
      return text(`put forward as the best of ${u} (nobody eligible in ${u} reached ${f.by.en} ${min})`, `作为${u}最高者推荐（${u}符合条件者无人达到${f.by.zh} ${min}）`)
    case 'fallback-tied':
      if (u === undefined || min === undefined) return REASON[reason]
      return text(
        `put forward as the best of ${u}, tied at its best score (all tied included beyond its seats${seats}; nobody eligible in ${u} reached ${f.by.en} ${min})`,
        `作为${u}最高者推荐，与本单位最高分并列全部入选（超出单位名额${seatsZh}；${u}符合条件者无人达到${f.by.zh} ${min}）`
      )
    case 'unit-quota':
      return u === undefined ? REASON[reason] : text(`the quota of ${u}${seats} was already filled`, `${u}名额${seatsZh}已满`)
    case 'over-quota':
      return Number.isFinite(f.cap) ? text(`outside the quota of ${f.cap}`, `超出名额（${f.cap} 名）`) : REASON[reason]
    case 'tie-included':
      return Number.isFinite(f.cap)
        ? text(`selected, tied at the boundary of the quota of ${f.cap}${u === undefined ? '' : ` or of ${u}${seats}`} (all tied included)`, `入选（在名额 ${f.cap} 名${u === undefined ? '' : `或${u}名额${seatsZh}`}边界并列，全部入选）`)
        : u === undefined
          ? REASON[reason]
          : text(`selected, tied at the boundary of the quota of ${u}${seats} (all tied included)`, `入选（在${u}名额${seatsZh}边界并列，全部入选）`)
    case 'below-threshold':
      return min === undefined ? REASON[reason] : text(`below the threshold of ${f.by.en} ${min}`, `未达门槛（${f.by.zh} ${min}）`)
    default:
      return REASON[reason]
  }
}

const decisionText = (o: SelectionOutcome, reason: DecisionReason, score: number, f: ReasonFigures, grade?: string): Text => {
  const s = Number.isNaN(score) ? 'none' : fmtFigure(score)
  const sz = Number.isNaN(score) ? '无' : fmtFigure(score)
  const r = reasonText(reason, f)
  const rank = o.rank === undefined ? '' : `rank ${o.rank} of ${o.of ?? 0}, `
  const rankZh = o.rank === undefined ? '' : `第 ${o.rank} 名（共 ${o.of ?? 0} 名），`
  const g = grade === undefined ? '' : `, grade ${grade}`
  const gz = grade === undefined ? '' : `，等级 ${grade}`
  return text(`${r.en}: ${rank}${f.by.en} = ${s}${g}`, `${r.zh}：${rankZh}${f.by.zh} = ${sz}${gz}`)
}

const runCategory = (ctx: Context, a: AwardCategory, index: number): Decoded<AwardResult> => {
  const { org } = ctx.inputs
  const prepared = prepare(ctx, a, index)
  if (E.isLeft(prepared)) return prepared
  const { period, figures, fctx, shared } = prepared.right
  const cands = a.subjects === 'members' ? memberCandidates(ctx, a, figures, shared) : unitCandidates(ctx, a, figures, fctx, shared)
  const { n, subject: subjectOf, table, rows } = cands
  if (a.subjects === 'units' && a.unitKind !== undefined && n === 0) {
    // a scope without a unit of that kind: the category could only be vacant, without a reason
    return E.left([problem('reference', at(['awards', index, 'unitKind']), text(`a unit kind found within the scope ${a.scope ?? ''}`, `范围 ${a.scope ?? ''} 内已有的单位类型`), a.unitKind)])
  }
  const figureName = (figure: string): Text => figureLabel(figure, ctx.programme.accounts, ctx.programme.metricLabels)
  const env: CriteriaEnv = { table, org, subjects: a.subjects, winners: ctx.winners, label: figureName, ...(cands.records === undefined ? {} : { records: cands.records }) }
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
  if (perUnit !== undefined && unit !== undefined) {
    // a candidate with no unit of that kind (itself or above it) has no quota to count against
    const none = quotaNames.indexOf(undefined)
    const outside: Array<string> = []
    if (none >= 0) for (let i = 0; i < n; i++) if (unit[i] === none) outside.push(subjectOf(i))
    if (outside.length > 0) {
      const some = `${outside.slice(0, 3).join(', ')}${outside.length > 3 ? ', …' : ''}`
      return E.left([
        problem(
          'reference',
          at(['awards', index, 'perUnit', 'unitKind']),
          text(`a unit kind above every candidate (${outside.length} have no ${perUnit.unitKind} above them: ${some})`, `每名候选者所属的单位类型（${outside.length} 名不在任何 ${perUnit.unitKind} 之下：${some}）`),
          perUnit.unitKind
        )
      ])
    }
  }
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
  const chainCols = tieBreakers.map((t) => table.columns.get(t.figure) as Float64Array)
  const chainSigns = tieBreakers.map((t) => (t.order === 'asc' ? 1 : -1))
  const chain = (i: number, k: number): number => (chainSigns[k] as number) * ((chainCols[k] as Float64Array)[rows === undefined ? i : (rows[i] as number)] as number)
  const sel = selectPool({
    selection: a.selection,
    order: a.order ?? 'desc',
    ties: a.ties ?? 'includeAll',
    ...(seats === undefined ? {} : { seats }),
    ...(perUnit?.fallback === true ? { fallback: true } : {})
  })({ n, score: scores, eligible: eligibleCol, chain, width: chainCols.length, subject: subjectOf, keys, ...(unit === undefined ? {} : { unit }) })
  const by = scoreLabel(a, ctx.programme.accounts, ctx.programme.metricLabels)
  const cap = a.selection._tag === 'Top' ? a.selection.n : a.selection._tag === 'Threshold' ? (a.selection.cap ?? Infinity) : Infinity
  const min = a.selection._tag === 'Threshold' ? a.selection.min : undefined
  const label = (s: string): string | undefined => (a.subjects === 'members' ? org.memberById.get(s)?.label : org.unitById.get(s)?.label)
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
    const unitName = quotaUnit === undefined ? undefined : (org.unitById.get(quotaUnit)?.label ?? quotaUnit)
    const figures: ReasonFigures = {
      by,
      cap,
      ...(min === undefined ? {} : { min }),
      ...(unitName === undefined ? {} : { unit: unitName }),
      ...(seats === undefined || unit === undefined ? {} : { seats: seats(unit[i] as number) })
    }
    d.text = decisionText(o, reason, score, figures, grade)
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
    const ps = [...checkAwardOrg(programme)(inputs.org), ...programme.awards.flatMap((_, i) => accountProblems(programme, i))]
    if (ps.length > 0) return E.left(ps)
    const ctx = contextOf(programme, inputs)
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
    const ps: Array<Problem> = [...checkAwardOrg(programme)(inputs.org)]
    programme.awards.forEach((a, i) => {
      ps.push(...accountProblems(programme, i))
      if (a.scope !== undefined && !inputs.org.unitById.has(a.scope)) {
        ps.push(problem('reference', at(['awards', i, 'scope']), text('the id of a unit in the organisation', '组织中某单位的标识'), a.scope))
      }
    })
    const order = awardOrder(programme)
    if (E.isLeft(order)) ps.push(...order.left)
    if (ps.length > 0 || E.isLeft(order)) return E.left(ps)
    const ctx = contextOf(programme, inputs)
    const byId = new Map<string, AwardResult>()
    for (const id of order.right) {
      const i = programme.awards.findIndex((a) => a.id === id)
      const r = runCategory(ctx, programme.awards[i] as AwardCategory, i)
      if (E.isLeft(r)) return r
      byId.set(id, r.right)
    }
    return E.right({ _tag: 'AwardRun', at: inputs.at, results: programme.awards.map((a) => byId.get(a.id) as AwardResult) })
  }

/**
 * Figures brought up to date after the data of some members changed
 * (internal: `appendRun`). `inputs` holds only those members' entries and
 * events, and in `inputs.figures.boards` every board read, already up to
 * date (see `boardsRead`). Each member table is computed again over those
 * data and merged into `before`: the touched members' rows from the new
 * table, every other member's kept, and every board figure (rank, score,
 * red, black: they move with other members) from the new table for all.
 * `undefined` when `before` does not fit (another programme, organisation
 * or instant): compute the figures anew.
 */
export const refreshAwardFigures =
  (programme: AwardProgramme) =>
  (before: AwardFigures, inputs: AwardInputs, touched: ReadonlyArray<string>): Decoded<AwardFigures> | undefined => {
    const boards = inputs.figures?.boards ?? new Map()
    const ctx = contextOf(programme, { ...inputs, figures: { _tag: 'AwardFigures', members: new Map(), boards } })
    for (let i = 0; i < programme.awards.length; i++) {
      const r = prepare(ctx, programme.awards[i] as AwardCategory, i)
      if (E.isLeft(r)) return r
    }
    const members = new Map<string, FigureTable>()
    for (const [key, fresh] of ctx.memberTables) {
      const old = before.members.get(key)
      if (old === undefined || old.subjects.length !== fresh.subjects.length) return undefined
      const rows: Array<number> = []
      for (const m of touched) {
        const k = fresh.index.get(m)
        if (k === undefined) continue
        if (old.index.get(m) !== k) return undefined
        rows.push(k)
      }
      const columns = new Map<string, Float64Array>()
      for (const [name, col] of fresh.columns) {
        const kept = old.columns.get(name)
        if (kept === undefined) return undefined
        if (isBoardFigure(splitFigure(name)[0])) columns.set(name, col)
        else {
          const merged = kept.slice()
          for (const k of rows) merged[k] = col[k] as number
          columns.set(name, merged)
        }
      }
      members.set(key, { ...old, columns })
    }
    return E.right({ _tag: 'AwardFigures', members, boards })
  }
