// Arbitraries for the formats property tests: banks in the canonical form an import
// produces (the form that survives export then import unchanged), over texts made of
// every GIFT special character, Chinese, and Unicode white space inside.
import fc from 'fast-check'
import type { QuestionId } from '../../src/core/internal.js'
import { startsWithWeight } from '../../src/formats/gift-text.js'
import type { Difficulty, NumericAnswer, OptionId, Question, QuestionCommon, RichText, TextFormat } from '../../src/quiz/question.js'

/** A question without its id (distributed over the union of types). */
export type NoId = Question extends infer Q ? (Q extends Question ? Omit<Q, 'id'> : never) : never

const ALPHABET = [
  ...'abcXYZ019 ',
  ...'~=#{}:\\[]%->/_*$\'"!?.,()|&<',
  '\n',
  '\t',
  '\u3000',
  ...'党史学习道德银行中共一大上海嘉兴',
  '😀'
]

/** A text as GIFT keeps it: non-empty, no white space at either end (GIFT trims). */
export const textArb: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 24 })
  .map((cs) => cs.join('').trim())
  .filter((s) => s !== '')

/** A text that does not start like a `%n%` weight (reported on export when written bare). */
export const optionTextArb = textArb.filter((s) => !startsWithWeight(s))
const noArrow = (s: string): boolean => !s.includes('->')

const FORMATS: ReadonlyArray<TextFormat> = ['plain', 'markdown', 'html']

/** A rich text in a question whose texts default to `q`: a string, or an object naming another format. */
export const richArb = (q: TextFormat, t: fc.Arbitrary<string> = textArb): fc.Arbitrary<RichText> =>
  fc.oneof(
    { weight: 3, arbitrary: t },
    {
      weight: 1,
      arbitrary: fc.tuple(t, fc.constantFrom(...FORMATS.filter((f) => f !== q))).map(([text, format]): RichText => ({ text, format }))
    }
  )

const optional = <K extends string, A>(key: K, a: fc.Arbitrary<A>): fc.Arbitrary<Partial<Record<K, A>>> =>
  fc.option(a, { nil: undefined }).map((v) => (v === undefined ? {} : ({ [key]: v } as Record<K, A>)))

const oid = (p: string, n: number): OptionId => `${p}${n + 1}` as OptionId
/** Decimal fractions as a teacher writes them (three places at most). */
const fractionArb = (min: number, max: number): fc.Arbitrary<number> => fc.integer({ min, max }).map((n) => n / 1000)

const stemArb = fc.oneof(textArb, fc.tuple(textArb, textArb).map(([a, b]) => `${a} _____ ${b}`), textArb.map((a) => `_____${a}`))

const commonArb = (format: TextFormat | undefined): fc.Arbitrary<Omit<QuestionCommon, 'id'>> => {
  const d: TextFormat = format ?? 'plain'
  return fc
    .record({
      title: fc.option(textArb, { nil: undefined }),
      stem: stemArb,
      tags: fc.uniqueArray(
        textArb.filter((t) => !t.includes(']') && !t.includes('\n')),
        { maxLength: 3 }
      ),
      difficulty: fc.constantFrom<Difficulty>(1, 2, 3, 4, 5),
      points: fc.integer({ min: 1, max: 100 }),
      feedback: fc.option(richArb(d), { nil: undefined })
    })
    .map(({ title, feedback, ...rest }) => ({
      ...rest,
      ...(title === undefined ? {} : { title }),
      ...(feedback === undefined ? {} : { feedback }),
      ...(format === undefined ? {} : { format })
    }))
}

type Body = Omit<Question, keyof QuestionCommon> & { readonly type: Question['type'] }

const singleArb = (d: TextFormat): fc.Arbitrary<Body> =>
  fc.integer({ min: 2, max: 5 }).chain((n) =>
    fc
      .tuple(
        fc.integer({ min: 0, max: n - 1 }),
        fc.array(
          fc.tuple(richArb(d, optionTextArb), optional('fraction', fractionArb(-1000, 999)), optional('feedback', richArb(d))),
          { minLength: n, maxLength: n }
        )
      )
      .map(([k, opts]) => ({
        type: 'single' as const,
        options: opts.map(([text, f, fb], i) => ({ id: oid('o', i), text, ...(i === k ? {} : f), ...fb })),
        answer: oid('o', k)
      }))
  )

const multipleArb = (d: TextFormat): fc.Arbitrary<Body> =>
  fc
    .tuple(fc.constantFrom(1, 2, 4, 5), fc.integer({ min: 0, max: 3 }))
    .filter(([k, m]) => k + m >= 2)
    .chain(([k, m]) =>
      fc
        .tuple(
          fc.shuffledSubarray([...Array(k + m).keys()], { minLength: k + m, maxLength: k + m }),
          fc.array(fc.tuple(richArb(d), fc.constantFrom(0, -0.25, -0.5, -1), optional('feedback', richArb(d))), { minLength: k + m, maxLength: k + m })
        )
        .map(([order, opts]) => {
          const options = opts.map(([text, wrong, fb], i) => ({ id: oid('o', i), text, fraction: (order[i] as number) < k ? 1 / k : wrong, ...fb }))
          return { type: 'multiple' as const, options, answer: options.filter((o) => o.fraction > 0).map((o) => o.id), scoring: 'fractions' as const }
        })
    )

const judgeArb = (d: TextFormat): fc.Arbitrary<Body> =>
  fc
    .tuple(fc.boolean(), optional('trueFeedback', richArb(d)), optional('falseFeedback', richArb(d)))
    .map(([answer, t, f]) => ({ type: 'judge' as const, answer, ...t, ...f }))

const blankText = optionTextArb.filter(noArrow)
const blankArb = (d: TextFormat): fc.Arbitrary<Body> => fc
  .tuple(
    fc.tuple(blankText, optional('feedback', richArb(d, blankText))),
    fc.array(fc.tuple(blankText, optional('fraction', fractionArb(0, 1000)), optional('feedback', richArb(d, blankText))), { maxLength: 3 })
  )
  .map(([[t0, fb0], rest]) => ({
    type: 'blank' as const,
    blanks: [{ id: oid('b', 0), accept: [{ text: t0, ...fb0 }, ...rest.map(([text, f, fb]) => ({ text, ...f, ...fb }))] }]
  }))

const matchingArb = (d: TextFormat): fc.Arbitrary<Body> =>
  fc
    .tuple(fc.array(fc.tuple(richArb(d, textArb.filter(noArrow)), textArb), { minLength: 2, maxLength: 4 }), fc.array(textArb, { maxLength: 2 }))
    .map(([pairs, distractors]) => {
      // Right items are plain text (as Moodle's), whatever the question's format.
      const plain = (s: string): RichText => (d === 'plain' ? s : { text: s, format: 'plain' })
      return {
        type: 'matching' as const,
        pairs: pairs.map(([left, right], i) => ({ id: oid('p', i), left, right: plain(right) })),
        ...(distractors.length === 0 ? {} : { distractors: distractors.map(plain) })
      }
    })

const num = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e25, max: 1e25 }).map((x) => (Object.is(x, -0) ? 0 : x))
const numericArb = (d: TextFormat, first: boolean): fc.Arbitrary<NumericAnswer> =>
  fc
    .tuple(
      fc.oneof(
        fc.tuple(num, fc.option(num.map(Math.abs), { nil: undefined })).map(([value, tolerance]) =>
          tolerance === undefined ? { kind: 'exact' as const, value } : { kind: 'exact' as const, value, tolerance }
        ),
        fc.tuple(num, num).map(([a, b]) => ({ kind: 'range' as const, min: Math.min(a, b), max: Math.max(a, b) }))
      ),
      first ? fc.constant({}) : optional('fraction', fractionArb(0, 1000)),
      optional('feedback', richArb(d))
    )
    .map(([spec, f, fb]) => ({ ...spec, ...f, ...fb }))

const numericalArb = (d: TextFormat): fc.Arbitrary<Body> =>
  fc
    .tuple(numericArb(d, true), fc.array(numericArb(d, false), { maxLength: 2 }))
    .map(([a, rest]) => ({ type: 'numerical' as const, answers: [a, ...rest] }))

const essayArb: fc.Arbitrary<Body> = fc.constant({ type: 'essay' as const })

/** A question of a type GIFT carries, in canonical (import) form, without its id. */
export const giftQuestionArb: fc.Arbitrary<NoId> = fc
  .constantFrom<TextFormat | undefined>(undefined, 'plain', 'markdown', 'html')
  .chain((format) => {
    const d = format ?? 'plain'
    return fc
      .tuple(commonArb(format), fc.oneof(singleArb(d), multipleArb(d), judgeArb(d), blankArb(d), matchingArb(d), numericalArb(d), essayArb))
      .map(([c, b]) => ({ ...c, ...b }) as NoId)
  })

/** A bank: questions with distinct ids. */
export const bankArb = (q: fc.Arbitrary<NoId>): fc.Arbitrary<ReadonlyArray<Question>> =>
  fc
    .uniqueArray(fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,11}$/), { maxLength: 6 })
    .chain((ids) => fc.tuple(...ids.map((id) => q.map((x) => ({ ...x, id: id as QuestionId }) as Question))))

/** A single-choice question as Aiken keeps it: one-line trimmed options, a stem without blank lines. */
export const aikenQuestionArb: fc.Arbitrary<NoId> = fc
  .tuple(
    fc.array(textArb.map((s) => s.replace(/\n/g, ' ').trim()).filter((s) => s !== '' && !/^[A-Z][.)][ \t]/.test(s) && !/^ANSWER\s*:/.test(s)), {
      minLength: 1,
      maxLength: 3
    }),
    fc.array(textArb.map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s !== ''), { minLength: 2, maxLength: 8 })
  )
  .chain(([lines, opts]) =>
    fc.integer({ min: 0, max: opts.length - 1 }).map(
      (k): NoId => ({
        type: 'single',
        stem: lines.join('\n'),
        tags: [],
        difficulty: 3,
        points: 1,
        options: opts.map((text, i) => ({ id: oid('o', i), text })),
        answer: oid('o', k)
      })
    )
  )
