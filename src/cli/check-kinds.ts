/**
 * The files `check` reads whole: each kind's decoder from the library, its
 * problems placed at `file:line:column`, and a one-line summary of what
 * the file holds.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { decodeOrg, parseJson, type Decoded, type Locale, type OrgTree, type Problem } from '../core/internal.js'
import { checkHostTables, checkProgrammeOrg, decodeHostTables, decodeProgrammeJson, type Programme } from '../programme/internal.js'
import { decodeBlueprint, decodeQuestionBankJson, type Blueprint, type Question, type QuestionBankReport } from '../quiz/internal.js'
import { decodeJsonBankConfig } from '../bank/internal.js'
import { importAiken, importGift } from '../formats/internal.js'
import type { HostMetrics } from '../ranking/internal.js'
import type { FileKind } from './kinds.js'
import { placeAll, type Placed } from './files.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** A file checked whole: its problems at their places, what it holds, and the value when it decoded. */
export interface WholeCheck<A = unknown> {
  readonly problems: ReadonlyArray<Placed>
  readonly summary: string
  readonly counts: Readonly<Record<string, number>>
  readonly value?: A
}

/** What a check may check a file against: the organisation, and the programme (for host tables). */
export interface Against {
  readonly org?: OrgTree
  readonly programme?: Programme
}

type Say = (en: string, zh: string) => string

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

const n = (say: Say, k: number, one: string, many: string, zh: string): string => say(`${k} ${k === 1 ? one : many}`, `${k} 个${zh}`)
const sayIn = (lang: Locale): Say => (en, zh) => (lang === 'zh' ? zh : en)

const failed = <A>(ps: ReadonlyArray<Problem>, file: string, json: string, lang: Locale): WholeCheck<A> => ({
  problems: placeAll(ps, file, json, lang),
  summary: sayIn(lang)(`${ps.length} ${ps.length === 1 ? 'problem' : 'problems'}`, `${ps.length} 个问题`),
  counts: {}
})

// -------------------------------------------------------------------------------------
// kinds
// -------------------------------------------------------------------------------------

const programmeSummary = (p: Programme, say: Say): string => {
  const parts = [
    say(`zone ${p.zone}`, `时区 ${p.zone}`),
    n(say, p.rules.accounts.length, 'account', 'accounts', '账户'),
    n(say, p.rules.rules.length, 'rule', 'rules', '规则'),
    p.bank === undefined
      ? say('no bank', '无道德银行')
      : say('bank: ', '银行：') + [n(say, (p.bank.spec.items ?? []).length, 'item', 'items', '商品'), n(say, Object.keys(p.bank.processes).length, 'claim process', 'claim processes', '申报流程')].join(say(', ', '，')),
    p.awards === undefined
      ? say('no awards', '无评比')
      : say('awards: ', '评比：') +
        [
          n(say, p.awards.awards.length, 'category', 'categories', '类别'),
          n(say, Object.keys(p.awards.boards).length, 'board', 'boards', '榜单'),
          n(say, p.awards.badges.length, 'badge', 'badges', '徽章')
        ].join(say(', ', '，')),
    ...(p.version === 1
      ? []
      : [
          n(say, p.boards.length, 'board', 'boards', '榜单'),
          n(say, p.composites.length, 'composite', 'composites', '综合比较'),
          n(say, p.host.length, 'host table', 'host tables', '宿主数据表'),
          p.org === undefined ? say('organisation apart', '组织另附') : say('organisation inline', '组织内含')
        ])
  ]
  return `${say(`version ${p.version}`, `版本 ${p.version}`)}; ${parts.join(say('; ', '；'))}`
}

/** A programme, and, with an organisation, the programme against it (its problems in the programme). */
export const checkProgrammeFile = (file: string, json: string, lang: Locale, against: Against): WholeCheck<Programme> => {
  const r = decodeProgrammeJson(json, file)
  if (E.isLeft(r)) return failed(r.left, file, json, lang)
  const org = against.org ?? r.right.org
  const cross = org === undefined ? [] : checkProgrammeOrg(r.right, org)
  const say = sayIn(lang)
  const counts = { accounts: r.right.rules.accounts.length, rules: r.right.rules.rules.length }
  if (cross.length > 0) return { ...failed(cross, file, json, lang), counts }
  return { problems: [], summary: programmeSummary(r.right, say), counts, value: r.right }
}

/** An organisation: units and members. */
export const checkOrgFile = (file: string, json: string, lang: Locale): WholeCheck<OrgTree> => {
  const parsed = parseJson(json, file)
  const r: Decoded<OrgTree> = E.isLeft(parsed) ? parsed : decodeOrg(parsed.right)
  if (E.isLeft(r)) return failed(r.left, file, json, lang)
  const say = sayIn(lang)
  const kinds = new Map<string, number>()
  for (const u of r.right.units) kinds.set(u.kind, (kinds.get(u.kind) ?? 0) + 1)
  const byKind = [...kinds].map(([k, c]) => `${k} ${c}`).join(', ')
  const summary = `${n(say, r.right.units.length, 'unit', 'units', '单位')}${byKind === '' ? '' : ` (${byKind})`}${say(', ', '，')}${n(say, r.right.members.length, 'member', 'members', '成员')}`
  return { problems: [], summary, counts: { units: r.right.units.length, members: r.right.members.length }, value: r.right }
}

const bankSummary = (qs: ReadonlyArray<Question>, rejected: number, say: Say): string => {
  const types = new Map<string, number>()
  for (const q of qs) types.set(q.type, (types.get(q.type) ?? 0) + 1)
  const byType = [...types].map(([k, c]) => `${k} ${c}`).join(', ')
  const rej = rejected === 0 ? '' : say(`, ${rejected} rejected`, `，${rejected} 题被拒`)
  return `${n(say, qs.length, 'question', 'questions', '题')}${byType === '' ? '' : ` (${byType})`}${rej}`
}

/** A question bank in JSON: each question kept or rejected on its own. */
export const checkQuestionBankFile = (file: string, json: string, lang: Locale): WholeCheck<ReadonlyArray<Question>> => {
  const r: QuestionBankReport = decodeQuestionBankJson(json, file)
  return {
    problems: placeAll(r.problems, file, json, lang),
    summary: bankSummary(r.questions, r.rejected.length, sayIn(lang)),
    counts: { questions: r.questions.length, rejected: r.rejected.length },
    value: r.questions
  }
}

/** A question bank in GIFT or Aiken: problems at the line and column of the text. */
export const checkTextBankFile = (kind: 'gift' | 'aiken', file: string, src: string, lang: Locale): WholeCheck<ReadonlyArray<Question>> => {
  const r = (kind === 'gift' ? importGift : importAiken)(src, { file })
  return {
    problems: placeAll(r.problems, file, undefined, lang),
    summary: bankSummary(r.questions, 0, sayIn(lang)),
    counts: { questions: r.questions.length },
    value: r.questions
  }
}

/** A paper blueprint: its sections. */
export const checkBlueprintFile = (file: string, json: string, lang: Locale): WholeCheck<Blueprint> => {
  const parsed = parseJson(json, file)
  const r = E.isLeft(parsed) ? parsed : decodeBlueprint(parsed.right)
  if (E.isLeft(r)) return failed(r.left, file, json, lang)
  const say = sayIn(lang)
  const questions = r.right.sections.reduce((k, s) => k + s.count, 0)
  const summary = `${n(say, r.right.sections.length, 'section', 'sections', '部分')}${say(', ', '，')}${n(say, questions, 'question', 'questions', '题')}`
  return { problems: [], summary, counts: { sections: r.right.sections.length, questions }, value: r.right }
}

/** A Moral Bank configuration. */
export const checkBankConfigFile = (file: string, json: string, lang: Locale): WholeCheck => {
  const r = decodeJsonBankConfig(json, file)
  if (E.isLeft(r)) return failed(r.left, file, json, lang)
  const say = sayIn(lang)
  const { spec } = r.right
  const summary = [
    say(`zone ${r.right.zone}`, `时区 ${r.right.zone}`),
    n(say, spec.accounts.length, 'account', 'accounts', '账户'),
    n(say, (spec.items ?? []).length, 'item', 'items', '商品'),
    n(say, (spec.claims ?? []).length, 'claim process', 'claim processes', '申报流程')
  ].join(say('; ', '；'))
  return { problems: [], summary, counts: { accounts: spec.accounts.length, items: (spec.items ?? []).length, claims: (spec.claims ?? []).length }, value: r.right }
}

/**
 * Host tables, and, with an organisation, their ids against it; with a
 * programme too, against the tables it declares (`checkHostTables`).
 */
export const checkHostFile = (file: string, json: string, lang: Locale, against: Against): WholeCheck<HostMetrics> => {
  const parsed = parseJson(json, file)
  const { programme } = against
  const org = against.org ?? programme?.org
  const r = E.isLeft(parsed) ? parsed : decodeHostTables(parsed.right, programme === undefined ? org : undefined)
  if (E.isLeft(r)) return failed(r.left, file, json, lang)
  const cross = programme === undefined || org === undefined ? [] : checkHostTables(programme, org, r.right)
  if (cross.length > 0) return failed(cross, file, json, lang)
  const say = sayIn(lang)
  const tables = Object.entries(r.right)
  const list = tables.map(([k, t]) => `${k} (${Object.keys(t).length})`).join(', ')
  return { problems: [], summary: `${n(say, tables.length, 'table', 'tables', '表')}${list === '' ? '' : `: ${list}`}`, counts: { tables: tables.length }, value: r.right }
}

/** Check a file read whole, by its kind. */
export const checkWhole = (kind: Exclude<FileKind, 'events' | 'bank-ops'>, file: string, src: string, lang: Locale, against: Against): WholeCheck => {
  switch (kind) {
    case 'programme':
      return checkProgrammeFile(file, src, lang, against)
    case 'org':
      return checkOrgFile(file, src, lang)
    case 'question-bank':
      return checkQuestionBankFile(file, src, lang)
    case 'gift':
    case 'aiken':
      return checkTextBankFile(kind, file, src, lang)
    case 'blueprint':
      return checkBlueprintFile(file, src, lang)
    case 'bank-config':
      return checkBankConfigFile(file, src, lang)
    case 'host':
      return checkHostFile(file, src, lang, against)
  }
}
