import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { bankConfigFromRules, checkBankConfig, checkBankConfigOrThrow, decodeJsonBankConfig } from '../../src/bank/internal.js'
import { renderProblems } from '../../src/core/internal.js'
import { account, compileRuleSetOrThrow, perAction, ruleSet } from '../../src/rules/internal.js'

const problemsOf = (u: unknown): string => {
  const r = checkBankConfig(u)
  return E.isLeft(r) ? renderProblems(r.left) : 'ok'
}

describe('bank configuration (JSON, io-ts codecs, errors at paths)', () => {
  it('accepts a full configuration with defaults', () => {
    const cfg = checkBankConfigOrThrow({
      accounts: [{ id: 'moral', expiryMonths: 12 }, { id: 'study', floor: null }],
      items: [{ id: 'soap', label: { en: 'Soap', zh: '肥皂' }, account: 'moral', price: 5, stock: 40 }],
      claims: [{ id: 'deed', eventType: 'deed.approved', stages: [{ kind: 'review', id: 'r' }, { kind: 'notice', id: 'n', days: 3 }] }]
    })
    expect(cfg.zone).toBe('Asia/Shanghai')
    expect(cfg.accounts['moral']).toEqual({ floor: 0, expiryMonths: 12 })
    expect(cfg.accounts['study']).toEqual({ floor: null, expiryMonths: undefined })
  })

  it('reports bad shop items at their paths: zero price, negative stock, unknown key, unknown account', () => {
    expect(
      problemsOf({
        accounts: [{ id: 'moral' }],
        items: [
          { id: 'soap', account: 'moral', price: 0, stock: 1 },
          { id: 'rice', account: 'moral', price: 5, stock: -1, colour: 'white' }
        ]
      })
    ).toBe(
      [
        '$.items[0].price: expected a positive integer, got 0',
        '$.items[1].colour: expected one of the keys id, account, price, stock, label, got "colour"',
        '$.items[1].stock: expected a non-negative integer, got -1'
      ].join('\n')
    )
    expect(problemsOf({ accounts: [{ id: 'moral' }], items: [{ id: 'soap', account: 'study', price: 5, stock: 1 }] })).toBe(
      '$.items[0].account: expected one of the accounts moral, got "study"'
    )
  })

  it('reports duplicate ids, a positive floor, a bad zone and badly ordered or malformed stages', () => {
    expect(
      problemsOf({
        zone: 'Mars/Olympus',
        accounts: [{ id: 'moral' }, { id: 'moral' }],
        items: [
          { id: 'soap', account: 'moral', price: 5, stock: 1 },
          { id: 'soap', account: 'moral', price: 6, stock: 1 }
        ],
        claims: [{ id: 'deed', eventType: 'deed.approved', stages: [{ kind: 'notice', id: 'n', days: 3 }, { kind: 'review', id: 'r' }] }]
      }).split('\n')
    ).toEqual([
      '$.zone: expected an IANA time zone such as Asia/Shanghai, got "Mars/Olympus"',
      '$.accounts[1].id: expected an account id not used before, got "moral"',
      '$.items[1].id: expected an item id not used before, got "soap"',
      '$.claims[0].stages[0].kind: expected a notice only as the last stage, got "notice"'
    ])
    expect(problemsOf({ accounts: [{ id: 'moral', floor: 5 }] })).toBe('$.accounts[0].floor: expected a floor: a whole number of points ≤ 0, or null, got 5')
    expect(problemsOf({ accounts: [], claims: [{ id: 'd', eventType: 'x', stages: [{ kind: 'vote', id: 'v' }] }] })).toBe(
      '$.claims[0].stages[0].kind: expected a stage with kind: confirmation, review or notice, got "vote"'
    )
    expect(problemsOf({ accounts: [], claims: [{ id: 'd', eventType: 'x', stages: [{ kind: 'notice', id: 'n' }] }] })).toBe(
      '$.claims[0].stages[0].days: expected a positive integer, got nothing'
    )
    expect(problemsOf({ accounts: [], claims: [{ id: 'd', eventType: 'x', stages: [] }] })).toBe('$.claims[0].stages: expected at least one stage, got []')
  })

  it('reads JSON text, with syntax errors at line and column', () => {
    const r = decodeJsonBankConfig('{\n  "accounts": [\n    { "id": "moral", }\n  ]\n}', 'bank.json')
    expect(E.isLeft(r) && r.left[0]?.at).toEqual({ _tag: 'TextPosition', file: 'bank.json', line: 3, column: 22 })
    expect(E.isRight(decodeJsonBankConfig('{"accounts":[{"id":"moral"}]}'))).toBe(true)
  })

  it('takes accounts, floors and zone from a rule set', () => {
    const rs = compileRuleSetOrThrow(ruleSet([account('moral'), account('study', { floor: null })], [perAction('x', 'x', 1)], [], 'Europe/Berlin'))
    const cfg = checkBankConfigOrThrow(bankConfigFromRules(rs, { expiryMonths: { moral: 6 } }))
    expect(cfg.zone).toBe('Europe/Berlin')
    expect(cfg.accounts['moral']).toEqual({ floor: 0, expiryMonths: 6 })
    expect(cfg.accounts['study']).toEqual({ floor: null, expiryMonths: undefined })
  })
})
