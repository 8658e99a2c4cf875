/**
 * A live board for contests: set or add to a subject's score and ask for its
 * rank (any tie scheme), the top k and its neighbours, each in O(log n)
 * (O(log n + k) for lists). Two order-statistic B+ trees written here (one over
 * subjects, one over distinct scores for dense ranks, built on the first dense
 * query); no dependency. The
 * board is a local mutable structure owned by its caller: snapshot it with
 * `liveRanking` for an immutable `Ranking` equal to a full recompute.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { at, problem, text, type PathSegment, type Problem } from '../core/index.js'
import { makeOrderedSet } from './btree.js'
import { rankScores, type Order, type Ranking, type TieScheme } from './tie.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * One subject on a live board: score, competition rank and zero-based position.
 *
 * @category model
 * @example
 * liveBoard().top(1) // => [] on an empty board; else [{ subject, score, rank: 1, position: 0 }]
 */
export interface LiveEntry {
  readonly subject: string
  readonly score: number
  readonly rank: number
  readonly position: number
}

/**
 * A live board. Subjects tied on score are ordered by subject id.
 *
 * @category model
 * @example
 * const b: LiveBoard = liveBoard('desc')
 */
export interface LiveBoard {
  readonly order: Order
  /** Number of subjects. */
  readonly size: () => number
  /** A subject's score, if it is on the board. */
  readonly score: (subject: string) => number | undefined
  /** Set a subject's score (adding the subject if new); a non-finite score is refused. */
  readonly set: (subject: string, score: number) => E.Either<Problem, number>
  /** Add to a subject's score (from 0 if new); returns the new score. */
  readonly add: (subject: string, delta: number) => E.Either<Problem, number>
  /** Take a subject off the board; false if it was not on it. */
  readonly remove: (subject: string) => boolean
  /** A subject's rank under a scheme (competition by default). */
  readonly rank: (subject: string, scheme?: TieScheme) => number | undefined
  /** A subject's percent rank, as SQL PERCENT_RANK. */
  readonly percentRank: (subject: string) => number | undefined
  /** The best k subjects, best first. */
  readonly top: (k: number) => ReadonlyArray<LiveEntry>
  /** Up to `radius` subjects each side of a subject, and the subject itself, in order. */
  readonly around: (subject: string, radius: number) => ReadonlyArray<LiveEntry>
  /** Every subject, best first. */
  readonly entries: () => ReadonlyArray<LiveEntry>
  /** Check the internal trees (for tests); the number of subjects reached. */
  readonly checkOrThrow: () => number
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

const FINITE = text('a finite score', '有限分数')

/**
 * Make an empty live board.
 *
 * @category constructors
 * @example
 * const b = liveBoard()
 * b.set('a', 10); b.set('b', 30); b.add('c', 10)
 * b.rank('c') // => 2 (tied with a)
 * b.rank('c', 'ordinal') // => 3 (a before c by id)
 * b.top(1).map((e) => e.subject) // => ['b']
 */
export const liveBoard = (order: Order = 'desc', path: ReadonlyArray<PathSegment> = []): LiveBoard => {
  const subjects = makeOrderedSet()
  const scores = new Map<string, number>()
  const k = (score: number): number => (order === 'desc' ? -score : score) + 0 // +0 folds -0 into 0
  // The distinct scores (for dense ranks) are indexed from the first dense query on, then kept up to date.
  let distinct: ReturnType<typeof makeOrderedSet> | undefined
  let multiplicity: Map<number, number> | undefined
  const addScore = (s: number): void => {
    if (multiplicity === undefined || distinct === undefined) return
    const m = multiplicity.get(s) ?? 0
    if (m === 0) distinct.insert(k(s), '')
    multiplicity.set(s, m + 1)
  }
  const dropScore = (s: number): void => {
    if (multiplicity === undefined || distinct === undefined) return
    const m = multiplicity.get(s) ?? 0
    if (m <= 1) {
      multiplicity.delete(s)
      distinct.remove(k(s), '')
    } else multiplicity.set(s, m - 1)
  }
  const denseIndex = (): ReturnType<typeof makeOrderedSet> => {
    if (distinct === undefined) {
      const d = makeOrderedSet()
      const m = new Map<number, number>()
      for (const s of scores.values()) {
        const c = m.get(s) ?? 0
        if (c === 0) d.insert(k(s), '')
        m.set(s, c + 1)
      }
      distinct = d
      multiplicity = m
    }
    return distinct
  }
  // Set the score of a subject whose current score (if it is on the board) the caller has looked up:
  // `add` then costs two lookups of its string id in a Map of a million (get, set) instead of three.
  const update = (subject: string, old: number | undefined, score: number): E.Either<Problem, number> => {
    if (!Number.isFinite(score)) return E.left(problem('type', at([...path, subject]), FINITE, score))
    const s = score + 0
    if (old !== undefined) {
      if (old === s) return E.right(s)
      subjects.remove(k(old), subject)
      dropScore(old)
    }
    subjects.insert(k(s), subject)
    addScore(s)
    scores.set(subject, s)
    return E.right(s)
  }
  const competition = (s: number): number => subjects.countLess(k(s)) + 1
  const entryAt = (i: number): LiveEntry | undefined => {
    const p = subjects.at(i)
    if (p === undefined) return undefined
    const score = scores.get(p.id) as number
    return { subject: p.id, score, rank: competition(score), position: i }
  }
  const range = (from: number, to: number): ReadonlyArray<LiveEntry> => {
    const out: Array<LiveEntry> = []
    for (let i = Math.max(0, from); i < Math.min(to, subjects.size()); i++) out.push(entryAt(i) as LiveEntry)
    return out
  }
  return {
    order,
    size: () => scores.size,
    score: (subject) => scores.get(subject),
    set: (subject, score) => update(subject, scores.get(subject), score),
    add: (subject, delta) => {
      const old = scores.get(subject)
      return update(subject, old, (old ?? 0) + delta)
    },
    remove: (subject) => {
      const old = scores.get(subject)
      if (old === undefined) return false
      subjects.remove(k(old), subject)
      dropScore(old)
      scores.delete(subject)
      return true
    },
    rank: (subject, scheme = 'competition') => {
      const s = scores.get(subject)
      if (s === undefined) return undefined
      switch (scheme) {
        case 'competition':
          return competition(s)
        case 'dense':
          return denseIndex().countLess(k(s)) + 1
        case 'ordinal':
          return subjects.position(k(s), subject) + 1
        case 'fractional':
          return (subjects.countLess(k(s)) + 1 + subjects.countLessEq(k(s))) / 2
      }
    },
    percentRank: (subject) => {
      const s = scores.get(subject)
      if (s === undefined) return undefined
      const n = scores.size
      return n === 1 ? 0 : subjects.countLess(k(s)) / (n - 1)
    },
    top: (count) => range(0, count),
    around: (subject, radius) => {
      const s = scores.get(subject)
      if (s === undefined) return []
      const p = subjects.position(k(s), subject)
      return range(p - radius, p + radius + 1)
    },
    entries: () => range(0, subjects.size()),
    checkOrThrow: () => {
      const n = subjects.checkOrThrow()
      if (distinct !== undefined && multiplicity !== undefined) {
        distinct.checkOrThrow()
        if (distinct.size() !== multiplicity.size || distinct.size() !== new Set(scores.values()).size) throw new Error('dense index disagrees')
      }
      if (n !== scores.size) throw new Error('live board indexes disagree')
      return n
    }
  }
}

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/**
 * Snapshot a live board as an immutable `Ranking` (the same as ranking its scores from scratch).
 *
 * @category utilities
 * @example
 * const b = liveBoard(); b.set('a', 1)
 * liveRanking(b, 'dense').rows[0]?.rank // => 1
 */
export const liveRanking = (board: LiveBoard, scheme: TieScheme = 'competition'): Ranking => {
  const r = rankScores({ scheme, order: board.order, assumeUnique: true })(board.entries().map((e) => ({ subject: e.subject, score: e.score })))
  // Scores on a live board are finite and subjects unique, so this cannot fail.
  return E.isRight(r) ? r.right : { scheme, order: board.order, rows: [], ties: [] }
}
