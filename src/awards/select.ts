/**
 * Selection: from scored candidates to winners, under a selection (top N,
 * threshold with cap, grades, everyone), quotas per unit with a fallback,
 * and a stated policy for ties at a quota boundary. Never an arbitrary pick:
 * every order is by score, then (under `breakChain`) the tie-breaker chain,
 * then subject id, so the result does not depend on input order.
 *
 * @module
 */
import type { AwardSelection, DecisionReason, TiePolicy } from './model.js'
import { numberDistinct, PENDING, REASONS, WON, selectPool } from './selection/index.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A candidate as selection sees it: its score, tie-breaker values (smaller is
 * better; NaN worst), whether it met the criteria, and its quota unit.
 *
 * @category model
 * @example
 * const c: SelectionCandidate = { subject: 'm1', score: 540, chain: [1625097600000], eligible: true, quotaUnit: 'b1' }
 */
export interface SelectionCandidate {
  readonly subject: string
  readonly score: number
  readonly chain: ReadonlyArray<number>
  readonly eligible: boolean
  readonly quotaUnit?: string
}

/**
 * Options of a selection.
 *
 * @category model
 * @example
 * const o: SelectionOptions = { selection: { _tag: 'Top', n: 2 }, order: 'desc', ties: 'includeAll' }
 */
export interface SelectionOptions {
  readonly selection: AwardSelection
  readonly order: 'desc' | 'asc'
  readonly ties: TiePolicy
  /** Seats per quota unit; absent: no per-unit quota. */
  readonly unitQuota?: (unit: string) => number
  readonly fallback?: boolean
}

/**
 * The decision for one candidate (same index as the input).
 *
 * @category model
 * @example
 * // { outcome: 'won', reason: 'selected', rank: 1, of: 12 }
 */
export interface SelectionOutcome {
  readonly outcome: 'won' | 'pending' | 'missed'
  readonly reason: DecisionReason
  /** Competition rank by score among the eligible. */
  readonly rank?: number
  readonly of?: number
  /** Place in the full order among the eligible (score, then the chain under `breakChain`, then id), from 0. */
  readonly position?: number
  readonly grade?: string
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Candidates column by column, for large runs (no object per candidate):
 * `score`, `eligible` (1 or 0), tie-breaker values `chains` (`width` per
 * candidate, smaller better, NaN worst), and accessors for subject and quota unit.
 *
 * @category model
 * @example
 * const cols: SelectionColumns = { n: 2, score: Float64Array.of(5, 3), eligible: Uint8Array.of(1, 1), chains: new Float64Array(0), width: 0, subject: (i) => ['a', 'b'][i]!, quotaUnit: () => undefined }
 */
export interface SelectionColumns {
  readonly n: number
  readonly score: Float64Array
  readonly eligible: Uint8Array
  readonly chains: Float64Array
  readonly width: number
  readonly subject: (i: number) => string
  readonly quotaUnit: (i: number) => string | undefined
}

/**
 * The outcomes column by column: `outcome` 0 missed, 1 won, 2 pending; `reason`
 * an index into `SELECTION_REASONS`; `rank` and `position` (NaN for the
 * ineligible); `grade` an index into `grades` (−1 for none); `of` the number eligible.
 *
 * @category model
 * @example
 * SELECTION_REASONS[out.reason[0]!] // => 'selected'
 */
export interface SelectionResultColumns {
  readonly outcome: Uint8Array
  readonly reason: Uint8Array
  readonly rank: Float64Array
  readonly position: Float64Array
  readonly grade: Int32Array
  readonly grades: ReadonlyArray<string>
  readonly of: number
}

/**
 * The reasons a selection gives, in the order `SelectionResultColumns.reason` indexes them.
 *
 * @category model
 * @example
 * SELECTION_REASONS[0] // => 'criteria'
 */
export const SELECTION_REASONS: ReadonlyArray<DecisionReason> = REASONS

/**
 * Select winners among candidates given column by column (see `selectCandidates`, which it powers).
 * Every column is filled, so the whole order of the eligible is sorted; `runAwards` reads the same
 * engine lazily (only the ordered prefix it needs).
 *
 * @category constructors
 * @example
 * const out = selectColumns({ selection: { _tag: 'Top', n: 1 }, order: 'desc', ties: 'flag' })(cols)
 * out.outcome // => Uint8Array [1, 0]
 */
export const selectColumns =
  (options: SelectionOptions) =>
  (cols: SelectionColumns): SelectionResultColumns => {
    const { n } = cols
    // quota units by number (the name '' for none)
    let unit: Int32Array | undefined
    let names: Array<string> = []
    if (options.unitQuota !== undefined || options.fallback === true) {
      const numbered = numberDistinct(n, (i) => cols.quotaUnit(i) ?? '')
      unit = numbered.codes
      names = numbered.names
    }
    const unitQuota = options.unitQuota
    const s = selectPool({
      selection: options.selection,
      order: options.order,
      ties: options.ties,
      ...(unitQuota === undefined ? {} : { seats: (u: number) => unitQuota(names[u] as string) }),
      ...(options.fallback === undefined ? {} : { fallback: options.fallback })
    })({ n, score: cols.score, eligible: cols.eligible, chain: (i, k) => cols.chains[i * cols.width + k] as number, width: cols.width, subject: cols.subject, ...(unit === undefined ? {} : { unit }) })
    // every column filled: the full order of the eligible
    const order = s.ordered()
    const rank = new Float64Array(n).fill(NaN)
    const position = new Float64Array(n).fill(NaN)
    for (let k = 0; k < order.length; k++) {
      const i = order[k] as number
      const prev = k > 0 ? (order[k - 1] as number) : -1
      const r = prev >= 0 && s.key[prev] === s.key[i] ? (rank[prev] as number) : k + 1
      rank[i] = r
      position[i] = options.ties === 'breakChain' ? k : r - 1
    }
    const reason = new Uint8Array(n)
    const grade = new Int32Array(n)
    for (let i = 0; i < n; i++) {
      reason[i] = s.reasonOf(i)
      grade[i] = s.gradeOf(i)
    }
    return { outcome: s.outcome, reason, rank, position, grade, grades: s.grades, of: s.of }
  }

/**
 * Select winners among candidates; returns one outcome per candidate, in input order.
 *
 * @category constructors
 * @example
 * selectCandidates({ selection: { _tag: 'Top', n: 1 }, order: 'desc', ties: 'flag' })([
 *   { subject: 'a', score: 5, chain: [], eligible: true }, { subject: 'b', score: 5, chain: [], eligible: true }])
 * // => [{ outcome: 'pending', reason: 'tie-flagged', rank: 1, of: 2, position: 0 }, { outcome: 'pending', reason: 'tie-flagged', rank: 1, of: 2, position: 0 }]
 */
export const selectCandidates =
  (options: SelectionOptions) =>
  (candidates: ReadonlyArray<SelectionCandidate>): ReadonlyArray<SelectionOutcome> => {
    const n = candidates.length
    let width = 0
    for (const c of candidates) if (c.chain.length > width) width = c.chain.length
    const chains = new Float64Array(n * width).fill(NaN)
    candidates.forEach((c, i) => c.chain.forEach((v, k) => (chains[i * width + k] = v)))
    const out = selectColumns(options)({
      n,
      score: Float64Array.from(candidates, (c) => c.score),
      eligible: Uint8Array.from(candidates, (c) => (c.eligible ? 1 : 0)),
      chains,
      width,
      subject: (i) => (candidates[i] as SelectionCandidate).subject,
      quotaUnit: (i) => (candidates[i] as SelectionCandidate).quotaUnit
    })
    return candidates.map((_, i) => selectionOutcomeAt(out, i))
  }

/**
 * The outcome of candidate `i` from column results, as an object.
 *
 * @category utilities
 * @example
 * selectionOutcomeAt(out, 0) // => { outcome: 'won', reason: 'selected', rank: 1, of: 2, position: 0 }
 */
export const selectionOutcomeAt = (out: SelectionResultColumns, i: number): SelectionOutcome => {
  const o = out.outcome[i]
  const base = { outcome: o === WON ? 'won' : o === PENDING ? 'pending' : 'missed', reason: SELECTION_REASONS[out.reason[i] as number] as DecisionReason } as const
  const r = out.rank[i] as number
  if (Number.isNaN(r)) return base
  const g = out.grade[i] as number
  const withRank = { ...base, rank: r, of: out.of, position: out.position[i] as number }
  return g < 0 ? withRank : { ...withRank, grade: out.grades[g] as string }
}
