/**
 * The organisation tree: units (park → enterprise / party branch → work
 * group, and households) and the members who belong to them. Decoded from
 * JSON with every problem at its path (duplicate ids, unknown parents,
 * cycles, members of unknown units); queried for ancestors, subtrees and the
 * members of a subtree in constant or linear time.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { at, problem, text, type PathSegment, type Problem } from './errors.js'
import { type MemberId, type UnitId } from './ids.js'
import { decode, MemberIdC, refined, strict, UnitIdC, type Decoded } from './decode.js'
import { parseLocalDate } from './instant.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The kinds of organisation unit.
 *
 * @category model
 * @example
 * const k: UnitKind = 'household'
 */
export type UnitKind = 'park' | 'enterprise' | 'branch' | 'group' | 'household' | 'other'

/**
 * An organisation unit; `parent` is absent for a root.
 *
 * @category model
 * @example
 * const u: Unit = { id: 'g1', label: '一组', kind: 'group', parent: 'b1' }
 */
export interface Unit {
  readonly id: UnitId
  readonly label: string
  readonly kind: UnitKind
  readonly parent?: UnitId
}

/**
 * A member of one unit, with the attributes award criteria look at.
 *
 * @category model
 * @example
 * const m: Member = { id: 'm1', unit: 'g1', partyMember: true }
 */
export interface Member {
  readonly id: MemberId
  readonly unit: UnitId
  readonly label?: string
  readonly partyMember?: boolean
  readonly cadre?: boolean
  /** Local date `YYYY-MM-DD`. */
  readonly joined?: string
  readonly roles?: ReadonlyArray<string>
  readonly tags?: ReadonlyArray<string>
}

/**
 * A checked organisation tree with its indexes. Build it with `orgTree` or `decodeOrg`.
 *
 * @category model
 * @example
 * const r = decodeOrg(json); E.isRight(r) && r.right.roots // => ['park']
 */
export interface OrgTree {
  readonly _tag: 'OrgTree'
  /** Units in input order. */
  readonly units: ReadonlyArray<Unit>
  /** Members in input order. */
  readonly members: ReadonlyArray<Member>
  readonly unitById: ReadonlyMap<string, Unit>
  readonly memberById: ReadonlyMap<string, Member>
  readonly roots: ReadonlyArray<UnitId>
  readonly children: ReadonlyMap<string, ReadonlyArray<UnitId>>
  /** Members directly in each unit (not its descendants). */
  readonly direct: ReadonlyMap<string, ReadonlyArray<MemberId>>
  /** Depth-first entry and exit numbers: `b` is in the subtree of `a` iff `enter(a) <= enter(b) < exit(a)`. */
  readonly interval: ReadonlyMap<string, readonly [number, number]>
}

/**
 * The JSON form of an organisation tree.
 *
 * @category model
 * @example
 * const input: OrgInput = { units: [{ id: 'park', label: '园区', kind: 'park' }], members: [] }
 */
export interface OrgInput {
  readonly units: ReadonlyArray<Unit>
  readonly members: ReadonlyArray<Member>
}

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

const UNIT_KINDS: ReadonlyArray<UnitKind> = ['park', 'enterprise', 'branch', 'group', 'household', 'other']

/**
 * A unit kind.
 *
 * @category codecs
 * @example
 * E.isRight(decode(UnitKindC)('branch')) // => true
 */
export const UnitKindC: t.Type<UnitKind, UnitKind, unknown> = /*#__PURE__*/ refined(
  'UnitKind',
  (u): u is UnitKind => typeof u === 'string' && (UNIT_KINDS as ReadonlyArray<string>).includes(u),
  text(`one of ${UNIT_KINDS.join(', ')}`, `以下之一：${UNIT_KINDS.join('、')}`)
)

const LocalDateC = /*#__PURE__*/ refined(
  'LocalDate',
  (u): u is string => E.isRight(parseLocalDate(u)),
  text('a date YYYY-MM-DD', '日期 YYYY-MM-DD')
)

/**
 * A unit in JSON: `{ id, label, kind, parent? }`.
 *
 * @category codecs
 * @example
 * decode(UnitC)({ id: 'g1', label: '一组', kind: 'group', parent: 'b1' })
 */
export const UnitC = /*#__PURE__*/ strict({ id: UnitIdC, label: t.string, kind: UnitKindC }, { parent: UnitIdC }, 'Unit')

/**
 * A member in JSON: `{ id, unit, label?, partyMember?, cadre?, joined?, roles?, tags? }`.
 *
 * @category codecs
 * @example
 * decode(MemberC)({ id: 'm1', unit: 'g1', partyMember: true, joined: '2020-01-05' })
 */
export const MemberC = /*#__PURE__*/ strict(
  { id: MemberIdC, unit: UnitIdC },
  {
    label: t.string,
    partyMember: t.boolean,
    cadre: t.boolean,
    joined: LocalDateC,
    roles: t.readonlyArray(t.string),
    tags: t.readonlyArray(t.string)
  },
  'Member'
)

/**
 * The organisation tree in JSON: `{ units: [...], members: [...] }` (shape only; `decodeOrg` also checks references).
 *
 * @category codecs
 * @example
 * decode(OrgInputC)({ units: [], members: [] }) // => right({ units: [], members: [] })
 */
export const OrgInputC = /*#__PURE__*/ strict({ units: t.readonlyArray(UnitC), members: t.readonlyArray(MemberC) }, {}, 'Org')

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Check units and members and build the indexes: duplicate unit or member
 * ids, unknown parents, cycles and members of unknown units are all reported,
 * each at its path under `path`.
 *
 * @category constructors
 * @example
 * const r = orgTree({ units: [{ id: 'p', label: 'Park', kind: 'park' }], members: [] })
 * E.isRight(r) // => true
 */
export const orgTree = (input: OrgInput, path: ReadonlyArray<PathSegment> = []): Decoded<OrgTree> => {
  const problems: Array<Problem> = []
  const unitById = new Map<UnitId, Unit>()
  input.units.forEach((u, i) => {
    if (unitById.has(u.id)) problems.push(problem('duplicate', at([...path, 'units', i, 'id']), text('a unit id not used before', '未重复的单位标识'), u.id))
    else unitById.set(u.id, u)
  })
  input.units.forEach((u, i) => {
    if (u.parent !== undefined && !unitById.has(u.parent)) {
      problems.push(problem('reference', at([...path, 'units', i, 'parent']), text('the id of a unit in units', 'units 中某单位的标识'), u.parent))
    }
  })
  // Cycles: follow parents; a walk that comes back to a unit on its own path is a cycle.
  const state = new Map<UnitId, 1 | 2>() // 1 on the current walk, 2 done
  const indexOf = new Map<UnitId, number>()
  input.units.forEach((u, i) => {
    if (!indexOf.has(u.id)) indexOf.set(u.id, i)
  })
  for (const start of unitById.keys()) {
    const walk: Array<UnitId> = []
    let cur: UnitId | undefined = start
    while (cur !== undefined && state.get(cur) === undefined) {
      state.set(cur, 1)
      walk.push(cur)
      const parent: UnitId | undefined = unitById.get(cur)?.parent
      cur = parent !== undefined && unitById.has(parent) ? parent : undefined
    }
    if (cur !== undefined && state.get(cur) === 1) {
      const cycle = walk.slice(walk.indexOf(cur))
      problems.push(
        problem(
          'conflict',
          at([...path, 'units', indexOf.get(cur) ?? 0, 'parent']),
          text('a parent that is not the unit itself or one of its descendants', '不是本单位或其下级的上级单位'),
          `cycle ${[...cycle, cur].join(' → ')}`
        )
      )
    }
    for (const u of walk) state.set(u, 2)
  }
  const memberById = new Map<MemberId, Member>()
  input.members.forEach((m, i) => {
    if (memberById.has(m.id)) problems.push(problem('duplicate', at([...path, 'members', i, 'id']), text('a member id not used before', '未重复的成员标识'), m.id))
    else memberById.set(m.id, m)
    if (!unitById.has(m.unit)) problems.push(problem('reference', at([...path, 'members', i, 'unit']), text('the id of a unit in units', 'units 中某单位的标识'), m.unit))
  })
  if (problems.length > 0) return E.left(problems)

  const children = new Map<UnitId, Array<UnitId>>()
  const roots: Array<UnitId> = []
  for (const u of unitById.values()) {
    children.set(u.id, [])
  }
  for (const u of unitById.values()) {
    if (u.parent === undefined) roots.push(u.id)
    else children.get(u.parent)?.push(u.id)
  }
  const direct = new Map<UnitId, Array<MemberId>>()
  for (const u of unitById.keys()) direct.set(u, [])
  for (const m of memberById.values()) direct.get(m.unit)?.push(m.id)
  const interval = new Map<UnitId, readonly [number, number]>()
  let clock = 0
  for (const r of roots) {
    // Iterative depth-first walk (trees may be deep).
    const stack: Array<readonly [UnitId, number]> = [[r, 0]]
    const enter = new Map<UnitId, number>()
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as readonly [UnitId, number]
      const [u, next] = top
      if (next === 0) enter.set(u, clock++)
      const kids = children.get(u) ?? []
      if (next < kids.length) {
        stack[stack.length - 1] = [u, next + 1]
        stack.push([kids[next] as UnitId, 0])
      } else {
        stack.pop()
        interval.set(u, [enter.get(u) as number, clock])
      }
    }
  }
  return E.right({
    _tag: 'OrgTree',
    units: input.units,
    members: input.members,
    unitById,
    memberById,
    roots,
    children,
    direct,
    interval
  })
}

/**
 * Decode an organisation tree from untrusted JSON: shape, references and
 * cycles, every problem at its path (references and cycles are checked among
 * the units and members whose shape is right, so one run reports them all).
 *
 * @category constructors
 * @example
 * const r = decodeOrg({ units: [{ id: 'a', label: 'A', kind: 'group', parent: 'zz' }], members: [] })
 * E.isLeft(r) && renderProblem(r.left[0]!) // => '$.units[0].parent: expected the id of a unit in units, got "zz"'
 */
export const decodeOrg = (input: unknown, path: ReadonlyArray<PathSegment> = []): Decoded<OrgTree> => {
  // Never throws: a hostile value (a Proxy or getter that throws) is a problem (issue #14).
  try {
    return decodeOrgUnguarded(input, path)
  } catch {
    return E.left([problem('internal', at(path), text('an organisation that can be read (reading it failed)', '可读取的组织（读取时出错）'), undefined)])
  }
}

const decodeOrgUnguarded = (input: unknown, path: ReadonlyArray<PathSegment>): Decoded<OrgTree> => {
  const shape = decode(OrgInputC, path)(input)
  if (E.isRight(shape)) return orgTree(shape.right, path)
  // Shape problems first; then check references and cycles among the units and
  // members that did decode, so one run reports everything it can.
  const raw = input as { readonly units?: unknown; readonly members?: unknown }
  if (typeof raw !== 'object' || raw === null || !Array.isArray(raw.units) || !Array.isArray(raw.members)) return shape
  const pick = <A>(xs: ReadonlyArray<unknown>, codec: t.Type<A, unknown, unknown>): readonly [Array<A>, Array<number>] => {
    const ok: Array<A> = []
    const where: Array<number> = []
    xs.forEach((x, i) => {
      const r = codec.decode(x)
      if (E.isRight(r)) {
        ok.push(r.right)
        where.push(i)
      }
    })
    return [ok, where]
  }
  const [units, unitAt] = pick(raw.units as ReadonlyArray<unknown>, UnitC)
  const [members, memberAt] = pick(raw.members as ReadonlyArray<unknown>, MemberC)
  // Ids of units that exist but are malformed: references to them are not reported again.
  const broken = new Set<unknown>((raw.units as ReadonlyArray<unknown>).map((u) => (u as { readonly id?: unknown } | null)?.id))
  for (const u of units) broken.delete(u.id)
  const more = orgTree({ units, members }, path)
  if (E.isRight(more)) return shape
  const remap = (p: Problem): Problem | undefined => {
    if (p.at._tag !== 'JsonPath') return p
    const segs = p.at.segments
    const list = segs[path.length]
    const index = segs[path.length + 1]
    if (typeof index !== 'number') return p
    if (p.code === 'reference' && broken.has(JSON.parse(p.received.en) as unknown)) return undefined
    const original = (list === 'units' ? unitAt : memberAt)[index] ?? index
    return { ...p, at: at([...segs.slice(0, path.length + 1), original, ...segs.slice(path.length + 2)]) }
  }
  const extra = more.left.map(remap).filter((p): p is Problem => p !== undefined)
  return E.left([...shape.left, ...extra])
}

// -------------------------------------------------------------------------------------
// queries
// -------------------------------------------------------------------------------------

/**
 * The ancestors of a unit, nearest first (its parent, grandparent, … root); empty for a root or an unknown unit.
 *
 * @category utilities
 * @example
 * ancestors(tree, 'group-1') // => ['branch-1', 'park']
 */
export const ancestors = (tree: OrgTree, unit: string): ReadonlyArray<UnitId> => {
  const out: Array<UnitId> = []
  let cur = tree.unitById.get(unit)?.parent
  while (cur !== undefined) {
    out.push(cur)
    cur = tree.unitById.get(cur)?.parent
  }
  return out
}

/**
 * True when `unit` is `root` or one of its descendants (constant time).
 *
 * @category utilities
 * @example
 * inSubtree(tree, 'park')('group-1') // => true
 */
export const inSubtree =
  (tree: OrgTree, root: string) =>
  (unit: string): boolean => {
    const a = tree.interval.get(root)
    const b = tree.interval.get(unit)
    return a !== undefined && b !== undefined && a[0] <= b[0] && b[0] < a[1]
  }

/**
 * The units of a subtree, the root first, in depth-first order.
 *
 * @category utilities
 * @example
 * subtreeUnits(tree, 'branch-1') // => ['branch-1', 'group-1', 'group-2']
 */
export const subtreeUnits = (tree: OrgTree, root: string): ReadonlyArray<UnitId> => {
  if (!tree.unitById.has(root)) return []
  const out: Array<UnitId> = []
  const stack: Array<UnitId> = [root as UnitId]
  while (stack.length > 0) {
    const u = stack.pop() as UnitId
    out.push(u)
    const kids = tree.children.get(u) ?? []
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as UnitId)
  }
  return out
}

/**
 * The members of a unit and all its descendants, in depth-first unit order.
 *
 * @category utilities
 * @example
 * membersOf(tree, 'branch-1') // => ['m1', 'm2', 'm3']
 */
export const membersOf = (tree: OrgTree, root: string): ReadonlyArray<MemberId> =>
  subtreeUnits(tree, root).flatMap((u) => tree.direct.get(u) ?? [])

/**
 * True when a member belongs to a unit or one of its descendants.
 *
 * @category utilities
 * @example
 * memberInSubtree(tree, 'park')('m1') // => true
 */
export const memberInSubtree = (tree: OrgTree, root: string): ((member: string) => boolean) => {
  const within = inSubtree(tree, root)
  return (member) => {
    const m = tree.memberById.get(member)
    return m !== undefined && within(m.unit)
  }
}
