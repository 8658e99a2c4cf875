// `npm run web`: the reading room on loopback.
//
//   READING_ROOM_DB    a postgres:// connection string, or a PGlite data directory (default .reading-room/pgdata)
//   PORT               the port (default 8017; 0 picks a free one)
//
// It prints the address, then one line per start of a store it rebuilt from.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { AddressInfo } from 'node:net'
import { openStore } from './store.js'
import { readingRoomPark } from './park.js'
import { openRoom } from './room.js'
import { readingRoomServer } from './server.js'

const dir = resolve('examples/reading-room')
const where = process.env['READING_ROOM_DB'] ?? resolve('.reading-room/pgdata')
const port = Number(process.env['PORT'] ?? 8017)

const store = await openStore(where)
const room = await openRoom(store, readingRoomPark(readFileSync(resolve(dir, 'bank.gift'), 'utf8')))
const server = await readingRoomServer(room, dir)
server.listen(port, '127.0.0.1', () => {
  const { port: bound } = server.address() as AddressInfo
  console.log(`reading room: http://127.0.0.1:${bound}/ (store: ${store.kind}, ${room.events().length} events)`)
})

const stop = (): void => {
  server.close()
  void store.close().then(() => process.exit(0))
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
