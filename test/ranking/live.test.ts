import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { liveBoard, liveRanking, shardTop, mergeShardTop } from '../../src/ranking/internal.js'

describe('live board', () => {
  it('answers ranks under every scheme, top-k and neighbours', () => {
    const b = liveBoard()
    b.set('zhang', 120)
    b.set('li', 95)
    b.set('wang', 120)
    b.add('zhao', 80)
    expect(b.add('li', 30)).toEqual(E.right(125))
    expect([b.rank('li'), b.rank('zhang'), b.rank('wang'), b.rank('zhao')]).toEqual([1, 2, 2, 4])
    expect([b.rank('wang', 'ordinal'), b.rank('zhang', 'ordinal')]).toEqual([2, 3])
    expect(b.rank('zhao', 'dense')).toBe(3)
    expect(b.rank('zhang', 'fractional')).toBe(2.5)
    expect(b.percentRank('zhao')).toBe(1)
    expect(b.top(2)).toEqual([
      { subject: 'li', score: 125, rank: 1, position: 0 },
      { subject: 'wang', score: 120, rank: 2, position: 1 }
    ])
    expect(b.around('zhang', 1).map((e) => e.subject)).toEqual(['wang', 'zhang', 'zhao'])
    expect(b.around('li', 1).map((e) => e.subject)).toEqual(['li', 'wang'])
    expect(b.remove('li')).toBe(true)
    expect(b.remove('li')).toBe(false)
    expect([b.rank('zhang'), b.size(), b.rank('li'), b.around('li', 2)]).toEqual([1, 3, undefined, []])
  })
  it('ranks ascending boards (lower is better) and snapshots as an immutable ranking', () => {
    const b = liveBoard('asc')
    b.set('a', 3)
    b.set('b', -1)
    b.set('c', 3)
    expect(b.entries().map((e) => [e.subject, e.rank])).toEqual([['b', 1], ['a', 2], ['c', 2]])
    const r = liveRanking(b, 'dense')
    expect(r.rows.map((x) => [x.subject, x.rank])).toEqual([['b', 1], ['a', 2], ['c', 2]])
    expect(r.ties).toEqual([{ score: 3, rank: 2, subjects: ['a', 'c'] }])
  })
  it('reports a non-finite score at the subject', () => {
    const r = liveBoard().set('x', Number.POSITIVE_INFINITY)
    expect(E.isLeft(r) && [r.left.code, r.left.at]).toEqual(['type', { _tag: 'JsonPath', segments: ['x'] }])
  })
})

describe('shard summaries', () => {
  it('merge top-k, counts and sums', () => {
    const m = mergeShardTop(shardTop(2)([{ subject: 'a', score: 5 }, { subject: 'b', score: 9 }]), shardTop(2)([{ subject: 'c', score: 7 }]))
    expect(m).toEqual({ _tag: 'ShardTop', k: 2, order: 'desc', count: 3, sum: 21, top: [{ subject: 'b', score: 9 }, { subject: 'c', score: 7 }] })
  })
})
