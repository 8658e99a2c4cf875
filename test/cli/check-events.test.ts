// The moral-bank command, built and spawned as a user runs it, on events files: good, broken, with a BOM
// and CRLF endings, pretty-printed JSON, more rejected lines than it prints, and multi-byte characters
// cut by the read chunks. The in-process `run` is held to the same output.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { run } from '../../src/cli/run.js'
import { bundleCli, type CliBundle } from './cli-bundle.js'

let cli: CliBundle | undefined
let dir = ''

beforeAll(async () => {
  cli = await bundleCli(resolve(__dirname, '../..'))
  dir = mkdtempSync(join(tmpdir(), 'moral-bank-events-'))
}, 60_000)
afterAll(() => {
  cli?.remove()
  if (dir !== '') rmSync(dir, { recursive: true, force: true })
})

const ev = (id: string, at: string | number = '2021-07-01T08:00:00+08:00'): string => JSON.stringify({ id, type: 'login', member: 'm-1', at })
const file = (name: string, content: string | Buffer): string => {
  writeFileSync(join(dir, name), content)
  return name
}
const cmd = (...args: ReadonlyArray<string>): { stdout: string; stderr: string; code: number | null } => {
  const r = spawnSync(process.execPath, [(cli as CliBundle).main, ...args], { cwd: dir, encoding: 'utf8' })
  return { stdout: r.stdout, stderr: r.stderr, code: r.status }
}
const inProcess = (...args: ReadonlyArray<string>) => run(args, { version: '0', now: 0, parseArgs, readText: (p) => readFileSync(join(dir, p), 'utf8') })
// The table `check` prints: a header, then one row per file.
const table = (file: string, problems: number, summary: string): string => {
  const w = Math.max(4, file.length)
  return `${'FILE'.padEnd(w)}  KIND    PROBLEMS  SUMMARY\n${file.padEnd(w)}  events  ${String(problems).padStart(8)}  ${summary}\n`
}

describe('issue #14: moral-bank check-events streams the file', () => {
  it('a good file: the summary, nothing on stderr, exit 0', () => {
    const f = file('good.jsonl', `${ev('e1')}\n\n${ev('e2', 0)}\n${ev('e3')}\n`)
    expect(cmd('check-events', f)).toEqual({ stdout: table('good.jsonl', 0, '3 events, 0 lines rejected'), stderr: '', code: 0 })
  })

  it('a broken file: each rejected line at file:line:column with its reason, exit 1', () => {
    const f = file('broken.jsonl', [ev('e1'), ev('e2', '2021-07-01T08:00:00'), '{"id":"e3",', ev('e4')].join('\n'))
    const r = cmd('check-events', f)
    expect(r.code).toBe(1)
    expect(r.stdout).toBe(table('broken.jsonl', 2, '2 events, 2 lines rejected'))
    const col = ev('e2', '2021-07-01T08:00:00').indexOf('"2021') + 1
    expect(r.stderr.split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^broken\\.jsonl:2:${col}: \\$\\.at: expected .*, got "2021-07-01T08:00:00"$`)),
      expect.stringMatching(/^broken\.jsonl:3:12: expected valid JSON: .*, got /),
      ''
    ])
    expect(inProcess('check-events', f)).toEqual(r)
  })

  it('a file with a UTF-8 BOM and CRLF endings reads as written', () => {
    const f = file('windows.jsonl', `\uFEFF${ev('e1')}\r\n${ev('e2')}\r\n\r\n${ev('e3', 'noon')}\r\n`)
    const r = cmd('check-events', f)
    expect(r.stdout).toBe(table('windows.jsonl', 1, '2 events, 1 line rejected'))
    expect(r.stderr).toMatch(new RegExp(`^windows\\.jsonl:4:${ev('e3', 'noon').indexOf('"noon') + 1}: \\$\\.at: `))
    expect(r.code).toBe(1)
    expect(cmd('check-events', file('bom.jsonl', `\uFEFF${ev('e1')}\r\n`))).toEqual({ stdout: table('bom.jsonl', 0, '1 event, 0 lines rejected'), stderr: '', code: 0 })
  })

  it('a pretty-printed JSON array or object is named as not JSON Lines, not a wall of syntax errors', () => {
    const events = [0, 1, 2].map((i) => JSON.parse(ev(`e${i}`)) as unknown)
    for (const [name, value, jq] of [
      ['array.json', events, "jq -c '.[]' array.json"],
      ['object.json', events[0], 'jq -c . object.json']
    ] as const) {
      const r = cmd('check-events', file(name, JSON.stringify(value, null, 2)))
      expect(r.code).toBe(1)
      expect(r.stdout).toBe(table(name, 1, 'not JSON Lines, nothing checked'))
      expect(r.stderr).toBe(
        `${name}:1:1: expected JSON Lines: one event object per line, got a JSON value spread over many lines (pretty-printed JSON)\n(write one object per line, for example ${jq} > new.jsonl)\n`
      )
      expect(inProcess('check-events', name)).toEqual(r)
    }
    expect(cmd('check-events', 'array.json', '--lang', 'zh').stderr).toContain('array.json:1:1：应为JSON Lines：每行一个事件对象，实际为 跨越多行的 JSON 值')
    // a first line that is cut short, followed by good lines, is an ordinary rejected line
    const r = cmd('check-events', file('cut.jsonl', `{"id":"e0",\n${ev('e1')}\n`))
    expect(r.stdout).toBe(table('cut.jsonl', 1, '1 event, 1 line rejected'))
    expect(r.stderr).toMatch(/^cut\.jsonl:1:12: expected valid JSON/)
  })

  it('prints at most 100 problems (or --max-problems) and counts the rest', () => {
    const lines = Array.from({ length: 250 }, (_, i) => (i % 5 === 0 ? ev(`ok-${i}`) : `{"bad":${i}`))
    const f = file('many.jsonl', `${lines.join('\n')}\n`)
    const r = cmd('check-events', f)
    expect(r.code).toBe(1)
    expect(r.stdout).toBe(table('many.jsonl', 200, '50 events, 200 lines rejected'))
    const err = r.stderr.trimEnd().split('\n')
    expect(err).toHaveLength(101)
    expect(err[0]).toMatch(/^many\.jsonl:2:\d+: /)
    expect(err[100]).toBe('many.jsonl: … and 100 more rejected lines; --max-problems N shows more')
    const five = cmd('check-events', f, '--max-problems', '5').stderr.trimEnd().split('\n')
    expect(five.slice(5)).toEqual(['many.jsonl: … and 195 more rejected lines; --max-problems N shows more'])
    expect(cmd('check-events', '--max-problems', '1000', f).stderr.trimEnd().split('\n')).toHaveLength(200)
    expect(cmd('check-events', f, '--max-problems', 'lots')).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('--max-problems needs a whole number') })
  })

  it('keeps multi-byte characters whole where the read chunks cut them (every 64 KiB up to 1 MiB)', () => {
    // Each bad line's "学" starts one byte before a multiple of 64 KiB, so whatever the chunk size
    // (a multiple of 64 KiB up to 1 MiB), the character is split between two chunks.
    const parts: Array<string> = []
    let bytes = 0
    for (let k = 1; k <= 16; k++) {
      const head = `{"id":"b${k}","type":"login","member":"m-1","at":"2021-07-01T08:00:00`
      const filler = (n: number): string => `{"id":"f${k}","type":"login","member":"m-1","at":0,"attrs":{"n":"${'x'.repeat(n)}"}}\n`
      const gap = k * 65536 - 1 - bytes - head.length
      const f = filler(gap - filler(0).length)
      const bad = `${head}学"}\n`
      parts.push(f, bad)
      bytes += Buffer.byteLength(f) + Buffer.byteLength(bad)
      expect(Buffer.byteLength(parts.join('')) - Buffer.byteLength(bad) + head.length).toBe(k * 65536 - 1)
    }
    const r = cmd('check-events', file('wide.jsonl', parts.join('')))
    expect(r.stdout).toBe(table('wide.jsonl', 16, '16 events, 16 lines rejected'))
    const err = r.stderr.trimEnd().split('\n')
    expect(err).toHaveLength(16)
    const col = '{"id":"bK","type":"login","member":"m-1","at":'.length + 1
    for (const [i, line] of err.entries()) {
      expect(line.startsWith(`wide.jsonl:${2 * i + 2}:${col + (i + 1 >= 10 ? 1 : 0)}: $.at: expected `)).toBe(true)
      expect(line.endsWith(', got "2021-07-01T08:00:00学"')).toBe(true)
    }
  })

  it('a file that cannot be read is exit 2; no file is a usage error', () => {
    expect(cmd('check-events', 'missing.jsonl')).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^cannot read missing\.jsonl: /) })
    expect(cmd('check-events')).toMatchObject({ code: 2, stderr: expect.stringContaining('a file is needed') })
  })
})
