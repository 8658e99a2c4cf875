// Issue 18: appendEvents continues each touched subject from the engine's saved state (a late event or a
// conflict folds that subject again), and the state is serialisable. Laws: any chunking of any events
// (late ones and duplicates included) equals one fold; a snapshot taken, written as JSON, read back and
// appended to equals appending without the restart.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { customPeriod, type Period } from '../../src/core/internal.js'
import { compileRuleSetOrThrow, type ActivityEvent } from '../../src/rules/internal.js'
import { appendEvents, decodeLedgerSnapshot, emptyLedger, foldLedger, ledgerSnapshot, statementOrThrow, type Ledger } from '../../src/ledger/internal.js'
import { messyEvents, richRules } from './arbitrary.js'

const rich = compileRuleSetOrThrow(richRules)
const period = (from: string, to: string): Period => E.getOrElseW(() => undefined)(customPeriod(from, to, rich.zone)) as Period
const PERIODS = [period('2021-06-01', '2021-08-01'), period('2021-06-29', '2021-07-02')]

/** Everything a host reads of a ledger, as JSON text (so key order counts too). */
const view = (l: Ledger): string =>
  JSON.stringify({
    subjects: [...l.subjects.keys()].sort().map((k) => {
      const s = l.subjects.get(k)!
      return {
        k,
        events: s.events,
        entries: s.entries,
        skips: s.skips,
        balances: s.balances,
        statements: rich.accounts.flatMap((a) => PERIODS.map((p) => statementOrThrow(l, k, p, a.id)))
      }
    }),
    conflicts: l.conflicts,
    arrivals: l.arrivals,
    duplicates: l.duplicates
  })

/** Events in chunks at the given cut points (each cut a length). */
const chunked = (from: Ledger, evs: ReadonlyArray<ActivityEvent>, cuts: ReadonlyArray<number>): Ledger => {
  let l = from
  let i = 0
  for (const c of cuts) {
    l = appendEvents(l)(evs.slice(i, i + c))
    i += c
  }
  return appendEvents(l)(evs.slice(i))
}

// Half the time in time order (so appends continue from saved states), half as they come (late events).
const eventsArb = fc.tuple(messyEvents(80), fc.boolean()).map(([evs, sort]) => (sort ? [...evs].sort((a, b) => a.at - b.at) : evs))
const cutsArb = fc.array(fc.nat({ max: 12 }), { maxLength: 8 })

const roundTrip = (l: Ledger): Ledger => {
  const back = decodeLedgerSnapshot(rich)(JSON.parse(JSON.stringify(ledgerSnapshot(l))))
  if (E.isLeft(back)) throw new Error(JSON.stringify(back.left))
  return back.right
}

describe('incremental append (issue 18)', () => {
  it('any chunking, late events and duplicates included, equals one fold', () => {
    fc.assert(
      fc.property(eventsArb, cutsArb, (evs, cuts) => {
        expect(view(chunked(emptyLedger(rich), evs, cuts))).toBe(view(foldLedger(rich)(evs)))
      }),
      { numRuns: 300 }
    )
  })

  it('a day appended after history continues from the saved state and equals one fold (entries read between appends)', () => {
    fc.assert(
      fc.property(eventsArb, cutsArb, (evs, cuts) => {
        const sorted = [...evs].sort((a, b) => a.at - b.at)
        let l = emptyLedger(rich)
        let i = 0
        for (const c of cuts) {
          l = appendEvents(l)(sorted.slice(i, i + c))
          // Reading in between must not change what later appends make.
          for (const s of l.subjects.values()) void s.entries.length
          i += c
        }
        l = appendEvents(l)(sorted.slice(i))
        expect(view(l)).toBe(view(foldLedger(rich)(sorted)))
      }),
      { numRuns: 200 }
    )
  })

  it('snapshot to JSON and back, then append, equals appending without the restart (and one fold)', () => {
    fc.assert(
      fc.property(eventsArb, cutsArb, fc.nat({ max: 80 }), (evs, cuts, k) => {
        const before = chunked(emptyLedger(rich), evs.slice(0, k), cuts)
        const resumed = roundTrip(before)
        expect(view(resumed)).toBe(view(before))
        const rest = evs.slice(k)
        const after = appendEvents(resumed)(rest)
        expect(view(after)).toBe(view(appendEvents(before)(rest)))
        expect(view(after)).toBe(view(foldLedger(rich)(evs)))
        // And the snapshot of a resumed ledger is the snapshot it was read from.
        expect(JSON.stringify(ledgerSnapshot(resumed))).toBe(JSON.stringify(ledgerSnapshot(before)))
      }),
      { numRuns: 200 }
    )
  })

  it('the snapshot decoder returns problems, never throws, on any input', () => {
    fc.assert(
      fc.property(fc.anything(), (u) => {
        const r = decodeLedgerSnapshot(rich)(u)
        expect(E.isLeft(r)).toBe(true)
        if (E.isLeft(r)) expect(r.left.length).toBeGreaterThan(0)
      })
    )
  })

  it('a snapshot with one field broken gives a problem at that field', () => {
    fc.assert(
      fc.property(messyEvents(40).filter((evs) => evs.length > 0), fc.nat(), fc.constantFrom('state', 'seen', 'events', 'subject'), (evs, pick, field) => {
        const snap = JSON.parse(JSON.stringify(ledgerSnapshot(foldLedger(rich)(evs))))
        const i = pick % snap.subjects.length
        snap.subjects[i][field] = field === 'state' ? [1, 2] : field === 'seen' ? [['nope', 'c1']] : field === 'events' ? [] : 42
        const r = decodeLedgerSnapshot(rich)(snap)
        expect(E.isLeft(r)).toBe(true)
        if (E.isLeft(r)) expect(r.left.some((p) => p.at._tag === 'JsonPath' && p.at.segments.join('.').startsWith(`subjects.${i}.${field}`))).toBe(true)
      }),
      { numRuns: 100 }
    )
  })

  it('issue 18: a hole in a snapshot list is a problem at its index, not a value skipped', () => {
    const snap = JSON.parse(JSON.stringify(ledgerSnapshot(foldLedger(rich)([{ id: 'e1', type: 'login', member: 'm1', at: 1625097600000, attrs: {} } as never]))))
    const state: Array<unknown> = snap.subjects[0].state
    const holed = new Array(state.length)
    for (let i = 1; i < state.length; i++) holed[i] = state[i]
    snap.subjects[0].state = holed
    const r = decodeLedgerSnapshot(rich)(snap)
    expect(E.isLeft(r) && r.left.map((p) => (p.at._tag === 'JsonPath' ? p.at.segments.join('.') : ''))).toEqual(['subjects.0.state.0'])
  })
})
