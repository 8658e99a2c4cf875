// `run(args, env)` in process: the dispatcher, help, formats, period and check on every kind of file.
import { describe, expect, it } from 'vitest'
import { run } from '../../src/cli/run.js'
import { fixture, memEnv } from './env.js'

const { env } = memEnv()
const rows = (stdout: string): ReadonlyArray<ReadonlyArray<string>> => stdout.trimEnd().split('\n').map((l) => l.split(/ {2,}/))
const json = <A = unknown>(stdout: string): A => JSON.parse(stdout) as A

describe('moral-bank: commands, help, exit codes', () => {
  it('prints version, the list of commands, and each command\'s help with examples and exit codes', () => {
    expect(run(['--version'], env)).toEqual({ stdout: '9.9.9\n', stderr: '', code: 0 })
    const help = run(['--help'], env)
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^Usage: moral-bank <command> \[options\]/)
    for (const c of ['check', 'check-events', 'period']) expect(help.stdout).toContain(`  ${c} `)
    expect(help.stdout).toContain('Exit codes: 0 everything is valid; 1 problems found in the input; 2 usage error')
    for (const c of [['check'], ['check-events'], ['period']]) {
      const own = run([...c, '--help'], env)
      expect(own.code).toBe(0)
      expect(own.stdout).toMatch(new RegExp(`^Usage: moral-bank ${c.join(' ')}`))
      expect(own.stdout).toContain('Examples:')
      expect(own.stdout).toContain('Exit codes:')
      expect(run(['help', ...c], env).stdout).toBe(own.stdout)
    }
    expect(run(['help', 'check', '--lang', 'zh'], env).stdout).toMatch(/^用法：moral-bank check/)
    expect(run(['check', '-h', '--lang', 'zh'], env).stdout).toContain('退出码：0 全部有效；1 输入中发现问题；2 用法错误')
  })

  it('no command, an unknown command or option, a missing value: exit 2 with a pointer to the help', () => {
    expect(run([], env)).toMatchObject({ stdout: '', code: 2, stderr: expect.stringContaining('Usage: moral-bank <command>') })
    expect(run(['frobnicate'], env)).toEqual({ stdout: '', stderr: 'unknown command: frobnicate\n(see moral-bank --help)\n', code: 2 })
    expect(run(['check', 'x.json', '--frob'], env)).toEqual({ stdout: '', stderr: "Unknown option '--frob'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"--frob\"\n(see moral-bank check --help)\n", code: 2 })
    expect(run(['check', 'x.json', '--frob', '--lang', 'zh'], env)).toMatchObject({ code: 2, stderr: '未知选项 --frob\n（参见 moral-bank check --help）\n' })
    expect(run(['check', 'x.json', '--kind'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining("Option '--kind <value>' argument missing") })
    expect(run(['check', 'x.json', '--kind', 'novel'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('--kind: expected one of programme, org, events') })
    expect(run(['check', 'x.json', '--format', 'xml'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('--format: expected one of table, json, csv, md, got "xml"') })
    expect(run(['period', 'a', 'b'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('unexpected argument "b"') })
  })
})

describe('moral-bank period', () => {
  it('prints period keys of an instant in the default zone, as a table', () => {
    const r = run(['period', '2021-06-30T16:30:00Z'], env)
    expect(r.code).toBe(0)
    expect(rows(r.stdout)).toEqual([
      ['PERIOD', 'KEY'],
      ['day', '2021-07-01'],
      ['week', '2021-W26'],
      ['month', '2021-07'],
      ['quarter', '2021-Q3'],
      ['half', '2021-H2'],
      ['year', '2021'],
      ['local', '2021-07-01T00:30:00.000+08:00']
    ])
  })
  it('as JSON, CSV and Markdown, with labels in Chinese', () => {
    expect(json(run(['period', '2021-06-30T16:30:00Z', '--format', 'json'], env).stdout)).toMatchObject({ day: '2021-07-01', week: '2021-W26', local: '2021-07-01T00:30:00.000+08:00' })
    expect(run(['period', '2021-06-30T16:30:00Z', '--format', 'csv'], env).stdout.split('\r\n').slice(0, 2)).toEqual(['PERIOD,KEY', 'day,2021-07-01'])
    expect(run(['period', '2021-06-30T16:30:00Z', '--format', 'md', '--lang', 'zh'], env).stdout.split('\n').slice(0, 3)).toEqual(['| 周期 | 键 |', '| --- | --- |', '| day | 2021-07-01 |'])
  })
  it('uses the clock it is given for "now" and reads epoch ms', () => {
    expect(run(['period'], env).stdout).toBe(run(['period', String(env.now)], env).stdout)
    expect(json<Record<string, string>>(run(['period', 'now', '--zone', 'UTC', '--format', 'json'], env).stdout)['day']).toBe('2021-06-30')
  })
  it('reports a bad instant or zone with exit code 2, in Chinese on request', () => {
    const r = run(['period', '2021-07-01T08:00:00', '--lang', 'zh'], env)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('$.instant：应为带时区偏移或 Z 的时刻')
    expect(run(['period', 'now', '--zone', 'Mars/Base'], env).code).toBe(2)
  })
})

describe('moral-bank check: every kind of file', () => {
  const check = (...args: ReadonlyArray<string>) => run(['check', ...args], env)
  const summary = (stdout: string) => json<{ files: ReadonlyArray<{ file: string; kind: string | null; ok: boolean; problems: number; summary: string; shown: ReadonlyArray<{ message: string; line: number; column: number; code: string }> }> }>(stdout).files

  it('a good programme: one row, nothing on stderr, exit 0', () => {
    const r = check('programme.json')
    expect(r).toMatchObject({ stderr: '', code: 0 })
    expect(rows(r.stdout)).toEqual([
      ['FILE', 'KIND', 'PROBLEMS', 'SUMMARY'],
      ['programme.json', 'programme', '0', 'version 1; zone Asia/Shanghai; 2 accounts; 3 rules; bank: 1 item, 0 claim processes; no awards']
    ])
  })

  it('a broken programme: every problem at file:line:column of the value it names, exit 1', () => {
    const r = check('programme-bad.json')
    expect(r.code).toBe(1)
    const text = fixture('programme-bad.json').split('\n')
    const col = (line: number, needle: string): number => (text[line - 1] as string).indexOf(needle) + 1
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      `programme-bad.json:6:${col(6, '0 }')}: $.rules.rules[0].caps[0].max: expected a positive integer, got 0`,
      `programme-bad.json:9:${col(9, '"moral"')}: $.bank.items[0].account: expected one of the accounts study, got "moral"`
    ])
    expect(rows(r.stdout)[1]).toEqual(['programme-bad.json', 'programme', '2', '2 problems'])
  })

  it('a JSON syntax error at its line and column, in Chinese on request', () => {
    expect(check('programme-broken.json')).toMatchObject({ code: 1, stderr: 'programme-broken.json:3:13: expected valid JSON: here a key in double quotes, got ","\n' })
    expect(check('programme-broken.json', '--lang', 'zh').stderr).toBe('programme-broken.json:3:13：应为合法的 JSON：此处应为双引号括起的键，实际为 ","\n')
  })

  it('tells each kind from its extension and content', () => {
    const files = ['programme.json', 'org.json', 'events.jsonl', 'ops.jsonl', 'questions.json', 'questions.gift', 'questions.txt', 'blueprint.json', 'bank-config.json', 'host.json']
    const r = check(...files, '--format', 'json')
    expect(r.code).toBe(0)
    expect(summary(r.stdout).map((f) => [f.file, f.kind, f.ok])).toEqual([
      ['programme.json', 'programme', true],
      ['org.json', 'org', true],
      ['events.jsonl', 'events', true],
      ['ops.jsonl', 'bank-ops', true],
      ['questions.json', 'question-bank', true],
      ['questions.gift', 'gift', true],
      ['questions.txt', 'aiken', true],
      ['blueprint.json', 'blueprint', true],
      ['bank-config.json', 'bank-config', true],
      ['host.json', 'host', true]
    ])
    expect(summary(r.stdout).map((f) => f.summary)).toEqual([
      'version 1; zone Asia/Shanghai; 2 accounts; 3 rules; bank: 1 item, 0 claim processes; no awards',
      '3 units (park 1, group 2), 3 members',
      '4 events, 0 lines rejected',
      '2 operations, 0 lines rejected',
      '6 questions (single 2, judge 2, multiple 1, blank 1)',
      '3 questions (single 1, judge 2)',
      '2 questions (single 2)',
      '2 sections, 4 questions',
      'zone Asia/Shanghai; 1 account; 1 item; 1 claim process',
      '2 tables: skills (3), conduct (3)'
    ])
  })

  it('broken files of every kind: problems at their places, the worst exit code of all', () => {
    const files = ['org-bad.json', 'events-bad.jsonl', 'ops-bad.jsonl', 'questions-bad.json', 'questions-bad.gift', 'questions-bad.txt', 'host-bad.json']
    const r = check(...files, '--format', 'json')
    expect(r.code).toBe(1)
    expect(r.stderr).toBe('')
    const got = summary(r.stdout)
    expect(got.map((f) => [f.file, f.ok, f.problems])).toEqual(files.map((f) => [f, false, expect.any(Number)]))
    expect(got.flatMap((f) => f.shown.map((p) => p.message))).toEqual([
      expect.stringMatching(/^org-bad\.json:4:\d+: \$\.units\[1\]\.parent: expected the id of a unit in units, got "nowhere"$/),
      expect.stringMatching(/^org-bad\.json:7:\d+: \$\.members\[0\]\.unit: expected the id of a unit in units, got "g9"$/),
      expect.stringMatching(/^events-bad\.jsonl:2:47: \$\.at: expected an instant with an offset/),
      expect.stringMatching(/^events-bad\.jsonl:3:12: expected valid JSON/),
      expect.stringMatching(/^ops-bad\.jsonl:2:\d+: \$\.points: expected a whole number, got "five"$/),
      expect.stringMatching(/^ops-bad\.jsonl:3:9: \$\._tag: expected an operation with _tag earn/),
      expect.stringMatching(/^questions-bad\.json:\d+:\d+: \$\.questions\[1\]\.id: expected an id not already used by question 0, got "q1"$/),
      expect.stringMatching(/^questions-bad\.json:\d+:\d+: \$\.questions\[2\]\.stem: /),
      expect.stringMatching(/^questions-bad\.json:\d+:\d+: \$\.questions\[2\]\.options: /),
      expect.stringMatching(/^questions-bad\.json:\d+:\d+: \$\.questions\[2\]\.answer: /),
      expect.stringMatching(/^questions-bad\.gift:7:30: expected "}" closing the answer block/),
      'questions-bad.txt:4:1: expected one option letter, A to B, got "ANSWER: D"',
      'questions-bad.txt:8:1: expected option B, got "C) 1978"',
      expect.stringMatching(/^host-bad\.json:2:\d+: \$\.skills\["m-2"\]: expected a finite number, got "high"$/)
    ])
    // in the table format the same problems go to stderr, as lines
    const t = check(...files)
    expect(t.stderr.trimEnd().split('\n')).toEqual(got.flatMap((f) => f.shown.map((p) => p.message)))
    expect(rows(t.stdout).map((r) => r[0])).toEqual(['FILE', ...files])
  })

  it('--org: the organisation checked too, and host tables against it', () => {
    const r = check('host-bad.json', '--org', 'org.json', '--format', 'json')
    expect(summary(r.stdout).map((f) => [f.file, f.kind, f.ok])).toEqual([['org.json', 'org', true], ['host-bad.json', 'host', false]])
    expect(summary(r.stdout)[1]?.shown.map((p) => p.message)).toEqual([
      expect.stringContaining('$.skills["m-2"]: expected a finite number'),
      expect.stringContaining('$.skills["m-9"]: expected a member or unit of the organisation, got "m-9"')
    ])
    expect(check('programme.json', '--org', 'org-bad.json').code).toBe(1)
    expect(check('programme.json', '--org', 'missing.json')).toMatchObject({ code: 2, stderr: expect.stringContaining('cannot read missing.json') })
  })

  it('--kind names the kind; a file whose kind cannot be told is a usage error', () => {
    expect(check('questions.txt', '--kind', 'gift', '--format', 'json').code).toBe(1) // Aiken read as GIFT
    const { env: e } = memEnv({ 'notes.json': '{"hello": "world"}' })
    expect(run(['check', 'notes.json'], e)).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('notes.json: cannot tell what kind of file this is; name it with --kind programme|org|events') })
    expect(run(['check', 'notes.json', '--kind', 'host'], e)).toMatchObject({ code: 1, stderr: 'notes.json:1:11: $.hello: expected an object of ids to numbers, got "world"\n' })
  })

  it('a missing file is exit 2 and the others are still checked; no file is a usage error', () => {
    const r = check('nope.json', 'org.json')
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^cannot read nope\.json: /)
    expect(rows(r.stdout).map((x) => x[0])).toEqual(['FILE', 'org.json'])
    expect(check()).toMatchObject({ code: 2, stderr: 'a file is needed\n(see moral-bank check --help)\n' })
  })

  it('as CSV and Markdown, with labels and summaries in Chinese', () => {
    expect(check('org.json', '--format', 'csv', '--lang', 'zh').stdout).toBe('文件,类型,问题,摘要\r\norg.json,org,0,"3 个单位 (park 1, group 2)，3 个成员"\r\n')
    expect(check('org.json', '--format', 'md').stdout).toBe('| FILE | KIND | PROBLEMS | SUMMARY |\n| --- | --- | ---: | --- |\n| org.json | org | 0 | 3 units (park 1, group 2), 3 members |\n')
  })
})

describe('moral-bank check on JSON Lines', () => {
  it('counts lines, and each rejected line with its line and column, in Chinese on request', () => {
    const r = run(['check-events', 'events-bad.jsonl'], env)
    expect(r.code).toBe(1)
    expect(rows(r.stdout)[1]).toEqual(['events-bad.jsonl', 'events', '2', '2 events, 2 lines rejected'])
    const errs = r.stderr.trim().split('\n')
    expect(errs[0]).toMatch(/^events-bad\.jsonl:2:\d+: \$\.at: expected an instant with an offset/)
    expect(errs[0]?.split(':')[2]).toBe(String((fixture('events-bad.jsonl').split('\n')[1] as string).indexOf('"2021') + 1))
    expect(errs[1]).toMatch(/^events-bad\.jsonl:3:\d+: /)
    const zh = run(['check-events', 'events-bad.jsonl', '--lang', 'zh'], env)
    expect(zh.stderr).toContain('应为')
    expect(rows(zh.stdout)[1]?.[3]).toBe('2 个事件，2 行被拒')
  })
  it('--strict stops at the first rejected line', () => {
    const r = run(['check', 'events-bad.jsonl', '--strict'], env)
    expect(r.code).toBe(1)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(rows(r.stdout)[1]?.[3]).toBe('1 event, 1 line rejected; stopped at line 2 (--strict)')
  })
  it('a progress line on stderr only when it is a terminal, cleared before problems and at the end', () => {
    const lines = Array.from({ length: 70_000 }, (_, i) => `{"id":"e${i}","type":"login","member":"m-1","at":${i}}`)
    lines[66_000] = '{"oops'
    const files = { 'big.jsonl': `${lines.join('\n')}\n` }
    const quiet = run(['check', 'big.jsonl'], memEnv(files).env)
    expect(quiet.stderr).toMatch(/^big\.jsonl:66001:7: expected valid JSON: [^\n]*\n$/)
    const tty = run(['check', 'big.jsonl'], memEnv(files, { stderrIsTTY: true }).env)
    expect(tty.stderr).toBe(`\r\x1b[2Kbig.jsonl: 65,536 lines…\r\x1b[2K${quiet.stderr}`)
    expect(tty.stdout).toBe(quiet.stdout)
  })
})
