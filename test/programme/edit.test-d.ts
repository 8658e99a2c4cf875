// Type-level guarantees of editing a programme: the recipe's draft is the spec's own type made writable
// (no immer type in the signature), `any` stays `any`, and what comes back is the spec's type.
import { describe, expectTypeOf, it } from 'vitest'
import type * as E from 'fp-ts/lib/Either.js'
import type { Decoded, Problem } from '../../src/core/internal.js'
import { applyProgrammePatches, editProgramme, type Editable, type EditResult, type Programme, type ProgrammePatch, type ProgrammeSpec } from '../../src/programme/internal.js'

describe('editing types', () => {
  it('the draft is the spec made writable, all the way down', () => {
    expectTypeOf<Editable<ProgrammeSpec>['zone']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<Editable<{ readonly a: ReadonlyArray<{ readonly b: number }> }>>().toEqualTypeOf<{ a: Array<{ b: number }> }>()
    expectTypeOf<Editable<any>>().toBeAny() // eslint-disable-line @typescript-eslint/no-explicit-any
    const spec: ProgrammeSpec = { version: 1, rules: {} }
    editProgramme(spec, (d) => {
      d.zone = 'UTC'
      expectTypeOf(d).toEqualTypeOf<Editable<ProgrammeSpec>>()
    })
    // @ts-expect-error a recipe returns nothing or a whole spec
    editProgramme(spec, () => 42)
  })
  it('an edit gives the spec type back, immer-shaped patches and the check', () => {
    const spec: ProgrammeSpec = { version: 1, rules: {} }
    expectTypeOf(editProgramme(spec, () => undefined)).toEqualTypeOf<EditResult<ProgrammeSpec>>()
    expectTypeOf<EditResult<ProgrammeSpec>['check']>().toEqualTypeOf<Decoded<Programme>>()
    expectTypeOf<EditResult<ProgrammeSpec>['patches']>().toEqualTypeOf<ReadonlyArray<ProgrammePatch>>()
    expectTypeOf(applyProgrammePatches(spec, [])).toEqualTypeOf<E.Either<Problem, ProgrammeSpec>>()
  })
})
