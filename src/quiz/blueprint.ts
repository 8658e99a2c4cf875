/**
 * Blueprints (组卷方案): the sections of a paper, each with how many
 * questions, which types, a tag filter, a difficulty range or mix, points
 * per question and order. JSON codec included.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { at, decode, idCodec, problem, refined, strict, text, type Decoded, type Id, type Problem } from '../core/internal.js'
import { DifficultyC, QUESTION_TYPES, QuestionPointsC, type Difficulty, type QuestionType } from './question.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A tag filter: the question carries at least one of `any`, all of `all`, none of `none`.
 *
 * @category model
 */
export interface TagFilter {
  readonly any?: ReadonlyArray<string>
  readonly all?: ReadonlyArray<string>
  readonly none?: ReadonlyArray<string>
}

/**
 * How the questions of a section are ordered: drawn at random, in bank order, or by rising difficulty.
 *
 * @category model
 */
export type SectionOrder = 'random' | 'bank' | 'difficulty'

/**
 * One section of a blueprint.
 *
 * @category model
 */
export interface Section {
  readonly id: Id<'Section'>
  readonly title?: string
  /** How many questions. */
  readonly count: number
  /** Allowed types; any type when absent. */
  readonly types?: ReadonlyArray<QuestionType>
  readonly tags?: TagFilter
  /** A difficulty range (inclusive). */
  readonly difficulty?: { readonly min?: Difficulty; readonly max?: Difficulty }
  /** A difficulty mix: how many questions of each difficulty, adding up to `count`. */
  readonly mix?: Readonly<Partial<Record<'1' | '2' | '3' | '4' | '5', number>>>
  /** Points per question in this section; the question's own points when absent. */
  readonly points?: number
  /** `random` when absent. */
  readonly order?: SectionOrder
  /** Shuffle options, items and matches per question from the seed; `true` when absent. */
  readonly shuffleOptions?: boolean
}

/**
 * A blueprint: an id and its sections.
 *
 * @category model
 */
export interface Blueprint {
  readonly id: Id<'Blueprint'>
  readonly title?: string
  readonly sections: ReadonlyArray<Section>
}

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

const CountC = refined('Count', (u): u is number => Number.isSafeInteger(u) && (u as number) >= 0, text('a non-negative integer', '非负整数'))
const PositiveC = refined('PositiveCount', (u): u is number => Number.isSafeInteger(u) && (u as number) > 0, text('a positive integer', '正整数'))
const TypeC = refined(
  'QuestionType',
  (u): u is QuestionType => typeof u === 'string' && (QUESTION_TYPES as ReadonlyArray<string>).includes(u),
  text(`one of the question types ${QUESTION_TYPES.join(', ')}`, `题型之一：${QUESTION_TYPES.join('、')}`)
)

const SectionShapeC = strict(
  { id: idCodec<'Section'>('SectionId'), count: PositiveC },
  {
    title: t.string,
    types: t.array(TypeC),
    tags: strict({}, { any: t.array(t.string), all: t.array(t.string), none: t.array(t.string) }, 'TagFilter'),
    difficulty: strict({}, { min: DifficultyC, max: DifficultyC }, 'DifficultyRange'),
    mix: strict({}, { '1': CountC, '2': CountC, '3': CountC, '4': CountC, '5': CountC }, 'DifficultyMix'),
    points: QuestionPointsC,
    order: t.keyof({ random: null, bank: null, difficulty: null }),
    shuffleOptions: t.boolean
  },
  'Section'
)

/**
 * A blueprint as JSON (shape only; `decodeBlueprint` adds the cross-field checks).
 *
 * @category codecs
 * @example
 * E.isRight(decode(BlueprintC)({ id: 'daily', sections: [{ id: 's', count: 5 }] })) // => true
 */
export const BlueprintC = /*#__PURE__*/ strict(
  { id: idCodec<'Blueprint'>('BlueprintId'), sections: t.array(SectionShapeC) },
  { title: t.string },
  'Blueprint'
) as unknown as t.Type<Blueprint, unknown, unknown>

/**
 * Decode a blueprint: its shape, then a mix must add up to its section's
 * count, a range must have min ≤ max, section ids must be distinct.
 *
 * @category decoding
 * @example
 * E.isRight(decodeBlueprint({ id: 'daily', sections: [{ id: 's1', count: 5, types: ['single', 'judge'], tags: { any: ['党史'] } }] })) // => true
 * E.isLeft(decodeBlueprint({ id: 'x', sections: [{ id: 's1', count: 5, mix: { '1': 2 } }] })) // => true
 */
export const decodeBlueprint = (u: unknown): Decoded<Blueprint> => {
  const r = decode(BlueprintC)(u)
  if (E.isLeft(r)) return r
  const ps: Array<Problem> = []
  const seen = new Set<string>()
  r.right.sections.forEach((s, i) => {
    if (seen.has(s.id)) ps.push(problem('duplicate', at(['sections', i, 'id']), text('a section id not used before', '未使用过的分区标识'), s.id))
    seen.add(s.id)
    if (s.mix !== undefined) {
      const total = Object.values(s.mix).reduce<number>((a, b) => a + (b ?? 0), 0)
      if (total !== s.count) ps.push(problem('conflict', at(['sections', i, 'mix']), text(`a mix adding up to count ${s.count}`, `合计等于题量 ${s.count} 的难度配比`), total))
    }
    const lo = s.difficulty?.min
    const hi = s.difficulty?.max
    if (lo !== undefined && hi !== undefined && lo > hi) ps.push(problem('range', at(['sections', i, 'difficulty', 'max']), text(`a maximum ≥ ${lo}`, `不小于 ${lo} 的最大难度`), hi))
  })
  return ps.length > 0 ? E.left(ps) : r
}
