// The JSON Schemas shipped for editors and other languages: they compile in strict mode, accept every
// example document of the README, docs/moral-bank.md and the fixtures, and refuse the structural mistakes the decoders refuse.
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BANK_JSON } from '../quiz/fixtures.js'
import { bySchema, byLibrary, schemaOf, SCHEMAS } from './ajv.js'

const readme = readFileSync(join(resolve(__dirname, '../..'), 'README.md'), 'utf8')
const bankGuide = readFileSync(join(resolve(__dirname, '../..'), 'docs', 'moral-bank.md'), 'utf8')

describe('schemas', () => {
  it('are draft 2020-12 schemas with a title and description, and compile in strict mode', () => {
    for (const n of SCHEMAS) {
      const s = schemaOf(n)
      expect(s['$schema']).toBe('https://json-schema.org/draft/2020-12/schema')
      expect(typeof s['title']).toBe('string')
      expect(typeof s['description']).toBe('string')
      expect(() => bySchema(n, {})).not.toThrow()
    }
  })

  it('event: the README JSONL lines the decoder keeps pass, the one it rejects is a checked instant', () => {
    const lines = [...readme.matchAll(/^\s*'(\{"id":"ev-\d+".*\})',?$/gm)].map((m) => JSON.parse(m[1] as string) as Record<string, unknown>)
    expect(lines.length).toBeGreaterThanOrEqual(5)
    for (const ev of lines) {
      const lib = byLibrary('event', ev)
      const schema = bySchema('event', ev)
      // ev-5 has a local time without an offset: both refuse it.
      expect(schema.ok).toBe(lib.length === 0)
    }
    expect(lines.filter((ev) => byLibrary('event', ev).length === 0).length).toBe(lines.length - 1)
  })

  it('event: structural mistakes are refused at the same place by both', () => {
    const ok = { id: 'ev-1', type: 'login', member: 'm-001', at: 1625097600000, attrs: { seconds: 30, content: 'a', done: true } }
    expect(bySchema('event', ok).ok).toBe(true)
    const cases: ReadonlyArray<readonly [Record<string, unknown>, string]> = [
      [{ ...ok, extra: 1 }, ''],
      [{ ...ok, attrs: { nested: { x: 1 } } }, '/attrs/nested'],
      [{ ...ok, id: '' }, '/id'],
      [{ ...ok, member: 'a\u0007b' }, '/member'],
      // issue #14: ids that only look like ids (blank, invisible characters, half a character)
      [{ ...ok, member: ' \u3000' }, '/member'],
      [{ ...ok, member: '张\u200b三' }, '/member'],
      [{ ...ok, member: 'm\u202e1' }, '/member'],
      [{ ...ok, id: '\ufeffev-1' }, '/id'],
      [{ ...ok, id: 'ev\ud800' }, '/id'],
      [{ ...ok, at: 1.5 }, '/at'],
      [{ ...ok, at: '2021-07-01T08:00:00' }, '/at'],
      [{ id: 'x', type: 'login', at: 0 }, '']
    ]
    for (const [doc, path] of cases) {
      const s = bySchema('event', doc)
      expect(s.ok, JSON.stringify(doc)).toBe(false)
      expect(s.paths).toContain(path)
      expect(byLibrary('event', doc).length).toBeGreaterThan(0)
    }
  })

  it('bank-config: the configuration of docs/moral-bank.md passes; bad stages, floors and items are refused', () => {
    const m = /const cfgJson = `(\{[\s\S]*?\})`/.exec(bankGuide)
    const cfg = JSON.parse((m as RegExpExecArray)[1] as string) as Record<string, unknown>
    expect(byLibrary('bank-config', cfg)).toEqual([])
    expect(bySchema('bank-config', cfg).ok).toBe(true)
    const bad: ReadonlyArray<readonly [unknown, string]> = [
      [{ accounts: [{ id: 'moral', floor: 5 }] }, '/accounts/0/floor'],
      [{ accounts: [{ id: 'moral' }], items: [{ id: 'soap', account: 'moral', price: 0, stock: 1 }] }, '/items/0/price'],
      [{ accounts: [{ id: 'moral' }], claims: [{ id: 'd', eventType: 'deed.approved', stages: [{ kind: 'notice', id: 'n' }] }] }, '/claims/0/stages/0'],
      [{ accounts: [{ id: 'moral' }], claims: [{ id: 'd', eventType: 'deed.approved', stages: [{ kind: 'review', id: 'r', days: 3 }] }] }, '/claims/0/stages/0'],
      [{ accounts: [{ id: 'moral' }], claims: [{ id: 'd', eventType: 'deed.approved', stages: [] }] }, '/claims/0/stages'],
      [{ items: [] }, '']
    ]
    for (const [doc, path] of bad) {
      const s = bySchema('bank-config', doc)
      expect(s.ok, JSON.stringify(doc)).toBe(false)
      expect(s.paths).toContain(path)
      expect(byLibrary('bank-config', doc).length).toBeGreaterThan(0)
    }
  })

  it('question-bank: the fixture bank and a bare array pass; per-type fields are checked', () => {
    expect(byLibrary('question-bank', BANK_JSON)).toEqual([])
    expect(bySchema('question-bank', BANK_JSON).ok).toBe(true)
    expect(bySchema('question-bank', BANK_JSON.questions).ok).toBe(true)
    const judge = { id: 'q', type: 'judge', stem: 's', tags: [], difficulty: 1, points: 1, answer: true }
    const bad: ReadonlyArray<unknown> = [
      [{ ...judge, options: [] }],
      [{ ...judge, answer: 'yes' }],
      [{ ...judge, type: 'essay' }],
      [{ ...judge, difficulty: 6 }],
      [{ ...judge, tags: ['  '] }],
      { version: 2, questions: [judge] },
      [{ ...judge, type: 'single', options: [{ id: 'a', text: 'x', fraction: 2 }], answer: 'a' }]
    ]
    for (const doc of bad) {
      expect(bySchema('question-bank', doc).ok, JSON.stringify(doc)).toBe(false)
      expect(byLibrary('question-bank', doc).length, JSON.stringify(doc)).toBeGreaterThan(0)
    }
  })
})
