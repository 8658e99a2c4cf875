/**
 * The wrong-answer notebook (错题本): questions a member got wrong, with
 * reviews scheduled by SM-2 (deterministic, integer arithmetic on the ease
 * factor in thousandths) on local dates in the programme's time zone, and a
 * review paper assembled from the items due.
 *
 * @module
 */
import { calendar, civilFromDays, formatLocalDate, parseLocalDate, type Instant, type QuestionId, type Zone } from '../core/internal.js'
import * as E from 'fp-ts/lib/Either.js'
import type { QuestionBankIndex } from './bank.js'
import { fixedPaper } from './assemble.js'
import type { Paper } from './paper.js'
import type { Question } from './question.js'
import type { RoundResult } from './result.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * One question in the notebook and its SM-2 schedule.
 *
 * @category model
 */
export interface ReviewItem {
  readonly question: QuestionId
  /** Successful reviews in a row. */
  readonly reps: number
  /** Days until the next review after the last one. */
  readonly interval: number
  /** SM-2 ease factor in thousandths (2500 = 2.5), at least 1300. */
  readonly ease: number
  /** How many times it was got wrong. */
  readonly lapses: number
  /** The local date (YYYY-MM-DD) of the next review. */
  readonly due: string
  /** The local date of the last wrong answer or review. */
  readonly last: string
}

/**
 * A member's notebook: items sorted by question id.
 *
 * @category model
 */
export interface ReviewBook {
  readonly member: string
  readonly items: ReadonlyArray<ReviewItem>
}

/**
 * SM-2 answer quality: 0-2 failed, 3 hard, 4 good, 5 easy.
 *
 * @category model
 */
export type Quality = 0 | 1 | 2 | 3 | 4 | 5

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * An empty notebook.
 *
 * @category constructors
 * @example
 * emptyBook('m-001').items // => []
 */
export const emptyBook = (member: string): ReviewBook => ({ member, items: [] })

// -------------------------------------------------------------------------------------
// scheduling
// -------------------------------------------------------------------------------------

const dayOf = (now: number, z: Zone): number => calendar(z).dayNumber(now as Instant)
const dateOf = (day: number): string => formatLocalDate(civilFromDays(day))
const dayOfDate = (s: string): number => {
  const r = parseLocalDate(s)
  return E.isRight(r) ? r.right : 0
}

/**
 * One SM-2 step on an item, reviewed on local day `day` with a quality.
 *
 * @category scheduling
 * @example
 * sm2Step(item, 4, day).interval // => 1 after a first success, 6 after a second, then interval × ease
 */
export const sm2Step = (item: ReviewItem, q: Quality, day: number): ReviewItem => {
  const ease = Math.max(1300, item.ease + 100 - (5 - q) * (80 + (5 - q) * 20))
  if (q < 3) return { ...item, reps: 0, interval: 1, ease, lapses: item.lapses + 1, due: dateOf(day + 1), last: dateOf(day) }
  const reps = item.reps + 1
  const interval = reps === 1 ? 1 : reps === 2 ? 6 : Math.round((item.interval * ease) / 1000)
  return { ...item, reps, interval, ease, due: dateOf(day + interval), last: dateOf(day) }
}

const upsert = (items: ReadonlyArray<ReviewItem>, next: ReadonlyMap<string, ReviewItem>): ReadonlyArray<ReviewItem> => {
  const m = new Map<string, ReviewItem>(items.map((x) => [x.question, x]))
  for (const [k, v] of next) m.set(k, v)
  return [...m.values()].sort((a, b) => (a.question < b.question ? -1 : a.question > b.question ? 1 : 0))
}

/**
 * Record a round's result in the notebook: a question not fully right
 * enters it (or lapses, if already there) and is due the next local day; a
 * question already in it and now fully right counts as a good review (quality 4).
 *
 * @category scheduling
 * @example
 * recordResult(result, now, DEFAULT_ZONE)(emptyBook('m-001')).items.length // => how many questions were not fully right
 */
export const recordResult =
  (res: RoundResult, now: number, z: Zone) =>
  (book: ReviewBook): ReviewBook => {
    const day = dayOf(now, z)
    const have = new Map<string, ReviewItem>(book.items.map((x) => [x.question, x]))
    const next = new Map<string, ReviewItem>()
    for (const g of res.questions) {
      if (g.status === 'pending') continue
      const cur = next.get(g.question) ?? have.get(g.question)
      const right = g.status === 'correct'
      if (cur === undefined) {
        if (!right) next.set(g.question, { question: g.question, reps: 0, interval: 1, ease: 2500, lapses: 1, due: dateOf(day + 1), last: dateOf(day) })
      } else next.set(g.question, sm2Step(cur, right ? 4 : 1, day))
    }
    return { ...book, items: upsert(book.items, next) }
  }

/**
 * Review one item with a quality (SM-2); an unknown question leaves the book as it was.
 *
 * @category scheduling
 * @example
 * reviewItem('q1', 5, now, DEFAULT_ZONE)(book) // => book with q1 rescheduled
 */
export const reviewItem =
  (q: QuestionId | string, quality: Quality, now: number, z: Zone) =>
  (book: ReviewBook): ReviewBook => {
    const cur = book.items.find((x) => x.question === q)
    if (cur === undefined) return book
    return { ...book, items: upsert(book.items, new Map([[cur.question, sm2Step(cur, quality, dayOf(now, z))]])) }
  }

/**
 * Items due on or before the local day of `now`, most overdue first (then by question id).
 *
 * @category scheduling
 * @example
 * dueItems(now, DEFAULT_ZONE)(book).map((x) => x.question) // => ['q7', 'q2']
 */
export const dueItems =
  (now: number, z: Zone) =>
  (book: ReviewBook): ReadonlyArray<ReviewItem> => {
    const today = dayOf(now, z)
    return book.items
      .filter((x) => dayOfDate(x.due) <= today)
      .slice()
      .sort((a, b) => dayOfDate(a.due) - dayOfDate(b.due) || (a.question < b.question ? -1 : a.question > b.question ? 1 : 0))
  }

/**
 * A review paper from the due items (at most `count`, most overdue first);
 * items whose question is no longer in the bank are listed in `missing`.
 *
 * @category scheduling
 * @example
 * const { paper, missing } = reviewPaper(bank, book, now, DEFAULT_ZONE, { count: 10, secret: SERVER_SECRET, seed: 'review-m-001-2021-07-01' })
 */
export const reviewPaper = (
  bank: QuestionBankIndex,
  book: ReviewBook,
  now: number,
  z: Zone,
  opts: { readonly count: number; readonly secret: string; readonly seed: string; readonly paperId?: string }
): { readonly paper: Paper; readonly missing: ReadonlyArray<QuestionId> } => {
  const qs: Array<Question> = []
  const missing: Array<QuestionId> = []
  for (const item of dueItems(now, z)(book)) {
    if (qs.length >= opts.count) break
    const i = bank.byId.get(item.question)
    if (i === undefined) missing.push(item.question)
    else qs.push(bank.questions[i] as Question)
  }
  return { paper: fixedPaper(qs, { secret: opts.secret, seed: opts.seed, blueprint: 'review', ...(opts.paperId === undefined ? {} : { paperId: opts.paperId }) }), missing }
}

/**
 * The seed of a daily paper: the quiz and the local date in the zone, so
 * everyone gets the same paper that day.
 *
 * @category scheduling
 * @example
 * dailySeed('daily-quiz', instantOrThrow('2021-07-01T08:00:00+08:00'), DEFAULT_ZONE) // => '["daily-quiz","2021-07-01"]'
 */
export const dailySeed = (quiz: string, now: number, z: Zone): string => JSON.stringify([quiz, dateOf(dayOf(now, z))])
