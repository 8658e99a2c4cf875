import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { at, atText, describeValue, prefixPath, problem, renderLocation, renderProblem, renderProblems, text } from '../../src/core/internal.js'
import { memberId, MAX_ID_LENGTH } from '../../src/core/internal.js'
import { addPoints, negatePoints, points, pointsOrThrow, sumPoints } from '../../src/core/internal.js'

describe('errors', () => {
  it('renders JSON paths with dots, brackets and quoted odd keys', () => {
    expect(renderLocation(at(['rules', 2, 'cap', 'perDay']))).toBe('$.rules[2].cap.perDay')
    expect(renderLocation(at([]))).toBe('$')
    expect(renderLocation(at(['积分', 'a-b', '0']))).toBe('$["积分"]["a-b"]["0"]')
  })
  it('renders text positions with and without a file', () => {
    expect(renderLocation(atText(3, 7))).toBe('3:7')
    expect(renderLocation(atText(3, 7, 'bank.gift'))).toBe('bank.gift:3:7')
  })
  it('renders a problem in English and Chinese', () => {
    const p = problem('range', at(['points']), text('an integer', '整数'), 1.5)
    expect(renderProblem(p)).toBe('$.points: expected an integer, got 1.5')
    expect(renderProblem(p, 'zh')).toBe('$.points：应为整数，实际为 1.5')
    expect(renderProblems([p, p]).split('\n')).toHaveLength(2)
  })
  it('describes awkward values without throwing', () => {
    const cyclic: Record<string, unknown> = {}
    cyclic['self'] = cyclic
    expect(describeValue(cyclic).en).toBe('{…}')
    expect(describeValue(undefined).en).toBe('nothing')
    expect(describeValue(NaN).en).toBe('NaN')
    expect(describeValue(-0).en).toBe('-0')
    expect(describeValue('x'.repeat(500)).en.length).toBeLessThanOrEqual(80)
    expect(describeValue(10n).en).toBe('10n')
  })
  it('prefixes JSON paths but leaves text positions alone', () => {
    const p = problem('missing', at(['cap']), text('a cap', '上限'), undefined)
    expect(renderLocation(prefixPath(['rules', 0])(p).at)).toBe('$.rules[0].cap')
    const q = problem('syntax', atText(1, 1), text('x', 'x'), 'y')
    expect(prefixPath(['rules'])(q)).toEqual(q)
  })
})

describe('ids', () => {
  it('accepts ordinary ids, Chinese included', () => {
    expect(memberId('张三-001')).toEqual(E.right('张三-001'))
  })
  it('rejects empty, overlong, control characters and non-strings, naming the path', () => {
    for (const bad of ['', 'x'.repeat(MAX_ID_LENGTH + 1), 'a\nb', 'tab\there', '\u0085']) {
      const r = memberId(bad, ['members', 3, 'id'])
      expect(E.isLeft(r)).toBe(true)
      if (E.isLeft(r)) expect(renderLocation(r.left.at)).toBe('$.members[3].id')
    }
    const r = memberId(42)
    expect(E.isLeft(r) && r.left.code).toBe('type')
    expect(E.isRight(memberId('x'.repeat(MAX_ID_LENGTH)))).toBe(true)
  })
})

describe('points', () => {
  it('accepts safe integers and normalises -0', () => {
    expect(points(5)).toEqual(E.right(5))
    const z = points(-0)
    expect(E.isRight(z) && Object.is(z.right, 0)).toBe(true)
  })
  it('rejects fractions, NaN, infinities, unsafe integers and non-numbers with a code', () => {
    const code = (u: unknown): string | undefined => {
      const r = points(u)
      return E.isLeft(r) ? r.left.code : undefined
    }
    expect(code(0.5)).toBe('range')
    expect(code(NaN)).toBe('range')
    expect(code(Infinity)).toBe('range')
    expect(code(2 ** 53)).toBe('overflow')
    expect(code('5')).toBe('type')
  })
  it('reports overflow in addition and sums instead of losing precision', () => {
    const max = pointsOrThrow(Number.MAX_SAFE_INTEGER)
    expect(E.isLeft(addPoints(max, pointsOrThrow(1)))).toBe(true)
    expect(addPoints(max, pointsOrThrow(-1))).toEqual(E.right(Number.MAX_SAFE_INTEGER - 1))
    expect(E.isLeft(sumPoints([max, pointsOrThrow(1), pointsOrThrow(-5)]))).toBe(true)
    expect(sumPoints([])).toEqual(E.right(0))
    expect(negatePoints(max)).toBe(-Number.MAX_SAFE_INTEGER)
    expect(() => pointsOrThrow(0.1)).toThrow(RangeError)
  })
})
