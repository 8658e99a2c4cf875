// The reading room as its own process (`npm run web`'s entry), for the durability and load tests and the
// bench, and a member's side of the HTTP API.
import { spawn, type ChildProcess } from 'node:child_process'
import { Agent, request } from 'node:http'
import { resolve } from 'node:path'

export interface Child {
  readonly url: string
  readonly proc: ChildProcess
  /** Resolves once the process has exited. */
  readonly exited: Promise<void>
}

const ROOT = resolve('.') // the repository's root: vitest and npm run bench run from it

/** Start the server on a free loopback port over a store (a PGlite directory or a postgres:// URL). */
export const startChild = (db: string): Promise<Child> =>
  new Promise((ok, fail) => {
    const proc = spawn(process.execPath, ['scripts/run-ts.mjs', 'examples/reading-room/main.ts'], {
      cwd: ROOT, env: { ...process.env, PORT: '0', READING_ROOM_DB: db }, stdio: ['ignore', 'pipe', 'pipe']
    })
    const exited = new Promise<void>((done) => proc.once('exit', () => done()))
    let out = ''
    let err = ''
    proc.stderr?.on('data', (c: Buffer) => { err += c.toString() })
    proc.stdout?.on('data', (c: Buffer) => {
      out += c.toString()
      const m = /reading room: (http:\/\/127\.0\.0\.1:\d+)\//.exec(out)
      if (m?.[1] !== undefined) ok({ url: m[1], proc, exited })
    })
    void exited.then(() => fail(new Error(`the reading room exited before it listened:\n${out}\n${err}`)))
  })

export interface Reply<A = Record<string, unknown>> {
  readonly status: number
  readonly body: A
}

// Kept-alive connections through node:http (fetch costs the load generator several times the CPU a request
// costs through an Agent, and the load generator shares the machine with the server it measures).
const agent = new Agent({ keepAlive: true, maxSockets: 512 })

export const post = <A = Record<string, unknown>>(url: string, path: string, body: unknown): Promise<Reply<A>> =>
  new Promise((ok, fail) => {
    const data = Buffer.from(JSON.stringify(body))
    const req = request(`${url}${path}`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': data.length } }, (res) => {
      const chunks: Array<Buffer> = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('error', fail)
      res.on('end', () => {
        try {
          ok({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as A })
        } catch (e) {
          fail(e)
        }
      })
    })
    req.on('error', fail)
    req.end(data)
  })

interface PublicQ { readonly id: string; readonly type: string; readonly blanks?: ReadonlyArray<string> }
interface RoundReply { readonly id: string; readonly status: string; readonly given: Record<string, unknown>; readonly paper: { readonly questions: ReadonlyArray<PublicQ> } }

const someAnswer = (q: PublicQ): unknown =>
  q.type === 'single' ? { type: 'single', choice: 'A' } : q.type === 'multiple' ? { type: 'multiple', choices: ['A', 'B'] }
    : q.type === 'judge' ? { type: 'judge', value: true } : q.type === 'numerical' ? { type: 'numerical', value: 13 }
      : { type: 'blank', values: (q.blanks ?? []).map(() => '三中') }

/** Start (or take up again) a member's round and answer every question; the round's id. */
export const answerRound = async (url: string, member: string, practice = false): Promise<RoundReply> => {
  const r = await post<RoundReply>(url, '/api/rounds', { member, practice })
  if (r.status !== 200) throw new Error(`start: ${r.status} ${JSON.stringify(r.body)}`)
  for (const q of r.body.paper.questions) {
    const a = await post(url, '/api/rounds/answer', { member, round: r.body.id, question: q.id, response: someAnswer(q) })
    if (a.status !== 200) throw new Error(`answer: ${a.status} ${JSON.stringify(a.body)}`)
  }
  return r.body
}

export const submitRound = (url: string, member: string, round: string): Promise<Reply> => post(url, '/api/rounds/submit', { member, round })

/** The percentile of sorted values (nearest rank). */
export const percentile = (sorted: ReadonlyArray<number>, p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0
