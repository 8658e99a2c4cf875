/**
 * Cross-field checks of a question, beyond its JSON shape: duplicate ids,
 * an answer naming no option, a single-choice question with two correct
 * options or none, empty stems, blanks without a full-credit answer, and so
 * on. Each problem carries its JSON path.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { at, decode, problem, text, unhandled, type Decoded, type PathSegment, type Problem } from '../core/internal.js'
import { QuestionC, textOf, type ChoiceOption, type Question } from './question.js'
import { normaliseAnswer } from './normalise.js'
import { compare, R_ONE, sum } from './rational.js'
import { multipleWeight } from './weights.js'

// -------------------------------------------------------------------------------------
// checks
// -------------------------------------------------------------------------------------

const duplicates = (ids: ReadonlyArray<string>, path: ReadonlyArray<PathSegment>, field?: string): Array<Problem> => {
  const out: Array<Problem> = []
  const first = new Map<string, number>()
  ids.forEach((id, i) => {
    const j = first.get(id)
    if (j === undefined) first.set(id, i)
    else out.push(problem('duplicate', at(field === undefined ? [...path, i] : [...path, i, field]), text(`an id not already used at index ${j}`, `未在第 ${j} 项使用过的标识`), id))
  })
  return out
}

const minCount = (n: number, min: number, path: ReadonlyArray<PathSegment>, what: string, zh: string): Array<Problem> =>
  n >= min ? [] : [problem('range', at(path), text(`at least ${min} ${what}`, `至少 ${min} 个${zh}`), n)]

const checkChoiceOptions = (options: ReadonlyArray<ChoiceOption>, p: ReadonlyArray<PathSegment>): Array<Problem> => [
  ...minCount(options.length, 2, [...p, 'options'], 'options', '选项'),
  ...duplicates(
    options.map((o) => o.id),
    [...p, 'options'],
    'id'
  ),
  ...options.flatMap((o, i) =>
    textOf(o.text).trim() === '' ? [problem('range', at([...p, 'options', i, 'text']), text('a non-empty option text', '非空选项文本'), o.text)] : []
  )
]

/**
 * Every problem of a structurally valid question, with paths under `path`.
 *
 * @category validation
 * @example
 * validateQuestion({ id: 'q', type: 'single', stem: 'x', tags: [], difficulty: 1, points: 1,
 *   options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }], answer: 'c' } as Question).length // => 1
 */
export const validateQuestion = (q: Question, path: ReadonlyArray<PathSegment> = []): ReadonlyArray<Problem> => {
  const out: Array<Problem> = []
  const p = path
  if (textOf(q.stem).trim() === '') out.push(problem('range', at([...p, 'stem']), text('a non-empty stem', '非空题干'), q.stem))
  switch (q.type) {
    case 'single': {
      out.push(...checkChoiceOptions(q.options, p))
      if (!q.options.some((o) => o.id === q.answer)) {
        out.push(problem('reference', at([...p, 'answer']), text('the id of one of the options', '某个选项的标识'), q.answer))
      }
      q.options.forEach((o, i) => {
        if (o.id === q.answer && o.fraction !== undefined && o.fraction !== 1) {
          out.push(problem('conflict', at([...p, 'options', i, 'fraction']), text('fraction 1 (or none) on the answer', '答案选项的权重为 1（或不写）'), o.fraction))
        }
        if (o.id !== q.answer && o.fraction === 1) {
          out.push(
            problem('conflict', at([...p, 'options', i, 'fraction']), text('one correct option only (a single-choice question)', '单选题只能有一个正确选项'), o.fraction)
          )
        }
      })
      break
    }
    case 'multiple': {
      out.push(...checkChoiceOptions(q.options, p))
      const ids = new Set(q.options.map((o) => o.id))
      if (q.answer.length === 0) out.push(problem('range', at([...p, 'answer']), text('at least one correct option', '至少一个正确选项'), q.answer))
      out.push(...duplicates(q.answer, [...p, 'answer']))
      q.answer.forEach((a, i) => {
        if (!ids.has(a)) out.push(problem('reference', at([...p, 'answer', i]), text('the id of one of the options', '某个选项的标识'), a))
      })
      const correct = new Set<string>(q.answer)
      q.options.forEach((o, i) => {
        if (o.fraction === undefined) return
        if (correct.has(o.id) && o.fraction <= 0) {
          out.push(problem('conflict', at([...p, 'options', i, 'fraction']), text('a positive fraction on a correct option', '正确选项的权重为正'), o.fraction))
        }
        if (!correct.has(o.id) && o.fraction > 0) {
          out.push(problem('conflict', at([...p, 'options', i, 'fraction']), text('a fraction ≤ 0 on a wrong option', '错误选项的权重不大于 0'), o.fraction))
        }
      })
      if ((q.scoring ?? 'all-or-nothing') === 'fractions' && q.answer.length > 0 && q.options.some((o) => o.fraction !== undefined)) {
        const w = multipleWeight(q, correct)
        const total = sum(q.options.filter((o) => correct.has(o.id)).map(w))
        if (compare(total, R_ONE) !== 0) {
          out.push(
            problem('conflict', at([...p, 'options']), text('fractions of the correct options adding up to 1', '正确选项权重之和为 1'), Number((total.n / total.d).toFixed(7)))
          )
        }
      }
      break
    }
    case 'judge':
      break
    case 'blank': {
      out.push(...minCount(q.blanks.length, 1, [...p, 'blanks'], 'blank', '空'))
      out.push(
        ...duplicates(
          q.blanks.map((b) => b.id),
          [...p, 'blanks'],
          'id'
        )
      )
      q.blanks.forEach((b, i) => {
        const bp = [...p, 'blanks', i, 'accept']
        if (!b.accept.some((a) => a.fraction === undefined || a.fraction === 1)) {
          out.push(problem('range', at(bp), text('at least one accepted answer with full credit', '至少一个满分答案'), b.accept.length))
        }
        b.accept.forEach((a, j) => {
          if (normaliseAnswer(a.text) === '') out.push(problem('range', at([...bp, j, 'text']), text('a non-empty accepted answer', '非空答案'), a.text))
        })
      })
      break
    }
    case 'ordering': {
      out.push(...minCount(q.items.length, 2, [...p, 'items'], 'items', '项'))
      out.push(
        ...duplicates(
          q.items.map((x) => x.id),
          [...p, 'items'],
          'id'
        )
      )
      const ids = new Set<string>(q.items.map((x) => x.id))
      const seen = new Set<string>()
      q.answer.forEach((a, i) => {
        if (!ids.has(a)) out.push(problem('reference', at([...p, 'answer', i]), text('the id of one of the items', '某一项的标识'), a))
        else if (seen.has(a)) out.push(problem('duplicate', at([...p, 'answer', i]), text('each item once', '每项只出现一次'), a))
        seen.add(a)
      })
      for (const id of ids) {
        if (!seen.has(id)) out.push(problem('missing', at([...p, 'answer']), text(`every item in the order, including ${id}`, `顺序中包含每一项，包括 ${id}`), q.answer))
      }
      break
    }
    case 'matching': {
      out.push(...minCount(q.pairs.length, 2, [...p, 'pairs'], 'pairs', '对'))
      out.push(
        ...duplicates(
          q.pairs.map((x) => x.id),
          [...p, 'pairs'],
          'id'
        )
      )
      break
    }
    case 'numerical': {
      out.push(...minCount(q.answers.length, 1, [...p, 'answers'], 'accepted answer', '答案'))
      if (q.answers.length > 0 && !q.answers.some((a) => a.fraction === undefined || a.fraction === 1)) {
        out.push(problem('range', at([...p, 'answers']), text('at least one accepted answer with full credit', '至少一个满分答案'), q.answers.length))
      }
      q.answers.forEach((a, i) => {
        if (a.kind === 'range' && a.min > a.max) out.push(problem('range', at([...p, 'answers', i, 'max']), text(`a maximum ≥ the minimum ${a.min}`, `不小于最小值 ${a.min} 的最大值`), a.max))
      })
      break
    }
    case 'essay':
      if (q.minLength !== undefined && q.maxLength !== undefined && q.minLength > q.maxLength) {
        out.push(problem('range', at([...p, 'maxLength']), text(`a maximum ≥ minLength ${q.minLength}`, `不小于 minLength ${q.minLength} 的最大长度`), q.maxLength))
      }
      break
    default:
      // Every question type has its case above: a new one is a compile error here, not a question left unchecked.
      unhandled(q, undefined)
  }
  return out
}

/**
 * Decode one question from untrusted JSON: its shape, then every cross-field check.
 *
 * @category validation
 * @example
 * E.isRight(decodeQuestion({ id: 'q1', type: 'judge', stem: '1921 年中共一大召开。', tags: [], difficulty: 1, points: 1, answer: true })) // => true
 */
export const decodeQuestion = (u: unknown, path: ReadonlyArray<PathSegment> = []): Decoded<Question> => {
  const r = decode(QuestionC, path)(u)
  if (E.isLeft(r)) return r
  const ps = validateQuestion(r.right, path)
  return ps.length > 0 ? E.left(ps) : r
}

