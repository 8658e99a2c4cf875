/**
 * Ranking scored subjects under a tie scheme: standard competition (1224),
 * dense (1223), ordinal with an explicit tie-breaker chain (1234) and
 * fractional (1 2.5 2.5 4), each row also with its percent rank (as SQL's
 * PERCENT_RANK). Results say which subjects tied.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { at, problem, text, type PathSegment, type Problem } from '../core/internal.js'
import { hasRepeat, orderTiesByString, radixOrder, stringHash } from './radix.js'

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
export const rankScores =
  (options: RankOptions = {}, path: ReadonlyArray<PathSegment> = []) =>
  (input: ReadonlyArray<Scored>): E.Either<ReadonlyArray<Problem>, Ranking> => {
    const scheme = options.scheme ?? DEFAULT_RANK_OPTIONS.scheme
    const order = options.order ?? DEFAULT_RANK_OPTIONS.order
    const breakers = options.tieBreakers ?? DEFAULT_RANK_OPTIONS.tieBreakers
    const n = input.length
    const unique = options.assumeUnique === true
    // One pass over the input (a million objects scattered in memory cost their cache misses, so each is
    // read once): scores as sort keys, subjects and their hashes for the duplicate check, and whether any
    // row carries a label or figures (if none does, the rows are built from these arrays alone).
    const scores = new Float64Array(n)
    const subjects = new Array<string>(n)
    const hashes = unique ? undefined : new Uint32Array(n)
    let finite = true
    let strings = true
    let plain = true
    for (let i = 0; i < n; i++) {
      const s = input[i] as Scored
      const v = s.score
      const id = s.subject
      if (!Number.isFinite(v)) finite = false
      scores[i] = order === 'desc' ? -v : v // smaller is better from here on
      subjects[i] = id
      if (hashes !== undefined) {
        if (typeof id === 'string') hashes[i] = stringHash(id)
        else strings = false
      }
      if (s.label !== undefined || s.figures !== undefined) plain = false
    }
    // The duplicate check sorts the subjects' hashes (linear, typed arrays); only when something is
    // wrong does the slower pass below say what and where, in input order.
    const subj = (i: number): string => subjects[i] as string
    const repeated = hashes !== undefined && (strings ? hasRepeat(n, subj, hashes) : new Set(subjects).size < n)
    if (!finite || repeated) return E.left(inputProblems(input, path, !unique))

    const idx = byScore(scores)
    if (scheme === 'ordinal') {
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
      // Order each run of tied scores by the tie-breakers and subject id, in place (by subject id
      // alone with a radix-like string sort, no comparator).
      if (breakers.length === 0) orderTiesByString(scores, idx, subj)
      else {
        for (let i = 0; i < n; ) {
          let j = i + 1
          while (j < n && scores[idx[j] as number] === scores[idx[i] as number]) j++
          if (j - i > 1) idx.subarray(i, j).sort(tieCmp)
          i = j
        }
      }
    }
    return E.right(assemble(scheme, order, plain ? undefined : input, subjects, scores, idx))
  }

// Every bad score and repeated subject, in input order (only run when there is at least one).
const inputProblems = (input: ReadonlyArray<Scored>, path: ReadonlyArray<PathSegment>, checkUnique: boolean): ReadonlyArray<Problem> => {
  const problems: Array<Problem> = []
  const seen = checkUnique ? new Set<string>() : undefined
  for (let i = 0; i < input.length; i++) {
    const s = input[i] as Scored
    if (!Number.isFinite(s.score)) problems.push(problem('type', at([...path, i, 'score']), text('a finite number', '有限数值'), s.score))
    if (seen !== undefined) {
      // One hash lookup instead of has + add: the set grows unless the subject was already there.
      const before = seen.size
      seen.add(s.subject)
      if (seen.size === before) problems.push(problem('duplicate', at([...path, i, 'subject']), text('a subject listed once', '只出现一次的对象'), s.subject))
    }
  }
  return problems
}

// Input positions ordered by score (smaller first), ties in input order.
const byScore = (scores: Float64Array): Int32Array => {
  const idx = new Int32Array(scores.length)
  for (let i = 0; i < idx.length; i++) idx[i] = i
  return orderByKey(scores, idx)
}

/**
 * Order items by a numeric key, smaller first, ties by item number: `items`
 * (numbers of items, each indexing `keys`) is sorted in place and returned.
 * Keys may be ±Infinity but not NaN; -0 ties with 0. Past a few hundred
 * items it calls no comparator (a counting sort of narrow integer keys, else
 * a radix sort of the keys' bits, both linear), so it stays fast for millions
 * of items; ranking and award selection share it.
 *
 * @category utilities
 * @example
 * orderByKey(Float64Array.of(5, 3, 5, 1), Int32Array.of(0, 1, 2, 3)) // => Int32Array [3, 1, 0, 2]
 */
export const orderByKey = (keys: Float64Array, items: Int32Array): Int32Array => {
  const m = items.length
  if (m < 2) return items
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
  if (m >= SMALL) {
    // Any other keys: a stable radix sort of the keys' bits (linear, no comparator), ties in item order
    // once the items are in ascending order.
    if (!ascending) items.sort()
    return radixOrder(keys, items)
  }
  // A short list: a comparator sort is cheaper than the radix sort's counts.
  const all = Array.from(items).sort((a, b) => {
    const x = (keys[a] as number) + 0
    const y = (keys[b] as number) + 0
    return x < y ? -1 : x > y ? 1 : a - b
  })
  items.set(all)
  return items
}

// Below this many items orderByKey sorts with a comparator.
const SMALL = 256

// Rows, ranks and tie groups from the final order. Without `input` (no row has a label or figures),
// each row is built from the subject and key arrays (the score is the key, negated back under `desc`:
// negation is exact, so it is the input's score, -0 included).
const assemble = (
  scheme: TieScheme,
  order: Order,
  input: ReadonlyArray<Scored> | undefined,
  subjects: ReadonlyArray<string>,
  scores: Float64Array,
  idx: Int32Array
): Ranking => {
  const n = idx.length
  const rows: Array<RankedRow> = new Array<RankedRow>(n)
  const ties: Array<TieGroup> = []
  const scoreOf = (i: number): number => (order === 'desc' ? -(scores[i] as number) : (scores[i] as number))
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
      const members = new Array<string>(j - i)
      for (let k = i; k < j; k++) members[k - i] = subjects[idx[k] as number] as string
      ties.push({ score: input === undefined ? scoreOf(first) : (input[first] as Scored).score, rank: competition, subjects: members })
    }
    for (let k = i; k < j; k++) {
      const rank = scheme === 'competition' ? competition : scheme === 'dense' ? dense : scheme === 'ordinal' ? k + 1 : (i + 1 + j) / 2
      const at = idx[k] as number
      rows[k] =
        input === undefined
          ? tieIndex === undefined
            ? { subject: subjects[at] as string, score: scoreOf(at), rank, percentRank, figures: NO_FIGURES }
            : { subject: subjects[at] as string, score: scoreOf(at), rank, percentRank, figures: NO_FIGURES, tie: tieIndex }
          : rankedRow(input[at] as Scored, rank, percentRank, tieIndex)
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

/**
 * Like `rankScores`, throwing on bad input (for tests and scripts).
 *
 * @category constructors
 * @example
 * rankScoresOrThrow()([{ subject: 'a', score: 1 }]).rows[0]?.rank // => 1
 */
export const rankScoresOrThrow =
  (options: RankOptions = {}) =>
  (input: ReadonlyArray<Scored>): Ranking => {
    const r = rankScores(options)(input)
    if (E.isLeft(r)) throw new Error(r.left.map((p) => `${p.expected.en}: ${p.received.en}`).join('; '))
    return r.right
  }
