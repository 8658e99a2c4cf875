/**
 * What a version-2 programme publishes: the host tables it expects, its
 * member and unit boards with their red/black lists, its composite
 * comparisons (三比) and the honor roll's notice window. Each part is decoded
 * with every problem at its path under the programme; references between
 * them (a list over a board, a composite over boards, a board over a host
 * table or an account) are checked here, references into the organisation by
 * `checkProgramme`.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import {
  at,
  CountC,
  decode,
  FiniteC,
  listText,
  NameC,
  oneOf,
  problem,
  strict,
  text,
  TextC,
  CALENDAR_KINDS,
  type CalendarKind,
  type PathSegment,
  type Problem,
  type Text,
  type Zone
} from '../core/internal.js'
import { boardSpecCodec, composite, RedBlackSpecC, type BoardSpec, type Normalisation, type RedBlackSpec, type TieScheme } from '../ranking/internal.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A host table the programme expects (scores the host keeps, such as
 * `skills`), per member or per unit, with its label.
 *
 * @category model
 * @example
 * const t: HostTableSpec = { id: 'skills', label: { en: 'Skills', zh: '技能' }, of: 'members' }
 */
export interface HostTableSpec {
  readonly id: string
  readonly label: Text
  readonly of: 'members' | 'units'
}

/**
 * A board the programme publishes: a board spec whose period is a calendar
 * kind (the run's period of that kind), its label, and the red/black lists
 * drawn from it.
 *
 * @category model
 * @example
 * const b: PublishedBoardSpec = { id: 'study', label: { en: 'Study score', zh: '学习积分榜' }, period: 'month',
 *   spec: { id: 'study', subjects: 'members', metric: { kind: 'points', account: 'study' }, period: allTime() } }
 */
export interface PublishedBoardSpec {
  readonly id: string
  readonly label: Text
  readonly period: CalendarKind
  /** The board spec; its `period` is a placeholder that a run replaces with the period of kind `period`. */
  readonly spec: BoardSpec
  readonly lists?: RedBlackSpec
}

/**
 * A composite comparison (三比) the programme publishes: published boards of
 * the same subjects, weighted, normalised, ranked.
 *
 * @category model
 * @example
 * const c: CompositeSpec = { id: 'sanbi', label: { en: 'Three comparisons', zh: '三比' }, normalisation: 'minmax',
 *   parts: [{ board: 'group-points', weight: 0.5 }, { board: 'group-participation', weight: 0.5 }] }
 */
export interface CompositeSpec {
  readonly id: string
  readonly label: Text
  readonly parts: ReadonlyArray<{ readonly board: string; readonly weight: number }>
  readonly normalisation: Normalisation
  readonly ties?: TieScheme
  readonly lists?: RedBlackSpec
}

/**
 * The honor roll's notice window (公示期): it opens `after` days after the
 * period's last day (1 by default) and lasts `days` days.
 *
 * @category model
 * @example
 * const r: RollSpec = { title: { en: 'Honor roll', zh: '光荣榜' }, notice: { after: 1, days: 7 } }
 */
export interface RollSpec {
  readonly title?: Text
  readonly notice: { readonly after: number; readonly days: number }
}

/** What a programme publishes, decoded. */
export interface Published {
  readonly host: ReadonlyArray<HostTableSpec>
  readonly boards: ReadonlyArray<PublishedBoardSpec>
  readonly composites: ReadonlyArray<CompositeSpec>
  readonly roll?: RollSpec
}

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

const SubjectsC = /*#__PURE__*/ oneOf('Of', ['members', 'units'])
const HostTableC = /*#__PURE__*/ strict({ id: NameC, label: TextC }, { of: SubjectsC }, 'HostTable')
const PeriodKindC = /*#__PURE__*/ oneOf('PeriodKind', CALENDAR_KINDS)
const BoardHeadC = /*#__PURE__*/ t.type({ id: NameC, label: TextC, period: PeriodKindC })
const PartC = /*#__PURE__*/ strict({ board: NameC, weight: FiniteC }, {}, 'CompositePart')
const CompositeC = /*#__PURE__*/ strict(
  { id: NameC, label: TextC, parts: t.readonlyArray(PartC), normalisation: oneOf<Normalisation>('Normalisation', ['minmax', 'zscore', 'rank']) },
  { ties: oneOf<TieScheme>('TieScheme', ['competition', 'dense', 'ordinal', 'fractional']), lists: RedBlackSpecC },
  'Composite'
) as t.Type<CompositeSpec, unknown, unknown>
const RollC = /*#__PURE__*/ strict({ notice: strict({ days: CountC }, { after: CountC }, 'Notice') }, { title: TextC }, 'Roll')

// -------------------------------------------------------------------------------------
// decoding
// -------------------------------------------------------------------------------------

const list = (u: unknown, path: ReadonlyArray<PathSegment>, out: Array<Problem>): ReadonlyArray<unknown> => {
  if (u === undefined) return []
  if (Array.isArray(u)) return u
  out.push(problem('type', at(path), text('a list', '列表'), u))
  return []
}

const oneOfIds = (what: Text, ids: ReadonlyArray<string>): Text => {
  const l = listText(ids, 10, ids.length)
  return ids.length === 0 ? text(`${what.en} (none is declared)`, `${what.zh}（未声明任何项）`) : text(`${what.en}: ${l.en}`, `${what.zh}：${l.zh}`)
}

const take = <A>(r: E.Either<ReadonlyArray<Problem>, A>, out: Array<Problem>): A | undefined => {
  if (E.isRight(r)) return r.right
  out.push(...r.left)
  return undefined
}

const decodeHost = (u: unknown, out: Array<Problem>): ReadonlyArray<HostTableSpec> => {
  const seen = new Set<string>()
  return list(u, ['host'], out).flatMap((x, i): ReadonlyArray<HostTableSpec> => {
    const h = take(decode(HostTableC, ['host', i])(x), out)
    if (h === undefined) return []
    if (seen.has(h.id)) {
      out.push(problem('duplicate', at(['host', i, 'id']), text('a host table not declared before', '未重复声明的宿主数据表'), h.id))
      return []
    }
    seen.add(h.id)
    return [{ id: h.id, label: h.label, of: h.of ?? 'members' }]
  })
}

const decodeBoard = (
  u: unknown,
  i: number,
  z: Zone,
  known: { readonly accounts: ReadonlyArray<string> | undefined; readonly host: ReadonlyArray<HostTableSpec> },
  out: Array<Problem>
): PublishedBoardSpec | undefined => {
  const path = ['boards', i]
  if (typeof u !== 'object' || u === null || Array.isArray(u)) {
    out.push(problem('type', at(path), text('a board: { "id", "label", "subjects", "metric", "period", … }', '榜单：{ "id", "label", "subjects", "metric", "period", … }'), u))
    return undefined
  }
  const { label, period, lists, ...rest } = u as Record<string, unknown>
  const before = out.length
  const head = take(decode(BoardHeadC, path)({ id: rest['id'], label, period }), out)
  const spec = take(decode(boardSpecCodec(z), path)({ ...rest, period: 'all' }), out)
  const ls = lists === undefined ? undefined : take(decode(RedBlackSpecC, [...path, 'lists'])(lists), out)
  if (spec !== undefined) {
    const m = spec.metric
    if ((m.kind === 'points' || m.kind === 'aboveDailyMin') && known.accounts !== undefined && !known.accounts.includes(m.account)) {
      out.push(problem('reference', at([...path, 'metric', 'account']), oneOfIds(text('an account of the rules', '规则中的账户'), known.accounts), m.account))
    }
    if (m.kind === 'host') {
      const of = m.of ?? 'members'
      const tables = known.host.filter((h) => h.of === of).map((h) => h.id)
      if (!tables.includes(m.name)) {
        out.push(problem('reference', at([...path, 'metric', 'name']), oneOfIds(text(`a host table per ${of} declared in $.host`, `$.host 中声明的按${of === 'members' ? '成员' : '单位'}宿主数据表`), tables), m.name))
      }
    }
  }
  if (out.length > before || head === undefined || spec === undefined) return undefined
  return { id: head.id, label: head.label, period: head.period, spec, ...(ls === undefined ? {} : { lists: ls }) }
}

const decodeComposite = (u: unknown, i: number, boards: ReadonlyArray<PublishedBoardSpec>, boardIds: ReadonlyArray<string>, out: Array<Problem>): CompositeSpec | undefined => {
  const path = ['composites', i]
  const c = take(decode(CompositeC, path)(u), out)
  if (c === undefined) return undefined
  const before = out.length
  const byId = new Map(boards.map((b) => [b.id, b]))
  let subjects: string | undefined
  c.parts.forEach((p, k) => {
    const b = byId.get(p.board)
    if (b === undefined) {
      // a board with problems of its own is reported there, not again here
      if (!boardIds.includes(p.board)) out.push(problem('reference', at([...path, 'parts', k, 'board']), oneOfIds(text('a board of $.boards', '$.boards 中的榜单'), boardIds), p.board))
      return
    }
    subjects ??= b.spec.subjects
    if (b.spec.subjects !== subjects) {
      out.push(problem('conflict', at([...path, 'parts', k, 'board']), text(`a board of ${subjects}, as the first part's`, `与第一部分相同（${subjects === 'members' ? '成员' : '单位'}）的榜单`), p.board))
    }
  })
  // The weights' laws are the composite's own: checked by it, on rankings with no rows.
  const empty = { rows: [], ties: [], order: 'desc' as const, scheme: 'competition' as const }
  const weights = composite(c.parts.map((p) => ({ label: p.board, weight: p.weight, ranking: empty })), c.normalisation)
  if (E.isLeft(weights)) {
    for (const p of weights.left) {
      const segs = p.at._tag === 'JsonPath' ? p.at.segments.map((s) => (s === 'label' ? 'board' : s)) : []
      const expected = p.code === 'duplicate' ? text('a board not named before in this composite', '本综合比较中未重复的榜单') : p.expected
      out.push({ ...p, expected, at: at([...path, ...segs]) })
    }
  }
  return out.length > before ? undefined : c
}

const decodeRoll = (u: unknown, out: Array<Problem>): RollSpec | undefined => {
  if (u === undefined) return undefined
  const r = take(decode(RollC, ['roll'])(u), out)
  if (r === undefined) return undefined
  if (r.notice.days < 1) {
    out.push(problem('range', at(['roll', 'notice', 'days']), text('at least 1 day', '至少 1 天'), r.notice.days))
    return undefined
  }
  return { ...(r.title === undefined ? {} : { title: r.title }), notice: { after: r.notice.after ?? 1, days: r.notice.days } }
}

/**
 * Decode what a version-2 programme publishes, with every problem at its
 * path under the programme (`$.host`, `$.boards[i]`, `$.composites[i]`, `$.roll`).
 * `accounts`: the rules' accounts (`undefined` when the rules did not decode:
 * account references are then not checked).
 *
 * @category decoding
 * @example
 * decodePublished({ boards: [{ id: 'study', label, subjects: 'members', metric: { kind: 'points', account: 'study' }, period: 'month' }] }, 'Asia/Shanghai', ['study']).problems // => []
 */
export const decodePublished = (
  raw: { readonly host?: unknown; readonly boards?: unknown; readonly composites?: unknown; readonly roll?: unknown },
  z: Zone,
  accounts: ReadonlyArray<string> | undefined
): { readonly published: Published; readonly problems: ReadonlyArray<Problem> } => {
  // Never throws: a hostile value (a Proxy or getter that throws) is a problem (issue #14).
  try {
    return publishedOf(raw, z, accounts)
  } catch {
    return { published: { host: [], boards: [], composites: [] }, problems: [problem('internal', at([]), text('a programme that can be read (reading it failed)', '可读取的方案（读取时出错）'), undefined)] }
  }
}

const publishedOf = (
  raw: { readonly host?: unknown; readonly boards?: unknown; readonly composites?: unknown; readonly roll?: unknown },
  z: Zone,
  accounts: ReadonlyArray<string> | undefined
): { readonly published: Published; readonly problems: ReadonlyArray<Problem> } => {
  const out: Array<Problem> = []
  const host = decodeHost(raw.host, out)
  const rawBoards = list(raw.boards, ['boards'], out)
  const ids = new Set<string>()
  const idOf = (x: unknown): unknown => (typeof x === 'object' && x !== null ? (x as Record<string, unknown>)['id'] : undefined)
  const claim = (x: unknown, path: ReadonlyArray<PathSegment>): boolean => {
    const id = idOf(x)
    if (typeof id !== 'string') return true
    if (ids.has(id)) {
      out.push(problem('duplicate', at([...path, 'id']), text('an id no other board or composite has', '其他榜单与综合比较均未使用的标识'), id))
      return false
    }
    ids.add(id)
    return true
  }
  const boardIds = rawBoards.map(idOf).filter((x): x is string => typeof x === 'string')
  const boards = rawBoards.flatMap((x, i) => {
    if (!claim(x, ['boards', i])) return []
    const b = decodeBoard(x, i, z, { accounts, host }, out)
    return b === undefined ? [] : [b]
  })
  const composites = list(raw.composites, ['composites'], out).flatMap((x, i) => {
    if (!claim(x, ['composites', i])) return []
    const c = decodeComposite(x, i, boards, boardIds, out)
    return c === undefined ? [] : [c]
  })
  const roll = decodeRoll(raw.roll, out)
  return { published: { host, boards, composites, ...(roll === undefined ? {} : { roll }) }, problems: out }
}
