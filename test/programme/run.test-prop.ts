// issue 16: appending in any chunks, late and repeated events included, equals one run over all events.
import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { renderProblem, type Problem } from '../../src/core/internal.js'
import { appendRun, publishedRun, runProgramme, type ProgrammeRun } from '../../src/programme/internal.js'
import { allOrders, bankBalance } from '../../src/bank/internal.js'
import { simulatePark } from '../../examples/park-sim.js'

const park = simulatePark('append-law')
const right = <A>(r: E.Either<ReadonlyArray<Problem>, A>): A => {
  if (E.isLeft(r)) throw new Error(r.left.map((p) => renderProblem(p)).join('\n'))
  return r.right
}
const input = { org: park.org, host: park.host, period: '2021-07' }
// What a run publishes, and its Moral Bank: every member's balance in every account, every order, every refusal.
const accounts = park.programme.rules.accounts.map((a) => a.id as string)
const published = (r: ProgrammeRun): string =>
  JSON.stringify({
    published: publishedRun(r),
    bank: r.bank === undefined ? null : { balances: park.org.members.map((m) => accounts.map((a) => bankBalance(r.bank!, m.id, a))), orders: allOrders(r.bank) },
    refused: r.bankRefused
  })
const once = published(right(runProgramme(park.programme, { ...input, events: park.events })))
const withOps = published(right(runProgramme(park.programme, { ...input, events: park.events, bankOps: park.bankOps })))

describe('appendRun (issue 16)', () => {
  it('any chunking of the events, in any order, with repeats, equals one run', () => {
    const n = park.events.length
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: n - 1 }), { maxLength: 4 }),
        fc.constantFrom('as generated', 'shuffled', 'by time'),
        fc.integer({ min: 0, max: 200 }),
        fc.integer(),
        fc.constantFrom('none', 'first', 'last'),
        (cuts, order, repeats, seed, ops) => {
          const events = [...park.events]
          // by time: each chunk after the last, so the bank continues from its own state (no replay)
          if (order === 'by time') events.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1))
          if (order === 'shuffled') {
            // a deterministic shuffle per seed: events arrive late, as hosts receive them
            let s = seed >>> 0 || 1
            for (let i = events.length - 1; i > 0; i--) {
              s = (Math.imul(s, 1103515245) + 12345) >>> 0
              const j = s % (i + 1)
              ;[events[i], events[j]] = [events[j]!, events[i]!]
            }
          }
          for (let k = 0; k < repeats; k++) events.push(park.events[(k * 7919) % n]!)
          const bounds = [0, ...[...cuts].sort((a, b) => a - b), events.length]
          // the love supermarket's operations with the first chunk, or appended with the last, or not at all
          let run = right(runProgramme(park.programme, { ...input, events: events.slice(0, bounds[1]), ...(ops === 'first' ? { bankOps: park.bankOps } : {}) }))
          for (let i = 1; i + 1 < bounds.length; i++) run = right(appendRun(run, events.slice(bounds[i], bounds[i + 1]), ops === 'last' && i + 2 === bounds.length ? park.bankOps : []))
          if (ops === 'last' && bounds.length === 2) run = right(appendRun(run, [], park.bankOps))
          expect(published(run)).toBe(ops === 'none' ? once : withOps)
        }
      ),
      { numRuns: 15 }
    )
  })

  it('regression (issue 16): appending nothing changes nothing, and an empty run grows into the full one', () => {
    const empty = right(runProgramme(park.programme, { ...input, events: [] }))
    expect(published(right(appendRun(empty, park.events)))).toBe(once)
    const full = right(runProgramme(park.programme, { ...input, events: park.events }))
    expect(published(right(appendRun(full, [])))).toBe(once)
    // the supermarket after the month, appended: the bank continues from its own state
    expect(published(right(appendRun(full, [], park.bankOps)))).toBe(withOps)
    expect(withOps).not.toBe(once)
  })
})
