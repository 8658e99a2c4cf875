import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import { decode, decodeJsonLines, decodeJsonLinesFrom, lineSplitter, linesOf, type JsonLine } from '../../src/core/internal.js'
import { decodeEventsJsonl, decodeEventsJsonlFrom } from '../../src/rules/internal.js'
import { decodeBankOpsJsonl, decodeBankOpsJsonlFrom } from '../../src/bank/internal.js'

const num = (u: unknown) => decode(t.number)(u)
const summary = (rs: Iterable<JsonLine<number>>): ReadonlyArray<string> =>
  [...rs].map((r) => (r._tag === 'Accepted' ? `${r.index}=${r.value}` : `${r.index}!${r.problems.map((p) => p.code).join(',')}`))
async function* later(chunks: ReadonlyArray<string>): AsyncGenerator<string> {
  for (const c of chunks) yield await Promise.resolve(c)
}
const event = (id: string): string => JSON.stringify({ id, type: 'login', member: 'm-1', at: '2021-07-01T08:00:00+08:00' })

describe('issue #14: JSON Lines from chunks', () => {
  it('numbers lines across chunk boundaries, a CRLF split between chunks, blank lines and a last line without newline', () => {
    const chunks = ['1\r', '\n\r\n  \n{oo', 'ps\r\n', '3', '0\n\n4']
    expect(summary(decodeJsonLinesFrom(num)(chunks, 'n.jsonl'))).toEqual(['1=1', '4!syntax', '5=30', '7=4'])
    const bad = [...decodeJsonLinesFrom(num)(chunks, 'n.jsonl')][1]
    expect(bad?._tag === 'Rejection' && bad.text).toBe('{oops')
    expect(bad?._tag === 'Rejection' && bad.problems[0]?.at).toEqual({ _tag: 'TextPosition', file: 'n.jsonl', line: 4, column: 2 })
  })

  it('gives asynchronous chunks the same results, one by one', async () => {
    const chunks = ['1\r', '\n\r\n  \n{oo', 'ps\r\n', '3', '0\n\n4']
    const out: Array<JsonLine<number>> = []
    for await (const r of decodeJsonLinesFrom(num)(later(chunks), 'n.jsonl')) out.push(r)
    expect(out).toEqual([...decodeJsonLinesFrom(num)(chunks, 'n.jsonl')])
  })

  it('accepts a UTF-8 byte order mark at the start of the text, in its own chunk too, and only there', () => {
    expect(decodeJsonLines(num)('\uFEFF1\n2\n')).toEqual({ values: [1, 2], rejections: [] })
    expect(summary(decodeJsonLinesFrom(num)(['', '\uFEFF', '1\n\uFEFF2\n']))).toEqual(['1=1', '2!syntax'])
  })

  it('reports a line over the length bound by its length, without keeping it, and goes on', () => {
    const long = 'x'.repeat(50)
    const rs = [...decodeJsonLinesFrom(num, { maxLineLength: 20 })([`1\n"${long.slice(0, 10)}`, `${long}"\r\n3`], 'n.jsonl')]
    expect(summary(rs as Iterable<JsonLine<number>>)).toEqual(['1=1', '2!range', '3=3'])
    const r = rs[1]
    expect(r?._tag === 'Rejection' && r.problems[0]?.received.en).toBe('a line of 62 characters')
    // a line of exactly the bound, with its \r\n split between chunks, is kept
    expect(summary(decodeJsonLinesFrom(num, { maxLineLength: 3 })(['123\r', '\n']))).toEqual(['1=123'])
  })

  it('the string API reads chunks too, and the events and operations decoders stream', async () => {
    expect(decodeJsonLines(num)(['1\n', '2'])).toEqual({ values: [1, 2], rejections: [] })
    const text = `${event('e1')}\n{oops\n${event('e2')}`
    const chunks = [text.slice(0, 30), text.slice(30, 61), text.slice(61)]
    expect(decodeEventsJsonl(chunks)).toEqual(decodeEventsJsonl(text))
    const streamed: Array<string> = []
    for await (const r of decodeEventsJsonlFrom(later(chunks))) streamed.push(`${r._tag}${r.index}`)
    expect(streamed).toEqual(['Accepted1', 'Rejection2', 'Accepted3'])
    const op = '{"_tag":"earn","request":"g-1","at":0,"subject":"m-9","account":"moral","points":12}'
    expect([...decodeBankOpsJsonlFrom([op.slice(0, 9), `${op.slice(9)}\n{`])].map((r) => r._tag)).toEqual(['Accepted', 'Rejection'])
    expect(decodeBankOpsJsonl([op.slice(0, 9), op.slice(9)]).values.length).toBe(1)
  })

  it('reads UTF-8 bytes, a character cut between chunks kept whole, a BOM dropped', () => {
    const bytes = new TextEncoder().encode('\uFEFF"学习"\n"a"')
    const rs = [...decodeJsonLinesFrom((u) => decode(t.string)(u))([bytes.subarray(0, 2), bytes.subarray(2, 6), bytes.subarray(6)])]
    expect(rs.map((r) => r._tag === 'Accepted' && r.value)).toEqual(['学习', 'a'])
  })

  it('lineSplitter keeps only the unfinished line between pushes', () => {
    const s = lineSplitter()
    expect(s.push('a\nb')).toEqual([{ _tag: 'Line', number: 1, text: 'a' }])
    expect(s.push('c\r')).toEqual([])
    expect(s.end()).toEqual([{ _tag: 'Line', number: 2, text: 'bc' }])
    expect([...linesOf('x\n')]).toEqual([{ _tag: 'Line', number: 1, text: 'x' }])
  })

  it('keeps the Rejection shape of the string API (no line text)', () => {
    const b = decodeJsonLines(num)('"a"\n')
    expect(E.isRight(num(1))).toBe(true)
    expect(Object.keys(b.rejections[0] ?? {}).sort()).toEqual(['_tag', 'index', 'input', 'problems'])
  })
})
