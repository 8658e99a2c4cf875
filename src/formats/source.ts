/**
 * What every text format shares: the import result, source normalisation
 * (BOM, CRLF), offsets to `line:column`, deterministic content ids, and the
 * marker that stands for a blank in a stem.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { atText, problem, renderLocation, text, type Location, type Problem, type ProblemCode, type Text } from '../core/internal.js'
import type { Question } from '../quiz/internal.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * What an import read: every question it could read, in file order, and every
 * problem found, each at a `line:column` of the file. A question with a
 * problem is never in `questions`; a problem never hides the questions beside it.
 *
 * @category model
 * @example
 * const r: ImportResult = importGift('1921 年中共一大召开。{T}\n\nBroken {=a')
 * r.questions.length // => 1
 * r.problems.length // => 1
 */
export interface ImportResult {
  readonly questions: ReadonlyArray<Question>
  readonly problems: ReadonlyArray<Problem>
  /** GIFT `$CATEGORY:` paths met, in file order (each also tags the questions after it). */
  readonly categories: ReadonlyArray<string>
}

/**
 * Options of an import.
 *
 * @category model
 * @example
 * const o: ImportOptions = { file: 'party-history.gift', tags: ['党史'] }
 */
export interface ImportOptions {
  /** The file name put in every problem's location. */
  readonly file?: string
  /** Prefix of the ids derived from content (default `gift-` / `aiken-`). */
  readonly idPrefix?: string
  /** Tags given to every imported question, before its own. */
  readonly tags?: ReadonlyArray<string>
}

/**
 * What an export wrote, and every question (or part of one) the format cannot
 * carry, each at the question's JSON path (`$[3].explanation`).
 *
 * @category model
 * @example
 * const r: ExportResult = exportGift([])
 * r.text // => ''
 */
export interface ExportResult {
  readonly text: string
  readonly problems: ReadonlyArray<Problem>
}

/**
 * The marker that stands for a missing word in a stem (GIFT's text after the
 * answer block, `Grant is {=entombed} in Grant's tomb.` → `Grant is _____ in Grant's tomb.`).
 *
 * @category model
 * @example
 * importGift('中共一大在{=上海}召开。').questions[0].stem // => `中共一大在${BLANK_MARK}召开。`
 */
export const BLANK_MARK = '_____'

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/**
 * The text with a leading BOM removed and CRLF / CR line ends turned into LF
 * (lines and columns are unchanged by it).
 *
 * @category utilities
 * @example
 * normaliseSource('\uFEFFa\r\nb\rc') // => 'a\nb\nc'
 */
export const normaliseSource = (s: string): string => {
  const t = s.charCodeAt(0) === 0xfeff ? s.slice(1) : s
  return t.includes('\r') ? t.replace(/\r\n?/g, '\n') : t
}

/**
 * A function from an offset of a normalised text to its one-based
 * `line:column` location (columns count UTF-16 code units).
 *
 * @category utilities
 * @example
 * renderLocation(locator('ab\ncd', 'x.gift')(4)) // => 'x.gift:2:2'
 */
export const locator = (src: string, file?: string): ((offset: number) => Location) => {
  // Built on the first call: a file without problems never pays for it.
  let starts: Array<number> | undefined
  return (offset) => {
    if (starts === undefined) {
      starts = [0]
      for (let i = src.indexOf('\n'); i !== -1; i = src.indexOf('\n', i + 1)) starts.push(i + 1)
    }
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if ((starts[mid] as number) <= offset) lo = mid
      else hi = mid - 1
    }
    return atText(lo + 1, offset - (starts[lo] as number) + 1, file)
  }
}

/**
 * A short hash of a text, or of `s[from, to)` (53-bit cyrb53, 11 base-32 digits) after an
 * optional prefix, used to derive ids from content.
 *
 * @category utilities
 * @example
 * contentHash('abc') === contentHash('abc') // => true
 */
export const contentHash = (s: string, from = 0, to = s.length, prefix = ''): string => {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = from; i < to; i++) {
    const ch = s.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  // 53 bits as 11 base-32 digits after the prefix, built as one flat string
  // (a concatenation would be flattened again by the Set lookups of ids).
  const hi = 2097151 & h2
  const lo = h1 >>> 0
  const digits = [hi >>> 16, hi >>> 11, hi >>> 6, hi >>> 1, ((hi & 1) << 4) | (lo >>> 28), lo >>> 23, lo >>> 18, lo >>> 13, lo >>> 8, lo >>> 3, (lo & 7) << 2]
  // A long prefix (the host's) is concatenated: spreading it into one call could exceed the argument limit.
  if (prefix.length > 256) return prefix + String.fromCharCode(...digits.map((d) => B32[d & 31] as number))
  const n = prefix.length
  const codes: Array<number> = new Array<number>(n + 11)
  for (let i = 0; i < n; i++) codes[i] = prefix.charCodeAt(i)
  for (let i = 0; i < 11; i++) codes[n + i] = B32[(digits[i] as number) & 31] as number
  return String.fromCharCode(...codes)
}

const B32: ReadonlyArray<number> = /*#__PURE__*/ Array.from('0123456789abcdefghijklmnopqrstuv', (ch) => ch.charCodeAt(0))

/**
 * The base id derived from what the author wrote as the question: the prefix
 * plus a hash of the given parts (title, stem, …), each length-prefixed so no
 * two lists of parts read the same. The answer block is never one of the parts
 * (issue #13: the id is public, and would give the key away).
 *
 * @category utilities
 * @example
 * questionKeyHash('gift-', ['', '', 'Q']) === questionKeyHash('gift-', ['', '', 'Q']) // => true
 * questionKeyHash('gift-', ['a', 'b']) === questionKeyHash('gift-', ['ab', '']) // => false
 */
export const questionKeyHash = (prefix: string, parts: ReadonlyArray<string>): string => {
  const key = parts.map((p) => `${p.length}:${p}`).join('')
  return contentHash(key, 0, key.length, prefix)
}

/**
 * The first of `base`, `base-2`, `base-3`, … not in `used`, in expected
 * constant time however many questions share the base: `next` keeps, per
 * base, the first suffix that may be free (every one below it is used; `used`
 * only grows). The caller adds the id to `used` once the question is kept.
 *
 * @category utilities
 * @example
 * const used = new Set(['b', 'b-2'])
 * suffixedId(used, new Map(), 'b') // => 'b-3'
 */
export const suffixedId = (used: ReadonlySet<string>, next: Map<string, number>, base: string): string => {
  let n = next.get(base) ?? 1
  let id = n === 1 ? base : `${base}-${n}`
  while (used.has(id)) {
    n++
    id = `${base}-${n}`
  }
  next.set(base, n)
  return id
}

/**
 * A percentage written in a file (`33.33333`) as a fraction (`0.3333333`),
 * moving the decimal point in the digits so no rounding creeps in.
 *
 * @category utilities
 * @example
 * percentToFraction('7') // => 0.07
 * percentToFraction('-33.5') // => -0.335
 */
export const percentToFraction = (p: string): number => {
  const neg = p.startsWith('-')
  const body = neg || p.startsWith('+') ? p.slice(1) : p
  const dot = body.indexOf('.')
  const int = dot === -1 ? body : body.slice(0, dot)
  const frac = dot === -1 ? '' : body.slice(dot + 1)
  const padded = int.padStart(3, '0')
  const v = Number(`${padded.slice(0, -2)}.${padded.slice(-2)}${frac}`)
  return neg && v !== 0 ? -v : v
}

/**
 * A fraction as the percentage to write (`0.07` → `'7'`), exact in decimal digits.
 *
 * @category utilities
 * @example
 * fractionToPercent(0.07) // => '7'
 * fractionToPercent(-0.3333333) // => '-33.33333'
 */
export const fractionToPercent = (f: number): string => {
  const s = String(Math.abs(f))
  const m = /^(\d+)(?:\.(\d+))?(?:e([-+]\d+))?$/.exec(s)
  if (m === null) return String(f * 100)
  const exp = Number(m[3] ?? '0') + 2
  let digits = (m[1] ?? '') + (m[2] ?? '')
  let point = (m[1] ?? '').length + exp
  if (point < 0) {
    digits = '0'.repeat(-point) + digits
    point = 0
  }
  if (point > digits.length) digits = digits + '0'.repeat(point - digits.length)
  let int = digits.slice(0, point).replace(/^0+(?=\d)/, '')
  if (int === '') int = '0'
  const frac = digits.slice(point).replace(/0+$/, '')
  const out = frac === '' ? int : `${int}.${frac}`
  return f < 0 && out !== '0' ? `-${out}` : out
}

/**
 * A problem at a text location, with a short excerpt of what was found (or a description of it).
 *
 * @category utilities
 * @example
 * renderProblem(textProblem('syntax', atText(2, 5), text('"}"', '"}"'), 'end of question'))
 * // => '2:5: expected "}", got "end of question"'
 */
export const textProblem = (code: ProblemCode, where: Location, expected: Text, found: string | Text): Problem =>
  typeof found === 'string' ? problem(code, where, expected, found.length > 60 ? `${found.slice(0, 57)}…` : found) : { ...problem(code, where, expected, ''), received: found }

/**
 * An import result as an `Either`: every problem when there is one, else the questions.
 *
 * @category utilities
 * @example
 * E.isRight(importResultToEither(importGift('1921 年中共一大召开。{T}'))) // => true
 */
export const importResultToEither = (r: ImportResult): E.Either<ReadonlyArray<Problem>, ReadonlyArray<Question>> =>
  r.problems.length > 0 ? E.left(r.problems) : E.right(r.questions)

/**
 * A problem found by the quiz module's checks on an imported question, moved
 * to the question's place in the file, its JSON path kept in the message.
 *
 * @category utilities
 * @example
 * renderProblem(relocate(atText(4, 1))(problem('range', at(['options']), text('at least 2 options', '至少 2 个选项'), 1)))
 * // => '4:1: expected options: at least 2 options, got 1'
 */
export const relocate =
  (where: Location) =>
  (p: Problem): Problem => {
    if (p.at._tag === 'TextPosition') return { ...p, at: where }
    const path = renderLocation(p.at).replace(/^\$\.?/, '')
    return path === '' ? { ...p, at: where } : { ...p, at: where, expected: text(`${path}: ${p.expected.en}`, `${path}：${p.expected.zh}`) }
  }
