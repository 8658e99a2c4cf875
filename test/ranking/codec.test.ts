import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { decode, decodeJson, renderProblem, zone, type Problem, type Zone } from '../../src/core/internal.js'
import { BoardC, BoardSpecC, boardSpecCodec, computeBoard, RedBlackC, RedBlackSpecC, redBlack } from '../../src/ranking/internal.js'
import { entry, org } from './fixture.js'

const msgs = <A>(r: E.Either<ReadonlyArray<Problem>, A>): ReadonlyArray<string> => (E.isLeft(r) ? r.left.map((p) => renderProblem(p)) : [])

describe('board spec JSON', () => {
  it('decodes a spec the admin wrote, with its period read in the programme zone', () => {
    const r = decode(BoardSpecC)({
      id: 'groups-q3',
      subjects: 'units',
      unitKind: 'group',
      metric: { kind: 'points', account: 'study' },
      aggregate: 'perCapita',
      period: '2021-Q3',
      ties: 'ordinal',
      tieBreakers: [{ figure: 'participants', order: 'desc' }],
      minParticipation: 1
    })
    expect(E.isRight(r) && [r.right.period.kind, r.right.period.start, r.right.metric]).toEqual([
      'quarter',
      Date.UTC(2021, 5, 30, 16),
      { kind: 'points', account: 'study' }
    ])
    const ny = boardSpecCodec((zone('America/New_York') as E.Right<Zone>).right)
    const n = decode(ny)({ subjects: 'members', metric: { kind: 'participation' }, period: '2021-07-01' })
    expect(E.isRight(n) && n.right.period.start).toBe(Date.UTC(2021, 6, 1, 4))
  })
  it('reports every problem at its path: unknown metric, unknown key, backwards period, bad scheme', () => {
    const r = decodeJson(BoardSpecC)(
      JSON.stringify({
        subjects: 'people',
        metric: { kind: 'pointz', account: 'study' },
        period: '2021-08-01/2021-07-01',
        ties: 'olympic',
        minParticipation: 1.5,
        colour: 'red'
      })
    )
    expect(msgs(r)).toEqual(
      expect.arrayContaining([
        '$.colour: expected one of the keys subjects, metric, period, id, scope, unitKind, aggregate, perDay, order, ties, tieBreakers, minParticipation, inactive, got "colour"',
        '$.subjects: expected one of members, units, got "people"',
        '$.metric.kind: expected one of points, count, quizAccuracy, host, participation, aboveDailyMin, got "pointz"',
        '$.period: expected a period that ends after it starts (from/to, to exclusive), got "2021-08-01/2021-07-01"',
        '$.ties: expected one of competition, dense, ordinal, fractional, got "olympic"',
        '$.minParticipation: expected a whole number ≥ 0, got 1.5'
      ])
    )
    expect(msgs(r)).toHaveLength(6)
  })
  it('checks each metric kind strictly', () => {
    expect(msgs(decode(BoardSpecC)({ subjects: 'units', metric: { kind: 'aboveDailyMin', account: 'study', min: 30, extra: 1 }, period: 'all' }))).toEqual([
      '$.metric.extra: expected one of the keys kind, account, min, got "extra"'
    ])
    expect(msgs(decode(BoardSpecC)({ subjects: 'units', metric: { kind: 'aboveDailyMin', account: 'study', min: 'x' }, period: 'all' }))).toEqual([
      '$.metric.min: expected a finite number, got "x"'
    ])
    expect(msgs(decode(BoardSpecC)({ subjects: 'units', metric: 7, period: '2021-13' }))).toEqual([
      '$.metric: expected an object with a kind: points, count, quizAccuracy, host, participation, aboveDailyMin, got 7',
      '$.period: expected a period key: YYYY-MM-DD, YYYY-Www, YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY, YYYY-MM-DD/YYYY-MM-DD or all, got "2021-13"'
    ])
  })
  it('decodes red/black specs', () => {
    expect(E.isRight(decode(RedBlackSpecC)({ red: { count: 3 }, black: { threshold: 30 } }))).toBe(true)
    expect(msgs(decode(RedBlackSpecC)({ red: { count: -2 }, black: { threshold: 1, count: 2 }, grey: {} }))).toEqual(
      expect.arrayContaining(['$.grey: expected one of the keys red, black, got "grey"', '$.red.count: expected a whole number ≥ 0, got -2', '$.black.count: expected one of the keys threshold, got "count"'])
    )
  })
})

describe('board and list results as JSON', () => {
  it('round-trip through JSON text and their codecs', () => {
    const spec = decode(BoardSpecC)({ id: 'july', subjects: 'members', metric: { kind: 'points', account: 'study' }, period: '2021-07' })
    if (E.isLeft(spec)) throw new Error('spec')
    const b = computeBoard(spec.right)({ org, entries: [entry('m1', 3, 1), entry('m2', 3, 2), entry('m3', 1, 2)] })
    if (E.isLeft(b)) throw new Error('board')
    const back = decode(BoardC)(JSON.parse(JSON.stringify(b.right)))
    expect(back).toEqual(E.right(b.right))
    const l = redBlack({ red: { count: 1 }, black: { threshold: 1 } })(b.right)
    if (E.isLeft(l)) throw new Error('lists')
    expect(decode(RedBlackC)(JSON.parse(JSON.stringify(l.right)))).toEqual(E.right(l.right))
    expect(msgs(decode(BoardC)({ ...JSON.parse(JSON.stringify(b.right)), rows: [{ subject: 'x', score: 'high', rank: 1, percentRank: 0, figures: {} }] }))).toEqual([
      '$.rows[0].score: expected a finite number, got "high"'
    ])
  })
})
