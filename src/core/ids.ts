/**
 * Branded string ids for members, units, events and questions, made only
 * through smart constructors: non-empty, at most 200 characters, not only
 * white space, no control, zero-width or bidirectional control characters,
 * no lone surrogates.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { at, problem, text, type PathSegment, type Problem, type Text } from './errors.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

declare const IdBrand: unique symbol

/**
 * A string id of one kind; the brand keeps a member id from being passed as an event id.
 *
 * @category model
 */
export type Id<K extends string> = string & { readonly [IdBrand]: K }

/** @category model */
export type MemberId = Id<'Member'>
/** @category model */
export type UnitId = Id<'Unit'>
/** @category model */
export type EventId = Id<'Event'>
/** @category model */
export type QuestionId = Id<'Question'>

/**
 * Longest id accepted, in UTF-16 code units.
 *
 * @category model
 * @example
 * idProblem('x'.repeat(MAX_ID_LENGTH + 1))?.en // => 'an id of at most 200 characters'
 */
export const MAX_ID_LENGTH = 200

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

// C0 and C1 control characters, plus line and paragraph separators.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/
// Invisible characters that make lookalike names: zero-width (U+200B-U+200D, U+2060, U+FEFF byte
// order mark, U+180E), soft hyphen, and bidirectional controls (U+200E/F, U+202A-U+202E, U+2066-U+2069, U+061C).
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/
// A UTF-16 surrogate without its partner: not a character at all.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
// Only white space (including ideographic and no-break spaces).
const BLANK = /^[\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff]*$/

/**
 * Why a string is not a valid id, or `undefined` if it is one. An id is
 * 1 to 200 UTF-16 code units, not only white space, and holds no control
 * characters, no zero-width or bidirectional control characters (so two ids
 * that look the same are the same) and no lone surrogate halves.
 *
 * @category constructors
 * @example
 * idProblem('m-001') // => undefined
 * idProblem('')?.en // => 'a non-empty id'
 * idProblem('张\u200b三')?.en // => 'an id without invisible characters (zero-width or bidirectional controls)'
 */
export const idProblem = (s: unknown): Text | undefined => {
  if (typeof s !== 'string') return text('an id (string)', '标识（字符串）')
  if (s.length === 0) return text('a non-empty id', '非空标识')
  if (s.length > MAX_ID_LENGTH) return text(`an id of at most ${MAX_ID_LENGTH} characters`, `不超过 ${MAX_ID_LENGTH} 个字符的标识`)
  if (CONTROL.test(s)) return text('an id without control characters', '不含控制字符的标识')
  if (INVISIBLE.test(s)) return text('an id without invisible characters (zero-width or bidirectional controls)', '不含不可见字符（零宽或双向控制字符）的标识')
  if (LONE_SURROGATE.test(s)) return text('an id of whole characters (no lone surrogate half)', '由完整字符组成的标识（无孤立代理项）')
  if (BLANK.test(s)) return text('an id that is not only white space', '不只是空白的标识')
  return undefined
}

/**
 * A smart constructor for ids of one kind.
 *
 * @category constructors
 * @example
 * const toMember = makeId<'Member'>()
 * toMember('m-001') // => right('m-001')
 * E.isLeft(toMember('')) // => true
 */
export const makeId =
  <K extends string>() =>
  (s: unknown, path: ReadonlyArray<PathSegment> = []): E.Either<Problem, Id<K>> => {
    const why = idProblem(s)
    return why === undefined ? E.right(s as Id<K>) : E.left(problem(typeof s === 'string' ? 'format' : 'type', at(path), why, s))
  }

/**
 * Make a member id.
 *
 * @category constructors
 * @example
 * memberId('张三-001') // => right('张三-001')
 */
export const memberId = /*#__PURE__*/ makeId<'Member'>()
/**
 * Make an organisation unit id (park, enterprise, branch, work group, household).
 *
 * @category constructors
 * @example
 * unitId('branch-7') // => right('branch-7')
 */
export const unitId = /*#__PURE__*/ makeId<'Unit'>()
/**
 * Make an event id.
 *
 * @category constructors
 * @example
 * eventId('ev-1') // => right('ev-1')
 */
export const eventId = /*#__PURE__*/ makeId<'Event'>()
/**
 * Make a question id.
 *
 * @category constructors
 * @example
 * questionId('q1') // => right('q1')
 */
export const questionId = /*#__PURE__*/ makeId<'Question'>()
