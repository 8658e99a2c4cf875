// `npm run bench`: every benchmark, one after another, in one process.
import { allRows, peakRssMiB } from './harness.js'
import { run as core } from './core.bench.js'
import { run as ranking } from './ranking.bench.js'
import { run as ledger } from './ledger.bench.js'
import { run as formats } from './formats.bench.js'
import { run as quiz } from './quiz.bench.js'
import { run as bank } from './bank.bench.js'
import { run as awards } from './awards.bench.js'

const benches: ReadonlyArray<readonly [string, () => void | Promise<void>]> = [['core', core], ['ranking', ranking], ['ledger', ledger], ['quiz', quiz], ['formats', formats], ['bank', bank], ['awards', awards]]

const only = process.argv[2]
console.log(`moral-bank benchmarks — node ${process.version}, ${new Date().toISOString()}`)
for (const [name, run] of benches) if (only === undefined || only === name) await run()
const missed = allRows().filter((r) => r.met === false)
console.log(`\n${allRows().length} figures, ${missed.length} targets missed; peak RSS ${peakRssMiB().toFixed(0)} MiB`)
