// What the reading room runs: the source park's organisation and programme (the same as `npm run demo`),
// the host's scores per member, the daily quiz's blueprint and the bank it starts with.
import * as E from 'fp-ts/lib/Either.js'
import { renderProblems, rngFromParts, uniformInt, type OrgTree, type Problem } from 'moral-bank/core'
import { decodeBlueprint, type Blueprint } from 'moral-bank/quiz'
import { decodeProgramme, type Programme } from 'moral-bank/programme'
import { parkOrg, parkProgrammeJson } from '../park-sim.js'

/** The park as the reading room serves it. */
export interface Park {
  readonly org: OrgTree
  readonly programmeJson: unknown
  readonly programme: Programme
  readonly host: Readonly<Record<string, Readonly<Record<string, number>>>>
  readonly daily: Blueprint
  /** The bank the room starts with until the administrator uploads one (GIFT text). */
  readonly gift: string
}

/** The daily quiz: five questions, ten minutes, submitted by the clock when time is up. */
export const DAILY_QUESTIONS = 5
export const DAILY_ROUND_MS = 600_000

const orThrow = <A>(r: E.Either<ReadonlyArray<Problem>, A>, what: string): A => {
  if (E.isLeft(r)) throw new Error(`${what}:\n${renderProblems(r.left)}`)
  return r.right
}

/** The host's skill, conduct and performance scores (60 to 100), fixed per member. */
const hostTables = (org: OrgTree): Park['host'] => {
  const table = (name: string): Record<string, number> =>
    Object.fromEntries(org.members.map((m) => [m.id, 60 + uniformInt(rngFromParts('reading-room', name, m.id), 401) / 10]))
  return { skills: table('skills'), conduct: table('conduct'), performance: table('performance') }
}

/** The programme of the demo, posted as the reading room's (its title and roll say so). */
const roomProgrammeJson = (): unknown => {
  const spec = parkProgrammeJson() as Record<string, unknown>
  const roll = spec['roll'] as Record<string, unknown>
  return {
    ...spec,
    title: { en: 'Yantan park reading room', zh: '沿滩高新区职工书屋' },
    roll: { ...roll, title: { en: 'Yantan park honor roll', zh: '沿滩高新区光荣榜' } }
  }
}

/** The park the reading room serves, with the bank it starts with (GIFT text: bank.gift beside this file). */
export const readingRoomPark = (gift: string): Park => {
  const org = parkOrg('yantan-2021')
  const programmeJson = roomProgrammeJson()
  return {
    org,
    programmeJson,
    programme: orThrow(decodeProgramme(programmeJson), 'programme'),
    host: hostTables(org),
    daily: orThrow(decodeBlueprint({ id: 'daily', sections: [{ id: 'all', count: DAILY_QUESTIONS }] }), 'daily blueprint'),
    gift
  }
}
