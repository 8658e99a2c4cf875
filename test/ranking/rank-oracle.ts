// Issue 18: the ranking as it was before the radix sort and the hashed duplicate check, kept as the
// oracle the new one must agree with row for row (test/ranking/rank-oracle.test-prop.ts).
/**
 * Ranking scored subjects under a tie scheme: standard competition (1224),
 * dense (1223), ordinal with an explicit tie-breaker chain (1234) and
 * fractional (1 2.5 2.5 4), each row also with its percent rank (as SQL's
 * PERCENT_RANK). Results say which subjects tied.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { at, problem, text, type PathSegment, type Problem } from '../../src/core/internal.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * How tied scores are ranked: `competition` 1224, `dense` 1223, `ordinal`
 * 1234 (ties broken by the tie-breaker chain, then subject id), `fractional`
 * 1 2.5 2.5 4 (the mean of the positions the tie spans).
 *
 * @category model
 * @example
 * rankScoresOrThrow({ scheme: 'fractional' })(xs).rows.map((r) => r.rank) // => [1, 2.5, 2.5, 4]
 */
export type TieScheme = 'competition' | 'dense' | 'ordinal' | 'fractional'

/**
 * Which scores are better: `desc` (higher is better, the default) or `asc`.
 *
 * @category model
 * @example
 * const o: Order = 'asc' // fewer minutes late is better
 */
export type Order = 'desc' | 'asc'

/**
 * A subject with its score and the figures behind it.
 *
 * @category model
 * @example
 * const s: Scored = { subject: 'm1', score: 42, figures: { quizzes: 3 } }
 */
export interface Scored {
  readonly subject: string
  readonly score: number
  readonly label?: string
  readonly figures?: Readonly<Record<string, number>>
}

/**
 * One link of an ordinal tie-breaker chain: compare a figure, in an order
 * (a missing figure counts as worst).
 *
 * @category model
 * @example
 * const tb: TieBreaker = { figure: 'quizzes', order: 'desc' }
 */
export interface TieBreaker {
  readonly figure: string
  readonly order: Order
}

/**
 * Options of a ranking.
 *
 * @category model
 * @example
 * const o: RankOptions = { scheme: 'ordinal', tieBreakers: [{ figure: 'quizzes', order: 'desc' }] }
 */
export interface RankOptions {
  readonly scheme?: TieScheme
  readonly order?: Order
  readonly tieBreakers?: ReadonlyArray<TieBreaker>
  /** Skip the duplicate-subject check when the caller guarantees unique subjects (boards built from the organisation tree do). */
  readonly assumeUnique?: boolean
}

/**
 * A ranked row. `tie` is the index of its group in `Ranking.ties` when it shares its score.
 *
 * @category model
 * @example
 * ranking.rows[1] // => { subject: 'b', score: 5, rank: 1, percentRank: 0, tie: 0, figures: {} }
 */
export interface RankedRow {
  readonly subject: string
  readonly label?: string
  readonly score: number
  readonly rank: number
  /** (competition rank − 1) / (n − 1); 0 for a board of one. */
  readonly percentRank: number
  readonly tie?: number
  readonly figures: Readonly<Record<string, number>>
}

/**
 * Subjects that share a score, with the competition rank they share.
 *
 * @category model
 * @example
 * ranking.ties // => [{ score: 5, rank: 1, subjects: ['a', 'b'] }]
 */
export interface TieGroup {
  readonly score: number
  readonly rank: number
  readonly subjects: ReadonlyArray<string>
}

/**
 * Rows in rank order (best first) and the groups of tied subjects.
 *
 * @category model
 * @example
 * rankScoresOrThrow()([{ subject: 'a', score: 1 }]) // => { scheme: 'competition', order: 'desc', rows: [...], ties: [] }
 */
export interface Ranking {
  readonly scheme: TieScheme
  readonly order: Order
  readonly rows: ReadonlyArray<RankedRow>
  readonly ties: ReadonlyArray<TieGroup>
}

// -------------------------------------------------------------------------------------
// defaults
// -------------------------------------------------------------------------------------

/**
 * The default options: competition ranking, higher is better, no tie-breakers.
 *
 * @category model
 * @example
 * DEFAULT_RANK_OPTIONS.scheme // => 'competition'
 */
export const DEFAULT_RANK_OPTIONS: Readonly<Required<RankOptions>> = /*#__PURE__*/ Object.freeze({
  scheme: 'competition',
  order: 'desc',
  tieBreakers: Object.freeze([]),
  assumeUnique: false
})

const NO_FIGURES: Readonly<Record<string, number>> = /*#__PURE__*/ Object.freeze({})

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Compare two subjects' scores: negative when `a` is better.
 *
 * @category utilities
 * @example
 * compareScores('desc')(3, 1) < 0 // => true
 */
export const compareScores =
  (order: Order) =>
  (a: number, b: number): number =>
    order === 'desc' ? b - a : a - b

/**
 * Rank scored subjects, best first. Subjects tied on score keep their input
 * order, except under `ordinal`, where the tie-breaker chain and then the
 * subject id order them. Every score must be a finite number and every subject
 * unique; otherwise the problems come back (at `[index, 'score']` /
 * `[index, 'subject']` under `path`) and nothing is ranked.
 *
 * @category constructors
 * @example
 * const r = rankScores({ scheme: 'dense' })([{ subject: 'a', score: 5 }, { subject: 'b', score: 5 }, { subject: 'c', score: 3 }])
 * E.isRight(r) && r.right.rows.map((x) => x.rank) // => [1, 1, 2]
 * E.isRight(r) && r.right.ties // => [{ score: 5, rank: 1, subjects: ['a', 'b'] }]
 */
export const oracleRankScores =
  (options: RankOptions = {}, path: ReadonlyArray<PathSegment> = []) =>
  (input: ReadonlyArray<Scored>): E.Either<ReadonlyArray<Problem>, Ranking> => {
    const scheme = options.scheme ?? DEFAULT_RANK_OPTIONS.scheme
    const order = options.order ?? DEFAULT_RANK_OPTIONS.order
    const breakers = options.tieBreakers ?? DEFAULT_RANK_OPTIONS.tieBreakers
    const n = input.length
    const problems: Array<Problem> = []
    const seen = options.assumeUnique === true ? undefined : new Set<string>()
    const scores = new Float64Array(n)
    for (let i = 0; i < n; i++) {
      const s = input[i] as Scored
      if (!Number.isFinite(s.score)) problems.push(problem('type', at([...path, i, 'score']), text('a finite number', '有限数值'), s.score))
      if (seen !== undefined) {
        // One hash lookup instead of has + add: the set grows unless the subject was already there.
        const before = seen.size
        seen.add(s.subject)
        if (seen.size === before) problems.push(problem('duplicate', at([...path, i, 'subject']), text('a subject listed once', '只出现一次的对象'), s.subject))
      }
      scores[i] = order === 'desc' ? -s.score : s.score // smaller is better from here on
    }
    if (problems.length > 0) return E.left(problems)

    const idx = byScore(scores)
    if (scheme === 'ordinal') {
      const subj = (i: number): string => (input[i] as Scored).subject
      const byId = (a: number, b: number): number => {
        const x = subj(a)
        const y = subj(b)
        return x < y ? -1 : x > y ? 1 : 0
      }
      const figure = (i: number, tb: TieBreaker): number => {
        const v = (input[i] as Scored).figures?.[tb.figure]
        return v === undefined || !Number.isFinite(v) ? (tb.order === 'desc' ? -Infinity : Infinity) : v
      }
      const tieCmp =
        breakers.length > 0
          ? (a: number, b: number): number => {
              for (const tb of breakers) {
                const fa = figure(a, tb)
                const fb = figure(b, tb)
                if (fa !== fb) return tb.order === 'desc' ? (fa > fb ? -1 : 1) : fa < fb ? -1 : 1
              }
              return byId(a, b)
            }
          : byId
      // Order each run of tied scores by the tie-breakers and subject id, in place.
      for (let i = 0; i < n; ) {
        let j = i + 1
        while (j < n && scores[idx[j] as number] === scores[idx[i] as number]) j++
        if (j - i > 1) idx.subarray(i, j).sort(tieCmp)
        i = j
      }
    }
    return E.right(assemble(scheme, order, input, scores, idx))
  }

// Input positions ordered by score (smaller first), ties in input order.
const byScore = (scores: Float64Array): Int32Array => {
  const idx = new Int32Array(scores.length)
  for (let i = 0; i < idx.length; i++) idx[i] = i
  return oracleOrderByKey(scores, idx)
}

/**
 * Order items by a numeric key, smaller first, ties by item number: `items`
 * (numbers of items, each indexing `keys`) is sorted in place and returned.
 * Keys may be ±Infinity but not NaN. Uses native numeric sorts only (no
 * comparator calls), so it stays fast for millions of items; ranking and
 * award selection share it.
 *
 * @category utilities
 * @example
 * oracleOrderByKey(Float64Array.of(5, 3, 5, 1), Int32Array.of(0, 1, 2, 3)) // => Int32Array [3, 1, 0, 2]
 */
export const oracleOrderByKey = (keys: Float64Array, items: Int32Array): Int32Array => {
  const m = items.length
  if (m < 2) return items
  const n = keys.length
  let lowest = Infinity
  let highest = -Infinity
  let integers = true
  let ascending = true
  for (let k = 0; k < m; k++) {
    const i = items[k] as number
    if (k > 0 && i <= (items[k - 1] as number)) ascending = false
    const v = keys[i] as number
    if (v === Infinity) continue
    if (integers && !Number.isInteger(v)) integers = false
    if (v < lowest) lowest = v
    if (v > highest) highest = v
  }
  // +Infinity (no score) gets the bucket after the highest key.
  const top = lowest === Infinity ? 0 : highest - lowest + 1
  if (integers && ascending && top <= 4 * m + 65_536) {
    // Integer keys (points, 0-100 scores) in a range not much wider than the list: a counting
    // sort, O(m + range), stable, so ties keep item order. `| 0` makes the bucket an int32 (it folds -0 into 0).
    const starts = new Int32Array(top + 2)
    for (let k = 0; k < m; k++) {
      const v = keys[items[k] as number] as number
      const b = (v === Infinity ? top : (v - lowest) | 0) + 1
      starts[b] = (starts[b] as number) + 1
    }
    for (let b = 1; b < starts.length; b++) starts[b] = (starts[b] as number) + (starts[b - 1] as number)
    const out = new Int32Array(m)
    for (let k = 0; k < m; k++) {
      const i = items[k] as number
      const v = keys[i] as number
      const b = v === Infinity ? top : (v - lowest) | 0
      const at = starts[b] as number
      out[at] = i
      starts[b] = at + 1
    }
    items.set(out)
    return items
  }
  if (m * n > Number.MAX_SAFE_INTEGER) {
    // Beyond about 94 million items the packed key below would lose precision.
    const all = Array.from(items).sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b)
    items.set(all)
    return items
  }
  // Native numeric sort only: number the distinct keys and sort (key number × n + item) packed in one
  // double, so ties keep item order.
  const sorted = new Float64Array(m)
  for (let k = 0; k < m; k++) sorted[k] = keys[items[k] as number] as number
  sorted.sort()
  const distinct = new Float64Array(m)
  let d = 0
  for (let k = 0; k < m; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) distinct[d++] = sorted[k] as number
  const packed = new Float64Array(m)
  for (let k = 0; k < m; k++) {
    const i = items[k] as number
    const v = keys[i] as number
    let lo = 0
    let hi = d - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((distinct[mid] as number) < v) lo = mid + 1
      else hi = mid
    }
    packed[k] = lo * n + i
  }
  packed.sort()
  for (let k = 0; k < m; k++) {
    const p = packed[k] as number
    items[k] = p - Math.floor(p / n) * n
  }
  return items
}

// Rows, ranks and tie groups from the final order.
const assemble = (scheme: TieScheme, order: Order, input: ReadonlyArray<Scored>, scores: Float64Array, idx: Int32Array): Ranking => {
  const n = idx.length
  const rows: Array<RankedRow> = new Array<RankedRow>(n)
  const ties: Array<TieGroup> = []
  let dense = 0
  let i = 0
  while (i < n) {
    const first = idx[i] as number
    const key = scores[first] as number
    let j = i + 1
    while (j < n && scores[idx[j] as number] === key) j++
    dense++
    const competition = i + 1
    const percentRank = n === 1 ? 0 : i / (n - 1)
    const tieIndex = j - i > 1 ? ties.length : undefined
    if (tieIndex !== undefined) {
      const subjects = new Array<string>(j - i)
      for (let k = i; k < j; k++) subjects[k - i] = (input[idx[k] as number] as Scored).subject
      ties.push({ score: (input[first] as Scored).score, rank: competition, subjects })
    }
    for (let k = i; k < j; k++) {
      const rank = scheme === 'competition' ? competition : scheme === 'dense' ? dense : scheme === 'ordinal' ? k + 1 : (i + 1 + j) / 2
      rows[k] = rankedRow(input[idx[k] as number] as Scored, rank, percentRank, tieIndex)
    }
    i = j
  }
  return { scheme, order, rows, ties }
}

// One object literal per row shape, so each row is created whole with its final hidden class (adding
// `label` and `tie` afterwards made V8 grow every one of a million rows a second time). Keys keep the
// order they always had: subject, score, rank, percentRank, figures, label, tie.
const rankedRow = (s: Scored, rank: number, percentRank: number, tie: number | undefined): RankedRow => {
  const subject = s.subject
  const score = s.score
  const figures = s.figures ?? NO_FIGURES
  const label = s.label
  if (label === undefined) return tie === undefined ? { subject, score, rank, percentRank, figures } : { subject, score, rank, percentRank, figures, tie }
  return tie === undefined ? { subject, score, rank, percentRank, figures, label } : { subject, score, rank, percentRank, figures, label, tie }
}
