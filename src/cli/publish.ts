/**
 * `moral-bank run | points | board NAME | roll`: a programme run from its
 * files (run-inputs.ts), and what it publishes written to a folder or one
 * part printed.
 *
 * @module
 */
import { at, problem, renderProblem, text } from '../core/internal.js'
import type { ProgrammeRun } from '../programme/internal.js'
import { str, type Parsed } from './args.js'
import { EXIT, UsageError } from './command.js'
import { writeText } from './files.js'
import { col, renderReport, renderTable, type Format } from './format.js'
import type { Command, Ctx } from './help.js'
import { balancesTable, partJson, partMarkdown, partOf, partTable, publishedFiles, rollText, runSummary } from './publish-tables.js'
import { BEHAVIOUR, codeOf, EXAMPLE_INPUTS, INPUT_OPTIONS, INPUTS, load, OPTIONS } from './run-inputs.js'

// -------------------------------------------------------------------------------------
// the commands
// -------------------------------------------------------------------------------------

const withRun = (p: Parsed, ctx: Ctx, then: (run: ProgrammeRun, format: Format) => number): number => {
  const l = load(p, ctx.io)
  if (l.run === undefined) return EXIT.problems
  return Math.max(then(l.run, ctx.format), codeOf(l))
}

/** `moral-bank run` */
export const runCommand: Command = {
  name: 'run',
  options: { ...OPTIONS, out: { type: 'string', short: 'o' } },
  maxPositionals: 1,
  help: {
    usage: `moral-bank run ${INPUTS} [--out DIR]`,
    summary: { en: 'run a programme: everything it publishes, to a folder or as a summary', zh: '运行方案：发布的全部内容写入文件夹，或打印摘要' },
    description: {
      en:
        `${BEHAVIOUR.en}\n\n` +
        'With --out DIR it writes everything the run publishes: run.json (all of it), balances.csv, and\n' +
        'per board and composite boards/<id>.md, .csv and .json (with movement and red/black lists), and\n' +
        'the honor roll as roll.md, roll.json and roll.csv; Markdown and CSV headers in the --lang language.\n' +
        'Without it, a summary: each board\'s first and lists, the roll\'s size.',
      zh:
        `${BEHAVIOUR.zh}\n\n` +
        '给出 --out DIR 时写出全部发布内容：run.json（全部）、balances.csv，每个榜单与综合比较的 boards/<id>.md、.csv、.json\n' +
        '（含名次变化与红黑榜），以及光荣榜 roll.md、roll.json、roll.csv；Markdown 与 CSV 的表头使用 --lang 的语言。不给时打印摘要。'
    },
    options: [...INPUT_OPTIONS, ['--out DIR, -o DIR', { en: 'write everything the run publishes to DIR', zh: '把发布内容写入 DIR' }]],
    examples: [
      [`moral-bank run ${EXAMPLE_INPUTS} --ops ops.jsonl --out published`, { en: 'the month published to published/', zh: '把该月的发布内容写入 published/' }],
      [`moral-bank run ${EXAMPLE_INPUTS} --lang zh`, { en: 'a summary of the run, in Chinese', zh: '中文运行摘要' }]
    ]
  },
  run: (p, ctx) =>
    withRun(p, ctx, (run, format) => {
      const { io } = ctx
      const dir = str(p, 'out')
      const summary = runSummary(run, io.lang)
      if (dir === undefined) {
        io.out(renderReport({ table: summary }, format, io.lang))
        return EXIT.ok
      }
      const files = publishedFiles(run, io.lang)
      for (const [name, body] of files) writeText(io, `${dir.replace(/[/\\]+$/, '')}/${name}`, body)
      const written = { columns: [col('file', 'FILE', '文件'), col('bytes', 'BYTES', '字节', 'right')], rows: files.map(([name, body]) => ({ file: `${dir.replace(/[/\\]+$/, '')}/${name}`, bytes: new TextEncoder().encode(body).length })) }
      io.out(format === 'json' ? `${JSON.stringify({ summary: summary.rows, files: written.rows }, null, 2)}\n` : `${renderTable(summary, format, io.lang)}\n${renderTable(written, format, io.lang)}`)
      return EXIT.ok
    })
}

/** `moral-bank points` */
export const pointsCommand: Command = {
  name: 'points',
  options: OPTIONS,
  maxPositionals: 1,
  help: {
    usage: `moral-bank points ${INPUTS}`,
    summary: { en: 'every member\'s balance in each account after the run', zh: '运行后每名成员各账户的余额' },
    description: { en: `Every member of the organisation (and anyone else the ledger holds), by id, with a column per account.\n${BEHAVIOUR.en}`, zh: `组织中的每名成员（以及账本中的其他主体），按标识排列，每个账户一列。\n${BEHAVIOUR.zh}` },
    options: INPUT_OPTIONS,
    examples: [
      [`moral-bank points ${EXAMPLE_INPUTS} --format csv > balances.csv`, { en: 'balances for a spreadsheet', zh: '余额导出为电子表格' }],
      [`moral-bank points ${EXAMPLE_INPUTS} --lang zh`, { en: 'as a table, headers in Chinese', zh: '表格输出，中文表头' }]
    ]
  },
  run: (p, ctx) =>
    withRun(p, ctx, (run, format) => {
      ctx.io.out(renderReport({ table: balancesTable(run) }, format, ctx.io.lang))
      return EXIT.ok
    })
}

/** `moral-bank board NAME` */
export const boardCommand: Command = {
  name: 'board',
  options: OPTIONS,
  maxPositionals: 2,
  help: {
    usage: `moral-bank board NAME ${INPUTS}`,
    summary: { en: 'one published board or composite: ranks, movement, red/black lists', zh: '某个发布的榜单或综合比较：名次、变化、红黑榜' },
    description: {
      en: `NAME is the id of a board or composite of the programme. Markdown adds the red and black lists;\nJSON is the run's published board (with the previous period and each subject's figures).\n${BEHAVIOUR.en}`,
      zh: `NAME 为方案中某个榜单或综合比较的标识。Markdown 输出附红黑榜；JSON 为运行发布的榜单（含上期与各主体数据）。\n${BEHAVIOUR.zh}`
    },
    options: INPUT_OPTIONS,
    examples: [
      [`moral-bank board study programme.json --org org.json --events events.jsonl --period 2021-07`, { en: 'the study-score board of July', zh: '7 月学习积分榜' }],
      [`moral-bank board sanbi ${EXAMPLE_INPUTS} --format md --lang zh`, { en: 'the composite with its lists, as Markdown in Chinese', zh: '综合比较及其红黑榜，中文 Markdown' }]
    ]
  },
  run: (p, ctx) => {
    const [name, ...rest] = p.positionals
    if (name === undefined || rest.length === 0) throw new UsageError(ctx.io.say('a board name and a programme file are needed', '需要榜单标识与方案文件'))
    return withRun({ ...p, positionals: rest }, ctx, (run, format) => {
      const part = partOf(run, name)
      if (part === undefined) {
        const ids = [...run.boards.map((b) => b.id), ...run.composites.map((c) => c.id)]
        throw new UsageError(ctx.io.say(`no board or composite ${JSON.stringify(name)}; the programme publishes: ${ids.join(', ') || '(none)'}`, `没有榜单或综合比较 ${JSON.stringify(name)}；方案发布的有：${ids.join('、') || '（无）'}`))
      }
      const { io } = ctx
      if (format === 'md') io.out(partMarkdown(part, run.org, io.lang))
      else io.out(renderReport({ table: partTable(part, run.org, io.lang), json: partJson(part) }, format, io.lang))
      return EXIT.ok
    })
  }
}

/** `moral-bank roll` */
export const rollCommand: Command = {
  name: 'roll',
  options: OPTIONS,
  maxPositionals: 1,
  help: {
    usage: `moral-bank roll ${INPUTS}`,
    summary: { en: 'the honor roll the run posts (Markdown as the reading room posts it)', zh: '运行公示的光荣榜（Markdown 即阅览室张贴的样式）' },
    description: {
      en: `The roll of the programme's awards: --format md is what the reading room posts, csv one row per name,\njson the roll as stored (honorRollJson); the table lists each name and why.\n${BEHAVIOUR.en}`,
      zh: `方案评比的光荣榜：--format md 为阅览室张贴的样式，csv 每人一行，json 为存储形式（honorRollJson）；表格列出每人及理由。\n${BEHAVIOUR.zh}`
    },
    options: INPUT_OPTIONS,
    examples: [
      [`moral-bank roll ${EXAMPLE_INPUTS} --ops ops.jsonl --format md --lang zh > roll.zh.md`, { en: 'the roll to post, in Chinese', zh: '待张贴的中文光荣榜' }],
      [`moral-bank roll ${EXAMPLE_INPUTS} --format csv`, { en: 'one row per name, for a spreadsheet', zh: '每人一行，用于电子表格' }]
    ]
  },
  run: (p, ctx) =>
    withRun(p, ctx, (run, format) => {
      if (run.roll === undefined) {
        const why = problem('missing', at(['awards']), text('awards, so that the run posts an honor roll', '评比（运行才会公示光荣榜）'), undefined)
        ctx.io.err(`${p.positionals[0]}: ${renderProblem(why, ctx.io.lang)}\n`)
        return EXIT.problems
      }
      ctx.io.out(rollText(run.roll, format, ctx.io.lang))
      return EXIT.ok
    })
}
