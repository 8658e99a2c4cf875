/**
 * GIFT answer blocks, one reader per question type: choice (single or
 * multiple), short answer (blank), matching and numerical. Internal to the
 * GIFT importer.
 *
 * @module
 * @internal
 */
import { text, type Problem, type Text } from '../core/internal.js'
import type { Accepted, ChoiceOption, NumericAnswer, OptionId, Pair, Question, QuestionCommon, RichText, TextFormat } from '../quiz/internal.js'
import { NUMBER_SOURCE, findUnescaped, giftUnescape, readMarker, readWeight, richFromMarker, skipSpace, type GiftMarker } from './gift-text.js'

// -------------------------------------------------------------------------------------
// segments, pieces and answers
// -------------------------------------------------------------------------------------

export type Mutable<T> = { -readonly [K in keyof T]: T[K] }

export interface Segment {
  readonly prefix: '' | '=' | '~'
  /** Offset just after the prefix. */
  readonly start: number
  readonly end: number
}

const splitAnswers = (c: string, from: number, to: number): Array<Segment> => {
  const out: Array<Segment> = []
  let prefix: Segment['prefix'] = ''
  let start = from
  for (let i = from; i < to; i++) {
    const x = c.charCodeAt(i)
    if (x === 92) i++
    else if (x === 61 || x === 126) {
      if (prefix !== '' || skipSpace(c, start, i) < i) out.push({ prefix, start, end: i })
      prefix = x === 61 ? '=' : '~'
      start = i + 1
    }
  }
  if (prefix !== '' || skipSpace(c, start, to) < to) out.push({ prefix, start, end: to })
  return out
}

export interface Piece {
  readonly marker: GiftMarker | undefined
  readonly text: string
}

export const piece = (c: string, from: number, to: number): Piece => {
  const s = skipSpace(c, from, to)
  const m = readMarker(c, s)
  return { marker: m.marker, text: giftUnescape(c.slice(m.end, to)).trim() }
}

export interface Answer {
  readonly seg: Segment
  readonly weight: string | undefined
  readonly weightAt: number
  readonly textFrom: number
  readonly textTo: number
  readonly feedback: Piece | undefined
}

const readAnswer = (c: string, seg: Segment, feedback = true): Answer => {
  const s = skipSpace(c, seg.start, seg.end)
  const w = readWeight(c, s)
  const hash = feedback ? findUnescaped(c, '#', w.end, seg.end) : -1
  const fb = hash === -1 ? undefined : piece(c, hash + 1, seg.end)
  return { seg, weight: w.weight, weightAt: s, textFrom: w.end, textTo: hash === -1 ? seg.end : hash, feedback: fb === undefined || fb.text === '' ? undefined : fb }
}

const MSG_PREFIX = text('"=" or "~" before each answer', '每个答案前的 "=" 或 "~"')
// -------------------------------------------------------------------------------------
// answer blocks by type
// -------------------------------------------------------------------------------------

export type Fail = (code: Problem['code'], off: number, expected: Text, found: string | Text) => void
export type Rich = (p: Piece) => RichText
export type Frac = (a: Answer) => number | undefined

const oid = (prefix: string, n: number): OptionId => `${prefix}${n + 1}` as OptionId

export const choice = (c: string, from: number, to: number, common: Mutable<QuestionCommon>, rich: Rich, fraction: Frac, fail: Fail): Question | undefined => {
  const answers = splitAnswers(c, from, to).map((s) => readAnswer(c, s))
  const stray = answers.find((a) => a.seg.prefix === '')
  if (stray !== undefined) {
    fail('syntax', skipSpace(c, stray.seg.start, stray.seg.end), MSG_PREFIX, c.slice(stray.seg.start, stray.seg.end).trim())
    return undefined
  }
  const eqs = answers.filter((a) => a.seg.prefix === '=')
  if (eqs.length > 1) {
    fail(
      'unsupported',
      (eqs[1] as Answer).seg.start - 1,
      text(
        'one "=" answer in a choice question; several fully right answers of which any one scores (Moodle) have no equivalent here: use one "=" and "~%n%" weights, or no "=" and weights for a multiple-answer question',
        '选择题中只有一个 "=" 答案；多个"任选其一即满分"的答案（Moodle）在本库没有对应题型：请用一个 "=" 加 "~%n%" 权重，或不用 "=" 而用权重表示多选题'
      ),
      c.slice((eqs[1] as Answer).seg.start - 1, (eqs[1] as Answer).seg.end).trim()
    )
    return undefined
  }
  const options: Array<ChoiceOption> = answers.map((a, n) => {
    const f = eqs.length === 0 ? (fraction(a) ?? 0) : fraction(a)
    const o: { id: OptionId; text: RichText; fraction?: number; feedback?: RichText } = { id: oid('o', n), text: rich(piece(c, a.textFrom, a.textTo)) }
    if (f !== undefined) o.fraction = f
    if (a.feedback !== undefined) o.feedback = rich(a.feedback)
    return o
  })
  if (eqs.length === 1) {
    const k = answers.findIndex((a) => a.seg.prefix === '=')
    return Object.assign(common, { type: 'single' as const, options, answer: oid('o', k) })
  }
  const answer = options.filter((o) => (o.fraction ?? 0) > 0).map((o) => o.id)
  return Object.assign(common, { type: 'multiple' as const, options, answer, scoring: 'fractions' as const })
}

export const blank = (c: string, from: number, to: number, common: Mutable<QuestionCommon>, rich: Rich, fraction: Frac, fail: Fail): Question | undefined => {
  const segs = splitAnswers(c, from, to)
  const accept: Array<Accepted> = []
  segs.forEach((s, n) => {
    if (s.prefix === '' && n > 0) fail('syntax', s.start, MSG_PREFIX, c.slice(s.start, s.end).trim())
    const a = readAnswer(c, s)
    const f = fraction(a)
    // A short answer is compared as a string; a format marker on it carries no meaning and is dropped.
    const t = piece(c, a.textFrom, a.textTo).text
    accept.push({ text: t, ...(f === undefined ? {} : { fraction: f }), ...(a.feedback === undefined ? {} : { feedback: rich(a.feedback) }) })
  })
  return Object.assign(common, { type: 'blank' as const, blanks: [{ id: oid('b', 0), accept }] })
}

export const matching = (c: string, from: number, to: number, common: Mutable<QuestionCommon>, rich: Rich, dflt: TextFormat, fail: Fail): Question | undefined => {
  const pairs: Array<Pair> = []
  const distractors: Array<RichText> = []
  let ok = true
  for (const s of splitAnswers(c, from, to)) {
    const arrow = findArrow(c, s.start, s.end)
    if (s.prefix !== '=' || arrow === -1) {
      fail('syntax', skipSpace(c, s.start, s.end), text('"=left -> right" for each pair', '每对写作 "=左项 -> 右项"'), c.slice(s.start, s.end).trim())
      ok = false
      continue
    }
    const left = piece(c, s.start, arrow)
    // Moodle's right items are plain text, whatever the question's format.
    const right = richFromMarker(giftUnescape(c.slice(arrow + 2, s.end)).trim(), 'plain', dflt)
    // Moodle: a pair with an empty left side is an extra (distractor) right item.
    if (left.text === '') distractors.push(right)
    else pairs.push({ id: oid('p', pairs.length), left: rich(left), right })
  }
  if (!ok) return undefined
  return distractors.length === 0
    ? Object.assign(common, { type: 'matching' as const, pairs })
    : Object.assign(common, { type: 'matching' as const, pairs, distractors })
}

/** The first `->` in `c[from, to)`, or -1 (bounded: `indexOf` would scan the rest of the question for every pair). */
export const findArrow = (c: string, from: number, to: number): number => {
  for (let i = from; i + 1 < to; i++) {
    if (c.charCodeAt(i) === 45 && c.charCodeAt(i + 1) === 62) return i
  }
  return -1
}

const NUMBER = new RegExp(`^${NUMBER_SOURCE}$`)

/**
 * `min..max` or `value` / `value:tolerance` as two trimmed numbers: Moodle's
 * importer trims around `..` and `:`, so `{#1839 .. 1842}` and `{#1822 : 5}` read as written.
 */
const numberParts = (s: string, sep: string): readonly [string, string] | undefined => {
  const k = s.indexOf(sep)
  if (k <= 0) return undefined
  const a = s.slice(0, k).trim()
  const b = s.slice(k + sep.length).trim()
  return NUMBER.test(a) && NUMBER.test(b) ? [a, b] : undefined
}

const numericSpec = (c: string, from: number, to: number, fail: Fail): NumericAnswer | undefined => {
  const s = c.slice(from, to).trim()
  const at = skipSpace(c, from, to)
  const r = numberParts(s, '..')
  if (r !== undefined) {
    const min = Number(r[0])
    const max = Number(r[1])
    if (!Number.isFinite(min) || !Number.isFinite(max) || min > max) {
      fail('range', at, text('a range min..max of finite numbers with min ≤ max', '有限数区间 min..max，且 min ≤ max'), s)
      return undefined
    }
    return { kind: 'range', min, max }
  }
  const e = NUMBER.test(s) ? ([s, undefined] as const) : numberParts(s, ':')
  if (e !== undefined) {
    const value = Number(e[0])
    const tolerance = e[1] === undefined ? undefined : Number(e[1])
    if (!Number.isFinite(value) || (tolerance !== undefined && !(tolerance >= 0 && Number.isFinite(tolerance)))) {
      fail('range', at, text('a finite number and a tolerance ≥ 0', '有限数和非负误差'), s)
      return undefined
    }
    return tolerance === undefined ? { kind: 'exact', value } : { kind: 'exact', value, tolerance }
  }
  fail('syntax', at, text('a number, number:tolerance or min..max', '数、数:误差 或 最小..最大'), s)
  return undefined
}

export const numerical = (c: string, from: number, to: number, common: Mutable<QuestionCommon>, rich: Rich, fraction: Frac, fail: Fail): Question | undefined => {
  const segs = splitAnswers(c, from, to)
  const answers: Array<NumericAnswer> = []
  let ok = true
  const one = (a: Answer): void => {
    const spec = numericSpec(c, a.textFrom, a.textTo, fail)
    if (spec === undefined) {
      ok = false
      return
    }
    const f = fraction(a)
    const ans: Mutable<NumericAnswer> = spec
    if (f !== undefined) ans.fraction = f
    if (a.feedback !== undefined) ans.feedback = rich(a.feedback)
    answers.push(ans)
  }
  if (segs.every((s) => s.prefix === '')) {
    one(readAnswer(c, { prefix: '', start: from, end: to }))
  } else {
    for (const s of segs) {
      if (s.prefix === '') {
        fail('syntax', skipSpace(c, s.start, s.end), text('"=" before each numerical answer', '每个数值答案前的 "="'), c.slice(s.start, s.end).trim())
        ok = false
      } else if (s.prefix === '~') {
        // Moodle's catch-all wrong answer ("*" in its editor): only its feedback; nothing in our model carries it.
        fail(
          'unsupported',
          s.start - 1,
          text(
            'an "=" answer; a numerical "~" answer (feedback for any other value) has no equivalent here and the question was not imported',
            '"=" 答案；数值题的 "~" 答案（其余数值的反馈）在本库没有对应，题目未导入'
          ),
          c.slice(s.start - 1, s.end).trim()
        )
        ok = false
      } else one(readAnswer(c, s))
    }
  }
  return ok ? Object.assign(common, { type: 'numerical' as const, answers }) : undefined
}
