import { describe, expect, it } from 'vitest'
import type { EventId } from '../../src/core/internal.js'
import { draftIndex, EMPTY_INDEX, indexGet } from '../../src/ledger/idindex.js'
import { makeSlotIndex } from '../../src/ranking/slotindex.js'
import type { ActivityEvent } from '../../src/rules/internal.js'
import { fnv1a } from '../../src/core/hash.js'
import { collidingIds } from '../core/collide.js'

// Ids a member can choose so that they share one FNV-1a hash. The tables compare the ids themselves only
// when hashes match, so counting how often an id is read counts string comparisons, deterministically
// (no timing). Before the fix every look-up compared its id with every earlier one of the same hash:
// about n²/2 reads for n ids (2,000,000 for 2,048); now O(log n) each.
const N = 2048
const IDS = collidingIds(N)
/** Reads allowed per id for an insertion and a look-up: a few probes, then two tree paths of ≤ 1.45 log2 n. */
const PER_ID = 40

describe('issue #14: ids crafted to collide cost bounded comparisons', () => {
  it('the crafted ids really share one FNV-1a hash', () => {
    expect(new Set(IDS).size).toBe(N)
    expect(new Set(IDS.map(fnv1a)).size).toBe(1)
  })

  it('the live board slot index reads O(log n) ids per operation', () => {
    let reads = 0
    const names: Array<string> = []
    const counted = new Proxy(names, {
      get: (target, p, recv) => {
        if (typeof p === 'string' && /^\d+$/.test(p)) reads++
        return Reflect.get(target, p, recv) as unknown
      }
    })
    const index = makeSlotIndex(counted)
    IDS.forEach((id, s) => {
      names[s] = id
      index.add(id, s)
    })
    IDS.forEach((id, s) => expect(index.get(id)).toBe(s))
    expect(index.get('x-absent')).toBe(-1)
    expect(reads).toBeLessThanOrEqual(PER_ID * N)
  })

  it("the ledger's event-id index reads O(log n) ids per claim", () => {
    let reads = 0
    const events = IDS.map((id) => {
      const e = { subject: 'm1', at: 0, kind: 'study' }
      Object.defineProperty(e, 'id', {
        enumerable: true,
        get: () => {
          reads++
          return id
        }
      })
      return e as unknown as ActivityEvent
    })
    const d = draftIndex(EMPTY_INDEX)
    for (const e of events) expect(d.claim(e)).toBeUndefined()
    const before = reads
    const ix = d.done()
    IDS.forEach((id, i) => expect(indexGet(ix, id as EventId)).toBe(events[i]))
    expect(before).toBeLessThanOrEqual(PER_ID * N)
    expect(reads).toBeLessThanOrEqual(2 * PER_ID * N)
  })
})
