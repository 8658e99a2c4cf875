// Issue #14 (hostile and huge input): every decoder the package exports (see issue-14-decoders.ts) given
// Proxies whose traps throw, getters that throw, revoked Proxies, cycles, values nested 100,000 deep (as
// objects and as JSON text) and texts of millions of characters with a syntax error at the end: each one
// refuses with a problem (decoders of any JSON excepted), none throws.
import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { allOnList, attempt, CODECS, copy, LIST, programme, SEEDS, TEXT, VALUE, type Json } from './issue-14-decoders.js'

// -------------------------------------------------------------------------------------
// hostile values
// -------------------------------------------------------------------------------------

const boom = (): never => {
  throw new Error('hostile')
}
const throwingProxy = (target: object = {}): unknown =>
  new Proxy(target, { get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, getPrototypeOf: boom, set: boom, defineProperty: boom, deleteProperty: boom })
const revoked = (target: object): unknown => {
  const r = Proxy.revocable(target, {})
  r.revoke()
  return r.proxy
}
const throwingGetter = (key: string): unknown =>
  Object.defineProperty({}, key, { enumerable: true, get: boom })
const throwingGetters = (keys: ReadonlyArray<string>): unknown => {
  const o = {}
  for (const k of keys) Object.defineProperty(o, k, { enumerable: true, get: boom })
  return o
}
const cyclic = (): unknown => {
  const a: Record<string, unknown> = { id: 'x' }
  a['self'] = a
  return a
}
const cyclicArray = (): unknown => {
  const a: Array<unknown> = []
  a.push(a, a)
  return a
}
const nestedArrays = (n: number): unknown => {
  let v: unknown = []
  for (let i = 0; i < n; i++) v = [v]
  return v
}
const nestedObjects = (key: string, n: number, leaf: unknown = 1): unknown => {
  let v: unknown = leaf
  for (let i = 0; i < n; i++) v = { [key]: v }
  return v
}
// A document with a hostile value put at one path.
const planted = (doc: Json, path: ReadonlyArray<string | number>, value: unknown): unknown => {
  const c = copy(doc) as Record<string | number, unknown>
  let parent = c
  for (const seg of path.slice(0, -1)) parent = parent[seg] as Record<string | number, unknown>
  parent[path[path.length - 1] as string | number] = value
  return c
}

const DEEP = 100_000
const hostileValues = (): ReadonlyArray<readonly [string, unknown]> => [
  ['a Proxy whose every trap throws', throwingProxy()],
  ['a Proxy of an array whose every trap throws', throwingProxy([])],
  ['a revoked Proxy', revoked({})],
  ['a revoked Proxy of an array', revoked([])],
  ['an object with a throwing getter', throwingGetter('id')],
  ['an object with throwing getters for every key a decoder reads', throwingGetters(['id', 'rules', 'accounts', 'units', 'members', 'questions', 'sections', 'version', '_tag', 'type', 'at'])],
  ['a cyclic object', cyclic()],
  ['a cyclic array', cyclicArray()],
  [`${DEEP.toLocaleString('en-US')} nested arrays`, nestedArrays(DEEP)],
  [`${DEEP.toLocaleString('en-US')} nested objects`, nestedObjects('a', DEEP)],
  ['a programme with a Proxy as an account', planted(programme, ['rules', 'accounts', 0], throwingProxy())],
  ['a programme with a throwing getter in a rule', planted(programme, ['rules', 'rules', 0], throwingGetter('amount'))],
  ['a programme with a revoked Proxy as its awards', planted(programme, ['awards'], revoked({}))],
  ['a programme whose title is cyclic', planted(programme, ['title'], cyclic())],
  [`a programme with a rule condition ${DEEP.toLocaleString('en-US')} deep`, planted(programme, ['rules', 'rules', 0, 'when'], nestedObjects('not', DEEP, { attr: 'seconds', op: 'exists' }))],
  [`an award criterion ${DEEP.toLocaleString('en-US')} deep`, planted(programme, ['awards', 'awards', 0, 'criteria'], nestedObjects('not', DEEP, { partyMember: true }))],
  ['an org with a Proxy as a member', planted(SEEDS.find(([name]) => name === 'org')?.[1] as Json, ['members', 0], throwingProxy())]
]

const MILLIONS = 3_000_000
const hostileTexts = (): ReadonlyArray<readonly [string, string]> => [
  [`${DEEP.toLocaleString('en-US')} nested arrays`, '['.repeat(DEEP) + ']'.repeat(DEEP)],
  [`${DEEP.toLocaleString('en-US')} nested arrays, never closed`, '['.repeat(DEEP)],
  [`${DEEP.toLocaleString('en-US')} nested objects`, '{"a":'.repeat(DEEP) + '1' + '}'.repeat(DEEP)],
  [`a rule condition ${DEEP.toLocaleString('en-US')} deep`, JSON.stringify(planted(programme, ['rules', 'rules', 0, 'when'], '@')).replace('"@"', '{"not":'.repeat(DEEP) + '{"attr":"seconds","op":"exists"}' + '}'.repeat(DEEP))],
  [`a string of ${MILLIONS.toLocaleString('en-US')} characters, then a syntax error`, `{"version": 1, "title": {"en": "${'x'.repeat(MILLIONS)}", "zh": "x"},}`],
  [`a string of ${MILLIONS.toLocaleString('en-US')} characters, never closed`, `["${'张'.repeat(MILLIONS)}`],
  [`${MILLIONS.toLocaleString('en-US')} characters of white space`, ' '.repeat(MILLIONS)],
  ['a byte order mark only', '\uFEFF'],
  ['a key given twice', '{"version": 1, "version": 1}']
]

// Decoders that take any value as it is (JSON of any shape), so accepting a cycle or a deep value is right.
const ANY_VALUE = new Set(['decode(t.unknown)', 'parseJson'])
// (the programme's top-level shape leaves its parts to the part decoders, which refuse them)
const ANY_CODEC = new Set(['ProgrammeShapeC'])

describe('issue #14: hostile and huge input gives problems, never a throw', () => {
  for (const [what, u] of hostileValues()) {
    it(`${what}: every value decoder refuses it with a problem`, () => {
      const refusals: Array<string> = []
      for (const [name, f] of Object.entries(VALUE)) {
        const r = attempt(name, () => f(u), u)
        refusals.push(...r.faults)
        if (r.faults.length === 0 && !ANY_VALUE.has(name) && r.ok) refusals.push(`${name} accepted ${what}`)
      }
      expect(refusals).toEqual([])
      expect(allOnList([u])).toEqual([])
      const direct = CODECS.flatMap(([name, c]) => {
        try {
          const r = c.decode(u)
          return E.isLeft(r) || ANY_CODEC.has(name) ? [] : [`${name}.decode accepted ${what}`]
        } catch (err) {
          return [`${name}.decode threw ${String(err).slice(0, 100)}`]
        }
      })
      expect(direct).toEqual([])
    })
  }
  it('a list that is no array, or whose reading throws, is a rejection for every list decoder', () => {
    const getterAt1 = Object.defineProperty([1, 2], 1, { get: boom })
    for (const list of [throwingProxy([]), revoked([]), null, 42, getterAt1]) {
      for (const [name, f] of Object.entries(LIST)) {
        const r = attempt(name, () => f(list as ReadonlyArray<unknown>), list)
        expect(r.faults, name).toEqual([])
        expect(r.ok, name).toBe(false)
      }
    }
  })
  for (const [what, s] of hostileTexts()) {
    it(`${what}: every text decoder gives problems, never a throw`, () => {
      const refusals: Array<string> = []
      for (const [name, f] of Object.entries(TEXT)) {
        const r = attempt(name, () => f(s), s)
        refusals.push(...r.faults)
        // (importers and JSON Lines decoders may find nothing to refuse in text that is no question and no line)
        if (r.faults.length === 0 && !ANY_VALUE.has(name) && r.ok && !/^import|Jsonl|JsonLines/.test(name)) refusals.push(`${name} accepted ${what}`)
      }
      expect(refusals).toEqual([])
    })
  }
})
