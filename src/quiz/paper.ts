/**
 * Papers (试卷): the questions drawn for one attempt with their display
 * order, and the two faces of a paper: the public view for the client (no
 * answers, fractions, feedback, explanations, rubrics or bank option ids)
 * and the paper itself, which is the key and stays with the host.
 *
 * @module
 */
import type { QuestionId } from '../core/index.js'
import type { Difficulty, Question, RichText, TextFormat } from './question.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A question on a paper: the bank question (the key), its points on this
 * paper, its section, and `order`, the display permutation of its options
 * (single, multiple), items (ordering) or right-hand items (matching: pairs'
 * right items, then distractors), as indices into the bank lists.
 *
 * @category model
 */
export interface PaperQuestion {
  readonly question: Question
  readonly points: number
  readonly section: string
  readonly order: ReadonlyArray<number>
}

/**
 * A paper: host-side data (it holds the key), plain and serialisable.
 *
 * @category model
 */
export interface Paper {
  readonly id: string
  readonly blueprint: string
  readonly seed: string
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
  readonly id: QuestionId
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
 * The public view of a paper.
 *
 * @category model
 */
export interface PublicPaper {
  readonly id: string
  readonly questions: ReadonlyArray<PublicQuestion>
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
    id: q.id,
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
 * fraction, feedback, explanation, rubric, source, title or bank option id.
 *
 * @category utilities
 * @example
 * JSON.stringify(publicPaper(paper)).includes('answer') // => false
 */
export const publicPaper = (paper: Paper): PublicPaper => ({
  id: paper.id,
  questions: paper.questions.map(publicQuestion)
})
