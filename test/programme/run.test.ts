// issue 16: one call from the files to the posted honor roll; every part equals the library's own pieces.
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { renderProblem, type Problem } from '../../src/core/internal.js'
import { allEntries } from '../../src/ledger/internal.js'
import { computeBoard, redBlack, movement, composite, type Board } from '../../src/ranking/internal.js'
import { honorRoll, runAwards } from '../../src/awards/internal.js'
import { checkHostTables, decodeProgramme, publishedRun, runProgramme, type Programme, type ProgrammeRun } from '../../src/programme/internal.js'
import { simulatePark } from '../../examples/park-sim.js'

const park = simulatePark('yantan-2021')
const programme = park.programme
const right = <A>(r: E.Either<ReadonlyArray<Problem>, A>): A => {
  if (E.isLeft(r)) throw new Error(r.left.map((p) => renderProblem(p)).join('\n'))
  return r.right
}
const problems = (r: E.Either<ReadonlyArray<Problem>, unknown>): ReadonlyArray<string> => (E.isLeft(r) ? r.left.map((p) => renderProblem(p)) : [])
const month = right(runProgramme(programme, { org: park.org, events: park.events, host: park.host, period: '2021-07' }))

describe('runProgramme (issue 16)', () => {
  it('publishes every board of the programme, equal to computeBoard over the ledger, with the previous month and movement', () => {
    const entries = allEntries(month.ledger)
    expect(month.boards.map((b) => b.id)).toEqual(programme.boards.map((b) => b.id))
    for (const b of month.boards) {
      const spec = programme.boards.find((x) => x.id === b.id)?.spec
      const direct = right(computeBoard({ ...spec!, period: park.period })({ org: park.org, entries, events: park.events, host: park.host }))
      expect(b.board).toEqual(direct)
      expect(b.previous?.period).toBe('2021-06')
      expect(b.movement).toEqual(movement(b.previous as Board)(b.board))
    }
    const groups = month.boards.find((b) => b.id === 'groups')
    expect(groups?.lists).toEqual(right(redBlack({ red: { count: 3 }, black: { count: 3 } })(groups!.board)))
    expect(groups?.lists?.red.length).toBe(3)
  })

  it('publishes the composite (三比) over its boards', () => {
    const c = month.composites[0]
    const part = (id: string): Board => month.boards.find((b) => b.id === id)!.board
    const expected = right(composite([{ label: 'groups', weight: 0.5, ranking: part('groups') }, { label: 'group-participation', weight: 0.25, ranking: part('group-participation') }, { label: 'group-daily', weight: 0.25, ranking: part('group-daily') }], 'minmax'))
    expect(c?.composite).toEqual(expected)
    expect(c?.lists?.red.map((x) => x.subject)).toEqual(expected.rows.slice(0, 3).map((r) => r.subject))
  })

  it('runs the awards on the ledger and posts the roll in the notice window after the month', () => {
    const at = month.at
    const awards = right(runAwards(programme.awards!)({ org: park.org, entries: allEntries(month.ledger), events: park.events, host: park.host, at }))
    expect(month.awards).toEqual(awards)
    const roll = right(honorRoll(awards, month.roll!.notice, { zone: programme.zone, title: programme.roll!.title!, org: park.org }))
    expect(month.roll?.categories[0]?.entries[0]?.unit).toBe(park.org.unitById.get(park.org.memberById.get(month.roll!.categories[0]!.entries[0]!.subject)!.unit)?.label)
    expect(month.roll).toEqual(roll)
    expect(new Date(month.roll!.notice.from).toISOString()).toBe('2021-08-01T16:00:00.000Z') // 2021-08-02 00:00 in Shanghai
    expect(new Date(month.roll!.notice.to).toISOString()).toBe('2021-08-08T16:00:00.000Z') // seven days
  })

  it('says what the Moral Bank refused: an order beyond the balance, an unknown item (nothing refused is applied)', () => {
    const at = Date.parse('2021-08-07T10:00:00+08:00') as never
    const member = park.org.members[0]!.id
    const run = right(runProgramme(programme, { org: park.org, events: park.events, host: park.host, period: '2021-07', bankOps: [
      { _tag: 'reserve', request: 'too-much', at, subject: member, item: 'rice', quantity: 1000 },
      { _tag: 'reserve', request: 'no-such-item', at, subject: member, item: 'caviar', quantity: 1 }
    ] }))
    expect(run.bankRefused.map((r) => r.request)).toEqual(['too-much', 'no-such-item'])
    expect(run.bankRefused.every((r) => r.problem._tag === 'Problem')).toBe(true)
    expect(publishedRun(run).bankRefused).toHaveLength(2)
    expect(month.bankRefused).toEqual([])
  })

  it('is deterministic: the same inputs publish the same text', () => {
    const again = right(runProgramme(programme, { org: park.org, events: [...park.events].reverse(), host: park.host, period: '2021-07' }))
    expect(JSON.stringify(publishedRun(again))).toBe(JSON.stringify(publishedRun(month)))
  })

  it('refuses a run it cannot do, every problem at its path, nothing run', () => {
    const base = { org: park.org, events: park.events, host: park.host }
    expect(problems(runProgramme(programme, base))).toEqual([expect.stringMatching(/^\$\.period: expected the period to run/)])
    expect(problems(runProgramme(programme, { ...base, period: '2021-07', at: month.at }))).toEqual([expect.stringMatching(/^\$\.at: expected either period or at/)])
    expect(problems(runProgramme(programme, { ...base, period: '2021-13' }))[0]).toMatch(/^\$\.period: /)
    expect(problems(runProgramme(programme, { events: [], period: '2021-07' }))).toEqual([expect.stringMatching(/^\$\.org: expected the organisation/)])
    const { conduct: _, ...partial } = park.host
    const stray = { ...partial, skills: { ...park.host['skills'], 'm-999': 70 } }
    expect(problems(runProgramme(programme, { ...base, host: stray, period: '2021-07' }))).toEqual([
      '$.host.skills["m-999"]: expected a member of the organisation, got "m-999"',
      expect.stringMatching(/^\$\.host\.conduct: expected the host table conduct declared at \$\.host\[1\]/)
    ])
    expect(checkHostTables(programme, park.org, park.host)).toEqual([])
  })

  it('checks the programme against the organisation: a board over a unit kind or scope it does not have', () => {
    const json = JSON.parse(JSON.stringify(park.programmeJson)) as { boards: Array<Record<string, unknown>> }
    json.boards[1]!['unitKind'] = 'household'
    json.boards[0]!['scope'] = 'nowhere'
    const p = right(decodeProgramme(json)) as Programme
    expect(problems(runProgramme(p, { org: park.org, events: [], host: park.host, period: '2021-07' }))).toEqual([
      expect.stringMatching(/^\$\.boards\[0\]\.scope: expected the id of a unit in the organisation, got "nowhere"/),
      expect.stringMatching(/^\$\.boards\[1\]\.unitKind: expected a unit kind the organisation has: branch, enterprise, group, park, got "household"/)
    ])
  })

  it('version 2 decodes what it publishes and reports each mistake at its path', () => {
    const json: any = JSON.parse(JSON.stringify(park.programmeJson))
    json.boards[0].metric.account = 'stduy'
    json.boards[2].period = 'fortnight'
    json.boards[3].metric = { kind: 'host', name: 'kpi' }
    json.composites[0].parts[1].board = 'group-particpation'
    json.composites[0].parts.push({ board: 'study', weight: 1 })
    json.roll.notice.days = 0
    json.host.push({ id: 'skills', label: { en: 'x', zh: 'x' } })
    expect(problems(decodeProgramme(json)).map((m) => m.split(': ')[0])).toEqual([
      '$.host[3].id',
      '$.boards[0].metric.account',
      '$.boards[2].period',
      '$.boards[3].metric.name',
      '$.composites[0].parts[1].board',
      // parts[3] names "study", whose own problem is at $.boards[0]: not reported twice
      '$.roll.notice.days'
    ])
    const mixed: any = JSON.parse(JSON.stringify(park.programmeJson))
    mixed.composites[0].parts.push({ board: 'study', weight: 1 })
    mixed.composites[0].parts.push({ board: 'groups', weight: -1 })
    expect(problems(decodeProgramme(mixed))).toEqual([
      `$.composites[0].parts[3].board: expected a board of units, as the first part's, got "study"`,
      expect.stringMatching(/^\$\.composites\[0\]\.parts\[4\]\.weight: expected a finite weight ≥ 0/),
      expect.stringMatching(/^\$\.composites\[0\]\.parts\[4\]\.board: expected a board not named before in this composite/)
    ])
  })
})

export type { ProgrammeRun }

describe('decodeHonorRoll (issue 16): the last roll posted, read back for the next', () => {
  it('round-trips the JSON a run posts, and the next roll says who was added and removed', async () => {
    const { decodeHonorRoll, honorRollJson } = await import('../../src/awards/internal.js')
    const back = decodeHonorRoll(JSON.parse(honorRollJson(month.roll!)))
    expect(back).toEqual(E.right(month.roll))
    const again = right(runProgramme(programme, { org: park.org, events: park.events, host: park.host, period: '2021-07', previousRoll: (back as E.Right<typeof month.roll & {}>).right }))
    expect(again.roll?.categories.every((c) => !c.first && c.added.length === 0 && c.removed.length === 0)).toBe(true)
    const broken = JSON.parse(honorRollJson(month.roll!))
    broken.categories[0].entries[0].status = 'winner'
    expect(problems(decodeHonorRoll(broken))).toEqual([expect.stringMatching(/^\$\.categories\[0\]\.entries\[0\]\.status: expected one of won, pending, got "winner"/)])
  })
})
