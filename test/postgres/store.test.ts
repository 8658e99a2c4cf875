// The postgres lane: the store's and the room's suite on a PostgreSQL server (Debian's postgresql, started for the run).
import pg from 'pg'
import { afterAll, beforeAll } from 'vitest'
import { postgresStore } from '../../examples/reading-room/store.js'
import { postgresBin, startPostgres, type PostgresServer } from '../reading-room/postgres-server.js'
import { storeSuite } from '../reading-room/suite.js'

let server: PostgresServer | undefined
beforeAll(async () => {
  const bin = postgresBin()
  if (bin === undefined) throw new Error('the postgres lane needs Debian\'s postgresql: apt-get install -y postgresql')
  server = await startPostgres(bin)
})
afterAll(() => server?.stop())

const made = new Set<string>()
/** Database `db` on the server, created on first use. */
const openDb = async (db: string) => {
  const url = server?.url ?? ''
  if (!made.has(db)) {
    const c = new pg.Client({ connectionString: url })
    await c.connect()
    await c.query(`CREATE DATABASE ${db}`)
    await c.end()
    made.add(db)
  }
  return postgresStore(url.replace(/\/postgres$/, `/${db}`))
}
storeSuite('a PostgreSQL server', openDb)
