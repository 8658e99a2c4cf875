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
import { enablePatches, Immer, isModified, type Patch } from 'immer'
import { at, problem, text, type Decoded, type OrgTree, type PathSegment, type Problem } from '../core/internal.js'
import { unreadable } from '../core/internal/unreadable.js'
import { decodeProgramme, type Programme } from './programme.js'
import { checkProgrammeOrg } from './check.js'

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
 * redo; `applyProgrammePatches` applies them. Where immer's patches alone
 * would leave an object's keys in another order (a key deleted and added
 * again), the list ends with a `replace` of that object, so a spec undone or
 * redone is the very same JSON text.
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
// changes what an edit gives; it does not freeze, as it would freeze whatever the recipe put in
// (the caller's objects): `sealed` freezes what we hand out instead.
let engine: Immer | undefined
const immer = (): Immer => {
  if (engine === undefined) {
    enablePatches()
    engine = new Immer({ autoFreeze: false })
  }
  return engine
}

const toImmer = (ps: ReadonlyArray<ProgrammePatch>): ReadonlyArray<Patch> => ps as ReadonlyArray<Patch>

// -------------------------------------------------------------------------------------
// JSON: checked, copied before an edit, sealed after it
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

// Keys are defined, not assigned, so that an own `__proto__` key stays a key.
const objectOf = (entries: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> => {
  const out: Record<string, unknown> = {}
  for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true })
  return out
}

// Children's keys and values, each made by `f`, and whether every one is the same as before.
const rebuilt = (u: object, f: (v: unknown) => unknown): { readonly node: unknown; readonly same: boolean } => {
  if (Array.isArray(u)) {
    const xs: Array<unknown> = u.map(f)
    return { node: xs, same: xs.every((x, i) => x === u[i]) }
  }
  const o = u as Readonly<Record<string, unknown>>
  const entries = Object.keys(o).map((k): readonly [string, unknown] => [k, f(o[k])])
  return { node: objectOf(entries), same: entries.every(([k, v]) => v === o[k]) }
}

// A copy of checked JSON for immer to work on: deeply frozen parts are shared (an earlier edit's
// spec), the rest copied and remembered in `mine`, so that it may be frozen in place later.
const ownCopy = (u: unknown, mine: WeakSet<object>): unknown => {
  if (typeof u !== 'object' || u === null) return u
  const { node, same } = rebuilt(u, (v) => ownCopy(v, mine))
  if (Object.isFrozen(u) && same) return u
  mine.add(node as object)
  return node
}

/** Where `u` is not JSON, or that reading it threw (a getter or Proxy, a value deeper than the stack). */
const jsonProblem = (u: unknown, path: ReadonlyArray<PathSegment> = []): Problem | undefined => {
  try {
    return notJson(u, path, new Set())
  } catch {
    return unreadable(path)
  }
}

/** The spec as JSON that is ours to edit, or the problem that says why it is not JSON. */
const ownJson = (u: unknown, mine: WeakSet<object>): E.Either<Problem, unknown> => {
  const bad = jsonProblem(u)
  return bad === undefined ? E.right(ownCopy(u, mine)) : E.left(bad)
}

// Checked JSON, deeply frozen for handing out: what is ours (`mine`) is frozen in place, what is
// already deeply frozen is kept, and anything else (immer's copies, the objects a recipe put in,
// which are the caller's) is copied, so nothing of the caller's is ever frozen. One node is sealed
// once (`memo`): the spec and the patches' values share their objects.
const sealed = (u: unknown, mine: WeakSet<object>, memo: Map<object, unknown>): unknown => {
  if (typeof u !== 'object' || u === null) return u
  if (memo.has(u)) return memo.get(u)
  const { node, same } = rebuilt(u, (v) => sealed(v, mine, memo))
  const out = same && (Object.isFrozen(u) || mine.has(u)) ? u : node
  memo.set(u, Object.freeze(out))
  return out
}

const sealedPatches = (ps: ReadonlyArray<ProgrammePatch>, mine: WeakSet<object>, memo: Map<object, unknown>): ReadonlyArray<ProgrammePatch> =>
  Object.freeze(
    ps.map((p) =>
      Object.freeze('value' in p ? { op: p.op, path: Object.freeze([...p.path]), value: sealed(p.value, mine, memo) } : { op: p.op, path: Object.freeze([...p.path]) })
    )
  )

// -------------------------------------------------------------------------------------
// patches that give the very same JSON text
// -------------------------------------------------------------------------------------

// Where `got` holds an object's keys in another order than `want` (the two are otherwise equal): the
// outermost such objects' paths.
const misordered = (got: unknown, want: unknown, path: ReadonlyArray<PathSegment>, out: Array<ReadonlyArray<PathSegment>>): void => {
  if (got === want || typeof got !== 'object' || got === null || typeof want !== 'object' || want === null) return
  if (Array.isArray(got) && Array.isArray(want)) {
    got.forEach((x: unknown, i) => misordered(x, want[i], [...path, i], out))
    return
  }
  const ks = Object.keys(got)
  const ws = Object.keys(want)
  if (ks.length !== ws.length || ks.some((k, i) => k !== ws[i])) out.push(path)
  else for (const k of ks) misordered((got as Record<string, unknown>)[k], (want as Record<string, unknown>)[k], [...path, k], out)
}

const valueAt = (u: unknown, path: ReadonlyArray<PathSegment>): unknown => path.reduce((x: unknown, k) => (x as Record<PathSegment, unknown>)[k], u)

// immer's patches put an object's keys in another order than the change left them when a key is
// deleted and added again (an added key goes last, a replaced one stays): each such object is
// replaced whole after the patches, so that a spec undone or redone is the very same JSON text, not
// only an equal value. (The patches before are kept: with array indices shifting, a path names
// different elements before and after, so none can be known to be redundant.)
const inOrder = (from: unknown, ps: ReadonlyArray<ProgrammePatch>, to: unknown): ReadonlyArray<ProgrammePatch> => {
  if (ps.length === 0) return ps
  const fixes: Array<ReadonlyArray<PathSegment>> = []
  misordered(immer().applyPatches(from as object, toImmer(ps)), to, [], fixes)
  return fixes.length === 0 ? ps : [...ps, ...fixes.map((path): ProgrammePatch => ({ op: 'replace', path, value: valueAt(to, path) }))]
}

// -------------------------------------------------------------------------------------
// editing
// -------------------------------------------------------------------------------------

const NOT_APPLIED = text('a change that can be applied to the programme (the recipe threw)', '可应用于方案的修改（修改函数抛出了错误）')
const NOT_AT_ONCE = text('a change made at once (the recipe returned a promise: edit the draft before returning)', '立即完成的修改（修改函数返回了 Promise：请在返回前修改草稿）')
const NOT_BOTH = text(
  'a recipe that edits the draft or returns a new spec, not both (an arrow function returns its assignment: put its body in braces)',
  '修改草稿或返回新方案，二者择一（箭头函数会返回赋值的结果：请给函数体加上花括号）'
)

// Thrown through immer when the recipe cannot be taken as it is (immer would hand a promise back, or
// throw a message that is only in its development build).
const ASYNC: unique symbol = Symbol('async recipe')
const BOTH: unique symbol = Symbol('edited and returned')

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

const failed = (err: unknown): Problem =>
  err === ASYNC ? problem('internal', at([]), NOT_AT_ONCE, undefined) : err === BOTH ? problem('internal', at([]), NOT_BOTH, undefined) : problem('internal', at([]), NOT_APPLIED, message(err))

// The recipe as immer runs it, refusing what immer would not take as a change.
const guarded =
  <D>(recipe: (draft: D) => unknown) =>
  (draft: D): unknown => {
    const r = recipe(draft)
    if (isThenable(r)) {
      r.then(undefined, () => undefined) // the rest of it runs on a revoked draft: its failure is ours to drop
      throw ASYNC
    }
    if (r !== undefined && r !== draft && isModified(draft)) throw BOTH
    return r
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
 * Never throws, and never changes or freezes what it is given. The new spec
 * and the patches are deeply frozen, as immer's results are: edit the spec
 * again with `editProgramme`, or `structuredClone` it to change it by hand;
 * it is plain JSON, safe for `JSON.stringify`. Unlike immer, nothing of the
 * caller's is frozen: the spec is copied before the change (its deeply
 * frozen parts, such as those of a spec an earlier edit returned, are
 * shared, so successive edits share what they leave alone), and what the
 * recipe put in from outside the draft is copied after it. A change that
 * cannot be applied leaves the spec as given, with no patches, and `check`
 * holds the one problem: the recipe threw, returned a promise, or both
 * edited the draft and returned a value (`internal`, at `$`), or the spec,
 * before or after, holds what JSON cannot (`type`, at that value's path:
 * `undefined` in an array, `NaN`, a `Date`, a cycle).
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
  recipe: (draft: Editable<NoInfer<S>>) => Editable<NoInfer<S>> | NoInfer<S> | void,
  options: { readonly org?: OrgTree } = {}
): EditResult<S> => {
  const mine = new WeakSet<object>()
  const base = ownJson(spec, mine)
  if (E.isLeft(base)) return refused(spec, base.left)
  let made: readonly [unknown, ReadonlyArray<ProgrammePatch>, ReadonlyArray<ProgrammePatch>]
  try {
    made = immer().produceWithPatches(base.right, guarded(recipe) as (draft: unknown) => undefined)
  } catch (err) {
    return refused(spec, failed(err))
  }
  const [next, patches, inverse] = made
  const bad = jsonProblem(next)
  if (bad !== undefined) return refused(spec, bad)
  // immer replaces a value that is not an object even with itself: no change, no patches
  if (Object.is(next, base.right)) return { spec: sealed(next, mine, new Map()) as S, patches: [], inverse: [], check: checked(next, options.org) }
  const forward = inOrder(base.right, patches, next)
  const backward = inOrder(next, inverse, base.right)
  const memo = new Map<object, unknown>()
  const out = sealed(next, mine, memo)
  return { spec: out as S, patches: sealedPatches(forward, mine, memo), inverse: sealedPatches(backward, mine, memo), check: checked(out, options.org) }
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

// One patch applied to JSON that is ours (a root replace takes a copy of its value), or the problem
// at the place it names.
const applyOne = (spec: unknown, p: ProgrammePatch, i: number, n: number, mine: WeakSet<object>): E.Either<Problem, unknown> => {
  if (typeof p !== 'object' || p === null || !OPS.has(p.op) || !isPath(p.path)) return E.left(problem('type', at([]), aPatch(i, n), p))
  if (p.path.length === 0) return p.op === 'replace' ? ownJson(p.value, mine) : E.left(problem('reference', at([]), aPlace(i, n), p.op))
  if (p.op !== 'remove') {
    const bad = jsonProblem(p.value, p.path)
    if (bad !== undefined) return E.left(bad)
  }
  try {
    return E.right(immer().applyPatches(spec as object, toImmer([p])))
  } catch {
    return E.left(problem('reference', at(p.path), aPlace(i, n), undefined))
  }
}

/**
 * Apply patches to a programme's JSON, in order: `inverse` to undo an edit
 * (on the spec it returned), `patches` to redo it (on the spec it was given).
 * The patched spec is deeply frozen, like an edit's, and neither the spec
 * nor the patches given are changed or frozen. A patch that does not fit
 * (it is not a patch, its path goes through a value that is not an object or
 * array, or its value is not JSON) is a problem at its path, and nothing is
 * applied. Check the result with `decodeProgramme`, or make the next change
 * with `editProgramme`.
 *
 * @category combinators
 * @example
 * const edit = editProgramme(json, (d) => { d.zone = 'UTC' })
 * const undone = applyProgrammePatches(edit.spec, edit.inverse) // => right(a spec equal to json)
 * const redone = applyProgrammePatches(json, edit.patches) // => right(a spec equal to edit.spec)
 * E.isRight(undone) && undone.right.zone // => 'Asia/Shanghai'
 */
export const applyProgrammePatches = <S>(spec: S, patches: ReadonlyArray<ProgrammePatch>): E.Either<Problem, S> => {
  const mine = new WeakSet<object>()
  const base = ownJson(spec, mine)
  if (E.isLeft(base)) return base
  let out: unknown = base.right
  try {
    for (let i = 0; i < patches.length; i++) {
      const r = applyOne(out, patches[i] as ProgrammePatch, i, patches.length, mine)
      if (E.isLeft(r)) return r
      out = r.right
    }
  } catch {
    return E.left(unreadable([])) // a patch that cannot be read
  }
  return E.right(sealed(out, mine, new Map()) as S)
}
