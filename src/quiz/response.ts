/**
 * What a member answers, in the labels of the public view (`A`, `B`, … and
 * `1`, `2`, …), with its JSON codec and the check against a paper question.
 *
 * @module
 */
import * as t from 'io-ts'
import { at, decode, decodeJson, dispatch, problem, refined, strict, text, unhandled, type Decoded, type PathSegment, type Problem, type Text } from '../core/internal.js'
import { letterLabel, numberLabel, orderSize, type PaperQuestion } from './paper.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A member's answer to one question, by type. Labels are those of the public view.
 *
 * @category model
 * @example
 * const a: QuizResponse = { type: 'multiple', choices: ['A', 'C'] }
 * const b: QuizResponse = { type: 'blank', values: ['遵义', '1935'] }
 * const c: QuizResponse = { type: 'matching', matches: { '1': 'B', '2': 'A' } }
 */
export type QuizResponse =
  | { readonly type: 'single'; readonly choice: string }
  | { readonly type: 'multiple'; readonly choices: ReadonlyArray<string> }
  | { readonly type: 'judge'; readonly value: boolean }
  | { readonly type: 'blank'; readonly values: ReadonlyArray<string> }
  | { readonly type: 'ordering'; readonly order: ReadonlyArray<string> }
  | { readonly type: 'matching'; readonly matches: Readonly<Record<string, string>> }
  | { readonly type: 'numerical'; readonly value: number }
  | { readonly type: 'essay'; readonly text: string }

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

const Finite = refined('FiniteNumber', (u): u is number => typeof u === 'number' && Number.isFinite(u), text('a finite number', '有限数'))

const BRANCHES: Readonly<Record<QuizResponse['type'], t.Mixed>> = {
  single: strict({ type: t.literal('single'), choice: t.string }),
  multiple: strict({ type: t.literal('multiple'), choices: t.array(t.string) }),
  judge: strict({ type: t.literal('judge'), value: t.boolean }),
  blank: strict({ type: t.literal('blank'), values: t.array(t.string) }),
  ordering: strict({ type: t.literal('ordering'), order: t.array(t.string) }),
  matching: strict({ type: t.literal('matching'), matches: t.record(t.string, t.string) }),
  numerical: strict({ type: t.literal('numerical'), value: Finite }),
  essay: strict({ type: t.literal('essay'), text: t.string })
}

/**
 * A response as JSON, dispatched on `type`.
 *
 * @category codecs
 * @example
 * import { decode } from 'moral-bank/core'
 * decode(QuizResponseC)({ type: 'single', choice: 'B' }) // => right({ type: 'single', choice: 'B' })
 */
export const QuizResponseC: t.Type<QuizResponse, unknown, unknown> = /*#__PURE__*/ dispatch<QuizResponse>(
  'QuizResponse',
  'type',
  BRANCHES as Readonly<Record<string, t.Type<QuizResponse, unknown, unknown>>>,
  text('a response type (single, multiple, judge, blank, ordering, matching, numerical, essay)', '作答类型（single、multiple、judge、blank、ordering、matching、numerical、essay）')
)

// -------------------------------------------------------------------------------------
// checks
// -------------------------------------------------------------------------------------

const labels = (n: number, f: (i: number) => string): ReadonlySet<string> => new Set(Array.from({ length: n }, (_, i) => f(i)))


/**
 * Read a member's response (say, from the page's form state or local storage) before sending it:
 * the response, or every problem at its path. The server checks it again against the paper.
 *
 * @category decoding
 * @example
 * decodeQuizResponse({ type: 'single', choice: 'B' }) // => right({ type: 'single', choice: 'B' })
 * decodeQuizResponse({ type: 'single' })._tag // => 'Left' ($.choice missing)
 */
export const decodeQuizResponse = (u: unknown): Decoded<QuizResponse> => decode(QuizResponseC)(u)

/**
 * `decodeQuizResponse` from JSON text: syntax errors and keys given twice come back at `file:line:column`.
 *
 * @category decoding
 * @example
 * decodeQuizResponseJson('{"type":"judge","value":true}') // => right({ type: 'judge', value: true })
 */
export const decodeQuizResponseJson = (json: string, file?: string): Decoded<QuizResponse> => decodeJson(QuizResponseC, file)(json)

/**
 * Why a response does not fit a paper question (wrong type, a label naming
 * no option, a wrong number of blanks, …), or `undefined` when it fits.
 *
 * @category utilities
 * @example
 * checkResponse(pq, { type: 'single', choice: 'Z' })?.code // => 'reference'
 */
export const checkResponse = (pq: PaperQuestion, r: QuizResponse, path: ReadonlyArray<PathSegment> = []): Problem | undefined => {
  const q = pq.question
  if (r.type !== q.type) return problem('type', at([...path, 'type']), text(`a ${q.type} response`, `${q.type} 题的作答`), r.type)
  const n = orderSize(q)
  // The problem texts are built only for a response that does not fit (this runs for every slot of every stored round).
  const option = (): Text => {
    const letters = Array.from({ length: n }, (_, i) => letterLabel(i))
    return text(`one of the labels ${letters.join(', ')}`, `选项标签之一：${letters.join('、')}`)
  }
  switch (r.type) {
    case 'single':
      return isLabel(r.choice, n) ? undefined : problem('reference', at([...path, 'choice']), option(), r.choice)
    case 'multiple': {
      const i = r.choices.findIndex((x) => !isLabel(x, n))
      if (i >= 0) return problem('reference', at([...path, 'choices', i]), option(), r.choices[i])
      return distinct(r.choices) ? undefined : problem('duplicate', at([...path, 'choices']), text('each label once', '每个标签只出现一次'), r.choices)
    }
    case 'blank': {
      const b = q.type === 'blank' ? q.blanks.length : 0
      return r.values.length === b ? undefined : problem('range', at([...path, 'values']), text(`${b} blank values`, `${b} 个填空`), r.values.length)
    }
    case 'ordering': {
      const i = r.order.findIndex((x) => !isLabel(x, n))
      if (i >= 0) return problem('reference', at([...path, 'order', i]), option(), r.order[i])
      return distinct(r.order) && r.order.length === n ? undefined : problem('range', at([...path, 'order']), text('every item label exactly once', '每个标签恰好一次'), r.order)
    }
    case 'matching': {
      const lefts = labels(q.type === 'matching' ? q.pairs.length : 0, numberLabel)
      for (const [k, v] of Object.entries(r.matches)) {
        if (!lefts.has(k)) return problem('reference', at([...path, 'matches', k]), text(`a left label among ${[...lefts].join(', ')}`, `左侧标签之一：${[...lefts].join('、')}`), k)
        if (!isLabel(v, n)) return problem('reference', at([...path, 'matches', k]), option(), v)
      }
      return undefined
    }
    case 'judge':
    case 'numerical':
    case 'essay':
      return undefined
    default:
      // Every response type has its case above: a new one is a compile error here, not a response taken as fitting.
      return unhandled(r, undefined)
  }
}

// True when `l` is the label of one of the first `n` positions (`letterLabel(i)` for some i < n): read as
// bijective base 26 (A = 1 … Z = 26, AA = 27, …), then checked by printing it back, so no long or odd text slips through.
const isLabel = (l: string, n: number): boolean => {
  if (l.length === 0 || l.length > 8) return false
  let k = 0
  for (let i = 0; i < l.length; i++) {
    const c = l.charCodeAt(i) - 64
    if (c < 1 || c > 26) return false
    k = k * 26 + c
  }
  return k - 1 < n && letterLabel(k - 1) === l
}

// No label twice: compared pairwise for the few labels a question has, through a set past that.
const distinct = (xs: ReadonlyArray<string>): boolean => {
  if (xs.length > 16) return new Set(xs).size === xs.length
  for (let i = 1; i < xs.length; i++) for (let j = 0; j < i; j++) if (xs[i] === xs[j]) return false
  return true
}
