// An in-memory environment for `run`: files from a record (or the fixtures folder), written files kept in a map.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type { CliEnv } from '../../src/cli/run.js'

export const FIXTURES = join(__dirname, 'fixtures')

/** A fixture's text. */
export const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8')

export interface MemEnv {
  readonly env: CliEnv
  readonly written: Map<string, string>
}

/** Files by name (falling back to the fixtures folder), writes kept in `written`. */
export const memEnv = (files: Readonly<Record<string, string>> = {}, more: Partial<CliEnv> = {}): MemEnv => {
  const written = new Map<string, string>()
  const readText = (p: string): string => {
    const t = written.get(p) ?? files[p]
    if (t !== undefined) return t
    try {
      return readFileSync(join(FIXTURES, p), 'utf8')
    } catch {
      throw new Error(`ENOENT: no such file or directory, open '${p}'`)
    }
  }
  const env: CliEnv = {
    version: '9.9.9',
    now: Date.UTC(2021, 5, 30, 16, 30),
    parseArgs,
    readText,
    writeText: (p, t) => void written.set(p, t),
    randomSecret: () => 'feedfacefeedfacefeedfacefeedface',
    ...more
  }
  return { env, written }
}
