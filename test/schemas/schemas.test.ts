// The JSON Schemas shipped for editors and other languages: they compile in strict mode, accept every
// example document of the README, docs/moral-bank.md and the fixtures, and refuse the structural mistakes the decoders refuse.
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import Ajv2020 from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { BANK_JSON } from '../quiz/fixtures.js'
import { bySchema, byLibrary, idOf, schemaOf, SCHEMAS, type SchemaName } from './ajv.js'
import org from './fixtures/org.json'
import host from './fixtures/host.json'
import programmeV2 from './fixtures/programme-v2.json'

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

  it('carry their $id, so a validator compiles the programme after adding the others as they are (issue 16)', () => {
    for (const n of SCHEMAS) expect(schemaOf(n)['$id']).toBe(idOf(n))
    const ajv = new Ajv2020({ strict: true, allErrors: true })
    for (const n of SCHEMAS.filter((x) => x !== 'programme')) ajv.addSchema(schemaOf(n))
    const programme = ajv.compile(schemaOf('programme'))
    expect(programme(programmeV2), JSON.stringify(programme.errors)).toBe(true)
  })

  it('stand alone, except the programme, which refers to the rules, bank, awards and organisation schemas', () => {
    const refs = (v: unknown): ReadonlyArray<string> =>
      Array.isArray(v) ? v.flatMap(refs) : typeof v === 'object' && v !== null ? Object.entries(v).flatMap(([k, x]) => (k === '$ref' && typeof x === 'string' ? [x] : refs(x))) : []
    for (const n of SCHEMAS) {
      const outside = [...new Set(refs(schemaOf(n)).filter((r) => !r.startsWith('#')).map((r) => r.split('#')[0]))].sort()
      expect(outside, n).toEqual(n === 'programme' ? ['awards.schema.json', 'bank-config.schema.json', 'org.schema.json', 'rules.schema.json'] : [])
      if (n !== 'programme') expect(() => new Ajv2020({ strict: true, allErrors: true }).compile(schemaOf(n)), n).not.toThrow()
    }
  })

  it('keep the definitions each standalone file repeats identical (ids, labels, unit kinds, instants)', () => {
    const def = (n: SchemaName, k: string): unknown => (schemaOf(n)['$defs'] as Record<string, unknown>)[k]
    const same = (k: string, ns: ReadonlyArray<SchemaName>) => ns.forEach((n) => expect(def(n, k), `${n} $defs/${k}`).toEqual(def(ns[0] as SchemaName, k)))
    same('id', ['event', 'question-bank', 'awards', 'org', 'host'])
    same('label', ['rules', 'bank-config', 'awards'])
    same('unitKind', ['awards', 'org'])
    const instant = def('event', 'instant') as Record<string, unknown>
    const cutoff = ((def('awards', 'category') as { properties: Record<string, Record<string, unknown>> }).properties['cutoff']) as Record<string, unknown>
    expect(cutoff['then']).toEqual(instant['then'])
    expect(cutoff['else']).toEqual(instant['else'])
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

  it('org: the fixture organisation passes both; broken units and members are refused at their place by both', () => {
    expect(byLibrary('org', org)).toEqual([])
    expect(bySchema('org', org).ok).toBe(true)
    const unit = org.units[3] as Record<string, unknown>
    const member = org.members[0] as Record<string, unknown>
    const bad: ReadonlyArray<readonly [unknown, string]> = [
      [{ ...org, units: [...org.units, { ...unit, kind: 'team' }] }, `/units/${org.units.length}/kind`],
      [{ ...org, units: [...org.units, { id: 'x', kind: 'group' }] }, `/units/${org.units.length}`],
      [{ ...org, units: [...org.units, { ...unit, id: 'g-9', parent: '' }] }, `/units/${org.units.length}/parent`],
      [{ ...org, members: [{ ...member, id: '张\u200b三' }] }, '/members/0/id'],
      [{ ...org, members: [{ ...member, joined: '2021-02-29' }] }, '/members/0/joined'],
      [{ ...org, members: [{ ...member, joined: '2021-7-1' }] }, '/members/0/joined'],
      [{ ...org, members: [{ ...member, roles: 'secretary' }] }, '/members/0/roles'],
      [{ ...org, members: [{ ...member, party: true }] }, '/members/0'],
      [{ units: org.units }, '']
    ]
    for (const [doc, path] of bad) {
      const s = bySchema('org', doc)
      expect(s.ok, JSON.stringify(doc)).toBe(false)
      expect(s.paths).toContain(path)
      expect(byLibrary('org', doc).length).toBeGreaterThan(0)
    }
    // What only decodeOrg sees: a parent that is not a unit of the file.
    const orphan = { ...org, units: [...org.units, { ...unit, id: 'g-9', parent: 'nowhere' }] }
    expect(bySchema('org', orphan).ok).toBe(true)
    expect(byLibrary('org', orphan).map((p) => p.code)).toEqual(['reference'])
  })

  it('host: tables of finite numbers by member or unit id', () => {
    expect(bySchema('host', host).ok).toBe(true)
    expect(bySchema('host', {}).ok).toBe(true)
    const bad: ReadonlyArray<readonly [unknown, string]> = [
      [{ skills: { 'm-001': '88' } }, '/skills/m-001'],
      [{ skills: { 'm-001': null } }, '/skills/m-001'],
      [{ skills: [88] }, '/skills'],
      [{ skills: { 'm\u200b001': 88 } }, '/skills'],
      [{ '': { 'm-001': 88 } }, ''],
      [[], '']
    ]
    for (const [doc, path] of bad) {
      const s = bySchema('host', doc)
      expect(s.ok, JSON.stringify(doc)).toBe(false)
      expect(s.paths).toContain(path)
    }
  })

  it('programme: version 2 with host tables, boards, composites, roll and an inline org passes; its mistakes are refused at their place', () => {
    expect(bySchema('programme', programmeV2).paths).toEqual([])
    expect(bySchema('programme', { ...programmeV2, org }).paths).toEqual([])
    expect(bySchema('programme', { version: 2, rules: { accounts: [], rules: [] } }).paths).toEqual([])
    const { host: _h, composites: _c, roll: _r, boards: _b, ...v1 } = programmeV2
    expect(bySchema('programme', { ...v1, version: 1 }).paths).toEqual([])
    expect(byLibrary('programme', { ...v1, version: 1, awards: { ...v1.awards, hostMetrics: ['skills', 'conduct'] } })).toEqual([])
    const board = programmeV2.boards[0] as Record<string, unknown>
    const composite = programmeV2.composites[0] as Record<string, unknown>
    const bad: ReadonlyArray<readonly [unknown, string]> = [
      [{ ...programmeV2, version: 1 }, '/host'],
      [{ ...programmeV2, boards: [{ ...board, period: '2021-07' }] }, '/boards/0/period'],
      [{ ...programmeV2, boards: [{ ...board, period: 'all' }] }, '/boards/0/period'],
      [{ ...programmeV2, boards: [{ ...board, label: 'Study' }] }, '/boards/0/label'],
      [{ ...programmeV2, boards: [{ ...board, id: undefined }] }, '/boards/0'],
      [{ ...programmeV2, boards: [{ ...board, lists: { red: { count: 3, threshold: 1 } } }] }, '/boards/0/lists/red'],
      [{ ...programmeV2, boards: [{ ...board, metric: { kind: 'count' } }] }, '/boards/0/metric'],
      [{ ...programmeV2, boards: [{ ...board, extra: 1 }] }, '/boards/0'],
      [{ ...programmeV2, composites: [{ ...composite, parts: [] }] }, '/composites/0/parts'],
      [{ ...programmeV2, composites: [{ ...composite, parts: [{ board: 'study-month' }] }] }, '/composites/0/parts/0'],
      [{ ...programmeV2, composites: [{ ...composite, ties: 'includeAll' }] }, '/composites/0/ties'],
      [{ ...programmeV2, host: [{ id: 'skills' }] }, '/host/0'],
      [{ ...programmeV2, roll: { notice: { after: -1, days: 7 } } }, '/roll/notice/after'],
      [{ ...programmeV2, roll: { title: programmeV2.title } }, '/roll'],
      [{ ...programmeV2, org: { ...org, members: [{ id: 'm-9' }] } }, '/org/members/0'],
      [{ ...programmeV2, awards: { ...programmeV2.awards, hostMetrics: [''] } }, '/awards/hostMetrics/0']
    ]
    for (const [doc, path] of bad) {
      const s = bySchema('programme', JSON.parse(JSON.stringify(doc)))
      expect(s.ok, JSON.stringify(doc)).toBe(false)
      expect(s.paths, JSON.stringify(doc)).toContain(path)
    }
  })
})
