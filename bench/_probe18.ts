import { rngFromSeed, shuffle, uniformInt } from '../src/core/index.js'
import { rankScores } from '../src/ranking/tie.js'
const N = Number(process.argv[2]); const sh = process.argv[3] === 'shuf'
const t = (label: string, f: () => unknown) => { const ts: number[] = []; for (let r = 0; r < 3; r++) { const t0 = performance.now(); f(); ts.push(performance.now() - t0) } ts.sort((a,b)=>a-b); console.log(N, sh, label, ts.map(x=>x.toFixed(0)).join(' '), 'ms') }
const rng = rngFromSeed('p')
let members = Array.from({ length: N }, (_, i) => ({ subject: `m${String(i).padStart(7, '0')}`, score: uniformInt(rng, 10000) }))
if (sh) members = shuffle(rng, members)
t('rank default', () => rankScores()(members))
