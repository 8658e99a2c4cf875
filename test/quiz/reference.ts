// A plain, obviously-correct reference grader working in bank terms (option indices, not labels),
// in floating point; the real grader works through labels and exact rationals.
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { answer, letterLabel, normaliseAnswer, numberLabel, type Paper, type PaperQuestion, type Question, type QuizResponse, type Round } from '../../src/quiz/internal.js'

/** A response in bank terms. */
export type BankResponse =
  | { readonly type: 'single'; readonly k: number }
  | { readonly type: 'multiple'; readonly ks: ReadonlyArray<number> }
  | { readonly type: 'judge'; readonly value: boolean }
  | { readonly type: 'blank'; readonly values: ReadonlyArray<string> }
  | { readonly type: 'ordering'; readonly ks: ReadonlyArray<number> }
  | { readonly type: 'matching'; readonly rights: ReadonlyArray<number | undefined> }
  | { readonly type: 'numerical'; readonly value: number }
  | { readonly type: 'essay'; readonly text: string }

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x))

/** The reference fraction of full marks (undefined for essays). */
export const referenceFraction = (q: Question, r: BankResponse): number | undefined => {
  switch (q.type) {
    case 'single': {
      if (r.type !== 'single') return 0
      const o = q.options[r.k]
      if (o === undefined) return 0
      return o.id === q.answer ? 1 : clamp01(o.fraction ?? 0)
    }
    case 'multiple': {
      if (r.type !== 'multiple') return 0
      const picked = r.ks.map((k) => q.options[k]).filter((o) => o !== undefined)
      const isRight = (id: string): boolean => (q.answer as ReadonlyArray<string>).includes(id)
      const right = picked.filter((o) => isRight(o.id)).length
      const wrong = picked.length - right
      const scoring = q.scoring ?? 'all-or-nothing'
      if (scoring === 'all-or-nothing') return wrong === 0 && right === q.answer.length ? 1 : 0
      if (scoring === 'partial') return wrong > 0 ? 0 : right / q.answer.length
      let s = 0
      for (const o of picked) s += o.fraction ?? (isRight(o.id) ? 1 / q.answer.length : -1 / q.answer.length)
      return clamp01(Math.round(s * 1e9) / 1e9)
    }
    case 'judge':
      return r.type === 'judge' && r.value === q.answer ? 1 : 0
    case 'blank': {
      if (r.type !== 'blank') return 0
      const cs = q.caseSensitive === true
      let s = 0
      q.blanks.forEach((b, i) => {
        const g = normaliseAnswer(r.values[i] ?? '', cs)
        let bestF = 0
        for (const a of b.accept) if (normaliseAnswer(a.text, cs) === g) bestF = Math.max(bestF, clamp01(a.fraction ?? 1))
        s += bestF
      })
      return s / q.blanks.length
    }
    case 'ordering': {
      if (r.type !== 'ordering') return 0
      let right = 0
      q.answer.forEach((id, i) => {
        if (q.items[r.ks[i] ?? -1]?.id === id) right++
      })
      if ((q.scoring ?? 'all-or-nothing') === 'all-or-nothing') return right === q.answer.length ? 1 : 0
      return right / q.answer.length
    }
    case 'matching': {
      if (r.type !== 'matching') return 0
      let right = 0
      q.pairs.forEach((_, i) => {
        if (r.rights[i] === i) right++
      })
      return right / q.pairs.length
    }
    case 'numerical': {
      if (r.type !== 'numerical') return 0
      let bestF = 0
      for (const a of q.answers) {
        const fits = a.kind === 'exact' ? Math.abs(r.value - a.value) <= (a.tolerance ?? 0) : r.value >= a.min && r.value <= a.max
        if (fits) bestF = Math.max(bestF, clamp01(a.fraction ?? 1))
      }
      return bestF
    }
    case 'essay':
      return undefined
  }
}

/** Translate a bank-terms response into the labels of a paper question with display order `order`. */
export const toLabels = (q: Question, order: ReadonlyArray<number>, r: BankResponse): QuizResponse => {
  const label = (k: number): string => letterLabel(order.indexOf(k))
  switch (r.type) {
    case 'single':
      return { type: 'single', choice: label(r.k) }
    case 'multiple':
      return { type: 'multiple', choices: r.ks.map(label) }
    case 'ordering':
      return { type: 'ordering', order: r.ks.map(label) }
    case 'matching': {
      const m: Record<string, string> = {}
      r.rights.forEach((k, i) => {
        if (k !== undefined) m[numberLabel(i)] = label(k)
      })
      return { type: 'matching', matches: m }
    }
    default:
      void q
      return r
  }
}

/** A random bank-terms response that fits a question (labels valid, blanks counted). */
export const bankResponseArb = (q: Question): fc.Arbitrary<BankResponse> => {
  switch (q.type) {
    case 'single':
      return fc.integer({ min: 0, max: q.options.length - 1 }).map((k) => ({ type: 'single', k }))
    case 'multiple':
      return fc.uniqueArray(fc.integer({ min: 0, max: q.options.length - 1 }), { maxLength: q.options.length }).map((ks) => ({ type: 'multiple', ks }))
    case 'judge':
      return fc.boolean().map((value) => ({ type: 'judge', value }))
    case 'blank':
      return fc
        .tuple(...q.blanks.map((b) => fc.oneof(fc.constantFrom(...b.accept.map((a) => a.text)), fc.constantFrom(...b.accept.map((a) => ` ${a.text.toUpperCase()} `)), fc.string())))
        .map((values) => ({ type: 'blank', values }))
    case 'ordering':
      return fc
        .shuffledSubarray(
          q.items.map((_, i) => i),
          { minLength: q.items.length, maxLength: q.items.length }
        )
        .map((ks) => ({ type: 'ordering', ks }))
    case 'matching': {
      const nr = q.pairs.length + (q.distractors?.length ?? 0)
      return fc.array(fc.option(fc.integer({ min: 0, max: nr - 1 }), { nil: undefined }), { minLength: q.pairs.length, maxLength: q.pairs.length }).map((rights) => ({ type: 'matching', rights }))
    }
    case 'numerical':
      return fc.integer({ min: 1890, max: 2030 }).map((value) => ({ type: 'numerical', value }))
    case 'essay':
      return fc.string().map((text) => ({ type: 'essay', text }))
  }
}

/**
 * Answer a round's questions (on the server's `paper`, naming them by handle as a client does) in the given steps (question index, milliseconds since the last step) with
 * the bank responses given per question, as a member would; refused answers leave the round as it was.
 * `each` sees the round after every step. Returns the round and the time of the last step.
 */
export const playSteps = (
  paper: Paper,
  start: Round,
  steps: ReadonlyArray<readonly [number, number]>,
  responses: ReadonlyArray<BankResponse>,
  each: (r: Round) => void = () => undefined
): { readonly round: Round; readonly now: number } => {
  let round = start
  let now = start.startedAt
  for (const [i, dt] of steps) {
    now += dt
    const pq = paper.questions[i] as PaperQuestion
    const r = answer(paper, pq.handle, toLabels(pq.question, pq.order, responses[i] as never), now)(round)
    if (E.isRight(r)) round = r.right
    each(round)
  }
  return { round, now }
}
