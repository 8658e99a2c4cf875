/**
 * Figures: the numbers award criteria and selections read, one column per
 * figure name, one row per subject (NaN means "has none"). Member figures
 * come from ledger entries, activity events, the organisation tree and host
 * tables in one pass; unit figures aggregate their members'.
 *
 * Figure names: `points:<account>`, `previous:<account>` (the period before),
 * `improvement:<account>` (points − previous), `reachedAt:<account>` (the
 * instant the period total was first reached: "earlier achievement"),
 * `dailyMin:<account>` (lowest daily total, 0 when a day is missing),
 * `activeDays:<account>`, `count:<event type>`, `quizAccuracy`, `quizzes`,
 * `violations`, `tenureDays`, `tenureMonths`, `host:<name>`, and from boards
 * `rank:<board>`, `score:<board>`, `red:<board>`, `black:<board>` (1 or 0).
 * Units also have `members`, `participation`, `perCapita:<account>` and
 * `everyDayMin:<account>` (the lowest `dailyMin` of any member).
 *
 * @module
 */
import { text, type MemberId, type Text, type UnitId } from '../core/internal.js'
import { column, gather, type Need } from './figure-gather.js'
import { FIGURE_KINDS, figureKind, type FigureKind, type UnitRows } from './figure-kinds.js'
import type { FigureContext, FigureTable } from './figure-model.js'

export type { BoardFigures, FigureContext, FigureTable } from './figure-model.js'

// -------------------------------------------------------------------------------------
// figure names
// -------------------------------------------------------------------------------------

// The kinds a programme may name, in the registry's order (figure-kinds.ts).
const KINDS = Object.entries(FIGURE_KINDS as Readonly<Record<string, FigureKind>>).filter(([, k]) => k.hidden !== true)
const namesOf = (subjects: 'member' | 'unit', plain: boolean): ReadonlyArray<string> => KINDS.filter(([, k]) => k[subjects] !== undefined && (k.arg === 'none') === plain).map(([id]) => id)
const MEMBER_PLAIN = namesOf('member', true)
const MEMBER_ARG = namesOf('member', false)
const UNIT_PLAIN = namesOf('unit', true)
const UNIT_ARG = namesOf('unit', false)

/**
 * Split a figure name into its kind and argument (`points:study` → `['points', 'study']`).
 *
 * @category utilities
 * @example
 * splitFigure('count:session.attended') // => ['count', 'session.attended']
 * splitFigure('violations') // => ['violations', undefined]
 */
export const splitFigure = (name: string): readonly [string, string | undefined] => {
  const i = name.indexOf(':')
  return i < 0 ? [name, undefined] : [name.slice(0, i), name.slice(i + 1)]
}

/**
 * The figure kinds whose argument is an account of the rules (`points:study`, `reachedAt:study`, ...).
 *
 * @category utilities
 * @example
 * ACCOUNT_FIGURE_KINDS.includes('perCapita') // => true
 */
export const ACCOUNT_FIGURE_KINDS: ReadonlyArray<string> = /*#__PURE__*/ Object.freeze(KINDS.filter(([, k]) => k.arg === 'account').map(([id]) => id))

/**
 * Why a figure name is not valid for a subject kind given the programme's boards, host metrics and
 * (when known) accounts, or `undefined`. Without `accounts`, any account name passes.
 *
 * @category utilities
 * @example
 * figureProblem('points:study', 'members', { boards: [], hostMetrics: [] }) // => undefined
 * figureProblem('rank:nope', 'members', { boards: [], hostMetrics: [] })?.en // => 'a board defined in boards: (none)'
 * figureProblem('points:moarl', 'members', { boards: [], hostMetrics: [], accounts: ['study', 'moral'] })?.en // => 'an account of the rules: study, moral'
 */
export const figureProblem = (
  name: string,
  subjects: 'members' | 'units',
  known: { readonly boards: ReadonlyArray<string>; readonly hostMetrics: ReadonlyArray<string>; readonly accounts?: ReadonlyArray<string> }
): Text | undefined => {
  const [kind, arg] = splitFigure(name)
  const plain = subjects === 'members' ? MEMBER_PLAIN : UNIT_PLAIN
  const withArg = subjects === 'members' ? MEMBER_ARG : UNIT_ARG
  if (arg === undefined) {
    if (plain.includes(kind)) return undefined
    const all = [...plain, ...withArg.map((k) => `${k}:…`)].join(', ')
    return text(`a figure for ${subjects}: ${all}`, `${subjects === 'members' ? '成员' : '单位'}的指标：${all}`)
  }
  if (!withArg.includes(kind) || arg.length === 0) {
    const all = [...plain, ...withArg.map((k) => `${k}:…`)].join(', ')
    return text(`a figure for ${subjects}: ${all}`, `${subjects === 'members' ? '成员' : '单位'}的指标：${all}`)
  }
  const spec = figureKind(kind)
  if (spec?.arg === 'board' && !known.boards.includes(arg)) {
    const list = known.boards.join(', ') || '(none)'
    return text(`a board defined in boards: ${list}`, `boards 中定义的榜单：${list}`)
  }
  if (spec?.arg === 'host' && !known.hostMetrics.includes(arg)) {
    const list = known.hostMetrics.join(', ') || '(none)'
    return text(`a host metric declared in hostMetrics: ${list}`, `hostMetrics 中声明的宿主指标：${list}`)
  }
  if (known.accounts !== undefined && spec?.arg === 'account' && !known.accounts.includes(arg)) return anAccountOf(known.accounts)
  return undefined
}

/**
 * What an account name should have been: one of the rules' accounts.
 *
 * @category utilities
 * @example
 * anAccountOf(['study']).zh // => '规则中的账户：study'
 */
export const anAccountOf = (accounts: ReadonlyArray<string>): Text => {
  const list = accounts.join(', ') || '(none)'
  return text(`an account of the rules: ${list}`, `规则中的账户：${accounts.join('、') || '（无）'}`)
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Compute member figures by name for some members (each name once; unknown names give a column of NaN).
 *
 * @category constructors
 * @example
 * const t = memberFigures(['points:study', 'violations'], ctx, ['m1', 'm2'] as MemberId[])
 * figureValue(t, 'm1', 'points:study') // => 540
 */
export const memberFigures = (names: ReadonlyArray<string>, ctx: FigureContext, members: ReadonlyArray<MemberId>): FigureTable => {
  const n = members.length
  const index = new Map<string, number>()
  members.forEach((m, i) => index.set(m, i))
  const wanted = [...new Set(names)].map((name) => {
    const [kind, arg] = splitFigure(name)
    const k = figureKind(kind)
    // a kind with an argument but none given: no figure (NaN)
    return { name, arg, spec: k?.member !== undefined && (arg !== undefined || k.arg === 'none') ? k.member : undefined }
  })
  const needs: Array<readonly [Need, string | undefined]> = []
  for (const w of wanted) for (const need of w.spec?.needs ?? []) needs.push([need, w.arg])
  const g = gather(needs, ctx, members, index)
  const columns = new Map<string, Float64Array>()
  for (const w of wanted) columns.set(w.name, w.spec?.column(g, w.arg ?? '') ?? column(n, NaN))
  return { _tag: 'FigureTable', subjects: members, index, columns }
}

/**
 * The member figures a unit figure is aggregated from (`perCapita:study` needs `points:study`).
 *
 * @category utilities
 * @example
 * unitMemberFigures(['perCapita:study', 'participation']) // => ['points:study', '__active']
 */
export const unitMemberFigures = (names: ReadonlyArray<string>): ReadonlyArray<string> => {
  const out = new Set<string>()
  for (const name of names) {
    const [kind, arg] = splitFigure(name)
    const k = figureKind(kind)
    if (k?.unit !== undefined && (arg !== undefined || k.arg === 'none')) for (const f of k.unit.from(arg)) out.add(f)
  }
  return [...out]
}

/**
 * The rows of a figure table for some of its subjects, in the order given (subjects it lacks get NaN).
 *
 * @category utilities
 * @example
 * subTable(table, ['m2', 'm1']).subjects // => ['m2', 'm1']
 */
export const subTable = (table: FigureTable, subjects: ReadonlyArray<string>): FigureTable => {
  if (subjects.length === table.subjects.length && subjects.every((s, i) => table.subjects[i] === s)) return table
  const m = subjects.length
  const rows = new Int32Array(m)
  const index = new Map<string, number>()
  // Subjects usually come in the table's own order with some left out (a role excluded):
  // try the row after the last one found before looking the subject up.
  let next = 0
  for (let i = 0; i < m; i++) {
    const s = subjects[i] as string
    const r = table.subjects[next] === s ? next : (table.index.get(s) ?? -1)
    rows[i] = r
    if (r >= 0) next = r + 1
    index.set(s, i)
  }
  const columns = new Map<string, Float64Array>()
  for (const [name, col] of table.columns) {
    const c = new Float64Array(m)
    for (let i = 0; i < m; i++) {
      const r = rows[i] as number
      c[i] = r < 0 ? NaN : (col[r] as number)
    }
    columns.set(name, c)
  }
  return { _tag: 'FigureTable', subjects, index, columns }
}

/**
 * Compute unit figures by name for some units, from their members' figures (members of each unit's whole subtree).
 *
 * @category constructors
 * @example
 * const t = unitFigures(['perCapita:study', 'participation', 'everyDayMin:study'], ctx, ['b1', 'b2'] as UnitId[], membersOfUnit)
 * figureValue(t, 'b1', 'participation') // => 0.75
 */
export const unitFigures = (
  names: ReadonlyArray<string>,
  ctx: FigureContext,
  units: ReadonlyArray<UnitId>,
  membersOfUnit: (u: UnitId) => ReadonlyArray<MemberId>,
  memberTable?: FigureTable
): FigureTable => {
  const memberLists = units.map(membersOfUnit)
  const mt = memberTable ?? memberFigures(unitMemberFigures([...new Set(names)]), ctx, [...new Set(memberLists.flat())])
  // each unit's members as rows of the member table, looked up once (−1: not in it)
  const rowsOf = memberLists.map((ms) => {
    const rows = new Int32Array(ms.length)
    for (let k = 0; k < ms.length; k++) rows[k] = mt.index.get(ms[k] as MemberId) ?? -1
    return rows
  })
  return unitFiguresOfRows(names, ctx, units, rowsOf, mt)
}

// Unit figures from each unit's members given as rows of the member table `mt` (−1: a member not in
// it, counted but without figures). Exported for run.ts, which has the rows at hand; not part of the
// package API (src/awards/index.ts leaves it out).
export const unitFiguresOfRows = (
  names: ReadonlyArray<string>,
  ctx: FigureContext,
  units: ReadonlyArray<UnitId>,
  rowsOf: ReadonlyArray<Int32Array>,
  mt: FigureTable
): FigureTable => {
  const index = new Map<string, number>()
  units.forEach((u, i) => index.set(u, i))
  const rows: UnitRows = { ctx, units, rowsOf, mt }
  const columns = new Map<string, Float64Array>()
  for (const name of new Set(names)) {
    const [kind, arg] = splitFigure(name)
    columns.set(name, figureKind(kind)?.unit?.column(rows, arg) ?? column(units.length, NaN))
  }
  return { _tag: 'FigureTable', subjects: units, index, columns }
}

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/**
 * One figure of one subject, or `undefined` when it has none.
 *
 * @category utilities
 * @example
 * figureValue(table, 'm1', 'violations') // => 0
 */
export const figureValue = (table: FigureTable, subject: string, name: string): number | undefined => {
  const i = table.index.get(subject)
  const v = i === undefined ? undefined : table.columns.get(name)?.[i]
  return v === undefined || Number.isNaN(v) ? undefined : v
}
