/**
 * Papers (试卷): the questions drawn for one attempt with their display
 * order, and the two faces of a paper: the public view for the client (no
 * answers, fractions, feedback, explanations, rubrics or bank option ids)
 * and the paper itself, which is the key and stays with the host. Papers and
 * their questions are named in public by opaque handles derived from a
 * server secret: nothing public carries the seed, a bank id or anything
 * from which an order can be computed.
 *
 * @module
 */
import { hmacSha256, keyedSeed } from '../core/internal.js'
import type { Difficulty, Question, RichText, TextFormat } from './question.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A question on a paper: its opaque per-paper `handle` (what the client
 * names it by), the bank question (the key), its points on this paper, its
 * section, and `order`, the display permutation of its options (single,
 * multiple), items (ordering) or right-hand items (matching: pairs' right
 * items, then distractors), as indices into the bank lists.
 *
 * @category model
 */
export interface PaperQuestion {
  readonly handle: string
  readonly question: Question
  readonly points: number
  readonly section: string
  readonly order: ReadonlyArray<number>
}

/**
 * A paper: server-side data (it holds the key and the seal key), plain and
 * serialisable. Never send it to a client: send `publicPaper(paper)`.
 *
 * @category model
 */
export interface Paper {
  /** The paper's opaque handle (or the host's `paperId`); public. */
  readonly id: string
  readonly blueprint: string
  /** The seed it was assembled from (server-side only). */
  readonly seed: string
  /** The key that seals this paper's rounds, derived from the secret (server-side only). */
  readonly sealKey: string
  readonly questions: ReadonlyArray<PaperQuestion>
}

/**
 * A labelled text shown to the member.
 *
 * @category model
 */
export interface PublicChoice {
  readonly id: string
  readonly text: RichText
}

/**
 * What every public question shows.
 *
 * @category model
 */
export interface PublicCommon {
  /** The question's opaque per-paper handle: answer it by this. */
  readonly id: string
  readonly index: number
  readonly section: string
  readonly stem: RichText
  readonly format: TextFormat
  readonly tags: ReadonlyArray<string>
  readonly difficulty: Difficulty
  readonly points: number
}

/**
 * A question as the client sees it: labels (`A`, `B`, … for options, items
 * and right-hand items; `1`, `2`, … for blanks and left-hand items) in
 * display order, never bank ids.
 *
 * @category model
 */
export type PublicQuestion = PublicCommon &
  (
    | { readonly type: 'single' | 'multiple'; readonly options: ReadonlyArray<PublicChoice> }
    | { readonly type: 'judge' | 'numerical' }
    | { readonly type: 'blank'; readonly blanks: ReadonlyArray<string> }
    | { readonly type: 'ordering'; readonly items: ReadonlyArray<PublicChoice> }
    | { readonly type: 'matching'; readonly left: ReadonlyArray<PublicChoice>; readonly right: ReadonlyArray<PublicChoice> }
    | { readonly type: 'essay'; readonly minLength?: number; readonly maxLength?: number }
  )

/**
 * The public view of a paper: named by the paper's handle.
 *
 * @category model
 */
export interface PublicPaper {
  readonly id: string
  readonly questions: ReadonlyArray<PublicQuestion>
}

// -------------------------------------------------------------------------------------
// keys
// -------------------------------------------------------------------------------------

/**
 * The keys of one paper, all derived from the server's secret and the seed
 * by HMAC-SHA256: `random` seeds every draw and shuffle, `id` names the
 * paper, `seal` seals its rounds, and `handle(i)` names its i-th question.
 * Without the secret none of them can be computed from public data.
 *
 * @category model
 */
export interface PaperKeys {
  readonly random: string
  readonly id: string
  readonly seal: string
  readonly handle: (i: number) => string
}

/**
 * The keys of the paper for a seed under a server secret (see `PaperKeys`).
 *
 * @category utilities
 * @example
 * paperKeys('a-random-server-secret', 'round-7').id // => 'p-' followed by 24 hex digits
 */
export const paperKeys = (secret: string, seed: string): PaperKeys => {
  const random = keyedSeed(secret, 'moral-bank/paper', seed)
  return {
    random,
    id: `p-${hmacSha256(random, 'id').slice(0, 24)}`,
    seal: hmacSha256(random, 'seal'),
    handle: (i) => `q-${hmacSha256(random, `question:${i}`).slice(0, 16)}`
  }
}

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/**
 * The label of the i-th displayed option, item or right-hand item: `A` … `Z`, then `AA`, `AB`, …
 *
 * @category utilities
 * @example
 * letterLabel(0) // => 'A'
 * letterLabel(26) // => 'AA'
 */
export const letterLabel = (i: number): string => {
  let s = ''
  let k = i
  do {
    s = String.fromCharCode(65 + (k % 26)) + s
    k = Math.floor(k / 26) - 1
  } while (k >= 0)
  return s
}

/**
 * The label of the i-th blank or left-hand item: `1`, `2`, …
 *
 * @category utilities
 * @example
 * numberLabel(0) // => '1'
 */
export const numberLabel = (i: number): string => String(i + 1)

/**
 * The right-hand texts of a matching question: pairs' right items, then distractors.
 *
 * @category utilities
 * @example
 * matchingRights(q) // => [pair1.right, pair2.right, …, distractor1, …]
 */
export const matchingRights = (q: Question & { readonly type: 'matching' }): ReadonlyArray<RichText> => [
  ...q.pairs.map((p) => p.right),
  ...(q.distractors ?? [])
]

/**
 * The number of things `order` permutes for a question (0 when nothing is shuffled).
 *
 * @category utilities
 * @example
 * orderSize({ type: 'judge', … }) // => 0
 */
export const orderSize = (q: Question): number =>
  q.type === 'single' || q.type === 'multiple'
    ? q.options.length
    : q.type === 'ordering'
      ? q.items.length
      : q.type === 'matching'
        ? q.pairs.length + (q.distractors?.length ?? 0)
        : 0

/**
 * The public view of one paper question.
 *
 * @category utilities
 * @example
 * publicQuestion(paper.questions[0], 0).options?.map((o) => o.id) // => ['A', 'B', 'C', 'D']
 */
export const publicQuestion = (pq: PaperQuestion, index: number): PublicQuestion => {
  const q = pq.question
  const common: PublicCommon = {
    id: pq.handle,
    index,
    section: pq.section,
    stem: q.stem,
    format: q.format ?? 'plain',
    tags: q.tags,
    difficulty: q.difficulty,
    points: pq.points
  }
  switch (q.type) {
    case 'single':
    case 'multiple':
      return { ...common, type: q.type, options: pq.order.map((k, i) => ({ id: letterLabel(i), text: (q.options[k] as { readonly text: RichText }).text })) }
    case 'judge':
    case 'numerical':
      return { ...common, type: q.type }
    case 'blank':
      return { ...common, type: 'blank', blanks: q.blanks.map((_, i) => numberLabel(i)) }
    case 'ordering':
      return { ...common, type: 'ordering', items: pq.order.map((k, i) => ({ id: letterLabel(i), text: (q.items[k] as { readonly text: RichText }).text })) }
    case 'matching': {
      const rights = matchingRights(q)
      return {
        ...common,
        type: 'matching',
        left: q.pairs.map((p, i) => ({ id: numberLabel(i), text: p.left })),
        right: pq.order.map((k, i) => ({ id: letterLabel(i), text: rights[k] as RichText }))
      }
    }
    case 'essay': {
      const e: PublicQuestion = { ...common, type: 'essay' }
      return {
        ...e,
        ...(q.minLength === undefined ? {} : { minLength: q.minLength }),
        ...(q.maxLength === undefined ? {} : { maxLength: q.maxLength })
      }
    }
  }
}

/**
 * The public view of a paper: what the client may see. Carries no answer,
 * fraction, feedback, explanation, rubric, source, title, seed, bank
 * question id or bank option id; the paper and its questions are named by
 * their opaque handles.
 *
 * @category utilities
 * @example
 * JSON.stringify(publicPaper(paper)).includes('answer') // => false
 */
export const publicPaper = (paper: Paper): PublicPaper => ({
  id: paper.id,
  questions: paper.questions.map(publicQuestion)
})
