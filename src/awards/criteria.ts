/**
 * Criteria: composable predicates over a subject's figures and record.
 * Each criterion compiles to a fast test for every candidate, and explains
 * itself for any one subject (which parts passed or failed, with the figures
 * read); both come from the same definition, so they always agree.
 *
 * @module
 */
import { inSubtree, text, type Member, type MemberId, type OrgTree, type Text, type UnitId } from '../core/internal.js'
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
export const figureIs = (figure: string, op: AwardOp, value: number): AwardCriterion => ({ _tag: 'Compare', figure, op, value })

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
 * inUnit('b1')
 */
export const inUnit = (unit: string): AwardCriterion => ({ _tag: 'InUnit', unit: unit as UnitId })

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
  /** A figure as the reader names it (see `figureLabel`); the figure's name when absent. */
  readonly label?: (figure: string) => Text
}

const SYMBOL: Readonly<Record<AwardOp, string>> = { gte: '≥', gt: '>', lte: '≤', lt: '<', eq: '=', ne: '≠' }

/**
 * Every figure name a criterion reads.
 *
 * @category utilities
 * @example
 * criterionFigures(allOf(figureIs('points:study', 'gte', 1), onRedList('b'))) // => ['points:study', 'red:b']
 */
export const criterionFigures = (c: AwardCriterion): ReadonlyArray<string> => {
  switch (c._tag) {
    case 'All':
    case 'Any':
      return c.of.flatMap(criterionFigures)
    case 'Not':
      return criterionFigures(c.criterion)
    case 'Compare':
      return [c.figure]
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
      // plain loops: `parts.every((p) => p(i))` would allocate a closure per subject tested
      case 'All': {
        const parts = c.of.map((x) => compileCriterion(x)(env))
        return (i) => {
          for (let k = 0; k < parts.length; k++) if (!(parts[k] as (i: number) => boolean)(i)) return false
          return true
        }
      }
      case 'Any': {
        const parts = c.of.map((x) => compileCriterion(x)(env))
        return (i) => {
          for (let k = 0; k < parts.length; k++) if ((parts[k] as (i: number) => boolean)(i)) return true
          return false
        }
      }
      case 'Not': {
        const p = compileCriterion(c.criterion)(env)
        return (i) => !p(i)
      }
      case 'Compare': {
        const col = env.table.columns.get(c.figure)
        const { op, value } = c
        if (col === undefined) return () => false
        // one small test per operator (this runs for every candidate); a NaN figure (none) fails
        // every comparison by itself, except ≠, which checks for it
        switch (op) {
          case 'gte':
            return (i) => (col[i] as number) >= value
          case 'gt':
            return (i) => (col[i] as number) > value
          case 'lte':
            return (i) => (col[i] as number) <= value
          case 'lt':
            return (i) => (col[i] as number) < value
          case 'eq':
            return (i) => (col[i] as number) === value
          case 'ne':
            return (i) => {
              const v = col[i] as number
              return !Number.isNaN(v) && v !== value
            }
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
          const unit = env.subjects === 'members' ? env.org.memberById.get(s)?.unit : (s as UnitId)
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
 * // => { passed: true, text: { en: '✓ points:study 540 ≥ 500', zh: '✓ points:study 540 ≥ 500' }, figure: 'points:study', value: 540 }
 */
export const explainCriterion =
  (c: AwardCriterion) =>
  (env: CriteriaEnv): ((i: number) => CriterionOutcome) => {
    // Compiled once per environment (tests, child explainers and texts), then applied per subject;
    // a fixed text is made once for each outcome and shared by every subject's explanation.
    const marked = (t: Text): readonly [Text, Text] => [text(`${yes(false)} ${t.en}`, `${yes(false)} ${t.zh}`), text(`${yes(true)} ${t.en}`, `${yes(true)} ${t.zh}`)]
    const fixed = (t: Text): ((i: number) => CriterionOutcome) => {
      const test = compileCriterion(c)(env)
      const [no, ok] = marked(t)
      return (i) => {
        const passed = test(i)
        return { passed, text: passed ? ok : no }
      }
    }
    switch (c._tag) {
      // a composite's outcome follows from its children's (the same tests), so it is not tested again
      case 'All':
      case 'Any': {
        const parts = c.of.map((x) => explainCriterion(x)(env))
        const all = c._tag === 'All'
        const [no, ok] = marked(all ? text('all of', '全部满足') : text('any of', '满足其一'))
        return (i) => {
          const children = parts.map((p) => p(i))
          const passed = all ? children.every((x) => x.passed) : children.some((x) => x.passed)
          return { passed, text: passed ? ok : no, children }
        }
      }
      case 'Not': {
        const part = explainCriterion(c.criterion)(env)
        const [no, ok] = marked(text('not', '不满足'))
        return (i) => {
          const child = part(i)
          const passed = !child.passed
          return { passed, text: passed ? ok : no, children: [child] }
        }
      }
      case 'Compare': {
        const test = compileCriterion(c)(env)
        const col = env.table.columns.get(c.figure)
        const tail = ` ${SYMBOL[c.op]} ${c.value}`
        const named = env.label?.(c.figure) ?? text(c.figure, c.figure)
        return (i) => {
          const passed = test(i)
          const v = col?.[i]
          const value = v === undefined || Number.isNaN(v) ? null : v
          const shown = value === null ? undefined : fmtFigure(value)
          const mark = yes(passed)
          return { passed, text: text(`${mark} ${named.en} ${shown ?? 'none'}${tail}`, `${mark} ${named.zh} ${shown ?? '无'}${tail}`), figure: c.figure, value }
        }
      }
      case 'Flag':
        return fixed(
          c.attr === 'partyMember'
            ? text(c.value ? 'party member' : 'not a party member', c.value ? '党员' : '非党员')
            : text(c.value ? 'cadre' : 'not a cadre', c.value ? '干部' : '非干部')
        )
      case 'Tag':
        return fixed(text(`tag ${c.tag}`, `标签 ${c.tag}`))
      case 'Role':
        return fixed(text(`role ${c.role}`, `角色 ${c.role}`))
      case 'InUnit':
        return fixed(text(`in ${c.unit}`, `属于 ${c.unit}`))
      case 'WinnerOf':
        return fixed(text(`winner of ${c.award}`, `获得 ${c.award}`))
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
