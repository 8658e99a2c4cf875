/**
 * Where JSON text goes wrong: `JSON.parse` messages differ between engines
 * and often carry no position (Node 20: "Unexpected token ',', ... is not
 * valid JSON"), so on failure this scanner finds the offset of the first
 * error itself. It runs only after `JSON.parse` has failed.
 *
 * @module
 */

const WS = new Set([0x20, 0x09, 0x0a, 0x0d])
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const STRING_CHAR = /(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*/y

/**
 * The offset (0-based, in UTF-16 code units) of the first syntax error in a
 * JSON text, or `undefined` if it is valid JSON. Iterative: deep nesting is safe.
 *
 * @category utilities
 * @example
 * jsonErrorOffset('{"a": [1,]}') // => 9
 * jsonErrorOffset('{"a": 1}') // => undefined
 */
export const jsonErrorOffset = (s: string): number | undefined => {
  let i = 0
  const skip = (): void => {
    while (i < s.length && WS.has(s.charCodeAt(i))) i++
  }
  // What the scanner expects next, per open container: 'value' | 'key' | 'colon' | 'comma-or-end'.
  const stack: Array<{ readonly kind: 'object' | 'array'; state: 'first' | 'value' | 'key' | 'colon' | 'next' }> = []
  let top: 'value' | 'done' = 'value'
  for (;;) {
    skip()
    const frame = stack[stack.length - 1]
    if (frame === undefined && top === 'done') return i === s.length ? undefined : i
    const c = s[i]
    if (frame !== undefined && frame.state !== 'value') {
      if (frame.state === 'first' && c === (frame.kind === 'object' ? '}' : ']')) {
        i++
        stack.pop()
        if (stack.length === 0) top = 'done'
        continue
      }
      if (frame.state === 'next') {
        if (c === ',') {
          i++
          frame.state = frame.kind === 'object' ? 'key' : 'value'
          continue
        }
        if (c === (frame.kind === 'object' ? '}' : ']')) {
          i++
          stack.pop()
          if (stack.length === 0) top = 'done'
          continue
        }
        return i
      }
      if (frame.state === 'colon') {
        if (c !== ':') return i
        i++
        frame.state = 'value'
        continue
      }
      if (frame.kind === 'object') {
        // 'first' or 'key': a string key
        if (c !== '"') return i
        const end = scanString(s, i)
        if (end < 0) return -end - 1
        i = end
        frame.state = 'colon'
        continue
      }
      frame.state = 'value' // an array's first element
    }
    // A value.
    if (c === undefined) return i
    if (frame !== undefined) frame.state = 'next'
    if (c === '{' || c === '[') {
      i++
      stack.push({ kind: c === '{' ? 'object' : 'array', state: 'first' })
      continue
    }
    if (c === '"') {
      const end = scanString(s, i)
      if (end < 0) return -end - 1
      i = end
    } else if (s.startsWith('true', i)) i += 4
    else if (s.startsWith('false', i)) i += 5
    else if (s.startsWith('null', i)) i += 4
    else {
      NUMBER.lastIndex = i
      const m = NUMBER.exec(s)
      if (m === null || m[0].length === 0) return i
      i += m[0].length
    }
    if (stack.length === 0) top = 'done'
  }
}

// The offset after a string starting at `start`, or -(offset of the error) - 1.
const scanString = (s: string, start: number): number => {
  STRING_CHAR.lastIndex = start + 1
  STRING_CHAR.exec(s)
  const j = STRING_CHAR.lastIndex
  return s[j] === '"' ? j + 1 : -j - 1
}

// -------------------------------------------------------------------------------------
// locating a path
// -------------------------------------------------------------------------------------

/**
 * Where a JSON path points in a JSON text: the offset (0-based, UTF-16
 * code units) of the value at the deepest prefix of `path` that exists
 * (for a missing key, its object; for a duplicated key, the last one, as
 * `JSON.parse` keeps), and how many segments of the path were found. For
 * turning a problem's JSON path into a line and column of the file the
 * administrator edits. The text should be valid JSON.
 *
 * @category utilities
 * @example
 * jsonPathOffset('{"a": [1, {"b": 2}]}', ['a', 1, 'b']) // => { offset: 16, found: 3 }
 * jsonPathOffset('{"a": 1}', ['x']) // => { offset: 0, found: 0 }
 */
export const jsonPathOffset = (s: string, path: ReadonlyArray<string | number>): { readonly offset: number; readonly found: number } => {
  let i = 0
  const ws = (): void => {
    while (i < s.length && WS.has(s.charCodeAt(i))) i++
  }
  const skipString = (): void => {
    const end = scanString(s, i)
    i = end < 0 ? s.length : end
  }
  // Skip one value (containers by depth, minding strings).
  const skipValue = (): void => {
    ws()
    const c = s[i]
    if (c === '"') return skipString()
    if (c === '{' || c === '[') {
      let depth = 0
      while (i < s.length) {
        const d = s[i]
        if (d === '"') {
          skipString()
          continue
        }
        if (d === '{' || d === '[') depth++
        else if (d === '}' || d === ']') {
          depth--
          if (depth === 0) {
            i++
            return
          }
        }
        i++
      }
      return
    }
    while (i < s.length && !WS.has(s.charCodeAt(i)) && s[i] !== ',' && s[i] !== '}' && s[i] !== ']') i++
  }
  ws()
  let at = i
  for (let k = 0; k < path.length; k++) {
    const seg = path[k] as string | number
    ws()
    let next: number | undefined
    if (typeof seg === 'number' && s[i] === '[') {
      i++
      for (let n = 0; ; n++) {
        ws()
        if (s[i] === ']' || i >= s.length) break
        if (n === seg) {
          next = i
          break
        }
        skipValue()
        ws()
        if (s[i] !== ',') break
        i++
      }
    } else if (typeof seg === 'string' && s[i] === '{') {
      i++
      for (;;) {
        ws()
        if (s[i] !== '"') break
        const start = i
        skipString()
        let key: unknown
        try {
          key = JSON.parse(s.slice(start, i))
        } catch {
          break
        }
        ws()
        if (s[i] !== ':') break
        i++
        ws()
        if (key === seg) next = i // keep scanning: the last duplicate wins
        skipValue()
        ws()
        if (s[i] !== ',') break
        i++
      }
    }
    if (next === undefined) return { offset: at, found: k }
    i = next
    at = next
  }
  return { offset: at, found: path.length }
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
