/**
 * `moral-bank bank import|export`: question banks converted between GIFT,
 * Aiken and the library's JSON, with the library's importers and exporters.
 * Problems of the input are at `file:line:column`; what the target format
 * cannot carry is reported at the question's path. A question that cannot
 * be written at all (an essay in Aiken) makes the exit code 1; parts lost
 * (tags in Aiken) are reported and the exit code stays 0.
 *
 * @module
 */
import { renderProblem, withPrefix, type Locale, type PathSegment, type Problem } from '../core/internal.js'
import { decodeQuestionBankJson, type Question } from '../quiz/internal.js'
import { exportAiken, exportGift, importAiken, importGift } from '../formats/internal.js'
import { bool, oneOf, str, type Parsed } from './args.js'
import { EXIT, UsageError, type Io } from './command.js'
import { placeAll, placedJson, readText, writeText, type Placed } from './files.js'
import { col, renderReport } from './format.js'
import type { Command, Ctx } from './help.js'
import { detectKind } from './kinds.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** A question bank's format. */
export type BankFormat = 'json' | 'gift' | 'aiken'

const BANK_FORMATS: ReadonlyArray<BankFormat> = ['json', 'gift', 'aiken']

/** A bank read: its questions, its problems placed, and where each question came from in a JSON file. */
interface ReadBank {
  readonly questions: ReadonlyArray<Question>
  readonly problems: ReadonlyArray<Placed>
  /** For a JSON bank: each question's path in the file (rejected questions are not in `questions`). */
  readonly paths?: ReadonlyArray<ReadonlyArray<PathSegment>>
  readonly src: string
}

// -------------------------------------------------------------------------------------
// reading and writing
// -------------------------------------------------------------------------------------

/** The format of a bank file, from `--from` or its extension and content. */
export const bankFormatOf = (io: Io, file: string, from: BankFormat | undefined, src: string): BankFormat => {
  if (from !== undefined) return from
  const k = detectKind(file, src.slice(0, 1 << 16), () => src)
  if (k === 'gift' || k === 'aiken') return k
  if (k === 'question-bank') return 'json'
  throw new UsageError(io.say(`${file}: cannot tell the bank's format; name it with --from json|gift|aiken`, `${file}：无法判断题库格式；请用 --from json|gift|aiken 指明`))
}

/** Read a question bank in any of the three formats. */
export const readBank = (io: Io, file: string, src: string, format: BankFormat, tags: ReadonlyArray<string>): ReadBank => {
  if (format !== 'json') {
    const r = (format === 'gift' ? importGift : importAiken)(src, { file, ...(tags.length > 0 ? { tags } : {}) })
    return { questions: r.questions, problems: placeAll(r.problems, file, undefined, io.lang), src }
  }
  const r = decodeQuestionBankJson(src, file)
  const wrapped = src.trimStart().replace(/^\uFEFF/, '').startsWith('{')
  const rejected = new Set(r.rejected.map((x) => x.index))
  const paths: Array<ReadonlyArray<PathSegment>> = []
  for (let i = 0; paths.length < r.questions.length; i++) if (!rejected.has(i)) paths.push(wrapped ? ['questions', i] : [i])
  const questions = tags.length === 0 ? r.questions : r.questions.map((q) => ({ ...q, tags: [...new Set([...tags, ...q.tags])] }))
  return { questions, problems: placeAll(r.problems, file, src, io.lang), paths, src }
}

/** A bank as the library's JSON: `{ "version": 1, "questions": [...] }`. */
export const bankJson = (questions: ReadonlyArray<Question>): string => `${JSON.stringify({ version: 1, questions }, null, 2)}\n`

// What the target format cannot carry, at the question's place: its path in a JSON input, else its id.
const exportProblems = (ps: ReadonlyArray<Problem>, read: ReadBank, file: string, questions: ReadonlyArray<Question>, lang: Locale): ReadonlyArray<Placed> => {
  if (read.paths !== undefined) {
    const paths = read.paths
    const moved = ps.map((p) => {
      if (p.at._tag !== 'JsonPath') return p
      const [i, ...rest] = p.at.segments
      return withPrefix(paths[i as number] ?? [])([{ ...p, at: { _tag: 'JsonPath', segments: rest } }])[0] as Problem
    })
    return placeAll(moved, file, read.src, lang)
  }
  return ps.map((p) => {
    const i = p.at._tag === 'JsonPath' ? p.at.segments[0] : undefined
    const id = typeof i === 'number' ? questions[i]?.id : undefined
    const where = id === undefined ? file : lang === 'zh' ? `${file}：题目 ${id}` : `${file}: question ${id}`
    return { file, problem: p, text: `${where}: ${renderProblem(p, lang)}` }
  })
}

/** The questions in a format, what it could not carry, and how many questions it holds (read back). */
const writeBank = (questions: ReadonlyArray<Question>, to: BankFormat): { readonly text: string; readonly lost: ReadonlyArray<Problem>; readonly written: number } => {
  if (to === 'json') return { text: bankJson(questions), lost: [], written: questions.length }
  const r = (to === 'gift' ? exportGift : exportAiken)(questions)
  const back = (to === 'gift' ? importGift : importAiken)(r.text)
  return { text: r.text, lost: r.problems, written: back.questions.length }
}

// -------------------------------------------------------------------------------------
// the commands
// -------------------------------------------------------------------------------------

const COLUMNS = [
  col('file', 'FILE', '文件'),
  col('from', 'FROM', '原格式'),
  col('to', 'TO', '新格式'),
  col('read', 'READ', '读入', 'right'),
  col('written', 'WRITTEN', '写出', 'right'),
  col('problems', 'PROBLEMS', '问题', 'right'),
  col('out', 'OUT', '输出')
]

const convert = (p: Parsed, { io, format }: Ctx, dfltTo: BankFormat | undefined): number => {
  const file = p.positionals[0]
  if (file === undefined) throw new UsageError(io.say('a bank file is needed', '需要一个题库文件'))
  const to = oneOf(p, 'to', BANK_FORMATS, io.lang, dfltTo)
  if (to === undefined) throw new UsageError(io.say('--to json|gift|aiken is needed', '缺少 --to json|gift|aiken'))
  const out = str(p, 'out')
  const tags = (str(p, 'tags') ?? '').split(',').map((t) => t.trim()).filter((t) => t !== '')
  const src = readText(io, file)
  const from = bankFormatOf(io, file, oneOf(p, 'from', BANK_FORMATS, io.lang), src)
  const read = readBank(io, file, src, from, tags)
  const w = writeBank(read.questions, to)
  const lost = exportProblems(w.lost, read, file, read.questions, io.lang)
  const problems = [...read.problems, ...lost]
  const leftOut = read.questions.length - w.written
  const failed = read.problems.length > 0 || leftOut > 0
  const json = format === 'json'
  if (!json) for (const x of problems) io.err(`${x.text}\n`)
  const strict = bool(p, 'strict')
  const writes = !(strict && problems.length > 0)
  const row = { file, from, to, read: read.questions.length, written: writes ? w.written : 0, problems: problems.length, out: writes ? (out ?? '-') : io.say('(nothing written: --strict)', '（未写出：--strict）') }
  const report = renderReport({ table: { columns: COLUMNS, rows: [row] }, json: { ...row, problems: problems.map((x) => placedJson(x, io.lang)) } }, format, io.lang)
  if (out === undefined) {
    if (writes) io.out(w.text)
    io.err(report)
  } else {
    if (writes) writeText(io, out, w.text)
    io.out(report)
  }
  return failed || !writes ? EXIT.problems : EXIT.ok
}

const OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  out: { type: 'string', short: 'o' },
  tags: { type: 'string' },
  strict: { type: 'boolean' }
} as const

const SHARED: ReadonlyArray<readonly [string, { readonly en: string; readonly zh: string }]> = [
  ['--out F, -o F', { en: 'write the bank to F (default: standard output, the summary then on standard error)', zh: '写入文件 F（默认写到标准输出，摘要则写到标准错误）' }],
  ['--tags a,b', { en: 'tags given to every question, before its own', zh: '给每道题加上的标签（排在其自身标签之前）' }],
  ['--strict', { en: 'write nothing when there is any problem', zh: '有任何问题时不写出' }]
]

const DESCRIPTION = {
  en:
    'Problems of the input are printed at file:line:column; questions with problems are left out and the\n' +
    'others converted. What the target format cannot carry is reported at the question (its path in a\n' +
    'JSON bank): a question it cannot hold at all (any type but single choice in Aiken) is left out and\n' +
    'makes the exit code 1; parts it drops (tags, explanations) are reported and the exit code stays 0.',
  zh:
    '输入中的问题按 文件:行:列 列出；有问题的题目不转换，其余照常转换。目标格式无法表达的内容按题目报告（JSON 题库中给出其路径）：\n' +
    '完全无法表达的题目（Aiken 只能表达单选题）不写出，退出码为 1；只丢失部分内容（标签、解析）时照常报告，退出码仍为 0。'
}

/** `moral-bank bank import` */
export const bankImport: Command = {
  name: 'bank import',
  options: OPTIONS,
  maxPositionals: 1,
  help: {
    usage: 'moral-bank bank import FILE [--from gift|aiken|json] [--to json|gift|aiken] [--out F]',
    summary: { en: 'read a GIFT or Aiken question bank into the library\'s JSON (or another format)', zh: '将 GIFT 或 Aiken 题库读入为本库的 JSON（或其他格式）' },
    description: {
      en: `Reads FILE (GIFT for .gift, Aiken or GIFT for .txt by content, or --from) and writes it as --to\n(json by default).\n${DESCRIPTION.en}`,
      zh: `读取 FILE（.gift 为 GIFT，.txt 按内容判断为 Aiken 或 GIFT，或用 --from 指明），按 --to 写出（默认 json）。\n${DESCRIPTION.zh}`
    },
    options: [
      ['--from gift|aiken|json', { en: 'the input\'s format (default: from its extension and content)', zh: '输入格式（默认按扩展名和内容判断）' }],
      ['--to json|gift|aiken', { en: 'the output\'s format (default json)', zh: '输出格式（默认 json）' }],
      ...SHARED
    ],
    examples: [
      ['moral-bank bank import party-history.gift --out bank.json', { en: 'a GIFT bank as the library\'s JSON', zh: '把 GIFT 题库转为本库的 JSON' }],
      ['moral-bank bank import quiz.txt --tags 党史 > bank.json', { en: 'an Aiken file, every question tagged 党史, to standard output', zh: '把 Aiken 文件转为 JSON，每题加标签“党史”，写到标准输出' }]
    ]
  },
  run: (p, ctx) => convert(p, ctx, 'json')
}

/** `moral-bank bank export` */
export const bankExport: Command = {
  name: 'bank export',
  options: OPTIONS,
  maxPositionals: 1,
  help: {
    usage: 'moral-bank bank export FILE --to gift|aiken|json [--from json|gift|aiken] [--out F]',
    summary: { en: 'write a JSON question bank as GIFT or Aiken (for Moodle and other LMSs)', zh: '将 JSON 题库导出为 GIFT 或 Aiken（用于 Moodle 等平台）' },
    description: {
      en: `Reads FILE (the library's JSON bank, or --from) and writes it as --to.\n${DESCRIPTION.en}`,
      zh: `读取 FILE（本库的 JSON 题库，或用 --from 指明），按 --to 写出。\n${DESCRIPTION.zh}`
    },
    options: [
      ['--to gift|aiken|json', { en: 'the output\'s format (needed)', zh: '输出格式（必填）' }],
      ['--from json|gift|aiken', { en: 'the input\'s format (default: from its extension and content)', zh: '输入格式（默认按扩展名和内容判断）' }],
      ...SHARED
    ],
    examples: [
      ['moral-bank bank export bank.json --to gift --out bank.gift', { en: 'the whole bank as GIFT, for Moodle', zh: '整个题库导出为 GIFT，用于 Moodle' }],
      ['moral-bank bank export bank.json --to aiken --format json', { en: 'single-choice questions as Aiken; the report (what was left out) as JSON on stderr', zh: '单选题导出为 Aiken；报告（哪些未导出）以 JSON 写到标准错误' }]
    ]
  },
  run: (p, ctx) => convert(p, ctx, undefined)
}
