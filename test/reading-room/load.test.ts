// Load, on loopback only: 200 simulated members taking and submitting practice rounds at once for 30 s
// (READING_ROOM_LOAD_SECONDS to change it), the server in its own process on PGlite: no error, every
// acknowledged submission stored once and nothing else stored; p50/p99 submit latency printed.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { pgliteStore } from '../../examples/reading-room/store.js'
import { startChild } from './child.js'
import { loadRun } from './load.js'
import { park } from './suite.js'

const SECONDS = Number(process.env['READING_ROOM_LOAD_SECONDS'] ?? 30)
const MEMBERS = 200

describe('the reading room under load', { timeout: (SECONDS + 120) * 1000 }, () => {
  it(`takes ${MEMBERS} members submitting at once for ${SECONDS} s without an error, a lost or a doubled event`, async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'reading-room-load-')), 'data')
    const server = await startChild(db)
    const members = park().org.members.slice(0, MEMBERS).map((m) => m.id)
    // someone reads the boards meanwhile (each read brings the run up to date)
    let reading = true
    const reads = (async () => {
      let n = 0
      while (reading) {
        expect((await fetch(`${server.url}/api/boards`)).status).toBe(200)
        n++
        await new Promise((ok) => setTimeout(ok, 500))
      }
      return n
    })()
    const r = await loadRun(server.url, members, SECONDS)
    reading = false
    expect(await reads).toBeGreaterThan(0)
    const board = (await (await fetch(`${server.url}/api/boards`)).json()) as { boards: ReadonlyArray<{ id: string; rows: ReadonlyArray<unknown> }> }
    server.proc.kill('SIGTERM')
    await server.exited
    console.log(`reading room under load (PGlite): ${MEMBERS} members, ${r.acked.length} submissions in ${r.seconds.toFixed(1)} s ` +
      `(${(r.acked.length / r.seconds).toFixed(0)}/s); submit latency p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms`)
    expect(r.errors).toEqual([])
    expect(r.acked.length).toBeGreaterThan(MEMBERS)
    const store = await pgliteStore(db)
    const stored = (await store.load()).events.map((t) => JSON.parse(t) as { type: string; attrs: { round: string } })
    await store.close()
    const rounds = stored.filter((e) => e.type === 'quiz.completed').map((e) => e.attrs.round).sort()
    expect(rounds).toEqual([...r.acked].sort())
    expect(board.boards.find((b) => b.id === 'study')?.rows.length).toBeGreaterThan(0)
  })
})
