/**
 * Output formats: a table of rows rendered aligned for a terminal
 * (`table`, the default), as JSON, CSV (RFC 4180) or a Markdown table.
 * Column labels come in both languages; JSON keeps the stable keys.
 *
 * @module
 */
import type { Locale, Text } from '../core/internal.js'
import { UsageError } from './command.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** The formats of `--format`. */
export type Format = 'table' | 'json' | 'csv' | 'md'

export const FORMATS: ReadonlyArray<Format> = ['table', 'json', 'csv', 'md']

/** One cell of a table. */
export type Cell = string | number | boolean | null | undefined

/** A column: its key (in JSON), its label (in the other formats), numbers aligned right. */
export interface Column {
  readonly key: string
  readonly label: Text
  readonly align?: 'left' | 'right'
}

/** Rows under columns. */
export interface Table {
  readonly columns: ReadonlyArray<Column>
  readonly rows: ReadonlyArray<Readonly<Record<string, Cell>>>
}

/** What a command prints: a table, and the JSON it prints instead when that says more than the rows. */
export interface Report {
  readonly table: Table
  readonly json?: unknown
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/** A column (see `Column`). */
export const col = (key: string, en: string, zh: string, align: 'left' | 'right' = 'left'): Column => ({ key, label: { en, zh }, align })

/** The format asked for: `table` unless `--format` says otherwise (on a terminal or not: a pipe gets what the screen shows). */
export const formatOf = (raw: string | undefined): Format => {
  if (raw === undefined) return 'table'
  if ((FORMATS as ReadonlyArray<string>).includes(raw)) return raw as Format
  throw new UsageError(`--format: expected one of ${FORMATS.join(', ')}, got ${JSON.stringify(raw)}`)
}

// -------------------------------------------------------------------------------------
// rendering
// -------------------------------------------------------------------------------------

const cellText = (c: Cell): string => (c === null || c === undefined ? '' : typeof c === 'number' ? numberText(c) : String(c))

/** Numbers as people read them: integers as they are, fractions to at most 4 decimals. */
export const numberText = (n: number): string => (Number.isInteger(n) ? String(n) : String(Math.round(n * 10_000) / 10_000))

// East Asian wide and full-width characters take two columns of a terminal; combining marks none.
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\ud840-\ud87f][\udc00-\udfff]/g
const ZERO = /[\u0300-\u036f\u200b-\u200f\ufe00-\ufe0f]/g

/** How many terminal columns a text takes. */
export const displayWidth = (s: string): number => {
  let n = 0
  for (const _ of s) n++
  return n + (s.match(WIDE)?.length ?? 0) - (s.match(ZERO)?.length ?? 0)
}

const pad = (s: string, width: number, align: 'left' | 'right'): string => {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)))
  return align === 'right' ? fill + s : s + fill
}

// One line per row: a tab or newline inside a cell would break the alignment.
const oneLine = (s: string): string => s.replace(/[\t\r\n]+/g, ' ')

const renderAligned = (t: Table, lang: Locale): string => {
  const head = t.columns.map((c) => c.label[lang])
  const body = t.rows.map((r) => t.columns.map((c) => oneLine(cellText(r[c.key]))))
  const widths = t.columns.map((_, i) => Math.max(displayWidth(head[i] as string), ...body.map((cells) => displayWidth(cells[i] as string))))
  const line = (cells: ReadonlyArray<string>, header: boolean): string =>
    cells
      .map((s, i) => pad(s, widths[i] as number, header ? 'left' : (t.columns[i]?.align ?? 'left')))
      .join('  ')
      .trimEnd()
  return [line(head, true), ...body.map((cells) => line(cells, false))].join('\n') + '\n'
}

const csvField = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)
const renderCsv = (t: Table, lang: Locale): string =>
  [t.columns.map((c) => csvField(c.label[lang])), ...t.rows.map((r) => t.columns.map((c) => csvField(cellText(r[c.key]))))].map((cells) => cells.join(',')).join('\r\n') + '\r\n'

const mdField = (s: string): string => oneLine(s).replace(/\\/g, '\\\\').replace(/\|/g, '\\|')
const renderMd = (t: Table, lang: Locale): string => {
  const row = (cells: ReadonlyArray<string>): string => `| ${cells.join(' | ')} |`
  const rule = t.columns.map((c) => (c.align === 'right' ? '---:' : '---'))
  return [row(t.columns.map((c) => mdField(c.label[lang]))), row(rule), ...t.rows.map((r) => row(t.columns.map((c) => mdField(cellText(r[c.key])))))].join('\n') + '\n'
}

/** The rows as JSON objects keyed by column key (cells left empty are left out). */
export const tableJson = (t: Table): ReadonlyArray<Record<string, Cell>> =>
  t.rows.map((r) => {
    const o: Record<string, Cell> = {}
    for (const c of t.columns) if (r[c.key] !== undefined) o[c.key] = r[c.key]
    return o
  })

/**
 * Render a table in a format.
 *
 * @example
 * renderTable({ columns: [col('n', 'N', '数', 'right')], rows: [{ n: 1 }, { n: 10 }] }, 'table', 'en') // => 'N\n 1\n10\n'
 */
export const renderTable = (t: Table, format: Format, lang: Locale): string => {
  switch (format) {
    case 'table':
      return renderAligned(t, lang)
    case 'csv':
      return renderCsv(t, lang)
    case 'md':
      return renderMd(t, lang)
    case 'json':
      return `${JSON.stringify(tableJson(t), null, 2)}\n`
  }
}

/** Render a report: its JSON when asked for JSON and it has its own, else its table. */
export const renderReport = (r: Report, format: Format, lang: Locale): string =>
  format === 'json' && r.json !== undefined ? `${JSON.stringify(r.json, null, 2)}\n` : renderTable(r.table, format, lang)
