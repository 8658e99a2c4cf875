// Type-level guarantees of the programme file: decoding returns every problem or a programme whose
// optional parts are explicitly possibly absent; the rules are always compiled.
import { describe, expectTypeOf, it } from 'vitest'
import type { Decoded } from '../../src/core/internal.js'
import type { AwardProgramme } from '../../src/awards/internal.js'
import type { CheckedConfig } from '../../src/bank/internal.js'
import type { CompiledRuleSet } from '../../src/rules/internal.js'
import { decodeProgramme, decodeProgrammeJson, decodeProgrammeOrThrow, type Programme } from '../../src/programme/internal.js'

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
