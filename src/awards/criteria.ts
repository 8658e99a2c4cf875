/**
 * Criteria: composable predicates over a subject's figures and record.
 * Each criterion compiles to a fast test for every candidate, and explains
 * itself for any one subject (which parts passed or failed, with the figures
 * read); both come from the same definition, so they always agree.
 *
 * @module
 */
import { inSubtree, text, type Member, type MemberId, type OrgTree, type Text, type UnitId } from '../core/index.js'
import type { FigureTable } from './figures.js'
import type { AwardCriterion, AwardOp, CriterionOutcome } from './model.js'

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * All of the criteria hold (none given: always true).
 *
 * @category constructors
 * @example
 * allOf(figureIs('points:study', 'gte', 500), isPartyMember())
 */
export const allOf = (...of: ReadonlyArray<AwardCriterion>): AwardCriterion => ({ _tag: 'All', of })

/**
 * At least one of the criteria holds (none given: never).
 *
 * @category constructors
 * @example
 * anyOf(isCadre(), hasTag('post-expert'))
 */
export const anyOf = (...of: ReadonlyArray<AwardCriterion>): AwardCriterion => ({ _tag: 'Any', of })

/**
 * The criterion does not hold.
 *
 * @category constructors
 * @example
 * isNot(onBlackList('groups'))
 */
export const isNot = (criterion: AwardCriterion): AwardCriterion => ({ _tag: 'Not', criterion })

/**
 * A figure compared with a number; a subject without the figure fails.
 *
 * @category constructors
 * @example
 * figureIs('violations', 'eq', 0)
 */
export const figureIs = (fact: string, op: AwardOp, value: number): AwardCriterion => ({ _tag: 'Compare', fact, op, value })

/**
 * The member is (or with `false`, is not) a party member.
 *
 * @category constructors
 * @example
 * isPartyMember() // => { _tag: 'Flag', attr: 'partyMember', value: true }
 */
export const isPartyMember = (value = true): AwardCriterion => ({ _tag: 'Flag', attr: 'partyMember', value })

/**
 * The member is (or with `false`, is not) a cadre.
 *
 * @category constructors
 * @example
 * isCadre(false)
 */
export const isCadre = (value = true): AwardCriterion => ({ _tag: 'Flag', attr: 'cadre', value })

/**
 * The member carries a tag.
 *
 * @category constructors
 * @example
 * hasTag('post-expert')
 */
export const hasTag = (tag: string): AwardCriterion => ({ _tag: 'Tag', tag })

/**
 * The member holds a role.
 *
 * @category constructors
 * @example
 * hasRole('group-leader')
 */
export const hasRole = (role: string): AwardCriterion => ({ _tag: 'Role', role })

/**
 * The subject is in a unit or its subtree (a member's unit, or a unit itself).
 *
 * @category constructors
 * @example
 * inUnit('b1' as UnitId)
 */
export const inUnit = (unit: UnitId): AwardCriterion => ({ _tag: 'InUnit', unit })

/**
 * The subject won another award in the same run (tiered titles).
 *
 * @category constructors
 * @example
 * winnerOf('learning-activist')
 */
export const winnerOf = (award: string): AwardCriterion => ({ _tag: 'WinnerOf', award })

/**
 * The subject is on a board's red list.
 *
 * @category constructors
 * @example
 * onRedList('study-board') // => figureIs('red:study-board', 'eq', 1)
 */
export const onRedList = (board: string): AwardCriterion => figureIs(`red:${board}`, 'eq', 1)

/**
 * The subject is on a board's black list.
 *
 * @category constructors
 * @example
 * isNot(onBlackList('groups'))
 */
export const onBlackList = (board: string): AwardCriterion => figureIs(`black:${board}`, 'eq', 1)

// -------------------------------------------------------------------------------------
// evaluation
// -------------------------------------------------------------------------------------

/**
 * What criteria read: the figures, the organisation tree and the winners of the awards decided so far.
 *
 * @category model
 * @example
 * const env: CriteriaEnv = { table, org, subjects: 'members', winners: new Map([['learning-activist', new Set(['m1'])]]) }
 */
export interface CriteriaEnv {
  readonly table: FigureTable
  readonly org: OrgTree
  readonly subjects: 'members' | 'units'
  readonly winners: ReadonlyMap<string, ReadonlySet<string>>
  /** The member records of the table's rows, when the caller has them (saves a lookup per row). */
  readonly records?: ReadonlyArray<Member>
}

const SYMBOL: Readonly<Record<AwardOp, string>> = { gte: '≥', gt: '>', lte: '≤', lt: '<', eq: '=', ne: '≠' }

const compare = (op: AwardOp, a: number, b: number): boolean =>
  op === 'gte' ? a >= b : op === 'gt' ? a > b : op === 'lte' ? a <= b : op === 'lt' ? a < b : op === 'eq' ? a === b : a !== b

/**
 * Every figure name a criterion reads.
 *
 * @category utilities
 * @example
 * criterionFacts(allOf(figureIs('points:study', 'gte', 1), onRedList('b'))) // => ['points:study', 'red:b']
 */
export const criterionFacts = (c: AwardCriterion): ReadonlyArray<string> => {
  switch (c._tag) {
    case 'All':
    case 'Any':
      return c.of.flatMap(criterionFacts)
    case 'Not':
      return criterionFacts(c.criterion)
    case 'Compare':
      return [c.fact]
    default:
      return []
  }
}

/**
 * Every award a criterion names with `WinnerOf`.
 *
 * @category utilities
 * @example
 * criterionAwards(allOf(winnerOf('activist'))) // => ['activist']
 */
export const criterionAwards = (c: AwardCriterion): ReadonlyArray<string> => {
  switch (c._tag) {
    case 'All':
    case 'Any':
      return c.of.flatMap(criterionAwards)
    case 'Not':
      return criterionAwards(c.criterion)
    case 'WinnerOf':
      return [c.award]
    default:
      return []
  }
}

const memberOf = (env: CriteriaEnv, i: number): Member | undefined =>
  env.subjects !== 'members' ? undefined : env.records !== undefined ? env.records[i] : env.org.memberById.get(env.table.subjects[i] as MemberId)

/**
 * Compile a criterion into a test of the subject at row `i` of the figure table.
 *
 * @category combinators
 * @example
 * const test = compileCriterion(figureIs('points:study', 'gte', 500))(env)
 * test(0) // => true
 */
export const compileCriterion =
  (c: AwardCriterion) =>
  (env: CriteriaEnv): ((i: number) => boolean) => {
    switch (c._tag) {
      case 'All': {
        const parts = c.of.map((x) => compileCriterion(x)(env))
        return (i) => parts.every((p) => p(i))
      }
      case 'Any': {
        const parts = c.of.map((x) => compileCriterion(x)(env))
        return (i) => parts.some((p) => p(i))
      }
      case 'Not': {
        const p = compileCriterion(c.criterion)(env)
        return (i) => !p(i)
      }
      case 'Compare': {
        const col = env.table.columns.get(c.fact)
        const { op, value } = c
        if (col === undefined) return () => false
        return (i) => {
          const v = col[i] as number
          return !Number.isNaN(v) && compare(op, v, value)
        }
      }
      case 'Flag':
        return (i) => (memberOf(env, i)?.[c.attr] ?? false) === c.value
      case 'Tag':
        return (i) => memberOf(env, i)?.tags?.includes(c.tag) ?? false
      case 'Role':
        return (i) => memberOf(env, i)?.roles?.includes(c.role) ?? false
      case 'InUnit': {
        const within = inSubtree(env.org, c.unit)
        return (i) => {
          const s = env.table.subjects[i] as string
          const unit = env.subjects === 'members' ? env.org.memberById.get(s as MemberId)?.unit : (s as UnitId)
          return unit !== undefined && within(unit)
        }
      }
      case 'WinnerOf': {
        const won = env.winners.get(c.award)
        return (i) => won?.has(env.table.subjects[i] as string) ?? false
      }
    }
  }

const yes = (b: boolean): string => (b ? '✓' : '✗')

/**
 * How a criterion came out for the subject at row `i`, every part with the figures it read.
 *
 * @category combinators
 * @example
 * explainCriterion(figureIs('points:study', 'gte', 500))(env)(0)
 * // => { passed: true, text: { en: '✓ points:study 540 ≥ 500', zh: '✓ points:study 540 ≥ 500' }, fact: 'points:study', value: 540 }
 */
export const explainCriterion =
  (c: AwardCriterion) =>
  (env: CriteriaEnv): ((i: number) => CriterionOutcome) => {
    // Compiled once per environment (test and child explainers), then applied per subject.
    const test = compileCriterion(c)(env)
    const mk = (passed: boolean, t: Text): CriterionOutcome => ({ passed, text: text(`${yes(passed)} ${t.en}`, `${yes(passed)} ${t.zh}`) })
    switch (c._tag) {
      case 'All':
      case 'Any': {
        const parts = c.of.map((x) => explainCriterion(x)(env))
        const head = c._tag === 'All' ? text('all of', '全部满足') : text('any of', '满足其一')
        return (i) => ({ ...mk(test(i), head), children: parts.map((p) => p(i)) })
      }
      case 'Not': {
        const part = explainCriterion(c.criterion)(env)
        const head = text('not', '不满足')
        return (i) => ({ ...mk(test(i), head), children: [part(i)] })
      }
      case 'Compare': {
        const col = env.table.columns.get(c.fact)
        return (i) => {
          const v = col?.[i]
          const value = v === undefined || Number.isNaN(v) ? null : v
          const shown = value === null ? text('none', '无') : text(fmtFigure(value), fmtFigure(value))
          const t = text(`${c.fact} ${shown.en} ${SYMBOL[c.op]} ${c.value}`, `${c.fact} ${shown.zh} ${SYMBOL[c.op]} ${c.value}`)
          return { ...mk(test(i), t), fact: c.fact, value }
        }
      }
      case 'Flag': {
        const t =
          c.attr === 'partyMember'
            ? text(c.value ? 'party member' : 'not a party member', c.value ? '党员' : '非党员')
            : text(c.value ? 'cadre' : 'not a cadre', c.value ? '干部' : '非干部')
        return (i) => mk(test(i), t)
      }
      case 'Tag': {
        const t = text(`tag ${c.tag}`, `标签 ${c.tag}`)
        return (i) => mk(test(i), t)
      }
      case 'Role': {
        const t = text(`role ${c.role}`, `角色 ${c.role}`)
        return (i) => mk(test(i), t)
      }
      case 'InUnit': {
        const t = text(`in ${c.unit}`, `属于 ${c.unit}`)
        return (i) => mk(test(i), t)
      }
      case 'WinnerOf': {
        const t = text(`winner of ${c.award}`, `获得 ${c.award}`)
        return (i) => mk(test(i), t)
      }
    }
  }

/**
 * A number as criteria texts show it (at most three decimals).
 *
 * @category utilities
 * @example
 * fmtFigure(0.83333) // => '0.833'
 */
export const fmtFigure = (v: number): string => (Number.isInteger(v) ? String(v) : String(Math.round(v * 1000) / 1000))
