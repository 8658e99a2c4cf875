/**
 * Red and black lists (红黑榜) from a board: the red list is the best N or
 * everyone at least as good as a threshold, the black list the worst N or
 * everyone worse than a threshold. Tied subjects are never split; each entry
 * carries its figures and the rule that put it there.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { at, problem, text, type Decoded, type Problem } from '../core/internal.js'
import { type Ranking, type RankedRow } from './tie.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A list rule: `{ count: n }` (red: the best n, ties included; black: the worst
 * n, ties included) or `{ threshold: x }` (red: at least as good as x; black:
 * strictly worse than x; "good" follows the board's order).
 *
 * @category model
 * @example
 * const red: ListRule = { count: 3 }
 * const black: ListRule = { threshold: 10 }
 */
export type ListRule = { readonly count: number } | { readonly threshold: number }

/**
 * Which lists to draw from a board.
 *
 * @category model
 * @example
 * const spec: RedBlackSpec = { red: { count: 3 }, black: { threshold: 30 } }
 */
export interface RedBlackSpec {
  readonly red?: ListRule
  readonly black?: ListRule
}

/**
 * A list entry: the row that qualified and the rule it met.
 *
 * @category model
 * @example
 * lists.red[0] // => { subject: 'm2', score: 20, rank: 1, figures: { value: 20, count: 1 }, because: { count: 3 } }
 */
export interface ListEntry {
  readonly subject: string
  readonly label?: string
  readonly score: number
  readonly rank: number
  readonly figures: Readonly<Record<string, number>>
  readonly because: ListRule
}

/**
 * Red and black lists. The lists never share a subject unless the board is
 * smaller than both `count`s together (`overlapAllowed`); otherwise a
 * subject that met both rules (a tie across the boundary) is on neither and
 * listed in `contested`. The black list is worst first.
 *
 * @category model
 * @example
 * lists.contested // => [] (no tie straddles the two lists)
 */
export interface RedBlack {
  readonly _tag: 'RedBlack'
  readonly red: ReadonlyArray<ListEntry>
  readonly black: ReadonlyArray<ListEntry>
  readonly contested: ReadonlyArray<ListEntry>
  readonly overlapAllowed: boolean
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

const checkRule = (r: ListRule | undefined, name: 'red' | 'black'): ReadonlyArray<Problem> => {
  if (r === undefined) return []
  if ('count' in r) {
    return Number.isSafeInteger(r.count) && r.count >= 0 ? [] : [problem('range', at([name, 'count']), text('a whole number ≥ 0', '非负整数'), r.count)]
  }
  return Number.isFinite(r.threshold) ? [] : [problem('type', at([name, 'threshold']), text('a finite number', '有限数值'), r.threshold)]
}

/**
 * Draw red and black lists from a ranking (a `Board` or any `Ranking`).
 * Thresholds that would let one score be on both lists are refused.
 *
 * @category constructors
 * @example
 * const r = redBlack({ red: { count: 1 }, black: { count: 1 } })(board)
 * E.isRight(r) && [r.right.red.map((e) => e.subject), r.right.black.map((e) => e.subject)] // => [['m2'], ['m3']]
 */
export const redBlack =
  (spec: RedBlackSpec) =>
  (ranking: Ranking): Decoded<RedBlack> => {
    const ps = [...checkRule(spec.red, 'red'), ...checkRule(spec.black, 'black')]
    const desc = ranking.order === 'desc'
    const better = (a: number, b: number): boolean => (desc ? a > b : a < b)
    if (spec.red !== undefined && spec.black !== undefined && 'threshold' in spec.red && 'threshold' in spec.black) {
      if (better(spec.black.threshold, spec.red.threshold)) {
        ps.push(
          problem(
            'conflict',
            at(['black', 'threshold']),
            text(`a threshold no better than the red list's ${spec.red.threshold}`, `不优于红榜门槛 ${spec.red.threshold} 的门槛`),
            spec.black.threshold
          )
        )
      }
    }
    if (ps.length > 0) return E.left(ps)
    const rows = ranking.rows
    const n = rows.length
    // Competition rank from the top and from the bottom, from tie runs (rows are sorted, ties adjacent).
    const fromTop = new Array<number>(n)
    const fromBottom = new Array<number>(n)
    let i = 0
    while (i < n) {
      let j = i + 1
      while (j < n && (rows[j] as RankedRow).score === (rows[i] as RankedRow).score) j++
      for (let k = i; k < j; k++) {
        fromTop[k] = i + 1
        fromBottom[k] = n - j + 1
      }
      i = j
    }
    const meets = (r: ListRule | undefined, k: number, red: boolean): boolean => {
      if (r === undefined) return false
      const row = rows[k] as RankedRow
      if ('count' in r) return (red ? (fromTop[k] as number) : (fromBottom[k] as number)) <= r.count
      return red ? !better(r.threshold, row.score) : better(r.threshold, row.score)
    }
    const cap = (r: ListRule | undefined): number => (r !== undefined && 'count' in r ? r.count : 0)
    const overlapAllowed = n < cap(spec.red) + cap(spec.black)
    const entry = (k: number, because: ListRule): ListEntry => {
      const row = rows[k] as RankedRow
      const base = { subject: row.subject, score: row.score, rank: row.rank, figures: row.figures, because }
      return row.label === undefined ? base : { ...base, label: row.label }
    }
    const red: Array<ListEntry> = []
    const black: Array<ListEntry> = []
    const contested: Array<ListEntry> = []
    for (let k = 0; k < n; k++) {
      const isRed = meets(spec.red, k, true)
      const isBlack = meets(spec.black, k, false)
      if (isRed && isBlack && !overlapAllowed) contested.push(entry(k, spec.red as ListRule))
      else {
        if (isRed) red.push(entry(k, spec.red as ListRule))
        if (isBlack) black.push(entry(k, spec.black as ListRule))
      }
    }
    black.reverse()
    return E.right({ _tag: 'RedBlack', red, black, contested, overlapAllowed })
  }
