/**
 * The kinds of file `check` knows, and how it tells them apart when
 * `--kind` is not given: by extension first, then by content (the keys of
 * a JSON document, of the first line of JSON Lines, the shape of a text).
 *
 * @module
 */

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** A kind of file. */
export type FileKind = 'programme' | 'org' | 'events' | 'question-bank' | 'gift' | 'aiken' | 'blueprint' | 'bank-config' | 'bank-ops' | 'host'

/** What each kind is, in both languages (for help and the summary). */
export const KINDS: Readonly<Record<FileKind, { readonly en: string; readonly zh: string }>> = {
  programme: { en: 'programme (JSON)', zh: '方案（JSON）' },
  org: { en: 'organisation: units and members (JSON)', zh: '组织：单位与成员（JSON）' },
  events: { en: 'activity events (JSON Lines, streamed)', zh: '活动事件（JSON Lines，流式读取）' },
  'question-bank': { en: 'question bank (JSON)', zh: '题库（JSON）' },
  gift: { en: 'question bank (GIFT)', zh: '题库（GIFT）' },
  aiken: { en: 'question bank (Aiken)', zh: '题库（Aiken）' },
  blueprint: { en: 'paper blueprint (JSON)', zh: '组卷方案（JSON）' },
  'bank-config': { en: 'Moral Bank configuration (JSON)', zh: '道德银行配置（JSON）' },
  'bank-ops': { en: 'Moral Bank operation log (JSON Lines, streamed)', zh: '道德银行操作日志（JSON Lines，流式读取）' },
  host: { en: 'host tables: { table: { id: number } } (JSON)', zh: '宿主数据表：{ 表: { 标识: 数值 } }（JSON）' }
}

export const KIND_NAMES = Object.keys(KINDS) as ReadonlyArray<FileKind>

// -------------------------------------------------------------------------------------
// detection
// -------------------------------------------------------------------------------------

const extension = (file: string): string => {
  const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1)
  const dot = base.lastIndexOf('.')
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase()
}

const isObject = (u: unknown): u is Readonly<Record<string, unknown>> => typeof u === 'object' && u !== null && !Array.isArray(u)
const has = (o: Readonly<Record<string, unknown>>, ...keys: ReadonlyArray<string>): boolean => keys.every((k) => Object.prototype.hasOwnProperty.call(o, k))

// The kind of one JSON Lines record (or of the first element of an array of them).
const recordKind = (u: unknown): 'events' | 'bank-ops' | undefined => {
  if (!isObject(u)) return undefined
  if (has(u, '_tag', 'request')) return 'bank-ops'
  if (has(u, 'type') && (has(u, 'member') || has(u, 'at'))) return 'events'
  return undefined
}

/**
 * The kind of a parsed JSON document, from its keys.
 *
 * @example
 * jsonKind({ version: 2, rules: {} }) // => 'programme'
 * jsonKind({ skills: { 'm-1': 3 } }) // => 'host'
 */
export const jsonKind = (u: unknown): FileKind | undefined => {
  if (Array.isArray(u)) {
    const first = u[0]
    if (isObject(first) && has(first, 'stem')) return 'question-bank'
    return recordKind(first)
  }
  if (!isObject(u)) return undefined
  if (has(u, 'rules')) return 'programme'
  if (has(u, 'units') && has(u, 'members')) return 'org'
  if (has(u, 'questions')) return 'question-bank'
  if (has(u, 'accounts')) return 'bank-config'
  if (has(u, 'id', 'sections')) return 'blueprint'
  const rk = recordKind(u)
  if (rk !== undefined) return rk
  const tables = Object.values(u)
  if (tables.length > 0 && tables.every(isObject) && tables.some((t) => Object.values(t).some((v) => typeof v === 'number'))) return 'host'
  return undefined
}

// A text question bank: Aiken has "ANSWER: X" lines and no GIFT braces.
const textBankKind = (text: string): 'gift' | 'aiken' => (/^\s*ANSWER\s*:/m.test(text) && !/[{}]/.test(text) ? 'aiken' : 'gift')

const key = (k: string): RegExp => new RegExp(`"${k}"\\s*:`)
const keysKind = (text: string): FileKind | undefined =>
  key('rules').test(text)
    ? 'programme'
    : key('units').test(text) && key('members').test(text)
      ? 'org'
      : key('questions').test(text)
        ? 'question-bank'
        : key('accounts').test(text)
          ? 'bank-config'
          : key('sections').test(text)
            ? 'blueprint'
            : undefined

const firstLine = (head: string): string => {
  for (const l of head.replace(/^\uFEFF/, '').split('\n')) if (l.trim() !== '') return l
  return ''
}

const parses = (s: string): { readonly value: unknown } | undefined => {
  try {
    return { value: JSON.parse(s.replace(/^\uFEFF/, '')) as unknown }
  } catch {
    return undefined
  }
}

/** How a file is read: whole (JSON, text) or streamed line by line. */
export const isStreamed = (k: FileKind): k is 'events' | 'bank-ops' => k === 'events' || k === 'bank-ops'

/**
 * The kind of a file from its name and its first chunk (`head`), and, for
 * a JSON file read whole, its parsed value; `undefined` when it cannot be told.
 *
 * @example
 * detectKind('e.jsonl', '{"_tag":"earn","request":"r1"}\n') // => 'bank-ops'
 * detectKind('bank.txt', 'Q?\nA. x\nB. y\nANSWER: A\n') // => 'aiken'
 */
export const detectKind = (file: string, head: string, whole?: () => string): FileKind | undefined => {
  const ext = extension(file)
  if (ext === 'gift') return 'gift'
  if (ext === 'aiken') return 'aiken'
  if (ext === 'txt') return textBankKind(whole?.() ?? head)
  if (ext === 'jsonl' || ext === 'ndjson') return recordKind(parses(firstLine(head))?.value) ?? 'events'
  const start = head.replace(/^\uFEFF/, '').trimStart()[0]
  if (ext === 'json' || start === '{' || start === '[') {
    const doc = whole === undefined ? undefined : parses(whole())
    if (doc !== undefined) return jsonKind(doc.value)
    // Not one JSON document: JSON Lines, if its first line is a record.
    const rk = recordKind(parses(firstLine(head))?.value)
    if (rk !== undefined) return rk
    // Broken JSON: its kind from the keys it names, so its decoder reports the syntax error.
    return whole === undefined ? undefined : keysKind(whole())
  }
  const text = whole?.() ?? head
  return /^\s*ANSWER\s*:/m.test(text) || /\{[^}]*\}/.test(text) ? textBankKind(text) : undefined
}
