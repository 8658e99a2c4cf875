// Plain reference models for the awards properties: selection without per-unit
// quotas written declaratively (the n-th best score is the boundary), and a
// criteria evaluator over raw figures.
import type { AwardSelection, SelectionCandidate, TiePolicy } from '../../src/awards/internal.js'

export interface RefOutcome {
  readonly won: ReadonlyArray<string>
  readonly pending: ReadonlyArray<string>
  readonly grades: Readonly<Record<string, string>>
}

const better = (order: 'desc' | 'asc') => (a: number, b: number) => (order === 'desc' ? a > b : a < b)

export const refSelect = (selection: AwardSelection, order: 'desc' | 'asc', ties: TiePolicy, cs: ReadonlyArray<SelectionCandidate>): RefOutcome => {
  const gt = better(order)
  const atLeast = (a: number, b: number) => a === b || gt(a, b)
  const eligible = cs.filter((c) => c.eligible && !Number.isNaN(c.score))
  const nanEligible = cs.filter((c) => c.eligible && Number.isNaN(c.score))
  let pool = [...eligible]
  const grades: Record<string, string> = {}
  if (selection._tag === 'Threshold') pool = pool.filter((c) => atLeast(c.score, selection.min))
  if (selection._tag === 'Grades') {
    pool = pool.filter((c) => selection.bands.some((b) => atLeast(c.score, b.min)))
    for (const c of pool) {
      const best = selection.bands.filter((b) => atLeast(c.score, b.min)).sort((x, y) => (gt(x.min, y.min) ? -1 : 1))[0]
      if (best !== undefined) grades[c.subject] = best.grade
    }
  }
  // everyone with a NaN score sorts last and can still be selected by Top/Everyone
  if (selection._tag === 'Top' || selection._tag === 'Everyone') pool = [...pool, ...nanEligible]
  const cap = selection._tag === 'Top' ? selection.n : selection._tag === 'Threshold' ? (selection.cap ?? Infinity) : Infinity
  if (pool.length <= cap) return { won: pool.map((c) => c.subject).sort(), pending: [], grades }
  if (cap === 0) return { won: [], pending: [], grades }
  const key = (c: SelectionCandidate) => (Number.isNaN(c.score) ? Infinity : order === 'desc' ? -c.score : c.score)
  if (ties === 'breakChain') {
    const chainKey = (c: SelectionCandidate) => c.chain.map((v) => (Number.isNaN(v) ? Infinity : v))
    const sorted = [...pool].sort((a, b) => {
      if (key(a) !== key(b)) return key(a) - key(b)
      const x = chainKey(a)
      const y = chainKey(b)
      for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? Infinity) !== (y[i] ?? Infinity)) return (x[i] ?? Infinity) < (y[i] ?? Infinity) ? -1 : 1
      return a.subject < b.subject ? -1 : 1
    })
    return { won: sorted.slice(0, cap).map((c) => c.subject).sort(), pending: [], grades }
  }
  const keys = pool.map(key).sort((a, b) => a - b)
  const boundary = keys[cap - 1] as number
  const strictly = pool.filter((c) => key(c) < boundary).map((c) => c.subject)
  const tied = pool.filter((c) => key(c) === boundary).map((c) => c.subject)
  if (ties === 'includeAll' || strictly.length + tied.length <= cap) return { won: [...strictly, ...tied].sort(), pending: [], grades }
  return { won: strictly.sort(), pending: tied.sort(), grades }
}

/** A small criteria language over raw member data, evaluated directly. */
export type RefCriterion =
  | { readonly all: ReadonlyArray<RefCriterion> }
  | { readonly any: ReadonlyArray<RefCriterion> }
  | { readonly not: RefCriterion }
  | { readonly figure: 'points:study' | 'violations'; readonly op: 'gte' | 'lt' | 'eq'; readonly value: number }
  | { readonly partyMember: boolean }
  | { readonly tag: string }

export interface RefMember {
  readonly points: number
  readonly violations: number
  readonly partyMember: boolean
  readonly tags: ReadonlyArray<string>
}

export const refHolds = (c: RefCriterion, m: RefMember): boolean => {
  if ('all' in c) return c.all.every((x) => refHolds(x, m))
  if ('any' in c) return c.any.some((x) => refHolds(x, m))
  if ('not' in c) return !refHolds(c.not, m)
  if ('figure' in c) {
    const v = c.figure === 'violations' ? m.violations : m.points
    return c.op === 'gte' ? v >= c.value : c.op === 'lt' ? v < c.value : v === c.value
  }
  if ('partyMember' in c) return m.partyMember === c.partyMember
  return m.tags.includes(c.tag)
}
