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
