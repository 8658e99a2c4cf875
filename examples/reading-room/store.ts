// The reading room's store: Postgres SQL, the same statements on embedded PGlite (a data directory on
// disk, nothing to install) and on a PostgreSQL server (a connection string, through `pg`).
//
// What it keeps: every activity event and Moral Bank operation once by id (inserts that meet an id
// already stored do nothing), the papers (with their keys: server only), the latest state of every
// round, the question banks the administrator uploaded, and the quiz secret. A round's submission and
// the events it yields are written in one transaction: either both are stored or neither is.
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'

/** One SQL statement with its parameters ($1, $2, …), as both drivers take them. */
export type Query = <R>(text: string, params?: ReadonlyArray<unknown>) => Promise<ReadonlyArray<R>>

/** A round as the store keeps it: its id, member, paper, step (the latest wins) and its JSON. */
export interface StoredRound {
  readonly id: string
  readonly member: string
  readonly paper: string
  readonly step: number
  readonly status: string
  readonly json: string
}

/** A row the store keeps by id: an event or a bank operation, as JSON text. */
export interface StoredRow {
  readonly id: string
  readonly json: string
}

/** Everything the server rebuilds its run from on start. */
export interface Snapshot {
  readonly events: ReadonlyArray<string>
  readonly bankOps: ReadonlyArray<string>
  readonly papers: ReadonlyArray<string>
  readonly rounds: ReadonlyArray<string>
  /** The latest uploaded bank (GIFT text), if any. */
  readonly gift?: string
}

/** The store the server talks to. */
export interface Store {
  readonly kind: 'pglite' | 'postgres'
  /** The quiz secret: made once (by `make`) and kept. */
  secret(make: () => string): Promise<string>
  load(): Promise<Snapshot>
  savePaper(id: string, json: string): Promise<void>
  /** Keep a round's new state (a lower or equal step than the stored one changes nothing). */
  saveRound(round: StoredRound): Promise<void>
  /** A submitted round and the events it yields, in one transaction; the number of events new to the store. */
  submitRound(round: StoredRound, events: ReadonlyArray<StoredRow>): Promise<number>
  /** Events by id; the number new to the store. */
  addEvents(events: ReadonlyArray<StoredRow>): Promise<number>
  /** Bank operations by request id; the number new to the store. */
  addBankOps(ops: ReadonlyArray<StoredRow>): Promise<number>
  saveBank(gift: string, at: number): Promise<void>
  close(): Promise<void>
}

// -------------------------------------------------------------------------------------
// the SQL (one copy for both drivers)
// -------------------------------------------------------------------------------------

const SCHEMA: ReadonlyArray<string> = [
  'CREATE TABLE IF NOT EXISTS meta (key text PRIMARY KEY, value text NOT NULL)',
  'CREATE TABLE IF NOT EXISTS events (id text PRIMARY KEY, seq bigserial, body text NOT NULL)',
  'CREATE TABLE IF NOT EXISTS bank_ops (request text PRIMARY KEY, seq bigserial, body text NOT NULL)',
  'CREATE TABLE IF NOT EXISTS papers (id text PRIMARY KEY, body text NOT NULL)',
  'CREATE TABLE IF NOT EXISTS rounds (id text PRIMARY KEY, member text NOT NULL, paper text NOT NULL, step integer NOT NULL, status text NOT NULL, body text NOT NULL)',
  'CREATE TABLE IF NOT EXISTS banks (seq bigserial PRIMARY KEY, uploaded_at bigint NOT NULL, gift text NOT NULL)'
]

const INSERT_EVENT = 'INSERT INTO events (id, body) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING RETURNING id'
const INSERT_OP = 'INSERT INTO bank_ops (request, body) VALUES ($1, $2) ON CONFLICT (request) DO NOTHING RETURNING request'
const UPSERT_ROUND =
  'INSERT INTO rounds (id, member, paper, step, status, body) VALUES ($1, $2, $3, $4, $5, $6) ' +
  'ON CONFLICT (id) DO UPDATE SET step = excluded.step, status = excluded.status, body = excluded.body WHERE rounds.step < excluded.step'

type Body = { readonly body: string }

const insertAll = async (q: Query, sql: string, rows: ReadonlyArray<StoredRow>): Promise<number> => {
  let added = 0
  for (const r of rows) added += (await q(sql, [r.id, r.json])).length
  return added
}

const roundParams = (r: StoredRound): ReadonlyArray<unknown> => [r.id, r.member, r.paper, r.step, r.status, r.json]

/** The store over any Postgres: `query` for single statements, `transaction` for several at once. */
const sqlStore = async (
  kind: Store['kind'],
  query: Query,
  transaction: <A>(f: (q: Query) => Promise<A>) => Promise<A>,
  close: () => Promise<void>
): Promise<Store> => {
  for (const s of SCHEMA) await query(s)
  const bodies = async (sql: string): Promise<ReadonlyArray<string>> => (await query<Body>(sql)).map((r) => r.body)
  return {
    kind,
    secret: async (make) => {
      await query('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', ['quiz-secret', make()])
      const rows = await query<{ value: string }>('SELECT value FROM meta WHERE key = $1', ['quiz-secret'])
      return rows[0]?.value ?? ''
    },
    load: async () => {
      const gift = await query<{ gift: string }>('SELECT gift FROM banks ORDER BY seq DESC LIMIT 1')
      const snapshot = {
        events: await bodies('SELECT body FROM events ORDER BY seq'),
        bankOps: await bodies('SELECT body FROM bank_ops ORDER BY seq'),
        papers: await bodies('SELECT body FROM papers'),
        rounds: await bodies('SELECT body FROM rounds')
      }
      const latest = gift[0]?.gift
      return latest === undefined ? snapshot : { ...snapshot, gift: latest }
    },
    savePaper: async (id, json) => {
      await query('INSERT INTO papers (id, body) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [id, json])
    },
    saveRound: async (round) => {
      await query(UPSERT_ROUND, roundParams(round))
    },
    submitRound: (round, events) =>
      transaction(async (q) => {
        await q(UPSERT_ROUND, roundParams(round))
        return insertAll(q, INSERT_EVENT, events)
      }),
    addEvents: (events) => transaction((q) => insertAll(q, INSERT_EVENT, events)),
    addBankOps: (ops) => transaction((q) => insertAll(q, INSERT_OP, ops)),
    saveBank: async (gift, at) => {
      await query('INSERT INTO banks (uploaded_at, gift) VALUES ($1, $2)', [at, gift])
    },
    close
  }
}

// -------------------------------------------------------------------------------------
// the two drivers
// -------------------------------------------------------------------------------------

/** Embedded PGlite with its data directory on disk (`memory://` keeps it in memory). */
export const pgliteStore = async (dataDir: string): Promise<Store> => {
  const db = await PGlite.create(dataDir)
  const query: Query = async <R>(text: string, params: ReadonlyArray<unknown> = []) =>
    (await db.query<R>(text, [...params])).rows
  return sqlStore(
    'pglite',
    query,
    (f) => db.transaction((tx) => f(async <R>(text: string, params: ReadonlyArray<unknown> = []) => (await tx.query<R>(text, [...params])).rows)),
    () => db.close()
  )
}

/** A PostgreSQL server, by connection string (a pool of connections; a transaction holds one). */
export const postgresStore = async (connectionString: string): Promise<Store> => {
  const pool = new pg.Pool({ connectionString, max: 10 })
  // An idle connection the server drops (a restart) is replaced on the next query; say so, don't crash.
  pool.on('error', (e) => console.error(`reading room: a PostgreSQL connection failed: ${e.message}`))
  const on =
    (c: pg.Pool | pg.PoolClient): Query =>
    async <R>(text: string, params: ReadonlyArray<unknown> = []) =>
      (await c.query(text, [...params])).rows as ReadonlyArray<R>
  const transaction = async <A>(f: (q: Query) => Promise<A>): Promise<A> => {
    const client = await pool.connect()
    try {
      await client.query('BEGIN')
      const out = await f(on(client))
      await client.query('COMMIT')
      return out
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined)
      throw e
    } finally {
      client.release()
    }
  }
  return sqlStore('postgres', on(pool), transaction, () => pool.end())
}

/** The store a connection string selects: a `postgres://` or `postgresql://` URL, or else a PGlite data directory. */
export const openStore = (where: string): Promise<Store> =>
  /^postgres(ql)?:\/\//.test(where) ? postgresStore(where) : pgliteStore(where)
