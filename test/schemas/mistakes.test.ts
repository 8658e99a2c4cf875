// Issue 16: one wrong value gives one error, at the wrong value, not one per alternative of the schema
// (Ajv with allErrors gave 72 for a criterion's op in the award presets, 19 for a rule's amount kind).
// The counts before and after are in BENCHMARKS.md, "JSON Schema errors per mistake (issue 16)".
import { describe, expect, it } from 'vitest'
import { byLibrary, errorsOf } from './ajv.js'
import { MISTAKES } from './mistakes.js'

// An ancestor's "must match then/else schema" from a choice between a file's two forms
// (a question bank as an object or a bare array; a version-1 programme) may come with the error.
const isWrapper = (e: { readonly keyword: string }): boolean => e.keyword === 'if'

describe('JSON Schema errors per mistake (issue 16)', () => {
  for (const m of MISTAKES) {
    it(`${m.schema}: ${m.name}: at most 2 errors, at ${m.at}`, () => {
      expect(errorsOf(m.schema, m.valid)).toEqual([])
      const errors = errorsOf(m.schema, m.doc)
      expect(errors.length).toBeGreaterThan(0)
      expect(errors.length, JSON.stringify(errors)).toBeLessThanOrEqual(2)
      expect(errors.map((e) => e.instancePath)).toContain(m.at)
      for (const e of errors) {
        if (e.instancePath !== m.at) {
          expect(isWrapper(e), JSON.stringify(e)).toBe(true)
          expect(m.at.startsWith(`${e.instancePath}/`), JSON.stringify(e)).toBe(true)
        }
      }
      // The library refuses it too (host tables have no decoder here, and this branch's decodeProgramme reads version 1 only).
      if (m.schema !== 'host' && !(m.schema === 'programme' && (m.valid as { readonly version?: unknown }).version === 2)) expect(byLibrary(m.schema, m.doc).length).toBeGreaterThan(0)
    })
  }
})
