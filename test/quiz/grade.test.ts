import { describe, expect, it } from 'vitest'
import { gradeQuestion, normaliseAnswer, rationals, type PaperQuestion, type Question } from '../../src/quiz/internal.js'

const base = { tags: [], difficulty: 1, points: 1 }
// order [2, 0, 1, 3]: label A shows option 2, B option 0, C option 1, D option 3.
const pq = (question: Record<string, unknown>, points = 6, order: ReadonlyArray<number> = []): PaperQuestion => ({
  handle: 'q-test',
  question: { ...base, ...question } as unknown as Question,
  points,
  section: 's',
  order
})
const opts = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `o${i}`, text: `option ${i}` }))
const frac = (n: number, d: number) => ({ n, d })

describe('single choice', () => {
  const q = pq({ id: 'q', type: 'single', stem: 's', options: [...opts(3), { id: 'o3', text: 'half', fraction: 0.5 }], answer: 'o0' }, 6, [2, 0, 1, 3])
  it('scores through the display order', () => {
    expect(gradeQuestion(q, { type: 'single', choice: 'B' })).toMatchObject({ status: 'correct', score: frac(6, 1) })
    expect(gradeQuestion(q, { type: 'single', choice: 'A' })).toMatchObject({ status: 'wrong', score: frac(0, 1) })
    expect(gradeQuestion(q, { type: 'single', choice: 'D' })).toMatchObject({ status: 'partial', score: frac(3, 1) })
    expect(gradeQuestion(q, undefined)).toMatchObject({ status: 'unanswered', score: frac(0, 1) })
  })
})

describe('multiple choice, the three policies', () => {
  // correct: o0, o1, o2 of five; shown in bank order.
  const mk = (scoring: string, extra: Record<string, unknown> = {}) =>
    pq({ id: 'q', type: 'multiple', stem: 's', options: opts(5), answer: ['o0', 'o1', 'o2'], scoring, ...extra }, 6, [0, 1, 2, 3, 4])
  it('all or nothing', () => {
    const q = mk('all-or-nothing')
    expect(gradeQuestion(q, { type: 'multiple', choices: ['C', 'A', 'B'] }).score).toEqual(frac(6, 1))
    expect(gradeQuestion(q, { type: 'multiple', choices: ['A', 'B'] }).score).toEqual(frac(0, 1))
    expect(gradeQuestion(q, { type: 'multiple', choices: ['A', 'B', 'C', 'D'] }).score).toEqual(frac(0, 1))
  })
  it('少选得部分分，错选不得分', () => {
    const q = mk('partial')
    expect(gradeQuestion(q, { type: 'multiple', choices: ['A', 'B'] })).toMatchObject({ status: 'partial', score: frac(4, 1) })
    expect(gradeQuestion(q, { type: 'multiple', choices: ['A'] }).score).toEqual(frac(2, 1))
    expect(gradeQuestion(q, { type: 'multiple', choices: ['A', 'B', 'E'] }).score).toEqual(frac(0, 1))
    expect(gradeQuestion(q, { type: 'multiple', choices: [] }).status).toBe('wrong')
  })
  it('Moodle fractions: default 1/k and -1/k, clamped to [0, 1], exact thirds', () => {
    const q = mk('fractions')
    expect(gradeQuestion(q, { type: 'multiple', choices: ['A'] }).score).toEqual(frac(2, 1))
    expect(gradeQuestion(q, { type: 'multiple', choices: ['A', 'B', 'D'] }).score).toEqual(frac(2, 1))
    expect(gradeQuestion(q, { type: 'multiple', choices: ['A', 'D', 'E'] }).score).toEqual(frac(0, 1))
    expect(gradeQuestion(q, { type: 'multiple', choices: ['A', 'B', 'C'] }).status).toBe('correct')
    // Moodle's 33.33333% per correct option sums to exactly 1.
    const written = opts(5).map((o, i) => ({ ...o, fraction: i < 3 ? 0.3333333 : -0.5 }))
    const q2 = mk('fractions', { options: written })
    expect(gradeQuestion(q2, { type: 'multiple', choices: ['A', 'B', 'C'] }).score).toEqual(frac(6, 1))
    expect(gradeQuestion(q2, { type: 'multiple', choices: ['A', 'B', 'C', 'D'] }).score).toEqual(frac(3, 1))
    expect(gradeQuestion({ ...q2, points: 1 }, { type: 'multiple', choices: ['A'] }).score).toEqual(frac(1, 3))
  })
})

describe('other types', () => {
  it('true/false', () => {
    const q = pq({ id: 'q', type: 'judge', stem: 's', answer: false }, 2)
    expect(gradeQuestion(q, { type: 'judge', value: false }).score).toEqual(frac(2, 1))
    expect(gradeQuestion(q, { type: 'judge', value: true }).status).toBe('wrong')
  })
  it('blanks: equal shares, alternatives, partial answers, normalisation, case', () => {
    const blanks = [
      { id: 'b1', accept: [{ text: '遵义会议' }, { text: '遵义' , fraction: 0.5 }] },
      { id: 'b2', accept: [{ text: 'Mao Zedong' }, { text: '毛泽东' }] }
    ]
    const q = pq({ id: 'q', type: 'blank', stem: 's', blanks }, 3)
    expect(gradeQuestion(q, { type: 'blank', values: [' 遵义会议 ', 'ＭＡＯ　ＺＥＤＯＮＧ'] }).score).toEqual(frac(3, 1))
    expect(gradeQuestion(q, { type: 'blank', values: ['遵义', '毛泽东'] }).score).toEqual(frac(9, 4))
    expect(gradeQuestion(q, { type: 'blank', values: ['x', '毛泽东'] }).score).toEqual(frac(3, 2))
    const cs = pq({ id: 'q', type: 'blank', stem: 's', blanks, caseSensitive: true }, 2)
    expect(gradeQuestion(cs, { type: 'blank', values: ['遵义会议', 'mao zedong'] }).score).toEqual(frac(1, 1))
  })
  it('normalisation: NFKC, Chinese punctuation, spaces, case', () => {
    expect(normaliseAnswer('  Ａｂｃ，１２３。 ')).toBe('abc,123.')
    expect(normaliseAnswer('《论持久战》')).toBe(normaliseAnswer('<论持久战>'))
    expect(normaliseAnswer('a   b')).toBe('a b')
    expect(normaliseAnswer('ABC', true)).toBe('ABC')
  })
  it('ordering: all or nothing, or by positions', () => {
    const items = [
      { id: 'x', text: '1921' },
      { id: 'y', text: '1935' },
      { id: 'z', text: '1949' }
    ]
    // displayed as A=z, B=x, C=y
    const q = pq({ id: 'q', type: 'ordering', stem: 's', items, answer: ['x', 'y', 'z'] }, 3, [2, 0, 1])
    expect(gradeQuestion(q, { type: 'ordering', order: ['B', 'C', 'A'] }).status).toBe('correct')
    expect(gradeQuestion(q, { type: 'ordering', order: ['B', 'A', 'C'] }).score).toEqual(frac(0, 1))
    const qp = pq({ id: 'q', type: 'ordering', stem: 's', items, answer: ['x', 'y', 'z'], scoring: 'positions' }, 3, [2, 0, 1])
    expect(gradeQuestion(qp, { type: 'ordering', order: ['B', 'A', 'C'] }).score).toEqual(frac(1, 1))
  })
  it('matching: each pair an equal share; distractors never match', () => {
    const pairs = [
      { id: 'p1', left: '遵义会议', right: '1935' },
      { id: 'p2', left: '开国大典', right: '1949' },
      { id: 'p3', left: '十一届三中全会', right: '1978' }
    ]
    // rights: [1935, 1949, 1978, 1921(distractor)] displayed as A=1978, B=1921, C=1935, D=1949
    const q = pq({ id: 'q', type: 'matching', stem: 's', pairs, distractors: ['1921'] }, 6, [2, 3, 0, 1])
    expect(gradeQuestion(q, { type: 'matching', matches: { '1': 'C', '2': 'D', '3': 'A' } }).status).toBe('correct')
    expect(gradeQuestion(q, { type: 'matching', matches: { '1': 'C', '2': 'B' } }).score).toEqual(frac(2, 1))
  })
  it('numerical: exact with tolerance, ranges, best fraction', () => {
    const answers = [
      { kind: 'exact', value: 1921, tolerance: 0 },
      { kind: 'range', min: 1919, max: 1923, fraction: 0.5 }
    ]
    const q = pq({ id: 'q', type: 'numerical', stem: 's', answers }, 4)
    expect(gradeQuestion(q, { type: 'numerical', value: 1921 }).score).toEqual(frac(4, 1))
    expect(gradeQuestion(q, { type: 'numerical', value: 1922 }).score).toEqual(frac(2, 1))
    expect(gradeQuestion(q, { type: 'numerical', value: 1930 }).score).toEqual(frac(0, 1))
  })
  it('essays wait for a grader; a manual fraction scores them', () => {
    const q = pq({ id: 'q', type: 'essay', stem: 's' }, 10)
    expect(gradeQuestion(q, { type: 'essay', text: '心得' }).status).toBe('pending')
    expect(gradeQuestion(q, { type: 'essay', text: '心得' }, frac(3, 4)).score).toEqual(frac(15, 2))
  })
})

describe('rationals', () => {
  const { add, fromDecimal, rational, roundRational, sum, compare } = rationals
  it('stay exact and reduced', () => {
    expect(sum([frac(1, 3), frac(1, 3), frac(1, 3)])).toEqual(frac(1, 1))
    expect(add(frac(1, 6), frac(1, 4))).toEqual(frac(5, 12))
    expect(rational(6, -4)).toEqual(frac(-3, 2))
    expect(compare(frac(2, 3), frac(3, 5))).toBe(1)
  })
  it('read decimal weights, snapping Moodle’s recurring fractions', () => {
    expect(fromDecimal(0.3333333)).toEqual(frac(1, 3))
    expect(fromDecimal(0.1666667)).toEqual(frac(1, 6))
    expect(fromDecimal(-0.25)).toEqual(frac(-1, 4))
    expect(fromDecimal(0.123)).toEqual(frac(123, 1000))
  })
  it('round for ledger points the way the rule says', () => {
    expect([roundRational('floor')(frac(7, 2)), roundRational('ceil')(frac(7, 2)), roundRational('half-up')(frac(7, 2))]).toEqual([3, 4, 4])
    expect(roundRational('half-up')(frac(10, 3))).toBe(3)
    expect(roundRational('half-up')(frac(-7, 2))).toBe(-4)
    expect(roundRational('floor')(frac(-7, 2))).toBe(-4)
  })
})
