// Issue #13: for any split of the same total seconds into reads within one day, the reading-time points
// are the same: floor(total / 60), capped at 6 (and likewise for audio and video).
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { compileRuleSetOrThrow, dailyStudy, type ActivityEvent, type SubjectId } from '../../src/rules/internal.js'
import { instantOrThrow, type EventId, type Instant } from '../../src/core/internal.js'
import { allEntries, appendEvents, emptyLedger, foldLedger } from '../../src/ledger/internal.js'

const study = compileRuleSetOrThrow(dailyStudy())
const DAY = instantOrThrow('2021-07-01T00:00:00+08:00')

/** A total, split into 1..12 reads (any sizes, zeros included) at any instants of one local day. */
const splitDay = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 86_400_000 - 1 })), { minLength: 1, maxLength: 12 })
  .chain((parts) => fc.tuple(fc.constant(parts), fc.constantFrom('article.read', 'video.watched', 'audio.listened')))

const reads = (parts: ReadonlyArray<readonly [number, number]>, type: string, prefix = 'r'): Array<ActivityEvent> =>
  parts.map(([seconds, ms], i) => ({ id: `${prefix}${i}` as EventId, type, member: 'm' as SubjectId, at: (DAY + ms) as Instant, attrs: { seconds, content: `c${i}` } }))

const timePoints = (events: ReadonlyArray<ActivityEvent>, rule: string): number =>
  allEntries(foldLedger(study)(events))
    .filter((e) => e.rule === rule)
    .reduce((n, e) => n + e.granted, 0)

describe('issue #13: accumulated time is split-independent', () => {
  it('any split of a day\'s seconds earns floor(total / 60) points, at most 6', () => {
    fc.assert(
      fc.property(splitDay, ([parts, type]) => {
        const total = parts.reduce((n, [s]) => n + s, 0)
        const rule = type === 'article.read' ? 'article-time' : 'video-time'
        expect(timePoints(reads(parts, type), rule)).toBe(Math.min(6, Math.floor(total / 60)))
        // The whole total in one read earns the same.
        expect(timePoints(reads([[total, 0]], type, 'one'), rule)).toBe(Math.min(6, Math.floor(total / 60)))
      })
    )
  })
  it('arrival order, duplicates and late batches change nothing (idempotent, order-free)', () => {
    fc.assert(
      fc.property(splitDay, fc.integer({ min: 0, max: 12 }), ([parts, type], cut) => {
        const evs = reads(parts, type)
        const once = foldLedger(study)(evs)
        const k = Math.min(cut, evs.length)
        const later = appendEvents(appendEvents(emptyLedger(study))([...evs.slice(k)].reverse()))([...evs.slice(0, k), ...evs])
        expect(allEntries(later)).toEqual(allEntries(once))
      })
    )
  })
})
