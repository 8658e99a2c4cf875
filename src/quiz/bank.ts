/**
 * Question banks: decoding a bank from JSON into an import report (valid
 * questions kept beside bad ones, every problem with its path), and the
 * indexes by tag, type and difficulty that paper assembly uses.
 *
 * @module
 */
import { at, decodeJson, problem, text, type PathSegment, type Problem, type QuestionId } from '../core/internal.js'
import { readOr } from '../core/internal/unreadable.js'
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { QUESTION_TYPES, type Difficulty, type Question, type QuestionType } from './question.js'
import { decodeQuestion } from './validate.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A question that could not be imported, with every problem found in it.
 *
 * @category model
 */
export interface Rejected {
  /** Its index in the input's `questions`. */
  readonly index: number
  /** Its id, when one could be read. */
  readonly id?: string
  readonly problems: ReadonlyArray<Problem>
}

/**
 * The import report of a bank: the valid questions, in input order, and the rejected ones.
 *
 * @category model
 */
export interface QuestionBankReport {
  readonly questions: ReadonlyArray<Question>
  readonly rejected: ReadonlyArray<Rejected>
  /** Every problem of the input, rejected questions' included, in input order. */
  readonly problems: ReadonlyArray<Problem>
}

/**
 * A bank indexed for assembly: questions by position, and sorted position
 * lists per tag, type and difficulty.
 *
 * @category model
 */
export interface QuestionBankIndex {
  readonly questions: ReadonlyArray<Question>
  readonly byId: ReadonlyMap<QuestionId, number>
  readonly byTag: ReadonlyMap<string, ReadonlyArray<number>>
  readonly byType: ReadonlyMap<QuestionType, ReadonlyArray<number>>
  readonly byDifficulty: ReadonlyMap<Difficulty, ReadonlyArray<number>>
}

// -------------------------------------------------------------------------------------
// decoding
// -------------------------------------------------------------------------------------

const BANK_TEXT = text('a bank: { "version": 1, "questions": [ … ] } or an array of questions', '题库：{ "version": 1, "questions": [ … ] } 或题目数组')

/**
 * Decode a bank from parsed JSON: `{ "version": 1, "questions": [...] }` (an
 * optional `title` too) or a bare array of questions. Never fails as a
 * whole: each question is kept or rejected on its own; duplicate ids reject
 * the later copies (the first stays).
 *
 * @category decoding
 * @example
 * const r = decodeQuestionBank({ version: 1, questions: [
 *   { id: 'q1', type: 'judge', stem: '遵义会议在 1935 年召开。', tags: ['党史'], difficulty: 2, points: 1, answer: true },
 *   { id: 'q2', type: 'single', stem: '', tags: [], difficulty: 1, points: 1, options: [], answer: 'a' }
 * ] })
 * r.questions.length // => 1
 * r.rejected[0]?.index // => 1
 */
export const decodeQuestionBank = (u: unknown): QuestionBankReport => {
  const top: Array<Problem> = []
  // Read by hand, so through readOr: a hostile value (a throwing Proxy or getter) is a problem, not a throw.
  const { list, base } = readOr(() => bankList(u, top), [], (p) => {
    top.length = 0
    top.push(p)
    return { list: [] as ArrayLike<unknown>, base: [] as ReadonlyArray<PathSegment> }
  })
  const questions: Array<Question> = []
  const rejected: Array<Rejected> = []
  const problems: Array<Problem> = [...top]
  const seen = new Map<string, number>()
  const count = readOr(() => list.length, base, (p) => {
    problems.push(p)
    return 0
  })
  for (let i = 0; i < count; i++) {
    const path = [...base, i]
    const read = readOr<{ readonly item: unknown; readonly id: string | undefined } | Problem>(() => readItem(list[i]), path, (p) => p)
    if (!('item' in read)) {
      rejected.push({ index: i, problems: [read] })
      problems.push(read)
      continue
    }
    const { item, id } = read
    const r = decodeQuestion(item, path)
    let ps: ReadonlyArray<Problem> = E.isLeft(r) ? r.left : []
    if (id !== undefined) {
      const first = seen.get(id)
      if (first !== undefined) {
        ps = [problem('duplicate', at([...path, 'id']), text(`an id not already used by question ${first}`, `未被第 ${first} 题使用的标识`), id), ...ps]
      } else if (E.isRight(r)) seen.set(id, i)
    }
    if (ps.length === 0 && E.isRight(r)) questions.push(r.right)
    else {
      rejected.push(id === undefined ? { index: i, problems: ps } : { index: i, id, problems: ps })
      problems.push(...ps)
    }
  }
  return { questions, rejected, problems }
}

// The questions of a bank document (an array, or { version, questions, title }), with its top-level problems.
const bankList = (u: unknown, top: Array<Problem>): { readonly list: ArrayLike<unknown>; readonly base: ReadonlyArray<PathSegment> } => {
  if (Array.isArray(u)) return { list: u, base: [] }
  if (typeof u !== 'object' || u === null) {
    top.push(problem('type', at(), BANK_TEXT, u))
    return { list: [], base: [] }
  }
  const o = u as Record<string, unknown>
  for (const k of Object.keys(o)) {
    if (k !== 'version' && k !== 'questions' && k !== 'title') {
      top.push(problem('unknown-key', at([k]), text('one of the keys version, questions, title', '以下键之一：version、questions、title'), k))
    }
  }
  const version = o['version']
  if (version !== 1) top.push(problem(version === undefined ? 'missing' : 'range', at(['version']), text('version 1', '版本 1'), version))
  const title = o['title']
  if (title !== undefined && typeof title !== 'string') top.push(problem('type', at(['title']), text('a string', '字符串'), title))
  const qs = o['questions']
  if (Array.isArray(qs)) return { list: qs, base: ['questions'] }
  top.push(problem(qs === undefined ? 'missing' : 'type', at(['questions']), text('an array of questions', '题目数组'), qs))
  return { list: [], base: [] }
}

// One question of the list, read once (a getter runs once), with its id when it has a string one.
const readItem = (item: unknown): { readonly item: unknown; readonly id: string | undefined } => {
  const rawId = typeof item === 'object' && item !== null ? (item as Record<string, unknown>)['id'] : undefined
  return { item, id: typeof rawId === 'string' ? rawId : undefined }
}


/**
 * Decode a bank from JSON text; a syntax error is a problem at line:column.
 *
 * @category decoding
 * @example
 * decodeQuestionBankJson('[').problems[0]?.code // => 'syntax'
 */
export const decodeQuestionBankJson = (json: string, file?: string): QuestionBankReport => {
  const r = decodeJson(t.unknown, file)(json)
  return E.isLeft(r) ? { questions: [], rejected: [], problems: r.left } : decodeQuestionBank(r.right)
}

// -------------------------------------------------------------------------------------
// indexes
// -------------------------------------------------------------------------------------

/**
 * Index questions by id, tag, type and difficulty (position lists ascending).
 * Questions should have distinct ids (as `decodeQuestionBank` guarantees); a later
 * duplicate is left out of `byId`.
 *
 * @category constructors
 * @example
 * const ix = indexQuestionBank(decodeQuestionBank(json).questions)
 * ix.byTag.get('党史')?.length // => how many questions carry the tag
 */
export const indexQuestionBank = (questions: ReadonlyArray<Question>): QuestionBankIndex => {
  const byId = new Map<QuestionId, number>()
  const byTag = new Map<string, Array<number>>()
  const byType = new Map<QuestionType, Array<number>>()
  const byDifficulty = new Map<Difficulty, Array<number>>()
  for (const ty of QUESTION_TYPES) byType.set(ty, [])
  for (const d of [1, 2, 3, 4, 5] as const) byDifficulty.set(d, [])
  for (let i = 0; i < questions.length; i++) {
    const q = questions[i] as Question
    if (!byId.has(q.id)) byId.set(q.id, i)
    for (const tag of q.tags) {
      let l = byTag.get(tag)
      if (l === undefined) {
        l = []
        byTag.set(tag, l)
      }
      if (l[l.length - 1] !== i) l.push(i)
    }
    byType.get(q.type)?.push(i)
    byDifficulty.get(q.difficulty)?.push(i)
  }
  return { questions, byId, byTag, byType, byDifficulty }
}
