// The store's and the room's tests, one suite for both stores: the unit lane runs it on PGlite, the
// postgres lane on a PostgreSQL server. `open(db)` opens database `db` (the same one again for the same name).
import { readFileSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { publishedRun } from 'moral-bank/programme'
import type { Store } from '../../examples/reading-room/store.js'
import { readingRoomPark, type Park } from '../../examples/reading-room/park.js'
import { openRoom, type Room } from '../../examples/reading-room/room.js'

export const GIFT = readFileSync(new URL('../../examples/reading-room/bank.gift', import.meta.url), 'utf8')
let parkOnce: Park | undefined
export const park = (): Park => (parkOnce ??= readingRoomPark(GIFT))

/** A clock the test moves: 2021-07-05 09:00 in Shanghai, then wherever the test sets it. */
export const testClock = (start = Date.parse('2021-07-05T09:00:00+08:00')): { now: () => number; set: (t: number) => void } => {
  let t = start
  return { now: () => t, set: (n) => { t = n } }
}

const right = <A>(o: E.Either<unknown, A>): A => {
  if (E.isLeft(o)) throw new Error(JSON.stringify(o.left))
  return o.right
}

/** Take today's round for a member and answer every question (some answer of the right type). */
export const takeRound = async (room: Room, member: string): Promise<string> => {
  const round = right(await room.today(member))
  for (const q of round.paper.questions) {
    const response =
      q.type === 'single' ? { type: 'single', choice: 'A' } : q.type === 'multiple' ? { type: 'multiple', choices: ['A', 'B'] }
        : q.type === 'judge' ? { type: 'judge', value: true } : q.type === 'numerical' ? { type: 'numerical', value: 13 }
          : q.type === 'blank' ? { type: 'blank', values: q.blanks.map(() => '三中') } : undefined
    if (response !== undefined) right(await room.answer(member, round.id, q.id, response))
  }
  return round.id
}

const completed = (room: Room): ReadonlyArray<string> => room.events().filter((e) => e.type === 'quiz.completed').map((e) => e.id)

export const storeSuite = (name: string, openDb: (db: string) => Promise<Store>): void => {
  describe(`the reading room's store on ${name}`, { timeout: 60_000 }, () => {
    it('stores an event and a bank operation once by id, whatever is sent again', async () => {
      const s = await openDb('raw')
      try {
        expect(await s.addEvents([{ id: 'e-1', json: '{"a":1}' }, { id: 'e-1', json: '{"a":2}' }, { id: 'e-2', json: '{}' }])).toBe(2)
        expect(await s.addEvents([{ id: 'e-2', json: '{}' }])).toBe(0)
        expect(await s.addBankOps([{ id: 'op-1', json: '{}' }, { id: 'op-1', json: '{}' }])).toBe(1)
        const snap = await s.load()
        expect(snap.events.filter((b) => b === '{"a":1}' || b === '{"a":2}')).toEqual(['{"a":1}'])
        expect(snap.bankOps).toHaveLength(1)
      } finally {
        await s.close()
      }
    })

    it('keeps the latest step of a round, and a submission with its events or neither', async () => {
      const s = await openDb('raw')
      try {
        const round = { id: 'r-step', member: 'm', paper: 'p', status: 'open' }
        await s.saveRound({ ...round, step: 2, json: '"two"' })
        await s.saveRound({ ...round, step: 1, json: '"one"' })
        expect((await s.load()).rounds).toContain('"two"')
        // an event that cannot be stored (no body) fails the transaction: the round stays as it was
        await expect(s.submitRound({ ...round, step: 3, status: 'submitted', json: '"three"' }, [{ id: 'e-bad', json: null as unknown as string }])).rejects.toThrow()
        const after = await s.load()
        expect(after.rounds).toContain('"two"')
        expect(after.rounds).not.toContain('"three"')
        expect(await s.submitRound({ ...round, step: 3, status: 'submitted', json: '"three"' }, [{ id: 'e-ok', json: '{}' }])).toBe(1)
        expect((await s.load()).rounds).toContain('"three"')
        expect(await s.secret(() => 'first')).toBe(await s.secret(() => 'second'))
      } finally {
        await s.close()
      }
    })

    it('grades a round once, however often it is submitted, and a room reopened on the store has the same run', async () => {
      const clock = testClock()
      const s = await openDb('room')
      const room = await openRoom(s, park(), clock.now)
      const member = 'e2-b-g1-m01'
      const id = await takeRound(room, member)
      const before = completed(room).length
      const result = right(await room.submit(member, id))
      expect(result.total).toBe(5)
      expect(right(await room.submit(member, id)).score).toBe(result.score)
      expect(completed(room)).toHaveLength(before + 1)
      const run = JSON.stringify(publishedRun(room.run()))
      expect(room.run().boards[0]?.board.rows.some((r) => r.subject === member && r.score > 0)).toBe(result.score > 0)
      await s.close()
      const s2 = await openDb('room')
      const again = await openRoom(s2, park(), clock.now)
      expect(JSON.stringify(publishedRun(again.run()))).toBe(run)
      right(await again.submit(member, id))
      expect(completed(again)).toHaveLength(before + 1)
      expect(right(await again.today(member)).status).toBe('submitted')
      await s2.close()
    })

    it('keeps answers across a restart, and submits a round by the clock when its time is up', async () => {
      const clock = testClock()
      const s = await openDb('room')
      const room = await openRoom(s, park(), clock.now)
      const member = 'e2-b-g1-m02'
      const id = await takeRound(room, member)
      await s.close()
      const s2 = await openDb('room')
      const again = await openRoom(s2, park(), clock.now)
      const view = right(await again.today(member))
      expect(Object.keys(view.given)).toHaveLength(5)
      clock.set(clock.now() + 11 * 60_000)
      const late = await again.answer(member, id, view.paper.questions[0]?.id ?? '', { type: 'judge', value: true })
      expect(E.isLeft(late)).toBe(true)
      expect(completed(again).filter((e) => e.endsWith(member))).toHaveLength(1)
      await s2.close()
    })

    it('refuses a bank with a broken question at its line, and a round of another member', async () => {
      const clock = testClock()
      const s = await openDb('room')
      const room = await openRoom(s, park(), clock.now)
      const broken = `${GIFT}\n\n// [id:rr-99]\n坏题少了右花括号 {=a ~b\n`
      const up = await room.uploadBank(broken, 'broken.gift')
      expect(E.isLeft(up) && up.left.problems?.map((p) => (p.at._tag === 'TextPosition' ? p.at.line : 0))).toEqual([broken.split('\n').length - 1])
      const id = right(await room.today('e2-b-g1-m03')).id
      const other = await room.submit('e2-b-g1-m04', id)
      expect(E.isLeft(other) && other.left.status).toBe(404)
      expect(room.checkProgramme()).toEqual([])
      expect(room.checkProgramme('{"version": 2, "zone": "Mars/Olympus"}').length).toBeGreaterThan(0)
      await s.close()
    })
  })
}
