/**
 * Where JSON text goes wrong and where a JSON path points in it: `JSON.parse`
 * messages differ between engines and often carry no position (Node 20:
 * "Unexpected token ',', ... is not valid JSON"), so on failure this scanner
 * finds the offset of the first error itself. Everything here is one
 * iterative pass over the text, with no regular expressions and no
 * recursion: any size and any depth is safe, and nothing throws. A leading
 * UTF-8 byte order mark (U+FEFF, as Windows Notepad writes) is skipped.
 *
 * @module
 */
import { text, type PathSegment, type Text } from './errors.js'

const isWs = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39
const isHex = (c: number): boolean => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)

/** Where the text starts after a leading byte order mark (0 or 1). */
const bodyStart = (s: string): number => (s.charCodeAt(0) === 0xfeff ? 1 : 0)

/**
 * The text without a leading UTF-8 byte order mark (U+FEFF), if it has one.
 *
 * @category utilities
 * @example
 * stripBom('\uFEFF{"a": 1}') // => '{"a": 1}'
 */
export const stripBom = (s: string): string => (bodyStart(s) === 1 ? s.slice(1) : s)

// The offset after a string starting at `start` (a '"'), or -(offset of the error) - 1.
const scanString = (s: string, start: number): number => {
  let i = start + 1
  const n = s.length
  while (i < n) {
    const c = s.charCodeAt(i)
    if (c === 0x22) return i + 1
    if (c < 0x20) return -i - 1
    if (c === 0x5c) {
      const d = s.charCodeAt(i + 1)
      if (d === 0x75) {
        for (let k = 2; k < 6; k++) if (!isHex(s.charCodeAt(i + k))) return -(i + k) - 1
        i += 6
      } else if (d === 0x22 || d === 0x5c || d === 0x2f || d === 0x62 || d === 0x66 || d === 0x6e || d === 0x72 || d === 0x74) i += 2
      else return -(i + 1) - 1
    } else i++
  }
  return -n - 1
}

// The offset after a number starting at `i`, or -(offset of the error) - 1.
const scanNumber = (s: string, start: number): number => {
  let i = start
  if (s.charCodeAt(i) === 0x2d) i++
  const c = s.charCodeAt(i)
  if (c === 0x30) i++
  else if (isDigit(c)) while (isDigit(s.charCodeAt(i))) i++
  else return -i - 1
  if (s.charCodeAt(i) === 0x2e) {
    i++
    if (!isDigit(s.charCodeAt(i))) return -i - 1
    while (isDigit(s.charCodeAt(i))) i++
  }
  const e = s.charCodeAt(i)
  if (e === 0x65 || e === 0x45) {
    i++
    const sign = s.charCodeAt(i)
    if (sign === 0x2b || sign === 0x2d) i++
    if (!isDigit(s.charCodeAt(i))) return -i - 1
    while (isDigit(s.charCodeAt(i))) i++
  }
  return i
}

// The key of a string token [start, end): most keys have no escapes.
const keyOf = (s: string, start: number, end: number): string => {
  const raw = s.slice(start + 1, end - 1)
  if (raw.indexOf('\\') < 0) return raw
  try {
    return JSON.parse(s.slice(start, end)) as string
  } catch {
    return raw
  }
}

// -------------------------------------------------------------------------------------
// the one walker
// -------------------------------------------------------------------------------------

/** What a walk reports: each value where it starts, each container's end, each key. */
interface Visitor {
  /** A value starts at `offset`, under segment `seg` of its container (undefined at the top). */
  readonly value: (seg: PathSegment | undefined, offset: number, container: boolean) => void
  /** The container opened last ends. */
  readonly close: () => void
  /** A key of the object opened last (before its value). */
  readonly key?: (key: string, offset: number) => void
}

type Expect = 'value' | 'key' | 'colon' | 'comma-or-close' | 'end'

interface Frame {
  readonly object: boolean
  // 'first': just opened; 'value': a value is next; 'key'; 'colon'; 'next': ',' or the close.
  state: 'first' | 'value' | 'key' | 'colon' | 'next'
  index: number
  key: string
}

/**
 * Walk JSON text once, calling the visitor; stop at the first syntax error.
 * Returns the error's offset and what was expected there, or undefined.
 */
const walk = (s: string, v: Visitor | undefined): { readonly offset: number; readonly expected: Expect } | undefined => {
  let i = bodyStart(s)
  const n = s.length
  const stack: Array<Frame> = []
  let done = false
  for (;;) {
    while (i < n && isWs(s.charCodeAt(i))) i++
    const frame = stack[stack.length - 1]
    if (frame === undefined && done) return i === n ? undefined : { offset: i, expected: 'end' }
    const c = s.charCodeAt(i)
    if (frame !== undefined && frame.state !== 'value') {
      const close = frame.object ? 0x7d : 0x5d
      if ((frame.state === 'first' || frame.state === 'next') && c === close) {
        i++
        stack.pop()
        v?.close()
        if (stack.length === 0) done = true
        continue
      }
      if (frame.state === 'next') {
        if (c !== 0x2c) return { offset: i, expected: 'comma-or-close' }
        i++
        if (frame.object) frame.state = 'key'
        else {
          frame.state = 'value'
          frame.index++
        }
        continue
      }
      if (frame.state === 'colon') {
        if (c !== 0x3a) return { offset: i, expected: 'colon' }
        i++
        frame.state = 'value'
        continue
      }
      if (frame.object) {
        if (c !== 0x22) return { offset: i, expected: 'key' }
        const end = scanString(s, i)
        if (end < 0) return { offset: -end - 1, expected: 'key' }
        frame.key = keyOf(s, i, end)
        v?.key?.(frame.key, i)
        i = end
        frame.state = 'colon'
        continue
      }
      frame.state = 'value' // an array's first element
    }
    // A value.
    if (i >= n) return { offset: i, expected: 'value' }
    const seg: PathSegment | undefined = frame === undefined ? undefined : frame.object ? frame.key : frame.index
    if (frame !== undefined) frame.state = 'next'
    if (c === 0x7b || c === 0x5b) {
      v?.value(seg, i, true)
      i++
      stack.push({ object: c === 0x7b, state: 'first', index: 0, key: '' })
      continue
    }
    let end: number
    if (c === 0x22) end = scanString(s, i)
    else if (s.startsWith('true', i)) end = i + 4
    else if (s.startsWith('false', i)) end = i + 5
    else if (s.startsWith('null', i)) end = i + 4
    else end = scanNumber(s, i)
    if (end < 0) return { offset: -end - 1, expected: 'value' }
    v?.value(seg, i, false)
    i = end
    if (stack.length === 0) done = true
  }
}

// -------------------------------------------------------------------------------------
// syntax errors
// -------------------------------------------------------------------------------------

/**
 * The offset (0-based, in UTF-16 code units) of the first syntax error in a
 * JSON text, or `undefined` if it is valid JSON. Iterative: deep nesting and
 * long strings are safe.
 *
 * @category utilities
 * @example
 * jsonErrorOffset('{"a": [1,]}') // => 9
 * jsonErrorOffset('{"a": 1}') // => undefined
 */
export const jsonErrorOffset = (s: string): number | undefined => walk(s, undefined)?.offset

const EXPECTED: Readonly<Record<Expect, Text>> = {
  value: text('a JSON value (an object, array, string, number, true, false or null)', 'JSON 值（对象、数组、字符串、数字、true、false 或 null）'),
  key: text('a key in double quotes', '双引号括起的键'),
  colon: text('":" after the key', '键后的 ":"'),
  'comma-or-close': text('"," or the closing bracket', '"," 或右括号'),
  end: text('the end of the JSON text', 'JSON 文本结束')
}

/**
 * The first syntax error of a JSON text in words (both languages): where
 * it is, what was expected there and what came; `undefined` for valid JSON.
 *
 * @category utilities
 * @example
 * jsonError('{"a" 1}')?.expected.en // => '":" after the key'
 * jsonError('[1,')?.received.en // => 'the end of the text'
 */
export const jsonError = (s: string): { readonly offset: number; readonly expected: Text; readonly received: Text } | undefined => {
  const e = walk(s, undefined)
  if (e === undefined) return undefined
  return { offset: e.offset, expected: EXPECTED[e.expected], received: describeAt(s, e.offset) }
}

const describeAt = (s: string, i: number): Text => {
  if (i >= s.length) return text('the end of the text', '文本结束')
  const c = s.codePointAt(i) ?? 0
  const hex = `U+${c.toString(16).toUpperCase().padStart(4, '0')}`
  if (c < 0x20 || c === 0x7f) return text(`the control character ${hex}`, `控制字符 ${hex}`)
  if (c === 0xfeff || c === 0x200b || (c >= 0x2000 && c <= 0x200f) || c === 0x00a0) return text(`the invisible character ${hex}`, `不可见字符 ${hex}`)
  // What stands there, up to the end of the word.
  let j = i + (c > 0xffff ? 2 : 1)
  while (j < s.length && j - i < 20 && /[A-Za-z0-9_]/.test(s[j] ?? '') && /[A-Za-z0-9_]/.test(s[i] ?? '')) j++
  const shown = JSON.stringify(s.slice(i, j))
  return text(shown, shown)
}

// -------------------------------------------------------------------------------------
// duplicate keys
// -------------------------------------------------------------------------------------

/**
 * Every key given more than once in one object of a JSON text, with the
 * path of the repeated key and the offset where it is repeated (`JSON.parse`
 * would silently keep the last one). One pass; stops at a syntax error.
 *
 * @category utilities
 * @example
 * jsonDuplicateKeys('{"zone": "UTC", "zone": "Asia/Shanghai"}') // => [{ path: ['zone'], offset: 16 }]
 */
export const jsonDuplicateKeys = (s: string): ReadonlyArray<{ readonly path: ReadonlyArray<PathSegment>; readonly offset: number }> => {
  const out: Array<{ readonly path: ReadonlyArray<PathSegment>; readonly offset: number }> = []
  // Per open container: its segment and, for objects, the keys seen.
  const segs: Array<PathSegment> = []
  const keys: Array<Set<string> | undefined> = []
  walk(s, {
    value: (seg, _offset, container) => {
      if (!container) return
      if (seg !== undefined) segs.push(seg)
      keys.push(undefined)
    },
    close: () => {
      keys.pop()
      if (keys.length > 0) segs.pop()
    },
    key: (key, offset) => {
      // The set is made on the first key, so arrays and empty objects cost nothing.
      const top = keys.length - 1
      let set = keys[top]
      if (set === undefined) keys[top] = set = new Set()
      if (set.has(key)) out.push({ path: [...segs, key], offset })
      else set.add(key)
    }
  })
  return out
}

/**
 * Whether a JSON text that parsed to `value` may give a key twice in one
 * object: false when every key written in the text (one `:` outside strings
 * each) is a distinct key of the parsed value, so `jsonDuplicateKeys` has
 * nothing to find. A fast test for the common case (a line of JSON Lines),
 * one pass over the text jumping over strings and one over the value; true
 * means "look with `jsonDuplicateKeys`". Iterative: any depth is safe.
 *
 * @category utilities
 * @example
 * jsonMayRepeatKeys('{"at": "08:00", "n": 1}', { at: '08:00', n: 1 }) // => false
 * jsonMayRepeatKeys('{"n": 1, "n": 2}', { n: 2 }) // => true
 */
export const jsonMayRepeatKeys = (s: string, value: unknown): boolean => {
  // Keys written: colons outside strings.
  let written = 0
  const n = s.length
  for (let i = 0; i < n; ) {
    const c = s.charCodeAt(i)
    if (c === 0x22) {
      // to the closing quote: the next '"' not escaped by an odd run of backslashes
      let q = i
      for (;;) {
        q = s.indexOf('"', q + 1)
        if (q < 0) return true
        let b = q - 1
        while (s.charCodeAt(b) === 0x5c) b--
        if ((q - 1 - b) % 2 === 0) break
      }
      i = q + 1
    } else {
      if (c === 0x3a) written++
      i++
    }
  }
  // Keys kept: the own keys of every object in the value.
  let kept = 0
  const stack: Array<unknown> = [value]
  while (stack.length > 0) {
    const v = stack.pop()
    if (typeof v !== 'object' || v === null) continue
    if (Array.isArray(v)) {
      for (let k = 0; k < v.length; k++) stack.push(v[k])
      continue
    }
    for (const k in v) {
      kept++
      stack.push((v as Record<string, unknown>)[k])
    }
  }
  return written !== kept
}

// -------------------------------------------------------------------------------------
// locating paths
// -------------------------------------------------------------------------------------

/**
 * Where a JSON path points in a JSON text: the offset (0-based, UTF-16
 * code units) of the value at the deepest prefix of `path` that exists
 * (for a missing key, its object; for a duplicated key, the last one, as
 * `JSON.parse` keeps), and how many segments of the path were found. For
 * turning a problem's JSON path into a line and column of the file the
 * administrator edits. Never throws; for many paths use `jsonPathOffsets`.
 *
 * @category utilities
 * @example
 * jsonPathOffset('{"a": [1, {"b": 2}]}', ['a', 1, 'b']) // => { offset: 16, found: 3 }
 * jsonPathOffset('{"a": 1}', ['x']) // => { offset: 0, found: 0 }
 */
export const jsonPathOffset = (s: string, path: ReadonlyArray<PathSegment>): { readonly offset: number; readonly found: number } =>
  jsonPathOffsets(s, [path])[0] ?? { offset: bodyStart(s), found: 0 }

interface Node {
  readonly children: Map<string, Node>
  offset: number
  // The occurrence of this node's value (a counter) and of its parent's when it was seen.
  occ: number
  parentOcc: number
}

const node = (): Node => ({ children: new Map(), offset: -1, occ: -1, parentOcc: -1 })
const segKey = (seg: PathSegment): string => (typeof seg === 'number' ? `#${seg}` : `.${seg}`)

/**
 * `jsonPathOffset` for many paths at once, in one pass over the text: the
 * answers come in the order of the paths. Linear in the text plus the
 * paths' total length, however many paths there are.
 *
 * @category utilities
 * @example
 * jsonPathOffsets('{"a": [1, {"b": 2}]}', [['a', 1, 'b'], ['x']])
 * // => [{ offset: 16, found: 3 }, { offset: 0, found: 0 }]
 */
export const jsonPathOffsets = (
  s: string,
  paths: ReadonlyArray<ReadonlyArray<PathSegment>>
): ReadonlyArray<{ readonly offset: number; readonly found: number }> => {
  // A trie of the paths; the walk records where each node's value is, the last occurrence winning.
  const root = node()
  for (const p of paths) {
    let at = root
    for (const seg of p) {
      const k = segKey(seg)
      let next = at.children.get(k)
      if (next === undefined) at.children.set(k, (next = node()))
      at = next
    }
  }
  let occ = 0
  // The trie node of each open container (undefined: no path goes there).
  const open: Array<Node | undefined> = []
  walk(s, {
    value: (seg, offset, container) => {
      let here: Node | undefined
      if (seg === undefined) here = root
      else {
        const parent = open[open.length - 1]
        here = parent?.children.get(segKey(seg))
        if (here !== undefined && parent !== undefined) here.parentOcc = parent.occ
      }
      if (here !== undefined) {
        here.offset = offset
        here.occ = ++occ
      }
      if (container) open.push(here !== undefined && here.children.size > 0 ? here : undefined)
    },
    close: () => {
      open.pop()
    }
  })
  const start = root.occ < 0 ? bodyStart(s) : root.offset
  return paths.map((p) => {
    let at = root
    let offset = start
    for (let k = 0; k < p.length; k++) {
      const next = at.children.get(segKey(p[k] as PathSegment))
      if (next === undefined || at.occ < 0 || next.occ < 0 || next.parentOcc !== at.occ) return { offset, found: k }
      at = next
      offset = next.offset
    }
    return { offset, found: p.length }
  })
}

/**
 * The 1-based line and column of an offset in a text (columns count UTF-16 code units).
 *
 * @category utilities
 * @example
 * lineColumn('{\n  "a": 1\n}', 9) // => { line: 2, column: 8 }
 */
export const lineColumn = (s: string, offset: number): { readonly line: number; readonly column: number } => {
  let line = 1
  let start = 0
  for (let i = 0; i < offset && i < s.length; i++) {
    if (s.charCodeAt(i) === 0x0a) {
      line++
      start = i + 1
    }
  }
  return { line, column: offset - start + 1 }
}

/**
 * The 1-based lines and columns of many offsets in one pass over the text
 * (in the order of the offsets given).
 *
 * @category utilities
 * @example
 * lineColumns('{\n  "a": 1\n}', [9, 0]) // => [{ line: 2, column: 8 }, { line: 1, column: 1 }]
 */
export const lineColumns = (s: string, offsets: ReadonlyArray<number>): ReadonlyArray<{ readonly line: number; readonly column: number }> => {
  const order = offsets.map((o, k) => [o, k] as const).sort((a, b) => a[0] - b[0])
  const out: Array<{ readonly line: number; readonly column: number }> = new Array(offsets.length)
  let line = 1
  let start = 0
  let i = 0
  for (const [o, k] of order) {
    for (; i < o && i < s.length; i++) {
      if (s.charCodeAt(i) === 0x0a) {
        line++
        start = i + 1
      }
    }
    out[k] = { line, column: o - start + 1 }
  }
  return out
}
