// A throwaway PostgreSQL server for the postgres lane: Debian's postgresql, run as the `postgres` user
// (initdb refuses root) in a temp folder it owns, on a free loopback port; stopped after.
import { execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The folder of Debian's PostgreSQL binaries (the newest /usr/lib/postgresql/N/bin), if installed. */
export const postgresBin = (): string | undefined => {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return undefined
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl'))).sort((a, b) => Number(b) - Number(a))
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin')
}

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const a = s.address()
      s.close(() => resolve(typeof a === 'object' && a !== null ? a.port : 0))
    })
  })

export interface PostgresServer {
  readonly url: string
  stop(): void
}

const uid = (user: string): number => Number(execFileSync('id', ['-u', user]).toString().trim())
const gid = (user: string): number => Number(execFileSync('id', ['-g', user]).toString().trim())

/** Start a fresh PostgreSQL server (initdb, pg_ctl start) and give its connection string. */
export const startPostgres = async (bin: string): Promise<PostgresServer> => {
  const dir = mkdtempSync(join(tmpdir(), 'reading-room-pg-'))
  chownSync(dir, uid('postgres'), gid('postgres'))
  const data = join(dir, 'data')
  const asPostgres = (cmd: string, args: ReadonlyArray<string>): void => {
    const prefix = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--'] : []
    const [exe, ...rest] = [...prefix, join(bin, cmd), ...args]
    execFileSync(exe as string, rest, { stdio: 'pipe' })
  }
  asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync'])
  const port = await freePort()
  asPostgres('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=50`, 'start'])
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        asPostgres('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    }
  }
}
