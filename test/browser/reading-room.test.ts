// The reading room end to end in Debian's Chromium: a member takes the daily quiz, answers, submits and
// sees the score; the study board and the honor roll on screen change; the administrator uploads a bank
// with one broken question and sees the problem at its line. In the same run, every response the page
// receives before submission is audited against the bank's real key (answers, fractions, feedback,
// explanations, accept lists, tolerances, bank ids, the seed, the secret). A screenshot of each page is
// saved to examples/reading-room/screenshots/.
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deriveSeed } from 'moral-bank/core'
import { importGift } from 'moral-bank/formats'
import { textOf, type Question } from 'moral-bank/quiz'
import { pgliteStore, type Store } from '../../examples/reading-room/store.js'
import { readingRoomPark } from '../../examples/reading-room/park.js'
import { openRoom } from '../../examples/reading-room/room.js'
import { readingRoomServer } from '../../examples/reading-room/server.js'

const CHROMIUM = '/usr/bin/chromium'
const DIR = resolve(__dirname, '../../examples/reading-room')
const SHOTS = join(DIR, 'screenshots')
const GIFT = readFileSync(join(DIR, 'bank.gift'), 'utf8')
const BANK = importGift(GIFT).questions
const MEMBER = 'e4-b-g2-m03'

let browser: BrowserContext | undefined
let server: Server | undefined
let store: Store | undefined
let base = ''

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`browser tests need Debian's chromium at ${CHROMIUM}: apt-get install -y chromium`)
  store = await pgliteStore(join(mkdtempSync(join(tmpdir(), 'reading-room-browser-')), 'data'))
  const room = await openRoom(store, readingRoomPark(GIFT))
  server = await readingRoomServer(room, DIR)
  await new Promise<void>((ok) => server?.listen(0, '127.0.0.1', ok))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const profile = mkdtempSync(join(tmpdir(), 'reading-room-chromium-'))
  // a fresh profile (playwright passes it as --user-data-dir)
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    viewport: { width: 1100, height: 900 },
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync']
  })
  mkdirSync(SHOTS, { recursive: true })
})

afterAll(async () => {
  await browser?.close()
  await new Promise((ok) => server?.close(ok))
  await store?.close()
})

// -------------------------------------------------------------------------------------
// the key, as the server holds it
// -------------------------------------------------------------------------------------

/** Every piece of the bank's key as text: what must never reach the page before submission. */
const keyMaterial = (secret: string): ReadonlyArray<string> => {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
  const out = new Set<string>([secret, deriveSeed('daily', MEMBER, day)])
  for (const q of BANK) {
    out.add(q.id)
    if (q.feedback !== undefined) out.add(textOf(q.feedback))
    if (q.type === 'single' || q.type === 'multiple') for (const o of q.options) out.add(o.id)
    if (q.type === 'blank') for (const b of q.blanks) for (const a of b.accept) out.add(a.text)
  }
  return [...out]
}
const KEY_FIELDS = ['answer', 'answers', 'fraction', 'feedback', 'explanation', 'accept', 'tolerance', 'seed', 'sealKey', 'trueFeedback', 'falseFeedback', 'right']
const NUMERIC_KEYS = new Set(BANK.flatMap((q) => (q.type === 'numerical' ? q.answers.map((a) => (a.kind === 'exact' ? a.value : a.min)) : [])))

/** What in a response body is key material (empty when nothing is); numbers are checked in the quiz's responses. */
const leaks = (url: string, body: string, secrets: ReadonlyArray<string>): ReadonlyArray<string> => {
  const quiz = new URL(url).pathname.startsWith('/api/rounds')
  const found = secrets.filter((s) => body.includes(s)).map((s) => `text ${JSON.stringify(s)}`)
  const walk = (v: unknown, path: string): void => {
    if (quiz && typeof v === 'number' && NUMERIC_KEYS.has(v)) found.push(`number ${v} at ${path}`)
    if (typeof v !== 'object' || v === null) return
    for (const [k, x] of Object.entries(v)) {
      if (!Array.isArray(v) && KEY_FIELDS.includes(k)) found.push(`field ${k} at ${path}`)
      walk(x, `${path}.${k}`)
    }
  }
  try {
    walk(JSON.parse(body), '$')
  } catch {
    // not JSON: the page, the style sheet, the script (the library's code: it holds no bank)
  }
  return found
}

// -------------------------------------------------------------------------------------
// a member at the page
// -------------------------------------------------------------------------------------

const byStem = (stem: string): Question | undefined => BANK.find((q) => stem.includes(textOf(q.stem)))

/** Answer a question on the page rightly, by what it shows (the test holds the bank; the page does not). */
const answerRightly = async (page: Page, handle: string): Promise<void> => {
  const fs = page.locator(`fieldset[data-question="${handle}"]`)
  const q = byStem((await fs.locator('legend').textContent()) ?? '')
  if (q === undefined) throw new Error(`no bank question for ${handle}`)
  const optionText = (id: string): string => {
    const o = q.type === 'single' || q.type === 'multiple' ? q.options.find((x) => x.id === id) : undefined
    return o === undefined ? '' : typeof o.text === 'string' ? o.text : o.text.text
  }
  if (q.type === 'single') await fs.locator('label', { hasText: optionText(q.answer) }).locator('input').check()
  if (q.type === 'multiple') for (const id of q.answer) await fs.locator('label', { hasText: new RegExp(`\\. ${optionText(id)} $`) }).locator('input').check()
  if (q.type === 'judge') await fs.locator('label', { hasText: q.answer ? 'True' : 'False' }).locator('input').check()
  if (q.type === 'blank') await fs.locator('input').first().fill(q.blanks[0]?.accept[0]?.text ?? '')
  if (q.type === 'numerical') await fs.locator('input').fill(String(q.answers[0]?.kind === 'exact' ? q.answers[0].value : 0))
  if (q.type === 'blank' || q.type === 'numerical') await fs.locator('input').first().dispatchEvent('change', { bubbles: true })
  await page.waitForSelector(`fieldset[data-question="${handle}"][data-saved="yes"]`)
}

const shot = (page: Page, name: string): Promise<Buffer> => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true })

describe('the reading room in a browser', () => {
  it('a member takes the daily quiz, the board and the roll change, nothing of the key reaches the page before submission, and the admin sees a broken question at its line', async () => {
    const secret = await (store as Store).secret(() => 'unused')
    const secrets = keyMaterial(secret)
    const page = await (browser as BrowserContext).newPage()
    const bodies: Array<{ url: string; body: string }> = []
    let submitted = false
    page.on('response', (r) => {
      if (!submitted) void r.text().then((body) => bodies.push({ url: r.url(), body }), () => undefined)
    })

    await page.goto(`${base}/index.html?member=${MEMBER}`)
    await shot(page, 'index')
    await page.goto(`${base}/boards.html?member=${MEMBER}`)
    await page.waitForSelector('#board-study')
    expect(await page.locator(`#board-study li[data-subject="${MEMBER}"]`).count()).toBe(0)
    await page.goto(`${base}/roll.html?member=${MEMBER}`)
    await page.waitForSelector('#award-learning-star')
    expect(await page.locator(`#award-learning-star li[data-subject="${MEMBER}"]`).count()).toBe(0)

    await page.goto(`${base}/quiz.html?member=${MEMBER}`)
    await page.waitForSelector('fieldset[data-question]')
    await expect.poll(() => page.locator('#timer').textContent()).toMatch(/Time left: (9|10):\d\d/)
    const handles = await page.locator('fieldset[data-question]').evaluateAll((els) => els.map((e) => e.getAttribute('data-question') ?? ''))
    expect(handles).toHaveLength(5)
    for (const h of handles) await answerRightly(page, h)
    await shot(page, 'quiz')

    // the audit: everything received up to here, before the submission
    await page.waitForLoadState('networkidle')
    submitted = true
    expect(bodies.some((b) => b.url.endsWith('/api/rounds'))).toBe(true)
    expect(bodies.flatMap((b) => leaks(b.url, b.body, secrets).map((l) => `${b.url}: ${l}`))).toEqual([])
    // the audit can see a leak: the result (after submission) carries the right answers and explanations
    await page.click('#submit')
    await page.waitForSelector('#score')
    expect(await page.locator('#score').textContent()).toMatch(/Score: 5 \/ 5/)
    const result = (await page.locator('#result').textContent()) ?? ''
    const shown = BANK.filter((q) => result.includes(textOf(q.stem)))
    expect(shown).toHaveLength(5)
    for (const q of shown) expect(result).toContain(textOf(q.feedback ?? '')) // every explanation, shown now
    await shot(page, 'quiz-result')

    await page.goto(`${base}/points.html?member=${MEMBER}`)
    await page.waitForSelector('#today-table')
    expect(await page.locator('#today-table').textContent()).toMatch(/每日答题 Daily quiz5 \/ 5/)
    await shot(page, 'points')

    await page.goto(`${base}/boards.html?member=${MEMBER}`)
    await page.waitForSelector(`#board-study li[data-subject="${MEMBER}"]`)
    expect(await page.locator(`#board-study li[data-subject="${MEMBER}"]`).textContent()).toMatch(/^1\. .* 5$/)
    expect(await page.locator('#board-groups ul.red li').count()).toBeGreaterThan(0)
    await shot(page, 'boards')

    await page.goto(`${base}/roll.html?member=${MEMBER}`)
    await page.waitForSelector(`#award-learning-star li[data-subject="${MEMBER}"]`)
    expect(await page.locator('#notice').textContent()).toMatch(/Notice window: \d{4}\/\d+\/\d+ – \d{4}\/\d+\/\d+/)
    expect(await page.locator(`#award-learning-star li[data-subject="${MEMBER}"]`).textContent()).toContain('selected: rank 1')
    await shot(page, 'roll')

    const broken = `${GIFT}\n\n// [id:rr-99]\n少了右花括号的题 {=甲 ~乙\n`
    const line = broken.split('\n').length - 1
    await page.goto(`${base}/admin.html?member=${MEMBER}`)
    await page.waitForSelector('#programme-report p')
    expect(await page.locator('#programme-report').textContent()).toContain('No problems')
    await page.setInputFiles('#gift-file', { name: 'broken.gift', mimeType: 'text/plain', buffer: Buffer.from(broken) })
    await expect.poll(() => page.locator('#gift').inputValue()).toContain('少了右花括号')
    await page.click('#upload')
    await page.waitForSelector('#bank-report .problem')
    expect(await page.locator('#bank-report .problem').first().textContent()).toMatch(new RegExp(`^broken\\.gift:${line}:\\d+: expected "}"`))
    await page.fill('#programme', '{ "version": 2, "zone": "Asia/Shanghai", "rules": { "accounts": [], "rules": [] }, "boards": [{ "id": "b" }] }')
    await page.click('#check')
    await page.waitForSelector('#programme-report .problem')
    expect(await page.locator('#programme-report .problem').first().textContent()).toMatch(/^\$\.boards\[0\]/)
    await shot(page, 'admin')
    await page.close()
  })
})
