// Arbitraries for the ledger's property tests: dense events over few members and days, ids from a small pool
// (so duplicates and conflicts happen), and a rule set exercising every cap scope and period.
import fc from 'fast-check'
import { pipe } from 'fp-ts/lib/function.js'
import {
  account,
  capGroup,
  capPer,
  dailyStudy,
  deduction,
  firstN,
  inAccount,
  perAction,
  ruleSet,
  type ActivityEvent,
  type AttrValue,
  type RuleSetSpec,
  type SubjectId
} from '../../src/rules/internal.js'
import { instantOrThrow, type EventId, type Instant } from '../../src/core/internal.js'

const BASE = instantOrThrow('2021-06-27T00:00:00+08:00') // a Sunday: weeks and a month end inside the range
const SPAN = 10 * 86_400_000

export const MEMBERS = ['m1', 'm2', 'm3'] as const

/** The preset plus group, week, month and lifetime caps, a first-N rule and a deduction with a floor. */
export const richRules: RuleSetSpec = (() => {
  const p = dailyStudy()
  return ruleSet(
    [...p.accounts, account('moral')],
    [
      ...p.rules.map((r) => (r.id === 'daily-quiz' ? capPer('week', 12)(r) : r)),
      pipe(perAction('deed', 'deed.approved', 3), inAccount('moral'), capPer('month', 7), capPer('all', 20)),
      pipe(deduction('litter', 'violation.recorded', 2), inAccount('moral'), firstN(2, 'week'))
    ],
    [capGroup('media', ['article', 'video', 'article-time', 'video-time'], [{ per: 'day', max: 15 }])]
  )
})()

const attrsFor = (type: string): fc.Arbitrary<Record<string, AttrValue>> => {
  switch (type) {
    case 'article.read':
    case 'video.watched':
      return fc.record({ seconds: fc.integer({ min: 0, max: 400 }), content: fc.constantFrom('c1', 'c2', 'c3', 'c4', 'c5') })
    case 'quiz.completed':
      return fc.record({ kind: fc.constantFrom('daily', 'weekly', 'special'), correct: fc.integer({ min: 0, max: 10 }), quiz: fc.constantFrom('q1', 'q2', 'q3') })
    default:
      return fc.constant({})
  }
}

/** One event; ids from `idPool` names (collisions give duplicates or conflicts). */
export const eventArb = (idPool = 10_000): fc.Arbitrary<ActivityEvent> =>
  fc
    .record({
      n: fc.integer({ min: 0, max: idPool - 1 }),
      type: fc.constantFrom('login', 'article.read', 'video.watched', 'quiz.completed', 'deed.approved', 'violation.recorded', 'other'),
      member: fc.constantFrom(...MEMBERS),
      // Minutes, with extra weight on the minutes around local (and UTC) midnight.
      offset: fc.oneof(
        fc.integer({ min: 0, max: SPAN / 60_000 - 1 }).map((m) => m * 60_000),
        fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: -90, max: 90 }), fc.boolean()).map(([d, m, utc]) => Math.max(0, d * 86_400_000 + (utc ? 8 * 3_600_000 : 0) + m * 60_000))
      )
    })
    .chain(({ n, type, member, offset }) =>
      attrsFor(type).map((attrs): ActivityEvent => ({ id: `e${n}` as EventId, type, member: member as SubjectId, at: (BASE + offset) as Instant, attrs }))
    )

/** Events with unique ids. */
export const uniqueEvents = (max = 60): fc.Arbitrary<Array<ActivityEvent>> =>
  fc.uniqueArray(eventArb(), { maxLength: max, selector: (e) => e.id })

/** Events whose ids may repeat, with the same or different content. */
export const messyEvents = (max = 60): fc.Arbitrary<Array<ActivityEvent>> =>
  fc.tuple(fc.array(eventArb(25), { maxLength: max }), fc.array(fc.nat(), { maxLength: 15 })).map(([evs, picks]) =>
    evs.length === 0 ? evs : [...evs, ...picks.map((p) => ({ ...(evs[p % evs.length] as ActivityEvent) }))]
  )
