import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import {
  decode,
  decodeJson,
  forbiddenKeys,
  InstantC,
  MemberIdC,
  PointsC,
  renderProblem,
  renderProblems,
  strict,
  ZoneC,
  type Problem
} from '../../src/core/internal.js'

const problems = <A>(r: E.Either<ReadonlyArray<Problem>, A>): ReadonlyArray<Problem> => (E.isLeft(r) ? r.left : [])

const Cap = strict({ perDay: PointsC }, { perWeek: PointsC }, 'Cap')
const Rule = strict({ id: MemberIdC, points: PointsC }, { cap: Cap })
const Programme = strict({ version: t.literal(1), rules: t.array(Rule) }, { zone: ZoneC, start: InstantC })

describe('decode', () => {
  it('reports a deep problem at its JSON path, with expected and received', () => {
    const input = { version: 1, rules: [{ id: 'a', points: 1 }, { id: 'b', points: 2 }, { id: 'c', points: 3, cap: { perDay: 1.5 } }] }
    const ps = problems(decode(Programme)(input))
    expect(ps.map((p) => renderProblem(p))).toEqual(['$.rules[2].cap.perDay: expected a safe integer number of points, got 1.5'])
    expect(renderProblem(ps[0] as Problem, 'zh')).toBe('$.rules[2].cap.perDay：应为安全整数积分，实际为 1.5')
  })
  it('collects every problem, not just the first', () => {
    const input = { version: 2, rules: [{ id: '', points: 'x' }, { points: 1 }], zone: 'Mars/Base' }
    const rendered = problems(decode(Programme)(input)).map((p) => renderProblem(p))
    expect(rendered).toEqual(
      expect.arrayContaining([
        '$.version: expected 1, got 2',
        '$.rules[0].id: expected a non-empty id, got ""',
        '$.rules[0].points: expected a safe integer number of points, got "x"',
        '$.rules[1].id: expected an id (string), got nothing',
        '$.zone: expected an IANA time zone such as Asia/Shanghai, got "Mars/Base"'
      ])
    )
    expect(rendered).toHaveLength(5)
  })
  it('reports unknown keys instead of dropping them', () => {
    const ps = problems(decode(Programme)({ version: 1, rules: [{ id: 'a', points: 1, cap: { perDay: 1, perDya: 2 } }] }))
    expect(ps).toHaveLength(1)
    expect(ps[0]?.code).toBe('unknown-key')
    expect(renderProblem(ps[0] as Problem)).toBe('$.rules[0].cap.perDya: expected one of the keys perDay, perWeek, got "perDya"')
  })
  it('marks missing required values as missing', () => {
    const ps = problems(decode(Cap)({}))
    expect(ps.map((p) => [p.code, renderProblem(p)])).toEqual([['missing', '$.perDay: expected a safe integer number of points, got nothing']])
  })
  it('leaves absent optional keys absent', () => {
    const r = decode(Cap)({ perDay: 1 })
    expect(E.isRight(r) && Object.keys(r.right)).toEqual(['perDay'])
  })
  it('refuses __proto__, constructor and prototype anywhere', () => {
    const input = JSON.parse('{"version":1,"rules":[{"id":"a","points":1,"constructor":{"prototype":{}}}],"__proto__":{"polluted":true}}')
    const ps = problems(decode(Programme)(input))
    expect(ps.map((p) => [p.code, renderProblem(p)])).toEqual([
      ['forbidden-key', '$.rules[0].constructor: expected no __proto__, constructor or prototype key, got "constructor"'],
      ['forbidden-key', '$.__proto__: expected no __proto__, constructor or prototype key, got "__proto__"']
    ])
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })
  it('walks cyclic input without looping', () => {
    const a: Record<string, unknown> = { x: 1 }
    a['self'] = a
    expect(forbiddenKeys(a)).toEqual([])
    expect(E.isLeft(decode(Cap)(a))).toBe(true)
  })
  it('turns a codec that throws into a problem', () => {
    const Boom = new t.Type<number, number, unknown>('Boom', (_u): _u is number => false, () => {
      throw new Error('boom')
    }, (a) => a)
    const ps = problems(decode(Boom, ['x'])(1))
    expect(ps[0]?.code).toBe('internal')
    expect(renderProblems(ps)).toContain('$.x')
  })
  it('decodes instants from text or epoch ms and keeps epoch ms', () => {
    expect(decode(InstantC)('1970-01-01T00:00:01+00:00')).toEqual(E.right(1000))
    expect(decode(InstantC)(1000)).toEqual(E.right(1000))
    expect(problems(decode(InstantC)('1970-01-01T00:00:01'))[0]?.expected.en).toContain('offset')
  })
})

describe('decodeJson', () => {
  it('places a syntax error at line and column', () => {
    const ps = problems(decodeJson(Cap, 'rules.json')('{\n  "perDay": 1,\n  oops\n}'))
    expect(ps).toHaveLength(1)
    expect(ps[0]?.code).toBe('syntax')
    expect(renderProblem(ps[0] as Problem).startsWith('rules.json:3:3: expected valid JSON')).toBe(true)
  })
  it('decodes valid JSON with the codec', () => {
    expect(decodeJson(Cap)('{"perDay": 3}')).toEqual(E.right({ perDay: 3 }))
  })
})

describe('JSON syntax positions (Node 20 messages carry none)', () => {
  const where = (s: string): string => {
    const ps = problems(decodeJson(t.unknown)(s))
    const at = ps[0]?.at
    return at?._tag === 'TextPosition' ? `${at.line}:${at.column}` : 'none'
  }
  it('points at the first bad character', () => {
    expect(where('{\n "version": 1,\n "questions": [,]\n}')).toBe('3:16')
    expect(where('{"a":tru}')).toBe('1:6')
    expect(where('[1,2')).toBe('1:5')
    expect(where('{"a":1}x')).toBe('1:8')
    expect(where('"abc')).toBe('1:5')
    expect(where('')).toBe('1:1')
    expect(where('{"a" 1}')).toBe('1:6')
    expect(where('[1 2]')).toBe('1:4')
    expect(where('{"a":"\u0001"}')).toBe('1:7')
  })
})
