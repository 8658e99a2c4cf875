import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { DEFAULT_ZONE, instantOrThrow, zone, type Zone } from '../../src/core/internal.js'
import {
  answer,
  dailySeed,
  dueItems,
  emptyBook,
  fixedPaper,
  recordResult,
  reviewItem,
  reviewPaper,
  roundResult,
  startRound,
  submit,
  type RoundResult
} from '../../src/quiz/internal.js'
import { BANK, QUESTIONS, SECRET } from './fixtures.js'

const NY = (zone('America/New_York') as E.Right<Zone>).right
// 2021-07-01 01:00 in Shanghai, still 2021-06-30 in New York.
const NOW = instantOrThrow('2021-06-30T17:00:00Z')
const DAY = 86_400_000

const result = (): RoundResult => {
  const paper = fixedPaper(QUESTIONS.filter((q) => ['q1', 'q2', 'q6'].includes(q.id)), { secret: SECRET, seed: 's', paperId: 'p', shuffleOptions: false })
  const h = (id: string): string => paper.questions.find((pq) => pq.question.id === id)?.handle ?? id
  const start = startRound({ id: 'r', quiz: 'daily', member: 'm-001', mode: 'exam', paper, now: NOW })
  if (E.isLeft(start)) throw new Error('start refused')
  let r = start.right
  const step = (e: E.Either<unknown, typeof r>) => {
    if (E.isLeft(e)) throw new Error('transition refused')
    r = e.right
  }
  step(answer(paper, h('q1'), { type: 'single', choice: 'A' }, NOW)(r))
  step(answer(paper, h('q2'), { type: 'judge', value: true }, NOW)(r))
  step(submit(paper, NOW + 1)(r))
  const res = roundResult(paper)(r)
  if (E.isLeft(res)) throw new Error('no result')
  return res.right
}

describe('wrong-answer notebook', () => {
  it('takes in what was not fully right, due the next local day in the programme zone', () => {
    const book = recordResult(result(), NOW, DEFAULT_ZONE)(emptyBook('m-001'))
    expect(book.items).toEqual([
      { question: 'q1', reps: 0, interval: 1, ease: 2500, lapses: 1, due: '2021-07-02', last: '2021-07-01' },
      { question: 'q6', reps: 0, interval: 1, ease: 2500, lapses: 1, due: '2021-07-02', last: '2021-07-01' }
    ])
    const ny = recordResult(result(), NOW, NY)(emptyBook('m-001'))
    expect(ny.items[0]?.due).toBe('2021-07-01')
  })
  it('schedules reviews by SM-2', () => {
    let book = recordResult(result(), NOW, DEFAULT_ZONE)(emptyBook('m-001'))
    book = reviewItem('q1', 4, NOW + DAY, DEFAULT_ZONE)(book)
    expect(book.items[0]).toMatchObject({ reps: 1, interval: 1, ease: 2500, due: '2021-07-03' })
    book = reviewItem('q1', 5, NOW + 2 * DAY, DEFAULT_ZONE)(book)
    expect(book.items[0]).toMatchObject({ reps: 2, interval: 6, ease: 2600, due: '2021-07-09' })
    book = reviewItem('q1', 3, NOW + 8 * DAY, DEFAULT_ZONE)(book)
    expect(book.items[0]).toMatchObject({ reps: 3, interval: 15, ease: 2460, due: '2021-07-24' })
    book = reviewItem('q1', 1, NOW + 23 * DAY, DEFAULT_ZONE)(book)
    expect(book.items[0]).toMatchObject({ reps: 0, interval: 1, ease: 1920, lapses: 2, due: '2021-07-25' })
    for (let i = 0; i < 10; i++) book = reviewItem('q1', 0, NOW + (24 + i) * DAY, DEFAULT_ZONE)(book)
    expect(book.items[0]?.ease).toBe(1300)
    expect(reviewItem('nope', 5, NOW, DEFAULT_ZONE)(book)).toBe(book)
  })
  it('a later right answer counts as a good review; a later wrong one as a lapse', () => {
    let book = recordResult(result(), NOW, DEFAULT_ZONE)(emptyBook('m-001'))
    book = recordResult({ ...result(), questions: [{ question: 'q1', status: 'correct' }, { question: 'q6', status: 'wrong' }] } as unknown as RoundResult, NOW + DAY, DEFAULT_ZONE)(book)
    expect(book.items.map((x) => [x.question, x.reps, x.lapses])).toEqual([
      ['q1', 1, 1],
      ['q6', 0, 2]
    ])
  })
  it('lists due items most overdue first and builds a review paper from them', () => {
    let book = recordResult(result(), NOW, DEFAULT_ZONE)(emptyBook('m-001'))
    expect(dueItems(NOW, DEFAULT_ZONE)(book)).toEqual([])
    book = reviewItem('q6', 4, NOW + DAY, DEFAULT_ZONE)(book)
    book = { ...book, items: [...book.items, { question: 'gone' as never, reps: 0, interval: 1, ease: 2500, lapses: 1, due: '2021-06-01', last: '2021-05-31' }] }
    expect(dueItems(NOW + DAY, DEFAULT_ZONE)(book).map((x) => x.question)).toEqual(['gone', 'q1'])
    expect(dueItems(NOW + 2 * DAY, DEFAULT_ZONE)(book).map((x) => x.question)).toEqual(['gone', 'q1', 'q6'])
    const { paper, missing } = reviewPaper(BANK, book, NOW + 2 * DAY, DEFAULT_ZONE, { count: 5, secret: SECRET, seed: 'review' })
    expect(missing).toEqual(['gone'])
    expect(paper.questions.map((pq) => pq.question.id)).toEqual(['q1', 'q6'])
    expect(reviewPaper(BANK, book, NOW + 2 * DAY, DEFAULT_ZONE, { count: 1, secret: SECRET, seed: 'review' }).paper.questions.map((pq) => pq.question.id)).toEqual(['q1'])
  })
})

describe('daily seed', () => {
  it('is the same for the whole local day and changes the next', () => {
    const morning = instantOrThrow('2021-07-01T00:30:00+08:00')
    const night = instantOrThrow('2021-07-01T23:59:00+08:00')
    expect(dailySeed('daily', morning, DEFAULT_ZONE)).toBe(dailySeed('daily', night, DEFAULT_ZONE))
    expect(dailySeed('daily', night + 120_000, DEFAULT_ZONE)).not.toBe(dailySeed('daily', night, DEFAULT_ZONE))
    expect(dailySeed('daily', morning, DEFAULT_ZONE)).toBe('["daily","2021-07-01"]')
  })
})
