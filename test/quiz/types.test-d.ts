// Type-level guarantees of quiz: the public view has no field that carries key material, whatever the
// question type; rounds are readonly data; decoders of stored data return every problem.
import { describe, expectTypeOf, it } from 'vitest'
import { decodeRound, publicPaper, type PublicChoice, type PublicPaper, type PublicQuestion, type Round } from '../../src/quiz/internal.js'
import type { Decoded } from '../../src/core/internal.js'

// Every key of every member of a union.
type KeysOf<T> = T extends unknown ? keyof T : never
type KeyMaterial = 'answer' | 'answers' | 'fraction' | 'feedback' | 'explanation' | 'rubric' | 'accept' | 'trueFeedback' | 'falseFeedback' | 'caseSensitive' | 'scoring' | 'source'

describe('public views', () => {
  it('no public question of any type, nor its choices, has a key-material field', () => {
    expectTypeOf<Extract<KeysOf<PublicQuestion>, KeyMaterial>>().toEqualTypeOf<never>()
    expectTypeOf<Extract<keyof PublicChoice, KeyMaterial>>().toEqualTypeOf<never>()
    expectTypeOf<Extract<keyof PublicPaper, 'seed' | 'blueprint'>>().toEqualTypeOf<never>()
    expectTypeOf(publicPaper).returns.toEqualTypeOf<PublicPaper>()
  })
  it('rounds are readonly data, decoded from a store with every problem', () => {
    // @ts-expect-error a round's fields are readonly
    ;((r: Round) => (r.status = 'submitted'))
    // @ts-expect-error its slots too
    ;((r: Round) => r.slots.push({ answers: 0 }))
    expectTypeOf(decodeRound).returns.returns.toEqualTypeOf<Decoded<Round>>()
  })
})
