// One wrong value in a valid document, for each place where the schemas choose between alternatives (issue 16):
// a validator run with allErrors should report it once, at the wrong value, not once per alternative.
// Shared by the test (mistakes.test.ts) and the table in BENCHMARKS.md (mistakes-table.ts).
import { awardPresets } from '../../src/awards/internal.js'
import { dailyStudy } from '../../src/rules/internal.js'
import { BANK_JSON } from '../quiz/fixtures.js'
import { programmeJson } from '../programme/fixtures.js'
import org from './fixtures/org.json'
import host from './fixtures/host.json'
import programmeV2 from './fixtures/programme-v2.json'

/** A schema by its file name's stem (schemas/<stem>.schema.json). */
export type SchemaStem = 'event' | 'bank-config' | 'question-bank' | 'rules' | 'awards' | 'programme' | 'org' | 'host'

export interface Mistake {
  /** What is wrong, as a reader would say it. */
  readonly name: string
  readonly schema: SchemaStem
  /** The valid document the mistake is made in. */
  readonly valid: unknown
  /** The same document with the one wrong value. */
  readonly doc: unknown
  /** JSON Pointer of the wrong value (of the object, for a missing or extra key). */
  readonly at: string
}

const copy = <A>(a: A): A => JSON.parse(JSON.stringify(a)) as A

// `doc` with the value at JSON Pointer `at` replaced (or removed, for `undefined`).
const withValue = (doc: unknown, at: string, value: unknown): unknown => {
  const out = copy(doc)
  const segs = at.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
  let parent = out as Record<string, unknown>
  for (const s of segs.slice(0, -1)) parent = parent[s] as Record<string, unknown>
  const last = segs[segs.length - 1] as string
  if (value === undefined) delete parent[last]
  else parent[last] = value
  return out
}

const mistake = (name: string, schema: SchemaStem, valid: unknown, at: string, value: unknown): Mistake => ({ name, schema, valid, doc: withValue(valid, at, value), at })

const awards = awardPresets()
const rules = dailyStudy()
const programme = { version: 1, rules: dailyStudy(), awards: awardPresets() }
const bankConfig = {
  zone: 'Asia/Shanghai',
  accounts: [{ id: 'moral', expiryMonths: 12 }, { id: 'study', floor: null }],
  items: [{ id: 'soap', label: { en: 'Soap', zh: '肥皂' }, account: 'moral', price: 5, stock: 40 }],
  claims: [{ id: 'deed', eventType: 'deed.approved', stages: [{ kind: 'confirmation', id: 'helped' }, { kind: 'review', id: 'review' }, { kind: 'notice', id: 'notice', days: 3 }] }]
}
const { host: _host, composites: _composites, roll: _roll, ...v2BoardsOnly } = programmeV2
const event = { id: 'ev-1', type: 'quiz.completed', member: 'm-001', at: '2021-07-01T08:00:00+08:00', attrs: { correct: 5, kind: 'daily' } }

/** The mistakes measured, each in a document of the README, the presets or the fixtures. */
export const MISTAKES: ReadonlyArray<Mistake> = [
  // The two of the earlier reports: a criterion's op in the award presets, a rule's amount kind in dailyStudy.
  mistake('awards presets: a criterion op "ge"', 'awards', awards, '/awards/0/criteria/all/0/op', 'ge'),
  mistake('programme (rules + award presets): the same criterion op "ge"', 'programme', programme, '/awards/awards/0/criteria/all/0/op', 'ge'),
  mistake('rules dailyStudy: a rule amount per "perAction"', 'rules', rules, '/rules/0/amount/per', 'perAction'),
  mistake('programme fixture: a rule amount per "perAction"', 'programme', programmeJson(), '/rules/rules/0/amount/per', 'perAction'),
  // Other alternatives, one wrong value each.
  mistake('rules: an amount field of the right kind wrong (unit 0)', 'rules', rules, '/rules/2/amount/unit', 0),
  mistake('rules: a condition op "equals"', 'rules', rules, '/rules/5/when/op', 'equals'),
  mistake('rules: a condition value null', 'rules', rules, '/rules/5/when/value', null),
  mistake('rules: an account floor "none"', 'rules', rules, '/accounts/0/floor', 'none'),
  mistake('awards presets: a nested criterion (not blackList) empty', 'awards', awards, '/awards/1/criteria/all/1/not/blackList', ''),
  mistake('awards presets: a criterion value "0"', 'awards', awards, '/awards/0/criteria/all/0/value', '0'),
  mistake('awards presets: selection kind "best"', 'awards', awards, '/awards/0/selection/kind', 'best'),
  mistake('awards presets: selection n -1', 'awards', awards, '/awards/0/selection/n', -1),
  mistake('awards presets: board metric kind "pts"', 'awards', awards, '/boards/study/metric/kind', 'pts'),
  mistake('awards presets: black list count "ten"', 'awards', awards, '/boards/study/lists/black/count', 'ten'),
  mistake('awards presets: badge kind "streaks"', 'awards', awards, '/badges/1/kind', 'streaks'),
  mistake('awards presets: streak badge days 0', 'awards', awards, '/badges/1/days', 0),
  mistake('awards presets: a score weight "0.4"', 'awards', awards, '/awards/3/by/host:skills', '0.4'),
  mistake('awards presets: by 5', 'awards', awards, '/awards/4/by', 5),
  mistake('awards presets: period "quarterly"', 'awards', awards, '/awards/0/period', 'quarterly'),
  mistake('awards presets: a host metric 7', 'awards', awards, '/hostMetrics/0', 7),
  mistake('bank configuration: stage kind "approval"', 'bank-config', bankConfig, '/claims/0/stages/1/kind', 'approval'),
  mistake('bank configuration: notice days 0', 'bank-config', bankConfig, '/claims/0/stages/2/days', 0),
  mistake('bank configuration: floor 5', 'bank-config', bankConfig, '/accounts/1/floor', 5),
  mistake('question bank: question type "judgement"', 'question-bank', BANK_JSON, '/questions/1/type', 'judgement'),
  mistake('question bank: a stem 5', 'question-bank', BANK_JSON, '/questions/0/stem', 5),
  mistake('question bank: numeric answer kind "exactly"', 'question-bank', BANK_JSON, '/questions/7/answers/0/kind', 'exactly'),
  mistake('event: at "yesterday"', 'event', event, '/at', 'yesterday'),
  mistake('event: an attribute null', 'event', event, '/attrs/kind', null),
  mistake('organisation: unit kind "team"', 'org', org, '/units/3/kind', 'team'),
  mistake('organisation: joined "2021-02-29"', 'org', org, '/members/1/joined', '2021-02-29'),
  mistake('organisation: partyMember "yes"', 'org', org, '/members/0/partyMember', 'yes'),
  mistake('host tables: a score "88"', 'host', host, '/skills/m-001', '88'),
  mistake('programme v2: board period "monthly"', 'programme', programmeV2, '/boards/0/period', 'monthly'),
  mistake('programme v2: board metric kind "pts"', 'programme', programmeV2, '/boards/1/metric/kind', 'pts'),
  mistake('programme v2: board red list count -1', 'programme', programmeV2, '/boards/1/lists/red/count', -1),
  mistake('programme v2: composite normalisation "min-max"', 'programme', programmeV2, '/composites/0/normalisation', 'min-max'),
  mistake('programme v2: composite part weight "half"', 'programme', programmeV2, '/composites/0/parts/0/weight', 'half'),
  mistake('programme v2: host table of "people"', 'programme', programmeV2, '/host/2/of', 'people'),
  mistake('programme v2: roll notice days 0', 'programme', programmeV2, '/roll/notice/days', 0),
  mistake('programme v2: inline org unit kind "team"', 'programme', { ...programmeV2, org }, '/org/units/3/kind', 'team'),
  mistake('programme v2: an award criterion op "ge"', 'programme', programmeV2, '/awards/awards/0/criteria/all/0/op', 'ge'),
  mistake('programme: version 3', 'programme', programmeV2, '/version', 3),
  // The wrong value is the version, but the error belongs at the part version 1 does not have.
  { ...mistake('programme: version 1 with boards', 'programme', v2BoardsOnly, '/version', 1), at: '/boards' }
]
