// Issue #14, "nothing corrupts state": random valid and invalid operations interleaved
// (fast-check's anything(), valid operations with one field broken, posts with bad
// entries, extra keys, throwing getters and Proxies, cyclic objects, huge numbers).
// After each step the live state equals a fresh replay of the accepted operations only,
// and applyOp never throws.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { applyOp, applyOps, bankToJson, emptyBank, type BankOp, type BankState } from '../../src/bank/internal.js'
import type { Instant } from '../../src/core/internal.js'
import { ACCOUNTS, commands, config, START, SUBJECTS } from './arbitrary.js'
import { materialise } from './arbitrary.js'

const MAX = Number.MAX_SAFE_INTEGER
const weird: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(Number.NaN, Infinity, -Infinity, 1e20, -1e20, 1.5, -0, MAX, MAX + 1, -MAX, 0, '', 'x', '2021-07-01', null, undefined, {}, [], true, '\u0000'),
  fc.anything({ withBigInt: true, withBoxedValues: true, withNullPrototype: true, withMap: true, withSet: true, withDate: true, withTypedArray: true, withSparseArray: true })
)

/** A post of a ledger entry (a valid one, or one with a field broken). */
const post = (n: number): fc.Arbitrary<Record<string, unknown>> =>
  fc
    .record({
      kind: fc.constantFrom('earn', 'deduct'),
      s: fc.nat(SUBJECTS.length - 1),
      a: fc.nat(ACCOUNTS.length - 1),
      g: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.constant(MAX)),
      dt: fc.integer({ min: 0, max: 200 * 86_400_000 }),
      broken: fc.option(fc.tuple(fc.constantFrom('id', 'kind', 'subject', 'account', 'event', 'eventType', 'rule', 'at', 'day', 'requested', 'granted', 'cut', 'extra'), weird), { freq: 2 })
    })
    .map(({ kind, s, a, g, dt, broken }) => {
      const request = `p-${n}`
      const granted = kind === 'earn' ? g : -g
      const at = (START + dt) as Instant
      const entry: Record<string, unknown> = {
        id: request,
        kind,
        subject: SUBJECTS[s],
        account: ACCOUNTS[a],
        event: request,
        eventType: 'deed',
        rule: 'r',
        at,
        day: '2021-07-01',
        requested: granted,
        granted
      }
      if (broken !== null) entry[broken[0]] = broken[1]
      return { _tag: 'post', request, at, entry }
    })

/**
 * A hostile value, made when applied (fast-check itself cannot hold a revoked Proxy):
 * throws on read, a Proxy, a revoked Proxy, a cyclic object.
 */
const hostile = (valid: BankOp): fc.Arbitrary<() => unknown> =>
  fc.constantFrom<() => unknown>(
    () =>
      Object.defineProperty({ ...valid }, 'at', {
        enumerable: true,
        get() {
          throw new Error('getter')
        }
      }),
    () =>
      new Proxy(
        {},
        {
          get() {
            throw new Error('proxy get')
          }
        }
      ),
    () =>
      new Proxy(
        { ...valid },
        {
          ownKeys() {
            throw new Error('proxy keys')
          }
        }
      ),
    () => {
      const r = Proxy.revocable({ ...valid }, {})
      r.revoke()
      return r.proxy
    },
    () => {
      const o: Record<string, unknown> = { ...valid }
      o['self'] = o
      return o
    },
    () => {
      const o: Record<string, unknown> = { ...valid, note: undefined }
      const e: Record<string, unknown> = { id: valid.request }
      e['cut'] = e
      o['entry'] = e
      o['_tag'] = 'post'
      return o
    }
  )

/** What is applied: a hostile value is made anew each time. */
const made = (x: unknown): unknown => (typeof x === 'function' ? (x as () => unknown)() : x)

/** One valid operation broken: a field set to a weird value, or an extra key. */
const broken = (valid: BankOp): fc.Arbitrary<unknown> =>
  fc.tuple(fc.constantFrom(...Object.keys(valid), 'extra', 'note'), weird).map(([k, v]) => ({ ...valid, [k]: v }))

/** Valid operations from the usual commands, with invalid and hostile values and posts interleaved. */
const mixed: fc.Arbitrary<ReadonlyArray<unknown>> = commands(25)
  .map(materialise)
  .chain((valid) =>
    fc
      .array(
        fc.tuple(
          fc.nat(),
          fc.oneof(
            { weight: 3, arbitrary: weird },
            { weight: 3, arbitrary: fc.nat(1000).chain((n) => post(n)) },
            { weight: 3, arbitrary: fc.nat(valid.length - 1).chain((i) => broken(valid[i] as BankOp)) },
            { weight: 2, arbitrary: fc.nat(valid.length - 1).chain((i) => hostile(valid[i] as BankOp)) },
            { weight: 1, arbitrary: fc.constantFrom<unknown>(null, undefined, 0, 'earn', [], [valid[0]]) }
          )
        ),
        { maxLength: 20 }
      )
      .map((extras) => {
        const out: Array<unknown> = [...valid]
        for (const [pos, x] of extras) out.splice(pos % (out.length + 1), 0, x)
        return out
      })
  )

const json = (bank: BankState): string => JSON.stringify(bankToJson(bank))

describe('issue #14: a refused operation changes nothing, and nothing throws', () => {
  it('after every step the live state equals a fresh replay of the accepted operations; applyOp never throws', () => {
    fc.assert(
      fc.property(mixed, (ops) => {
        let bank = emptyBank(config)
        const accepted: Array<BankOp> = []
        const outcomes: Array<boolean> = []
        for (const x of ops) {
          const op = made(x)
          const before = json(bank)
          let r: ReturnType<typeof applyOp> | undefined
          expect(() => {
            r = applyOp(bank, op as BankOp)
          }).not.toThrow()
          const res = r as ReturnType<typeof applyOp>
          outcomes.push(E.isRight(res))
          if (E.isLeft(res)) {
            // Refused: a problem value with a reason in both languages, and the state exactly as it was.
            expect(res.left._tag).toBe('Problem')
            expect(res.left.expected.en.length).toBeGreaterThan(0)
            expect(res.left.expected.zh.length).toBeGreaterThan(0)
            expect(json(bank)).toBe(before)
          } else {
            bank = res.right[0]
            accepted.push(op as BankOp)
          }
          // The live state is what the accepted operations alone give.
          const replay = applyOps(emptyBank(config), accepted)
          expect(replay.results.every(E.isRight)).toBe(true)
          expect(json(bank)).toBe(json(replay.bank))
        }
        // A batch of all of them decides each the same way and ends in the same state.
        let batch: ReturnType<typeof applyOps> | undefined
        expect(() => {
          batch = applyOps(emptyBank(config), ops.map(made) as ReadonlyArray<BankOp>)
        }).not.toThrow()
        const b = batch as ReturnType<typeof applyOps>
        expect(b.results.map(E.isRight)).toEqual(outcomes)
        expect(json(b.bank)).toBe(json(bank))
      }),
      { numRuns: 60 }
    )
  })

  it('applyOp and applyOps never throw on anything, and refuse what is not an operation', () => {
    const bank = emptyBank(config)
    fc.assert(
      fc.property(weird, (u) => {
        const r = applyOp(bank, u as BankOp)
        expect(E.isLeft(r)).toBe(true)
        const b = applyOps(bank, u as ReadonlyArray<BankOp>)
        expect(b.results.every(E.isLeft)).toBe(true)
        expect(json(b.bank)).toBe(json(bank))
      }),
      { numRuns: 500 }
    )
  })
})
