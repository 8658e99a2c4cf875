/**
 * The awards programme in JSON: io-ts codecs built with core's `strict`
 * (unknown keys are errors), then cross-references checked (unknown board,
 * figure, host metric or award; quotas below 0; contradictory exclusivity;
 * cycles of tiers and priorities), every problem at its path, before
 * anything is computed.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import {
  at,
  decode,
  DEFAULT_ZONE,
  failWith,
  guardCodec,
  InstantC,
  parsePeriodKey,
  problem,
  refined,
  strict,
  text,
  UnitIdC,
  UnitKindC,
  zone as readZone,
  type Decoded,
  type PathSegment,
  type Problem,
  type Zone,
  oneOf,
  FiniteC as Finite,
  CountC as Count,
  NameC as Name,
  describedAs,
  CALENDAR_KINDS
} from '../core/internal.js'
import { boardSpecCodec, RedBlackSpecC } from '../ranking/internal.js'
import { anAccountOf, figureProblem } from './figures.js'
import type { AwardBoard, AwardCategory, AwardCriterion, AwardOp, AwardProgramme, AwardSelection, BadgeSpec, ScoreTerm } from './model.js'
import { awardOrder } from './run.js'

// -------------------------------------------------------------------------------------
// small codecs
// -------------------------------------------------------------------------------------

const Positive = /*#__PURE__*/ refined('PositiveInt', (u): u is number => Number.isSafeInteger(u) && (u as number) >= 1, text('a whole number ≥ 1', '正整数'))
const Percent = /*#__PURE__*/ refined('Percent', (u): u is number => typeof u === 'number' && u > 0 && u <= 100, text('a percentage in (0, 100]', '(0, 100] 内的百分数'))
const LabelC = /*#__PURE__*/ strict({ en: t.string, zh: t.string }, {}, 'Label')
const OPS: ReadonlyArray<AwardOp> = ['gte', 'gt', 'lte', 'lt', 'eq', 'ne']
const CALENDAR = CALENDAR_KINDS // core's table of periods

// Decode with a codec, then turn its value into ours (and fail, if need be, at the same place).
const mapped = <A, B>(codec: t.Type<A, unknown, unknown>, f: (a: A, c: t.Context) => t.Validation<B>): t.Type<B, unknown, unknown> =>
  new t.Type<B, unknown, unknown>(
    codec.name,
    (u): u is B => typeof u === 'object' && u !== null,
    (u, c) => {
      const r = codec.validate(u, c)
      return E.isLeft(r) ? r : f(r.right, c)
    },
    (b) => b
  )

// -------------------------------------------------------------------------------------
// criteria
// -------------------------------------------------------------------------------------

const CRITERION_KEYS = ['all', 'any', 'not', 'figure', 'partyMember', 'cadre', 'tag', 'role', 'inUnit', 'winnerOf', 'redList', 'blackList']
const CRITERION_TEXT = text(`an object with one of ${CRITERION_KEYS.join(', ')}`, `含以下键之一的对象：${CRITERION_KEYS.join('、')}`)

/**
 * A criterion in JSON: `{ "all": [...] }`, `{ "any": [...] }`, `{ "not": {...} }`,
 * `{ "figure": "points:study", "op": "gte", "value": 500 }`, `{ "partyMember": true }`,
 * `{ "cadre": false }`, `{ "tag": "t" }`, `{ "role": "r" }`, `{ "inUnit": "b1" }`,
 * `{ "winnerOf": "award-id" }`, `{ "redList": "board-id" }`, `{ "blackList": "board-id" }`.
 *
 * @category codecs
 * @example
 * decode(AwardCriterionC)({ all: [{ figure: 'violations', op: 'eq', value: 0 }, { partyMember: true }] })
 */
export const AwardCriterionC: t.Type<AwardCriterion, unknown, unknown> = /*#__PURE__*/ guardCodec(t.recursion('AwardCriterion', () => {
  const List = t.readonlyArray(AwardCriterionC)
  const cases: Readonly<Record<string, t.Type<AwardCriterion, unknown, unknown>>> = {
    all: mapped(strict({ all: List }, {}, 'All'), (u): t.Validation<AwardCriterion> => t.success({ _tag: 'All', of: (u as { all: ReadonlyArray<AwardCriterion> }).all })),
    any: mapped(strict({ any: List }, {}, 'Any'), (u): t.Validation<AwardCriterion> => t.success({ _tag: 'Any', of: (u as { any: ReadonlyArray<AwardCriterion> }).any })),
    not: mapped(strict({ not: AwardCriterionC }, {}, 'Not'), (u): t.Validation<AwardCriterion> => t.success({ _tag: 'Not', criterion: (u as { not: AwardCriterion }).not })),
    figure: mapped(strict({ figure: Name, op: oneOf('Op', OPS), value: Finite }, {}, 'Compare'), (u): t.Validation<AwardCriterion> => t.success({ _tag: 'Compare', ...(u as { figure: string; op: AwardOp; value: number }) })),
    partyMember: mapped(strict({ partyMember: t.boolean }, {}, 'PartyMember'), (u): t.Validation<AwardCriterion> => t.success({ _tag: 'Flag', attr: 'partyMember', value: (u as { partyMember: boolean }).partyMember })),
    cadre: mapped(strict({ cadre: t.boolean }, {}, 'Cadre'), (u): t.Validation<AwardCriterion> => t.success({ _tag: 'Flag', attr: 'cadre', value: (u as { cadre: boolean }).cadre })),
    tag: mapped(strict({ tag: Name }, {}, 'Tag'), (u): t.Validation<AwardCriterion> => t.success({ _tag: 'Tag', tag: (u as { tag: string }).tag })),
    role: mapped(strict({ role: Name }, {}, 'Role'), (u): t.Validation<AwardCriterion> => t.success({ _tag: 'Role', role: (u as { role: string }).role })),
    inUnit: mapped(strict({ inUnit: UnitIdC }, {}, 'InUnit'), (u): t.Validation<AwardCriterion> => t.success({ _tag: 'InUnit', unit: (u as { inUnit: never }).inUnit })),
    winnerOf: mapped(strict({ winnerOf: Name }, {}, 'WinnerOf'), (u): t.Validation<AwardCriterion> => t.success({ _tag: 'WinnerOf', award: (u as { winnerOf: string }).winnerOf })),
    redList: mapped(strict({ redList: Name }, {}, 'RedList'), (u): t.Validation<AwardCriterion> => t.success({ _tag: 'Compare', figure: `red:${(u as { redList: string }).redList}`, op: 'eq', value: 1 })),
    blackList: mapped(strict({ blackList: Name }, {}, 'BlackList'), (u): t.Validation<AwardCriterion> => t.success({ _tag: 'Compare', figure: `black:${(u as { blackList: string }).blackList}`, op: 'eq', value: 1 }))
  }
  return new t.Type<AwardCriterion, unknown, unknown>(
    'AwardCriterion',
    (u): u is AwardCriterion => typeof u === 'object' && u !== null && '_tag' in u,
    (u, c) => {
      if (typeof u !== 'object' || u === null || Array.isArray(u)) return failWith(u, c, CRITERION_TEXT)
      const k = CRITERION_KEYS.find((x) => Object.prototype.hasOwnProperty.call(u, x))
      const codec = k === undefined ? undefined : cases[k]
      return codec === undefined ? failWith(u, c, CRITERION_TEXT) : codec.validate(u, c)
    },
    (a) => a
  )
}))

// -------------------------------------------------------------------------------------
// categories
// -------------------------------------------------------------------------------------

const SelectionC: t.Type<AwardSelection, unknown, unknown> = /*#__PURE__*/ (() => {
  const cases: Readonly<Record<string, t.Type<AwardSelection, unknown, unknown>>> = {
    top: mapped(strict({ kind: t.literal('top'), n: Count }, {}, 'Top'), (u): t.Validation<AwardSelection> => t.success({ _tag: 'Top', n: (u as { n: number }).n })),
    threshold: mapped(strict({ kind: t.literal('threshold'), min: Finite }, { cap: Count }, 'Threshold'), (u): t.Validation<AwardSelection> => {
        const x = u as { min: number; cap?: number }
        return t.success(x.cap === undefined ? { _tag: 'Threshold', min: x.min } : { _tag: 'Threshold', min: x.min, cap: x.cap })
      }),
    grades: mapped(strict({ kind: t.literal('grades'), bands: t.readonlyArray(strict({ min: Finite, grade: Name }, {}, 'Band')) }, {}, 'Grades'), (u, c): t.Validation<AwardSelection> => {
        const bands = (u as { bands: ReadonlyArray<{ min: number; grade: string }> }).bands
        return bands.length === 0 ? failWith(bands, [...c, { key: 'bands', type: t.unknown, actual: bands }], text('at least one band', '至少一个等级')) : t.success({ _tag: 'Grades', bands })
      }),
    everyone: mapped(strict({ kind: t.literal('everyone') }, {}, 'Everyone'), (): t.Validation<AwardSelection> => t.success({ _tag: 'Everyone' }))
  }
  const KINDS = Object.keys(cases)
  return new t.Type<AwardSelection, unknown, unknown>(
    'Selection',
    (u): u is AwardSelection => typeof u === 'object' && u !== null && '_tag' in u,
    (u, c) => {
      const kind = typeof u === 'object' && u !== null ? (u as { kind?: unknown }).kind : undefined
      const codec = typeof kind === 'string' && Object.prototype.hasOwnProperty.call(cases, kind) ? cases[kind] : undefined
      if (codec !== undefined) return codec.validate(u, c)
      if (typeof u !== 'object' || u === null) return failWith(u, c, text(`an object with a kind: ${KINDS.join(', ')}`, `带 kind 的对象：${KINDS.join('、')}`))
      return failWith(kind, [...c, { key: 'kind', type: t.unknown, actual: kind }], text(`one of ${KINDS.join(', ')}`, `以下之一：${KINDS.join('、')}`))
    },
    (a) => a
  )
})()

const ByC: t.Type<ReadonlyArray<ScoreTerm>, unknown, unknown> = /*#__PURE__*/ new t.Type<ReadonlyArray<ScoreTerm>, unknown, unknown>(
  'By',
  (u): u is ReadonlyArray<ScoreTerm> => Array.isArray(u),
  (u, c) => {
    if (typeof u === 'string' && u.length > 0) return t.success([{ figure: u, weight: 1 }])
    if (typeof u === 'object' && u !== null && !Array.isArray(u) && Object.keys(u).length > 0) {
      const r = t.record(t.string, Finite).validate(u, c)
      return E.isLeft(r) ? r : t.success(Object.entries(r.right).map(([figure, weight]) => ({ figure, weight })))
    }
    return failWith(u, c, text('a figure name, or an object of figure names and weights', '指标名，或“指标名: 权重”对象'))
  },
  (a) => a
)

const PeriodC = /*#__PURE__*/ new t.Type<AwardCategory['period'], unknown, unknown>(
  'AwardPeriod',
  (u): u is AwardCategory['period'] => typeof u === 'string',
  (u, c) =>
    typeof u === 'string' && (CALENDAR as ReadonlyArray<string>).includes(u)
      ? t.success(u as AwardCategory['period'])
      : typeof u === 'string' && E.isRight(parsePeriodKey(u))
        ? t.success({ key: u })
        : failWith(u, c, text(`a period kind (${CALENDAR.join(', ')}) or a period key such as 2021-Q3`, `周期类型（${CALENDAR.join('、')}）或周期键，如 2021-Q3`)),
  (a) => a
)

/**
 * An award category in JSON.
 *
 * @category codecs
 * @example
 * decode(AwardCategoryC)({ id: 'star', label: { en: 'Learning Star', zh: '学习之星' }, subjects: 'members', period: 'quarter', by: 'points:study', selection: { kind: 'top', n: 2 } })
 */
export const AwardCategoryC: t.Type<AwardCategory, unknown, unknown> = /*#__PURE__*/ mapped(
  strict(
  { id: Name, label: LabelC, subjects: oneOf('Subjects', ['members', 'units'] as const), period: PeriodC, by: ByC, selection: SelectionC },
  {
    unitKind: UnitKindC,
    scope: UnitIdC,
    cutoff: InstantC,
    criteria: AwardCriterionC,
    order: oneOf('Order', ['desc', 'asc'] as const),
    perUnit: strict({ unitKind: UnitKindC }, { max: Count, percent: Percent, fallback: t.boolean }, 'PerUnit'),
    tieBreakers: t.readonlyArray(strict({ figure: Name, order: oneOf('Order', ['desc', 'asc'] as const) }, {}, 'TieBreaker')),
    ties: oneOf('TiePolicy', ['includeAll', 'breakChain', 'flag'] as const),
    excludeRoles: t.readonlyArray(Name),
    nearMisses: Count
  },
  'AwardCategory'
), (u) => {
    const x = u as Omit<AwardCategory, 'criteria'> & { readonly criteria?: AwardCriterion }
    return t.success({ ...x, criteria: x.criteria ?? { _tag: 'All', of: [] } })
  })

/**
 * A badge in JSON: `{ "kind": "milestone", "id", "label", "account", "levels": [100, 500] }`
 * or `{ "kind": "streak", "id", "label", "account", "days": 7, "min"?: 1 }`.
 *
 * @category codecs
 * @example
 * decode(BadgeSpecC)({ kind: 'streak', id: 'week', label: { en: '7-day streak', zh: '连续学习 7 天' }, account: 'study', days: 7 })
 */
export const BadgeSpecC: t.Type<BadgeSpec, unknown, unknown> = /*#__PURE__*/ guardCodec(new t.Type<BadgeSpec, unknown, unknown>(
  'Badge',
  (u): u is BadgeSpec => typeof u === 'object' && u !== null && '_tag' in u,
  (u, c) => {
    const kind = typeof u === 'object' && u !== null ? (u as { kind?: unknown }).kind : undefined
    if (kind === 'milestone') {
      const r = strict({ kind: t.literal('milestone'), id: Name, label: LabelC, account: Name, levels: t.readonlyArray(Positive) }, {}, 'Milestone').validate(u, c)
      if (E.isLeft(r)) return r
      const { levels } = r.right
      if (levels.length === 0 || levels.some((l, i) => i > 0 && l <= (levels[i - 1] as number))) {
        return failWith(levels, [...c, { key: 'levels', type: t.unknown, actual: levels }], text('levels that rise strictly, at least one', '严格递增的等级（至少一个）'))
      }
      return t.success({ _tag: 'Milestone', id: r.right.id, label: r.right.label, account: r.right.account, levels })
    }
    if (kind === 'streak') {
      const r = strict({ kind: t.literal('streak'), id: Name, label: LabelC, account: Name, days: Positive }, { min: Positive }, 'Streak').validate(u, c)
      if (E.isLeft(r)) return r
      const { id, label, account, days, min } = r.right
      return t.success(min === undefined ? { _tag: 'Streak', id, label, account, days } : { _tag: 'Streak', id, label, account, days, min })
    }
    if (typeof u !== 'object' || u === null) return failWith(u, c, text('a badge object', '徽章对象'))
    return failWith(kind, [...c, { key: 'kind', type: t.unknown, actual: kind }], text('one of milestone, streak', '以下之一：milestone、streak'))
  },
  (a) => a
))

// -------------------------------------------------------------------------------------
// the programme
// -------------------------------------------------------------------------------------

// A host metric: its name, or its name and the label reasons show for it ({"id":"skills","label":{…}}).
const HostMetricC = /*#__PURE__*/ describedAs(
  t.union([Name, strict({ id: Name }, { label: LabelC }, 'HostMetric')]),
  text('a metric name, or an object with id and label', '指标名，或含 id 和 label 的对象')
)
const metricId = (m: string | { readonly id: string }): string => (typeof m === 'string' ? m : m.id)

const ProgrammeShapeC = /*#__PURE__*/ strict(
  { awards: t.UnknownArray },
  {
    version: t.literal(1),
    zone: t.string,
    boards: t.UnknownRecord,
    hostMetrics: t.readonlyArray(HostMetricC),
    accounts: t.readonlyArray(strict({ id: Name }, { label: LabelC }, 'Account')),
    violationTypes: t.readonlyArray(Name),
    exclusive: t.readonlyArray(t.readonlyArray(Name)),
    badges: t.UnknownArray
  },
  'AwardProgramme'
)

const decodeBoard = (u: unknown, z: Zone, path: ReadonlyArray<PathSegment>): Decoded<AwardBoard> => {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return E.left([problem('type', at(path), text('a board spec object', '榜单定义对象'), u)])
  const { lists, ...rest } = u as Record<string, unknown>
  const followsAward = !('period' in rest)
  const spec = decode(boardSpecCodec(z), path)(followsAward ? { ...rest, period: 'all' } : rest)
  const l = lists === undefined ? E.right(undefined) : decode(RedBlackSpecC, [...path, 'lists'])(lists)
  if (E.isLeft(spec) || E.isLeft(l)) return E.left([...(E.isLeft(spec) ? spec.left : []), ...(E.isLeft(l) ? l.left : [])])
  return E.right(l.right === undefined ? { spec: spec.right, followsAward } : { spec: spec.right, followsAward, lists: l.right })
}

// Walk a criterion's JSON (already decoded, so its shape is right) to check figures and awards at their paths.
const checkCriterion = (
  u: unknown,
  path: ReadonlyArray<PathSegment>,
  subjects: 'members' | 'units',
  known: { readonly boards: ReadonlyArray<string>; readonly hostMetrics: ReadonlyArray<string>; readonly awards: ReadonlyArray<string>; readonly accounts?: ReadonlyArray<string> },
  out: Array<Problem>,
  names: Array<readonly [string, ReadonlyArray<PathSegment>]>
): void => {
  const x = u as Record<string, unknown>
  if (Array.isArray(x['all'])) x['all'].forEach((c, k) => checkCriterion(c, [...path, 'all', k], subjects, known, out, names))
  else if (Array.isArray(x['any'])) x['any'].forEach((c, k) => checkCriterion(c, [...path, 'any', k], subjects, known, out, names))
  else if ('not' in x) checkCriterion(x['not'], [...path, 'not'], subjects, known, out, names)
  else {
    const figure = typeof x['figure'] === 'string' ? ['figure', x['figure']] : typeof x['redList'] === 'string' ? ['redList', `red:${x['redList']}`] : typeof x['blackList'] === 'string' ? ['blackList', `black:${x['blackList']}`] : undefined
    if (figure !== undefined) {
      const why = figureProblem(figure[1] as string, subjects, known)
      if (why !== undefined) out.push(problem('reference', at([...path, figure[0] as string]), why, x[figure[0] as string]))
    }
    if (typeof x['winnerOf'] === 'string') {
      names.push([x['winnerOf'], [...path, 'winnerOf']])
      if (!known.awards.includes(x['winnerOf'])) {
        out.push(problem('reference', at([...path, 'winnerOf']), text(`an award defined in awards: ${known.awards.join(', ')}`, `awards 中定义的奖项：${known.awards.join('、')}`), x['winnerOf']))
      }
    }
    if ((x['partyMember'] !== undefined || x['cadre'] !== undefined || x['tag'] !== undefined || x['role'] !== undefined) && subjects === 'units') {
      out.push(problem('conflict', at(path), text('a criterion about units (member attributes need a members award)', '适用于单位的条件（成员属性仅用于成员奖项）'), x))
    }
  }
}

/**
 * Decode an awards programme from untrusted JSON: shape first, then every
 * cross-reference, each problem at its path; a valid programme comes back
 * ready for `runAwards`.
 *
 * @category constructors
 * @example
 * const r = decodeAwardProgramme({ awards: [{ id: 'star', label: { en: 'Star', zh: '之星' }, subjects: 'members', period: 'quarter', by: 'rank:nope', selection: { kind: 'top', n: -1 } }] })
 * E.isLeft(r) && r.left.map((p) => renderProblem(p))
 * // => ['$.awards[0].selection.n: expected a whole number ≥ 0, got -1', ...]
 */
export const decodeAwardProgramme = (u: unknown): Decoded<AwardProgramme> => {
  const shape = decode(ProgrammeShapeC)(u)
  if (E.isLeft(shape)) return shape
  const raw = shape.right
  const ps: Array<Problem> = []
  const zr = readZone(raw.zone ?? DEFAULT_ZONE, ['zone'])
  if (E.isLeft(zr)) ps.push(zr.left)
  const z = E.isRight(zr) ? zr.right : DEFAULT_ZONE
  const boards: Record<string, AwardBoard> = {}
  for (const [id, b] of Object.entries(raw.boards ?? {})) {
    const r = decodeBoard(b, z, ['boards', id])
    if (E.isLeft(r)) ps.push(...r.left)
    else boards[id] = r.right
  }
  const awards: Array<AwardCategory> = []
  raw.awards.forEach((a, i) => {
    const r = decode(AwardCategoryC, ['awards', i])(a)
    if (E.isLeft(r)) ps.push(...r.left)
    else awards.push(r.right)
  })
  const badges: Array<BadgeSpec> = []
  ;(raw.badges ?? []).forEach((b, i) => {
    const r = decode(BadgeSpecC, ['badges', i])(b)
    if (E.isLeft(r)) ps.push(...r.left)
    else badges.push(r.right)
  })
  if (ps.length > 0) return E.left(ps)
  // cross-references
  const ids = awards.map((a) => a.id)
  const accountIds = raw.accounts?.map((x) => x.id)
  const hostMetrics = (raw.hostMetrics ?? []).map(metricId)
  const metricLabels = (raw.hostMetrics ?? []).flatMap((m) => (typeof m === 'string' || m.label === undefined ? [] : [{ id: m.id, label: m.label }]))
  const known = { boards: Object.keys(boards), hostMetrics, awards: ids, ...(accountIds === undefined ? {} : { accounts: accountIds }) }
  if (accountIds !== undefined) {
    // boards and badges over an account the rules do not have would read zero for everyone
    for (const [id, b] of Object.entries(boards)) {
      const m = b.spec.metric
      if ((m.kind === 'points' || m.kind === 'aboveDailyMin') && !accountIds.includes(m.account)) ps.push(problem('reference', at(['boards', id, 'metric', 'account']), anAccountOf(accountIds), m.account))
    }
    badges.forEach((b, i) => {
      if (!accountIds.includes(b.account)) ps.push(problem('reference', at(['badges', i, 'account']), anAccountOf(accountIds), b.account))
    })
  }
  const seen = new Set<string>()
  ids.forEach((id, i) => {
    if (seen.has(id)) ps.push(problem('duplicate', at(['awards', i, 'id']), text('an award id not used before', '未重复的奖项标识'), id))
    seen.add(id)
  })
  const badgeIds = new Set<string>()
  badges.forEach((b, i) => {
    if (badgeIds.has(b.id) || seen.has(b.id)) ps.push(problem('duplicate', at(['badges', i, 'id']), text('a badge id not used before', '未重复的徽章标识'), b.id))
    badgeIds.add(b.id)
  })
  const exclusive = raw.exclusive ?? []
  const rank = new Map<string, readonly [number, number, number]>() // "a|b" → a before b: [group, index a, index b]
  exclusive.forEach((group, g) => {
    group.forEach((id, k) => {
      if (!seen.has(id)) ps.push(problem('reference', at(['exclusive', g, k]), text(`an award defined in awards: ${ids.join(', ')}`, `awards 中定义的奖项：${ids.join('、')}`), id))
      if (group.indexOf(id) !== k) ps.push(problem('conflict', at(['exclusive', g, k]), text('an award listed once in its group', '组内只列一次的奖项'), id))
      for (const earlier of group.slice(0, k)) {
        const back = rank.get(`${id}|${earlier}`)
        if (back !== undefined && earlier !== id) {
          ps.push(problem('conflict', at(['exclusive', g, k]), text(`the priority order of exclusive group ${back[0]} (${id} before ${earlier})`, `与互斥组 ${back[0]} 一致的优先顺序（${id} 先于 ${earlier}）`), id))
        }
        rank.set(`${earlier}|${id}`, [g, 0, k])
      }
    })
  })
  const rawAwards = raw.awards as ReadonlyArray<Record<string, unknown>>
  awards.forEach((a, i) => {
    const names: Array<readonly [string, ReadonlyArray<PathSegment>]> = []
    if (rawAwards[i]?.['criteria'] !== undefined) checkCriterion(rawAwards[i]?.['criteria'], ['awards', i, 'criteria'], a.subjects, known, ps, names)
    for (const [needed, path] of names) {
      if (needed === a.id) ps.push(problem('conflict', at(path), text('another award (an award cannot require itself)', '其他奖项（奖项不能以自身为条件）'), needed))
      else if (rank.has(`${needed}|${a.id}`)) {
        ps.push(problem('conflict', at(path), text(`an award not exclusive with ${a.id} (its winners are barred from ${a.id})`, `与 ${a.id} 不互斥的奖项（其获奖者不能再获 ${a.id}）`), needed))
      }
    }
    const byRaw = rawAwards[i]?.['by']
    a.by.forEach((term) => {
      const why = figureProblem(term.figure, a.subjects, known)
      if (why !== undefined) ps.push(problem('reference', at(typeof byRaw === 'string' ? ['awards', i, 'by'] : ['awards', i, 'by', term.figure]), why, term.figure))
    })
    ;(a.tieBreakers ?? []).forEach((tb, k) => {
      const why = figureProblem(tb.figure, a.subjects, known)
      if (why !== undefined) ps.push(problem('reference', at(['awards', i, 'tieBreakers', k, 'figure']), why, tb.figure))
    })
    if (a.subjects === 'members' && a.unitKind !== undefined) ps.push(problem('conflict', at(['awards', i, 'unitKind']), text('no unitKind on a members award', '成员奖项无需 unitKind'), a.unitKind))
    if (a.subjects === 'units' && a.excludeRoles !== undefined) ps.push(problem('conflict', at(['awards', i, 'excludeRoles']), text('no excludeRoles on a units award', '单位奖项无需 excludeRoles'), a.excludeRoles))
    if (a.perUnit !== undefined && a.perUnit.max === undefined && a.perUnit.percent === undefined) {
      ps.push(problem('missing', at(['awards', i, 'perUnit']), text('max or percent', 'max 或 percent'), a.perUnit))
    }
    if (a.perUnit?.fallback === true && a.selection._tag !== 'Threshold') {
      ps.push(problem('conflict', at(['awards', i, 'perUnit', 'fallback']), text('a fallback only with a threshold selection', '仅门槛评选可设推荐兜底'), true))
    }
  })
  if (ps.length > 0) return E.left(ps)
  const order = awardOrder({ awards, exclusive })
  if (E.isLeft(order)) return order
  return E.right({
    _tag: 'AwardProgramme',
    zone: z,
    boards,
    hostMetrics,
    ...(metricLabels.length === 0 ? {} : { metricLabels }),
    ...(raw.accounts === undefined ? {} : { accounts: raw.accounts }),
    ...(raw.violationTypes === undefined ? {} : { violationTypes: raw.violationTypes }),
    exclusive,
    awards,
    badges
  })
}

/**
 * Like `decodeAwardProgramme`, throwing on problems (for tests, presets and scripts).
 *
 * @category constructors
 * @example
 * const programme = decodeAwardProgrammeOrThrow(awardPresets())
 */
export const decodeAwardProgrammeOrThrow = (u: unknown): AwardProgramme => {
  const r = decodeAwardProgramme(u)
  if (E.isLeft(r)) throw new Error(r.left.map((p) => `${JSON.stringify(p.at)} ${p.expected.en}: ${p.received.en}`).join('\n'))
  return r.right
}
