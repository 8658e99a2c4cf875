// The engine's content intern table numbers keys as a Map numbering them in first-seen order would.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { interner } from '../../src/rules/intern.js'

describe('interner', () => {
  it('gives each distinct key the next number and the same key the same number, whatever the keys', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('', 'art-1', 'art-10', '好', '😀', 'a\u0000')), { maxLength: 400 }), (keys) => {
        const t = interner()
        const m = new Map<string, number>()
        for (const k of keys) {
          if (!m.has(k)) m.set(k, m.size)
          expect(t.idOf(k)).toBe(m.get(k))
        }
        expect(t.size()).toBe(m.size)
      })
    )
  })
})
