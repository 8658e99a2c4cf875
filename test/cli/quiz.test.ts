// `moral-bank quiz assemble` in process: the public paper and its key written apart, no key material in the paper.
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { decodePaper, decodeQuestionBankJson, publicPaper } from '../../src/quiz/internal.js'
import { run } from '../../src/cli/run.js'
import { fixture, memEnv } from './env.js'

const assemble = (...more: ReadonlyArray<string>) => {
  const m = memEnv()
  const r = run(['quiz', 'assemble', 'questions.json', 'blueprint.json', '--seed', 'm-001-week-26', '--out', 'paper.json', '--key', 'key.json', ...more], m.env)
  return { ...r, paper: m.written.get('paper.json'), key: m.written.get('key.json') }
}

describe('moral-bank quiz assemble', () => {
  it('writes the public paper and, apart, its key; the key reads back as the paper', () => {
    const r = assemble('--secret-file', 'secret.txt')
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    const key = decodePaper(JSON.parse(r.key as string))
    expect(E.isRight(key)).toBe(true)
    if (E.isLeft(key)) return
    expect(JSON.parse(r.paper as string)).toEqual(JSON.parse(JSON.stringify(publicPaper(key.right))))
    expect(key.right.questions).toHaveLength(4)
    const [head, row] = r.stdout.trimEnd().split('\n').map((l) => l.split(/ {2,}/))
    expect(head).toEqual(['PAPER', 'BLUEPRINT', 'QUESTIONS', 'POINTS', 'OUT', 'KEY'])
    expect(row).toEqual([key.right.id, 'weekly', '4', '8', 'paper.json', 'key.json'])
  })

  it('the paper holds no key material: no answers, seed, secret, seal key, bank ids or explanations', () => {
    const r = assemble('--secret-file', 'secret.txt')
    const paper = r.paper as string
    const bank = decodeQuestionBankJson(fixture('questions.json')).questions
    const key = JSON.parse(r.key as string) as { seed: string; sealKey: string }
    for (const secret of [key.seed, key.sealKey, fixture('secret.txt').trim(), '"answer"', '"accept"', '"explanation"', '1921 年 7 月', '"fraction"']) expect(paper).not.toContain(secret)
    for (const q of bank) expect(paper).not.toContain(`"${q.id}"`)
    for (const opt of ['"a"', '"b"', '"c"']) expect(paper).not.toContain(`"id": ${opt}`)
  })

  it('is deterministic for a seed and a secret; without --secret-file a random secret, said on stderr', () => {
    expect(assemble('--secret-file', 'secret.txt').paper).toBe(assemble('--secret-file', 'secret.txt').paper)
    expect(assemble('--secret-file', 'secret.txt', '--seed', 'other').key).not.toBe(assemble('--secret-file', 'secret.txt').key)
    const r = assemble()
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('(no --secret-file: a random secret was used; the same --seed gives another paper next time)\n')
  })

  it('a bank that cannot fill the blueprint writes nothing: the shortfall at the blueprint\'s line, exit 1', () => {
    const m = memEnv()
    const r = run(['quiz', 'assemble', 'questions.gift', 'blueprint.json', '--seed', 's', '--out', 'p.json', '--key', 'k.json'], m.env)
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^blueprint\.json:5:\d+: \$\.sections\[0\]\.count: expected 2 questions matching section choice \(after exclusions and earlier sections\), got "1 available"\n/)
    expect(m.written.size).toBe(0)
  })

  it('a bank with problems writes nothing; usage errors are exit 2', () => {
    const m = memEnv()
    expect(run(['quiz', 'assemble', 'questions-bad.json', 'blueprint.json', '--seed', 's', '--out', 'p.json', '--key', 'k.json', '--format', 'json'], m.env).code).toBe(1)
    expect(m.written.size).toBe(0)
    const { env } = memEnv({ 'short.txt': 'abc\n' })
    const q = (...a: ReadonlyArray<string>) => run(['quiz', 'assemble', 'questions.json', 'blueprint.json', ...a], env)
    expect(q('--out', 'p.json', '--key', 'k.json')).toMatchObject({ code: 2, stderr: expect.stringContaining('--seed is needed') })
    expect(q('--seed', 's', '--key', 'k.json')).toMatchObject({ code: 2, stderr: expect.stringContaining('--out is needed') })
    expect(q('--seed', 's', '--out', 'p.json', '--key', 'p.json')).toMatchObject({ code: 2, stderr: expect.stringContaining('--out and --key must be two files') })
    expect(q('--seed', 's', '--out', 'p.json', '--key', 'k.json', '--secret-file', 'short.txt')).toMatchObject({ code: 2, stderr: expect.stringContaining('a secret of at least 16 characters') })
    expect(run(['quiz', 'assemble', 'questions.json'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('a bank and a blueprint are needed') })
  })
})
