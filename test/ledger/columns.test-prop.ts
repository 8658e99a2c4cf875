// The fold stores entries and skips in columns and builds the objects on first read; statements read the
// columns directly; the id index is a stack of hash tables. Each must agree with the plain way of doing it.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { compileRuleSetOrThrow, type AccountId, type ActivityEvent, type SubjectId } from '../../src/rules/internal.js'
import { appendEvents, emptyLedger, foldLedger, statement, statementOf, statementOrThrow, type Ledger } from '../../src/ledger/internal.js'
import { EMPTY_INDEX, draftIndex, indexGet, indexValues, type IdIndex } from '../../src/ledger/idindex.js'
import { customPeriod, type EventId, type Instant, type Period } from '../../src/core/internal.js'
import * as E from 'fp-ts/lib/Either.js'
import { messyEvents, richRules } from './arbitrary.js'
import { collidingIds, doublyCollidingIds } from '../core/collide.js'
import { eagerFold } from './eager.js'

const rich = compileRuleSetOrThrow(richRules)
const labels = new Map(rich.rules.map((r) => [r.id as string, r.spec.label]))

/** A ledger folded at once, or appended in batches (so subjects are folded again with older events). */
const ledgerArb = messyEvents().chain((evs) =>
  fc.array(fc.nat({ max: 10 }), { maxLength: 4 }).map((cuts) => {
    let l: Ledger = emptyLedger(rich)
    let i = 0
    for (const c of cuts) {
      l = appendEvents(l)(evs.slice(i, i + c))
      i += c
    }
    return appendEvents(l)(evs.slice(i))
  })
)

describe('ledger columns', () => {
  it('entries and skips read back from columns are the objects an eager fold makes, key for key', () => {
    fc.assert(
      fc.property(ledgerArb, (l) => {
        for (const s of l.subjects.values()) {
          const eager = eagerFold(rich, s.subject, s.events)
          expect(s.entries).toEqual(eager.entries)
          expect(s.skips).toEqual(eager.skips)
          // Same keys in the same order (what JSON and hosts' snapshots see), and built once.
          expect(JSON.stringify(s.entries)).toBe(JSON.stringify(eager.entries))
          expect(JSON.stringify(s.skips)).toBe(JSON.stringify(eager.skips))
          expect(s.entries).toBe(s.entries)
          expect(s.skips).toBe(s.skips)
        }
      })
    )
  })

  it('a statement read from the columns equals statementOf on the entries, for any period and account', () => {
    const base = Date.UTC(2021, 5, 25)
    const periodArb = fc.tuple(fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 14 })).map(([a, b]) => {
      const day = (n: number) => new Date(base + n * 86_400_000).toISOString().slice(0, 10)
      return E.getOrElseW(() => undefined)(customPeriod(day(Math.min(a, b)), day(Math.max(a, b) + 1), rich.zone)) as Period
    })
    fc.assert(
      fc.property(ledgerArb, periodArb, fc.constantFrom('study', 'moral', 'nope'), (l, period, account) => {
        for (const s of l.subjects.values()) {
          const read = statement(l, s.subject, period, account as AccountId)
          if (account === 'nope') {
            // an account the rules do not have is a problem, not an empty statement (issue #13)
            expect(E.isLeft(read) && read.left.map((p) => p.code)).toEqual(['reference'])
          } else {
            expect(read).toEqual(E.right(statementOf(s.entries, s.subject, account as AccountId, period, labels)))
          }
        }
      })
    )
  })

  it("a host's edited copy of a subject ledger is read through its own entries", () => {
    const evs: Array<ActivityEvent> = [
      { id: 'a' as EventId, type: 'login', member: 'm' as SubjectId, at: Date.UTC(2021, 6, 1, 1) as Instant, attrs: {} },
      { id: 'b' as EventId, type: 'login', member: 'm' as SubjectId, at: Date.UTC(2021, 6, 2, 1) as Instant, attrs: {} }
    ]
    const l = foldLedger(rich)(evs)
    const s = l.subjects.get('m' as SubjectId)!
    const edited: Ledger = { ...l, subjects: new Map([[s.subject, { ...s, entries: s.entries.slice(0, 1) }]]) }
    const july = E.getOrElseW(() => undefined)(customPeriod('2021-07-01', '2021-08-01', rich.zone)) as Period
    expect(statementOrThrow(l, s.subject, july).closing).toBe(2)
    expect(statementOrThrow(edited, s.subject, july).closing).toBe(1)
  })
})

describe('id index', () => {
  // Operations on a few ids (so they repeat): claim an event, or set one; `done` between batches. Ids
  // 14-27 share one hash (the layers' second level), 28-40 share both hashes (its tree) (issue #14).
  const IDS = [...Array.from({ length: 14 }, (_, i) => `id-${i}`), ...collidingIds(14), ...doublyCollidingIds(13)]
  const opArb = fc.record({ set: fc.boolean(), id: fc.integer({ min: 0, max: 40 }), v: fc.nat({ max: 3 }) })
  it('behaves like a map from id to the kept event, across drafts, layers and merges', () => {
    fc.assert(
      fc.property(fc.array(fc.array(opArb, { maxLength: 30 }), { maxLength: 8 }), fc.boolean(), (batches, hint) => {
        let ix: IdIndex = EMPTY_INDEX
        const model = new Map<string, ActivityEvent>()
        for (const batch of batches) {
          const before = ix
          const beforeModel = new Map(model)
          const d = draftIndex(ix, hint ? batch.length : 0)
          for (const op of batch) {
            const e = { id: IDS[op.id] as EventId, type: 'login', member: 'm' as SubjectId, at: op.v as Instant, attrs: {} }
            if (op.set) {
              d.set(e.id, e)
              model.set(e.id, e)
            } else {
              const old = d.claim(e)
              expect(old).toBe(model.get(e.id))
              if (old === undefined) model.set(e.id, e)
            }
            expect(d.get(e.id)).toBe(model.get(e.id))
          }
          ix = d.done()
          expect(ix.size).toBe(model.size)
          for (const [k, v] of model) expect(indexGet(ix, k as EventId)).toBe(v)
          const values = [...indexValues(ix)]
          expect(values.length).toBe(model.size)
          expect(new Set(values)).toEqual(new Set(model.values()))
          // The index it was drafted from is unchanged.
          expect(before.size).toBe(beforeModel.size)
          for (const [k, v] of beforeModel) expect(indexGet(before, k as EventId)).toBe(v)
        }
        expect(indexGet(ix, 'absent' as EventId)).toBeUndefined()
      })
    )
  })
})
