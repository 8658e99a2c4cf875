/**
 * The honor roll (光荣榜 / 公示名单) of a run: the winners of every category
 * with their explanations, the pending ties, the notice window, and the
 * changes against the previous roll; rendered as JSON, Markdown and CSV.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { at, calendar, decode, DEFAULT_ZONE, FiniteC, InstantC, NameC, oneOf, problem, refined, strict, text, TextC, type Decoded, type Instant, type Locale, type OrgTree, type Text, type Zone } from '../core/internal.js'
import type { AwardDecision, AwardRun } from './model.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * One name on the roll.
 *
 * @category model
 * @example
 * // { subject: 'm7', label: '张三', status: 'won', rank: 1, score: 812, text: { en: 'selected: rank 1 of 120, points:study = 812', zh: '…' } }
 */
export interface RollEntry {
  readonly subject: string
  readonly label?: string
  /** The name of the unit the subject belongs to (a member's unit, a unit's parent), when the roll was given the organisation. */
  readonly unit?: string
  readonly status: 'won' | 'pending'
  readonly rank?: number
  readonly score?: number
  readonly grade?: string
  readonly text: Text
}

/**
 * One category on the roll, with its changes against the previous roll
 * (`added`: new winners; `removed`: winners of the previous roll not listed now; `kept`).
 * `first` is true when no previous roll listed the category: its first posting, with nothing to compare.
 * `names` are the labels of the subjects the changes name (the removed ones from the previous roll);
 * `vacant` says why a category lists nobody.
 *
 * @category model
 * @example
 * roll.categories[0]?.added // => ['m7']
 */
export interface RollCategory {
  readonly award: string
  readonly label: Text
  readonly period: string
  readonly first: boolean
  readonly entries: ReadonlyArray<RollEntry>
  readonly names: Readonly<Record<string, string>>
  /** Why nobody is listed, when nobody is (how many competed, how many were eligible, the best near miss). */
  readonly vacant?: Text
  readonly added: ReadonlyArray<string>
  readonly removed: ReadonlyArray<string>
  readonly kept: ReadonlyArray<string>
}

/**
 * An honor roll: the notice window `[from, to)` and the categories.
 *
 * @category model
 * @example
 * roll.notice // => { from: 1633046400000, to: 1633305600000 }
 */
export interface HonorRoll {
  readonly _tag: 'HonorRoll'
  readonly title: Text
  readonly zone: string
  readonly notice: { readonly from: Instant; readonly to: Instant }
  readonly categories: ReadonlyArray<RollCategory>
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

const unitNameOf = (org: OrgTree | undefined, subject: string): string | undefined => {
  if (org === undefined) return undefined
  const m = org.memberById.get(subject)
  const u = m !== undefined ? m.unit : org.unitById.get(subject)?.parent
  return u === undefined ? undefined : (org.unitById.get(u)?.label ?? u)
}

const entryOf = (d: AwardDecision, org: OrgTree | undefined, unit = unitNameOf(org, d.subject)): RollEntry => ({
  subject: d.subject,
  ...(d.label === undefined ? {} : { label: d.label }),
  ...(unit === undefined ? {} : { unit }),
  status: d.outcome === 'won' ? 'won' : 'pending',
  ...(d.rank === undefined ? {} : { rank: d.rank }),
  ...(d.score === undefined ? {} : { score: d.score }),
  ...(d.grade === undefined ? {} : { grade: d.grade }),
  text: d.text
})

// Why a category has nobody to list.
const vacancy = (r: AwardRun['results'][number]): Text => {
  if (r.candidates === 0) return text('no candidates', '无候选者')
  if (r.eligible === 0) return text(`none of the ${r.candidates} candidates met the criteria`, `${r.candidates} 名候选者均不符合条件`)
  const best = r.nearMisses.find((d) => d.rank !== undefined)
  const en = `none of the ${r.eligible} eligible was selected`
  const zh = `${r.eligible} 名符合条件者均未入选`
  return best === undefined ? text(en, zh) : text(`${en} (the best: ${best.label ?? best.subject}, ${best.text.en})`, `${zh}（最高者 ${best.label ?? best.subject}：${best.text.zh}）`)
}

/**
 * Make the honor roll of a run, posted from `notice.from` to `notice.to`,
 * with changes against the previous roll (categories matched by award id;
 * only winners count, not pending ties). A window that does not end after it starts is a problem.
 *
 * @category constructors
 * @example
 * const roll = honorRoll(run, { from: instantOrThrow('2021-10-08T00:00:00+08:00'), to: instantOrThrow('2021-10-15T00:00:00+08:00') })
 * E.isRight(roll) && roll.right.categories[0]?.entries.map((e) => e.subject) // => ['m7', 'm3']
 */
export const honorRoll = (
  run: AwardRun,
  notice: { readonly from: Instant; readonly to: Instant },
  options: { readonly previous?: HonorRoll; readonly title?: Text; readonly zone?: Zone; readonly org?: OrgTree } = {}
): Decoded<HonorRoll> => {
  if (!(notice.from < notice.to)) {
    return E.left([problem('range', at(['notice', 'to']), text('a notice window that ends after it starts', '结束晚于开始的公示期'), `${notice.from} → ${notice.to}`)])
  }
  const previous = new Map((options.previous?.categories ?? []).map((c) => [c.award, c]))
  const before = new Map((options.previous?.categories ?? []).map((c) => [c.award, c.entries.filter((e) => e.status === 'won').map((e) => e.subject)]))
  const categories = run.results.map((r): RollCategory => {
    const entries = [...r.winners.map((d) => entryOf(d, options.org)), ...r.pending.map((d) => entryOf(d, options.org))]
    const now = r.winners.map((w) => w.subject)
    const then = before.get(r.award) ?? []
    const thenSet = new Set(then)
    const nowSet = new Set(now)
    const removed = then.filter((s) => !nowSet.has(s))
    // the names the changes use: this roll's labels, and the previous roll's for those no longer listed
    const names: Record<string, string> = {}
    const was = previous.get(r.award)
    for (const e of [...(was?.entries ?? []), ...entries]) if (e.label !== undefined) names[e.subject] = e.label
    for (const s of removed) if (names[s] === undefined && was?.names[s] !== undefined) names[s] = was.names[s]
    const vacant = entries.length === 0 ? { vacant: vacancy(r) } : {}
    return {
      ...vacant,
      award: r.award,
      label: r.label,
      period: r.period,
      first: was === undefined,
      entries,
      names,
      added: now.filter((s) => !thenSet.has(s)),
      removed,
      kept: now.filter((s) => thenSet.has(s))
    }
  })
  return E.right({
    _tag: 'HonorRoll',
    title: options.title ?? text('Honor roll', '光荣榜'),
    zone: options.zone ?? DEFAULT_ZONE,
    notice,
    categories
  })
}

// -------------------------------------------------------------------------------------
// rendering
// -------------------------------------------------------------------------------------

/**
 * The roll as JSON text (two-space indent), for publishing and reading back.
 *
 * @category utilities
 * @example
 * JSON.parse(honorRollJson(roll))._tag // => 'HonorRoll'
 */
export const honorRollJson = (roll: HonorRoll): string => JSON.stringify(roll, null, 2)

const day = (roll: HonorRoll, t: Instant): string => calendar(roll.zone as Zone).keyOfDay('day', calendar(roll.zone as Zone).dayNumber(t))
const lastDay = (roll: HonorRoll): string => day(roll, (roll.notice.to - 1) as Instant)
const vacantLine = (c: RollCategory, zh: boolean): string =>
  c.vacant === undefined ? (zh ? '本期空缺。' : 'No winner this period.') : zh ? `本期空缺：${mdCell(c.vacant.zh)}。` : `No winner this period: ${mdCell(c.vacant.en)}.`

// The changes against the previous roll, by name; a category no earlier roll listed is posted for the first time.
const changeLine = (c: RollCategory, zh: boolean): string => {
  if (c.first) return zh ? '本奖项首次公示。' : 'First posting of this category.'
  const name = (s: string): string => (c.names[s] === undefined ? s : `${c.names[s]} (${s})`)
  const change: Array<string> = []
  if (c.added.length > 0) change.push(zh ? `新增：${c.added.map(name).join('、')}` : `new: ${c.added.map(name).join(', ')}`)
  if (c.removed.length > 0) change.push(zh ? `不再上榜：${c.removed.map(name).join('、')}` : `no longer listed: ${c.removed.map(name).join(', ')}`)
  return change.length === 0 ? (zh ? '与上期相比无变化。' : 'No change since the previous roll.') : change.join(zh ? '；' : '; ')
}

const mdCell = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ')

/**
 * The roll as Markdown, in Chinese (default) or English: a heading, the
 * notice window, and per category a table of names with the reason and the
 * changes against the previous roll.
 *
 * @category utilities
 * @example
 * honorRollMarkdown(roll).split('\n')[0] // => '# 光荣榜'
 */
export const honorRollMarkdown = (roll: HonorRoll, locale: Locale = 'zh'): string => {
  const zh = locale === 'zh'
  const lines: Array<string> = [`# ${roll.title[locale]}`, '']
  lines.push(zh ? `公示期：${day(roll, roll.notice.from)} 至 ${lastDay(roll)}` : `Notice period: ${day(roll, roll.notice.from)} to ${lastDay(roll)}`, '')
  for (const c of roll.categories) {
    if (c.entries.length === 0 && c.removed.length > 0) {
      lines.push(zh ? `## ${c.label.zh}（${c.period}）` : `## ${c.label.en} (${c.period})`, '', vacantLine(c, zh), '', mdCell(changeLine(c, zh)), '')
      continue
    }
    lines.push(zh ? `## ${c.label.zh}（${c.period}）` : `## ${c.label.en} (${c.period})`, '')
    if (c.entries.length === 0) {
      lines.push(vacantLine(c, zh), '')
      continue
    }
    // With the organisation, a name is posted with its unit (as a reading room posts it); without, with its id.
    const units = c.entries.some((e) => e.unit !== undefined)
    lines.push(
      units ? (zh ? '| 名次 | 姓名 | 单位 | 状态 | 说明 |' : '| Rank | Name | Unit | Status | Why |') : zh ? '| 名次 | 姓名 | 状态 | 说明 |' : '| Rank | Name | Status | Why |',
      units ? '| --- | --- | --- | --- | --- |' : '| --- | --- | --- | --- |'
    )
    for (const e of c.entries) {
      const status = e.status === 'won' ? (zh ? '入选' : 'won') : zh ? '待定' : 'pending'
      const name = e.label === undefined ? e.subject : units && e.unit !== undefined ? e.label : `${e.label} (${e.subject})`
      const unit = units ? ` ${mdCell(e.unit ?? '')} |` : ''
      lines.push(`| ${e.rank ?? ''} | ${mdCell(name)} |${unit} ${status}${e.grade === undefined ? '' : ` ${mdCell(e.grade)}`} | ${mdCell(e.text[locale])} |`)
    }
    lines.push('', mdCell(changeLine(c, zh)), '')
  }
  return lines.join('\n')
}

const csvCell = (v: string | number | undefined): string => {
  if (v === undefined) return ''
  let s = String(v)
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}` // no formulas in spreadsheets
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/**
 * The roll as CSV (RFC 4180; cells that a spreadsheet would run as a formula
 * are prefixed with `'`): one row per name, and a `removed` row for each
 * winner of the previous roll no longer listed.
 *
 * @category utilities
 * @example
 * honorRollCsv(roll).split('\r\n')[0] // => 'award,award_zh,award_en,period,subject,label,status,change,rank,score,grade,why_en,why_zh'
 */
export const honorRollCsv = (roll: HonorRoll): string => {
  const rows: Array<string> = ['award,award_zh,award_en,period,subject,label,status,change,rank,score,grade,why_en,why_zh']
  for (const c of roll.categories) {
    const added = new Set(c.added)
    for (const e of c.entries) {
      const change = e.status === 'won' ? (added.has(e.subject) ? 'new' : 'kept') : ''
      rows.push([c.award, c.label.zh, c.label.en, c.period, e.subject, e.label, e.status, change, e.rank, e.score, e.grade, e.text.en, e.text.zh].map(csvCell).join(','))
    }
    for (const s of c.removed) rows.push([c.award, c.label.zh, c.label.en, c.period, s, c.names[s], 'removed', 'removed', undefined, undefined, undefined, undefined, undefined].map(csvCell).join(','))
  }
  return `${rows.join('\r\n')}\r\n`
}

// -------------------------------------------------------------------------------------
// decoding
// -------------------------------------------------------------------------------------

const RollEntryC = /*#__PURE__*/ strict(
  { subject: NameC, status: oneOf<'won' | 'pending'>('Status', ['won', 'pending']), text: TextC },
  { label: t.string, unit: t.string, rank: FiniteC, score: FiniteC, grade: t.string },
  'RollEntry'
)
const Ids = /*#__PURE__*/ t.readonlyArray(NameC)
const RollCategoryC = /*#__PURE__*/ strict(
  { award: NameC, label: TextC, period: t.string, first: t.boolean, entries: t.readonlyArray(RollEntryC), names: t.record(t.string, t.string), added: Ids, removed: Ids, kept: Ids },
  { vacant: TextC },
  'RollCategory'
)
const HonorRollC = /*#__PURE__*/ strict(
  {
    _tag: refined('HonorRollTag', (u): u is 'HonorRoll' => u === 'HonorRoll', text('"HonorRoll"', '"HonorRoll"')),
    title: TextC,
    zone: t.string,
    notice: strict({ from: InstantC, to: InstantC }, {}, 'Notice'),
    categories: t.readonlyArray(RollCategoryC)
  },
  {},
  'HonorRoll'
) as unknown as t.Type<HonorRoll, unknown, unknown>

/**
 * Read back a roll written by `honorRollJson` (the last roll posted, for
 * `previous` when the next one is posted), every problem at its path.
 *
 * @category decoding
 * @example
 * const last = decodeHonorRoll(JSON.parse(readFileSync('roll.json', 'utf8')))
 * E.isRight(last) && honorRoll(run, notice, { previous: last.right })
 */
export const decodeHonorRoll = (u: unknown): Decoded<HonorRoll> => decode(HonorRollC)(u)
