// Laws of editing a programme (issue #16): for any edits of a valid programme (a random existing place set
// to a random JSON value, a key or an element deleted, a key deleted and set again, a value pushed to an
// array or added under a new key, the whole spec replaced), the new spec is what plain mutation of a copy gives; applying the inverse
// patches to it restores the original exactly, and applying the patches to the original gives it; the
// original is neither changed nor frozen; and the check is decodeProgramme's.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { applyProgrammePatches, decodeProgramme, editProgramme } from '../../src/programme/internal.js'
import { programmeJson } from './fixtures.js'

type Json = null | boolean | number | string | Array<Json> | { [k: string]: Json }
type Path = ReadonlyArray<string | number>
type Op =
  | { readonly _tag: 'set'; readonly pick: number; readonly value: Json }
  | { readonly _tag: 'delete'; readonly pick: number }
  | { readonly _tag: 'push'; readonly pick: number; readonly value: Json }
  | { readonly _tag: 'add'; readonly pick: number; readonly key: string; readonly value: Json }
  | { readonly _tag: 'readd'; readonly pick: number; readonly value: Json }

// A valid programme with some parts left out, as programme.test-prop.ts makes them.
const programmeArb = fc.record({ bank: fc.boolean(), awards: fc.boolean(), badges: fc.boolean() }).map((o) => {
  const p = programmeJson() as unknown as Record<string, Json>
  if (!o.bank) delete p['bank']
  if (!o.awards) delete p['awards']
  else if (!o.badges) delete (p['awards'] as Record<string, Json>)['badges']
  return p as Json
})

const word = fc.string({ unit: fc.constantFrom(...'abcxyz019-_. 张'), minLength: 1, maxLength: 6 })
const valueArb: fc.Arbitrary<Json> = fc.jsonValue({ maxDepth: 2, stringUnit: fc.constantFrom(...'abcxyz019-_ 张') }) as fc.Arbitrary<Json>
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ _tag: fc.constant('set' as const), pick: fc.nat(), value: valueArb }) },
  { weight: 2, arbitrary: fc.record({ _tag: fc.constant('delete' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ _tag: fc.constant('push' as const), pick: fc.nat(), value: valueArb }) },
  { weight: 1, arbitrary: fc.record({ _tag: fc.constant('add' as const), pick: fc.nat(), key: word, value: valueArb }) },
  // a key deleted and set again: it goes last in the draft, where immer's patches would keep it in place
  { weight: 1, arbitrary: fc.record({ _tag: fc.constant('readd' as const), pick: fc.nat(), value: valueArb }) }
)
// One recipe: some edits of the draft, or (now and then) a whole new spec returned.
const recipeArb = fc.oneof(
  { weight: 9, arbitrary: fc.array(opArb, { minLength: 1, maxLength: 6 }).map((ops) => ({ _tag: 'ops' as const, ops })) },
  { weight: 1, arbitrary: valueArb.map((value) => ({ _tag: 'root' as const, value })) }
)

// Every place below the root, with what is there.
const places = (doc: Json, path: Path = []): Array<readonly [Path, Json]> => {
  const kids: Array<readonly [string | number, Json]> = Array.isArray(doc) ? doc.map((x, i) => [i, x] as const) : doc !== null && typeof doc === 'object' ? Object.entries(doc) : []
  return kids.flatMap(([k, v]) => [[[...path, k], v] as const, ...places(v, [...path, k])])
}
const at = (root: unknown, path: Path): any => path.reduce((x: any, k) => x[k], root) // eslint-disable-line @typescript-eslint/no-explicit-any

// An op at the place it picks among those it can apply to, on `target` (an immer draft or a plain copy),
// chosen on `mirror` (the plain value target is at now); false when no place fits.
const apply = (target: unknown, mirror: Json, op: Op): boolean => {
  const isObject = (v: unknown): boolean => v !== null && typeof v === 'object' && !Array.isArray(v)
  const fit = places(mirror).filter(([path, v]) =>
    op._tag === 'push' ? Array.isArray(v) : op._tag === 'add' ? isObject(v) : op._tag === 'readd' ? isObject(at(mirror, path.slice(0, -1))) : true
  )
  const chosen = fit[op.pick % Math.max(fit.length, 1)]
  if (chosen === undefined) return false
  const [path] = chosen
  const parent = at(target, path.slice(0, -1))
  const last = path[path.length - 1] as string | number
  const value = 'value' in op ? structuredClone(op.value) : undefined // never one object in both
  if (op._tag === 'set') parent[last] = value
  else if (op._tag === 'delete') Array.isArray(parent) ? parent.splice(last as number, 1) : delete parent[last]
  else if (op._tag === 'push') parent[last].push(value)
  else if (op._tag === 'readd') {
    delete parent[last]
    parent[last] = value
  }
  else parent[last][op.key] = value
  return true
}

describe('editing laws', () => {
  it('inverse patches restore the original exactly, patches redo the edit, and the edit is plain mutation of a copy', () => {
    fc.assert(
      fc.property(programmeArb, recipeArb, (original, recipe) => {
        const pristine = structuredClone(original)
        const mirror = structuredClone(original)
        const r =
          recipe._tag === 'root'
            ? editProgramme<Json>(original, () => structuredClone(recipe.value))
            : editProgramme<Json>(original, (d) => {
                for (const op of recipe.ops) apply(d, mirror, op) && apply(mirror, structuredClone(mirror), op)
              })
        const expected = recipe._tag === 'root' ? recipe.value : mirror
        expect(r.spec).toStrictEqual(expected)
        expect(JSON.stringify(r.spec)).toBe(JSON.stringify(expected))
        // undo: the original exactly
        const undone = applyProgrammePatches(r.spec, r.inverse)
        expect(undone).toStrictEqual(E.right(pristine))
        expect(E.isRight(undone) && JSON.stringify(undone.right)).toBe(JSON.stringify(pristine))
        // redo: the new spec
        const redone = applyProgrammePatches(original, r.patches)
        expect(redone).toStrictEqual(E.right(r.spec))
        expect(E.isRight(redone) && JSON.stringify(redone.right)).toBe(JSON.stringify(r.spec))
        // the original untouched and not frozen; what came back frozen
        expect(original).toStrictEqual(pristine)
        expect(Object.isFrozen(original)).toBe(false)
        if (r.spec !== null && typeof r.spec === 'object') expect(Object.isFrozen(r.spec)).toBe(true)
        // the check is decodeProgramme's on the new spec (its problems, or that it decodes)
        const d = decodeProgramme(expected)
        expect(E.isRight(r.check)).toBe(E.isRight(d))
        if (E.isLeft(r.check) && E.isLeft(d)) expect(r.check.left).toEqual(d.left)
      }),
      { numRuns: 300 }
    )
  })

  it('undo then redo of a chain of edits walks the same specs back and forth', () => {
    fc.assert(
      fc.property(programmeArb, fc.array(fc.array(opArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }), (original, steps) => {
        const specs: Array<unknown> = [original]
        const edits = steps.map((ops) => {
          const before = specs[specs.length - 1] as Json
          const mirror = structuredClone(before)
          const r = editProgramme<Json>(before, (d) => {
            for (const op of ops) apply(d, mirror, op) && apply(mirror, structuredClone(mirror), op)
          })
          specs.push(r.spec)
          return r
        })
        let cur: unknown = specs[specs.length - 1]
        for (let i = edits.length - 1; i >= 0; i--) {
          const u = applyProgrammePatches(cur, edits[i]?.inverse ?? [])
          expect(u).toStrictEqual(E.right(specs[i]))
          expect(E.isRight(u) && JSON.stringify(u.right)).toBe(JSON.stringify(specs[i]))
          cur = E.isRight(u) ? u.right : undefined
        }
        for (let i = 0; i < edits.length; i++) {
          const u = applyProgrammePatches(cur, edits[i]?.patches ?? [])
          expect(u).toStrictEqual(E.right(specs[i + 1]))
          expect(E.isRight(u) && JSON.stringify(u.right)).toBe(JSON.stringify(specs[i + 1]))
          cur = E.isRight(u) ? u.right : undefined
        }
      }),
      { numRuns: 150 }
    )
  })
})
