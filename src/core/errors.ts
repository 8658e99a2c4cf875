/**
 * One error model for the whole library: a `Problem` says where (a JSON path
 * or a text position), what was expected and what came. Problems are values;
 * rendering them to English or Chinese text is a separate step.
 *
 * @module
 */

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A piece of text in both languages the library speaks.
 *
 * @category model
 * @example
 * const t: Text = { en: 'an integer', zh: '整数' }
 */
export interface Text {
  readonly en: string
  readonly zh: string
}

/**
 * A language a `Text` can be rendered in.
 *
 * @category model
 */
export type Locale = 'en' | 'zh'

/**
 * One segment of a JSON path: an object key or an array index.
 *
 * @category model
 */
export type PathSegment = string | number

/**
 * Where a problem is: inside a JSON value, or at a line and column of a text.
 *
 * @category model
 * @example
 * const here: Location = { _tag: 'JsonPath', segments: ['rules', 2, 'cap'] }
 * const there: Location = { _tag: 'TextPosition', file: 'bank.gift', line: 3, column: 7 }
 */
export type Location =
  | { readonly _tag: 'JsonPath'; readonly segments: ReadonlyArray<PathSegment> }
  | { readonly _tag: 'TextPosition'; readonly file?: string; readonly line: number; readonly column: number }

/**
 * What kind of problem it is; stable, so hosts can branch on it.
 *
 * @category model
 */
export type ProblemCode =
  | 'type'
  | 'missing'
  | 'unknown-key'
  | 'forbidden-key'
  | 'range'
  | 'format'
  | 'overflow'
  | 'duplicate'
  | 'conflict'
  | 'reference'
  | 'state'
  | 'syntax'
  | 'unsupported'
  | 'internal'

/**
 * One problem found in some input or operation.
 *
 * @category model
 * @example
 * import { problem, at, text, renderProblem } from 'moral-bank/core'
 * const p = problem('range', at(['rules', 2, 'cap', 'perDay']), text('a positive integer', '正整数'), -1)
 * renderProblem(p) // => '$.rules[2].cap.perDay: expected a positive integer, got -1'
 */
export interface Problem {
  readonly _tag: 'Problem'
  readonly code: ProblemCode
  readonly at: Location
  readonly expected: Text
  readonly received: Text
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Make a `Text` from its English and Chinese forms.
 *
 * @category constructors
 * @example
 * text('a string', '字符串') // => { en: 'a string', zh: '字符串' }
 */
export const text = (en: string, zh: string): Text => ({ en, zh })

/**
 * A location inside a JSON value, from its path segments.
 *
 * @category constructors
 * @example
 * renderLocation(at(['members', 0, 'id'])) // => '$.members[0].id'
 */
export const at = (segments: ReadonlyArray<PathSegment> = []): Location => ({ _tag: 'JsonPath', segments })

/**
 * A location in a text, one-based line and column, optionally in a named file.
 *
 * @category constructors
 * @example
 * renderLocation(atText(3, 7, 'bank.gift')) // => 'bank.gift:3:7'
 */
export const atText = (line: number, column: number, file?: string): Location =>
  file === undefined ? { _tag: 'TextPosition', line, column } : { _tag: 'TextPosition', file, line, column }

/**
 * Describe a received value for an error message, compactly and safely (never throws).
 *
 * @category constructors
 * @example
 * describeValue(undefined).en // => 'nothing'
 * describeValue('abc').en // => '"abc"'
 */
export const describeValue = (value: unknown): Text => {
  if (value === undefined) return text('nothing', '空（缺失）')
  if (typeof value === 'number') {
    const s = Number.isNaN(value) ? 'NaN' : Object.is(value, -0) ? '-0' : String(value)
    return text(s, s)
  }
  if (typeof value === 'bigint') return text(`${value}n`, `${value}n`)
  if (typeof value === 'function') return text('a function', '函数')
  if (typeof value === 'symbol') return text('a symbol', '符号')
  let s: string
  try {
    s = JSON.stringify(value) ?? String(value)
  } catch {
    // A cycle, a BigInt inside, or a hostile Proxy (even Array.isArray can throw on a revoked one).
    try {
      s = Array.isArray(value) ? '[…]' : '{…}'
    } catch {
      s = '{…}'
    }
  }
  if (s.length > 80) s = `${s.slice(0, 77)}…`
  return text(s, s)
}

/**
 * Make a problem; the received value is described for you (see `describeValue`).
 *
 * @category constructors
 * @example
 * problem('type', at(['id']), text('a string', '字符串'), 42).received.en // => '42'
 */
export const problem = (code: ProblemCode, where: Location, expected: Text, received: unknown): Problem => ({
  _tag: 'Problem',
  code,
  at: where,
  expected,
  received: describeValue(received)
})

// -------------------------------------------------------------------------------------
// combinators
// -------------------------------------------------------------------------------------

/**
 * Move a problem under a path prefix (used when a decoder for a part runs inside a whole).
 *
 * @category combinators
 * @example
 * renderLocation(prefixPath(['rules', 0])(problem('missing', at(['cap']), text('a cap', '上限'), undefined)).at)
 * // => '$.rules[0].cap'
 */
export const prefixPath =
  (prefix: ReadonlyArray<PathSegment>) =>
  (p: Problem): Problem =>
    p.at._tag === 'JsonPath' ? { ...p, at: at([...prefix, ...p.at.segments]) } : p

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/**
 * Render a location: `$.rules[2].cap.perDay` or `file:line:column`.
 *
 * @category utilities
 * @example
 * renderLocation(at(['a b', 1])) // => '$["a b"][1]'
 */
export const renderLocation = (where: Location): string => {
  if (where._tag === 'TextPosition') {
    return `${where.file === undefined ? '' : `${where.file}:`}${where.line}:${where.column}`
  }
  let out = '$'
  for (const s of where.segments) {
    out += typeof s === 'number' ? `[${s}]` : IDENT.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`
  }
  return out
}

/**
 * Render one problem as a line of text in English (default) or Chinese.
 *
 * @category utilities
 * @example
 * const p = problem('type', at(['points']), text('an integer', '整数'), 1.5)
 * renderProblem(p) // => '$.points: expected an integer, got 1.5'
 * renderProblem(p, 'zh') // => '$.points：应为整数，实际为 1.5'
 */
export const renderProblem = (p: Problem, locale: Locale = 'en'): string => {
  const where = renderLocation(p.at)
  return locale === 'zh'
    ? `${where}：应为${p.expected.zh}，实际为 ${p.received.zh}`
    : `${where}: expected ${p.expected.en}, got ${p.received.en}`
}

/**
 * Render many problems, one per line.
 *
 * @category utilities
 * @example
 * renderProblems([problem('missing', at(['id']), text('a string', '字符串'), undefined)])
 * // => '$.id: expected a string, got nothing'
 */
export const renderProblems = (ps: ReadonlyArray<Problem>, locale: Locale = 'en'): string =>
  ps.map((p) => renderProblem(p, locale)).join('\n')

/**
 * A list of names for an "expected" text, capped: the first `max` (10 by
 * default) and then "(and N more)", so a problem about one of 5,000 accounts
 * stays one short line. Reads only the first `max` values.
 *
 * @category utilities
 * @example
 * listText(['a', 'b', 'c'], 2) // => { en: 'a, b (and 1 more)', zh: 'a、b（另有 1 个）' }
 * listText([]) // => { en: '(none)', zh: '（无）' }
 */
export const listText = (values: Iterable<string>, max = 10, size?: number): Text => {
  const shown: Array<string> = []
  let n = 0
  for (const v of values) {
    if (shown.length < max) shown.push(v)
    n++
    if (n > max && size !== undefined) break
  }
  const total = size ?? n
  if (total === 0) return text('(none)', '（无）')
  return total > shown.length
    ? text(`${shown.join(', ')} (and ${total - shown.length} more)`, `${shown.join('、')}（另有 ${total - shown.length} 个）`)
    : text(shown.join(', '), shown.join('、'))
}
