// fast-check arbitraries for the quiz model: random valid questions of every type, banks and blueprints.
import fc from 'fast-check'
import type { Difficulty, Question, QuestionType } from '../../src/quiz/internal.js'
import type { QuestionId } from '../../src/core/internal.js'

type Opt = { readonly id: string; readonly text: string; readonly fraction?: number; readonly feedback?: string }

const TAGS = ['党史', '新中国史', '改革开放史', '社会主义发展史', 'x'] as const
// Key material is marked with "KEY" so a leak test can look for it.
const keyText = (s: string): string => `KEY-${s}`

const commonArb = (id: string) =>
  fc.record({
    stem: fc.string({ minLength: 1, maxLength: 12 }).map((s) => `stem ${s}`),
    tags: fc.subarray([...TAGS], { maxLength: 3 }),
    difficulty: fc.constantFrom<Difficulty>(1, 2, 3, 4, 5),
    points: fc.integer({ min: 1, max: 10 }),
    explanation: fc.constant(keyText(`explanation-${id}`)),
    feedback: fc.constant(keyText(`feedback-${id}`)),
    source: fc.constant(keyText(`source-${id}`)),
    title: fc.constant(keyText(`title-${id}`))
  })

const optionsArb = (n: number) =>
  fc.constant(Array.from({ length: n }, (_, i): Opt => ({ id: `o${i}`, text: `option ${i}`, feedback: keyText(`ofb${i}`) })))

/** A random valid question of one type with a given id. */
export const questionArb = (id: string, type?: QuestionType): fc.Arbitrary<Question> => {
  const types: ReadonlyArray<QuestionType> = type === undefined ? ['single', 'multiple', 'judge', 'blank', 'ordering', 'matching', 'numerical', 'essay'] : [type]
  return fc.constantFrom(...types).chain((ty) =>
    commonArb(id).chain((c): fc.Arbitrary<Question> => {
      const base = { ...c, id: id as QuestionId }
      switch (ty) {
        case 'single':
          return fc.integer({ min: 2, max: 6 }).chain((n) =>
            fc.tuple(optionsArb(n), fc.integer({ min: 0, max: n - 1 }), fc.array(fc.constantFrom(0, 0.5, -0.5, 0.25), { minLength: n, maxLength: n })).map(
              ([opts, a, fr]) =>
                ({
                  ...base,
                  type: 'single',
                  options: opts.map((o, i) => (i === a ? o : { ...o, fraction: fr[i] as number })),
                  answer: `o${a}`
                }) as unknown as Question
            )
          )
        case 'multiple':
          return fc.integer({ min: 2, max: 7 }).chain((n) =>
            fc
              .tuple(
                optionsArb(n),
                fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: n }),
                fc.constantFrom('all-or-nothing', 'fractions', 'partial'),
                fc.boolean()
              )
              .map(([opts, ans, scoring, explicit]) => {
                const k = ans.length
                const w = n - k
                const options = opts.map((o, i) =>
                  explicit && scoring === 'fractions' ? { ...o, fraction: ans.includes(i) ? 1 / k : w === 0 ? 0 : -1 / w } : o
                )
                return { ...base, type: 'multiple', options, answer: ans.map((i) => `o${i}`), scoring } as unknown as Question
              })
          )
        case 'judge':
          return fc.boolean().map((a) => ({ ...base, type: 'judge', answer: a, trueFeedback: keyText('tf'), falseFeedback: keyText('ff') }) as unknown as Question)
        case 'blank':
          return fc.integer({ min: 1, max: 3 }).chain((n) =>
            fc.boolean().map(
              (cs) =>
                ({
                  ...base,
                  type: 'blank',
                  caseSensitive: cs,
                  blanks: Array.from({ length: n }, (_, i) => ({
                    id: `b${i}`,
                    accept: [{ text: keyText(`Blank${i}`) }, { text: keyText(`half${i}`), fraction: 0.5, feedback: keyText('bf') }]
                  }))
                }) as unknown as Question
            )
          )
        case 'ordering':
          return fc.integer({ min: 2, max: 6 }).chain((n) =>
            fc.tuple(fc.shuffledSubarray(Array.from({ length: n }, (_, i) => `i${i}`), { minLength: n, maxLength: n }), fc.constantFrom('all-or-nothing', 'positions')).map(
              ([order, scoring]) =>
                ({ ...base, type: 'ordering', items: Array.from({ length: n }, (_, i) => ({ id: `i${i}`, text: `item ${i}` })), answer: order, scoring }) as unknown as Question
            )
          )
        case 'matching':
          return fc.tuple(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 0, max: 2 })).map(
            ([n, d]) =>
              ({
                ...base,
                type: 'matching',
                pairs: Array.from({ length: n }, (_, i) => ({ id: `p${i}`, left: `left ${i}`, right: `right ${i}` })),
                ...(d > 0 ? { distractors: Array.from({ length: d }, (_, i) => `distractor ${i}`) } : {})
              }) as unknown as Question
          )
        case 'numerical':
          return fc.tuple(fc.integer({ min: 1900, max: 2000 }), fc.integer({ min: 0, max: 3 })).map(
            ([v, tol]) =>
              ({
                ...base,
                type: 'numerical',
                answers: [
                  { kind: 'exact', value: v, tolerance: tol, feedback: keyText('nf') },
                  { kind: 'range', min: v + 10, max: v + 20, fraction: 0.5 }
                ]
              }) as unknown as Question
          )
        case 'essay':
          return fc.constant({ ...base, type: 'essay', rubric: keyText('rubric') } as unknown as Question)
      }
    })
  )
}

/** A random bank of `min`..`max` questions with distinct ids. */
export const bankArb = (min = 1, max = 40): fc.Arbitrary<ReadonlyArray<Question>> =>
  fc.integer({ min, max }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => questionArb(`q${i}`))))
