// The store and the room on embedded PGlite (a data directory on disk); the postgres lane runs the same suite on a server.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pgliteStore } from '../../examples/reading-room/store.js'
import { storeSuite } from './suite.js'

const dir = mkdtempSync(join(tmpdir(), 'reading-room-pglite-'))
storeSuite('PGlite', (db) => pgliteStore(join(dir, db)))
