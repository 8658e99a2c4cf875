// The package has no side effects ("sideEffects": false): importing editProgramme does not load immer's
// patches plugin, which registers itself for every immer in the app; the first edit does. (Its own file:
// vitest gives each file its own modules, so no other test has edited before this one.)
import { describe, expect, it } from 'vitest'
import { produceWithPatches } from 'immer'
import { editProgramme } from '../../src/programme/internal.js'

describe('editProgramme on import', () => {
  it('loads immer patches on the first edit, not on import', () => {
    expect(() => produceWithPatches({ a: 1 }, (d) => void (d.a = 2))).toThrow(/Patches/)
    expect(editProgramme({ a: 1 }, (d) => void (d.a = 2)).patches).toEqual([{ op: 'replace', path: ['a'], value: 2 }])
    expect(produceWithPatches({ a: 1 }, (d) => void (d.a = 2))[1]).toEqual([{ op: 'replace', path: ['a'], value: 2 }])
  })
})
