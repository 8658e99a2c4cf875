/**
 * Rounds read back from a host's store: a round is plain JSON, and what
 * comes back from localStorage, a database or a client may be stale, edited
 * or truncated. `decodeRound` checks the shape, every paper question as a
 * bank question, and what the transitions rely on (one slot per question,
 * option orders that are permutations, responses that fit their question,
 * end fields that match the status), reporting every problem at its path.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { at, CountC, decode, decodeJson, NameC, oneOf, problem, refined, strict, text, type Decoded, type PathSegment, type Problem } from '../core/internal.js'
import { orderSize, type Paper, type PaperQuestion } from './paper.js'
import type { Rational } from './rational.js'
import { checkResponse, QuizResponseC } from './response.js'
import { verifyRound, type Round } from './round.js'
import { decodeQuestion } from './validate.js'

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

// An instant as the round stores it: epoch milliseconds, a whole number.
const EpochMsC = refined('EpochMs', (u): u is number => Number.isSafeInteger(u), text('an instant in epoch milliseconds (a whole number)', '纪元毫秒时刻（整数）'))

const PositiveC = refined('Positive', (u): u is number => typeof u === 'number' && Number.isFinite(u) && u > 0, text('a positive number', '正数'))

const RationalC = strict(
  {
    n: refined('SafeInteger', (u): u is number => Number.isSafeInteger(u), text('a whole number', '整数')),
    d: refined('PositiveInteger', (u): u is number => Number.isSafeInteger(u) && (u as number) > 0, text('a positive whole number', '正整数'))
  },
  {},
  'Rational'
)

const LimitsC = strict(
  { onTimeout: oneOf('TimeoutPolicy', ['submit', 'grace', 'discard']) },
  { roundMs: CountC, questionMs: CountC, graceMs: CountC },
  'Limits'
)

const SlotC = strict({ answers: CountC }, { openedAt: EpochMsC, response: QuizResponseC, answeredAt: EpochMsC, manual: RationalC, gradedAt: EpochMsC }, 'Slot')

// The question is checked by `decodeQuestion` afterwards (shape and cross-field checks, at its own path).
const PaperQuestionShapeC = strict({ handle: t.string, question: t.unknown, points: PositiveC, section: t.string, order: t.array(CountC) }, {}, 'PaperQuestion')

const PaperShapeC = strict({ id: t.string, blueprint: t.string, seed: t.string, sealKey: t.string, questions: t.array(PaperQuestionShapeC) }, {}, 'Paper')

/**
 * A stored round's shape (`decodeRound` adds the checks across fields).
 *
 * @category codecs
 * @example
 * E.isRight(decode(RoundShapeC)(JSON.parse(JSON.stringify(round)))) // => true
 */
export const RoundShapeC = /*#__PURE__*/ strict(
  {
    version: refined('Version2', (u): u is 2 => u === 2, text('version 2', '版本 2')),
    id: NameC,
    quiz: NameC,
    member: NameC,
    mode: oneOf('Mode', ['exam', 'practice', 'challenge', 'daily']),
    paper: t.string,
    step: CountC,
    seal: t.string,
    limits: LimitsC,
    status: oneOf('RoundStatus', ['open', 'submitted', 'discarded']),
    startedAt: EpochMsC,
    slots: t.array(SlotC)
  },
  { kind: NameC, endedAt: EpochMsC, endedBy: oneOf('EndReason', ['member', 'deadline', 'wrong-answer', 'completed', 'grace-over']) },
  'Round'
)

// -------------------------------------------------------------------------------------
// checks
// -------------------------------------------------------------------------------------

type Shape = t.TypeOf<typeof RoundShapeC>
type PaperShape = t.TypeOf<typeof PaperShapeC>

const isPermutation = (order: ReadonlyArray<number>, n: number): boolean => {
  if (order.length !== n) return false
  const seen = new Uint8Array(n)
  for (const i of order) {
    if (i >= n || seen[i] === 1) return false
    seen[i] = 1
  }
  return true
}

// Each paper question: a valid bank question, ids distinct, `order` a permutation of what it shuffles.
const checkPaper = (shape: PaperShape, ps: Array<Problem>): ReadonlyArray<PaperQuestion> => {
  const out: Array<PaperQuestion> = []
  const ids = new Set<string>()
  const handles = new Set<string>()
  shape.questions.forEach((pq, i) => {
    const path: ReadonlyArray<PathSegment> = ['questions', i]
    if (handles.has(pq.handle)) ps.push(problem('duplicate', at([...path, 'handle']), text('a question handle not used before on this paper', '本卷中未使用过的题目句柄'), pq.handle))
    handles.add(pq.handle)
    const q = decodeQuestion(pq.question, [...path, 'question'])
    if (E.isLeft(q)) {
      ps.push(...q.left)
      return
    }
    if (ids.has(q.right.id)) ps.push(problem('duplicate', at([...path, 'question', 'id']), text('a question id not used before on this paper', '本卷中未使用过的题目标识'), q.right.id))
    ids.add(q.right.id)
    const n = orderSize(q.right)
    if (!isPermutation(pq.order, n)) {
      ps.push(problem('range', at([...path, 'order']), text(`an order of the ${n} positions 0…${Math.max(0, n - 1)}, each once`, `0…${Math.max(0, n - 1)} 共 ${n} 个位置的排列，每个一次`), pq.order))
    }
    out.push({ handle: pq.handle, question: q.right, points: pq.points, section: pq.section, order: pq.order })
  })
  return out
}

const checkSlots = (shape: Shape, questions: ReadonlyArray<PaperQuestion | undefined>, ps: Array<Problem>): void => {
  const n = questions.length
  if (shape.slots.length !== n) ps.push(problem('conflict', at(['slots']), text(`one slot per paper question (${n})`, `每道试题一个作答位（${n}）`), shape.slots.length))
  shape.slots.forEach((s, i) => {
    const path: ReadonlyArray<PathSegment> = ['slots', i]
    if ((s.response === undefined) !== (s.answers === 0)) {
      ps.push(problem('conflict', at([...path, 'answers']), text(s.response === undefined ? '0 answers for a slot without a response' : 'at least 1 answer for a slot with a response', s.response === undefined ? '无作答时作答次数为 0' : '有作答时作答次数至少为 1'), s.answers))
    }
    const pq = questions[i]
    if (s.response !== undefined && pq !== undefined) {
      const bad = checkResponse(pq, s.response, [...path, 'response'])
      if (bad !== undefined) ps.push(bad)
    }
    const m: Rational | undefined = s.manual
    if (m !== undefined && !(m.n >= 0 && m.n <= m.d)) ps.push(problem('range', at([...path, 'manual']), text('a fraction of full marks from 0 to 1', '0 到 1 之间的得分比例'), `${m.n}/${m.d}`))
  })
}

const checkEnd = (shape: Shape, ps: Array<Problem>): void => {
  const open = shape.status === 'open'
  if (open && shape.endedAt !== undefined) ps.push(problem('conflict', at(['endedAt']), text('no end time on an open round', '进行中的答题没有结束时间'), shape.endedAt))
  if (open && shape.endedBy !== undefined) ps.push(problem('conflict', at(['endedBy']), text('no end reason on an open round', '进行中的答题没有结束原因'), shape.endedBy))
  if (!open && shape.endedAt === undefined) ps.push(problem('missing', at(['endedAt']), text(`the end time of a ${shape.status} round`, '已结束答题的结束时间'), undefined))
  if (!open && shape.endedBy === undefined) ps.push(problem('missing', at(['endedBy']), text(`the end reason of a ${shape.status} round`, '已结束答题的结束原因'), undefined))
  if (shape.endedAt !== undefined && shape.endedAt < shape.startedAt) {
    ps.push(problem('range', at(['endedAt']), text(`an end at or after the start ${shape.startedAt}`, `不早于开始时间 ${shape.startedAt} 的结束时间`), shape.endedAt))
  }
}

// -------------------------------------------------------------------------------------
// decoding
// -------------------------------------------------------------------------------------

/**
 * Decode a paper read back from the server's store: its shape, every paper
 * question as a bank question, handles and ids distinct, orders that are
 * permutations. Every problem comes back with its path.
 *
 * @category decoding
 * @example
 * decodePaper(JSON.parse(JSON.stringify(paper))) // => right(paper)
 */
export const decodePaper = (u: unknown): Decoded<Paper> => {
  const r = decode(PaperShapeC)(u)
  if (E.isLeft(r)) return r
  const ps: Array<Problem> = []
  const questions = checkPaper(r.right, ps)
  if (ps.length > 0) return E.left(ps)
  return E.right({ ...r.right, questions })
}

/**
 * Decode a round read back from a store (or sent by a client) against the
 * server's paper: its shape, the checks across fields, and its seal (a round
 * edited anywhere is a `conflict` problem at `$.seal`). Every problem comes
 * back with its path; a round that decodes behaves exactly as the round that was stored.
 *
 * @category decoding
 * @example
 * decodeRound(paper)(JSON.parse(JSON.stringify(round))) // => right(round)
 * decodeRound(paper)({ ...stored, slots: [] }) // => left([{ code: 'conflict', at: $.slots, … 'one slot per paper question (4)' }, …])
 */
export const decodeRound =
  (paper: Paper) =>
  (u: unknown): Decoded<Round> => {
    const r = decode(RoundShapeC)(u)
    if (E.isLeft(r)) return r
    const shape = r.right
    const ps: Array<Problem> = []
    if (shape.paper !== paper.id) ps.push(problem('reference', at(['paper']), text(`a round on paper ${paper.id}`, `试卷 ${paper.id} 的答题`), shape.paper))
    checkSlots(shape, paper.questions, ps)
    checkEnd(shape, ps)
    if (ps.length === 0) {
      const v = verifyRound(paper)(shape)
      if (E.isLeft(v)) ps.push(v.left)
      else return E.right(v.right)
    }
    return E.left(ps)
  }

/**
 * `decodeRound` from JSON text; a syntax error is a problem at `line:column`.
 *
 * @category decoding
 * @example
 * decodeRoundJson(paper, body) // => right(round) or left(problems)
 */
export const decodeRoundJson = (paper: Paper, json: string, file?: string): Decoded<Round> => {
  const r = decodeJson(t.unknown, file)(json)
  return E.isLeft(r) ? r : decodeRound(paper)(r.right)
}
