/**
 * The lexical layer of GIFT shared by import and export: escapes, format
 * markers, unescaped-character search, weights and numbers.
 *
 * @module
 */
import type { RichText, TextFormat } from '../quiz/internal.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A GIFT format marker: `[html]`, `[markdown]`, `[plain]` or `[moodle]` (Moodle's auto-format).
 *
 * @category model
 * @example
 * const m: GiftMarker = 'moodle' // read as plain text
 */
export type GiftMarker = TextFormat | 'moodle'

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/**
 * A GIFT text with its escapes resolved: `\~ \= \# \{ \} \: \\` give the
 * character, `\n` a line break; any other backslash stays as written.
 *
 * @category utilities
 * @example
 * giftUnescape('a \\= b\\nc \\\\ d \\x') // => 'a = b\nc \\ d \\x'
 */
export const giftUnescape = (s: string): string => {
  let k = s.indexOf('\\')
  if (k === -1) return s
  let out = ''
  let from = 0
  while (k !== -1 && k + 1 < s.length) {
    const x = s.charCodeAt(k + 1)
    // \\ \~ \= \# \{ \} \: and \n
    if (x === 92 || x === 126 || x === 61 || x === 35 || x === 123 || x === 125 || x === 58 || x === 110) {
      out += s.slice(from, k) + (x === 110 ? '\n' : String.fromCharCode(x))
      from = k + 2
      k = s.indexOf('\\', from)
    } else k = s.indexOf('\\', k + 1)
  }
  return from === 0 ? s : out + s.slice(from)
}

const ESCAPE = /[\\~=#{}:\n]/g

/**
 * A text written for GIFT: every control character and backslash escaped,
 * line breaks as `\n`, so the text stays on one line.
 *
 * @category utilities
 * @example
 * giftEscape('1 + 1 = 2 {ok}\n') // => '1 + 1 \\= 2 \\{ok\\}\\n'
 */
export const giftEscape = (s: string): string => s.replace(ESCAPE, (x) => (x === '\n' ? '\\n' : `\\${x}`))

/**
 * Is the character code GIFT white space (ASCII blanks, and Unicode spaces such as U+3000)?
 *
 * @category utilities
 * @example
 * isGiftSpace(0x3000) // => true
 */
export const isGiftSpace = (c: number): boolean =>
  c === 32 || c === 9 || c === 11 || c === 12 || c === 10 || (c > 127 && /\s/.test(String.fromCharCode(c)))

/**
 * The offset of the first unescaped `ch` in `s[from, to)`, or -1.
 *
 * @category utilities
 * @example
 * findUnescaped('a\\{b{', '{', 0) // => 4
 */
export const findUnescaped = (s: string, ch: string, from: number, to: number = s.length): number => {
  const code = ch.charCodeAt(0)
  for (let i = from; i < to; i++) {
    const x = s.charCodeAt(i)
    if (x === 92) i++
    else if (x === code) return i
  }
  return -1
}

/**
 * The offset of the first unescaped `::` in `s` from `from`, or -1.
 *
 * @category utilities
 * @example
 * findDoubleColon('a\\:::b', 0) // => 3
 */
export const findDoubleColon = (s: string, from: number): number => {
  for (let i = findUnescaped(s, ':', from); i !== -1; i = findUnescaped(s, ':', i + 1)) {
    if (s.charCodeAt(i + 1) === 58) return i
  }
  return -1
}

/**
 * The offset of the first unescaped `####` in `s[from, to)`, or -1.
 *
 * @category utilities
 * @example
 * findGeneralFeedback('=a#b####c', 0) // => 4
 */
export const findGeneralFeedback = (s: string, from: number, to: number = s.length): number => {
  for (let i = findUnescaped(s, '#', from, to); i !== -1; i = findUnescaped(s, '#', i + 1, to)) {
    if (i + 3 < to && s.startsWith('###', i + 1)) return i
  }
  return -1
}

/**
 * Skip white space from `i`, returning the first other offset (or `to`).
 *
 * @category utilities
 * @example
 * skipSpace('  x', 0) // => 2
 */
export const skipSpace = (s: string, i: number, to: number = s.length): number => {
  let k = i
  while (k < to && isGiftSpace(s.charCodeAt(k))) k++
  return k
}

const MARKER = /\[(html|markdown|plain|moodle)\]/y

/**
 * The format marker at offset `i` (`[html]` …), and the offset after it.
 *
 * @category utilities
 * @example
 * readMarker('[html]<b>x</b>', 0) // => { marker: 'html', end: 6 }
 * readMarker('x', 0) // => { marker: undefined, end: 0 }
 */
export const readMarker = (s: string, i: number): { readonly marker: GiftMarker | undefined; readonly end: number } => {
  if (s.charCodeAt(i) !== 91) return { marker: undefined, end: i }
  MARKER.lastIndex = i
  const m = MARKER.exec(s)
  return m === null ? { marker: undefined, end: i } : { marker: m[1] as GiftMarker, end: i + m[0].length }
}

/**
 * Does the text start like a format marker (so writing it bare would be read as one)?
 *
 * @category utilities
 * @example
 * startsWithMarker('[html] is a marker') // => true
 */
export const startsWithMarker = (s: string): boolean => /^\s*\[(html|markdown|plain|moodle)\]/.test(s)

const WEIGHT = /%([-+]?(?:\d+(?:\.\d*)?|\.\d+))%/y

/**
 * The `%n%` weight at offset `i`, as written, and the offset after it.
 *
 * @category utilities
 * @example
 * readWeight('%-50%x', 0) // => { weight: '-50', end: 5 }
 */
export const readWeight = (s: string, i: number): { readonly weight: string | undefined; readonly end: number } => {
  if (s.charCodeAt(i) !== 37) return { weight: undefined, end: i }
  WEIGHT.lastIndex = i
  const m = WEIGHT.exec(s)
  return m === null ? { weight: undefined, end: i } : { weight: m[1] as string, end: i + m[0].length }
}

/**
 * Does the text start like a `%n%` weight (so writing it bare after `=` or `~` would be read as one)?
 *
 * @category utilities
 * @example
 * startsWithWeight('%50% off') // => true
 */
export const startsWithWeight = (s: string): boolean => /^\s*%[-+]?(?:\d+(?:\.\d*)?|\.\d+)%/.test(s)

/**
 * A number as GIFT numerical answers write it (`-3.14`, `1e-7`).
 *
 * @category utilities
 * @example
 * new RegExp(`^${NUMBER_SOURCE}$`).test('-1.5e-7') // => true
 */
export const NUMBER_SOURCE = '[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?'

/**
 * The rich text for a text read with an optional marker, in a question whose texts default to `dflt`.
 *
 * @category utilities
 * @example
 * richFromMarker('x', 'html', 'plain') // => { text: 'x', format: 'html' }
 * richFromMarker('x', 'moodle', 'plain') // => 'x'
 */
export const richFromMarker = (t: string, marker: GiftMarker | undefined, dflt: TextFormat): RichText => {
  const f = marker === 'moodle' ? 'plain' : marker
  return f === undefined || f === dflt ? t : { text: t, format: f }
}
