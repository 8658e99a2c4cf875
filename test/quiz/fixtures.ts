// A small party-history bank for the example tests.
import { decodeQuestionBank, indexQuestionBank, type Question } from '../../src/quiz/internal.js'

const c = { difficulty: 1, points: 2 }
export const BANK_JSON = {
  version: 1,
  questions: [
    { ...c, id: 'q1', type: 'single', stem: '中共一大在哪一年召开？', tags: ['党史'], options: [{ id: 'a', text: '1919' }, { id: 'b', text: '1921' }, { id: 'c', text: '1927' }], answer: 'b', explanation: '1921 年 7 月。' },
    { ...c, id: 'q2', type: 'judge', stem: '遵义会议在 1935 年召开。', tags: ['党史'], answer: true, difficulty: 2 },
    { ...c, id: 'q3', type: 'multiple', stem: '“四史”包括？', tags: ['党史', '新中国史'], options: [{ id: 'a', text: '党史' }, { id: 'b', text: '新中国史' }, { id: 'c', text: '世界史' }], answer: ['a', 'b'], scoring: 'partial', difficulty: 3 },
    { ...c, id: 'q4', type: 'blank', stem: '1978 年召开了十一届___全会。', tags: ['改革开放史'], blanks: [{ id: 'b1', accept: [{ text: '三中' }] }], difficulty: 2 },
    { ...c, id: 'q5', type: 'essay', stem: '谈谈学习党史的体会。', tags: ['党史'], points: 10, difficulty: 4 },
    { ...c, id: 'q6', type: 'judge', stem: '新中国成立于 1949 年。', tags: ['新中国史'], answer: true },
    { ...c, id: 'q7', type: 'single', stem: '改革开放始于哪一年？', tags: ['改革开放史'], options: [{ id: 'a', text: '1976' }, { id: 'b', text: '1978' }], answer: 'b', difficulty: 3 },
    { ...c, id: 'q8', type: 'numerical', stem: '中华人民共和国成立于哪一年？', tags: ['新中国史'], answers: [{ kind: 'exact', value: 1949 }], difficulty: 2 }
  ]
}
export const QUESTIONS: ReadonlyArray<Question> = decodeQuestionBank(BANK_JSON).questions
export const BANK = indexQuestionBank(QUESTIONS)

/** The server secret of the tests (a real host draws a random one and keeps it on the server). */
export const SECRET = 'test-quiz-secret-0123456789abcdef'
