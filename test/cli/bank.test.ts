// `moral-bank bank import|export` in process: GIFT, Aiken and JSON banks converted, problems at their places.
import { describe, expect, it } from 'vitest'
import { decodeQuestionBankJson } from '../../src/quiz/internal.js'
import { importAiken, importGift } from '../../src/formats/internal.js'
import { run } from '../../src/cli/run.js'
import { fixture, memEnv } from './env.js'

const rows = (s: string): ReadonlyArray<ReadonlyArray<string>> => s.trimEnd().split('\n').map((l) => l.split(/ {2,}/))

describe('moral-bank bank import', () => {
  it('a GIFT bank into the library\'s JSON, to standard output with the summary on stderr', () => {
    const { env } = memEnv()
    const r = run(['bank', 'import', 'questions.gift'], env)
    expect(r.code).toBe(0)
    const bank = decodeQuestionBankJson(r.stdout)
    expect(bank.problems).toEqual([])
    expect(bank.questions.map((q) => [q.title, q.type, q.tags])).toEqual([['q1', 'single', ['党史']], ['q2', 'judge', ['党史']], ['q6', 'judge', ['党史']]])
    expect(rows(r.stderr)).toEqual([['FILE', 'FROM', 'TO', 'READ', 'WRITTEN', 'PROBLEMS', 'OUT'], ['questions.gift', 'gift', 'json', '3', '3', '0', '-']])
  })

  it('an Aiken file (told from .txt by content) into a file, every question tagged', () => {
    const { env, written } = memEnv()
    const r = run(['bank', 'import', 'questions.txt', '--tags', '党史, 测验', '--out', 'out/bank.json'], env)
    expect(r).toMatchObject({ code: 0, stderr: '' })
    expect(rows(r.stdout)[1]).toEqual(['questions.txt', 'aiken', 'json', '2', '2', '0', 'out/bank.json'])
    const bank = decodeQuestionBankJson(written.get('out/bank.json') as string)
    expect(bank.questions.map((q) => q.tags)).toEqual([['党史', '测验'], ['党史', '测验']])
  })

  it('problems of the input at file:line:column; the good questions are still converted, exit 1', () => {
    const { env, written } = memEnv()
    const r = run(['bank', 'import', 'questions-bad.gift', '--out', 'b.json'], env)
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^questions-bad\.gift:7:30: expected "}" closing the answer block/)
    expect(decodeQuestionBankJson(written.get('b.json') as string).questions).toHaveLength(2)
    const strict = memEnv()
    const s = run(['bank', 'import', 'questions-bad.gift', '--out', 'b.json', '--strict'], strict.env)
    expect(s.code).toBe(1)
    expect(strict.written.size).toBe(0)
    expect(rows(s.stdout)[1]?.at(-1)).toBe('(nothing written: --strict)')
  })

  it('--from names the format; --to gift or aiken converts between the text formats', () => {
    const { env } = memEnv({ 'q.dat': fixture('questions.txt'), 'notes.md': '# notes\n' })
    const r = run(['bank', 'import', 'q.dat', '--from', 'aiken', '--to', 'gift'], env)
    expect(r.code).toBe(0)
    expect(importGift(r.stdout).questions.map((q) => q.type)).toEqual(['single', 'single'])
    expect(run(['bank', 'import', 'q.dat'], env).code).toBe(0) // Aiken, told by its content
    expect(run(['bank', 'import', 'notes.md'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('notes.md: cannot tell the bank\'s format; name it with --from json|gift|aiken') })
  })
})

describe('moral-bank bank export', () => {
  it('a JSON bank as GIFT: what GIFT cannot carry is reported at its line in the JSON, exit 0', () => {
    const { env, written } = memEnv()
    const r = run(['bank', 'export', 'questions.json', '--to', 'gift', '--out', 'q.gift'], env)
    expect(r.code).toBe(0)
    const text = fixture('questions.json').split('\n')
    const line = (needle: string): number => text.findIndex((l) => l.includes(needle)) + 1
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^questions\\.json:${line('"explanation"')}:\\d+: \\$\\.questions\\[0\\]\\.explanation: expected no explanation`)),
      expect.stringMatching(new RegExp(`^questions\\.json:${line('"scoring"')}:\\d+: \\$\\.questions\\[2\\]\\.scoring: `))
    ])
    expect(rows(r.stdout)[1]).toEqual(['questions.json', 'json', 'gift', '6', '6', '2', 'q.gift'])
    expect(importGift(written.get('q.gift') as string).questions).toHaveLength(6)
  })

  it('as Aiken: the questions Aiken cannot hold are left out, exit 1; the report as JSON', () => {
    const { env } = memEnv()
    const r = run(['bank', 'export', 'questions.json', '--to', 'aiken', '--format', 'json'], env)
    expect(r.code).toBe(1)
    expect(importAiken(r.stdout).questions.map((q) => q.stem)).toEqual(['中共一大在哪一年召开？', '改革开放始于哪一年？'])
    const report = JSON.parse(r.stderr) as { read: number; written: number; problems: ReadonlyArray<{ path: string; line: number; code: string }> }
    expect([report.read, report.written]).toEqual([6, 2])
    expect(report.problems.map((p) => p.path)).toEqual(['$.questions[0]', '$.questions[1].type', '$.questions[2].type', '$.questions[3].type', '$.questions[4].type', '$.questions[5]'])
  })

  it('a rejected question shifts no path: export problems are at the question\'s own index in the file', () => {
    const { env } = memEnv()
    const r = run(['bank', 'export', 'questions-bad.json', '--to', 'aiken'], env)
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('$.questions[0]: expected only what Aiken carries')
    expect(r.stderr).toContain('$.questions[1].id: expected an id not already used by question 0')
  })

  it('a GIFT bank to Aiken: what is lost is named by question id', () => {
    const { env } = memEnv()
    const r = run(['bank', 'export', 'questions.gift', '--to', 'aiken', '--lang', 'zh'], env)
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^questions\.gift：题目 gift-[0-9a-z]+: \$\[0\]：应为仅保留 Aiken 能表达的内容；丢失：title、tags/)
  })

  it('--to is needed', () => {
    const { env } = memEnv()
    expect(run(['bank', 'export', 'questions.json'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('--to json|gift|aiken is needed') })
    expect(run(['bank', 'export'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('a bank file is needed') })
  })
})
