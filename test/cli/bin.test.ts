// The moral-bank command built and spawned as a user runs it, on the example files of test/cli/fixtures
// and on broken ones: standard output, standard error and exit codes.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importAiken } from '../../src/formats/internal.js'
import { decodeQuestionBankJson } from '../../src/quiz/internal.js'
import { honorRollMarkdown } from '../../src/awards/internal.js'
import { publishedRun } from '../../src/programme/internal.js'
import { simulatePark } from '../../examples/park-sim.js'
import { writeParkFiles } from '../../examples/park-files.js'
import { bundleCli, type CliBundle } from './cli-bundle.js'
import { FIXTURES } from './env.js'

let cli: CliBundle | undefined
let out = ''

beforeAll(async () => {
  cli = await bundleCli(resolve(__dirname, '../..'))
  out = mkdtempSync(join(tmpdir(), 'moral-bank-bin-'))
}, 60_000)
afterAll(() => {
  cli?.remove()
  if (out !== '') rmSync(out, { recursive: true, force: true })
})

const mb = (...args: ReadonlyArray<string>): { stdout: string; stderr: string; code: number | null } => {
  const r = spawnSync(process.execPath, [(cli as CliBundle).main, ...args], { cwd: FIXTURES, encoding: 'utf8' })
  return { stdout: r.stdout, stderr: r.stderr, code: r.status }
}
const rows = (s: string): ReadonlyArray<ReadonlyArray<string>> => s.trimEnd().split('\n').map((l) => l.split(/ {2,}/))

describe('moral-bank, built and spawned', () => {
  it('--version, --help and each command\'s help; no command is exit 2', () => {
    expect(mb('--version')).toEqual({ stdout: `${(JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8')) as { version: string }).version}\n`, stderr: '', code: 0 })
    const help = mb('--help')
    expect(help.code).toBe(0)
    for (const c of ['check', 'check-events', 'bank import', 'bank export', 'quiz assemble', 'period']) expect(help.stdout).toContain(`  ${c}  `)
    expect(mb('help', 'quiz', 'assemble', '--lang', 'zh').stdout).toMatch(/^用法：moral-bank quiz assemble BANK BLUEPRINT --seed S/)
    expect(mb()).toMatchObject({ code: 2, stdout: '' })
  })

  it('check: good files of every kind, exit 0', () => {
    const files = ['programme.json', 'org.json', 'events.jsonl', 'ops.jsonl', 'questions.json', 'questions.gift', 'questions.txt', 'blueprint.json', 'bank-config.json', 'host.json']
    const r = mb('check', ...files)
    expect(r).toMatchObject({ code: 0, stderr: '' })
    expect(rows(r.stdout).map((x) => x.slice(0, 3))).toEqual([
      ['FILE', 'KIND', 'PROBLEMS'],
      ['programme.json', 'programme', '0'],
      ['org.json', 'org', '0'],
      ['events.jsonl', 'events', '0'],
      ['ops.jsonl', 'bank-ops', '0'],
      ['questions.json', 'question-bank', '0'],
      ['questions.gift', 'gift', '0'],
      ['questions.txt', 'aiken', '0'],
      ['blueprint.json', 'blueprint', '0'],
      ['bank-config.json', 'bank-config', '0'],
      ['host.json', 'host', '0']
    ])
  })

  it('check: broken files, each problem at file:line:column on stderr, exit 1; a missing file exit 2', () => {
    const r = mb('check', 'programme-bad.json', 'programme-broken.json', 'events-bad.jsonl', 'org-bad.json')
    expect(r.code).toBe(1)
    expect(r.stderr.trimEnd().split('\n').map((l) => l.split(': ')[0])).toEqual([
      'programme-bad.json:6:137',
      'programme-bad.json:9:83',
      'programme-broken.json:3:13',
      'events-bad.jsonl:2:47',
      'events-bad.jsonl:3:12',
      'org-bad.json:4:61',
      'org-bad.json:7:43'
    ])
    expect(rows(r.stdout).map((x) => x[2])).toEqual(['PROBLEMS', '2', '1', '2', '2'])
    expect(mb('check', 'missing.json', 'org.json')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^cannot read missing\.json: ENOENT/) })
    expect(mb('check-events', 'events-bad.jsonl', '--strict', '--format', 'json')).toMatchObject({ code: 1, stderr: '' })
  })

  it('check --format json: one object per file, problems inside, nothing on stderr', () => {
    const r = mb('check', 'host-bad.json', '--org', 'org.json', '--format', 'json', '--lang', 'zh')
    expect(r.code).toBe(1)
    expect(r.stderr).toBe('')
    const files = (JSON.parse(r.stdout) as { files: ReadonlyArray<{ file: string; shown: ReadonlyArray<{ line: number; message: string }> }> }).files
    expect(files.map((f) => f.file)).toEqual(['org.json', 'host-bad.json'])
    expect(files[1]?.shown.map((p) => p.message)).toEqual([expect.stringMatching(/^host-bad\.json:2:\d+: \$\.skills\["m-2"\]：应为有限数值/), expect.stringMatching(/^host-bad\.json:2:\d+: \$\.skills\["m-9"\]：应为组织中的成员或单位/)])
  })

  it('bank import and export between GIFT, Aiken and JSON', () => {
    const json = join(out, 'bank.json')
    expect(mb('bank', 'import', 'questions.gift', '--out', json)).toMatchObject({ code: 0, stderr: '' })
    expect(decodeQuestionBankJson(readFileSync(json, 'utf8')).questions).toHaveLength(3)
    const aiken = mb('bank', 'export', 'questions.json', '--to', 'aiken')
    expect(aiken.code).toBe(1)
    expect(importAiken(aiken.stdout).questions).toHaveLength(2)
    expect(aiken.stderr).toContain('questions.json:35:15: $.questions[1].type: expected a single-choice question (Aiken has no other type); the question was left out, got "judge"')
    expect(mb('bank', 'import', 'questions-bad.txt')).toMatchObject({ code: 1, stderr: expect.stringContaining('questions-bad.txt:4:1: expected one option letter, A to B, got "ANSWER: D"') })
  })

  it('quiz assemble writes the paper and the key apart, the same for the same seed and secret', () => {
    const go = (seed: string) => mb('quiz', 'assemble', 'questions.json', 'blueprint.json', '--seed', seed, '--secret-file', 'secret.txt', '--out', join(out, 'p.json'), '--key', join(out, 'k.json'))
    const a = go('s-1')
    expect(a).toMatchObject({ code: 0, stderr: '' })
    const paper = readFileSync(join(out, 'p.json'), 'utf8')
    const key = readFileSync(join(out, 'k.json'), 'utf8')
    expect(paper).not.toContain('"answer"')
    expect(key).toContain('"answer"')
    go('s-1')
    expect(readFileSync(join(out, 'p.json'), 'utf8')).toBe(paper)
    expect(mb('quiz', 'assemble', 'questions.json', 'blueprint-big.json', '--seed', 's', '--out', join(out, 'x.json'), '--key', join(out, 'y.json'))).toMatchObject({ code: 1, stdout: '', stderr: expect.stringContaining('blueprint-big.json:1:55: $.sections[0].count: expected 5 questions') })
  })

  it('a file that cannot be written is exit 2', () => {
    expect(mb('bank', 'import', 'questions.gift', '--out', join(FIXTURES, 'events.jsonl', 'x.json'))).toMatchObject({ code: 2, stderr: expect.stringMatching(/^cannot write .*x\.json: /) })
  })

  it('run, points, board and roll on the v2 fixtures', () => {
    const inputs = ['programme-v2.json', '--org', 'org.json', '--events', 'events-july.jsonl', '--host', 'host.json', '--ops', 'ops-july.jsonl', '--period', '2021-07']
    expect(mb('run', ...inputs)).toMatchObject({ code: 0, stderr: '', stdout: expect.stringMatching(/^PART +ID +LABEL +SUMMARY\nperiod +2021-07 +as of 2021-07-31T23:59:59\.999\+08:00\n/) })
    expect(mb('points', ...inputs, '--format', 'csv').stdout).toBe('ID,NAME,UNIT,Study points,Moral points,Moral points left\r\nm-1,王芳,一组,5,0,0\r\nm-2,李强,一组,3,0,0\r\nm-3,张伟,二组,3,5,5\r\n')
    expect(mb('board', 'study', ...inputs).stdout.split('\n')[1]).toMatch(/^ +1 +m-1 +王芳 +5 +↑2 +red$/)
    expect(mb('roll', ...inputs, '--format', 'md', '--lang', 'zh')).toMatchObject({ code: 0, stdout: expect.stringMatching(/^# 沿滩园区 2021 年 7 月光荣榜\n/) })
    expect(mb('board', 'nope', ...inputs)).toMatchObject({ code: 2, stdout: '' })
  })
})

describe('the demo\'s park month from its files (issue 16: the demo is the product)', () => {
  const park = simulatePark('yantan-2021')
  let dir = ''
  beforeAll(() => {
    // The files as examples/demo.ts writes them.
    dir = join(out, 'park')
    writeParkFiles(park, dir)
  })
  const inputs = (): ReadonlyArray<string> => {
    const f = (n: string): string => join(dir, n)
    return [f('programme.json'), '--org', f('org.json'), '--events', f('events.jsonl'), '--host', f('host.json'), '--ops', f('ops.jsonl'), '--period', '2021-07']
  }

  it('roll --format md --lang zh posts the same honor roll as the demo, byte for byte', () => {
    const r = mb('roll', ...inputs(), '--format', 'md', '--lang', 'zh')
    expect(r).toMatchObject({ code: 0, stderr: '' })
    expect(r.stdout).toBe(honorRollMarkdown(park.roll, 'zh'))
  })

  it('run --out publishes the same run as the library\'s, and check finds nothing wrong with the files', () => {
    const pub = join(out, 'published')
    expect(mb('run', ...inputs(), '--out', pub).code).toBe(0)
    expect(readFileSync(join(pub, 'roll.md'), 'utf8')).toBe(honorRollMarkdown(park.roll, 'en'))
    expect(JSON.parse(readFileSync(join(pub, 'run.json'), 'utf8'))).toEqual(publishedRun(park.run))
    const files = ['programme.json', 'org.json', 'events.jsonl', 'host.json', 'ops.jsonl'].map((n) => join(dir, n))
    expect(mb('check', ...files, '--org', join(dir, 'org.json'))).toMatchObject({ code: 0, stderr: '' })
  })
})
