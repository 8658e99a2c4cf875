// Issue #14, "Nothing corrupts state, nothing creates points": the findings, reproduced.
import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { applyOp, applyOps, bankBalance, bankToJson, checkBankConfigOrThrow, emptyBank, type BankOp, type BankState } from '../../src/bank/internal.js'
import { instantOrThrow, renderProblem, type Instant } from '../../src/core/internal.js'
import type { SubjectId } from '../../src/rules/internal.js'
import { DEED_CLAIM } from './arbitrary.js'

const cfg = checkBankConfigOrThrow({
  accounts: [{ id: 'moral', expiryMonths: 6 }, { id: 'plain' }, { id: 'free', floor: null }],
  items: [{ id: 'tea', account: 'free', price: 7, stock: 10 }],
  claims: [DEED_CLAIM]
})
const M1 = 'm-1' as SubjectId
const t0 = instantOrThrow('2021-07-01T09:00:00+08:00')
const json = (bank: BankState): string => JSON.stringify(bankToJson(bank))

/** Apply operations that must succeed. */
const run = (ops: ReadonlyArray<BankOp>, bank = emptyBank(cfg)): BankState => {
  for (const op of ops) {
    const r = applyOp(bank, op)
    if (E.isLeft(r)) throw new Error(`${op.request}: ${renderProblem(r.left)}`)
    bank = r.right[0]
  }
  return bank
}
const earn = (request: string, points: number, account = 'moral'): BankOp => ({ _tag: 'earn', request, at: t0, subject: M1, account, points })
const redeem = (request: string, points: number, account = 'moral'): BankOp => ({ _tag: 'redeem', request, at: t0, subject: M1, account, points })
const postAt = (at: unknown, account = 'moral'): BankOp =>
  ({
    _tag: 'post',
    request: 'p-1',
    at: t0,
    entry: { id: 'p-1', kind: 'earn', subject: M1, account, event: 'p-1', eventType: 'deed', rule: 'deed', at, day: '2021-07-01', requested: 5, granted: 5 }
  }) as unknown as BankOp

describe('issue #14: a post whose entry.at is not an instant', () => {
  for (const [name, bad] of [
    ['NaN', Number.NaN],
    ['a string', '2021-07-01T09:00:00+08:00'],
    ['1e20', 1e20]
  ] as const) {
    for (const account of ['moral', 'plain']) {
      it(`entry.at ${name} (${account}) is refused without a throw, the balance stays 11, and a redemption of 16 is refused`, () => {
        const bank = run([earn('e-1', 11, account)])
        const before = json(bank)
        let r: ReturnType<typeof applyOp> | undefined
        expect(() => {
          r = applyOp(bank, postAt(bad, account))
        }).not.toThrow()
        const refused = r as ReturnType<typeof applyOp>
        expect(E.isLeft(refused) && renderProblem(refused.left)).toBe(`$.entry.at: expected an instant (epoch milliseconds), got ${name === 'a string' ? '"2021-07-01T09:00:00+08:00"' : name === 'NaN' ? 'NaN' : '100000000000000000000'}`)
        expect(E.isLeft(refused) && renderProblem(refused.left, 'zh')).toContain('时刻（纪元毫秒数）')
        // The state is exactly as it was: 11, as a replay of the accepted operation says.
        expect(json(bank)).toBe(before)
        expect(bankBalance(bank, M1, account)).toBe(11)
        expect(json(applyOps(emptyBank(cfg), [earn('e-1', 11, account)]).bank)).toBe(before)
        expect(E.isLeft(applyOp(bank, redeem('r-1', 16, account)))).toBe(true)
        // In a batch too.
        const batch = applyOps(bank, [postAt(bad, account), redeem('r-1', 16, account)])
        expect(batch.results.map(E.isLeft)).toEqual([true, true])
        expect(json(batch.bank)).toBe(before)
      })
    }
  }
})

describe('issue #14: applyOp and applyOps never throw', () => {
  it('applyOp(bank, null) and other non-operations are refused as values', () => {
    const bank = run([earn('e-1', 11)])
    for (const u of [null, undefined, 0, 'earn', [], [earn('x', 1)], true]) {
      let r: ReturnType<typeof applyOp> | undefined
      expect(() => {
        r = applyOp(bank, u as unknown as BankOp)
      }).not.toThrow()
      expect(E.isLeft(r as ReturnType<typeof applyOp>)).toBe(true)
    }
    const r = applyOp(bank, null as unknown as BankOp)
    expect(E.isLeft(r) && renderProblem(r.left)).toBe('$: expected a bank operation, got null')
    expect(E.isLeft(r) && renderProblem(r.left, 'zh')).toBe('$：应为银行操作，实际为 null')
  })

  it('throwing getters, Proxies and cyclic objects are refused; nothing is written', () => {
    const bank = run([earn('e-1', 11)])
    const before = json(bank)
    const getter = Object.defineProperty({ ...earn('e-2', 5) }, 'points', {
      enumerable: true,
      get() {
        throw new Error('no')
      }
    })
    const proxy = new Proxy(
      {},
      {
        get() {
          throw new Error('no')
        }
      }
    )
    const revoked = Proxy.revocable({ ...earn('e-3', 5) }, {})
    revoked.revoke()
    const cyclic: Record<string, unknown> = { ...earn('e-4', 5) }
    cyclic['self'] = cyclic
    for (const op of [getter, proxy, revoked.proxy, cyclic]) {
      const r = applyOp(bank, op as unknown as BankOp)
      expect(E.isLeft(r)).toBe(true)
      expect(json(bank)).toBe(before)
    }
    const getterRefusal = applyOp(bank, getter as unknown as BankOp)
    expect(E.isLeft(getterRefusal) && renderProblem(getterRefusal.left)).toBe('$: expected a bank operation whose fields can be read (plain data), got "(a value whose fields could not be read)"')
    const cyclicRefusal = applyOp(bank, cyclic as unknown as BankOp)
    expect(E.isLeft(cyclicRefusal) && cyclicRefusal.left.code).toBe('unknown-key')
  })

  it('applyOps refuses what is not a list of operations, and an iterator that throws applies nothing', () => {
    const bank = run([earn('e-1', 11)])
    const before = json(bank)
    for (const u of [null, undefined, 42, {}]) {
      const b = applyOps(bank, u as unknown as ReadonlyArray<BankOp>)
      expect(b.results.length).toBe(1)
      expect(E.isLeft(b.results[0] as E.Either<unknown, unknown>)).toBe(true)
      expect(json(b.bank)).toBe(before)
    }
    function* throwing(): Generator<BankOp> {
      yield earn('e-2', 5)
      throw new Error('log read failed')
    }
    const b = applyOps(bank, throwing())
    expect(b.results.every(E.isLeft)).toBe(true)
    expect(json(b.bank)).toBe(before)
    expect(E.isLeft(applyOp(null as unknown as BankState, earn('e-2', 5)))).toBe(true)
  })

  it('an unknown claim action, a process named toString, and attributes that are not values are refused', () => {
    const bank = run([{ _tag: 'submit', request: 's-1', at: t0, claim: 'c-1', process: 'deed', member: M1, beneficiary: 'grandma-li' }])
    const before = json(bank)
    const bad: ReadonlyArray<unknown> = [
      { _tag: 'claim', request: 'a-1', at: t0, claim: 'c-1', action: { _tag: 'bribe' } },
      { _tag: 'claim', request: 'a-1', at: t0, claim: 'c-1', action: null },
      { _tag: 'claim', request: 'a-1', at: t0, claim: 'c-1', action: { _tag: 'reject', by: 'reviewer', reasons: 'none' } },
      { _tag: 'submit', request: 's-2', at: t0, claim: 'c-2', process: 'toString', member: M1 },
      { _tag: 'submit', request: 's-2', at: t0, claim: 'c-2', process: 'deed', member: M1, attrs: { x: { nested: 1 } } },
      { _tag: 'submit', request: 's-2', at: t0, claim: { id: 'c-2' }, process: 'deed', member: M1 }
    ]
    for (const op of bad) {
      let r: ReturnType<typeof applyOp> | undefined
      expect(() => {
        r = applyOp(bank, op as BankOp)
      }).not.toThrow()
      expect(E.isLeft(r as ReturnType<typeof applyOp>)).toBe(true)
      expect(json(bank)).toBe(before)
    }
  })
})

describe('issue #14: every field is checked, nothing creates points', () => {
  it('an earn without a subject is refused (it credited a subject named "undefined")', () => {
    const op = { _tag: 'earn', request: 'e-1', at: t0, account: 'moral', points: 5 } as unknown as BankOp
    const r = applyOp(emptyBank(cfg), op)
    expect(E.isLeft(r) && renderProblem(r.left)).toBe('$.subject: expected an id (string), got nothing')
  })

  it('keys an operation does not have are refused, as the operation codec refuses them', () => {
    const r = applyOp(emptyBank(cfg), { ...earn('e-1', 5), pionts: 500 } as unknown as BankOp)
    expect(E.isLeft(r) && r.left.code).toBe('unknown-key')
    expect(E.isLeft(r) && renderProblem(r.left)).toBe('$.pionts: expected one of the keys _tag, request, at, subject, account, points, note, got 500')
  })

  it('a note that is not text is refused', () => {
    const r = applyOp(emptyBank(cfg), { ...earn('e-1', 5), note: { html: '<b>' } } as unknown as BankOp)
    expect(E.isLeft(r) && renderProblem(r.left)).toBe('$.note: expected a string, got {"html":"<b>"}')
  })

  it('a deposit past Number.MAX_SAFE_INTEGER is refused, and so is an order whose points held would pass it', () => {
    const bank = run([earn('e-1', Number.MAX_SAFE_INTEGER, 'plain')])
    const r = applyOp(bank, earn('e-2', 1, 'plain'))
    expect(E.isLeft(r) && r.left.code).toBe('overflow')
    // Without a floor, the balance may go down to −MAX_SAFE; an order then must not hold points past the safe range.
    const low = run([redeem('r-1', Number.MAX_SAFE_INTEGER, 'free')])
    const order: BankOp = { _tag: 'reserve', request: 'o-1', at: t0, subject: M1, item: 'tea', quantity: 1 }
    const o = applyOp(low, order)
    expect(E.isLeft(o) && o.left.code).toBe('overflow')
    expect(bankBalance(low, M1, 'free')).toBe(-Number.MAX_SAFE_INTEGER)
    expect(json(low)).toBe(json(run([redeem('r-1', Number.MAX_SAFE_INTEGER, 'free')])))
  })

  it('a post of an entry with points past the safe range, or an unknown cut, is refused', () => {
    for (const change of [{ granted: 1e20, requested: 1e20 }, { granted: 2.5 }, { cut: { _tag: 'Mystery' } }, { subject: '' }, { extra: 1 }]) {
      const op = postAt(t0) as unknown as { entry: Record<string, unknown> }
      const r = applyOp(emptyBank(cfg), { ...op, entry: { ...op.entry, ...change } } as unknown as BankOp)
      expect(E.isLeft(r)).toBe(true)
    }
    const ok = applyOp(emptyBank(cfg), postAt(t0 as Instant))
    expect(E.isRight(ok)).toBe(true)
  })
})
