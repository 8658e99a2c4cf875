// Issue 8: evaluate the eight preset award categories for 100,000 members
// (target < 200 ms), beside json-rules-engine running the same eligibility
// criteria as its rules over the same members' figures; both must select the
// same eligible members.
import * as E from 'fp-ts/lib/Either.js'
import { Engine, type NestedCondition, type TopLevelCondition } from 'json-rules-engine'
import { decodeOrg, instantOrThrow, membersOf, parsePeriodKey, rngFromSeed, uniformInt, type MemberId, type OrgTree, type Period, type UnitId } from 'moral-bank/core'
import {
  awardFigures,
  awardPresets,
  compileCriterion,
  criterionFigures,
  decodeAwardProgramme,
  memberFigures,
  runAwards,
  unitFigures,
  type AwardCategory,
  type AwardCriterion,
  type AwardFigures,
  type AwardProgramme,
  type FigureTable
} from '../src/awards/internal.js'
import { computeBoard, previousPeriod, redBlack, type EntryLike } from 'moral-bank/ranking'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { fmtMs, measure, report } from './harness.js'

const N = 100_000
const BRANCHES = 1_000
const GROUPS = 5

const world = (N = 100_000): { readonly org: OrgTree; readonly entries: ReadonlyArray<EntryLike>; readonly host: Record<string, Record<string, number>> } => {
  const rng = rngFromSeed('bench-awards')
  const units: Array<unknown> = [{ id: 'park', label: '园区', kind: 'park' }]
  for (let b = 0; b < BRANCHES; b++) {
    units.push({ id: `b${b}`, label: `支部${b}`, kind: 'branch', parent: 'park' })
    for (let g = 0; g < GROUPS; g++) units.push({ id: `b${b}g${g}`, label: `组${g}`, kind: 'group', parent: `b${b}` })
  }
  const members: Array<unknown> = []
  const skills: Record<string, number> = {}
  const conduct: Record<string, number> = {}
  const performance: Record<string, number> = {}
  for (let i = 0; i < N; i++) {
    const id = `m${String(i).padStart(6, '0')}`
    const b = i % BRANCHES
    const year = 2005 + uniformInt(rng, 17)
    const month = 1 + uniformInt(rng, 12)
    members.push({
      id,
      unit: `b${b}g${uniformInt(rng, GROUPS)}`,
      partyMember: uniformInt(rng, 3) === 0,
      joined: `${year}-${String(month).padStart(2, '0')}-01`,
      ...(uniformInt(rng, 200) === 0 ? { roles: ['senior-leader'] } : {})
    })
    skills[id] = uniformInt(rng, 101)
    conduct[id] = uniformInt(rng, 101)
    performance[id] = uniformInt(rng, 101)
  }
  const org = decodeOrg({ units, members })
  if (E.isLeft(org)) throw new Error('org')
  // About 10 study entries per member over Q3 2021 (and some in Q2), a deduction now and then.
  const start = instantOrThrow('2021-04-01T00:00:00+08:00')
  const span = 183 * 86_400_000
  const entries: Array<EntryLike> = []
  for (let i = 0; i < N; i++) {
    const id = `m${String(i).padStart(6, '0')}`
    const k = uniformInt(rng, 20)
    for (let j = 0; j < k; j++) {
      const deduct = uniformInt(rng, 50) === 0
      entries.push({ subject: id, account: 'study', at: start + uniformInt(rng, span), granted: deduct ? -5 : 1 + uniformInt(rng, 60), eventType: deduct ? 'deduction' : 'article.read' })
    }
  }
  return { org: org.right, entries, host: { skills, conduct, performance } }
}

// The same criteria as json-rules-engine conditions over facts named like our figures.
const OPERATOR = { gte: 'greaterThanInclusive', gt: 'greaterThan', lte: 'lessThanInclusive', lt: 'lessThan', eq: 'equal', ne: 'notEqual' } as const
const toJre = (c: AwardCriterion): NestedCondition => {
  switch (c._tag) {
    case 'All':
      return { all: c.of.map(toJre) }
    case 'Any':
      return { any: c.of.map(toJre) }
    case 'Not':
      return { not: toJre(c.criterion) }
    case 'Compare':
      return { fact: c.figure, operator: OPERATOR[c.op], value: c.value }
    case 'Flag':
      return { fact: c.attr, operator: 'equal', value: c.value }
    case 'Tag':
      return { fact: 'tags', operator: 'contains', value: c.tag }
    case 'Role':
      return { fact: 'roles', operator: 'contains', value: c.role }
    default:
      throw new Error(`not in the presets: ${c._tag}`)
  }
}
const topLevel = (c: AwardCriterion): TopLevelCondition => {
  const n = toJre(c)
  return 'all' in n || 'any' in n || 'not' in n ? (n as TopLevelCondition) : { all: [n] }
}

export const run = async (): Promise<void> => {
  console.log('awards: eight preset categories')
  const { org, entries, host } = world()
  const p = decodeAwardProgramme(awardPresets())
  if (E.isLeft(p)) throw new Error('presets')
  const programme: AwardProgramme = p.right
  const at = instantOrThrow('2021-09-30T12:00:00+08:00')
  const inputs = { org, entries, host, at }
  let winners = 0
  const total = measure(() => {
    const r = runAwards(programme)(inputs)
    if (E.isLeft(r)) throw new Error('run')
    winners = r.right.results.reduce((a, x) => a + x.winners.length + x.pending.length, 0)
  }, 3)
  let figures: AwardFigures | undefined
  const fig = measure(() => {
    const f = awardFigures(programme)(inputs)
    if (E.isLeft(f)) throw new Error('figures')
    figures = f.right
  }, 3)
  // CPU time beside the wall time (each run's; median of the measured ones): on a shared machine the
  // wall time swings with the load, the CPU time much less
  const cpuMs: Array<number> = []
  const evaluate = measure(() => {
    const cpu0 = process.cpuUsage()
    const r = runAwards(programme)({ org, host, at, figures: figures as AwardFigures })
    if (E.isLeft(r)) throw new Error('run')
    const cpu = process.cpuUsage(cpu0)
    cpuMs.push((cpu.user + cpu.system) / 1000)
  }, 5)
  const measuredCpu = cpuMs.slice(1).sort((a, b) => a - b)
  report({
    bench: `8 preset categories, ${N.toLocaleString('en')} members: criteria, selection, quotas, explanations (figures computed before)`,
    figure: `${fmtMs(evaluate.medianMs)} (${winners} winners and pending)`,
    target: '< 200 ms',
    met: evaluate.medianMs < 200,
    note: `CPU time ${fmtMs(measuredCpu[Math.floor(measuredCpu.length / 2)] as number)} a run (median, GC threads included)`
  })
  report({
    bench: `the same from ${entries.length.toLocaleString('en')} raw ledger entries (figures + boards + the above)`,
    figure: `${fmtMs(total.medianMs)}; of which figures and boards ${fmtMs(fig.medianMs)}`,
    target: 'none set',
    met: undefined
  })

  // Eligibility alone, ours and json-rules-engine's, from the same figures.
  const q3 = parsePeriodKey('2021-Q3') as E.Right<Period>
  const prev = previousPeriod(q3.right) as E.Right<Period>
  const ctx = { org, entries, host, period: q3.right, previous: prev.right }
  const memberIds = org.members.map((m) => m.id)
  const branches = org.units.filter((u) => u.kind === 'branch').map((u) => u.id)
  // the Learning Model's black list: the board the programme defines, over Q3
  const studyBoard = programme.boards['study']
  if (studyBoard === undefined) throw new Error('board')
  const board = computeBoard({ ...studyBoard.spec, period: q3.right })({ org, entries })
  if (E.isLeft(board)) throw new Error('board')
  const lists = redBlack(studyBoard.lists ?? {})(board.right)
  if (E.isLeft(lists)) throw new Error('lists')
  const boards = new Map([
    ['study', { rank: new Map(), score: new Map(), red: new Set(lists.right.red.map((x) => x.subject)), black: new Set(lists.right.black.map((x) => x.subject)) }]
  ])
  const tables = new Map<string, FigureTable>()
  for (const a of programme.awards) {
    const facts = criterionFigures(a.criteria)
    tables.set(a.id, a.subjects === 'members' ? memberFigures(facts, { ...ctx, boards }, memberIds) : unitFigures(facts, { ...ctx, boards }, branches, (u) => membersOf(org, u as UnitId)))
  }
  const oursEligible = (a: AwardCategory, t: FigureTable): Array<string> => {
    const test = compileCriterion(a.criteria)({ table: t, org, subjects: a.subjects, winners: new Map() })
    return t.subjects.filter((_, i) => test(i))
  }
  const comparable = programme.awards
  let ourSets: Array<Array<string>> = []
  const oursElig = measure(() => {
    ourSets = comparable.map((a) => oursEligible(a, tables.get(a.id) as FigureTable))
  }, 5)
  // The peer: one engine per category, one run per subject with its facts.
  const factsOf = (a: AwardCategory, t: FigureTable, i: number): Record<string, unknown> => {
    const f: Record<string, unknown> = {}
    for (const [name, col] of t.columns) {
      const v = col[i] as number
      f[name] = Number.isNaN(v) ? undefined : v
    }
    if (a.subjects === 'members') {
      const m = org.memberById.get(t.subjects[i] as MemberId)
      f['partyMember'] = m?.partyMember ?? false
      f['cadre'] = m?.cadre ?? false
      f['tags'] = m?.tags ?? []
      f['roles'] = m?.roles ?? []
    }
    return f
  }
  const engines = comparable.map((a) => {
    const e = new Engine([], { allowUndefinedFacts: true })
    e.addRule({ conditions: topLevel(a.criteria), event: { type: a.id } })
    return e
  })
  const peerSets: Array<Array<string>> = comparable.map(() => [])
  const t0 = process.hrtime.bigint()
  for (let k = 0; k < comparable.length; k++) {
    const a = comparable[k] as AwardCategory
    const t = tables.get(a.id) as FigureTable
    const engine = engines[k] as Engine
    const out = peerSets[k] as Array<string>
    for (let i = 0; i < t.subjects.length; i++) {
      const r = await engine.run(factsOf(a, t, i))
      if (r.events.length > 0) out.push(t.subjects[i] as string)
    }
  }
  const peerMs = Number(process.hrtime.bigint() - t0) / 1e6
  const same = comparable.every((_, k) => JSON.stringify(ourSets[k]) === JSON.stringify(peerSets[k]))
  const subjects = comparable.reduce((s, a) => s + (tables.get(a.id)?.subjects.length ?? 0), 0)
  report({
    bench: `eligibility of ${comparable.length} categories (${subjects.toLocaleString('en')} subject checks) vs json-rules-engine on the same figures`,
    figure: `ours ${fmtMs(oursElig.medianMs)}; json-rules-engine ${fmtMs(peerMs)}; ratio ${(peerMs / oursElig.medianMs).toFixed(0)}x`,
    target: 'agree on every eligible member',
    met: same,
    note: `${ourSets.reduce((s, x) => s + x.length, 0).toLocaleString('en')} eligible in all`
  })
}

// Issue 18: the whole pipeline from ledger entries (figures, boards, criteria, selection, explanations)
// at province size. Awards run once a period, so the first run in a fresh process is what users pay:
// each size runs in a child process of its own, which times its first run (cold) and then two more (warm).
export const runScaleChild = (n: number): void => {
  const { org, entries, host } = world(n)
  const p = decodeAwardProgramme(awardPresets())
  if (E.isLeft(p)) throw new Error('presets')
  const at = instantOrThrow('2021-09-30T12:00:00+08:00')
  const times: Array<number> = []
  let winners = 0
  for (let k = 0; k < 3; k++) {
    const t0 = process.hrtime.bigint()
    const r = runAwards(p.right)({ org, entries, host, at })
    times.push(Number(process.hrtime.bigint() - t0) / 1e6)
    if (E.isLeft(r)) throw new Error('run')
    winners = r.right.results.reduce((a, x) => a + x.winners.length + x.pending.length, 0)
  }
  console.log(JSON.stringify({ n, entries: entries.length, cold: times[0], warm: Math.min(times[1] as number, times[2] as number), winners }))
}

export const runScale = (): void => {
  console.log('awards at province size: the pipeline from entries, one fresh process per size')
  const bundle = fileURLToPath(import.meta.url)
  const out = new Map<number, { readonly entries: number; readonly cold: number; readonly warm: number; readonly winners: number }>()
  for (const n of [100_000, 1_000_000]) {
    const child = spawnSync(process.execPath, ['--expose-gc', bundle, 'awards-scale-child', String(n)], { encoding: 'utf8', maxBuffer: 1 << 20 })
    const line = child.stdout.trim().split('\n').pop() ?? ''
    if (child.status !== 0 || !line.startsWith('{')) {
      report({ bench: `awards pipeline, ${n.toLocaleString('en')} members`, figure: 'FAILED', target: '< 3 s at 1,000,000', met: false, note: child.stderr.slice(-300) })
      continue
    }
    out.set(n, JSON.parse(line))
  }
  const small = out.get(100_000)
  const big = out.get(1_000_000)
  for (const [n, r] of out) {
    report({
      bench: `awards pipeline from ${r.entries.toLocaleString('en')} ledger entries, ${n.toLocaleString('en')} members, 8 preset categories (fresh process)`,
      figure: `cold ${fmtMs(r.cold)}, warm ${fmtMs(r.warm)} (${r.winners} winners and pending)`,
      target: n === 1_000_000 ? '< 3 s cold; old value 25 s (issue 18)' : 'reported (the exponent\'s base)',
      met: n === 1_000_000 ? r.cold < 3000 : undefined
    })
  }
  if (small !== undefined && big !== undefined) {
    const exp = (a: number, b: number): number => Math.log(b / a) / Math.log(10)
    report({
      bench: 'awards pipeline growth from 100,000 to 1,000,000 members (10x)',
      figure: `exponent ${exp(small.cold, big.cold).toFixed(2)} cold, ${exp(small.warm, big.warm).toFixed(2)} warm`,
      target: 'about 1.0 (linear); old value 1.5 past 100 k (issue 18)',
      met: exp(small.warm, big.warm) <= 1.15
    })
  }
}
