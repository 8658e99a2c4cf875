// Issue #14 (hostile and huge input), the decoding part: each test failed on the code before the fix.
import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import {
  decode,
  decodeJson,
  decodeOrg,
  idProblem,
  jsonPathOffset,
  parseInstant,
  renderProblems,
  strict,
  TextC,
  zone,
  type Problem
} from '../../src/core/internal.js'
import { compileRuleSet, decodeEventsJsonl } from '../../src/rules/internal.js'
import { decodeBankOpsJsonl } from '../../src/bank/internal.js'
import { decodeProgramme, decodeProgrammeJson } from '../../src/programme/internal.js'
import { parseArgs } from 'node:util'
import { run } from '../../src/cli/run.js'

const left = <A>(r: E.Either<ReadonlyArray<Problem>, A>): ReadonlyArray<Problem> => (E.isLeft(r) ? r.left : [])
const both = (ps: ReadonlyArray<Problem>): string => `${renderProblems(ps)}\n${renderProblems(ps, 'zh')}`

const hostile = (): unknown =>
  new Proxy(
    {},
    {
      get: () => {
        throw new Error('get')
      },
      ownKeys: () => {
        throw new Error('ownKeys')
      },
      has: () => {
        throw new Error('has')
      },
      getOwnPropertyDescriptor: () => {
        throw new Error('descriptor')
      }
    }
  )
const getter = (): unknown =>
  Object.defineProperty({}, 'accounts', {
    enumerable: true,
    get: () => {
      throw new Error('getter')
    }
  })

const programme = (extra: Record<string, unknown> = {}, rules: Record<string, unknown> = {}): Record<string, unknown> => ({
  version: 1,
  rules: { accounts: [{ id: 'study' }], rules: [{ id: 'login', account: 'study', on: ['login'], amount: { per: 'action', points: 1 } }], ...rules },
  ...extra
})

describe('issue #14: huge JSON never throws', () => {
  const big = 'a'.repeat(8_400_000)
  it('a syntax error after a string of 8.4 M characters is a problem, not a RangeError', () => {
    const ps = left(decodeJson(t.unknown)(`["${big}",]`))
    expect(ps.map((p) => p.code)).toEqual(['syntax'])
    expect(ps[0]?.at).toEqual({ _tag: 'TextPosition', line: 1, column: big.length + 5 })
  })
  it('jsonPathOffset on valid JSON with an 8.4 M-character string', () => {
    const s = `{"a": "${big}", "b": 1}`
    expect(jsonPathOffset(s, ['b'])).toEqual({ offset: s.length - 2, found: 1 })
  })
})

describe('issue #14: hostile values are problems, not throws', () => {
  it('a codec built with core helpers, called directly, fails instead of throwing', () => {
    const C = strict({ en: t.string }, { zh: t.string })
    for (const v of [hostile(), getter()]) {
      expect(() => TextC.decode(v)).not.toThrow()
      expect(E.isLeft(TextC.decode(v))).toBe(true)
      expect(E.isLeft(C.decode(v))).toBe(true)
      expect(E.isLeft(decode(TextC)(v))).toBe(true)
    }
  })
  it('compileRuleSet and decodeOrg give problems for a throwing Proxy or getter', () => {
    for (const v of [hostile(), getter(), { accounts: [hostile()], rules: [] }, { units: [hostile()], members: [] }]) {
      expect(E.isLeft(compileRuleSet(v))).toBe(true)
      expect(E.isLeft(decodeOrg(v))).toBe(true)
    }
  })
})

describe('issue #14: inputs are read as people write them', () => {
  it('a UTF-8 byte order mark before JSON is accepted', () => {
    expect(decodeJson(t.type({ n: t.number }))('\uFEFF{"n": 1}')).toEqual(E.right({ n: 1 }))
    expect(E.isRight(decodeProgrammeJson(`\uFEFF${JSON.stringify(programme())}`))).toBe(true)
  })
  it('a key given twice is a problem at its path, in English and Chinese', () => {
    const text = '{"version": 1, "zone": "Asia/Shanghai", "zone": "UTC", "rules": {"accounts": [], "rules": []}}'
    const ps = left(decodeProgrammeJson(text))
    expect(ps.map((p) => [p.code, p.at])).toEqual([['duplicate', { _tag: 'JsonPath', segments: ['zone'] }]])
    expect(both(ps)).toContain('$.zone: expected each key at most once in an object')
    expect(both(ps)).toContain('$.zone：应为对象中每个键只出现一次')
    expect(left(decodeJson(t.unknown)('[{"a": {"b": 1, "b": 2}}]'))[0]?.at).toEqual({ _tag: 'JsonPath', segments: [0, 'a', 'b'] })
  })
  it('zone names are normalised to their canonical spelling', () => {
    expect(zone('asia/shanghai')).toEqual(E.right('Asia/Shanghai'))
    expect(zone('PRC')).toEqual(E.right('Asia/Shanghai'))
    expect(zone('Etc/UTC')).toEqual(E.right('UTC'))
    const p = decodeProgramme(programme({ zone: 'asia/shanghai' }, { zone: 'Asia/Shanghai' }))
    expect(left(p)).toEqual([])
    expect(E.isRight(p) && p.right.zone).toBe('Asia/Shanghai')
  })
  it('ids refuse invisible, bidirectional, lone-surrogate and blank strings', () => {
    for (const s of ['张\u200b三', 'ab\u202ecd', '\u2066x\u2069', 'x\ud800', '\udc00x', ' ', '\u3000\u00a0', '\uFEFF', 'a\u00adb']) {
      expect(idProblem(s), JSON.stringify(s)).toBeDefined()
    }
    expect(idProblem('张三-001')).toBeUndefined()
    expect(idProblem('😀 a b')).toBeUndefined()
  })
  it('no io-ts type name reaches a user', () => {
    const cases = [
      programme({}, { rules: [{ id: 'login', account: 'study', on: 'login', amount: { per: 'action', points: 1 } }] }),
      programme({}, { accounts: [{ id: 'study', label: 'Study' }] }),
      programme({}, { accounts: 'none' }),
      42
    ]
    for (const c of cases) {
      const out = both(left(decodeProgramme(c)))
      expect(out).not.toBe('\n')
      expect(out).not.toMatch(/ReadonlyArray<|Partial<|UnknownRecord|\{ \w|\w+ \| \w+/)
    }
    expect(both(left(decodeProgramme(cases[0])))).toContain('a list, each')
    expect(both(left(decodeProgramme(cases[1])))).toContain('a label text {en, zh}')
  })
  it('an impossible date says so; a wrong offset says so', () => {
    const feb = left(E.mapLeft((p: Problem) => [p])(parseInstant('2021-02-30T07:58:00+08:00')))
    expect(feb[0]?.expected.en).toBe('a date that exists: February 2021 has 28 days')
    expect(feb[0]?.expected.zh).toBe('存在的日期：2021 年 2 月有 28 天')
    const off = left(E.mapLeft((p: Problem) => [p])(parseInstant('2021-07-01T08:00:00+25:00')))
    expect(off[0]?.expected.en).toBe('an offset from -23:59 to +23:59')
    const odd = left(E.mapLeft((p: Problem) => [p])(parseInstant('2021-07-01T08:00:00+8')))
    expect(odd[0]?.expected.en).toContain('an offset such as +08:00')
  })
})

describe('issue #14: moral-bank check', () => {
  const env = (files: Record<string, string>) => ({ version: '0', now: 0, parseArgs, readText: (f: string) => files[f] ?? '' })
  it('a JSON syntax error is in Chinese under --lang zh', () => {
    const r = run(['check', 'b.json', '--lang', 'zh'], env({ 'b.json': '{\n  "version": 1,\n  "rules": {,}\n}' }))
    expect(r.code).toBe(1)
    expect(r.stderr).toBe('b.json:3:13：应为合法的 JSON：此处应为双引号括起的键，实际为 ","\n')
  })
  it('a problem about one of 5,000 accounts does not list them all', () => {
    const accounts = Array.from({ length: 5000 }, (_, i) => ({ id: `acc-${i}` }))
    const rules = Array.from({ length: 50 }, (_, i) => ({ id: `r${i}`, account: `nope-${i}`, on: ['login'], amount: { per: 'action', points: 1 } }))
    const r = run(['check', 'p.json'], env({ 'p.json': JSON.stringify({ version: 1, rules: { accounts, rules } }, null, 1) }))
    const lines = r.stderr.trim().split('\n')
    expect(lines.length).toBeGreaterThanOrEqual(50)
    for (const l of lines) expect(l.length).toBeLessThan(300)
    expect(r.stderr).toContain('(and 4990 more)')
  })
})

describe('issue #14: JSON Lines lines are read as JSON documents are', () => {
  const ev = (id: string): string => JSON.stringify({ id, type: 'login', member: 'm-1', at: '2021-07-01T08:00:00+08:00' })
  const dup = '{"id": "e2", "type": "login", "member": "m-1", "member": "m-2", "at": "2021-07-01T08:00:00+08:00"}'
  it('a BOM before the first line is accepted; a key given twice on a line is a problem at its path', () => {
    const b = decodeEventsJsonl(`\uFEFF${ev('e1')}\n${dup}\n${ev('e3')}\n`, 'e.jsonl')
    expect(b.events.map((e) => e.id)).toEqual(['e1', 'e3'])
    expect(b.rejections.map((r) => [r.index, r.problems.map((p) => [p.code, p.at])])).toEqual([[2, [['duplicate', { _tag: 'JsonPath', segments: ['member'] }]]]])
    expect(both(b.rejections[0]?.problems ?? [])).toContain('$.member：应为对象中每个键只出现一次')
  })
  it('the operation log too, and check-events places the duplicate at its line and column', () => {
    const op = '{"_tag": "post", "_tag": "post"}'
    const b = decodeBankOpsJsonl(`\uFEFF${op}\n`)
    expect(b.rejections[0]?.problems.map((p) => p.code)).toEqual(['duplicate'])
    const r = run(['check-events', 'e.jsonl'], { version: '0', now: 0, parseArgs, readText: () => `\uFEFF${ev('e1')}\n${dup}\n` })
    expect(r.stderr).toBe(`e.jsonl:2:58: $.member: expected each key at most once in an object (a duplicate key: which one counts?), got "member"\n`)
    expect(r.stdout).toContain('1 event, 1 line rejected\n')
  })
  it('a BOM anywhere but the start of the text is still a syntax error, in Chinese too', () => {
    const b = decodeEventsJsonl(`${ev('e1')}\n\uFEFF${ev('e2')}\n`, 'e.jsonl')
    expect(b.rejections.map((r) => [r.index, r.problems[0]?.code, r.problems[0]?.at])).toEqual([[2, 'syntax', { _tag: 'TextPosition', file: 'e.jsonl', line: 2, column: 1 }]])
    expect(renderProblems(b.rejections[0]?.problems ?? [], 'zh')).toContain('不可见字符 U+FEFF')
  })
})
