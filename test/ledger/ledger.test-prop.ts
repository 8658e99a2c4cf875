import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { compileRuleSetOrThrow, dailyStudy, type ActivityEvent, type SubjectId } from '../../src/rules/internal.js'
import { allEntries, appendEvents, emptyLedger, foldLedger, getLedgerMonoid, mergeLedgers, type Ledger } from '../../src/ledger/internal.js'
import { calendar, instantOrThrow, type EventId, type Instant } from '../../src/core/internal.js'
import { messyEvents, richRules, uniqueEvents } from './arbitrary.js'
import { referenceDailyTotals } from './reference.js'

const rich = compileRuleSetOrThrow(richRules)
const preset = compileRuleSetOrThrow(dailyStudy())
const cal = calendar(rich.zone)

/** What two ledgers must agree on: every subject's part, the conflicts and the counts. */
const view = (l: Ledger) => ({
  subjects: [...l.subjects.entries()].sort(([a], [b]) => (a < b ? -1 : 1)),
  conflicts: l.conflicts,
  arrivals: l.arrivals,
  duplicates: l.duplicates
})

describe('ledger laws', () => {
  it('every balance equals the sum of its entries', () => {
    fc.assert(
      fc.property(messyEvents(), (evs) => {
        const book = foldLedger(rich)(evs)
        for (const s of book.subjects.values()) {
          for (const a of rich.accounts) {
            const sum = s.entries.filter((e) => e.account === a.id).reduce((n, e) => n + e.granted, 0)
            expect(s.balances[a.id]).toBe(sum)
          }
        }
      })
    )
  })

  it('no cap is ever exceeded, per rule or group, per day, ISO week, month or all time; floors hold', () => {
    fc.assert(
      fc.property(messyEvents(), (evs) => {
        const book = foldLedger(rich)(evs)
        const used = new Map<string, number>()
        for (const e of allEntries(book)) {
          const rule = rich.rules.find((r) => r.id === e.rule)!
          expect(Math.abs(e.granted)).toBeLessThanOrEqual(Math.abs(e.requested))
          expect(e.granted * e.requested).toBeGreaterThanOrEqual(0)
          if (e.granted !== e.requested) expect(e.cut).toBeDefined()
          for (const c of rule.caps) {
            const period = c.per === 'all' ? 'all' : cal.key(c.per, e.at)
            const k = `${e.subject}|${c.scope === 'group' ? `g:${c.group}` : `r:${e.rule}`}|${c.per}|${period}`
            const n = (used.get(k) ?? 0) + Math.abs(e.granted)
            used.set(k, n)
            expect(n).toBeLessThanOrEqual(c.max)
          }
        }
        for (const s of book.subjects.values()) {
          let running = 0
          for (const e of s.entries.filter((x) => x.account === 'moral')) {
            running += e.granted
            expect(running).toBeGreaterThanOrEqual(0)
          }
        }
      })
    )
  })

  it('duplicates count once', () => {
    fc.assert(
      fc.property(uniqueEvents(), fc.array(fc.nat()), (evs, picks) => {
        const dups = evs.length === 0 ? [] : picks.map((p) => ({ ...(evs[p % evs.length] as ActivityEvent), attrs: { ...(evs[p % evs.length] as ActivityEvent).attrs } }))
        const once = foldLedger(rich)(evs)
        const twice = foldLedger(rich)([...evs, ...dups])
        expect(view(twice).subjects).toEqual(view(once).subjects)
        expect(twice.duplicates).toBe(dups.length)
        expect(twice.conflicts).toEqual([])
      })
    )
  })

  it('any arrival order gives the same ledger, at once or appended in batches (late events included)', () => {
    fc.assert(
      fc.property(
        messyEvents().chain((evs) => fc.tuple(fc.constant(evs), fc.shuffledSubarray(evs, { minLength: evs.length, maxLength: evs.length }), fc.array(fc.nat({ max: 8 }), { maxLength: 6 }))),
        ([evs, shuffled, cuts]) => {
          const inOrder = foldLedger(rich)(evs)
          expect(view(foldLedger(rich)(shuffled))).toEqual(view(inOrder))
          let l = emptyLedger(rich)
          let i = 0
          for (const c of cuts) {
            l = appendEvents(l)(shuffled.slice(i, i + c))
            i += c
          }
          l = appendEvents(l)(shuffled.slice(i))
          expect(view(l)).toEqual(view(inOrder))
        }
      )
    )
  })

  it('merge laws: associative, with the empty ledger as identity; shards by member merge to the fold of all', () => {
    const M = getLedgerMonoid(rich)
    fc.assert(
      fc.property(messyEvents(30), messyEvents(30), messyEvents(30), (a, b, c) => {
        const [la, lb, lc] = [a, b, c].map(foldLedger(rich)) as [Ledger, Ledger, Ledger]
        expect(view(M.concat(M.concat(la, lb), lc))).toEqual(view(M.concat(la, M.concat(lb, lc))))
        expect(view(M.concat(M.empty, la))).toEqual(view(la))
        expect(view(M.concat(la, M.empty))).toEqual(view(la))
        // Any split of the events, overlapping or not, merges to the fold of all.
        expect(view(mergeLedgers(la, lb))).toEqual(view(foldLedger(rich)([...a, ...b])))
      })
    )
    fc.assert(
      fc.property(uniqueEvents(), (evs) => {
        const shards = ['m1', 'm2', 'm3'].map((m) => evs.filter((e) => e.member === m))
        const merged = shards.map(foldLedger(rich)).reduce(M.concat, M.empty)
        expect(view(merged)).toEqual(view(foldLedger(rich)(evs)))
      })
    )
  })

  it('the preset agrees with a plain reference model on capped daily totals', () => {
    fc.assert(
      fc.property(uniqueEvents(80), (evs) => {
        const ours = new Map<string, number>()
        for (const e of allEntries(foldLedger(preset)(evs))) {
          const k = `${e.subject}|${e.rule}|${e.day}`
          ours.set(k, (ours.get(k) ?? 0) + e.granted)
        }
        for (const [k, v] of ours) if (v === 0) ours.delete(k)
        expect(new Map([...ours].sort())).toEqual(new Map([...referenceDailyTotals(evs)].sort()))
      }),
      { numRuns: 300 }
    )
  })

  it('days follow the programme zone: an entry day is the Shanghai date, and 16:30 UTC starts a new daily cap', () => {
    fc.assert(
      fc.property(messyEvents(), (evs) => {
        for (const e of allEntries(foldLedger(rich)(evs))) expect(e.day).toBe(new Date(e.at + 8 * 3_600_000).toISOString().slice(0, 10))
      })
    )
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 29 }), fc.integer({ min: 30, max: 479 }), (d, before, after) => {
        // Two logins on one UTC date: just before and after 16:00 UTC (local midnight in Shanghai).
        const midnight = instantOrThrow('2020-01-01T16:00:00Z') + d * 86_400_000
        const evs: Array<ActivityEvent> = [
          { id: 'a' as EventId, type: 'login', member: 'm' as SubjectId, at: (midnight - (before + 1) * 60_000) as Instant, attrs: {} },
          { id: 'b' as EventId, type: 'login', member: 'm' as SubjectId, at: (midnight + after * 60_000) as Instant, attrs: {} }
        ]
        expect(allEntries(foldLedger(preset)(evs)).map((e) => e.granted)).toEqual([1, 1])
        const utc = compileRuleSetOrThrow(dailyStudy({ zone: 'UTC' }))
        expect(allEntries(foldLedger(utc)(evs)).map((e) => e.granted)).toEqual([1, 0])
      })
    )
  })
})
