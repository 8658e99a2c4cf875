// The published JSON Schemas (schemas/*.schema.json), compiled once with Ajv in strict mode, and the
// library's own decoders for the same documents: the tests hold the two to each other.
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020.js'
import * as E from 'fp-ts/lib/Either.js'
import { decode, type Problem } from '../../src/core/internal.js'
import { decodeAwardProgramme } from '../../src/awards/internal.js'
import { decodeOrg, OrgInputC } from '../../src/core/internal.js'
import { BankConfigC, checkBankConfig } from '../../src/bank/internal.js'
import { decodeProgramme } from '../../src/programme/internal.js'
import { decodeQuestionBank, QuestionC } from '../../src/quiz/internal.js'
import { compileRuleSet, decodeEvent } from '../../src/rules/internal.js'

const root = resolve(__dirname, '../..')

export const SCHEMAS = ['event', 'bank-config', 'question-bank', 'rules', 'awards', 'org', 'host', 'programme'] as const
export type SchemaName = (typeof SCHEMAS)[number]
/** The schemas of documents a library decoder reads (host tables have none yet). */
export type DecodedName = Exclude<SchemaName, 'host'>

/** Every schema's `$id`: where it is published, and how the others refer to it. */
export const idOf = (name: SchemaName): string => `https://moral-bank.dev/schemas/${name}.schema.json`

export const schemaOf = (name: SchemaName): Record<string, unknown> =>
  JSON.parse(readFileSync(join(root, 'schemas', `${name}.schema.json`), 'utf8')) as Record<string, unknown>

// Each schema carries its $id; the programme refers to the others by file names relative to its own $id
// (rules.schema.json, ...), which an editor also resolves next to it on disk. Added as they are, no keys.
const ajv = new Ajv2020({ strict: true, allErrors: true })
for (const n of SCHEMAS) ajv.addSchema(schemaOf(n))
const validators = new Map(
  SCHEMAS.map((n) => {
    const v = ajv.getSchema(idOf(n))
    if (v === undefined) throw new Error(`schema ${n} did not compile`)
    return [n, v] as const
  })
)

/** The schema's verdict, and its errors' instance paths. */
export const bySchema = (name: SchemaName, doc: unknown): { readonly ok: boolean; readonly paths: ReadonlyArray<string> } => {
  const v = validators.get(name)
  if (v === undefined) throw new Error(`no schema ${name}`)
  const ok = v(doc) === true
  return { ok, paths: (v.errors ?? []).map((e) => e.instancePath) }
}

/** Ajv's errors for a document (allErrors), as it reports them. */
export const errorsOf = (name: SchemaName, doc: unknown): ReadonlyArray<ErrorObject> => {
  const v = validators.get(name)
  if (v === undefined) throw new Error(`no schema ${name}`)
  return v(doc) === true ? [] : [...(v.errors ?? [])]
}

/** The library's verdict on the same document (a bank must decode with no problem at all). */
export const byLibrary = (name: DecodedName, doc: unknown): ReadonlyArray<Problem> => {
  switch (name) {
    case 'event': {
      const r = decodeEvent(doc)
      return E.isLeft(r) ? r.left : []
    }
    case 'bank-config': {
      const r = checkBankConfig(doc)
      return E.isLeft(r) ? r.left : []
    }
    case 'question-bank':
      return decodeQuestionBank(doc).problems
    case 'rules': {
      const r = compileRuleSet(doc)
      return E.isLeft(r) ? r.left : []
    }
    case 'awards': {
      const r = decodeAwardProgramme(doc)
      return E.isLeft(r) ? r.left : []
    }
    case 'org': {
      const r = decodeOrg(doc)
      return E.isLeft(r) ? r.left : []
    }
    case 'programme': {
      const r = decodeProgramme(doc)
      return E.isLeft(r) ? r.left : []
    }
  }
}

/**
 * The library's shape checks alone (its codecs, without the checks across fields that follow them):
 * what a schema can state too.
 */
export const byLibraryShape = (name: DecodedName, doc: unknown): ReadonlyArray<Problem> => {
  const left = (r: E.Either<ReadonlyArray<Problem>, unknown>): ReadonlyArray<Problem> => (E.isLeft(r) ? r.left : [])
  switch (name) {
    case 'event':
      return left(decodeEvent(doc))
    case 'bank-config':
      return left(decode(BankConfigC)(doc))
    case 'org':
      return left(decode(OrgInputC)(doc))
    case 'question-bank': {
      // The bank's own envelope problems (version, keys) are shape; each question through its codec only.
      const envelope = decodeQuestionBank(Array.isArray(doc) ? [] : typeof doc === 'object' && doc !== null ? { ...doc, questions: [] } : doc).problems
      const o = doc as { readonly questions?: unknown }
      const items: ReadonlyArray<unknown> = Array.isArray(doc) ? doc : Array.isArray(o?.questions) ? (o.questions as ReadonlyArray<unknown>) : []
      const base = Array.isArray(doc) ? [] : ['questions']
      return [...(Array.isArray(o?.questions) || Array.isArray(doc) ? envelope : []), ...items.flatMap((q, i) => left(decode(QuestionC, [...base, i])(q)))]
    }
    // Their checks across fields report other codes than type, missing and unknown-key: all their problems count.
    case 'rules':
    case 'awards':
    case 'programme':
      return byLibrary(name, doc)
  }
}

/** Problem codes of structure (what a schema states); others are checks a schema cannot make. */
export const STRUCTURAL: ReadonlySet<string> = new Set(['type', 'missing', 'unknown-key'])
