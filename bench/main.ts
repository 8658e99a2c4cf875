// `npm run bench`: every benchmark, one after another, in one process.
import { allRows, peakRssMiB } from './harness.js'
import { run as core } from './core.bench.js'

const benches: ReadonlyArray<readonly [string, () => void | Promise<void>]> = [['core', core]]

const only = process.argv[2]
console.log(`moral-bank benchmarks — node ${process.version}, ${new Date().toISOString()}`)
for (const [name, run] of benches) if (only === undefined || only === name) await run()
const missed = allRows().filter((r) => r.met === false)
console.log(`\n${allRows().length} figures, ${missed.length} targets missed; peak RSS ${peakRssMiB().toFixed(0)} MiB`)
