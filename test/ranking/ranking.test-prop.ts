import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { concatAll } from 'fp-ts/lib/Monoid.js'
import { allTime, decode, membersOf, type UnitId } from '../../src/core/internal.js'
import {
  checkLiveBoard,
  BoardC,
  computeBoard,
  emptyShardTop,
  liveBoard,
  mergeShardTop,
  rankScores,
  rankScoresOrThrow,
  redBlack,
  shardTop,
  shardTopMonoid,
  type ListRule,
  type Order,
  type Scored,
  type ShardTop,
  type TieBreaker,
  type TieScheme
} from '../../src/ranking/internal.js'
import { expectAgreesWithFullSort } from './live-model.js'
import { org } from './fixture.js'

// Scores drawn from a handful of values, so ties are common (integers, and sometimes binary fractions,
// which take the other sorting path); subjects unique.
const arbScored = fc
  .uniqueArray(fc.record({ subject: fc.string({ minLength: 1, maxLength: 3 }), score: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(0.5, -1.5, 2.25)), f: fc.integer({ min: 0, max: 2 }) }), {
    selector: (x) => x.subject,
    maxLength: 40
  })
  .map((xs) => xs.map(({ subject, score, f }): Scored => ({ subject, score, figures: { f } })))
const arbOrder = fc.constantFrom<Order>('desc', 'asc')
const SCHEMES: ReadonlyArray<TieScheme> = ['competition', 'dense', 'ordinal', 'fractional']

const betterThan = (order: Order) => (a: number, b: number) => (order === 'desc' ? a > b : a < b)

describe('tie schemes agree with their definitions', () => {
  it('competition, dense, fractional and percent rank, with the tied groups stated', () => {
    fc.assert(
      fc.property(arbScored, arbOrder, fc.constantFrom<TieScheme>('competition', 'dense', 'fractional'), (xs, order, scheme) => {
        const r = rankScoresOrThrow({ scheme, order })(xs)
        const better = betterThan(order)
        expect(r.rows.map((x) => x.subject).sort()).toEqual(xs.map((x) => x.subject).sort())
        for (const row of r.rows) {
          const nBetter = xs.filter((x) => better(x.score, row.score)).length
          const nEqual = xs.filter((x) => x.score === row.score).length
          const distinctBetter = new Set(xs.filter((x) => better(x.score, row.score)).map((x) => x.score)).size
          const want = scheme === 'competition' ? 1 + nBetter : scheme === 'dense' ? 1 + distinctBetter : nBetter + (nEqual + 1) / 2
          expect(row.rank).toBe(want)
          expect(row.percentRank).toBe(xs.length === 1 ? 0 : nBetter / (xs.length - 1))
          if (nEqual > 1) {
            const g = r.ties[row.tie as number]
            expect(g?.subjects.slice().sort()).toEqual(xs.filter((x) => x.score === row.score).map((x) => x.subject).sort())
            expect(g?.rank).toBe(1 + nBetter)
          } else expect(row.tie).toBeUndefined()
        }
        expect(r.ties.reduce((a, g) => a + g.subjects.length, 0)).toBe(r.rows.filter((x) => x.tie !== undefined).length)
      }),
      { numRuns: 400 }
    )
  })
  it('ordinal ranks are 1..n following score, then the tie-breaker chain, then subject id', () => {
    fc.assert(
      fc.property(arbScored, arbOrder, fc.constantFrom<ReadonlyArray<TieBreaker>>([], [{ figure: 'f', order: 'desc' }], [{ figure: 'f', order: 'asc' }, { figure: 'missing', order: 'desc' }]), (xs, order, breakers) => {
        const r = rankScoresOrThrow({ scheme: 'ordinal', order, tieBreakers: breakers })(xs)
        expect(r.rows.map((x) => x.rank)).toEqual(xs.map((_, i) => i + 1))
        const key = (s: Scored): Array<number | string> => [
          order === 'desc' ? -s.score : s.score,
          ...breakers.map((b) => (s.figures?.[b.figure] === undefined ? Infinity : b.order === 'desc' ? -(s.figures[b.figure] as number) : (s.figures[b.figure] as number))),
          s.subject
        ]
        const lt = (a: ReadonlyArray<number | string>, b: ReadonlyArray<number | string>): boolean => {
          for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number) < (b[i] as number)
          return false
        }
        const bySubject = new Map(xs.map((x) => [x.subject, x]))
        for (let i = 1; i < r.rows.length; i++) {
          expect(lt(key(bySubject.get(r.rows[i - 1]?.subject as string) as Scored), key(bySubject.get(r.rows[i]?.subject as string) as Scored))).toBe(true)
        }
      }),
      { numRuns: 400 }
    )
  })
  it('refuses non-finite scores and duplicate subjects, ranking nothing', () => {
    fc.assert(
      fc.property(arbScored, fc.constantFrom(Number.NaN, Infinity, -Infinity), (xs, badScore) => {
        const withBad = [...xs, { subject: '#bad', score: badScore }]
        const r = rankScores()(withBad)
        expect(E.isLeft(r) && r.left.map((p) => p.at)).toEqual([{ _tag: 'JsonPath', segments: [xs.length, 'score'] }])
        if (xs.length > 0) expect(E.isLeft(rankScores()([...xs, xs[0] as Scored]))).toBe(true)
      })
    )
  })
})

const arbOps = fc.array(
  fc.oneof(
    fc.record({ op: fc.constantFrom('set' as const, 'add' as const), s: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), v: fc.integer({ min: -4, max: 4 }) }),
    fc.record({ op: fc.constant('remove' as const), s: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h') })
  ),
  { maxLength: 120 }
)

describe('live board', () => {
  it('agrees with a full sort after every update: every rank scheme, percent rank, top-k and neighbours', () => {
    fc.assert(
      fc.property(arbOps, arbOrder, fc.integer({ min: 0, max: 4 }), (ops, order, k) => {
        const live = liveBoard(order)
        const model = new Map<string, number>()
        for (const o of ops) {
          if (o.op === 'remove') expect(live.remove(o.s)).toBe(model.delete(o.s))
          else {
            const next = o.op === 'set' ? o.v : (model.get(o.s) ?? 0) + o.v
            model.set(o.s, next)
            expect(o.op === 'set' ? live.set(o.s, o.v) : live.add(o.s, o.v)).toEqual(E.right(next))
          }
          expect(checkLiveBoard(live)).toBe(model.size)
          const scored = [...model].map(([subject, score]) => ({ subject, score }))
          for (const scheme of SCHEMES) {
            const full = rankScoresOrThrow({ scheme, order })(scored)
            for (const row of full.rows) expect(live.rank(row.subject, scheme)).toBe(row.rank)
            if (scheme === 'ordinal') {
              expect(live.entries().map((e) => e.subject)).toEqual(full.rows.map((r) => r.subject))
              expect(live.top(k).map((e) => e.subject)).toEqual(full.rows.slice(0, k).map((r) => r.subject))
              for (const [i, row] of full.rows.entries()) {
                expect(live.percentRank(row.subject)).toBe(rankScoresOrThrow({ order })(scored).rows.find((x) => x.subject === row.subject)?.percentRank)
                expect(live.around(row.subject, k).map((e) => e.subject)).toEqual(full.rows.slice(Math.max(0, i - k), i + k + 1).map((r) => r.subject))
              }
            }
          }
        }
        expect(live.rank('zz')).toBeUndefined()
        expect(live.size()).toBe(model.size)
      }),
      { numRuns: 200 }
    )
  })
  it('agrees with a full sort at the end of long sequences over hundreds of subjects', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: -3, max: 3 })), { minLength: 200, maxLength: 3000 }),
        arbOrder,
        (ops, order) => {
          const live = liveBoard(order)
          const model = new Map<string, number>()
          for (const [o, n, v] of ops) {
            const s = `p${n}`
            if (o === 0) {
              live.remove(s)
              model.delete(s)
            } else if (o < 5) {
              live.set(s, v)
              model.set(s, v)
            } else {
              live.add(s, v)
              model.set(s, (model.get(s) ?? 0) + v)
            }
          }
          expectAgreesWithFullSort(live, model, order)
        }
      ),
      { numRuns: 60 }
    )
  })
  it('refuses non-finite scores and leaves the board unchanged', () => {
    const b = liveBoard()
    b.set('a', 1)
    expect(E.isLeft(b.set('a', Number.NaN))).toBe(true)
    expect(E.isLeft(b.add('a', Infinity))).toBe(true)
    expect([b.score('a'), b.size()]).toEqual([1, 1])
  })
})

const arbRule = fc.oneof(
  fc.integer({ min: 0, max: 6 }).map((count): ListRule => ({ count })),
  fc.integer({ min: -3, max: 3 }).map((threshold): ListRule => ({ threshold }))
)

describe('red and black lists', () => {
  it('never overlap unless the board is smaller than both counts together; no qualifying row is lost', () => {
    fc.assert(
      fc.property(arbScored, arbOrder, arbRule, arbRule, (xs, order, red, black) => {
        const r = rankScoresOrThrow({ order })(xs)
        const l = redBlack({ red, black })(r)
        if (E.isLeft(l)) {
          // Only overlapping thresholds are refused.
          expect('threshold' in red && 'threshold' in black && betterThan(order)(black.threshold, red.threshold)).toBe(true)
          return
        }
        const redIds = new Set(l.right.red.map((e) => e.subject))
        const both = l.right.black.filter((e) => redIds.has(e.subject))
        const cap = (x: ListRule) => ('count' in x ? x.count : 0)
        if (both.length > 0) expect(xs.length).toBeLessThan(cap(red) + cap(black))
        const listed = new Set([...redIds, ...l.right.black.map((e) => e.subject), ...l.right.contested.map((e) => e.subject)])
        const better = betterThan(order)
        for (const row of r.rows) {
          const nBetter = xs.filter((x) => better(x.score, row.score)).length
          const nWorse = xs.filter((x) => better(row.score, x.score)).length
          const isRed = 'count' in red ? nBetter < red.count : !better(red.threshold, row.score)
          const isBlack = 'count' in black ? nWorse < black.count : better(black.threshold, row.score)
          expect(listed.has(row.subject)).toBe(isRed || isBlack)
        }
      }),
      { numRuns: 500 }
    )
  })
})

const arbShard = (k: number) => arbScored.map(shardTop(k))
const sameTop = (a: ShardTop, b: ShardTop) => expect([a.count, a.sum, a.top]).toEqual([b.count, b.sum, b.top])

describe('shard merges', () => {
  it('are associative and commutative with the empty summary as identity', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 2 ** 31 }), (k, seed) => {
        fc.assert(
          fc.property(arbShard(k), arbShard(k), arbShard(k), (a, b, c) => {
            sameTop(mergeShardTop(mergeShardTop(a, b), c), mergeShardTop(a, mergeShardTop(b, c)))
            sameTop(mergeShardTop(a, b), mergeShardTop(b, a))
            sameTop(mergeShardTop(a, emptyShardTop(k)), a)
            sameTop(mergeShardTop(emptyShardTop(k), a), a)
          }),
          { numRuns: 20, seed }
        )
      }),
      { numRuns: 20 }
    )
  })
  it('merging the shards of a partition gives the summary of the whole, and its top agrees with the full ranking', () => {
    fc.assert(
      fc.property(arbScored, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 }), (xs, k, parts) => {
        const shards = Array.from({ length: parts }, (_, p) => xs.filter((_, i) => i % parts === p))
        const merged = concatAll(shardTopMonoid(k))(shards.map(shardTop(k)))
        sameTop(merged, shardTop(k)(xs))
        expect(merged.top.map((e) => e.subject)).toEqual(rankScoresOrThrow({ scheme: 'ordinal' })(xs).rows.slice(0, k).map((r) => r.subject))
      }),
      { numRuns: 300 }
    )
  })
})

describe('boards', () => {
  it('agree with a plain per-member sum over the period and scope, and survive a JSON round trip', () => {
    const members = org.members.map((m) => m.id as string)
    const arbEntries = fc.array(
      fc.record({
        subject: fc.constantFrom(...members, 'stranger'),
        account: fc.constantFrom('study', 'moral'),
        at: fc.integer({ min: 0, max: 10 }),
        granted: fc.integer({ min: -5, max: 20 }),
        eventType: fc.constant('x')
      }),
      { maxLength: 60 }
    )
    fc.assert(
      fc.property(arbEntries, fc.constantFrom<UnitId | undefined>(undefined, 'b1' as UnitId, 'g3' as UnitId), (entries, scope) => {
        const spec = { subjects: 'members', metric: { kind: 'points', account: 'study' }, period: allTime(), ...(scope === undefined ? {} : { scope }) } as const
        const b = computeBoard(spec)({ org, entries })
        if (E.isLeft(b)) throw new Error('board')
        const inScope = scope === undefined ? members : membersOf(org, scope)
        const want = inScope.map((m) => ({ subject: m, score: entries.filter((e) => e.subject === m && e.account === 'study').reduce((a, e) => a + e.granted, 0) }))
        const ref = rankScoresOrThrow()(want)
        expect(b.right.rows.map((r) => [r.subject, r.score, r.rank])).toEqual(ref.rows.map((r) => [r.subject, r.score, r.rank]))
        expect(b.right.unmatched).toEqual(scope === undefined && entries.some((e) => e.subject === 'stranger') ? ['stranger'] : [])
        expect(decode(BoardC)(JSON.parse(JSON.stringify(b.right)))).toEqual(E.right(b.right))
      }),
      { numRuns: 200 }
    )
  })
})
