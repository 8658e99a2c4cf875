// Issue 4: Aiken import and export.
import { describe, expect, it } from 'vitest'
import { exportAiken, importAiken } from '../../src/formats/internal.js'
import { renderProblem, type Problem } from '../../src/core/internal.js'
import type { Question } from '../../src/quiz/question.js'

const pos = (p: Problem | undefined): string => (p?.at._tag === 'TextPosition' ? `${p.at.line}:${p.at.column}` : 'none')

describe('Aiken import', () => {
  it('reads a stem, options "A." or "A)", and ANSWER', () => {
    const r = importAiken('What is the capital of France?\nA. London\nB) Paris\nC. Berlin\nANSWER: B\n')
    expect(r.problems).toEqual([])
    expect(r.questions).toEqual([
      {
        id: r.questions[0]?.id,
        type: 'single',
        stem: 'What is the capital of France?',
        tags: [],
        difficulty: 3,
        points: 1,
        options: [
          { id: 'o1', text: 'London' },
          { id: 'o2', text: 'Paris' },
          { id: 'o3', text: 'Berlin' }
        ],
        answer: 'o2'
      }
    ])
    expect(r.questions[0]?.id).toMatch(/^aiken-[0-9a-v]{11}$/)
  })

  it('reads several questions with or without blank lines between them, and multi-line stems', () => {
    const r = importAiken('Q1 line one\nline two\nA. a\nB. b\nANSWER: A\nQ2\nA. a\nB. b\nANSWER: B\n\n\nQ3\nA. a\nB. b\nANSWER: A')
    expect(r.problems).toEqual([])
    expect(r.questions.map((q) => [q.stem, q.type === 'single' && q.answer])).toEqual([
      ['Q1 line one\nline two', 'o1'],
      ['Q2', 'o2'],
      ['Q3', 'o1']
    ])
  })

  it('reads Chinese, a BOM and CRLF line ends', () => {
    const src = '中共一大在哪一年召开？\nA. 1919 年\nB. 1921 年\nANSWER: B\n'
    const a = importAiken(src)
    const b = importAiken(`\uFEFF${src.replace(/\n/g, '\r\n')}`)
    expect(b).toEqual(a)
    expect(a.questions[0]).toMatchObject({ stem: '中共一大在哪一年召开？', answer: 'o2' })
  })

  it('reports each bad question at its line and keeps reading', () => {
    const src = [
      'Q1', // 1
      'A. a',
      'C. c', // 3: out of sequence
      'ANSWER: A',
      '',
      'Q2', // 6
      'A. a',
      'B. b',
      'ANSWER: D', // 9: no option D
      '',
      'Q3', // 11
      'A. a',
      'B. b',
      '', // 14: no ANSWER line
      'Q4',
      'ANSWER: A', // 16: no options
      '',
      'Q5',
      'A. x',
      'B. y',
      'ANSWER: B'
    ].join('\n')
    const r = importAiken(src, { file: 'bank.txt' })
    expect(r.questions.map((q) => q.stem)).toEqual(['Q5'])
    expect(r.problems.map((p) => [p.code, pos(p)])).toEqual([
      ['syntax', '3:1'],
      ['reference', '9:1'],
      ['syntax', '14:1'],
      ['syntax', '16:1']
    ])
    expect(renderProblem(r.problems[1] as Problem)).toBe('bank.txt:9:1: expected one option letter, A to B, got "ANSWER: D"')
  })

  it('reports several answer letters as unsupported (Aiken is single choice)', () => {
    const r = importAiken('Q\nA. a\nB. b\nANSWER: A, B')
    expect(r.questions).toEqual([])
    expect(r.problems[0]?.code).toBe('unsupported')
  })

  it('gives distinct ids to identical questions, stable from run to run', () => {
    const src = 'Q\nA. a\nB. b\nANSWER: A\n\nQ\nA. a\nB. b\nANSWER: A'
    const ids = importAiken(src).questions.map((q) => q.id)
    expect(ids[1]).toBe(`${ids[0]}-2`)
    expect(importAiken(src).questions.map((q) => q.id)).toEqual(ids)
  })
})

describe('Aiken export', () => {
  const base = { tags: [] as Array<string>, difficulty: 3 as const, points: 1 }
  it('writes single-choice questions', () => {
    const q: Question = { ...base, id: 'q' as never, type: 'single', stem: 'Q?', options: [{ id: 'a' as never, text: 'x' }, { id: 'b' as never, text: 'y' }], answer: 'b' as never }
    expect(exportAiken([q, q]).text).toBe('Q?\nA. x\nB. y\nANSWER: B\n\nQ?\nA. x\nB. y\nANSWER: B\n')
  })

  it('reports the other types and the questions Aiken cannot write, and what it loses from the others', () => {
    const qs: ReadonlyArray<Question> = [
      { ...base, id: 'j' as never, type: 'judge', stem: 'J', answer: true },
      { ...base, id: 's' as never, type: 'single', stem: 'S', options: [{ id: 'a' as never, text: 'two\nlines' }, { id: 'b' as never, text: 'y' }], answer: 'a' as never },
      { ...base, id: 'l' as never, type: 'single', stem: 'L', title: 't', tags: ['x'], options: [{ id: 'a' as never, text: 'x', feedback: 'f' }, { id: 'b' as never, text: 'y', fraction: 0.5 }], answer: 'a' as never }
    ]
    const r = exportAiken(qs)
    expect(r.text).toBe('L\nA. x\nB. y\nANSWER: A\n')
    expect(r.problems.map((p) => (p.at._tag === 'JsonPath' ? p.at.segments.join('.') : ''))).toEqual(['0.type', '1.options.0.text', '2'])
    expect(r.problems[2]?.expected.en).toBe('only what Aiken carries; lost: title, tags, option feedback, partial credit')
  })
})
