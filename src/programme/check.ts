/**
 * A decoded programme checked against the organisation and host tables it
 * will run on, before anything runs: what the programme names that the
 * organisation or the host does not have.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { at, instantOrThrow, listText, periodOf, problem, text, withPrefix, type Decoded, type OrgTree, type Problem, type Text } from '../core/internal.js'
import { boardSubjects, type HostMetrics } from '../ranking/internal.js'
import { checkAwardOrg } from '../awards/internal.js'
import type { Programme } from './programme.js'

// Any instant gives a bounded period of each kind: the checks read only its being bounded.
const SOME_INSTANT = /*#__PURE__*/ instantOrThrow('2021-07-01T00:00:00+08:00')

/**
 * Problems of a decoded programme against an organisation, each at its path
 * in the programme: a unit kind the awards need (a quota per branch, a flag
 * for a work group) or a board ranks that the organisation has no unit of,
 * a board or award scope that is not a unit of it, a units board with
 * nothing to rank. `runProgramme` and `runAwards` refuse such a run with the
 * same problems.
 *
 * @category utilities
 * @example
 * checkProgrammeOrg(decodeProgrammeOrThrow({ version: 1, rules: dailyStudy(), awards: awardPresets() }), flatPark).map((p) => renderProblem(p))[0]
 * // => '$.awards.awards[1].perUnit.unitKind: expected a unit kind the organisation has: park, got "branch"'
 */
export const checkProgrammeOrg = (programme: Programme, org: OrgTree): ReadonlyArray<Problem> => {
  const out: Array<Problem> = programme.awards === undefined ? [] : [...withPrefix(['awards'])(checkAwardOrg(programme.awards)(org))]
  const kinds = [...new Set(org.units.map((u) => u.kind))].sort()
  // The board's own checks against the organisation (scope, something to rank); host tables are checked by checkHostTables.
  const declared: HostMetrics = Object.fromEntries(programme.host.map((h) => [h.id, {}]))
  programme.boards.forEach((b, i) => {
    const { unitKind } = b.spec
    if (unitKind !== undefined && !kinds.includes(unitKind)) {
      const l = listText(kinds, 10, kinds.length)
      out.push(problem('reference', at(['boards', i, 'unitKind']), text(`a unit kind the organisation has: ${l.en}`, `组织中已有的单位类型：${l.zh}`), unitKind))
      return
    }
    const s = boardSubjects({ ...b.spec, period: periodOf(b.period, SOME_INSTANT, programme.zone) }, { org, host: declared })
    if (E.isLeft(s)) out.push(...withPrefix(['boards', i])(s.left))
  })
  return out
}

/**
 * Problems of the host tables a run is given, against the programme that
 * declares them (`$.host`) and the organisation: a declared table missing
 * (at the table's name), a value that is not a finite number, an id that is
 * not a member (or, for a table per unit, a unit) of the organisation —
 * each at its path in the host tables, `<table>.<id>`.
 *
 * @category utilities
 * @example
 * checkHostTables(programme, org, { skills: { 'm-001': 88, 'm-999': 70 } }).map((p) => renderProblem(p))
 * // => ['$.conduct: expected the host table conduct declared at $.host[1], got (missing)', '$.skills["m-999"]: expected a member of the organisation, got "m-999"']
 */
export const checkHostTables = (programme: Programme, org: OrgTree, host: HostMetrics = {}): ReadonlyArray<Problem> => {
  // Never throws: host tables come from a file or a request; a hostile value (a Proxy or getter that throws) is a problem.
  try {
    if (typeof host !== 'object' || host === null || Array.isArray(host)) return [problem('type', at([]), text('host tables: an object whose keys are table names, each an object of ids to numbers', '宿主数据表：以表名为键、每表为标识到数值的对象'), host)]
    return hostProblems(programme, org, host)
  } catch {
    return [UNREADABLE]
  }
}

const isObject = (u: unknown): u is Readonly<Record<string, unknown>> => typeof u === 'object' && u !== null && !Array.isArray(u)

// One table's problems: not an object of ids, a value that is not a finite number, an id `known` does not
// hold (when given), each at `<table>.<id>`.
const tableProblems = (name: string, table: unknown, known: { readonly has: (id: string) => boolean; readonly expected: Text } | undefined, out: Array<Problem>): void => {
  if (!isObject(table)) {
    out.push(problem('type', at([name]), text('an object of ids to numbers', '标识到数值的对象'), table))
    return
  }
  for (const [id, v] of Object.entries(table)) {
    if (typeof v !== 'number' || !Number.isFinite(v)) out.push(problem('type', at([name, id]), text('a finite number', '有限数值'), v))
    if (known !== undefined && !known.has(id)) out.push(problem('reference', at([name, id]), known.expected, id))
  }
}

const hostProblems = (programme: Programme, org: OrgTree, host: HostMetrics): ReadonlyArray<Problem> => {
  const out: Array<Problem> = []
  programme.host.forEach((h, i) => {
    if (!Object.prototype.hasOwnProperty.call(host, h.id)) {
      out.push(problem('missing', at([h.id]), text(`the host table ${h.id} declared at $.host[${i}]`, `$.host[${i}] 声明的宿主数据表 ${h.id}`), undefined))
      return
    }
    const known =
      h.of === 'units'
        ? { has: (id: string) => org.unitById.has(id), expected: text('a unit of the organisation', '组织中的单位') }
        : { has: (id: string) => org.memberById.has(id), expected: text('a member of the organisation', '组织中的成员') }
    tableProblems(h.id, host[h.id], known, out)
  })
  return out
}

/**
 * Read host tables as a file holds them, `{ "<table>": { "<member or unit id>": number } }`:
 * each value a finite number; with an organisation, each id one of its members or units (a
 * programme's declared tables are checked by `checkHostTables`).
 *
 * @category decoding
 * @example
 * E.isLeft(decodeHostTables({ skills: { 'm-1': 'high' } })) // => true ($.skills["m-1"])
 */
export const decodeHostTables = (u: unknown, org?: OrgTree): Decoded<HostMetrics> => {
  // Never throws: a hostile value (a Proxy or getter that throws) is a problem (issue #14).
  try {
    return hostTablesOf(u, org)
  } catch {
    return E.left([UNREADABLE])
  }
}

const UNREADABLE = /*#__PURE__*/ problem('internal', at([]), text('host tables that can be read (reading them failed)', '可读取的宿主数据表（读取时出错）'), undefined)

const hostTablesOf = (u: unknown, org: OrgTree | undefined): Decoded<HostMetrics> => {
  if (!isObject(u)) return E.left([problem('type', at(), text('an object of host tables: { "<table>": { "<id>": number } }', '宿主数据表对象：{ "<表>": { "<标识>": 数值 } }'), u)])
  const ps: Array<Problem> = []
  const known = org === undefined ? undefined : { has: (id: string) => org.memberById.has(id) || org.unitById.has(id), expected: text('a member or unit of the organisation', '组织中的成员或单位') }
  for (const [name, table] of Object.entries(u)) {
    if (name === '') ps.push(problem('format', at([name]), text('a non-empty table name', '非空的表名'), name))
    tableProblems(name, table, known, ps)
  }
  return ps.length > 0 ? E.left(ps) : E.right(u as HostMetrics)
}
