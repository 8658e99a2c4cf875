// The reading room's store: Postgres SQL, the same statements on embedded PGlite (a data directory on
// disk, nothing to install) and on a PostgreSQL server (a connection string, through `pg`).
//
// What it keeps: every activity event and Moral Bank operation once by id (inserts that meet an id
// already stored do nothing), the papers (with their keys: server only), the latest state of every
// round, the question banks the administrator uploaded, and the quiz secret. A round's submission and
// the events it yields are written in one statement (one transaction): either both are stored or neither is.
// Round saves asked for at once (many members answering) are committed together, each acknowledged after.
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
  /** Keep a round just started and its paper (one statement). */
  startRound(paper: StoredRow, round: StoredRound): Promise<void>
  /** Keep a round's new state (a lower or equal step than the stored one changes nothing). */
  saveRound(round: StoredRound): Promise<void>
  /** A submitted round and the events it yields, in one statement (one transaction); the number of events new to the store. */
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

// Every write is one statement: a statement is its own transaction, so a submission (the round's new
// state and the events it yields) is stored whole or not at all, in one round trip to the database and
// without holding a connection across several. Rows go in as arrays (unnest, in their order).
// `first`: the number of the statement's parameter holding the keys (the bodies are the next).
const INSERT_ROWS = (table: string, key: string, first = 1): string =>
  `INSERT INTO ${table} (${key}, body) SELECT k, b FROM unnest($${first}::text[], $${first + 1}::text[]) WITH ORDINALITY AS t(k, b, n) ORDER BY n ` +
  `ON CONFLICT (${key}) DO NOTHING RETURNING ${key}`
const INSERT_EVENTS = INSERT_ROWS('events', 'id')
const INSERT_OPS = INSERT_ROWS('bank_ops', 'request')
// A batch of round changes as one statement: the papers of rounds just started, the rounds' new states
// (the latest step of each wins) and the events of submitted rounds, in their order.
const WRITE_ROUNDS =
  'WITH p AS (INSERT INTO papers (id, body) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (id) DO NOTHING), ' +
  'r AS (INSERT INTO rounds (id, member, paper, step, status, body) ' +
  'SELECT * FROM unnest($3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[]) ' +
  'ON CONFLICT (id) DO UPDATE SET step = excluded.step, status = excluded.status, body = excluded.body WHERE rounds.step < excluded.step), ' +
  `e AS (${INSERT_ROWS('events', 'id', 9)}) SELECT id FROM e`

type Body = { readonly body: string }

/** Rows as the two array parameters the inserts take: their ids, then their bodies. */
const columns = (rows: ReadonlyArray<StoredRow>): ReadonlyArray<unknown> => [rows.map((r) => r.id), rows.map((r) => r.json)]

/** One change of a round the store is asked for: its new state, with its paper (started) or its events (submitted). */
interface Change {
  readonly round: StoredRound
  readonly paper?: StoredRow
  readonly events: ReadonlyArray<StoredRow>
  /** Settled with the number of its events new to the store, once the statement holding it is committed. */
  readonly ok: (added: number) => void
  readonly fail: (e: unknown) => void
}

/**
 * Group commit for round changes: the changes asked for in one turn of the event loop (many members
 * answering, starting and submitting at once) go to the database as one statement (one round trip, one
 * commit), and each is acknowledged only once that statement is committed: a submission acknowledged is
 * stored with its events, and one not acknowledged is stored whole or not at all. A round is never
 * changed twice at once (the room serialises each round), and of two steps of one round the later wins
 * as it would one after the other. When a batch fails, its changes are tried again one by one, so that
 * one bad change refuses only itself.
 */
const roundWriter = (query: Query, inFlight = 4): ((c: Omit<Change, 'ok' | 'fail'>) => Promise<number>) => {
  let queued: Array<Change> = []
  let running = 0
  const write = async (batch: ReadonlyArray<Change>): Promise<ReadonlySet<string>> => {
    const latest = new Map<string, StoredRound>()
    for (const { round } of batch) {
      const had = latest.get(round.id)
      if (had === undefined || had.step < round.step) latest.set(round.id, round)
    }
    const rs = [...latest.values()]
    const papers = batch.flatMap((c) => (c.paper === undefined ? [] : [c.paper]))
    const events = batch.flatMap((c) => c.events)
    const rows = await query<{ id: string }>(WRITE_ROUNDS, [
      ...columns(papers),
      rs.map((r) => r.id), rs.map((r) => r.member), rs.map((r) => r.paper), rs.map((r) => r.step), rs.map((r) => r.status), rs.map((r) => r.json),
      ...columns(events)
    ])
    return new Set(rows.map((r) => r.id))
  }
  const settle = (batch: ReadonlyArray<Change>, added: ReadonlySet<string>): void => {
    const claimed = new Set<string>()
    for (const c of batch) {
      let n = 0
      for (const e of c.events) {
        if (added.has(e.id) && !claimed.has(e.id)) n++
        claimed.add(e.id)
      }
      c.ok(n)
    }
  }
  const flush = (): void => {
    if (queued.length === 0 || running >= inFlight) return
    const batch = queued
    queued = []
    running++
    write(batch)
      .then(
        (added) => settle(batch, added),
        async (e: unknown) => {
          if (batch.length === 1) return batch[0]?.fail(e)
          for (const c of batch) await write([c]).then((added) => settle([c], added), (e1: unknown) => c.fail(e1))
        }
      )
      .finally(() => {
        running--
        flush()
      })
  }
  return (change) =>
    new Promise<number>((ok, fail) => {
      queued.push({ ...change, ok, fail })
      if (queued.length === 1) setImmediate(flush) // gather what this turn of the event loop asks for
    })
}

/** The store over any Postgres, by its `query` (every write is one statement). */
const sqlStore = async (kind: Store['kind'], query: Query, close: () => Promise<void>): Promise<Store> => {
  for (const s of SCHEMA) await query(s)
  const change = roundWriter(query)
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
    startRound: async (paper, round) => {
      await change({ round, paper, events: [] })
    },
    saveRound: async (round) => {
      await change({ round, events: [] })
    },
    submitRound: (round, events) => change({ round, events }),
    addEvents: async (events) => (await query(INSERT_EVENTS, columns(events))).length,
    addBankOps: async (ops) => (await query(INSERT_OPS, columns(ops))).length,
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
  return sqlStore('pglite', query, () => db.close())
}

/** A PostgreSQL server, by connection string (a pool of connections). */
export const postgresStore = async (connectionString: string): Promise<Store> => {
  const pool = new pg.Pool({ connectionString, max: 10 })
  // An idle connection the server drops (a restart) is replaced on the next query; say so, don't crash.
  pool.on('error', (e) => console.error(`reading room: a PostgreSQL connection failed: ${e.message}`))
  const on =
    (c: pg.Pool | pg.PoolClient): Query =>
    async <R>(text: string, params: ReadonlyArray<unknown> = []) =>
      (await c.query(text, [...params])).rows as ReadonlyArray<R>
  return sqlStore('postgres', on(pool), () => pool.end())
}

/** The store a connection string selects: a `postgres://` or `postgresql://` URL, or else a PGlite data directory. */
export const openStore = (where: string): Promise<Store> =>
  /^postgres(ql)?:\/\//.test(where) ? postgresStore(where) : pgliteStore(where)
