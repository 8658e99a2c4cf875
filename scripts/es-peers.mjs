// An esbuild plugin for bundles that inline fp-ts and io-ts (the moral-bank command): the sources import
// their CommonJS builds (fp-ts/lib/*.js, io-ts), which a bundle wraps so that every use of an export goes
// through a getter; their ES builds (fp-ts/es6, io-ts/es6) bundle as plain functions. Measured on
// `moral-bank check` of 1,000,000 events: about a tenth of the time was in those getters.
import { createRequire } from 'node:module'
import { join } from 'node:path'

/** The plugin, resolving from the project at `root`. */
export const esPeers = (root) => {
  const require = createRequire(join(root, 'package.json'))
  return {
    name: 'es-peers',
    setup(build) {
      build.onResolve({ filter: /^fp-ts\/lib\/[A-Za-z]+\.js$/ }, ({ path }) => ({ path: require.resolve(path.replace('/lib/', '/es6/')) }))
      build.onResolve({ filter: /^io-ts$/ }, () => ({ path: require.resolve('io-ts/es6/index.js') }))
    }
  }
}
