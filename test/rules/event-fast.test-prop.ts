// The event decoder's fast path (eventFast) against the codec it stands in for: on any input, decodeEvent
// gives exactly what decode(ActivityEventC) gives, and the fast path either steps aside or agrees.
import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decode } from '../../src/core/internal.js'
import { ActivityEventC, decodeEvent, decodeEventsJsonl, eventFast } from '../../src/rules/internal.js'

const id = fc.oneof(fc.constantFrom('e1', 'm-001', '张三', '', ' ', 'a\u200bb', 'x'.repeat(201), '\ud800'), fc.string({ maxLength: 8 }), fc.integer())
const at = fc.oneof(
  fc.integer({ min: -9e15, max: 9e15 }),
  fc.constantFrom(0, 1.5, -1, Number.NaN, Infinity, 8.64e15 + 1, '2021-07-01T08:00:00+08:00', '2021-07-01T08:00:00Z', '2021-07-01T08:00:00', '2021-02-30T08:00:00Z', 'noon', ''),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString())
)
const attrValue = fc.oneof(fc.string({ maxLength: 4 }), fc.boolean(), fc.double(), fc.constant(null), fc.constant([1]), fc.constant({ a: 1 }))
const attrs = fc.oneof(
  fc.dictionary(fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'seconds')), attrValue, { maxKeys: 4 }),
  fc.constantFrom(null, [], 'x', 3, undefined)
)
const event = fc.record(
  { id, type: id, member: id, at, attrs, extra: fc.constant(1), __proto__: fc.constant({}) },
  { requiredKeys: [] }
)
const input = fc.oneof(event, event.map((e) => JSON.parse(JSON.stringify(e)) as unknown), fc.anything())

describe('eventFast stands in for ActivityEventC exactly', () => {
  it('decodeEvent equals the codec on any input; the fast path steps aside or agrees', () => {
    fc.assert(
      fc.property(input, (u) => {
        const slow = decode(ActivityEventC)(u)
        expect(decodeEvent(u)).toEqual(slow)
        const fast = eventFast(u)
        if (fast !== undefined) expect(E.right(fast)).toEqual(slow)
      }),
      { numRuns: 5000 }
    )
  })

  it('valid events take the fast path; a line with a forbidden attribute key still goes to the codec', () => {
    expect(eventFast({ id: 'e1', type: 'login', member: 'm-1', at: '2021-07-01T08:00:00+08:00', attrs: { seconds: 3 } })).toEqual({ id: 'e1', type: 'login', member: 'm-1', at: 1625097600000, attrs: { seconds: 3 } })
    const b = decodeEventsJsonl('{"id":"e1","type":"login","member":"m-1","at":0,"attrs":{"__proto__":{"x":1}}}\n{"id":"e2","type":"login","member":"m-1","at":0,"attrs":{"constructor":1}}\n')
    expect(b.rejections.map((r) => r.problems.map((p) => p.code))).toEqual([['forbidden-key'], ['forbidden-key']])
  })
})
