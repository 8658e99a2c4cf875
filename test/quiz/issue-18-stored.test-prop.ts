// Issue 18: rounds read back from a store. `decodeRoundJson` checks a text that `JSON.stringify(round)`
// wrote in one parse, its seal over the stored text itself, and its shape by a plain walk (`isRoundShape`)
// instead of the codec. Laws: it gives exactly what the long way gives (the decoder of issue 14, kept below as
// the oracle) for every text, stored as written, edited, edited and sealed again with the paper's key (so only
// the checks after the seal can refuse it), or laid out another way; the walk accepts exactly what the codec
// and the forbidden-key guard accept; a decoded round is this library's own (graded with no second HMAC).
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { decode, decodeJson, forbiddenKeys, hmacSha256, type Decoded } from '../../src/core/internal.js'
import { decodeRound, decodeRoundJson, isRoundShape, isSealed, roundResult, RoundShapeC, type Paper, type Round } from '../../src/quiz/internal.js'
import { play, roundArb } from './played.js'

// The decoder before issue 18: parse (BOM, syntax, duplicate keys), then `decodeRound` on the value.
const oracle = (paper: Paper, json: string, file?: string): Decoded<Round> => {
  const r = decodeJson(t.unknown, file)(json)
  return E.isLeft(r) ? r : decodeRound(paper)(r.right)
}

// JSON data with keys sorted at every level (as the library seals it); undefined members left out.
const canonical = (u: unknown): unknown => {
  if (u === null || typeof u !== 'object') return u
  if (Array.isArray(u)) return u.map(canonical)
  const o = u as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(o).sort()) if (o[k] !== undefined) out[k] = canonical(o[k])
  return out
}

// A body sealed again with the paper's key, written as JSON.stringify writes a round (the seal last).
const resealed = (paper: Paper, body: Record<string, unknown>): string => {
  const { seal: _drop, ...rest } = body
  const text = JSON.stringify(canonical(rest))
  return `${text.slice(0, -1)}${text.length > 2 ? ',' : ''}"seal":"${hmacSha256(paper.sealKey, text)}"}`
}

const FIELDS = ['version', 'id', 'quiz', 'member', 'mode', 'paper', 'limits', 'status', 'startedAt', 'slots', 'endedAt', 'endedBy', 'kind', 'step', 'seal', 'extra', '__proto__']

// A stored round with one field, one slot field or one response field replaced by any JSON value.
const editArb = fc.tuple(
  fc.constantFrom('top', 'slot', 'response'),
  fc.constantFrom(...FIELDS, 'answers', 'openedAt', 'response', 'answeredAt', 'manual', 'gradedAt', 'type', 'choice', 'choices', 'values', 'value', 'order', 'matches', 'text', 'constructor'),
  fc.nat(10),
  fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(undefined, 'A', ['A', 'A'], { n: 1, d: 2 }, { '1': 'A', constructor: 'B' }, 2, -1, 1.5, ''))
)
const edit = (stored: Record<string, unknown>, [where, key, i, value]: typeof editArb extends fc.Arbitrary<infer A> ? A : never): Record<string, unknown> => {
  const set = (o: unknown): unknown => {
    if (o === null || typeof o !== 'object' || Array.isArray(o)) return o
    const c: Record<string, unknown> = { ...(o as Record<string, unknown>) }
    if (key === '__proto__') Object.defineProperty(c, key, { value, enumerable: true, writable: true, configurable: true })
    else c[key] = value
    return c
  }
  if (where === 'top') return set(stored) as Record<string, unknown>
  const slots = stored['slots'] as ReadonlyArray<Record<string, unknown>>
  if (slots.length === 0) return stored
  const k = i % slots.length
  const slot = slots[k] as Record<string, unknown>
  const next = where === 'slot' ? set(slot) : { ...slot, response: set(slot['response']) }
  return { ...stored, slots: slots.map((s, j) => (j === k ? next : s)) }
}

describe('stored rounds read from their text (issue 18)', () => {
  it('decode exactly as the long way, back to the round itself, adopted as sealed', () => {
    fc.assert(
      fc.property(roundArb, (input) => {
        const { paper, round } = play(input)
        const json = JSON.stringify(round)
        const got = decodeRoundJson(paper, json)
        expect(got).toEqual(oracle(paper, json))
        expect(got).toEqual(E.right(round))
        if (E.isLeft(got)) return
        expect(Object.isFrozen(got.right) && Object.isFrozen(got.right.slots) && got.right.slots.every(Object.isFrozen)).toBe(true)
        expect(isSealed(paper, got.right)).toBe(true)
        expect(roundResult(paper)(got.right)).toEqual(roundResult(paper)(round))
      }),
      { numRuns: 150 }
    )
  })

  it('an edited text, sealed again with the key or not, pretty-printed or with a BOM, gives what the long way gives', () => {
    fc.assert(
      fc.property(roundArb, editArb, fc.constantFrom('resealed', 'as-is', 'pretty', 'bom'), (input, e, layout) => {
        const { paper, round } = play(input)
        const stored = JSON.parse(JSON.stringify(round)) as Record<string, unknown>
        const edited = edit(stored, e)
        const json =
          layout === 'resealed' ? resealed(paper, edited) : layout === 'pretty' ? JSON.stringify(edited, null, 2) : layout === 'bom' ? `\uFEFF${JSON.stringify(edited)}` : JSON.stringify(edited)
        const got = decodeRoundJson(paper, json, 'r.json')
        expect(got).toEqual(oracle(paper, json, 'r.json'))
      }),
      { numRuns: 600 }
    )
  })

  it('isRoundShape accepts exactly what the codec and the forbidden-key guard accept', () => {
    fc.assert(
      fc.property(roundArb, editArb, (input, e) => {
        const { round } = play(input)
        const u = JSON.parse(JSON.stringify(edit(JSON.parse(JSON.stringify(round)) as Record<string, unknown>, e))) as unknown
        expect(isRoundShape(u)).toBe(forbiddenKeys(u).length === 0 && E.isRight(decode(RoundShapeC)(u)))
      }),
      { numRuns: 800 }
    )
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (u) => {
        expect(isRoundShape(u)).toBe(forbiddenKeys(u).length === 0 && E.isRight(decode(RoundShapeC)(u)))
      })
    )
  })
})
