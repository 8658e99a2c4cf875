import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { decodeEvent, decodeEvents, decodeEventsJsonl, eventContentKey, ActivityEventC } from '../../src/rules/internal.js'
import { renderLocation, renderProblem } from '../../src/core/internal.js'

const good = { id: 'ev-1', type: 'article.read', member: 'm-001', at: '2021-07-01T08:00:00+08:00', attrs: { seconds: 95, content: 'art-42' } }

describe('decodeEvent', () => {
  it('decodes the documented JSON form, instant with offset', () => {
    const r = decodeEvent(good)
    expect(r).toEqual(E.right({ id: 'ev-1', type: 'article.read', member: 'm-001', at: Date.UTC(2021, 6, 1, 0, 0, 0), attrs: { seconds: 95, content: 'art-42' } }))
  })
  it('accepts epoch milliseconds and a missing attrs (empty)', () => {
    const r = decodeEvent({ id: 'e', type: 'login', member: 'h-7', at: 1625097600000 })
    expect(r).toEqual(E.right({ id: 'e', type: 'login', member: 'h-7', at: 1625097600000, attrs: {} }))
  })
  it('reports every problem at its path, never throwing', () => {
    const r = decodeEvent({ id: '', type: 'login', at: '2021-07-01T08:00:00', attrs: { n: { deep: 1 }, x: NaN }, extra: 1 })
    expect(E.isLeft(r)).toBe(true)
    const where = E.isLeft(r) ? r.left.map((p) => renderLocation(p.at)).sort() : []
    expect(where).toEqual(['$.at', '$.attrs.n', '$.attrs.x', '$.extra', '$.id', '$.member'])
    const msgs = E.isLeft(r) ? r.left.map((p) => renderProblem(p)) : []
    expect(msgs.find((m) => m.startsWith('$.at'))).toContain('offset')
    expect(msgs.find((m) => m.startsWith('$.member'))).toContain('got nothing')
  })
  it('refuses non-objects and prototype-polluting keys', () => {
    expect(E.isLeft(decodeEvent(null))).toBe(true)
    expect(E.isLeft(decodeEvent('ev'))).toBe(true)
    const polluted = JSON.parse('{"id":"e","type":"login","member":"m","at":0,"attrs":{"__proto__":{"x":1}}}')
    const r = decodeEvent(polluted)
    expect(E.isLeft(r) && r.left[0]?.code).toBe('forbidden-key')
  })
  it('encodes back to JSON that decodes to the same event', () => {
    const e = (decodeEvent(good) as E.Right<never>).right
    expect(decodeEvent(JSON.parse(JSON.stringify(ActivityEventC.encode(e))))).toEqual(E.right(e))
  })
})

describe('decodeEvents / decodeEventsJsonl', () => {
  it('keeps the good events and turns each bad one into a rejection at its index', () => {
    const batch = decodeEvents([good, { id: 'x' }, { ...good, id: 'ev-2' }])
    expect(batch.events.map((e) => e.id)).toEqual(['ev-1', 'ev-2'])
    expect(batch.rejections.map((r) => r.index)).toEqual([1])
    expect(batch.rejections[0]?.problems.every((p) => p.at._tag === 'JsonPath' && p.at.segments[0] === 1)).toBe(true)
  })
  it('reads JSONL: syntax errors at file:line:column, blank lines ignored, nothing lost', () => {
    const text = [JSON.stringify(good), '', '{"id": oops}', JSON.stringify({ ...good, id: 'ev-3', at: 'yesterday' }), JSON.stringify({ ...good, id: 'ev-4' })].join('\n')
    const batch = decodeEventsJsonl(text, 'events.jsonl')
    expect(batch.events.map((e) => e.id)).toEqual(['ev-1', 'ev-4'])
    expect(batch.rejections.map((r) => r.index)).toEqual([3, 4])
    const syntax = batch.rejections[0]?.problems[0]
    expect(syntax?.code).toBe('syntax')
    expect(syntax === undefined ? '' : renderLocation(syntax.at)).toMatch(/^events\.jsonl:3:\d+$/)
    expect(batch.rejections[1]?.problems.map((p) => renderLocation(p.at))).toEqual(['$.at'])
  })
  it('accepts CRLF line ends', () => {
    expect(decodeEventsJsonl(`${JSON.stringify(good)}\r\n${JSON.stringify({ ...good, id: 'b' })}\r\n`).events).toHaveLength(2)
  })
})

describe('eventContentKey', () => {
  it('ignores attribute order and sees any content change', () => {
    const a = (decodeEvent(good) as E.Right<never>).right
    const b = (decodeEvent({ ...good, attrs: { content: 'art-42', seconds: 95 } }) as E.Right<never>).right
    const c = (decodeEvent({ ...good, attrs: { content: 'art-42', seconds: 96 } }) as E.Right<never>).right
    expect(eventContentKey(a)).toBe(eventContentKey(b))
    expect(eventContentKey(a)).not.toBe(eventContentKey(c))
  })
})
