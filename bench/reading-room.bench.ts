// The reading-room host (issue 17): submit latency under load on loopback. The server runs as its own
// process (`npm run web`'s entry) on embedded PGlite and on a PostgreSQL server (Debian's, started for the
// bench when installed); 200 simulated members take practice rounds and submit them, paced to 500
// submissions a second in all, for READING_ROOM_BENCH_SECONDS (20 by default); then the submissions alone
// (every round answered first, then submitted at 500/s for 5 s). Both stores side by side.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readingRoomPark } from '../examples/reading-room/park.js'
import { startChild } from '../test/reading-room/child.js'
import { loadRun, submitBurst, type LoadResult } from '../test/reading-room/load.js'
import { postgresBin, startPostgres } from '../test/reading-room/postgres-server.js'
import { report } from './harness.js'

const MEMBERS = 200
const RATE = 500
const SECONDS = Number(process.env['READING_ROOM_BENCH_SECONDS'] ?? 20)

const SUBMIT_ONLY_SECONDS = 5

const row = (name: string, what: string, r: LoadResult): void => {
  const rate = r.acked.length / r.seconds
  const pg = name.startsWith('a PostgreSQL')
  report({
    bench: `reading room on ${name}, ${MEMBERS} members, ${what}`,
    figure: `submit p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms at ${rate.toFixed(0)} submissions/s reached (${r.acked.length} submitted, ${r.errors.length} errors)`,
    target: `p99 < 50 ms at ${RATE}/s${pg ? '' : " (the target is PostgreSQL's; PGlite side by side)"}`,
    met: pg ? r.p99 < 50 && rate >= RATE * 0.95 && r.errors.length === 0 : undefined
  })
}

const measureOn = async (name: string, db: string): Promise<void> => {
  const server = await startChild(db)
  try {
    const members = readingRoomPark('').org.members.slice(0, MEMBERS).map((m) => m.id)
    row(name, `whole rounds (start, 5 answers, submit) paced to ${RATE} submissions/s for ${SECONDS} s`, await loadRun(server.url, members, SECONDS, RATE))
    row(name, `submissions alone (rounds answered first) paced to ${RATE}/s for ${SUBMIT_ONLY_SECONDS} s`, await submitBurst(server.url, members, SUBMIT_ONLY_SECONDS, RATE))
  } finally {
    server.proc.kill('SIGTERM')
    await server.exited
  }
}

export const run = async (): Promise<void> => {
  console.log(`reading room: submit latency under load on loopback (load average ${(await import('node:os')).loadavg()[0]?.toFixed(2)})`)
  await measureOn('PGlite', join(mkdtempSync(join(tmpdir(), 'reading-room-bench-')), 'data'))
  const bin = postgresBin()
  if (bin === undefined) {
    report({ bench: 'reading room on a PostgreSQL server', figure: 'not measured: no PostgreSQL under /usr/lib/postgresql/*/bin', target: `p99 < 50 ms at ${RATE}/s`, met: undefined })
    return
  }
  const pg = await startPostgres(bin)
  try {
    await measureOn('a PostgreSQL server', pg.url)
  } finally {
    pg.stop()
  }
}
