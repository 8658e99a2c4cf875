// Issue 19: the bank before and after the restructuring, side by side in one process (interleaved runs).
// `node scripts/run-ts.mjs bench/bank-compare.ts <old src/bank/index.ts>`; not part of `npm run bench`.
import * as E from 'fp-ts/lib/Either.js'
import * as neu from 'moral-bank/bank'
import { config, generate } from './bank.bench.js'

const oldPath = process.argv[2] ?? '/tmp/bank-old/src/bank/index.ts'
const old = (await import(oldPath)) as typeof neu
const ops = generate('bench-bank')
const time = (f: () => void): number => {
  ;(globalThis as { gc?: () => void }).gc?.()
  const t0 = process.hrtime.bigint()
  f()
  return Number(process.hrtime.bigint() - t0) / 1e6
}
const median = (xs: Array<number>): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number
const batch = { old: [] as Array<number>, neu: [] as Array<number> }
const single = { old: [] as Array<number>, neu: [] as Array<number> }
const few = ops.slice(0, 100_000)
const one = (m: typeof neu) => () => {
  let bank = m.emptyBank(config as never)
  for (const op of few) {
    const r = m.applyOp(bank, op)
    if (E.isRight(r)) bank = r.right[0]
  }
}
for (let round = 0; round < 3; round++) {
  batch.old.push(time(() => old.applyOps(old.emptyBank(config as never), ops)))
  batch.neu.push(time(() => neu.applyOps(neu.emptyBank(config), ops)))
  single.old.push(time(one(old)))
  single.neu.push(time(one(neu)))
}
const a = neu.allAccounts(neu.applyOps(neu.emptyBank(config), ops).bank)
const b = old.allAccounts(old.applyOps(old.emptyBank(config as never), ops).bank)
console.log(`same accounts: ${JSON.stringify(a) === JSON.stringify(b)}`)
for (const [name, r] of [['applyOps 1M', batch], ['applyOp 100k', single]] as const) {
  const o = median(r.old)
  const n = median(r.neu)
  console.log(`${name}: old ${o.toFixed(0)} ms, new ${n.toFixed(0)} ms, new/old ${(n / o).toFixed(3)} (runs old ${r.old.map((x) => x.toFixed(0)).join('/')}, new ${r.neu.map((x) => x.toFixed(0)).join('/')})`)
}
