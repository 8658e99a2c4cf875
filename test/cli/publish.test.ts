// `moral-bank run | points | board | roll` in process, on the v2 fixtures: what the run publishes,
// each bad line reported and the run going on, every refusal at its file.
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { decodeOrg } from '../../src/core/internal.js'
import { honorRollMarkdown } from '../../src/awards/internal.js'
import { decodeEventsJsonl } from '../../src/rules/internal.js'
import { decodeBankOpsJsonl } from '../../src/bank/internal.js'
import { decodeProgrammeJson, publishedRun, runProgramme, type ProgrammeRun } from '../../src/programme/internal.js'
import { run } from '../../src/cli/run.js'
import { fixture, memEnv } from './env.js'

const INPUTS = ['programme-v2.json', '--org', 'org.json', '--events', 'events-july.jsonl', '--host', 'host.json', '--ops', 'ops-july.jsonl', '--period', '2021-07']
const rows = (s: string): ReadonlyArray<ReadonlyArray<string>> => s.trimEnd().split('\n').map((l) => l.trimStart().split(/ {2,}/))

// The same run through the library, as a host would call it.
const direct = (): ProgrammeRun => {
  const p = decodeProgrammeJson(fixture('programme-v2.json'))
  const org = decodeOrg(JSON.parse(fixture('org.json')))
  if (E.isLeft(p) || E.isLeft(org)) throw new Error('fixtures')
  const r = runProgramme(p.right, {
    org: org.right,
    events: decodeEventsJsonl(fixture('events-july.jsonl')).events,
    host: JSON.parse(fixture('host.json')),
    bankOps: decodeBankOpsJsonl(fixture('ops-july.jsonl')).values,
    period: '2021-07'
  })
  if (E.isLeft(r)) throw new Error('run')
  return r.right
}

describe('moral-bank run', () => {
  it('prints a summary of what the run publishes', () => {
    const r = run(['run', ...INPUTS], memEnv().env)
    expect(r).toMatchObject({ code: 0, stderr: '' })
    expect(rows(r.stdout)).toEqual([
      ['PART', 'ID', 'LABEL', 'SUMMARY'],
      ['period', '2021-07', 'as of 2021-07-31T23:59:59.999+08:00'],
      ['ledger', '3 members with entries'],
      ['board', 'study', 'Study-score board', '3 ranked; first 王芳 5; red 1, black 1'],
      ['board', 'skills', 'Skills', '3 ranked; first 张伟 91'],
      ['board', 'groups', 'Work groups by per-capita study points', '2 ranked; first 一组 3'],
      ['board', 'group-participation', 'Work groups by participation', '2 ranked; first 一组 1'],
      ['composite', 'sanbi', 'Two comparisons: points and participation', '2 ranked; first 一组 1; red 1, black 0'],
      ['roll', 'Yantan park honor roll, July 2021', '1 category, 1 name']
    ])
  })

  it('--out DIR writes everything the run publishes, equal to the library\'s own rendering', () => {
    const { env, written } = memEnv()
    const r = run(['run', ...INPUTS, '--out', 'pub/', '--lang', 'zh'], env)
    expect(r.code).toBe(0)
    const names = [...written.keys()]
    expect(names).toEqual([
      'pub/run.json',
      'pub/balances.csv',
      ...['study', 'skills', 'groups', 'group-participation'].flatMap((b) => [`pub/boards/${b}.md`, `pub/boards/${b}.csv`, `pub/boards/${b}.json`]),
      'pub/composites/sanbi.md',
      'pub/composites/sanbi.csv',
      'pub/composites/sanbi.json',
      'pub/roll.md',
      'pub/roll.json',
      'pub/roll.csv'
    ])
    const lib = direct()
    expect(written.get('pub/run.json')).toBe(`${JSON.stringify(publishedRun(lib), null, 2)}\n`)
    expect(written.get('pub/roll.md')).toBe(honorRollMarkdown(lib.roll!, 'zh'))
    expect(written.get('pub/balances.csv')).toBe('标识,姓名,单位,学习积分,道德积分,道德积分余额\r\nm-1,王芳,一组,5,0,0\r\nm-2,李强,一组,3,0,0\r\nm-3,张伟,二组,3,5,5\r\n')
    expect(written.get('pub/boards/study.md')).toBe(
      '# 学习积分榜（2021-07）\n\n| 名次 | 标识 | 名称 | 得分 | 变化 | 红黑榜 |\n| ---: | --- | --- | ---: | --- | --- |\n' +
        '| 1 | m-1 | 王芳 | 5 | ↑2 | 红榜 |\n| 2 | m-3 | 张伟 | 2 | = |  |\n| 3 | m-2 | 李强 | 1 | ↓2 | 黑榜 |\n\n## 红榜\n\n- 王芳 (m-1): 5，第 1 名\n\n## 黑榜\n\n- 李强 (m-2): 1，第 3 名\n'
    )
    expect(JSON.parse(written.get('pub/boards/study.json')!)).toEqual(JSON.parse(JSON.stringify(lib.boards[0])))
    expect(rows(r.stdout).at(-1)).toEqual(['pub/roll.csv', expect.stringMatching(/^\d+$/)])
  })

  it('a bad events line is reported at file:line:column and the run goes on without it, exit 1; --strict publishes nothing', () => {
    const events = `${fixture('events-july.jsonl')}{"id":"j9","type":"login","member":"m-2","at":"2021-07-09T08:00:00"}\n`
    const { env } = memEnv({ 'ev.jsonl': events })
    const args = ['points', 'programme-v2.json', '--org', 'org.json', '--events', 'ev.jsonl', '--host', 'host.json', '--period', '2021-07']
    const r = run(args, env)
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^ev\.jsonl:9:\d+: \$\.at: expected an instant with an offset/)
    expect(rows(r.stdout)[2]).toEqual(['m-2', '李强', '一组', '3', '0', '0']) // 4 study points with the bad line
    const strict = run([...args, '--strict'], env)
    expect(strict).toMatchObject({ code: 1, stdout: '' })
    // a pretty-printed JSON array is no events file: said so, and nothing is published
    const lines = fixture('events-july.jsonl').trim().split('\n').map((l) => JSON.parse(l) as unknown)
    const pretty = memEnv({ 'ev.json': JSON.stringify(lines, null, 2) }).env
    const r2 = run(['roll', 'programme-v2.json', '--org', 'org.json', '--events', 'ev.json', '--host', 'host.json', '--period', '2021-07'], pretty)
    expect(r2).toMatchObject({ code: 1, stdout: '', stderr: expect.stringMatching(/^ev\.json:1:1: expected JSON Lines: one event object per line/) })
  })

  it('problems of the inputs at their files; nothing runs', () => {
    const { env } = memEnv({ 'host-stray.json': JSON.stringify({ skills: { 'm-1': 1, 'm-9': 2 } }, null, 2) })
    const r = run(['run', 'programme-v2.json', '--org', 'org.json', '--events', 'events-july.jsonl', '--host', 'host-stray.json', '--period', '2021-07'], env)
    expect(r).toMatchObject({ code: 1, stdout: '' })
    expect(r.stderr).toBe('host-stray.json:4:12: $.skills["m-9"]: expected a member of the organisation, got "m-9"\n')
    const bad = run(['run', 'programme-bad.json', '--org', 'org-bad.json', '--events', 'events-july.jsonl', '--period', '2021-07'], env)
    expect(bad.code).toBe(1)
    expect(bad.stderr.trimEnd().split('\n').map((l) => l.split(':')[0])).toEqual(['programme-bad.json', 'programme-bad.json', 'org-bad.json', 'org-bad.json'])
  })

  it('usage errors are exit 2: no period, a bad period, no organisation, a missing file', () => {
    const { env } = memEnv()
    const base = ['run', 'programme-v2.json', '--org', 'org.json', '--events', 'events-july.jsonl', '--host', 'host.json']
    expect(run(base, env)).toMatchObject({ code: 2, stderr: expect.stringContaining('--period (such as 2021-07) or --at is needed') })
    expect(run([...base, '--period', '2021-13'], env)).toMatchObject({ code: 2, stderr: expect.stringMatching(/^--period: /) })
    expect(run([...base, '--period', '2021-07', '--at', '2021-07-15T00:00:00+08:00'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('either --period or --at, not both') })
    expect(run(['run', 'programme-v2.json', '--events', 'events-july.jsonl', '--period', '2021-07'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('--org org.json is needed') })
    expect(run([...base, '--period', '2021-07', '--events', 'nope.jsonl'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('cannot read nope.jsonl') })
  })

  it('--at runs as of a day', () => {
    const r = run(['run', 'programme-v2.json', '--org', 'org.json', '--events', 'events-july.jsonl', '--host', 'host.json', '--at', '2021-07-02T12:00:00+08:00', '--format', 'json'], memEnv().env)
    expect(r.code).toBe(0)
    expect((JSON.parse(r.stdout) as ReadonlyArray<{ id: string }>)[0]?.id).toBe('2021-07-02')
  })
})

describe('moral-bank points, board, roll', () => {
  it('--previous-roll: the roll says who was added against the last one posted (issue 16)', () => {
    const first = run(['roll', ...INPUTS, '--format', 'json'], memEnv().env)
    expect(first.code).toBe(0)
    const last = JSON.parse(first.stdout) as { categories: Array<{ entries: Array<unknown>; first: boolean }> }
    const winners = last.categories[0]!.entries.length
    last.categories[0]!.entries = []
    const next = run(['roll', ...INPUTS, '--previous-roll', 'last.json', '--format', 'json'], memEnv({ 'last.json': JSON.stringify(last) }).env)
    expect(next.code).toBe(0)
    const roll = JSON.parse(next.stdout) as { categories: Array<{ added: ReadonlyArray<string>; first: boolean }> }
    expect(roll.categories[0]?.first).toBe(false)
    expect(roll.categories[0]?.added.length).toBe(winners)
    const bad = run(['roll', ...INPUTS, '--previous-roll', 'bad.json'], memEnv({ 'bad.json': '{"_tag":"HonorRoll"}' }).env)
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/^bad\.json:1:1: \$\.title: /m)
  })

  it('says what the Moral Bank refused, by request and reason, and still publishes the rest (issue 16)', () => {
    const greedy = `${fixture('ops-july.jsonl').trimEnd()}\n{"_tag":"reserve","request":"greedy","at":"2021-07-06T09:30:00+08:00","subject":"m-3","item":"soap","quantity":99}\n`
    const r = run(['points', 'programme-v2.json', '--org', 'org.json', '--events', 'events-july.jsonl', '--host', 'host.json', '--ops', 'ops-greedy.jsonl', '--period', '2021-07', '--format', 'json'], memEnv({ 'ops-greedy.jsonl': greedy }).env)
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/^the Moral Bank refused greedy: \$\.quantity: /m)
    expect((JSON.parse(r.stdout) as ReadonlyArray<{ subject: string; 'bank:moral': number }>).find((x) => x.subject === 'm-3')?.['bank:moral']).toBe(5)
  })

  it('points: every member\'s balances, with what is left to spend in the bank', () => {
    const r = run(['points', ...INPUTS, '--format', 'json'], memEnv().env)
    expect(JSON.parse(r.stdout)).toEqual([
      { subject: 'm-1', name: '王芳', unit: '一组', 'account:study': 5, 'account:moral': 0, 'bank:moral': 0 },
      { subject: 'm-2', name: '李强', unit: '一组', 'account:study': 3, 'account:moral': 0, 'bank:moral': 0 },
      { subject: 'm-3', name: '张伟', unit: '二组', 'account:study': 3, 'account:moral': 5, 'bank:moral': 5 }
    ])
  })

  it('board NAME: a board with movement and lists, a composite; JSON is the run\'s published part', () => {
    const env = memEnv().env
    expect(rows(run(['board', 'study', ...INPUTS], env).stdout)).toEqual([
      ['RANK', 'ID', 'NAME', 'SCORE', 'MOVE', 'LIST'],
      ['1', 'm-1', '王芳', '5', '↑2', 'red'],
      ['2', 'm-3', '张伟', '2', '='],
      ['3', 'm-2', '李强', '1', '↓2', 'black']
    ])
    expect(rows(run(['board', 'sanbi', ...INPUTS, '--lang', 'zh'], env).stdout)).toEqual([['名次', '标识', '名称', '得分', '红黑榜'], ['1', 'g1', '一组', '1', '红榜'], ['2', 'g2', '二组', '0.5']])
    expect(JSON.parse(run(['board', 'groups', ...INPUTS, '--format', 'json'], env).stdout)).toEqual(JSON.parse(JSON.stringify(direct().boards[2])))
    expect(run(['board', 'nope', ...INPUTS], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('no board or composite "nope"; the programme publishes: study, skills, groups, group-participation, sanbi') })
    expect(run(['board', 'study'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('a board name and a programme file are needed') })
  })

  it('roll: Markdown as the reading room posts it, CSV, JSON and a table', () => {
    const env = memEnv().env
    const lib = direct().roll!
    expect(run(['roll', ...INPUTS, '--format', 'md', '--lang', 'zh'], env).stdout).toBe(honorRollMarkdown(lib, 'zh'))
    expect(run(['roll', ...INPUTS, '--format', 'md'], env).stdout).toBe(honorRollMarkdown(lib, 'en'))
    expect(JSON.parse(run(['roll', ...INPUTS, '--format', 'json'], env).stdout)).toEqual(JSON.parse(JSON.stringify(lib)))
    expect(run(['roll', ...INPUTS, '--format', 'csv'], env).stdout.split('\r\n')[1]).toMatch(/^star,学习之星,Learning Star,2021-07,m-1,王芳,won,new,1,5,/)
    expect(rows(run(['roll', ...INPUTS], env).stdout)).toEqual([['AWARD', 'PERIOD', 'RANK', 'NAME', 'UNIT', 'STATUS', 'WHY'], ['Learning Star', '2021-07', '1', '王芳', '一组', 'won', 'selected: rank 1 of 3, Study points = 5']])
  })

  it('roll of a programme without awards is a problem, exit 1', () => {
    const r = run(['roll', 'programme.json', '--org', 'org.json', '--events', 'events.jsonl', '--period', '2021-07'], memEnv().env)
    expect(r).toMatchObject({ code: 1, stdout: '', stderr: 'programme.json: $.awards: expected awards, so that the run posts an honor roll, got nothing\n' })
  })
})
