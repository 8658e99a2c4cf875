// Issue 16: the whole programme as one run (ledger, four published boards with their previous month and
// movement, red/black lists, a composite, eight award categories and the honor roll) over 1,000,000 events
// and 10,000 members, then one more day (about 11,000 events) appended; target: the append at most 5 % of
// the full run. Peer: the same full run again (the only other way to bring everything up to date).
import * as E from 'fp-ts/lib/Either.js'
import { decodeOrg, instantOrThrow, renderProblems, rngFromSeed, uniformInt, type EventId, type Instant, type OrgTree } from 'moral-bank/core'
import { dailyStudy, type ActivityEvent, type SubjectId } from 'moral-bank/rules'
import { awardPresets } from 'moral-bank/awards'
import { appendEvents } from 'moral-bank/ledger'
import { appendRun, decodeProgramme, runProgramme, type Programme, type ProgrammeRun } from 'moral-bank/programme'
import { generate } from './ledger.bench.js'
import { fmtMs, measure, report } from './harness.js'

const MEMBERS = 10_000
const orThrow = <A>(r: E.Either<ReadonlyArray<import('moral-bank/core').Problem>, A>): A => {
  if (E.isLeft(r)) throw new Error(renderProblems(r.left))
  return r.right
}

// 20 enterprises, each with a party branch of 20 work groups of 25 members: the ids the event generator uses
// (as JSON, the organisation file bench/cli.bench.ts writes).
export const benchOrgJson = (members = MEMBERS): { readonly units: ReadonlyArray<unknown>; readonly members: ReadonlyArray<unknown> } => {
  const units: Array<Record<string, unknown>> = [{ id: 'park', label: 'Park', kind: 'park' }]
  const out: Array<Record<string, unknown>> = []
  const groups = Math.ceil(members / 25)
  for (let g = 0; g < groups; g++) {
    const e = Math.floor(g / 20)
    if (g % 20 === 0) {
      units.push({ id: `e${e}`, label: `Enterprise ${e}`, kind: 'enterprise', parent: 'park' })
      units.push({ id: `e${e}-b`, label: `Branch ${e}`, kind: 'branch', parent: `e${e}` })
    }
    units.push({ id: `g${g}`, label: `Group ${g}`, kind: 'group', parent: `e${e}-b` })
  }
  for (let m = 0; m < members; m++) {
    out.push({ id: `m-${String(m).padStart(5, '0')}`, unit: `g${Math.floor(m / 25)}`, label: `Member ${m}`, partyMember: m % 3 !== 0, joined: `20${10 + (m % 12)}-0${1 + (m % 9)}-01` })
  }
  return { units, members: out }
}
export const benchOrg = (members = MEMBERS): OrgTree => orThrow(decodeOrg(benchOrgJson(members)))

// The programme file: the daily-study rules, four boards with the previous month and lists, a composite, the award presets, the roll.
export const benchProgrammeJson = (): Record<string, unknown> => {
  const preset = JSON.parse(JSON.stringify(awardPresets({ dailyMin: 1, modelThreshold: 40 }))) as Record<string, unknown> & { awards: Array<Record<string, unknown>> }
  const { hostMetrics: _, ...awards } = preset
  const label = { en: 'x', zh: 'x' }
  const group = (id: string, metric: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ id, label, subjects: 'units', unitKind: 'group', metric, period: 'month', ...extra })
  return {
    version: 2,
    rules: JSON.parse(JSON.stringify(dailyStudy())),
    awards: { ...awards, awards: preset.awards.map((a) => ({ ...a, period: 'month' })) },
    host: ['skills', 'conduct', 'performance'].map((id) => ({ id, label })),
    boards: [
      { id: 'study', label, subjects: 'members', metric: { kind: 'points', account: 'study' }, period: 'month', lists: { red: { count: 10 }, black: { count: 10 } } },
      group('groups', { kind: 'points', account: 'study' }, { aggregate: 'perCapita', lists: { red: { count: 3 }, black: { count: 3 } } }),
      group('participation', { kind: 'participation' }),
      group('daily', { kind: 'aboveDailyMin', account: 'study', min: 1 })
    ],
    composites: [{ id: 'sanbi', label, normalisation: 'minmax', parts: [{ board: 'groups', weight: 0.5 }, { board: 'participation', weight: 0.25 }, { board: 'daily', weight: 0.25 }] }],
    roll: { notice: { after: 1, days: 7 } }
  }
}

export const benchProgramme = (): Programme => orThrow(decodeProgramme(benchProgrammeJson()))

export const benchHost = (members = MEMBERS): Record<string, Record<string, number>> => {
  const rng = rngFromSeed('bench-host')
  const table = (): Record<string, number> => Object.fromEntries(Array.from({ length: members }, (_, m) => [`m-${String(m).padStart(5, '0')}`, 60 + uniformInt(rng, 400) / 10]))
  return { skills: table(), conduct: table(), performance: table() }
}

// One more day after the generated 90 (2021-09-28 in Shanghai): `n` events over `members` random members
// (of the first `members` ids), in time order.
export const oneMoreDay = (n: number, members = MEMBERS): Array<ActivityEvent> => {
  const rng = rngFromSeed(`one-more-day-${members}`)
  const day = instantOrThrow('2021-09-28T06:00:00+08:00')
  const out: Array<ActivityEvent> = []
  for (let i = 0; i < n; i++) {
    const m = uniformInt(rng, members)
    const k = uniformInt(rng, 3)
    out.push({
      id: `day-${String(i).padStart(6, '0')}` as EventId,
      type: k === 0 ? 'login' : k === 1 ? 'article.read' : 'quiz.completed',
      member: `m-${String(m).padStart(5, '0')}` as SubjectId,
      at: (day + Math.floor((i / n) * 17 * 3_600_000)) as Instant,
      attrs: k === 1 ? { seconds: 120, content: `art-day-${i}` } : k === 2 ? { kind: 'daily', correct: 7, total: 10, quiz: 'daily-x' } : {}
    })
  }
  return out
}

export const run = (): void => {
  console.log('programme: runProgramme over 1,000,000 events / 10,000 members (4 boards + previous month, lists, composite, 8 awards, roll), then one more day appended')
  const org = benchOrg()
  const programme = benchProgramme()
  const host = benchHost()
  const events = generate('bench-ledger')
  const day = oneMoreDay(11_000)
  const touched = new Set(day.map((e) => e.member)).size
  const input = { org, host, period: '2021-09' }
  let full: ProgrammeRun | undefined
  const fullRun = measure(() => (full = orThrow(runProgramme(programme, { ...input, events }))), 3, 1)
  const base = full as ProgrammeRun
  let next: ProgrammeRun | undefined
  const append = measure(() => (next = orThrow(appendRun(base, day))), 5, 1)
  // The ledger's own share: appendEvents of the same day on the same ledger, and reading the touched members' entries.
  const ledgerOnly = measure(() => {
    const l = appendEvents(base.ledger)(day)
    for (const m of new Set(day.map((e) => e.member))) void l.subjects.get(m)?.entries.length
  }, 5, 1)
  const again = measure(() => orThrow(runProgramme(programme, { ...input, events: [...events, ...day] })), 3, 0)
  const ratio = append.medianMs / again.medianMs
  report({ bench: 'programme full run (1 M events)', figure: fmtMs(fullRun.medianMs), target: 'reference', met: undefined })
  report({
    bench: `programme append one day (11,000 events, ${touched} members touched)`,
    figure: `${fmtMs(append.medianMs)} vs full run over all ${fmtMs(again.medianMs)}: ${(ratio * 100).toFixed(1)} %`,
    target: '≤ 5 % of a full run',
    met: ratio <= 0.05,
    note: `${next?.boards.length} boards, ${next?.composites.length} composite, ${next?.awards?.results.length} award categories brought up to date`
  })
  report({
    bench: '  of which the ledger (appendEvents continuing each touched member from its saved state, and reading their entries; issue 18)',
    figure: `${fmtMs(ledgerOnly.medianMs)} (${((ledgerOnly.medianMs / again.medianMs) * 100).toFixed(1)} % of a full run); everything above the ledger ${fmtMs(Math.max(0, append.medianMs - ledgerOnly.medianMs))} (${((Math.max(0, append.medianMs - ledgerOnly.medianMs) / again.medianMs) * 100).toFixed(1)} %)`,
    target: 'the ledger bound',
    met: undefined
  })
  // A quieter day: the same 11,000 events from 1,250 members.
  const quiet = oneMoreDay(11_000, 1_250)
  const appendQuiet = measure(() => orThrow(appendRun(base, quiet)), 5, 1)
  const q = appendQuiet.medianMs / again.medianMs
  report({
    bench: 'programme append one day (11,000 events, 1,250 members touched)',
    figure: `${fmtMs(appendQuiet.medianMs)}: ${(q * 100).toFixed(1)} % of a full run`,
    target: '≤ 5 % of a full run',
    met: q <= 0.05
  })
}
