// Type-level guarantees of the programme file: decoding returns every problem or a programme whose
// optional parts are explicitly possibly absent; the rules are always compiled.
import { describe, expectTypeOf, it } from 'vitest'
import type { Decoded } from '../../src/core/index.js'
import type { AwardProgramme } from '../../src/awards/index.js'
import type { CheckedConfig } from '../../src/bank/index.js'
import type { CompiledRuleSet } from '../../src/rules/index.js'
import { decodeProgramme, decodeProgrammeJson, decodeProgrammeOrThrow, type Programme } from '../../src/program/index.js'

describe('programme types', () => {
  it('decoders return every problem, or a programme', () => {
    expectTypeOf(decodeProgramme).returns.toEqualTypeOf<Decoded<Programme>>()
    expectTypeOf(decodeProgrammeJson).returns.toEqualTypeOf<Decoded<Programme>>()
    expectTypeOf(decodeProgrammeOrThrow).returns.toEqualTypeOf<Programme>()
  })
  it('the rules are always there; the bank and awards may be absent and say so', () => {
    expectTypeOf<Programme['rules']>().toEqualTypeOf<CompiledRuleSet>()
    expectTypeOf<Programme['bank']>().toEqualTypeOf<CheckedConfig | undefined>()
    expectTypeOf<Programme['awards']>().toEqualTypeOf<AwardProgramme | undefined>()
    // @ts-expect-error a programme is readonly
    ;((p: Programme) => (p.bank = undefined))
  })
})
