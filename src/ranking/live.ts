/**
 * A live board for contests: set or add to a subject's score and ask for its
 * rank (any tie scheme), the top k and its neighbours, each in O(log n)
 * (O(log n + k) for lists; updates amortised, see slot-tree/tree.ts). Two
 * order-statistic B+ trees written here (one over subjects, one over distinct
 * scores for dense ranks, built on the first dense query); no dependency.
 * Each subject holds a slot with a handle to its place in the tree, so an
 * update takes the old score out without searching. The
 * board is a local mutable structure owned by its caller: snapshot it with
 * `liveRanking` for an immutable `Ranking` equal to a full recompute.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { at, problem, text, type PathSegment, type Problem } from '../core/internal.js'
import { makeOrderedSet, makeSlotTree, type OrderedSet } from './slot-tree/index.js'
import { makeSlotIndex } from './slotindex.js'
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
}

// Each board's invariant check, kept beside it rather than on it (tests reach it through checkLiveBoard).
const CHECKS = new WeakMap<LiveBoard, () => number>()

/** Check a live board's internal trees (for tests): the number of subjects reached, or a throw. Internal. */
export const checkLiveBoard = (board: LiveBoard): number => {
  const check = CHECKS.get(board)
  if (check === undefined) throw new Error('not a live board made by liveBoard')
  return check()
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
  // Each subject on the board has a slot: a small integer naming its score and its place in the tree.
  // One lookup per operation finds it (slotindex.ts); the tree finds the slot's leaf through a handle, so
  // taking the old score out costs no search (see slot-tree/tree.ts).
  const names: Array<string> = []
  const slotOf = makeSlotIndex(names)
  const freeSlots: Array<number> = []
  const subjects = makeSlotTree(names)
  const k = (score: number): number => (order === 'desc' ? -score : score) + 0 // +0 folds -0 into 0
  // A score is kept only as its key in the tree (negation is exact, and +0 keeps 0 unsigned).
  const scoreOf = (slot: number): number => k(subjects.keyOf(slot))
  // The distinct scores (for dense ranks) are indexed from the first dense query on, then kept up to date.
  let distinct: OrderedSet | undefined
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
  const denseIndex = (): OrderedSet => {
    if (distinct === undefined) {
      const d = makeOrderedSet()
      const m = new Map<number, number>()
      for (const slot of slotOf.slots()) {
        const s = scoreOf(slot)
        const c = m.get(s) ?? 0
        if (c === 0) d.insert(k(s), '')
        m.set(s, c + 1)
      }
      distinct = d
      multiplicity = m
    }
    return distinct
  }
  const newSlot = (subject: string): number => {
    const slot = freeSlots.pop() ?? names.length
    names[slot] = subject
    slotOf.add(subject, slot)
    return slot
  }
  // Set the score of a subject whose slot (-1 if it is not on the board) the caller has looked up.
  const update = (subject: string, slot: number, score: number): E.Either<Problem, number> => {
    if (!Number.isFinite(score)) return E.left(problem('type', at([...path, subject]), FINITE, score))
    const s = score + 0
    if (slot < 0) subjects.insert(k(s), newSlot(subject))
    else {
      const old = scoreOf(slot)
      if (old === s) return E.right(s)
      subjects.move(slot, k(s))
      dropScore(old)
    }
    addScore(s)
    return E.right(s)
  }
  // Positions from..to-1, with competition ranks: the first by counting, each next one from its predecessor
  // (the same rank on an equal score, else its position + 1), so a list costs O(log n + k).
  const range = (from: number, to: number): ReadonlyArray<LiveEntry> => {
    const out: Array<LiveEntry> = []
    const lo = Math.max(0, from)
    let rank = 0
    let prev = Number.NaN
    subjects.scan(lo, Math.min(to, names.length) - lo, (key, slot) => {
      const position = lo + out.length
      rank = out.length === 0 ? subjects.countLess(key) + 1 : key === prev ? rank : position + 1
      prev = key
      out.push({ subject: names[slot] as string, score: k(key), rank, position })
    })
    return out
  }
  const board: LiveBoard = {
    order,
    size: () => slotOf.size(),
    score: (subject) => {
      const slot = slotOf.get(subject)
      return slot < 0 ? undefined : scoreOf(slot)
    },
    set: (subject, score) => update(subject, slotOf.get(subject), score),
    add: (subject, delta) => {
      const slot = slotOf.get(subject)
      return update(subject, slot, (slot < 0 ? 0 : scoreOf(slot)) + delta)
    },
    remove: (subject) => {
      const slot = slotOf.get(subject)
      if (slot < 0) return false
      dropScore(scoreOf(slot))
      subjects.remove(slot)
      slotOf.remove(subject)
      names[slot] = ''
      freeSlots.push(slot)
      return true
    },
    rank: (subject, scheme = 'competition') => {
      const slot = slotOf.get(subject)
      if (slot < 0) return undefined
      const key = subjects.keyOf(slot)
      switch (scheme) {
        case 'competition':
          return subjects.countLess(key) + 1
        case 'dense':
          return denseIndex().countLess(key) + 1
        case 'ordinal':
          return subjects.position(slot) + 1
        case 'fractional':
          return (subjects.countLess(key) + 1 + subjects.countLessEq(key)) / 2
      }
    },
    percentRank: (subject) => {
      const slot = slotOf.get(subject)
      if (slot < 0) return undefined
      const n = slotOf.size()
      return n === 1 ? 0 : subjects.countLess(subjects.keyOf(slot)) / (n - 1)
    },
    top: (count) => range(0, count),
    around: (subject, radius) => {
      const slot = slotOf.get(subject)
      if (slot < 0) return []
      const p = subjects.position(slot)
      return range(p - radius, p + radius + 1)
    },
    entries: () => range(0, names.length)
  }
  CHECKS.set(board, () => {
    const n = subjects.checkOrThrow()
    const slots = slotOf.slots()
    for (const slot of slots) if (slotOf.get(names[slot] as string) !== slot || subjects.position(slot) < 0) throw new Error('slot handles disagree')
    if (slots.length !== slotOf.size()) throw new Error('slot index size')
    if (distinct !== undefined && multiplicity !== undefined) {
      distinct.checkOrThrow()
      const scores = new Set(slots.map(scoreOf))
      if (distinct.size() !== multiplicity.size || distinct.size() !== scores.size) throw new Error('dense index disagrees')
    }
    if (n !== slotOf.size()) throw new Error('live board indexes disagree')
    return n
  })
  return board
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
