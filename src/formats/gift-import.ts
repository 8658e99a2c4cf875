/**
 * GIFT import (Moodle's documented syntax) into the quiz module's question
 * model. Reading never stops at a bad question: every question that could be
 * read is returned, every problem has its `line:column`.
 *
 * @module
 */
import { idProblem, renderLocation, text, type Location, type Problem, type QuestionId, type Text } from '../core/internal.js'
import {
  DEFAULT_DIFFICULTY,
  DEFAULT_POINTS,
  type Difficulty,
  type Judge,
  type Question,
  type QuestionCommon,
  type RichText,
  type TextFormat,
  validateQuestion
} from '../quiz/internal.js'
import { BLANK_MARK, locator, normaliseSource, percentToFraction, questionKeyHash, relocate, suffixedId, textProblem, type ImportOptions, type ImportResult } from './source.js'
import { findDoubleColon, findGeneralFeedback, findUnescaped, giftUnescape, readMarker, richFromMarker, skipSpace } from './gift-text.js'
import { blank, choice, findArrow, matching, numerical, piece, type Answer, type Mutable, type Piece } from './gift-blocks.js'

// -------------------------------------------------------------------------------------
// chunks: the questions of a file, separated by blank lines, comments set aside
// -------------------------------------------------------------------------------------

interface Meta {
  id?: { readonly value: string; readonly at: number }
  readonly tags: Array<string>
  difficulty?: Difficulty
  points?: number
}

interface Ctx {
  readonly src: string
  readonly loc: (offset: number) => Location
  readonly problems: Array<Problem>
  readonly questions: Array<Question>
  readonly categories: Array<string>
  readonly used: Set<string>
  /** For each derived base id, the first suffix that may still be free (all below it are used). */
  readonly nextSuffix: Map<string, number>
  readonly prefix: string
  readonly baseTags: ReadonlyArray<string>
  category: string | undefined
}

const META_KEYS: ReadonlyArray<string> = ['id', 'tag', 'difficulty', 'points']

/**
 * The `[key:value]` items of a comment line, `[id:…]`, `[tag:…]`, `[difficulty:…]`, `[points:…]`,
 * in one pass (a regex here backtracked to the end of the line at every unclosed `[id:`).
 * An item's value runs to the next `]`; with no `]` left in the line there is no item after.
 */
const metaItems = (line: string): Array<{ readonly key: string; readonly value: string; readonly index: number }> => {
  const out: Array<{ key: string; value: string; index: number }> = []
  let close = -1 // the first "]" at or after the current "[" (monotone: found once for many "[")
  for (let k = line.indexOf('['); k !== -1; ) {
    const key = META_KEYS.find((w) => line.startsWith(w, k + 1) && line.charCodeAt(k + 1 + w.length) === 58)
    if (key === undefined) {
      k = line.indexOf('[', k + 1)
      continue
    }
    if (close <= k) close = line.indexOf(']', k)
    if (close === -1) break
    out.push({ key, value: line.slice(k + key.length + 2, close), index: k })
    k = line.indexOf('[', close + 1)
  }
  return out
}

const readComment = (ctx: Ctx, meta: Meta, start: number, end: number): void => {
  const line = ctx.src.slice(start, end)
  if (!line.includes('[')) return
  for (const m of metaItems(line)) {
    const value = m.value.trim()
    const off = start + m.index
    switch (m.key) {
      case 'id':
        meta.id = { value, at: off }
        break
      case 'tag':
        if (value !== '') meta.tags.push(value)
        break
      case 'difficulty': {
        const d = Number(value)
        if (/^[1-5]$/.test(value)) meta.difficulty = d as Difficulty
        else ctx.problems.push(textProblem('range', ctx.loc(off), text('a difficulty from 1 to 5', '1 到 5 的难度'), value))
        break
      }
      default: {
        const p = Number(value)
        if (/^\d+$/.test(value) && Number.isSafeInteger(p) && p > 0) meta.points = p
        else ctx.problems.push(textProblem('range', ctx.loc(off), text('a positive integer number of points', '正整数分值'), value))
      }
    }
  }
}

/**
 * Read a GIFT file: every question it holds, and every problem with its
 * `line:column`. Categories (`$CATEGORY: a/b`) tag the questions after them;
 * `// [id:x]`, `// [tag:t]`, `// [difficulty:n]`, `// [points:n]` comment
 * lines before a question set its id, tags, difficulty and points. Without
 * an `[id:…]` the id is the prefix plus a hash of the question's title, stem
 * format and stem (never of its answer block or feedback), with `-2`, `-3`, …
 * on later questions that read the same.
 *
 * @category import
 * @example
 * const r = importGift('// [id:q1]\n::一大::1921 年中共一大召开。{T}\n\n中共一大在{=上海 =嘉兴}召开。')
 * r.questions.map((q) => [q.id, q.type]) // => [['q1', 'judge'], ['gift-…', 'blank']]
 * r.questions[1].stem // => '中共一大在_____召开。'
 */
export const importGift = (input: string, options: ImportOptions = {}): ImportResult => {
  const src = normaliseSource(input)
  const ctx: Ctx = {
    src,
    loc: locator(src, options.file),
    problems: [],
    questions: [],
    categories: [],
    used: new Set(),
    nextSuffix: new Map(),
    prefix: options.idPrefix ?? 'gift-',
    baseTags: options.tags ?? [],
    category: undefined
  }
  let lines: Array<number> = [] // start, end pairs of the chunk's lines
  let meta: Meta = { tags: [] }
  const flush = (): void => {
    if (lines.length === 0) return
    readChunk(ctx, lines, meta)
    lines = []
    meta = { tags: [] }
  }
  let pos = 0
  while (pos <= src.length) {
    let end = src.indexOf('\n', pos)
    if (end === -1) end = src.length
    const k = skipSpace(src, pos, end)
    if (k === end) flush()
    else if (src.charCodeAt(k) === 47 && src.charCodeAt(k + 1) === 47) readComment(ctx, meta, k, end)
    else lines.push(pos, end)
    pos = end + 1
  }
  flush()
  return { questions: ctx.questions, problems: ctx.problems, categories: ctx.categories }
}

const readChunk = (ctx: Ctx, lines: ReadonlyArray<number>, meta: Meta): void => {
  const starts: Array<number> = []
  const abs: Array<number> = []
  let c = ''
  for (let i = 0; i < lines.length; i += 2) {
    if (i > 0) c += '\n'
    starts.push(c.length)
    abs.push(lines[i] as number)
    c += ctx.src.slice(lines[i] as number, lines[i + 1] as number)
  }
  // Binary search of the chunk's line starts: a question of many lines may have a problem on each.
  const where = (off: number): Location => {
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if ((starts[mid] as number) <= off) lo = mid
      else hi = mid - 1
    }
    return ctx.loc((abs[lo] as number) + off - (starts[lo] as number))
  }
  let i = skipSpace(c, 0)
  if (c.startsWith('$CATEGORY:', i)) {
    let eol = c.indexOf('\n', i)
    if (eol === -1) eol = c.length
    const name = c.slice(i + 10, eol).trim()
    if (name === '') ctx.problems.push(textProblem('syntax', where(i), text('a category path after $CATEGORY:', '$CATEGORY: 之后的类别路径'), ''))
    else {
      ctx.category = name
      ctx.categories.push(name)
    }
    i = skipSpace(c, eol)
    if (i >= c.length) return
  }
  readQuestion(ctx, c, i, where, meta)
}

// -------------------------------------------------------------------------------------
// one question
// -------------------------------------------------------------------------------------

type Where = (off: number) => Location
const END_OF_QUESTION = text('the end of the question', '题目结尾')

const readQuestion = (ctx: Ctx, c: string, from: number, where: Where, meta: Meta): void => {
  const problems: Array<Problem> = []
  const fail = (code: Problem['code'], off: number, expected: Text, found: string | Text): void => {
    problems.push(textProblem(code, where(off), expected, found))
  }
  const excerpt = (a: number, b: number): string => c.slice(a, Math.min(b, a + 60))
  let i = from
  let title: string | undefined
  if (c.startsWith('::', i)) {
    const close = findDoubleColon(c, i + 2)
    if (close === -1) {
      fail('syntax', i, text('"::" closing the title', '结束标题的 "::"'), excerpt(i, c.length))
      pushAll(ctx.problems, problems)
      return
    }
    const t = giftUnescape(c.slice(i + 2, close)).trim()
    if (t !== '') title = t
    i = close + 2
  }
  const open = findUnescaped(c, '{', i)
  if (open === -1) {
    fail(
      'unsupported',
      from,
      text(
        'a question with an answer block {…}; a GIFT description (text without answers) is not a question in this library and was not imported',
        '带答案块 {…} 的题目；GIFT 的说明文字（无答案）不是本库的题目，未导入'
      ),
      excerpt(i, c.length)
    )
    pushAll(ctx.problems, problems)
    return
  }
  const close = findUnescaped(c, '}', open + 1)
  const nested = findUnescaped(c, '{', open + 1, close === -1 ? c.length : close)
  if (close === -1 || nested !== -1) {
    const at = where(open)
    fail(
      'syntax',
      nested !== -1 ? nested : c.length,
      text(`"}" closing the answer block opened at ${renderLocation(at)}`, `结束 ${renderLocation(at)} 处答案块的 "}"`),
      nested !== -1 ? excerpt(nested, c.length) : END_OF_QUESTION
    )
    pushAll(ctx.problems, problems)
    return
  }
  const second = findUnescaped(c, '{', close + 1)
  if (second !== -1) {
    fail('unsupported', second, text('one answer block per question (separate questions with a blank line; write a literal brace as \\{)', '每题一个答案块（题目之间空一行；字面花括号写作 \\{）'), excerpt(second, c.length))
    pushAll(ctx.problems, problems)
    return
  }

  // stem, its format, and the missing word
  const sm = readMarker(c, skipSpace(c, i, open))
  const format: TextFormat | undefined = sm.marker === 'moodle' ? undefined : sm.marker
  const dflt: TextFormat = format ?? 'plain'
  const before = giftUnescape(c.slice(sm.end, open)).trimStart()
  const after = giftUnescape(c.slice(close + 1)).trimEnd()
  const stem = after.trim() === '' ? before.trimEnd() : `${before}${BLANK_MARK}${after}`

  // general feedback
  const gf = findGeneralFeedback(c, open + 1, close)
  const bodyEnd = gf === -1 ? close : gf
  const general = gf === -1 ? undefined : piece(c, gf + 4, close)

  const id = questionId(ctx, meta, title, format, stem, problems)
  const own = ctx.category === undefined ? meta.tags : [...meta.tags, ctx.category]
  const tags = ctx.baseTags.length === 0 && own.length <= 1 ? own : [...new Set([...ctx.baseTags, ...own])]
  // Built by assignment, not spreads: this runs once per question of files of many megabytes.
  const common: Mutable<QuestionCommon> = { id, stem, tags, difficulty: meta.difficulty ?? DEFAULT_DIFFICULTY, points: meta.points ?? DEFAULT_POINTS }
  if (title !== undefined) common.title = title
  if (format !== undefined) common.format = format
  if (general !== undefined && general.text !== '') common.feedback = richFromMarker(general.text, general.marker, dflt)
  const rich = (p: Piece): RichText => richFromMarker(p.text, p.marker, dflt)
  const fraction = (a: Answer): number | undefined => {
    if (a.weight === undefined) return undefined
    const f = percentToFraction(a.weight)
    if (!(f >= -1 && f <= 1)) {
      fail('range', a.weightAt, text('a weight from -100% to 100%', '-100% 到 100% 之间的权重'), `%${a.weight}%`)
      return undefined
    }
    return f
  }

  const s0 = skipSpace(c, open + 1, bodyEnd)
  const has = (ch: string): boolean => findUnescaped(c, ch, s0, bodyEnd) !== -1
  let q: Question | undefined
  if (s0 === bodyEnd) {
    q = Object.assign(common, { type: 'essay' as const })
  } else if (c.charCodeAt(s0) === 35) {
    q = numerical(c, s0 + 1, bodyEnd, common, rich, fraction, fail)
  } else if (has('~')) {
    q = choice(c, s0, bodyEnd, common, rich, fraction, fail)
  } else if (has('=') && findArrow(c, s0, bodyEnd) !== -1) {
    q = matching(c, s0, bodyEnd, common, rich, dflt, fail)
  } else {
    const hash = findUnescaped(c, '#', s0, bodyEnd)
    const head = c.slice(s0, hash === -1 ? bodyEnd : hash).trim()
    if (head === 'T' || head === 'TRUE' || head === 'F' || head === 'FALSE') {
      const answer = head.startsWith('T')
      const second = hash === -1 ? -1 : findUnescaped(c, '#', hash + 1, bodyEnd)
      const wrong = hash === -1 ? undefined : piece(c, hash + 1, second === -1 ? bodyEnd : second)
      const right = second === -1 ? undefined : piece(c, second + 1, bodyEnd)
      // Moodle: the first feedback is shown for the wrong pick, the second for the right one.
      const j: Mutable<Judge> = Object.assign(common, { type: 'judge' as const, answer })
      if (wrong !== undefined && wrong.text !== '') j[answer ? 'falseFeedback' : 'trueFeedback'] = rich(wrong)
      if (right !== undefined && right.text !== '') j[answer ? 'trueFeedback' : 'falseFeedback'] = rich(right)
      q = j
    } else {
      q = blank(c, s0, bodyEnd, common, rich, fraction, fail)
    }
  }
  if (problems.length === 0 && q !== undefined) {
    const invalid = validateQuestion(q)
    if (invalid.length > 0) pushAll(problems, invalid.map(relocate(where(from))))
  }
  if (problems.length === 0 && q !== undefined) {
    ctx.used.add(q.id)
    ctx.questions.push(q)
  } else if (problems.length === 0) {
    fail('syntax', open, text('a readable answer block', '可读的答案块'), excerpt(open, close + 1))
  }
  pushAll(ctx.problems, problems)
}

/** `to.push(...from)` without spreading: a question may have more problems than a call takes arguments. */
const pushAll = <A>(to: Array<A>, from: ReadonlyArray<A>): void => {
  for (const x of from) to.push(x)
}

// Issue #13: a derived id hashes what the author wrote as the question (title, stem format, stem),
// never the answer block or its feedback, which the id would otherwise give away to a client.
const questionId = (ctx: Ctx, meta: Meta, title: string | undefined, format: TextFormat | undefined, stem: string, problems: Array<Problem>): QuestionId => {
  if (meta.id !== undefined) {
    const why = idProblem(meta.id.value)
    if (why !== undefined) problems.push(textProblem('format', ctx.loc(meta.id.at), why, meta.id.value))
    else if (ctx.used.has(meta.id.value)) {
      problems.push(textProblem('duplicate', ctx.loc(meta.id.at), text('an id not used by an earlier question', '未被前面题目使用的标识'), meta.id.value))
    } else return meta.id.value as QuestionId
  }
  return suffixedId(ctx.used, ctx.nextSuffix, questionKeyHash(ctx.prefix, [title ?? '', format ?? '', stem])) as QuestionId
}

