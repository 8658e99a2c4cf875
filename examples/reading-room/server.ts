// The reading room's HTTP server (node:http, loopback): the pages, their script (the page code and the
// library's browser build, bundled by esbuild when the server starts) and a small JSON API over the room.
//
// Who is asking: this example takes the member's id from the request, as a sign-in screen would leave it;
// a real host takes it from its session and checks the administrator's role on /api/admin/*.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { build } from 'esbuild'
import type { Outcome, Room } from './room.js'
import { boardsView, pointsView, rollView } from './views.js'

const MAX_BODY = 2_000_000
const PAGES = ['index', 'quiz', 'points', 'boards', 'roll', 'admin'] as const

type Reply = { readonly status: number; readonly type: string; readonly body: string }
type Handler = (room: Room, body: string, url: URL) => Promise<Reply> | Reply

const json = (status: number, value: unknown): Reply => ({ status, type: 'application/json; charset=utf-8', body: JSON.stringify(value) })
const outcome = <A>(o: Outcome<A>): Reply => (E.isRight(o) ? json(200, o.right) : json(o.left.status, o.left))

/** A JSON body's fields (an empty object for anything else). */
const fields = (body: string): Readonly<Record<string, unknown>> => {
  try {
    const v: unknown = JSON.parse(body)
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}
const str = (u: unknown): string => (typeof u === 'string' ? u : '')

const API: Readonly<Record<string, Handler>> = {
  'GET /api/members': (room) =>
    json(200, room.park.org.members.map((m) => ({ id: m.id, name: m.label ?? m.id, unit: room.park.org.unitById.get(m.unit)?.label ?? m.unit }))),
  'POST /api/rounds': async (room, body) => {
    const f = fields(body)
    return outcome(await (f['practice'] === true ? room.practice(str(f['member'])) : room.today(str(f['member']))))
  },
  'POST /api/rounds/answer': async (room, body) => {
    const f = fields(body)
    return outcome(await room.answer(str(f['member']), str(f['round']), str(f['question']), f['response']))
  },
  'POST /api/rounds/submit': async (room, body) => {
    const f = fields(body)
    return outcome(await room.submit(str(f['member']), str(f['round'])))
  },
  'GET /api/points': (room, _b, url) => {
    const member = url.searchParams.get('member') ?? ''
    return room.park.org.memberById.has(member) ? json(200, pointsView(room.run(), room.cal, member, room.now())) : json(404, { reason: 'no such member' })
  },
  'GET /api/boards': (room) => json(200, boardsView(room.run())),
  'GET /api/roll': (room) => json(200, rollView(room.run())),
  'POST /api/events': async (room, body) => outcome(await room.addEvents(body)),
  'POST /api/bank-ops': async (room, body) => outcome(await room.addBankOps(body)),
  'POST /api/admin/bank': async (room, body, url) => outcome(await room.uploadBank(body, url.searchParams.get('file') ?? 'upload.gift')),
  'GET /api/admin/programme': (room) => json(200, { problems: room.checkProgramme() }),
  'POST /api/admin/programme': (room, body) => json(200, { problems: room.checkProgramme(body) })
}

const readBody = (req: IncomingMessage): Promise<string | undefined> =>
  new Promise((resolve) => {
    const chunks: Array<Buffer> = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size <= MAX_BODY) chunks.push(c)
    })
    req.on('end', () => resolve(size > MAX_BODY ? undefined : Buffer.concat(chunks).toString('utf8')))
    req.on('error', () => resolve(undefined))
  })

/** The pages (HTML beside this file) and their one script, bundled once at start. */
const assets = async (dir: string): Promise<ReadonlyMap<string, Reply>> => {
  const bundle = await build({
    entryPoints: [join(dir, 'pages/app.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    minify: true,
    write: false,
    logLevel: 'silent',
    tsconfig: join(dir, '../../tsconfig.json')
  })
  const out = new Map<string, Reply>([['/app.js', { status: 200, type: 'text/javascript; charset=utf-8', body: bundle.outputFiles[0]?.text ?? '' }]])
  out.set('/style.css', { status: 200, type: 'text/css; charset=utf-8', body: readFileSync(join(dir, 'pages/style.css'), 'utf8') })
  for (const p of PAGES) {
    const html: Reply = { status: 200, type: 'text/html; charset=utf-8', body: readFileSync(join(dir, `pages/${p}.html`), 'utf8') }
    out.set(`/${p}.html`, html)
    if (p === 'index') out.set('/', html)
  }
  return out
}

const send = (res: ServerResponse, r: Reply): void => {
  res.writeHead(r.status, { 'content-type': r.type, 'cache-control': 'no-store' })
  res.end(r.body)
}

/** The server over a room (not yet listening). `dir` is this example's folder (its pages). */
export const readingRoomServer = async (room: Room, dir: string): Promise<Server> => {
  const files = await assets(dir)
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const handler = API[`${req.method ?? 'GET'} ${url.pathname}`]
    if (handler === undefined) {
      send(res, files.get(url.pathname) ?? json(404, { reason: 'not found' }))
      return
    }
    void readBody(req)
      .then(async (body) => (body === undefined ? json(413, { reason: 'the request is too large' }) : await handler(room, body, url)))
      .catch((e: unknown) => {
        console.error(e)
        return json(500, { reason: 'internal error' })
      })
      .then((r) => send(res, r))
  })
}
