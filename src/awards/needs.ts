/**
 * What a programme needs of the organisation and the rules before it runs:
 * the unit kinds its quotas and unit awards name (a quota per branch on a
 * park without branches is a problem, not one park-wide unit), the accounts
 * its figures read (an unknown account is a problem, not zero for everyone),
 * and the labels reasons show for figures (`学习积分`, not `points:study`).
 *
 * @module
 */
import { at, text, problem, type OrgTree, type PathSegment, type Problem, type Text, type UnitKind } from '../core/internal.js'
import { criterionFigures } from './criteria.js'
import { figureKind } from './figure-kinds.js'
import { ACCOUNT_FIGURE_KINDS, anAccountOf, splitFigure } from './figures.js'
import type { AwardCategory, AwardProgramme } from './model.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A unit kind a category needs, and where the programme names it.
 *
 * @category model
 * @example
 * const need: UnitKindNeed = { award: 'learning-model', kind: 'branch', at: ['awards', 1, 'perUnit', 'unitKind'] }
 */
export interface UnitKindNeed {
  readonly award: string
  readonly kind: UnitKind
  readonly at: ReadonlyArray<PathSegment>
}

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/**
 * The unit kinds a programme needs: each quota per unit (`perUnit.unitKind`)
 * and each unit award's competing kind (`unitKind`), with its path. A host
 * reads it to see whether its organisation fits the programme (or the presets).
 *
 * @category utilities
 * @example
 * awardUnitKinds(decodeAwardProgrammeOrThrow(awardPresets())).map((n) => `${n.award}: ${n.kind}`)
 * // => ['learning-model: branch', 'learning-newcomer: branch', 'red-flag: branch']
 */
export const awardUnitKinds = (programme: Pick<AwardProgramme, 'awards'>): ReadonlyArray<UnitKindNeed> =>
  programme.awards.flatMap((a, i): ReadonlyArray<UnitKindNeed> => [
    ...(a.subjects === 'units' && a.unitKind !== undefined ? [{ award: a.id, kind: a.unitKind, at: ['awards', i, 'unitKind'] }] : []),
    ...(a.perUnit === undefined ? [] : [{ award: a.id, kind: a.perUnit.unitKind, at: ['awards', i, 'perUnit', 'unitKind'] }])
  ])

/**
 * Problems of a programme against an organisation: every unit kind it needs
 * (see `awardUnitKinds`) that the organisation has no unit of, at the path
 * that names it. `runAwards` refuses such a run with these problems.
 *
 * @category utilities
 * @example
 * checkAwardOrg(decodeAwardProgrammeOrThrow(awardPresets()))(parkOfEnterprises).map(renderProblem)[0]
 * // => '$.awards[1].perUnit.unitKind: expected a unit kind the organisation has: park, enterprise, group, got "branch"'
 */
export const checkAwardOrg =
  (programme: Pick<AwardProgramme, 'awards'>) =>
  (org: OrgTree): ReadonlyArray<Problem> => {
    const kinds: Array<UnitKind> = []
    for (const u of org.units) if (!kinds.includes(u.kind)) kinds.push(u.kind)
    const list = kinds.join(', ') || '(none)'
    const listZh = kinds.join('、') || '（无）'
    return awardUnitKinds(programme)
      .filter((n) => !kinds.includes(n.kind))
      .map((n) => problem('reference', at(n.at), text(`a unit kind the organisation has: ${list}`, `组织中已有的单位类型：${listZh}`), n.kind))
  }

/**
 * Problems of a category's figures against the programme's accounts (when it
 * lists them): a figure over an account the rules do not have, at the path
 * of the score (`by`), the criteria or the tie-breaker that names it.
 *
 * @category utilities
 * @example
 * accountProblems({ ...programme, accounts: [{ id: 'study' }] }, 0).map(renderProblem)
 * // => ['$.awards[0].by: expected an account of the rules: study, got "points:moarl"']
 */
export const accountProblems = (programme: Pick<AwardProgramme, 'accounts' | 'awards'>, index: number): ReadonlyArray<Problem> => {
  const a = programme.awards[index]
  if (programme.accounts === undefined || a === undefined) return []
  const ids = programme.accounts.map((x) => x.id)
  const bad = (figure: string): boolean => {
    const [kind, arg] = splitFigure(figure)
    return arg !== undefined && ACCOUNT_FIGURE_KINDS.includes(kind) && !ids.includes(arg)
  }
  const out: Array<Problem> = []
  const report = (path: ReadonlyArray<PathSegment>, figure: string): void => {
    out.push(problem('reference', at(['awards', index, ...path]), anAccountOf(ids), figure))
  }
  for (const t of a.by) if (bad(t.figure)) report(['by'], t.figure)
  for (const f of criterionFigures(a.criteria)) if (bad(f)) report(['criteria'], f)
  ;(a.tieBreakers ?? []).forEach((tb, k) => {
    if (bad(tb.figure)) report(['tieBreakers', k, 'figure'], tb.figure)
  })
  return out
}

// -------------------------------------------------------------------------------------
// labels
// -------------------------------------------------------------------------------------

// The reader's words for each figure kind are its entry's `label` (figure-kinds.ts).

/**
 * A figure as a reader names it, in both languages: an account figure with
 * the account's label (`points:study` → `Study score` / `学习积分`,
 * `perCapita:study` → `人均学习积分`), a host metric with its label from the
 * programme's `hostMetrics` (`host:skills` → `技能`), plain figures in
 * words (`violations` → `违规次数`), board figures with the board's id
 * (`black:study` → `上黑榜（study）`); accounts or metrics without a label
 * keep their name.
 *
 * @category utilities
 * @example
 * figureLabel('perCapita:study', [{ id: 'study', label: { en: 'Study score', zh: '学习积分' } }]).zh // => '人均学习积分'
 * figureLabel('host:skills', [], [{ id: 'skills', label: { en: 'Skills', zh: '技能' } }]).zh // => '技能'
 * figureLabel('violations', []).zh // => '违规次数'
 * figureLabel('black:study', []).zh // => '上黑榜（study）'
 */
export const figureLabel = (figure: string, accounts: AwardProgramme['accounts'], metrics?: AwardProgramme['metricLabels']): Text => {
  const [kind, arg] = splitFigure(figure)
  const names = { account: (id: string) => accounts?.find((x) => x.id === id)?.label, metric: (id: string) => metrics?.find((x) => x.id === id)?.label }
  return figureKind(kind)?.label(arg, names) ?? text(figure, figure)
}

/**
 * The score of a category as a reader names it (`学习积分`, or `0.4×技能 + 0.6×学习积分` for weights).
 *
 * @category utilities
 * @example
 * scoreLabel(category, programme.accounts).zh // => '学习积分'
 */
export const scoreLabel = (a: Pick<AwardCategory, 'by'>, accounts: AwardProgramme['accounts'], metrics?: AwardProgramme['metricLabels']): Text => {
  if (a.by.length === 1 && a.by[0]?.weight === 1) return figureLabel(a.by[0].figure, accounts, metrics)
  const parts = a.by.map((t) => [t.weight, figureLabel(t.figure, accounts, metrics)] as const)
  return text(parts.map(([w, l]) => `${w}×${l.en}`).join(' + '), parts.map(([w, l]) => `${w}×${l.zh}`).join(' + '))
}
