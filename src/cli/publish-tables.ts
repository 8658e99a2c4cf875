/**
 * What a programme run publishes, as tables and text: every member's
 * balances, each board and composite with its movement and red/black lists,
 * the honor roll, and the summary of a run. Pure: a run in, text out.
 *
 * @module
 */
import { calendar, type Locale, type OrgTree, type Text } from '../core/internal.js'
import { bankBalance } from '../bank/internal.js'
import type { RedBlack } from '../ranking/internal.js'
import { honorRollCsv, honorRollJson, honorRollMarkdown, type HonorRoll } from '../awards/internal.js'
import { publishedRun, type ProgrammeRun, type PublishedBoard, type PublishedComposite } from '../programme/internal.js'
import { col, numberText, renderTable, type Column, type Format, type Table } from './format.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** A published board or composite: the rows it ranks, their movement and lists. */
export type Part = { readonly kind: 'board'; readonly part: PublishedBoard } | { readonly kind: 'composite'; readonly part: PublishedComposite }

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

const nameOf = (org: OrgTree, id: string): string | undefined => org.memberById.get(id)?.label ?? org.unitById.get(id)?.label
const unitOf = (org: OrgTree, id: string): string | undefined => {
  const u = org.memberById.get(id)?.unit
  return u === undefined ? undefined : (org.unitById.get(u)?.label ?? u)
}

/** A run's part by id: a board, else a composite. */
export const partOf = (run: ProgrammeRun, id: string): Part | undefined => {
  const b = run.boards.find((x) => x.id === id)
  if (b !== undefined) return { kind: 'board', part: b }
  const c = run.composites.find((x) => x.id === id)
  return c === undefined ? undefined : { kind: 'composite', part: c }
}

// -------------------------------------------------------------------------------------
// balances
// -------------------------------------------------------------------------------------

/** Every member's balance in each account (members of the organisation and anyone else the ledger holds), by id. */
export const balancesTable = (run: ProgrammeRun): Table => {
  const accounts = run.programme.rules.accounts
  const published = new Map(publishedRun(run).balances.map((b) => [b.subject, b.balances]))
  const ids = [...new Set([...run.org.members.map((m) => m.id as string), ...published.keys()])].sort()
  const labelOf = (id: string): Text => accounts.find((a) => a.id === id)?.label ?? { en: id, zh: id }
  // What members have left to spend in the Moral Bank's shop accounts (the ledger holds what they earned).
  const { bank } = run
  const banked = bank === undefined ? [] : [...new Set((run.programme.bank?.spec.items ?? []).map((i) => i.account as string))]
  const columns: ReadonlyArray<Column> = [
    col('subject', 'ID', '标识'),
    col('name', 'NAME', '姓名'),
    col('unit', 'UNIT', '单位'),
    ...accounts.map((a) => ({ key: `account:${a.id}`, label: labelOf(a.id), align: 'right' as const })),
    ...banked.map((a) => ({ key: `bank:${a}`, label: { en: `${labelOf(a).en} left`, zh: `${labelOf(a).zh}余额` }, align: 'right' as const }))
  ]
  const rows = ids.map((id) => {
    const b = published.get(id) ?? {}
    return {
      subject: id,
      name: nameOf(run.org, id),
      unit: unitOf(run.org, id),
      ...Object.fromEntries(accounts.map((a) => [`account:${a.id}`, b[a.id] ?? 0])),
      ...(bank === undefined ? {} : Object.fromEntries(banked.map((a) => [`bank:${a}`, bankBalance(bank, id, a)])))
    }
  })
  return { columns, rows }
}

// -------------------------------------------------------------------------------------
// boards and composites
// -------------------------------------------------------------------------------------

const moveText = (m: { readonly change: string; readonly by: number } | undefined, lang: Locale): string => {
  if (m === undefined) return ''
  switch (m.change) {
    case 'up':
      return `↑${m.by}`
    case 'down':
      return `↓${m.by}`
    case 'same':
      return '='
    default:
      return lang === 'zh' ? '新' : 'new'
  }
}

const listsOf = (lists: RedBlack | undefined): ReadonlyMap<string, 'red' | 'black'> => {
  const m = new Map<string, 'red' | 'black'>()
  for (const e of lists?.red ?? []) m.set(e.subject, 'red')
  for (const e of lists?.black ?? []) m.set(e.subject, 'black')
  return m
}

const LIST_TEXT = { red: { en: 'red', zh: '红榜' }, black: { en: 'black', zh: '黑榜' } } as const

/** A board's or composite's rows: rank, who, score, movement against the previous period, red/black list. */
export const partTable = (p: Part, org: OrgTree, lang: Locale): Table => {
  const ranking = p.kind === 'board' ? p.part.board : p.part.composite
  const moves = new Map((p.kind === 'board' ? (p.part.movement?.moves ?? []) : []).map((m) => [m.subject, m]))
  const lists = listsOf(p.part.lists)
  const columns: Array<Column> = [col('rank', 'RANK', '名次', 'right'), col('subject', 'ID', '标识'), col('name', 'NAME', '名称'), col('score', 'SCORE', '得分', 'right')]
  if (p.kind === 'board' && p.part.movement !== undefined) columns.push(col('move', 'MOVE', '变化'))
  if (p.part.lists !== undefined) columns.push(col('list', 'LIST', '红黑榜'))
  const rows = ranking.rows.map((r) => {
    const l = lists.get(r.subject)
    return {
      rank: r.rank,
      subject: r.subject,
      name: r.label ?? nameOf(org, r.subject),
      score: r.score,
      move: moveText(moves.get(r.subject), lang),
      list: l === undefined ? '' : LIST_TEXT[l][lang]
    }
  })
  return { columns, rows }
}

/** A board or composite as Markdown: its title and period, its table, its red and black lists. */
export const partMarkdown = (p: Part, org: OrgTree, lang: Locale): string => {
  const period = p.kind === 'board' ? p.part.board.period : ''
  const title = `# ${p.part.label[lang]}${period === '' ? '' : lang === 'zh' ? `（${period}）` : ` (${period})`}\n\n`
  const lists = p.part.lists
  const list = (which: 'red' | 'black'): string => {
    const entries = lists?.[which] ?? []
    if (lists === undefined) return ''
    const head = `\n## ${which === 'red' ? (lang === 'zh' ? '红榜' : 'Red list') : lang === 'zh' ? '黑榜' : 'Black list'}\n\n`
    if (entries.length === 0) return `${head}${lang === 'zh' ? '（无）' : '(none)'}\n`
    return head + entries.map((e) => `- ${e.label ?? nameOf(org, e.subject) ?? e.subject} (${e.subject}): ${numberText(e.score)}${lang === 'zh' ? `，第 ${e.rank} 名` : `, rank ${e.rank}`}`).join('\n') + '\n'
  }
  return title + renderTable(partTable(p, org, lang), 'md', lang) + list('red') + list('black')
}

/** A part's JSON: the run's published form of it. */
export const partJson = (p: Part): unknown => JSON.parse(JSON.stringify(p.part)) as unknown

// -------------------------------------------------------------------------------------
// the honor roll
// -------------------------------------------------------------------------------------

const ROLL_COLUMNS = [
  col('award', 'AWARD', '奖项'),
  col('period', 'PERIOD', '周期'),
  col('rank', 'RANK', '名次', 'right'),
  col('name', 'NAME', '姓名'),
  col('unit', 'UNIT', '单位'),
  col('status', 'STATUS', '状态'),
  col('why', 'WHY', '说明')
]

/** The honor roll in a format: Markdown and CSV as the awards module renders them, JSON as it stores it, else a table. */
export const rollText = (roll: HonorRoll, format: Format, lang: Locale): string => {
  switch (format) {
    case 'md':
      return honorRollMarkdown(roll, lang)
    case 'csv':
      return honorRollCsv(roll)
    case 'json':
      return `${honorRollJson(roll)}\n`
    case 'table': {
      const rows = roll.categories.flatMap((c) =>
        c.entries.length === 0
          ? [{ award: c.label[lang], period: c.period, name: lang === 'zh' ? '（空缺）' : '(vacant)', why: c.vacant?.[lang] }]
          : c.entries.map((e) => ({
              award: c.label[lang],
              period: c.period,
              rank: e.rank,
              // as the posted roll names people: name and unit, the id only where no unit is known
              name: e.label === undefined ? e.subject : e.unit === undefined ? `${e.label} (${e.subject})` : e.label,
              unit: e.unit,
              status: e.status === 'won' ? (lang === 'zh' ? '入选' : 'won') : lang === 'zh' ? '待定' : 'pending',
              why: e.text[lang]
            }))
      )
      return renderTable({ columns: ROLL_COLUMNS, rows }, 'table', lang)
    }
  }
}

// -------------------------------------------------------------------------------------
// the summary of a run
// -------------------------------------------------------------------------------------

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`

const SUMMARY_COLUMNS = [col('part', 'PART', '部分'), col('id', 'ID', '标识'), col('label', 'LABEL', '名称'), col('summary', 'SUMMARY', '摘要')]

const top = (p: Part, org: OrgTree, lang: Locale): string => {
  const rows = (p.kind === 'board' ? p.part.board : p.part.composite).rows
  const first = rows[0]
  const n = lang === 'zh' ? `${rows.length} 个排名` : `${rows.length} ranked`
  if (first === undefined) return n
  const who = first.label ?? nameOf(org, first.subject) ?? first.subject
  const lists = p.part.lists === undefined ? '' : lang === 'zh' ? `；红榜 ${p.part.lists.red.length}，黑榜 ${p.part.lists.black.length}` : `; red ${p.part.lists.red.length}, black ${p.part.lists.black.length}`
  return `${n}${lang === 'zh' ? `；第一 ${who} ${numberText(first.score)}` : `; first ${who} ${numberText(first.score)}`}${lists}`
}

/** The rows of a run's summary: the period, the ledger, each board and composite, the awards and the roll. */
export const runSummary = (run: ProgrammeRun, lang: Locale): Table => {
  const zh = lang === 'zh'
  const members = run.ledger.subjects.size
  const rows: Array<Record<string, string>> = [
    { part: zh ? '周期' : 'period', id: run.period.key, label: '', summary: zh ? `截至 ${calendar(run.programme.zone).format(run.at)}` : `as of ${calendar(run.programme.zone).format(run.at)}` },
    { part: zh ? '账本' : 'ledger', id: '', label: '', summary: zh ? `${members} 名成员有记录` : `${plural(members, 'member', 'members')} with entries` }
  ]
  for (const b of run.boards) rows.push({ part: zh ? '榜单' : 'board', id: b.id, label: b.label[lang], summary: top({ kind: 'board', part: b }, run.org, lang) })
  for (const c of run.composites) rows.push({ part: zh ? '综合比较' : 'composite', id: c.id, label: c.label[lang], summary: top({ kind: 'composite', part: c }, run.org, lang) })
  if (run.roll !== undefined) {
    const names = run.roll.categories.reduce((k, c) => k + c.entries.length, 0)
    rows.push({ part: zh ? '光荣榜' : 'roll', id: '', label: run.roll.title[lang], summary: zh ? `${run.roll.categories.length} 个奖项，${names} 人` : `${plural(run.roll.categories.length, 'category', 'categories')}, ${plural(names, 'name', 'names')}` })
  }
  return { columns: SUMMARY_COLUMNS, rows }
}

/** A file name from an id: path separators and characters file systems refuse become `_`. */
export const fileName = (id: string): string => {
  const s = id.replace(/[/\\:*?"<>|\u0000-\u001f]/g, '_')
  return s === '' || s === '.' || s === '..' ? `_${s}` : s
}

/** Every file `run --out DIR` writes, by path under DIR. */
export const publishedFiles = (run: ProgrammeRun, lang: Locale): ReadonlyArray<readonly [string, string]> => {
  const files: Array<readonly [string, string]> = [
    ['run.json', `${JSON.stringify(publishedRun(run), null, 2)}\n`],
    ['balances.csv', renderTable(balancesTable(run), 'csv', lang)]
  ]
  const part = (dir: string, p: Part): void => {
    const name = `${dir}/${fileName(p.part.id)}`
    files.push([`${name}.md`, partMarkdown(p, run.org, lang)], [`${name}.csv`, renderTable(partTable(p, run.org, lang), 'csv', lang)], [`${name}.json`, `${JSON.stringify(partJson(p), null, 2)}\n`])
  }
  for (const b of run.boards) part('boards', { kind: 'board', part: b })
  for (const c of run.composites) part('composites', { kind: 'composite', part: c })
  if (run.roll !== undefined) files.push(['roll.md', honorRollMarkdown(run.roll, lang)], ['roll.json', `${honorRollJson(run.roll)}\n`], ['roll.csv', honorRollCsv(run.roll)])
  return files
}
