// `npm run bench`: every benchmark, one after another, in one run. Each bench
// runs in a fresh child process of this same bundle, so its peak memory and
// heap are its own (`npm run bench -- <name>` runs one in this process).
import { spawnSync } from 'node:child_process'
import { loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { allRows, peakRssMiB } from './harness.js'
import { run as core, runCheck as coreCheck, runStream as coreStream } from './core.bench.js'
import { run as ranking } from './ranking.bench.js'
import { run as ledgerRun, runScale as ledgerScale } from './ledger.bench.js'
import { run as live } from './live.bench.js'
import { run as formats } from './formats.bench.js'
import { run as quiz } from './quiz.bench.js'
import { run as bank } from './bank.bench.js'
import { run as awards, runScale as awardsScale, runScaleChild as awardsScaleChild } from './awards.bench.js'
import { run as collide } from './collide.bench.js'
import { run as size } from './size.bench.js'
import { run as programme } from './programme.bench.js'
import { run as cli } from './cli.bench.js'
import { run as readingRoom } from './reading-room.bench.js'

const ledger = (): void => {
  ledgerRun()
  ledgerScale()
}

const benches: ReadonlyArray<readonly [string, () => void | Promise<void>]> = [
  ['core', core],
  ['core-check', coreCheck],
  ['quiz', quiz],
  ['formats', formats],
  ['ledger', ledger],
  ['bank', bank],
  ['ranking', ranking],
  ['live', live],
  ['awards', awards],
  ['awards-scale', awardsScale],
  ['programme', programme],
  ['cli', cli],
  ['reading-room', readingRoom],
  ['core-stream', coreStream],
  ['collide', collide],
  ['size', size]
]

const load = (): string => loadavg().map((x) => x.toFixed(2)).join(' ')
const only = process.argv[2]
if (only === 'awards-scale-child') {
  // one size of the awards-scale bench, in its own process (see awards.bench.ts)
  awardsScaleChild(Number(process.argv[3]))
  process.exit(0)
}
if (only === undefined) {
  console.log(`moral-bank benchmarks — node ${process.version}, ${new Date().toISOString()}, load average ${load()}`)
  let failed = 0
  for (const [name] of benches) {
    const child = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), name], { stdio: 'inherit' })
    if (child.status !== 0) failed++
  }
  console.log(`\nall benchmarks done, load average ${load()}${failed > 0 ? `; ${failed} bench processes failed` : ''}`)
  process.exitCode = failed > 0 ? 1 : 0
} else {
  const bench = benches.find(([name]) => name === only)
  if (bench === undefined) throw new Error(`no benchmark named ${only}; known: ${benches.map(([n]) => n).join(', ')}`)
  await bench[1]()
  const missed = allRows().filter((r) => r.met === false)
  console.log(`  (${only}: ${allRows().length} figures, ${missed.length} targets missed; peak RSS of this process ${peakRssMiB().toFixed(0)} MiB)`)
}
