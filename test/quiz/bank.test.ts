import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { decode, renderProblem } from '../../src/core/internal.js'
import { decodeQuestionBank, decodeQuestionBankJson, decodeQuestion, indexQuestionBank, QuestionC, type Question } from '../../src/quiz/internal.js'

const judge = { id: 'q1', type: 'judge', stem: '遵义会议在 1935 年召开。', tags: ['党史'], difficulty: 2, points: 1, answer: true }
const single = {
  id: 'q2',
  type: 'single',
  stem: '中国共产党第一次全国代表大会在哪一年召开？',
  tags: ['党史'],
  difficulty: 1,
  points: 2,
  options: [
    { id: 'a', text: '1919' },
    { id: 'b', text: '1921', feedback: '对' },
    { id: 'c', text: '1927', fraction: 0.25 }
  ],
  answer: 'b',
  explanation: '1921 年 7 月，中共一大在上海召开。',
  format: 'markdown'
}

const rendered = (u: unknown): ReadonlyArray<string> => {
  const r = decodeQuestion(u)
  return E.isLeft(r) ? r.left.map((p) => renderProblem(p)) : []
}

describe('question codec', () => {
  it('decodes every field of a valid question and encodes it back', () => {
    const r = decodeQuestion(single)
    expect(r).toEqual(E.right(single))
    if (E.isRight(r)) expect(decode(QuestionC)(QuestionC.encode(r.right))).toEqual(r)
  })
  it('accepts texts with their own format marker', () => {
    expect(E.isRight(decodeQuestion({ ...judge, stem: { text: '<b>对吗</b>', format: 'html' } }))).toBe(true)
    expect(rendered({ ...judge, stem: { text: 'x', format: 'rtf' } })).toEqual(['$.stem.format: expected one of plain, markdown, html, got "rtf"'])
    expect(rendered({ ...judge, stem: 3 })).toEqual(['$.stem: expected a text (a string or { text, format }), got 3'])
  })
  it('reports an unknown type, unknown keys and bad fields with their paths', () => {
    expect(rendered({ ...judge, type: 'poem' })).toEqual([
      '$.type: expected one of the question types single, multiple, judge, blank, ordering, matching, numerical, essay, got "poem"'
    ])
    expect(rendered({ ...judge, difficulty: 6, points: 0, answr: 1 })).toEqual(
      expect.arrayContaining([
        expect.stringContaining('$.answr: expected one of the keys'),
        '$.difficulty: expected a difficulty, an integer from 1 to 5, got 6',
        '$.points: expected a positive integer number of points, got 0'
      ])
    )
  })
  it('checks numerical answers by kind', () => {
    const q = { ...judge, type: 'numerical', answer: undefined, answers: [{ kind: 'exact', value: 1921, tolerance: -1 }, { kind: 'range', min: 5, max: 1 }, { kind: 'near' }] }
    delete (q as Record<string, unknown>)['answer']
    expect(rendered(q)).toEqual([
      '$.answers[0].tolerance: expected a finite number ≥ 0, got -1',
      '$.answers[2].kind: expected one of the kinds exact, range, got "near"'
    ])
    const ok = { ...q, answers: [{ kind: 'exact', value: 1921 }, { kind: 'range', min: 5, max: 1 }] }
    expect(rendered(ok)).toEqual(['$.answers[1].max: expected a maximum ≥ the minimum 5, got 1'])
  })
})

describe('question checks (the issue’s list)', () => {
  it('an answer naming no option', () => {
    expect(rendered({ ...single, answer: 'z' })).toEqual(['$.answer: expected the id of one of the options, got "z"'])
    expect(rendered({ ...single, options: single.options.slice(0, 2), type: 'multiple', answer: ['a', 'y'] })).toEqual(['$.answer[1]: expected the id of one of the options, got "y"'])
  })
  it('a single-choice question with two correct options', () => {
    const two = { ...single, options: [{ id: 'a', text: '1919', fraction: 1 }, { id: 'b', text: '1921' }] }
    expect(rendered(two)).toEqual(['$.options[0].fraction: expected one correct option only (a single-choice question), got 1'])
  })
  it('no correct option', () => {
    expect(rendered({ ...single, options: single.options.slice(0, 2), type: 'multiple', answer: [] })).toEqual(['$.answer: expected at least one correct option, got []'])
    const blank = { ...judge, type: 'blank', blanks: [{ id: 'b1', accept: [{ text: '遵义', fraction: 0.5 }] }] }
    delete (blank as Record<string, unknown>)['answer']
    expect(rendered(blank)).toEqual(['$.blanks[0].accept: expected at least one accepted answer with full credit, got 1'])
  })
  it('empty stems and duplicate option ids', () => {
    expect(rendered({ ...single, stem: '  ', options: [{ id: 'a', text: 'x' }, { id: 'a', text: 'y' }], answer: 'a' })).toEqual([
      '$.stem: expected a non-empty stem, got "  "',
      '$.options[1].id: expected an id not already used at index 0, got "a"'
    ])
  })
  it('multiple choice with fractions must give the correct options 1 in all', () => {
    const q = { ...single, type: 'multiple', scoring: 'fractions', answer: ['a', 'b'], options: [{ id: 'a', text: 'x', fraction: 0.5 }, { id: 'b', text: 'y', fraction: 0.4 }, { id: 'c', text: 'z' }] }
    expect(rendered(q)).toEqual(['$.options: expected fractions of the correct options adding up to 1, got 0.9'])
    const ok = { ...q, options: [{ id: 'a', text: 'x', fraction: 0.3333333 }, { id: 'b', text: 'y', fraction: 0.6666667 }, { id: 'c', text: 'z', fraction: -1 }] }
    expect(rendered(ok)).toEqual([])
  })
  it('ordering answers must be a permutation of the items', () => {
    const q = { ...judge, type: 'ordering', items: [{ id: 'x', text: '1' }, { id: 'y', text: '2' }, { id: 'z', text: '3' }], answer: ['x', 'x', 'w'] }
    expect(rendered(q)).toEqual([
      '$.answer[1]: expected each item once, got "x"',
      '$.answer[2]: expected the id of one of the items, got "w"',
      expect.stringContaining('$.answer: expected every item in the order, including y'),
      expect.stringContaining('$.answer: expected every item in the order, including z')
    ])
  })
})

describe('bank import report', () => {
  it('keeps valid questions beside bad ones and reports every problem with its path', () => {
    const report = decodeQuestionBank({
      version: 1,
      title: '党史题库',
      questions: [judge, { ...single, answer: 'z' }, { ...judge, id: 'q1', stem: '重复' }, { id: 'q9' }, single]
    })
    expect(report.questions.map((q) => q.id)).toEqual(['q1', 'q2'])
    expect(report.rejected.map((r) => [r.index, r.id])).toEqual([
      [1, 'q2'],
      [2, 'q1'],
      [3, 'q9']
    ])
    const lines = report.problems.map((p) => renderProblem(p))
    expect(lines).toContain('$.questions[1].answer: expected the id of one of the options, got "z"')
    expect(lines).toContain('$.questions[2].id: expected an id not already used by question 0, got "q1"')
    expect(lines).toContain('$.questions[3].type: expected one of the question types single, multiple, judge, blank, ordering, matching, numerical, essay, got nothing')
    // q2 at index 4 is valid: the invalid q2 at index 1 did not claim its id.
    expect(report.rejected.some((r) => r.index === 4)).toBe(false)
  })
  it('refuses a question that cannot be read (a throwing Proxy or getter) and keeps the readable ones (issue #14)', () => {
    const boom = (): never => {
      throw new Error('hostile')
    }
    const proxy = new Proxy({}, { get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom })
    const getterAt1 = [judge, null, single]
    Object.defineProperty(getterAt1, 1, { get: boom, enumerable: true })
    for (const questions of [[judge, proxy, single], getterAt1]) {
      const report = decodeQuestionBank({ version: 1, questions })
      expect(report.questions.map((q) => q.id)).toEqual(['q1', 'q2'])
      expect(report.rejected.map((r) => r.index)).toEqual([1])
      expect(report.problems.map((p) => renderProblem(p))).toEqual(['$.questions[1]: expected a value that can be read (reading this one failed), got nothing'])
    }
  })
  it('reports bad top-level shapes and JSON syntax errors at line:column', () => {
    expect(decodeQuestionBank({ questions: [], extra: 1 }).problems.map((p) => renderProblem(p))).toEqual([
      '$.extra: expected one of the keys version, questions, title, got "extra"',
      '$.version: expected version 1, got nothing'
    ])
    expect(decodeQuestionBank([judge]).questions).toHaveLength(1)
    const bad = decodeQuestionBankJson('{\n  "version": 1,\n  "questions": [,]\n}', 'bank.json')
    expect(bad.problems[0]?.code).toBe('syntax')
    // The line:column comes from core's jsonSyntaxProblem (on Node 20 it cannot find the position; reported to the lead).
    expect(renderProblem(bad.problems[0] as never)).toMatch(/^bank\.json:\d+:\d+: expected valid JSON/)
  })
})

describe('indexes', () => {
  it('index by id, tag, type and difficulty', () => {
    const qs = decodeQuestionBank([judge, single, { ...judge, id: 'q3', tags: ['新中国史', '党史'], difficulty: 5 }]).questions as ReadonlyArray<Question>
    const ix = indexQuestionBank(qs)
    expect(ix.byId.get(qs[2]!.id)).toBe(2)
    expect(ix.byTag.get('党史')).toEqual([0, 1, 2])
    expect(ix.byTag.get('新中国史')).toEqual([2])
    expect(ix.byType.get('judge')).toEqual([0, 2])
    expect(ix.byType.get('essay')).toEqual([])
    expect(ix.byDifficulty.get(5)).toEqual([2])
  })
})
