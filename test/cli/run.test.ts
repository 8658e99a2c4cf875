import { describe, expect, it } from 'vitest'
import { run } from '../../src/cli/run.js'

const env = { version: '9.9.9', now: Date.UTC(2021, 5, 30, 16, 30) }

describe('moral-bank command', () => {
  it('prints period keys of an instant in the default zone', () => {
    const r = run(['period', '2021-06-30T16:30:00Z'], env)
    expect(r.code).toBe(0)
    expect(r.stdout.split('\n').slice(0, 6)).toEqual(['day\t2021-07-01', 'week\t2021-W26', 'month\t2021-07', 'quarter\t2021-Q3', 'half\t2021-H2', 'year\t2021'])
  })
  it('uses the clock it is given for "now" and reads epoch ms', () => {
    expect(run(['period'], env).stdout).toBe(run(['period', String(env.now)], env).stdout)
    expect(run(['period', 'now', '--zone', 'UTC'], env).stdout.split('\n')[0]).toBe('day\t2021-06-30')
  })
  it('reports bad input with exit code 2, in Chinese on request', () => {
    const r = run(['period', '2021-07-01T08:00:00', '--lang', 'zh'], env)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('$.instant：应为带时区偏移或 Z 的时刻')
    expect(run(['period', 'now', '--zone', 'Mars/Base'], env).code).toBe(2)
    expect(run(['frobnicate'], env).code).toBe(2)
  })
  it('prints version and help', () => {
    expect(run(['--version'], env).stdout).toBe('9.9.9\n')
    expect(run(['--help'], env).stdout).toContain('moral-bank <command>')
    expect(run([], env).code).toBe(2)
  })
})

describe('moral-bank check and check-events', () => {
  const files: Record<string, string> = {
    'ok.json': JSON.stringify({ version: 1, rules: { accounts: [{ id: 'study' }], rules: [{ id: 'login', account: 'study', on: ['login'], amount: { per: 'action', points: 1 } }] } }, null, 2),
    'bad.json': [
      '{',
      '  "version": 1,',
      '  "rules": {',
      '    "accounts": [{ "id": "study" }],',
      '    "rules": [{ "id": "login", "account": "study", "on": ["login"], "amount": { "per": "action", "points": 1 }, "caps": [{ "per": "day", "max": 0 }] }]',
      '  },',
      '  "bank": { "items": [{ "id": "soap", "account": "moral", "price": 5, "stock": 1 }] }',
      '}'
    ].join('\n'),
    'broken.json': '{\n  "version": 1,\n  "rules": {,}\n}',
    'events.jsonl': [
      '{"id":"e1","type":"login","member":"m-1","at":"2021-07-01T08:00:00+08:00"}',
      '{"id":"e2","type":"login","member":"m-1","at":"2021-07-01T08:00:00"}',
      '{"id":"e3",',
      '{"id":"e4","type":"login","member":"m-1","at":1625097600000}'
    ].join('\n')
  }
  const fs = { ...env, readText: (p: string) => {
    const t = files[p]
    if (t === undefined) throw new Error('no such file')
    return t
  } }

  it('check: a good programme is summarised, exit 0', () => {
    const r = run(['check', 'ok.json'], fs)
    expect(r.code).toBe(0)
    expect(r.stdout).toBe('ok.json: ok (zone Asia/Shanghai; 1 account; 1 rule; no bank; no awards)\n')
  })

  it('check: every problem at file:line:column of the value it names, exit 1', () => {
    const r = run(['check', 'bad.json'], fs)
    expect(r.code).toBe(1)
    const lines = r.stderr.trim().split('\n')
    const text = files['bad.json'] as string
    const col = (line: number, needle: string): number => (text.split('\n')[line - 1] as string).indexOf(needle) + 1
    expect(lines).toEqual([
      `bad.json:5:${col(5, '0 }')}: $.rules.rules[0].caps[0].max: expected a positive integer, got 0`,
      expect.stringMatching(new RegExp(`^bad\\.json:7:${col(7, '"moral"')}: \\$\\.bank\\.items\\[0\\]\\.account: expected .*study`))
    ])
  })

  it('check: a syntax error at its line and column; a missing file is exit 2', () => {
    const r = run(['check', 'broken.json'], fs)
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^broken\.json:3:\d+: /)
    expect(run(['check', 'nope.json'], fs)).toMatchObject({ code: 2, stderr: expect.stringContaining('cannot read nope.json') })
    expect(run(['check'], fs).code).toBe(2)
  })

  it('check-events: counts events, and each rejected line with its line and column, in Chinese on request', () => {
    const r = run(['check-events', 'events.jsonl'], fs)
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('events.jsonl: 2 events, 2 lines rejected\n')
    const errs = r.stderr.trim().split('\n')
    expect(errs[0]).toMatch(/^events\.jsonl:2:\d+: \$\.at: expected an instant with an offset/)
    expect(errs[0]?.split(':')[2]).toBe(String((files['events.jsonl'] as string).split('\n')[1]!.indexOf('"2021') + 1))
    expect(errs[1]).toMatch(/^events\.jsonl:3:\d+: /)
    expect(run(['check-events', 'events.jsonl', '--lang', 'zh'], fs).stderr).toContain('应为')
  })
})
