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
import { at, CountC, decode, decodeJson, hmacSha256, NameC, oneOf, problem, refined, strict, text, type Decoded, type PathSegment, type Problem } from '../core/internal.js'
import { orderSize, type Paper, type PaperQuestion } from './paper.js'
import type { Rational } from './rational.js'
import { checkResponse, QuizResponseC } from './response.js'
import { adoptCheckedText, verifyRound, type Round } from './round.js'
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
// the shape check, by hand
// -------------------------------------------------------------------------------------

// `RoundShapeC` and the forbidden-key guard of `decode` as one plain predicate, for the stored-text path:
// true only for a value both accept (a property test holds it to exactly that), walked once without
// contexts or error values; the codec still runs on anything this refuses, for the problems.
type Obj = Record<string, unknown>
const isObj = (u: unknown): u is Obj => typeof u === 'object' && u !== null && !Array.isArray(u)
const isName = (u: unknown): boolean => typeof u === 'string' && u.length > 0
const isCount = (u: unknown): boolean => Number.isSafeInteger(u) && (u as number) >= 0
const isStrings = (u: unknown): boolean => {
  if (!Array.isArray(u)) return false
  for (const x of u) if (typeof x !== 'string') return false
  return true
}
const ROUND_KEYS: ReadonlySet<string> = /*#__PURE__*/ new Set(['version', 'id', 'quiz', 'member', 'mode', 'paper', 'step', 'seal', 'limits', 'status', 'startedAt', 'slots', 'kind', 'endedAt', 'endedBy'])
const SLOT_KEYS: ReadonlySet<string> = /*#__PURE__*/ new Set(['answers', 'openedAt', 'response', 'answeredAt', 'manual', 'gradedAt'])
const LIMIT_KEYS: ReadonlySet<string> = /*#__PURE__*/ new Set(['onTimeout', 'roundMs', 'questionMs', 'graceMs'])
// Own enumerable keys, as `Object.keys` lists them (an own `__proto__` key from JSON.parse included).
const onlyKeys = (o: Obj, known: ReadonlySet<string>): boolean => {
  for (const k in o) if (Object.prototype.hasOwnProperty.call(o, k) && !known.has(k)) return false
  return true
}
const twoKeys = (o: Obj, k: string): boolean => {
  let n = 0
  for (const x in o) {
    if (!Object.prototype.hasOwnProperty.call(o, x)) continue
    if ((x !== 'type' && x !== k) || ++n > 2) return false
  }
  return n === 2
}
const isResponse = (u: unknown): boolean => {
  if (!isObj(u)) return false
  switch (u['type']) {
    case 'single':
      return twoKeys(u, 'choice') && typeof u['choice'] === 'string'
    case 'multiple':
      return twoKeys(u, 'choices') && isStrings(u['choices'])
    case 'judge':
      return twoKeys(u, 'value') && typeof u['value'] === 'boolean'
    case 'blank':
      return twoKeys(u, 'values') && isStrings(u['values'])
    case 'ordering':
      return twoKeys(u, 'order') && isStrings(u['order'])
    case 'matching': {
      const m = u['matches']
      if (!twoKeys(u, 'matches') || !isObj(m)) return false
      for (const k of Object.keys(m)) if (FORBIDDEN.has(k) || typeof m[k] !== 'string') return false
      return true
    }
    case 'numerical':
      return twoKeys(u, 'value') && typeof u['value'] === 'number' && Number.isFinite(u['value'])
    case 'essay':
      return twoKeys(u, 'text') && typeof u['text'] === 'string'
    default:
      return false
  }
}
const FORBIDDEN: ReadonlySet<string> = /*#__PURE__*/ new Set(['__proto__', 'constructor', 'prototype'])
const isOptional = (u: unknown, is: (v: unknown) => boolean): boolean => u === undefined || is(u)
const isInstant = (u: unknown): boolean => Number.isSafeInteger(u)
const isRational = (u: unknown): boolean =>
  isObj(u) && onlyKeys(u, RATIONAL_KEYS) && Number.isSafeInteger(u['n']) && Number.isSafeInteger(u['d']) && (u['d'] as number) > 0
const RATIONAL_KEYS: ReadonlySet<string> = /*#__PURE__*/ new Set(['n', 'd'])
const isSlot = (u: unknown): boolean =>
  isObj(u) &&
  onlyKeys(u, SLOT_KEYS) &&
  isCount(u['answers']) &&
  isOptional(u['openedAt'], isInstant) &&
  isOptional(u['response'], isResponse) &&
  isOptional(u['answeredAt'], isInstant) &&
  isOptional(u['manual'], isRational) &&
  isOptional(u['gradedAt'], isInstant)
const MODES: ReadonlySet<unknown> = /*#__PURE__*/ new Set(['exam', 'practice', 'challenge', 'daily'])
const STATUSES: ReadonlySet<unknown> = /*#__PURE__*/ new Set(['open', 'submitted', 'discarded'])
const END_REASONS: ReadonlySet<unknown> = /*#__PURE__*/ new Set(['member', 'deadline', 'wrong-answer', 'completed', 'grace-over'])
const TIMEOUTS: ReadonlySet<unknown> = /*#__PURE__*/ new Set(['submit', 'grace', 'discard'])
const isLimits = (u: unknown): boolean =>
  isObj(u) && onlyKeys(u, LIMIT_KEYS) && TIMEOUTS.has(u['onTimeout']) && isOptional(u['roundMs'], isCount) && isOptional(u['questionMs'], isCount) && isOptional(u['graceMs'], isCount)

/**
 * True when `decode(RoundShapeC)` accepts a value (forbidden keys included), by a plain walk.
 * For JSON data (what `JSON.parse` returns); anything else is left to the codec.
 */
export const isRoundShape = (u: unknown): u is Shape => {
  if (!isObj(u) || !onlyKeys(u, ROUND_KEYS)) return false
  if (
    u['version'] !== 2 ||
    !isName(u['id']) ||
    !isName(u['quiz']) ||
    !isName(u['member']) ||
    !MODES.has(u['mode']) ||
    typeof u['paper'] !== 'string' ||
    !isCount(u['step']) ||
    typeof u['seal'] !== 'string' ||
    !isLimits(u['limits']) ||
    !STATUSES.has(u['status']) ||
    !isInstant(u['startedAt']) ||
    !isOptional(u['kind'], isName) ||
    !isOptional(u['endedAt'], isInstant) ||
    !isOptional(u['endedBy'], (v) => END_REASONS.has(v))
  ) {
    return false
  }
  const slots = u['slots']
  if (!Array.isArray(slots)) return false
  for (const s of slots) if (!isSlot(s)) return false
  return true
}

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

// The end of a round's JSON as `JSON.stringify(round)` writes it: the seal, always the last key.
const SEAL_KEY = ',"seal":"'
const SEAL_TAIL = SEAL_KEY.length + 64 + 2

/**
 * A round read from the JSON text `JSON.stringify(round)` wrote, checked without parsing it twice: the
 * text before `,"seal":"…"}` (closed with `}`) is exactly the canonical text the seal was computed over,
 * so the HMAC is checked over the stored text itself (no canonical copy, no second stringify). Then the
 * same checks as `decodeRound` (shape, forbidden keys, paper, slots, end fields); `undefined` when any
 * fails or the text is not in that form (another layout, a BOM, a bad seal): the caller then decodes it
 * the long way, which reports every problem at its path. A text whose seal matches was written from a
 * round sealed under this paper's key, so what it parses to is that round.
 */
const fromSealedText = (paper: Paper, json: string): Round | undefined => {
  const n = json.length
  const cut = n - SEAL_TAIL
  if (cut < 1 || json.charCodeAt(n - 1) !== 125 || json.charCodeAt(n - 2) !== 34 || !json.startsWith(SEAL_KEY, cut)) return undefined
  const seal = json.slice(cut + SEAL_KEY.length, n - 2)
  if (hmacSha256(paper.sealKey, `${json.slice(0, cut)}}`) !== seal) return undefined
  let u: unknown
  try {
    u = JSON.parse(json)
  } catch {
    return undefined
  }
  if (!isRoundShape(u)) return undefined
  const shape = u
  if (shape.paper !== paper.id) return undefined
  const ps: Array<Problem> = []
  checkSlots(shape, paper.questions, ps)
  checkEnd(shape, ps)
  return ps.length === 0 ? adoptCheckedText(paper, u as Round) : undefined
}

/**
 * `decodeRound` from JSON text; a syntax error is a problem at `line:column`.
 * The text `JSON.stringify(round)` wrote is read in one parse and its seal checked over the text itself
 * (the common case: a round kept in a store as it came); any other text is parsed and decoded as `decodeRound` does.
 * The round given back is remembered as checked, so grading it needs no second HMAC.
 *
 * @category decoding
 * @example
 * decodeRoundJson(paper, body) // => right(round) or left(problems)
 */
export const decodeRoundJson = (paper: Paper, json: string, file?: string): Decoded<Round> => {
  const fast = typeof json === 'string' ? fromSealedText(paper, json) : undefined
  if (fast !== undefined) return E.right(fast)
  const r = decodeJson(t.unknown, file)(json)
  return E.isLeft(r) ? r : decodeRound(paper)(r.right)
}
