/**
 * Composite comparison (三比): several rankings normalised onto one scale
 * (min-max, z-score or rank-based), weighted and summed into one score, with
 * each part shown.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { at, problem, text, type Decoded, type Problem } from '../core/internal.js'
import { rankScores, type Ranking, type RankedRow, type TieScheme } from './tie.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * How a part's scores are put on one scale, better always higher:
 * `minmax` to [0, 1] (1 for all when every score is equal), `zscore`
 * (standard scores; 0 for all when the spread is 0), `rank` to [0, 1] from the
 * fractional rank (1 best, 0 worst; 1 for a board of one).
 *
 * @category model
 * @example
 * const n: Normalisation = 'zscore'
 */
export type Normalisation = 'minmax' | 'zscore' | 'rank'

/**
 * One part of a composite: a label, a weight ≥ 0 and the ranking it comes from.
 *
 * @category model
 * @example
 * const part: CompositePart = { label: '比业绩', weight: 0.5, ranking: board }
 */
export interface CompositePart {
  readonly label: string
  readonly weight: number
  readonly ranking: Ranking
}

/**
 * How one part contributed to a subject's composite score. A subject missing
 * from a part gets the part's lowest normalised value and `missing: true`.
 *
 * @category model
 * @example
 * composite.parts['m1'] // => [{ label: 'skills', raw: 10, normalised: 1, weight: 0.5, weighted: 0.5, missing: false }, …]
 */
export interface PartFigure {
  readonly label: string
  readonly raw?: number
  readonly normalised: number
  readonly weight: number
  readonly weighted: number
  readonly missing: boolean
}

/**
 * A composite ranking: its rows carry `parts` beside the usual figures.
 *
 * @category model
 * @example
 * composite.rows.map((r) => r.subject) // => ['b', 'a', 'c']
 */
export interface Composite extends Ranking {
  readonly _tag: 'Composite'
  readonly normalisation: Normalisation
  readonly parts: Readonly<Record<string, ReadonlyArray<PartFigure>>>
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

const normalise = (how: Normalisation, r: Ranking): Map<string, number> => {
  const rows = r.rows
  const out = new Map<string, number>()
  const n = rows.length
  if (n === 0) return out
  const sign = r.order === 'desc' ? 1 : -1
  if (how === 'rank') {
    // Fractional rank: ties share the mean of their positions.
    let i = 0
    while (i < n) {
      let j = i + 1
      while (j < n && (rows[j] as RankedRow).score === (rows[i] as RankedRow).score) j++
      const frac = (i + 1 + j) / 2
      for (let k = i; k < j; k++) out.set((rows[k] as RankedRow).subject, n === 1 ? 1 : (n - frac) / (n - 1))
      i = j
    }
    return out
  }
  const xs = rows.map((x) => sign * x.score)
  if (how === 'minmax') {
    const lo = xs.reduce((a, b) => Math.min(a, b), Infinity)
    const hi = xs.reduce((a, b) => Math.max(a, b), -Infinity)
    rows.forEach((x, k) => out.set(x.subject, hi === lo ? 1 : ((xs[k] as number) - lo) / (hi - lo)))
    return out
  }
  const mean = xs.reduce((a, b) => a + b, 0) / n
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / n)
  rows.forEach((x, k) => out.set(x.subject, sd === 0 ? 0 : ((xs[k] as number) - mean) / sd))
  return out
}

/**
 * Combine rankings into one: each part normalised, weighted, summed; the
 * result ranked (competition ranks by default, higher composite is better).
 * Weights must be finite and ≥ 0, with a positive total; labels unique.
 *
 * @category constructors
 * @example
 * const c = composite([{ label: 'skills', weight: 0.5, ranking: a }, { label: 'results', weight: 0.5, ranking: b }], 'minmax')
 * E.isRight(c) && c.right.parts['m1']?.map((p) => p.weighted) // => [0.5, 0]
 */
export const composite = (parts: ReadonlyArray<CompositePart>, how: Normalisation, scheme: TieScheme = 'competition'): Decoded<Composite> => {
  const ps: Array<Problem> = []
  const labels = new Set<string>()
  let total = 0
  parts.forEach((p, i) => {
    if (!(Number.isFinite(p.weight) && p.weight >= 0)) ps.push(problem('range', at(['parts', i, 'weight']), text('a finite weight ≥ 0', '有限且非负的权重'), p.weight))
    else total += p.weight
    if (labels.has(p.label)) ps.push(problem('duplicate', at(['parts', i, 'label']), text('a label not used before', '未重复的名称'), p.label))
    labels.add(p.label)
  })
  if (parts.length === 0) ps.push(problem('missing', at(['parts']), text('at least one part', '至少一个部分'), []))
  else if (ps.length === 0 && total <= 0) ps.push(problem('range', at(['parts']), text('weights with a positive total', '权重之和为正'), total))
  if (ps.length > 0) return E.left(ps)
  const subjects: Array<string> = []
  const labelOf = new Map<string, string>()
  const seen = new Set<string>()
  for (const p of parts) {
    for (const r of p.ranking.rows) {
      if (!seen.has(r.subject)) {
        seen.add(r.subject)
        subjects.push(r.subject)
      }
      if (r.label !== undefined && !labelOf.has(r.subject)) labelOf.set(r.subject, r.label)
    }
  }
  const norms = parts.map((p) => normalise(how, p.ranking))
  const raws = parts.map((p) => new Map(p.ranking.rows.map((r) => [r.subject, r.score])))
  const floor = norms.map((m) => (m.size === 0 ? 0 : [...m.values()].reduce((a, b) => Math.min(a, b), Infinity)))
  const table: Record<string, ReadonlyArray<PartFigure>> = {}
  const scored = subjects.map((s) => {
    const figs: Array<PartFigure> = parts.map((p, i) => {
      const v = norms[i]?.get(s)
      const raw = raws[i]?.get(s)
      const normalised = v ?? (floor[i] as number)
      const base = { label: p.label, normalised, weight: p.weight, weighted: normalised * p.weight, missing: v === undefined }
      return raw === undefined ? base : { ...base, raw }
    })
    table[s] = figs
    const figures: Record<string, number> = {}
    for (const f of figs) figures[f.label] = f.weighted
    const label = labelOf.get(s)
    const score = figs.reduce((a, f) => a + f.weighted, 0)
    return label === undefined ? { subject: s, score, figures } : { subject: s, label, score, figures }
  })
  const ranked = rankScores({ scheme, order: 'desc' })(scored)
  if (E.isLeft(ranked)) return ranked
  return E.right({ _tag: 'Composite', normalisation: how, ...ranked.right, parts: table })
}
