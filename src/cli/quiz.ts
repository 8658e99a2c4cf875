/**
 * `moral-bank quiz assemble BANK BLUEPRINT --seed S`: a paper drawn from a
 * question bank by a blueprint, written as two files: the public paper (what
 * a client may see: `publicPaper`, no answers, seed or bank ids) and,
 * separately, its key (the server's `Paper`, which `decodePaper` reads back
 * to grade rounds).
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { parseJson, questionId, renderProblem, type Problem, type QuestionId } from '../core/internal.js'
import { assemble, decodeBlueprint, indexQuestionBank, publicPaper, type Blueprint } from '../quiz/internal.js'
import { bankFormatOf, readBank } from './bank.js'
import { oneOf, required, str } from './args.js'
import { EXIT, UsageError, type Io } from './command.js'
import { placeAll, placedJson, readText, writeText, type Placed } from './files.js'
import { col, renderReport } from './format.js'
import type { Command } from './help.js'

// A server secret is random and long: 32 hex digits is good, 16 characters the least.
const MIN_SECRET = 16

const secretOf = (io: Io, file: string | undefined): { readonly secret: string; readonly random: boolean } => {
  if (file === undefined) {
    if (io.env.randomSecret === undefined) throw new UsageError(io.say('--secret-file is needed', '缺少 --secret-file'))
    return { secret: io.env.randomSecret(), random: true }
  }
  const secret = readText(io, file).trim()
  if (secret.length < MIN_SECRET) {
    throw new UsageError(io.say(`${file}: a secret of at least ${MIN_SECRET} characters is needed (32 random hex digits is good)`, `${file}：密钥至少需要 ${MIN_SECRET} 个字符（32 位随机十六进制数为宜）`))
  }
  return { secret, random: false }
}

const readBlueprint = (io: Io, file: string): { readonly blueprint?: Blueprint; readonly problems: ReadonlyArray<Placed>; readonly src: string } => {
  const src = readText(io, file)
  const parsed = parseJson(src, file)
  const r = E.isLeft(parsed) ? parsed : decodeBlueprint(parsed.right)
  return E.isLeft(r) ? { problems: placeAll(r.left, file, src, io.lang), src } : { blueprint: r.right, problems: [], src }
}

const excludeOf = (io: Io, raw: string | undefined): ReadonlyArray<QuestionId> =>
  (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => {
      const id = questionId(s, ['--exclude'])
      if (E.isLeft(id)) throw new UsageError(renderProblem(id.left, io.lang))
      return id.right
    })

const COLUMNS = [
  col('paper', 'PAPER', '试卷'),
  col('blueprint', 'BLUEPRINT', '组卷方案'),
  col('questions', 'QUESTIONS', '题数', 'right'),
  col('points', 'POINTS', '总分', 'right'),
  col('out', 'OUT', '试卷文件'),
  col('key', 'KEY', '答案文件')
]

/** `moral-bank quiz assemble` */
export const quizAssemble: Command = {
  name: 'quiz assemble',
  options: {
    seed: { type: 'string' },
    'secret-file': { type: 'string' },
    out: { type: 'string', short: 'o' },
    key: { type: 'string' },
    from: { type: 'string' },
    'paper-id': { type: 'string' },
    exclude: { type: 'string' }
  },
  maxPositionals: 2,
  help: {
    usage: 'moral-bank quiz assemble BANK BLUEPRINT --seed S [--secret-file F] --out PAPER.json --key KEY.json',
    summary: { en: 'draw a paper from a bank by a blueprint: the public paper and, apart, its key', zh: '按组卷方案从题库抽题：分别写出公开试卷与答案' },
    description: {
      en:
        'Draws a paper from BANK (JSON, GIFT or Aiken) by BLUEPRINT, deterministically for the seed and the\n' +
        'secret. PAPER.json is the public paper (publicPaper: opaque handles, labels A, B, …; no answers,\n' +
        'seed, bank ids or anything an order can be computed from): send it to clients. KEY.json is the\n' +
        'server\'s paper with the key (decodePaper reads it back to grade rounds): never send it. The secret\n' +
        'comes from --secret-file (at least 16 characters; 32 random hex digits is good); without it a fresh\n' +
        'random secret is used, so the same seed gives another paper. A bank with problems, or one that\n' +
        'cannot fill the blueprint, writes nothing (exit 1).',
      zh:
        '按 BLUEPRINT 从 BANK（JSON、GIFT 或 Aiken）抽题组卷，由种子与密钥确定。PAPER.json 为公开试卷（publicPaper：不透明句柄，\n' +
        '选项标为 A、B……；不含答案、种子、题库标识或任何可推算顺序的内容），可发给客户端。KEY.json 为服务器端的试卷与答案\n' +
        '（decodePaper 可读回用于判分），切勿发出。密钥取自 --secret-file（至少 16 个字符，32 位随机十六进制数为宜）；不给时使用\n' +
        '新的随机密钥，同一种子会得到不同试卷。题库有问题或无法满足组卷方案时不写出任何文件（退出码 1）。'
    },
    options: [
      ['--seed S', { en: 'the seed (needed): derive it per member and round, never show it', zh: '种子（必填）：按成员与场次派生，切勿公开' }],
      ['--secret-file F', { en: 'a file holding the server secret', zh: '保存服务器密钥的文件' }],
      ['--out PAPER.json, -o', { en: 'where the public paper goes (needed)', zh: '公开试卷的写入位置（必填）' }],
      ['--key KEY.json', { en: 'where the key goes (needed)', zh: '答案的写入位置（必填）' }],
      ['--from json|gift|aiken', { en: 'the bank\'s format (default: from its extension and content)', zh: '题库格式（默认按扩展名和内容判断）' }],
      ['--paper-id ID', { en: 'the paper\'s public id (default: an opaque handle)', zh: '试卷的公开标识（默认为不透明句柄）' }],
      ['--exclude q1,q2', { en: 'question ids never to draw', zh: '不抽取的题目标识' }]
    ],
    examples: [
      [
        'moral-bank quiz assemble bank.json weekly.json --seed m-001-week-26 --secret-file secret.txt --out paper.json --key key.json',
        { en: 'one member\'s weekly paper; the same seed and secret give the same paper', zh: '某成员的每周试卷；同一种子与密钥得到同一试卷' }
      ],
      ['moral-bank quiz assemble party.gift daily.json --seed 2021-07-01 --out p.json --key k.json --lang zh', { en: 'from a GIFT bank, with a random secret', zh: '从 GIFT 题库组卷，使用随机密钥' }]
    ]
  },
  run: (p, { io, format }) => {
    const [bankFile, blueprintFile] = p.positionals
    if (bankFile === undefined || blueprintFile === undefined) throw new UsageError(io.say('a bank and a blueprint are needed', '需要题库与组卷方案两个文件'))
    const seed = required(p, 'seed', io.lang)
    const out = required(p, 'out', io.lang)
    const keyFile = required(p, 'key', io.lang)
    if (out === keyFile) throw new UsageError(io.say('--out and --key must be two files: the key never goes with the paper', '--out 与 --key 必须是两个文件：答案绝不与试卷放在一起'))
    const { secret, random } = secretOf(io, str(p, 'secret-file'))
    const src = readText(io, bankFile)
    const bank = readBank(io, bankFile, src, bankFormatOf(io, bankFile, oneOf(p, 'from', ['json', 'gift', 'aiken'], io.lang), src), [])
    const bp = readBlueprint(io, blueprintFile)
    let problems: ReadonlyArray<Placed> = [...bank.problems, ...bp.problems]
    let row: Record<string, string | number> | undefined
    if (problems.length === 0 && bp.blueprint !== undefined) {
      const exclude = excludeOf(io, str(p, 'exclude'))
      const paperId = str(p, 'paper-id')
      const r = assemble(indexQuestionBank(bank.questions), bp.blueprint, { secret, seed, exclude, ...(paperId === undefined ? {} : { paperId }) })
      if (E.isLeft(r)) problems = placeAll(r.left as ReadonlyArray<Problem>, blueprintFile, bp.src, io.lang)
      else {
        const paper = r.right
        writeText(io, out, `${JSON.stringify(publicPaper(paper), null, 2)}\n`)
        writeText(io, keyFile, `${JSON.stringify(paper, null, 2)}\n`)
        const points = paper.questions.reduce((k, q) => k + q.points, 0)
        row = { paper: paper.id, blueprint: paper.blueprint, questions: paper.questions.length, points, out, key: keyFile }
      }
    }
    if (format !== 'json') for (const x of problems) io.err(`${x.text}\n`)
    if (random && row !== undefined) io.err(io.say('(no --secret-file: a random secret was used; the same --seed gives another paper next time)\n', '（未给 --secret-file：使用了随机密钥；下次同一 --seed 会得到不同试卷）\n'))
    const json = row ?? { problems: problems.map((x) => placedJson(x, io.lang)) }
    if (row !== undefined || format === 'json') io.out(renderReport({ table: { columns: COLUMNS, rows: row === undefined ? [] : [row] }, json }, format, io.lang))
    return row === undefined ? EXIT.problems : EXIT.ok
  }
}
