// Issue #14: every decoder the package exports, as one shape (input in, problems out), what no problem may
// say, and valid documents to edit; used by issue-14-fuzz.test-prop.ts and issue-14-hostile.test-prop.ts.
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import * as M from '../../src/internal.js'
import { renderProblem, type Problem, type Rejection } from '../../src/internal.js'
import { programmeJson } from '../programme/fixtures.js'
import { BANK_JSON, QUESTIONS } from '../quiz/fixtures.js'
import { applyEdit, type Edit } from '../support/edits.js'

// -------------------------------------------------------------------------------------
// every decoder of the package, as one shape: input in, problems out
// -------------------------------------------------------------------------------------

export interface Out {
  readonly ok: boolean
  readonly problems: ReadonlyArray<Problem>
}
export const either = (r: E.Either<ReadonlyArray<Problem>, unknown>): Out => (E.isLeft(r) ? { ok: false, problems: r.left } : { ok: true, problems: [] })
export const one = (r: E.Either<Problem, unknown>): Out => (E.isLeft(r) ? { ok: false, problems: [r.left] } : { ok: true, problems: [] })
export const rejections = (rs: ReadonlyArray<Rejection>): Out => ({ ok: rs.length === 0, problems: rs.flatMap((r) => r.problems) })
export const report = (r: { readonly problems: ReadonlyArray<Problem> }): Out => ({ ok: r.problems.length === 0, problems: r.problems })
export const lines = (rs: Iterable<{ readonly _tag: string; readonly problems?: ReadonlyArray<Problem> }>): Out => {
  const ps: Array<Problem> = []
  let ok = true
  for (const r of rs) if (r._tag === 'Rejection') (ok = false), ps.push(...(r.problems ?? []))
  return { ok, problems: ps }
}

export const NY = (M.zone('America/New_York') as E.Right<M.Zone>).right
export const BoardSpecNY = M.boardSpecCodec(NY)
export const PeriodNY = M.periodCodec(NY)
export const eventBatch = M.batchDecoders(M.ActivityEventC)
/** The server's paper a stored round is decoded against. */
export const PAPER = M.fixedPaper(QUESTIONS.slice(0, 3), { secret: 'fuzz-secret', seed: 'seed', paperId: 'p1', shuffleOptions: false })

const HOST_PROGRAMME = (M.decodeProgramme({ ...programmeJson(), version: 2, host: [{ id: 'skills', label: { en: 'Skills', zh: '技能' } }] }) as E.Right<M.Programme>).right
const HOST_ORG = (M.decodeOrg({ units: [{ id: 'u', label: 'U', kind: 'group' }], members: [{ id: 'm1', unit: 'u' }] }) as E.Right<M.OrgTree>).right

const STUDY = M.compileRuleSetOrThrow(M.dailyStudy())

// A bank with a lot, a reservation and stock, as its snapshot: the seed of the snapshot decoder's edits.
const BANK_CONFIG = M.checkBankConfigOrThrow({ zone: 'Asia/Shanghai', accounts: [{ id: 'moral', expiryMonths: 12 }], items: [{ id: 'soap', account: 'moral', price: 5, stock: 3 }] })
const BANK_SNAPSHOT = JSON.parse(
  JSON.stringify(
    M.bankSnapshot(
      M.applyOps(M.emptyBank(BANK_CONFIG), [
        { _tag: 'earn', request: 'e-1', at: M.instantOrThrow('2021-07-01T08:00:00+08:00'), subject: 'm-1', account: 'moral', points: 12 },
        { _tag: 'reserve', request: 'r-1', at: M.instantOrThrow('2021-07-02T08:00:00+08:00'), subject: 'm-1', item: 'soap', quantity: 1 }
      ]).bank
    )
  )
) as Json

/** Decoders of any value. */
export const VALUE: Readonly<Record<string, (u: unknown) => Out>> = {
  decodeEvent: (u) => either(M.decodeEvent(u)),
  compileRuleSet: (u) => either(M.compileRuleSet(u)),
  decodeRuleSet: (u) => either(M.decodeRuleSet(u)),
  decodeProgramme: (u) => either(M.decodeProgramme(u)),
  decodeAwardProgramme: (u) => either(M.decodeAwardProgramme(u)),
  decodeOrg: (u) => either(M.decodeOrg(u)),
  // the last roll posted, read back for the next (issue 16)
  decodeHonorRoll: (u) => either(M.decodeHonorRoll(u)),
  // a version-2 programme's published parts, each part given the value (issue 16)
  decodePublished: (u) => report(M.decodePublished({ host: u, boards: u, composites: u, roll: u }, M.DEFAULT_ZONE, ['study'])),
  // host tables as a file holds them, against a programme that declares one (issue 16)
  checkHostTables: (u) => report({ problems: M.checkHostTables(HOST_PROGRAMME, HOST_ORG, u as never) }),
  decodeHostTables: (u) => either(M.decodeHostTables(u, HOST_ORG)),
  // a ledger snapshot, against the rule set it was taken with (issue 18)
  decodeLedgerSnapshot: (u) => either(M.decodeLedgerSnapshot(STUDY)(u)),
  // a Moral Bank snapshot, the state without its history (issue 18)
  decodeBankSnapshot: (u) => either(M.decodeBankSnapshot(u)),
  decodeQuestionBank: (u) => report(M.decodeQuestionBank(u)),
  decodeQuestion: (u) => either(M.decodeQuestion(u)),
  decodeBlueprint: (u) => either(M.decodeBlueprint(u)),
  decodeRound: (u) => either(M.decodeRound(PAPER)(u)),
  decodePaper: (u) => either(M.decodePaper(u)),
  decodeBankOp: (u) => either(M.decodeBankOp(u)),
  checkBankConfig: (u) => either(M.checkBankConfig(u)),
  boardSpecCodec: (u) => either(M.decode(BoardSpecNY)(u)),
  periodCodec: (u) => either(M.decode(PeriodNY)(u)),
  zone: (u) => one(M.zone(u)),
  instant: (u) => one(M.instant(u)),
  parseInstant: (u) => one(M.parseInstant(u)),
  parseLocalDate: (u) => one(M.parseLocalDate(u)),
  parsePeriodKey: (u) => one(M.parsePeriodKey(u)),
  memberId: (u) => one(M.memberId(u)),
  subjectId: (u) => one(M.subjectId(u)),
  decodeQuizResponse: (u) => either(M.decodeQuizResponse(u)),
  ruleId: (u) => one(M.ruleId(u)),
  accountId: (u) => one(M.accountId(u)),
  unitId: (u) => one(M.unitId(u)),
  eventId: (u) => one(M.eventId(u)),
  questionId: (u) => one(M.questionId(u)),
  'decode(t.unknown)': (u) => either(M.decode(t.unknown)(u))
}

/** Decoders of a list of values. */
export const LIST: Readonly<Record<string, (u: ReadonlyArray<unknown>) => Out>> = {
  decodeEvents: (u) => rejections(M.decodeEvents(u).rejections),
  decodeBankOps: (u) => rejections(M.decodeBankOps(u).rejections),
  decodeEach: (u) => rejections(eventBatch.each(u).rejections)
}

/** Decoders of text. */
export const TEXT: Readonly<Record<string, (s: string) => Out>> = {
  parseJson: (s) => either(M.parseJson(s, 'f.json')),
  decodeJson: (s) => either(M.decodeJson(M.ActivityEventC, 'f.json')(s)),
  decodeProgrammeJson: (s) => either(M.decodeProgrammeJson(s, 'p.json')),
  decodeJsonBankConfig: (s) => either(M.decodeJsonBankConfig(s, 'b.json')),
  decodeQuestionBankJson: (s) => report(M.decodeQuestionBankJson(s, 'q.json')),
  decodeRoundJson: (s) => either(M.decodeRoundJson(PAPER, s, 'r.json')),
  decodeQuizResponseJson: (s) => either(M.decodeQuizResponseJson(s, 'a.json')),
  decodeEventsJsonl: (s) => rejections(M.decodeEventsJsonl(s, 'e.jsonl').rejections),
  decodeEventsJsonlFrom: (s) => lines(M.decodeEventsJsonlFrom([s.slice(0, s.length >> 1), s.slice(s.length >> 1)], 'e.jsonl')),
  decodeBankOpsJsonl: (s) => rejections(M.decodeBankOpsJsonl(s, 'o.jsonl').rejections),
  decodeBankOpsJsonlFrom: (s) => lines(M.decodeBankOpsJsonlFrom(s, 'o.jsonl')),
  decodeJsonLines: (s) => rejections(M.decodeJsonLines((u) => M.decode(M.ActivityEventC)(u))(s).rejections),
  decodeJsonLinesFrom: (s) => lines(M.decodeJsonLinesFrom((u) => M.decode(M.BankOpC)(u))(s)),
  importGift: (s) => report(M.importGift(s, { file: 'q.gift' })),
  importAiken: (s) => report(M.importAiken(s, { file: 'q.txt' }))
}

/** Every codec the package exports, found by looking, so a new one is fuzzed without being listed. */
export const CODECS: ReadonlyArray<readonly [string, t.Type<unknown, unknown, unknown>]> = (Object.entries(M) as Array<[string, unknown]>).filter(
  (e): e is [string, t.Type<unknown, unknown, unknown>] => e[1] instanceof t.Type
)
// Through `decode`, and called directly as io-ts codecs (hosts may do either).
export const viaCodecs = (u: unknown): ReadonlyArray<readonly [string, Out]> =>
  CODECS.flatMap(([name, c]) => {
    const direct = c.decode(u)
    return [
      [`decode(${name})`, either(M.decode(c)(u))],
      [`${name}.decode`, E.isLeft(direct) ? { ok: false, problems: M.fromValidationErrors(direct.left) } : { ok: true, problems: [] }]
    ] as const
  })

// Exports that read input but are not in the tables above, and why.
export const NOT_FUZZED: Readonly<Record<string, string>> = {
  describeCodec: 'describes a codec, reads no input',
  guardCodec: 'makes a codec never throw (the codecs it guards are fuzzed)',
  idCodec: 'makes a codec (MemberIdC and the others it made are fuzzed)',
  checkResponse: 'checks a typed response against a typed paper question (its input is decoded by QuizResponseC, fuzzed)',
  checkAwardOrg: 'checks a decoded programme against a decoded organisation',
  checkProgrammeOrg: 'checks a decoded programme against a decoded organisation',
  compileCriterion: 'compiles a decoded criterion',
  parseJson: 'in TEXT',
  importResultToEither: 'converts an import result',
  checkLiveBoard: "checks a live board's own trees (tests only; not exported by the package)"
}

// -------------------------------------------------------------------------------------
// what no problem may say
// -------------------------------------------------------------------------------------

// io-ts names: generics, its record and array types, `{ a: string }` and `{  }` shapes, `"a" | "b"` unions,
// and the names this library's codecs carry for io-ts (`Name`, `MemberId`, ...).
export const CODEC_NAMES = [...new Set(CODECS.map(([, c]) => c.name).filter((n) => /^[A-Z][A-Za-z]+$/.test(n)))]
export const DENY = new RegExp(
  [
    String.raw`\b(?:Readonly)?Array<`,
    String.raw`\bReadonlyArray\b`,
    String.raw`\b(?:Partial|Record|Readonly|Exact|Strict|Branded)<`,
    String.raw`\bUnknown(?:Record|Array)\b`,
    String.raw`\{ +\}`,
    String.raw`\{ \w+\??: `,
    String.raw`\w \| \w`,
    String.raw`" \| "`,
    // (a name in quotes is a literal value the input must hold, such as `"_tag": "Board"`)
    String.raw`(?<!")\b(?:${[...CODEC_NAMES, 'Name', 'Int', 'Dictionary'].join('|')})\b(?!")`
  ].join('|')
)

// Every string and key in a value (to tell an echo of the input apart from a leaked name); never throws.
export const stringsIn = (u: unknown): ReadonlyArray<string> => {
  const out: Array<string> = []
  const seen = new Set<unknown>()
  const todo: Array<unknown> = [u]
  try {
    while (todo.length > 0 && out.length < 10_000) {
      const v = todo.pop()
      if (typeof v === 'string') out.push(v)
      if (typeof v !== 'object' || v === null || seen.has(v)) continue
      seen.add(v)
      for (const k of Object.keys(v)) {
        out.push(k)
        todo.push((v as Record<string, unknown>)[k])
      }
    }
  } catch {
    // a hostile value: what was read so far
  }
  return out
}

/** What is wrong with the problems a decoder gave for `input`: empty if nothing. */
export const faults = (name: string, out: Out, input: unknown): ReadonlyArray<string> => {
  const bad: Array<string> = []
  if (!out.ok && out.problems.length === 0) bad.push(`${name}: refused with no problem`)
  const echoes = stringsIn(input)
  for (const p of out.problems) {
    if (p._tag !== 'Problem' || p.expected.en === '' || p.expected.zh === '' || typeof p.received.en !== 'string') bad.push(`${name}: malformed ${JSON.stringify(p)}`)
    for (const locale of ['en', 'zh'] as const) {
      const rendered = renderProblem(p, locale)
      const said = p.expected[locale]
      if (!rendered.includes(said)) bad.push(`${name}: ${rendered} does not say ${said}`)
      for (const m of said.matchAll(new RegExp(DENY.source, 'g'))) {
        if (!echoes.some((s) => s.includes(m[0]))) bad.push(`${name}: io-ts name ${JSON.stringify(m[0])} in ${JSON.stringify(rendered)}`)
      }
    }
  }
  return bad
}

// Run a decoder: a throw is a fault too.
export const attempt = (name: string, run: () => Out, input: unknown): { readonly faults: ReadonlyArray<string>; readonly ok: boolean } => {
  let out: Out
  try {
    out = run()
  } catch (err) {
    return { faults: [`${name} threw ${String(err).slice(0, 200)}`], ok: false }
  }
  return { faults: faults(name, out, input), ok: out.ok }
}
export const check = (name: string, run: () => Out, input: unknown): ReadonlyArray<string> => attempt(name, run, input).faults

export const allOnValue = (u: unknown): ReadonlyArray<string> => [
  ...Object.entries(VALUE).flatMap(([name, f]) => check(name, () => f(u), u)),
  ...(() => {
    try {
      return viaCodecs(u).flatMap(([name, out]) => faults(name, out, u))
    } catch (err) {
      return [`a codec threw ${String(err).slice(0, 200)}`]
    }
  })()
]
export const allOnList = (us: ReadonlyArray<unknown>): ReadonlyArray<string> => Object.entries(LIST).flatMap(([name, f]) => check(name, () => f(us), us))
export const allOnText = (s: string): ReadonlyArray<string> => Object.entries(TEXT).flatMap(([name, f]) => check(name, () => f(s), s))

// -------------------------------------------------------------------------------------
// valid documents and random edits of them
// -------------------------------------------------------------------------------------

export type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [k: string]: Json }
export const copy = <A>(a: A): A => JSON.parse(JSON.stringify(a)) as A

export const T0 = Date.UTC(2021, 6, 1)
export const round = copy((M.startRound({ id: 'r1', quiz: 'weekly', member: 'm-001', mode: 'exam', paper: PAPER, now: T0 }) as E.Right<M.Round>).right) as unknown as Json
export const programme = programmeJson() as unknown as Json
export const SEEDS: ReadonlyArray<readonly [string, Json, ReadonlyArray<string>]> = [
  ['programme', programme, ['decodeProgramme']],
  ['rules', (programme as { rules: Json }).rules, ['compileRuleSet', 'decodeRuleSet']],
  ['bank config', { zone: 'Asia/Shanghai', accounts: [{ id: 'moral', expiryMonths: 12 }, { id: 'study', floor: -20 }], items: [{ id: 'soap', account: 'moral', price: 5, stock: 3 }] }, ['checkBankConfig']],
  ['event', { id: 'ev-1', type: 'article.read', member: 'm-1', at: '2021-07-01T08:00:00+08:00', attrs: { seconds: 90, content: 'art-1' } }, ['decodeEvent']],
  ['bank snapshot', BANK_SNAPSHOT, ['decodeBankSnapshot']],
  ['bank op', { _tag: 'redeem', request: 'r-1', at: '2021-07-01T09:00:00+08:00', subject: 'm-1', account: 'moral', points: 5 }, ['decodeBankOp']],
  [
    'org',
    {
      units: [
        { id: 'park', label: '园区', kind: 'park' },
        { id: 'b1', label: '第一支部', kind: 'branch', parent: 'park' },
        { id: 'g1', label: '一组', kind: 'group', parent: 'b1' }
      ],
      members: [{ id: 'm1', unit: 'g1', partyMember: true, joined: '2020-01-05', roles: ['secretary'] }, { id: 'm2', unit: 'b1', tags: ['new'] }]
    },
    ['decodeOrg']
  ],
  ['question bank', copy(BANK_JSON) as unknown as Json, ['decodeQuestionBank']],
  ['question', copy(BANK_JSON.questions[2]) as unknown as Json, ['decodeQuestion']],
  ['blueprint', { id: 'daily', sections: [{ id: 's1', count: 2, types: ['single', 'judge'], tags: { any: ['党史'] } }] }, ['decodeBlueprint']],
  ['round', round, ['decodeRound']],
  ['paper', copy(PAPER) as unknown as Json, ['decodePaper']],
  ['board spec', { id: 'q3', subjects: 'units', unitKind: 'group', metric: { kind: 'points', account: 'study' }, aggregate: 'perCapita', period: '2021-Q3', ties: 'ordinal' }, ['boardSpecCodec']]
]

// Every node of a document with its path (the root is []).
export const nodes = (doc: Json, path: ReadonlyArray<string | number> = []): Array<ReadonlyArray<string | number>> => {
  const out: Array<ReadonlyArray<string | number>> = [path]
  if (Array.isArray(doc)) doc.forEach((x, i) => out.push(...nodes(x as Json, [...path, i])))
  else if (doc !== null && typeof doc === 'object') for (const [k, v] of Object.entries(doc)) out.push(...nodes(v as Json, [...path, k]))
  return out
}

export type { Edit }

// Values an edit puts in: JSON of plain words, and what JSON cannot hold but a host's object can.
export const word = fc.string({ unit: fc.constantFrom(...'abcxyz019-_. 张'), maxLength: 6 })
export const valueArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 2, stringUnit: fc.constantFrom(...'abcxyz019-_ 张') }) },
  { weight: 2, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e20, Number.MAX_SAFE_INTEGER + 2, 0.5, '', ' ', '\u200b', '\uFEFF', '2021-02-30T07:58:00+08:00', '2021-07-01T08:00:00', [], {}, null, true) },
  { weight: 1, arbitrary: fc.constantFrom(undefined, 10n, Symbol('s'), () => 1, new Date(0), new Map(), Object.create(null) as object) }
)
export const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ _tag: fc.constant('replace' as const), value: valueArb }),
  fc.record({ _tag: fc.constant('add' as const), key: fc.oneof(word, fc.constantFrom('id', 'type', 'kind', 'zone', 'at', '__proto__', 'constructor')), value: valueArb }),
  fc.record({ _tag: fc.constant('delete' as const) })
)

// The document with edits applied, each at one node (chosen by `pick` among all nodes).
export const edited = (doc: Json, edits: ReadonlyArray<readonly [number, Edit]>): unknown => {
  let cur: unknown = copy(doc)
  for (const [pick, e] of edits) {
    const all = nodes(cur as Json)
    const path = all[pick % all.length] as ReadonlyArray<string | number>
    cur = applyEdit(cur, path, e)
  }
  return cur
}
export const editsArb = fc.array(fc.tuple(fc.nat(), editArb), { minLength: 1, maxLength: 3 })

