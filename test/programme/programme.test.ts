// The programme file: every part decoded by its own decoder under its path, then the checks across parts.
import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { renderProblem, type Problem } from '../../src/core/internal.js'
import { checkBankConfig } from '../../src/bank/internal.js'
import { decodeAwardProgramme } from '../../src/awards/internal.js'
import { compileRuleSet } from '../../src/rules/internal.js'
import { decodeProgramme, decodeProgrammeJson, decodeProgrammeOrThrow } from '../../src/programme/internal.js'
import { programmeJson } from './fixtures.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const problems = (u: unknown): ReadonlyArray<string> => {
  const r = decodeProgramme(u)
  if (E.isRight(r)) throw new Error('expected problems')
  return r.left.map((p: Problem) => renderProblem(p))
}
const edit = (f: (p: Json) => void): Json => {
  const p = programmeJson() as Json
  f(p)
  return p
}

describe('decodeProgramme', () => {
  it('decodes a whole programme into the parts their own decoders give, under one zone', () => {
    const json = programmeJson()
    const p = decodeProgrammeOrThrow(json)
    expect(p.zone).toBe('Asia/Shanghai')
    expect(p.title).toEqual(json.title)
    const rules = compileRuleSet({ ...json.rules, zone: json.zone })
    expect(E.isRight(rules) && rules.right.rules.map((r) => r.id)).toEqual(p.rules.rules.map((r) => r.id))
    expect(p.rules.accounts).toEqual(E.isRight(rules) && rules.right.accounts)
    // The bank's accounts: moral as the bank lists it (its floor from the rules: null), then study from the rules.
    const accounts = [{ id: 'moral', expiryMonths: 12, floor: null }, { id: 'study', floor: 0 }]
    expect(p.bank).toEqual(E.getOrElseW(() => undefined)(checkBankConfig({ ...json.bank, zone: json.zone, accounts })))
    // the awards read the rules' accounts, with their labels (issue #13: reasons say 学习积分, an unknown account is a problem)
    const withAccounts = { ...json.awards, zone: json.zone, accounts: [{ id: 'study', label: { en: 'Study score', zh: '学习积分' } }, { id: 'moral', label: { en: 'Moral points', zh: '道德积分' } }] }
    expect(p.awards).toEqual(E.getOrElseW(() => undefined)(decodeAwardProgramme(withAccounts)))
  })

  it("every account of the rules is a bank account; the bank's list only adds expiry", () => {
    const p = decodeProgrammeOrThrow(edit((x) => delete x['bank'].accounts))
    expect(p.bank?.accounts).toEqual({ study: { floor: 0, expiryMonths: undefined }, moral: { floor: null, expiryMonths: undefined } })
    const q = decodeProgrammeOrThrow(edit((x) => (x['bank'].items[0].account = 'study')))
    expect(q.bank?.accounts).toEqual({ moral: { floor: null, expiryMonths: 12 }, study: { floor: 0, expiryMonths: undefined } })
  })

  it('a part may repeat the programme zone (presets carry one), not name another', () => {
    const p = decodeProgrammeOrThrow(edit((x) => {
      x['zone'] = 'UTC'
      x['rules'].zone = 'UTC'
      x['awards'].zone = 'UTC'
    }))
    expect([p.zone, p.rules.zone, p.awards?.zone]).toEqual(['UTC', 'UTC', 'UTC'])
    expect(problems(edit((x) => (x['awards'].zone = 'UTC'))).map((m) => m.split(': ')[0])).toEqual(['$.awards.zone'])
  })

  it('the bank and awards are optional; the zone defaults to Asia/Shanghai', () => {
    const p = decodeProgrammeOrThrow(edit((x) => {
      delete x['bank']
      delete x['awards']
      delete x['zone']
    }))
    expect([p.zone, p.bank, p.awards]).toEqual(['Asia/Shanghai', undefined, undefined])
  })

  it('reports problems of every part at once, each under its part', () => {
    const ps = problems(edit((x) => {
      x['rules'].rules[0].caps = [{ per: 'day', max: 0 }]
      x['bank'].items[0].price = -1
      x['awards'].awards[0].selection.n = -2
    }))
    expect(ps.some((m) => m.startsWith('$.rules.rules[0].caps[0].max'))).toBe(true)
    expect(ps.some((m) => m.startsWith('$.bank.items[0].price'))).toBe(true)
    expect(ps.some((m) => m.startsWith('$.awards.awards[0].selection.n'))).toBe(true)
  })

  it('checks what ties the parts together: accounts, claim events, floors, the zone', () => {
    const ps = problems(edit((x) => {
      x['bank'].accounts.push({ id: 'merit' })
      x['bank'].accounts[0].floor = 0
      x['bank'].claims[0].eventType = 'deed.done'
      x['awards'].awards[0].by = 'points:studdy'
      x['awards'].awards[0].tieBreakers[0].figure = 'reachedAt:merit'
      x['awards'].boards.study.metric.account = 'studdy'
      x['awards'].badges[0].account = 'moral2'
      x['rules'].zone = 'UTC'
    }))
    const at = ps.map((m) => m.split(': ')[0])
    expect(at).toEqual(
      expect.arrayContaining([
        '$.rules.zone',
        '$.bank.accounts[1].id',
        '$.bank.accounts[0].floor',
        '$.awards.awards[0].by',
        '$.awards.awards[0].tieBreakers[0].figure',
        '$.awards.boards.study.metric.account',
        '$.awards.badges[0].account'
      ])
    )
    // The claim's event type is checked once the bank decodes (an unknown bank account stops the bank here).
    const claim = problems(edit((x) => (x['bank'].claims[0].eventType = 'deed.done')))
    expect(claim).toEqual([expect.stringMatching(/^\$\.bank\.claims\[0\]\.eventType: expected an event type some rule scores: .*deed\.approved/)])
  })

  it('refuses a bad envelope: version, unknown keys, a part that is not an object, an unknown zone', () => {
    expect(problems({ ...programmeJson(), version: 3 }).map((m) => m.split(': ')[0])).toEqual(['$.version'])
    // version 1 has no published parts: the problem says how to upgrade
    expect(problems({ ...programmeJson(), version: 1, boards: [] })).toEqual([expect.stringMatching(/^\$\.boards: .*"version": 2/)])
    expect(problems({ ...programmeJson(), extra: 1 }).map((m) => m.split(': ')[0])).toEqual(['$.extra'])
    expect(problems({ ...programmeJson(), bank: [] }).map((m) => m.split(': ')[0])).toEqual(['$.bank'])
    expect(problems({ ...programmeJson(), zone: 'Mars/Olympus' }).map((m) => m.split(': ')[0])).toEqual(['$.zone'])
  })

  it('reads JSON text, with syntax errors at line:column', () => {
    expect(E.isRight(decodeProgrammeJson(JSON.stringify(programmeJson(), null, 2)))).toBe(true)
    const r = decodeProgrammeJson('{\n  "version": 1,\n  "rules": {,}\n}', 'programme.json')
    expect(E.isLeft(r) && renderProblem(r.left[0] as Problem)).toMatch(/^programme\.json:3:/)
  })
})
