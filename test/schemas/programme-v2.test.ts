// issue 16: the programme schema and the version-2 decoder agree on whole programmes (the demo park's, the
// schema fixture) and on the mistakes in what a programme publishes.
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { decodeOrg, renderProblem } from '../../src/core/internal.js'
import { decodeProgramme } from '../../src/programme/internal.js'
import { simulatePark } from '../../examples/park-sim.js'
import { bySchema } from './ajv.js'
import programmeV2 from './fixtures/programme-v2.json'
import orgFixture from './fixtures/org.json'

const park = simulatePark('schema-v2')
const decodes = (doc: unknown): ReadonlyArray<string> => {
  const r = decodeProgramme(doc)
  return E.isLeft(r) ? r.left.map((p) => renderProblem(p)) : []
}

describe('programme schema v2 = decodeProgramme v2 (issue 16)', () => {
  it('accepts the park programme and the fixture, as the decoder does', () => {
    for (const doc of [park.programmeJson, programmeV2]) {
      expect(decodes(doc)).toEqual([])
      expect(bySchema('programme', doc).ok).toBe(true)
    }
    expect(bySchema('org', { units: park.org.units, members: park.org.members }).ok).toBe(true)
    expect(E.isRight(decodeOrg(orgFixture))).toBe(true)
    expect(bySchema('host', park.host).ok).toBe(true)
  })

  it('both refuse the same mistakes in the published parts, at the same path', () => {
    const cases: ReadonlyArray<readonly [string, (x: any) => void]> = [
      ['/boards/0/period', (x) => (x.boards[0].period = 'fortnight')],
      ['/boards/1/aggregate', (x) => (x.boards[1].aggregate = 'median')],
      ['/composites/0/normalisation', (x) => (x.composites[0].normalisation = 'max')],
      ['/roll/notice/days', (x) => (x.roll.notice.days = 0)],
      ['/host/0/label', (x) => delete x.host[0].label]
    ]
    for (const [path, edit] of cases) {
      const doc = JSON.parse(JSON.stringify(park.programmeJson))
      edit(doc)
      const schema = bySchema('programme', doc)
      expect(schema.ok, path).toBe(false)
      expect(schema.paths.some((p) => p.startsWith(path.split('/').slice(0, 3).join('/'))), `${path}: ${schema.paths.join(' ')}`).toBe(true)
      const mine = decodes(doc)
      expect(mine.length, path).toBeGreaterThan(0)
      expect(mine[0]?.startsWith(`$.${path.slice(1).split('/').map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s}`)).join('').slice(1)}`.replace(/\.\[/g, '[')), `${path}: ${mine[0]}`).toBe(true)
    }
  })
})
