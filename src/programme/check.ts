/**
 * A decoded programme checked against the organisation and host tables it
 * will run on, before anything runs: what the programme names that the
 * organisation or the host does not have.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { at, instantOrThrow, listText, periodOf, problem, text, withPrefix, type OrgTree, type Problem } from '../core/internal.js'
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
  programme.boards.forEach((b, i) => {
    const { unitKind } = b.spec
    if (unitKind !== undefined && !kinds.includes(unitKind)) {
      const l = listText(kinds, 10, kinds.length)
      out.push(problem('reference', at(['boards', i, 'unitKind']), text(`a unit kind the organisation has: ${l.en}`, `组织中已有的单位类型：${l.zh}`), unitKind))
      return
    }
    // The board's own checks against the organisation (scope, something to rank); host tables are checked by checkHostTables.
    const declared: HostMetrics = Object.fromEntries(programme.host.map((h) => [h.id, {}]))
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
    return [problem('internal', at([]), text('host tables that can be read (reading them failed)', '可读取的宿主数据表（读取时出错）'), undefined)]
  }
}

const hostProblems = (programme: Programme, org: OrgTree, host: HostMetrics): ReadonlyArray<Problem> => {
  const out: Array<Problem> = []
  programme.host.forEach((h, i) => {
    if (!Object.prototype.hasOwnProperty.call(host, h.id)) {
      out.push(problem('missing', at([h.id]), text(`the host table ${h.id} declared at $.host[${i}]`, `$.host[${i}] 声明的宿主数据表 ${h.id}`), undefined))
      return
    }
    const table = host[h.id]
    if (typeof table !== 'object' || table === null || Array.isArray(table)) {
      out.push(problem('type', at([h.id]), text('an object of ids to numbers', '标识到数值的对象'), table))
      return
    }
    for (const [id, v] of Object.entries(table)) {
      if (typeof v !== 'number' || !Number.isFinite(v)) out.push(problem('type', at([h.id, id]), text('a finite number', '有限数值'), v))
      const known = h.of === 'units' ? org.unitById.has(id) : org.memberById.has(id)
      if (!known) out.push(problem('reference', at([h.id, id]), h.of === 'units' ? text('a unit of the organisation', '组织中的单位') : text('a member of the organisation', '组织中的成员'), id))
    }
  })
  return out
}
