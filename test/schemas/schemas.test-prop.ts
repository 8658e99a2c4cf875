// Laws between the JSON Schemas and the decoders, on random valid documents and random edits of them:
// the schema never refuses what the library accepts, and whatever the schema accepts has no structural
// problem for the library's codecs (what remains are checks a schema cannot state: calendar dates, references, duplicates).
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { bankArb } from '../quiz/arbitraries.js'
import { awardsArb, orgArb, programmeArb, ruleSetArb } from './arbitraries.js'
import { bySchema, byLibrary, byLibraryShape, STRUCTURAL, type DecodedName } from './ajv.js'
import { applyEdit, type Edit } from '../support/edits.js'

type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [k: string]: Json }

const idArb = fc.oneof(fc.constantFrom('m-001', 'ev-1', '学员-7', 'a b'), fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== ''))
const instantArb = fc.oneof(
  fc.integer({ min: -62135596800000, max: 253402300799999 }),
  fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('2021-07-01T08:00:00+08:00', '2021-07-01 08:00Z', '2021-07-01T08:00:00.5-0530')
)
const eventArb: fc.Arbitrary<Json> = fc.record(
  {
    id: idArb,
    type: fc.constantFrom('login', 'article.read', 'quiz.completed', 'deed.approved'),
    member: idArb,
    at: instantArb,
    attrs: fc.dictionary(fc.constantFrom('seconds', 'content', 'correct', 'kind', 'ok'), fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string(), fc.boolean()))
  },
  { requiredKeys: ['id', 'type', 'member', 'at'] }
)
const labelArb = fc.record({ en: fc.string(), zh: fc.string() })
const bankConfigArb: fc.Arbitrary<Json> = fc
  .uniqueArray(fc.constantFrom('moral', 'study', 'free'), { minLength: 1, maxLength: 3 })
  .chain((accounts) =>
    fc.record(
      {
        zone: fc.constantFrom('Asia/Shanghai', 'UTC', 'America/New_York'),
        accounts: fc.tuple(
          ...accounts.map((id) =>
            fc.record({ id: fc.constant(id), label: labelArb, floor: fc.oneof(fc.constant(null), fc.integer({ min: -50, max: 0 })), expiryMonths: fc.integer({ min: 1, max: 24 }) }, { requiredKeys: ['id'] })
          )
        ),
        items: fc.uniqueArray(fc.constantFrom('soap', 'rice', 'pen'), { maxLength: 3 }).chain((ids) =>
          fc.tuple(...ids.map((id) => fc.record({ id: fc.constant(id), label: labelArb, account: fc.constantFrom(...accounts), price: fc.integer({ min: 1, max: 99 }), stock: fc.nat(500) }, { requiredKeys: ['id', 'account', 'price', 'stock'] })))
        ),
        claims: fc.constant([
          { id: 'deed', eventType: 'deed.approved', stages: [{ kind: 'confirmation', id: 'helped' }, { kind: 'review', id: 'review', label: { en: 'Review', zh: '审核' } }, { kind: 'notice', id: 'notice', days: 3 }] }
        ])
      },
      { requiredKeys: ['accounts'] }
    )
  ) as fc.Arbitrary<Json>
const questionBankArb: fc.Arbitrary<Json> = fc
  .tuple(bankArb(1, 4), fc.boolean())
  .map(([qs, wrapped]) => (JSON.parse(JSON.stringify(wrapped ? { version: 1, questions: qs } : qs)) as Json))

const DOCS: ReadonlyArray<readonly [DecodedName, fc.Arbitrary<Json>]> = [
  ['event', eventArb],
  ['bank-config', bankConfigArb],
  ['question-bank', questionBankArb],
  ['rules', ruleSetArb],
  ['awards', awardsArb],
  ['org', orgArb],
  ['programme', programmeArb]
]

// Every node of a document with its path (the root is []).
const nodes = (doc: Json, path: ReadonlyArray<string | number> = []): Array<readonly [ReadonlyArray<string | number>, Json]> => {
  const out: Array<readonly [ReadonlyArray<string | number>, Json]> = [[path, doc]]
  if (Array.isArray(doc)) doc.forEach((x, i) => out.push(...nodes(x as Json, [...path, i])))
  else if (doc !== null && typeof doc === 'object') for (const [k, v] of Object.entries(doc)) out.push(...nodes(v as Json, [...path, k]))
  return out
}

// Where a decoder reads nothing, so the schema may refuse what it accepts (each a library gap to close). None
// today: a programme's awards.accounts, replaced by the rules' accounts, is checked for its shape (issue 16).
const UNREAD: Partial<Record<DecodedName, ReadonlyArray<ReadonlyArray<string | number>>>> = {}
const unread = (name: DecodedName, path: ReadonlyArray<string | number>): boolean =>
  (UNREAD[name] ?? []).some((prefix) => prefix.every((seg, i) => path[i] === seg))

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ _tag: fc.constant('replace' as const), value: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json> }),
  fc.record({ _tag: fc.constant('add' as const), key: fc.constantFrom('extra', 'id', 'type', 'text', 'days', 'format', 'answer', 'kind', 'parent', 'op', 'value', 'all', 'count'), value: fc.jsonValue({ maxDepth: 1 }) as fc.Arbitrary<Json> }),
  fc.record({ _tag: fc.constant('delete' as const) })
)

// The document with one edit at one node (chosen by `pick` among all nodes), and the node's path.
const edited = (doc: Json, pick: number, e: Edit): readonly [Json, ReadonlyArray<string | number>] => {
  const all = nodes(doc)
  const [path] = all[pick % all.length] as readonly [ReadonlyArray<string | number>, Json]
  const copy = JSON.parse(JSON.stringify(doc)) as Json
  return [applyEdit(copy, path, e) as Json, path]
}

describe('schemas agree with the decoders', () => {
  for (const [name, arb] of DOCS) {
    it(`${name}: every valid document passes both`, () => {
      fc.assert(
        fc.property(arb, (doc) => {
          expect(byLibrary(name, doc)).toEqual([])
          expect(bySchema(name, doc).paths).toEqual([])
        }),
        { numRuns: 150 }
      )
    })

    it(`${name}: after a random edit, the schema never refuses what the library accepts, and what it accepts has no structural problem`, () => {
      fc.assert(
        fc.property(arb, fc.nat(), editArb, (doc, pick, e) => {
          const [d, path] = edited(doc, pick, e)
          const lib = byLibrary(name, d)
          const schema = bySchema(name, d)
          if (lib.length === 0 && !unread(name, path)) expect(schema.paths).toEqual([])
          if (schema.ok) expect(byLibraryShape(name, d).filter((p) => STRUCTURAL.has(p.code)).map((p) => `${p.code} ${JSON.stringify(p.at)}`), JSON.stringify(d)).toEqual([])
        }),
        { numRuns: 400 }
      )
    })
  }
})
