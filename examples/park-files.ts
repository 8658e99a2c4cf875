// The park's month as files, as a host would export them (programme, organisation, events, host tables,
// the supermarket's operations), with the roll the demo posts beside them: what `npm run demo` writes and
// the `moral-bank` commands it prints read (the CLI tests write them the same way, through this).
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { honorRollMarkdown } from 'moral-bank/awards'
import type { Park } from './park-sim.js'

/** The month's input files, as a host would export them; the roll the demo posts beside them. */
export const writeParkFiles = (p: Park, to: string): void => {
  mkdirSync(to, { recursive: true })
  const lines = (xs: ReadonlyArray<unknown>): string => xs.map((x) => `${JSON.stringify(x)}\n`).join('')
  writeFileSync(join(to, 'programme.json'), `${JSON.stringify(p.programmeJson, null, 2)}\n`)
  writeFileSync(join(to, 'org.json'), `${JSON.stringify({ units: p.org.units, members: p.org.members }, null, 2)}\n`)
  writeFileSync(join(to, 'events.jsonl'), lines(p.events))
  writeFileSync(join(to, 'host.json'), `${JSON.stringify(p.host, null, 2)}\n`)
  writeFileSync(join(to, 'ops.jsonl'), lines(p.bankOps))
  writeFileSync(join(to, 'roll.zh.md'), honorRollMarkdown(p.roll, 'zh'))
}
