// The core runs unchanged in a browser: Debian's Chromium, driven by playwright-core,
// runs the bundled core and must compute exactly what Node computes.
import { existsSync } from 'node:fs'
import { build } from 'esbuild'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolve } from 'node:path'
import { compute, computeModules, computeProgramme } from './entry.js'

const CHROMIUM = '/usr/bin/chromium'
const ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
let browser: Browser | undefined

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`browser tests need Debian's chromium at ${CHROMIUM}: apt-get install -y chromium`)
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS })
})

afterAll(async () => {
  await browser?.close()
})

describe('in a browser', () => {
  it('computes calendar keys, seeded draws, error texts, a seeded paper and a ledger fold byte for byte as Node does', async () => {
    const bundle = await build({
      entryPoints: [resolve(__dirname, 'entry.ts')],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      globalName: 'moralBankProbe',
      write: false,
      logLevel: 'silent',
      // the example park imports the package by name, as users do: here that name means the sources
      alias: { 'moral-bank': resolve(__dirname, '../../src') }
    })
    const code = bundle.outputFiles[0]?.text ?? ''
    expect(code).not.toMatch(/require\(["']node:/)
    const page = await (browser as Browser).newPage()
    await page.setContent('<!doctype html><title>probe</title>')
    await page.addScriptTag({ content: code })
    const inBrowser = await page.evaluate(() => (globalThis as unknown as { moralBankProbe: { compute: () => string } }).moralBankProbe.compute())
    expect(inBrowser).toBe(compute())
    expect(JSON.parse(inBrowser).keys).toHaveLength(1600)
    const modules = await page.evaluate(() => (globalThis as unknown as { moralBankProbe: { computeModules: () => string } }).moralBankProbe.computeModules())
    expect(modules).toBe(computeModules())
    expect(JSON.parse(modules).entries.length).toBeGreaterThan(50)
    // issue 16: the whole programme, run and appended, publishes the same bytes
    const programme = await page.evaluate(() => (globalThis as unknown as { moralBankProbe: { computeProgramme: () => string } }).moralBankProbe.computeProgramme())
    const inNode = computeProgramme()
    expect(programme).toBe(inNode)
    const parsed = JSON.parse(inNode) as { month: { boards: ReadonlyArray<unknown>; roll: { categories: ReadonlyArray<unknown> } }; appended: unknown }
    expect(parsed.month.boards.length).toBe(4)
    expect(parsed.month.roll.categories.length).toBeGreaterThan(5)
  })
})
