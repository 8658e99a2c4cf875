// Type-level guarantees of core: ids, points and instants are branded (a plain string or number is not
// one; smart constructors make them), decoders return every problem, public values are readonly.
import { describe, expectTypeOf, it } from 'vitest'
import type * as E from 'fp-ts/lib/Either.js'
import { decode, instant, makeId, points, type Decoded, type EventId, type Id, type Instant, type MemberId, type Points, type Problem, type UnitId } from '../../src/core/internal.js'

describe('branded values', () => {
  it('a plain string is not an id, nor one kind of id another', () => {
    expectTypeOf<string>().not.toMatchTypeOf<MemberId>()
    expectTypeOf<UnitId>().not.toMatchTypeOf<MemberId>()
    expectTypeOf<EventId>().not.toMatchTypeOf<MemberId>()
    expectTypeOf<MemberId>().toMatchTypeOf<string>()
    expectTypeOf(makeId<'Member'>()).returns.toEqualTypeOf<E.Either<Problem, Id<'Member'>>>()
  })
  it('a plain number is neither points nor an instant', () => {
    expectTypeOf<number>().not.toMatchTypeOf<Points>()
    expectTypeOf<number>().not.toMatchTypeOf<Instant>()
    expectTypeOf<Points>().not.toMatchTypeOf<Instant>()
    expectTypeOf(points).returns.toEqualTypeOf<E.Either<Problem, Points>>()
    expectTypeOf(instant).returns.toEqualTypeOf<E.Either<Problem, Instant>>()
  })
  it('decoders give every problem, readonly', () => {
    expectTypeOf<Decoded<number>>().toEqualTypeOf<E.Either<ReadonlyArray<Problem>, number>>()
    expectTypeOf(decode).returns.returns.toEqualTypeOf<Decoded<unknown>>()
    // @ts-expect-error problems are a readonly list
    ;((ps: Decoded<number>) => E.isLeft(ps) && ps.left.push({} as Problem))
  })
})
