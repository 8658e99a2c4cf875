// The live-board property tests' shared check: after any run of updates, a live board agrees with a
// full recompute of the model's scores under every tie scheme, and lists every subject in ordinal
// order. Returns the full rankings by scheme for a test's further checks.
import { expect } from 'vitest'
import { checkLiveBoard, rankScoresOrThrow, type LiveBoard, type Order, type Ranking, type TieScheme } from '../../src/ranking/internal.js'

export const SCHEMES: ReadonlyArray<TieScheme> = ['competition', 'dense', 'ordinal', 'fractional']

export const expectAgreesWithFullSort = (live: LiveBoard, model: ReadonlyMap<string, number>, order: Order): ReadonlyMap<TieScheme, Ranking> => {
  expect(checkLiveBoard(live)).toBe(model.size)
  const scored = [...model].map(([subject, score]) => ({ subject, score }))
  const full = new Map<TieScheme, Ranking>()
  for (const scheme of SCHEMES) {
    const ranking = rankScoresOrThrow({ scheme, order })(scored)
    expect(ranking.rows.map((r) => live.rank(r.subject, scheme))).toEqual(ranking.rows.map((r) => r.rank))
    full.set(scheme, ranking)
  }
  const ordinal = full.get('ordinal') as Ranking
  expect(live.entries().map((e) => [e.subject, e.score, e.position + 1])).toEqual(ordinal.rows.map((r) => [r.subject, r.score, r.rank]))
  return full
}
