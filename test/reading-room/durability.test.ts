// Durability: the server is killed with SIGKILL between answering and submitting, and in the middle of a
// burst of submissions, then started again on the same store: every acknowledged submission is there
// exactly once, none is counted twice, and the honor roll is the one a clean run over the stored events posts.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { calendar, type Instant } from 'moral-bank/core'
import { decodeEvent } from 'moral-bank/rules'
import { runProgramme } from 'moral-bank/programme'
import { pgliteStore } from '../../examples/reading-room/store.js'
import { rollView } from '../../examples/reading-room/views.js'
import { answerRound, startChild, submitRound, type Child } from './child.js'
import { park } from './suite.js'

const kill = async (c: Child): Promise<void> => {
  c.proc.kill('SIGKILL')
  await c.exited
}

describe('the reading room killed and started again', { timeout: 240_000 }, () => {
  it('keeps every acknowledged submission exactly once, and posts the roll a clean run posts', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'reading-room-kill-')), 'data')
    const members: ReadonlyArray<string> = park().org.members.slice(0, 41).map((m) => m.id)
    const first = members[0] as string
    const burst = members.slice(1)

    // killed between answering and submitting: the answers are kept, the submission comes after
    let server = await startChild(db)
    const answered = await answerRound(server.url, first)
    await kill(server)
    server = await startChild(db)
    const resumed = await answerRound(server.url, first)
    expect(resumed.id).toBe(answered.id)
    expect(Object.keys(resumed.given)).toHaveLength(5)
    const acked = new Set<string>()
    expect((await submitRound(server.url, first, answered.id)).status).toBe(200)
    acked.add(answered.id)

    // killed in the middle of a burst of submissions: eight members submitting at any time (the server
    // commits the submissions that arrive together in one statement, so a burst sent all at once would be
    // acknowledged all at once), killed at the tenth reply while the next ones are in flight
    const rounds = await Promise.all(burst.map(async (m) => ({ member: m, id: (await answerRound(server.url, m)).id })))
    let done = 0
    const victim = server
    const queue = [...rounds]
    const sender = async (): Promise<void> => {
      for (let r = queue.shift(); r !== undefined; r = queue.shift()) {
        const reply = await submitRound(victim.url, r.member, r.id).catch(() => undefined)
        if (reply?.status === 200) acked.add(r.id)
        if (++done === 10) await kill(victim)
      }
    }
    await Promise.all(Array.from({ length: 8 }, sender))
    expect(acked.size).toBeGreaterThan(1)
    expect(acked.size).toBeLessThan(members.length) // the kill came while submissions were in flight

    // started again: everything submitted again (an acknowledged one must not count twice)
    server = await startChild(db)
    for (const r of rounds) expect((await submitRound(server.url, r.member, r.id)).status).toBe(200)
    const served = await (await fetch(`${server.url}/api/roll`)).json()
    server.proc.kill('SIGTERM')
    await server.exited

    const store = await pgliteStore(db)
    const events = (await store.load()).events.map((t) => (decodeEvent(JSON.parse(t)) as E.Right<import('moral-bank/rules').ActivityEvent>).right)
    await store.close()
    const completed = events.filter((e) => e.type === 'quiz.completed').map((e) => String(e.attrs['round']))
    expect(new Set(completed).size).toBe(completed.length)
    for (const id of acked) expect(completed.filter((c) => c === id)).toHaveLength(1)
    expect(completed).toHaveLength(members.length)

    const p = park()
    const clean = runProgramme(p.programme, { org: p.org, events, host: p.host, period: calendar(p.programme.zone).key('month', Date.now() as Instant) })
    expect(E.isRight(clean)).toBe(true)
    expect(served).toEqual(JSON.parse(JSON.stringify(E.isRight(clean) ? rollView(clean.right) : {})))
  })
})
