/**
 * The Aiken format (Moodle's simplest): a stem, options `A.` / `A)` one per
 * line, then `ANSWER: X`. Single-choice questions only.
 *
 * @module
 */
import { at, problem, text, type Location, type Problem, type QuestionId } from '../core/internal.js'
import { DEFAULT_DIFFICULTY, DEFAULT_POINTS, formatOf, textOf, type ChoiceOption, type OptionId, type Question, validateQuestion } from '../quiz/internal.js'
import { locator, normaliseSource, questionKeyHash, relocate, suffixedId, textProblem, type ExportResult, type ImportOptions, type ImportResult } from './source.js'

// -------------------------------------------------------------------------------------
// import
// -------------------------------------------------------------------------------------

// Lines are read by hand, not by `/^\s*([A-Z])[.)][ \t]+(.*?)\s*$/`: the lazy `.*?` before `\s*$`
// backtracked over every run of spaces inside a line (quadratic in the line's length).

/** An option line `A. text` / `A) text` (white space before; a space or tab after the mark): its letter and trimmed text. */
const optionLine = (line: string): { readonly letter: string; readonly text: string } | undefined => {
  const i = line.length - line.trimStart().length
  const x = line.charCodeAt(i)
  const mark = line.charCodeAt(i + 1)
  const sp = line.charCodeAt(i + 2)
  if (!(x >= 65 && x <= 90) || (mark !== 46 && mark !== 41) || (sp !== 32 && sp !== 9)) return undefined
  return { letter: line.charAt(i), text: line.slice(i + 3).trim() }
}

/** An `ANSWER: X` line (white space allowed around `ANSWER` and `:`): what follows the colon, trimmed. */
const answerLine = (line: string): string | undefined => {
  const t = line.trim()
  if (!t.startsWith('ANSWER')) return undefined
  const rest = t.slice(6).trimStart()
  return rest.charCodeAt(0) === 58 ? rest.slice(1).trim() : undefined
}

/**
 * Read an Aiken file: every single-choice question it holds, and every
 * problem with its `line:column`. A stem may span several lines; questions
 * may be separated by blank lines. Ids are the prefix (default `aiken-`)
 * plus a hash of the stem (never of the options or the answer), with `-2`,
 * `-3`, … on later questions with the same stem.
 *
 * @category import
 * @example
 * const r = importAiken('中共一大在哪一年召开？\nA. 1919\nB) 1921\nANSWER: B')
 * r.questions[0].answer // => 'o2'
 */
export const importAiken = (input: string, options: ImportOptions = {}): ImportResult => {
  const src = normaliseSource(input)
  const loc = locator(src, options.file)
  const prefix = options.idPrefix ?? 'aiken-'
  const problems: Array<Problem> = []
  const questions: Array<Question> = []
  const used = new Set<string>()
  const nextSuffix = new Map<string, number>()
  const lines = src.split('\n')
  const lineAt = (n: number): Location => loc(offsets[n] ?? src.length)
  const offsets: Array<number> = []
  for (let n = 0, off = 0; n < lines.length; n++) {
    offsets.push(off)
    off += (lines[n] as string).length + 1
  }
  let n = 0
  const skipToBreak = (): void => {
    while (n < lines.length && (lines[n] as string).trim() !== '') n++
  }
  while (n < lines.length) {
    if ((lines[n] as string).trim() === '') {
      n++
      continue
    }
    const first = n
    const stem: Array<string> = []
    while (n < lines.length && (lines[n] as string).trim() !== '' && optionLine(lines[n] as string) === undefined && answerLine(lines[n] as string) === undefined) {
      stem.push((lines[n] as string).trim())
      n++
    }
    if (stem.length === 0) {
      problems.push(textProblem('syntax', lineAt(n), text('a question stem before the options', '选项之前的题干'), (lines[n] as string).trim()))
      n++
      skipToBreak()
      continue
    }
    const opts: Array<ChoiceOption> = []
    let bad = false
    while (n < lines.length) {
      const m = optionLine(lines[n] as string)
      if (m === undefined) break
      const letter = m.letter
      const want = String.fromCharCode(65 + opts.length)
      if (letter !== want) {
        problems.push(textProblem('syntax', lineAt(n), text(`option ${want}`, `选项 ${want}`), (lines[n] as string).trim()))
        bad = true
      }
      opts.push({ id: `o${opts.length + 1}` as OptionId, text: m.text })
      n++
    }
    const a = n < lines.length ? answerLine(lines[n] as string) : undefined
    if (opts.length === 0 || a === undefined) {
      const found = n >= lines.length ? text('the end of the file', '文件结尾') : (lines[n] as string).trim() === '' ? text('a blank line', '空行') : (lines[n] as string).trim()
      problems.push(
        textProblem(
          'syntax',
          lineAt(n),
          opts.length === 0 ? text('options "A. …", one per line', '每行一个选项 "A. …"') : text(`an option line or "ANSWER: X"`, `选项行或 "ANSWER: X"`),
          found
        )
      )
      skipToBreak()
      continue
    }
    const letter = a.toUpperCase()
    const k = letter.length === 1 ? letter.charCodeAt(0) - 65 : -1
    if (k < 0 || k >= opts.length) {
      problems.push(
        textProblem(
          letter.includes(',') ? 'unsupported' : 'reference',
          lineAt(n),
          text(`one option letter, A to ${String.fromCharCode(64 + opts.length)}`, `一个选项字母，A 到 ${String.fromCharCode(64 + opts.length)}`),
          (lines[n] as string).trim()
        )
      )
      bad = true
    }
    n++
    if (bad) continue
    // Issue #13: the id is public; it hashes the stem only, never the options (their order) or the answer.
    const id = suffixedId(used, nextSuffix, questionKeyHash(prefix, [stem.join('\n')]))
    const q: Question = {
      id: id as QuestionId,
      type: 'single',
      stem: stem.join('\n'),
      tags: [...(options.tags ?? [])],
      difficulty: DEFAULT_DIFFICULTY,
      points: DEFAULT_POINTS,
      options: opts,
      answer: `o${k + 1}` as OptionId
    }
    const invalid = validateQuestion(q)
    if (invalid.length > 0) {
      for (const p of invalid) problems.push(relocate(lineAt(first))(p))
      continue
    }
    used.add(id)
    questions.push(q)
  }
  return { questions, problems, categories: [] }
}

// -------------------------------------------------------------------------------------
// export
// -------------------------------------------------------------------------------------

/**
 * Write single-choice questions as Aiken. Other types, options with line
 * breaks, stems with blank lines or lines that read as options, and more than
 * 26 options cannot be written: those questions are left out and reported.
 * What Aiken drops from a written question (title, tags, feedback, partial
 * credit, formats, …) is reported too.
 *
 * @category export
 * @example
 * exportAiken([{ id: 'q', type: 'single', stem: '中共一大在哪一年召开？', tags: [], difficulty: 3, points: 1,
 *   options: [{ id: 'a', text: '1919' }, { id: 'b', text: '1921' }], answer: 'b' }]).text
 * // => '中共一大在哪一年召开？\nA. 1919\nB. 1921\nANSWER: B\n'
 */
export const exportAiken = (questions: ReadonlyArray<Question>): ExportResult => {
  const problems: Array<Problem> = []
  const blocks: Array<string> = []
  questions.forEach((q, i) => {
    const skip = (path: ReadonlyArray<string | number>, en: string, zh: string, v: unknown): void => {
      problems.push(problem('unsupported', at([i, ...path]), text(`${en}; the question was left out`, `${zh}；该题未导出`), v))
    }
    if (q.type !== 'single') return skip(['type'], 'a single-choice question (Aiken has no other type)', '单选题（Aiken 只有单选题）', q.type)
    const stem = textOf(q.stem)
    const stemLines = stem.split('\n')
    if (stem.trim() === '' || stemLines.some((l) => l.trim() === '' || l.trim() !== l || optionLine(l) !== undefined || answerLine(l) !== undefined)) {
      return skip(['stem'], 'a stem without blank lines, surrounding spaces or lines that read as an option or ANSWER', '不含空行、首尾空白或像选项/ANSWER 的行的题干', stem)
    }
    if (q.options.length > 26) return skip(['options'], 'at most 26 options', '至多 26 个选项', q.options.length)
    const badOption = q.options.findIndex((o) => {
      const t = textOf(o.text)
      return t.includes('\n') || t.trim() !== t || t === ''
    })
    if (badOption !== -1) {
      return skip(['options', badOption, 'text'], 'a one-line option text without surrounding spaces', '单行、首尾无空白的选项文本', textOf((q.options[badOption] as ChoiceOption).text))
    }
    const k = q.options.findIndex((o) => o.id === q.answer)
    if (k === -1) return skip(['answer'], 'the id of one of the options', '某个选项的标识', q.answer)
    const dropped: Array<string> = []
    if (q.title !== undefined) dropped.push('title')
    if (q.tags.length > 0) dropped.push('tags')
    if (q.difficulty !== DEFAULT_DIFFICULTY) dropped.push('difficulty')
    if (q.points !== DEFAULT_POINTS) dropped.push('points')
    if (q.feedback !== undefined) dropped.push('feedback')
    if (q.explanation !== undefined) dropped.push('explanation')
    if (q.source !== undefined) dropped.push('source')
    if (formatOf(q.stem, q.format ?? 'plain') !== 'plain' || q.options.some((o) => formatOf(o.text, q.format ?? 'plain') !== 'plain')) dropped.push('format')
    if (q.options.some((o) => o.feedback !== undefined)) dropped.push('option feedback')
    if (q.options.some((o) => o.id !== q.answer && o.fraction !== undefined && o.fraction !== 0)) dropped.push('partial credit')
    if (dropped.length > 0) {
      problems.push(problem('unsupported', at([i]), text(`only what Aiken carries; lost: ${dropped.join(', ')}`, `仅保留 Aiken 能表达的内容；丢失：${dropped.join('、')}`), q.id))
    }
    const opts = q.options.map((o, n) => `${String.fromCharCode(65 + n)}. ${textOf(o.text)}`)
    blocks.push(`${stem}\n${opts.join('\n')}\nANSWER: ${String.fromCharCode(65 + k)}\n`)
  })
  return { text: blocks.join('\n'), problems }
}
