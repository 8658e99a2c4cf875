/**
 * Editing a programme from an admin screen: a change is a recipe that
 * mutates a draft of the programme's JSON (immer), and comes back as the new
 * JSON, the patches that make it and the inverse patches that undo it, with
 * the check of the new programme. Nothing throws: a change that cannot be
 * applied is a problem, and the programme is left as it was.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { enablePatches, Immer, type Patch } from 'immer'
import { at, problem, text, type Decoded, type OrgTree, type PathSegment, type Problem } from '../core/internal.js'
import { unreadable } from '../core/internal/unreadable.js'
import { checkProgrammeOrg, decodeProgramme, type Programme } from './programme.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * What a recipe edits: the spec's type with every `readonly` taken off, all
 * the way down (a spec typed `any`, as `JSON.parse` gives, stays `any`).
 *
 * @category model
 * @example
 * const recipe = (draft: Editable<ProgrammeSpec>) => { draft.zone = 'UTC' }
 */
export type Editable<T> = 0 extends 1 & T
  ? T
  : T extends ReadonlyArray<infer X>
    ? Array<Editable<X>>
    : T extends object
      ? { -readonly [K in keyof T]: Editable<T[K]> }
      : T

/**
 * One change to a programme's JSON, as immer's patches (JSON Patch-like):
 * `add`, `replace` or `remove` the value at `path`. Store them to undo and
 * redo; `applyProgrammePatches` applies them.
 *
 * @category model
 * @example
 * const p: ProgrammePatch = { op: 'replace', path: ['rules', 'rules', 0, 'amount', 'points'], value: 2 }
 */
export interface ProgrammePatch {
  readonly op: 'replace' | 'add' | 'remove'
  readonly path: ReadonlyArray<string | number>
  readonly value?: unknown
}

/**
 * What an edit gives: the new spec (deeply frozen), the patches from the old
 * spec to it and the inverse patches back, and the check of the new spec
 * (`decodeProgramme`, then `checkProgrammeOrg` when an organisation is given).
 * A change that could not be applied gives the old spec, no patches and a
 * `check` with the one problem that says why.
 *
 * @category model
 * @example
 * const { spec, patches, inverse, check }: EditResult<typeof json> = editProgramme(json, (d) => { d.zone = 'UTC' })
 */
export interface EditResult<S> {
  readonly spec: S
  readonly patches: ReadonlyArray<ProgrammePatch>
  readonly inverse: ReadonlyArray<ProgrammePatch>
  readonly check: Decoded<Programme>
}

// -------------------------------------------------------------------------------------
// the engine
// -------------------------------------------------------------------------------------

// immer's patches are a plugin that registers itself globally: enabled on the first edit, not at
// import (the package has no side effects). The instance is our own, so nobody's setAutoFreeze
// changes what an edit gives.
let engine: Immer | undefined
const immer = (): Immer => {
  if (engine === undefined) {
    enablePatches()
    engine = new Immer({ autoFreeze: true })
  }
  return engine
}

const toImmer = (ps: ReadonlyArray<ProgrammePatch>): ReadonlyArray<Patch> => ps as ReadonlyArray<Patch>

// -------------------------------------------------------------------------------------
// JSON, and a copy of it that is ours to freeze
// -------------------------------------------------------------------------------------

const A_JSON_VALUE = text('a JSON value (the programme is saved as JSON; delete a key to remove it)', 'JSON 值（方案以 JSON 保存；删除键即可去掉它）')
const NOT_ITSELF = text('a JSON value (this one contains itself)', 'JSON 值（此值包含它自身）')

const isPlainObject = (u: object): boolean => {
  const proto: unknown = Object.getPrototypeOf(u)
  return proto === Object.prototype || proto === null
}

// The first place in `u` JSON cannot hold as it is: a value JSON.stringify would throw on, drop, or
// write as another (an undefined key is absent, as the decoders and JSON.stringify read it).
const notJson = (u: unknown, path: ReadonlyArray<PathSegment>, open: Set<object>): Problem | undefined => {
  if (u === null || typeof u === 'string' || typeof u === 'boolean') return undefined
  if (typeof u === 'number') return Number.isFinite(u) ? undefined : problem('type', at(path), A_JSON_VALUE, u)
  if (typeof u !== 'object') return problem('type', at(path), A_JSON_VALUE, u)
  if (open.has(u)) return problem('type', at(path), NOT_ITSELF, u)
  open.add(u)
  let found: Problem | undefined
  if (Array.isArray(u)) {
    for (let i = 0; i < u.length && found === undefined; i++) {
      found = i in u ? notJson(u[i], [...path, i], open) : problem('type', at([...path, i]), A_JSON_VALUE, undefined)
    }
  } else if (!isPlainObject(u)) found = problem('type', at(path), A_JSON_VALUE, u)
  else {
    const o = u as Readonly<Record<string, unknown>>
    for (const k of Object.keys(o)) {
      const v = o[k]
      if (v !== undefined) found = notJson(v, [...path, k], open)
      if (found !== undefined) break
    }
  }
  open.delete(u)
  return found
}

// A copy of checked JSON that immer may freeze: deeply frozen parts are shared (an earlier edit's
// spec), the rest is copied, so the caller's value is never frozen. Keys are defined, not assigned,
// so an own `__proto__` key stays a key.
const ownCopy = (u: unknown): unknown => {
  if (typeof u !== 'object' || u === null) return u
  if (Array.isArray(u)) {
    const xs: Array<unknown> = u.map(ownCopy)
    return Object.isFrozen(u) && xs.every((x, i) => x === u[i]) ? u : xs
  }
  const o = u as Readonly<Record<string, unknown>>
  const out: Record<string, unknown> = {}
  let same = Object.isFrozen(o)
  for (const k of Object.keys(o)) {
    const v = ownCopy(o[k])
    same &&= v === o[k]
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true })
  }
  return same ? o : out
}

/** The spec as JSON that is ours to edit, or the problem that says why it is not JSON. */
const ownJson = (u: unknown, path: ReadonlyArray<PathSegment> = []): E.Either<Problem, unknown> => {
  try {
    const bad = notJson(u, path, new Set())
    return bad === undefined ? E.right(ownCopy(u)) : E.left(bad)
  } catch {
    // a getter or Proxy that throws, or a value nested deeper than the stack
    return E.left(unreadable(path))
  }
}

// -------------------------------------------------------------------------------------
// editing
// -------------------------------------------------------------------------------------

const NOT_APPLIED = text('a change that can be applied to the programme (the recipe threw)', '可应用于方案的修改（修改函数抛出了错误）')
const NOT_AT_ONCE = text('a change made at once (the recipe returned a promise: edit the draft before returning)', '立即完成的修改（修改函数返回了 Promise：请在返回前修改草稿）')

// Thrown through immer when the recipe returns a promise (immer would hand the promise back).
const ASYNC: unique symbol = Symbol('async recipe')

const isThenable = (u: unknown): u is PromiseLike<unknown> =>
  typeof u === 'object' && u !== null && typeof (u as { readonly then?: unknown }).then === 'function'

// What the recipe threw, for the problem's "got" (reading a hostile error must not throw either).
const message = (err: unknown): string => {
  try {
    return err instanceof Error ? `${err.name}: ${err.message}` : String(err)
  } catch {
    return '(an error that cannot be read)'
  }
}

const refused = <S>(spec: S, p: Problem): EditResult<S> => ({ spec, patches: [], inverse: [], check: E.left([p]) })

const checked = (spec: unknown, org: OrgTree | undefined): Decoded<Programme> => {
  const r = decodeProgramme(spec)
  if (E.isLeft(r) || org === undefined) return r
  const ps = checkProgrammeOrg(r.right, org)
  return ps.length > 0 ? E.left(ps) : r
}

/**
 * Apply a change to a programme's JSON, as an admin screen makes it: the
 * recipe mutates a draft (or returns a whole new spec), and the result holds
 * the new spec, its patches and inverse patches (redo and undo, see
 * `applyProgrammePatches`) and the check of the new spec: `decodeProgramme`,
 * then, when it decodes and `options.org` is given, `checkProgrammeOrg`
 * (left when either finds problems, each at its path). An edit that breaks
 * the programme is still made: the screen shows the problems and can undo.
 *
 * Never throws, and never changes or freezes the spec it is given. The new
 * spec is deeply frozen (immer freezes what it makes, and what the recipe
 * put in with it): edit it again with `editProgramme`, or `structuredClone`
 * it to change it by hand; it is plain JSON, safe for `JSON.stringify`. Its
 * parts the change left alone are shared with the old spec when that was
 * frozen (a spec an earlier edit returned), copied otherwise. A change that
 * cannot be applied leaves the spec as given, with no patches, and `check`
 * holds the one problem: the recipe threw or returned a promise (`internal`,
 * at `$`), or the spec, before or after, holds what JSON cannot (`type`, at
 * that value's path: `undefined` in an array, `NaN`, a `Date`, a cycle).
 *
 * @category combinators
 * @example
 * const json = JSON.parse(readFileSync('programme.json', 'utf8'))
 * const edit = editProgramme(json, (d) => { d.rules.rules[0].amount.points = 2 })
 * E.isRight(edit.check) // => true
 * edit.patches // => [{ op: 'replace', path: ['rules', 'rules', 0, 'amount', 'points'], value: 2 }]
 * const broken = editProgramme(edit.spec, (d) => { d.rules.rules[0].amount.points = 1.5 })
 * E.isLeft(broken.check) && renderProblems(broken.check.left) // => '$.rules.rules[0].amount.points: expected a whole number of points, got 1.5'
 */
export const editProgramme = <S>(
  spec: S,
  recipe: (draft: Editable<S>) => Editable<S> | S | void,
  options: { readonly org?: OrgTree } = {}
): EditResult<S> => {
  const base = ownJson(spec)
  if (E.isLeft(base)) return refused(spec, base.left)
  const run = (draft: unknown): unknown => {
    const r: unknown = recipe(draft as Editable<S>)
    if (isThenable(r)) {
      r.then(undefined, () => undefined) // the rest of it runs on a revoked draft: its failure is ours to drop
      throw ASYNC
    }
    return r
  }
  let made: readonly [unknown, ReadonlyArray<ProgrammePatch>, ReadonlyArray<ProgrammePatch>]
  try {
    made = immer().produceWithPatches(base.right, run as (draft: unknown) => undefined)
  } catch (err) {
    return refused(spec, err === ASYNC ? problem('internal', at([]), NOT_AT_ONCE, undefined) : problem('internal', at([]), NOT_APPLIED, message(err)))
  }
  const [next, patches, inverse] = made
  const after = ownJson(next)
  if (E.isLeft(after)) return refused(spec, after.left)
  // immer replaces a value that is not an object even with itself: no change, no patches
  const same = Object.is(next, base.right)
  return { spec: next as S, patches: same ? [] : patches, inverse: same ? [] : inverse, check: checked(next, options.org) }
}

// -------------------------------------------------------------------------------------
// undo and redo
// -------------------------------------------------------------------------------------

const OPS: ReadonlySet<unknown> = new Set(['replace', 'add', 'remove'])

const aPatch = (i: number, n: number) =>
  text(`a patch { op: replace | add | remove, path, value } (patch ${i + 1} of ${n})`, `补丁 { op: replace | add | remove, path, value }（第 ${i + 1} 个，共 ${n} 个）`)
const aPlace = (i: number, n: number) =>
  text(`a place in the programme this patch can change (patch ${i + 1} of ${n})`, `方案中此补丁可修改的位置（第 ${i + 1} 个，共 ${n} 个）`)

const isPath = (u: unknown): u is ReadonlyArray<PathSegment> => Array.isArray(u) && u.every((s) => typeof s === 'string' || typeof s === 'number')

// One patch applied to JSON that is ours (a root replace takes a copy of its value, so that value is
// never frozen), or the problem at the place it names.
const applyOne = (spec: unknown, p: ProgrammePatch, i: number, n: number): E.Either<Problem, unknown> => {
  if (typeof p !== 'object' || p === null || !OPS.has(p.op) || !isPath(p.path)) return E.left(problem('type', at([]), aPatch(i, n), p))
  if (p.op !== 'remove') {
    const value = ownJson(p.value, p.path)
    if (E.isLeft(value)) return value
    if (p.path.length === 0) return p.op === 'replace' ? value : E.left(problem('reference', at([]), aPlace(i, n), p.op))
  } else if (p.path.length === 0) return E.left(problem('reference', at([]), aPlace(i, n), p.op))
  try {
    return E.right(immer().applyPatches(spec as object, toImmer([p])))
  } catch {
    return E.left(problem('reference', at(p.path), aPlace(i, n), undefined))
  }
}

/**
 * Apply patches to a programme's JSON, in order: `inverse` to undo an edit
 * (on the spec it returned), `patches` to redo it (on the spec it was given).
 * The patched spec is deeply frozen, like an edit's, and the spec given is
 * never changed or frozen. A patch that does not fit (its path goes through
 * a value that is not an object or array, or it is not a patch, or its value
 * is not JSON) is a problem at its path, and nothing is applied. Check the
 * result with `decodeProgramme`, or make the next change with `editProgramme`.
 *
 * @category combinators
 * @example
 * const edit = editProgramme(json, (d) => { d.zone = 'UTC' })
 * const undone = applyProgrammePatches(edit.spec, edit.inverse) // => right(a spec equal to json)
 * const redone = applyProgrammePatches(json, edit.patches) // => right(a spec equal to edit.spec)
 * E.isRight(undone) && undone.right.zone // => 'Asia/Shanghai'
 */
export const applyProgrammePatches = <S>(spec: S, patches: ReadonlyArray<ProgrammePatch>): E.Either<Problem, S> => {
  const base = ownJson(spec)
  if (E.isLeft(base)) return base
  let out: unknown = base.right
  const n = patches.length
  for (let i = 0; i < n; i++) {
    const r = applyOne(out, patches[i] as ProgrammePatch, i, n)
    if (E.isLeft(r)) return r
    out = r.right
  }
  // a spec with no patches, or primitives only, is still made ours and frozen
  return E.right(Object.isFrozen(out) ? (out as S) : (immer().produce(out, () => undefined) as S))
}
