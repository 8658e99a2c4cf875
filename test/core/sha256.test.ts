import { describe, expect, it } from 'vitest'
import { hmacBytes, hmacSha256, keyedSeed, sha256 } from '../../src/core/internal.js'

const bytes = (hex: string): Uint8Array => Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16))
const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0))

describe('sha256 (NIST FIPS 180-4 examples)', () => {
  it('hashes the standard vectors', () => {
    expect(sha256('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    expect(sha256('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1')
    expect(sha256('abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu')).toBe(
      'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1'
    )
    expect(sha256('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0')
  })
  it('reads strings as UTF-8 (padding edges at 55, 56 and 64 bytes too)', () => {
    expect(sha256('中')).toBe('a567bdaa11367f260f0708391f4d10766b5962f565d9e432f17981a3584fe1e2')
    expect(sha256('😀')).toBe('f0443a342c5ef54783a111b51ba56c938e474c32324d90c3a60c9c8e3a37e2d9')
    expect(sha256('\ud800')).toBe(sha256('\ufffd'))
    expect(sha256('a'.repeat(55))).toBe('9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318')
    expect(sha256('a'.repeat(56))).toBe('b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a')
    expect(sha256('a'.repeat(64))).toBe('ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb')
  })
})

describe('hmacSha256 (RFC 4231 test cases)', () => {
  it('case 1', () => expect(hmacBytes(bytes('0b'.repeat(20)), ascii('Hi There'))).toBe('b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7'))
  it('case 2', () => expect(hmacSha256('Jefe', 'what do ya want for nothing?')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'))
  it('case 3', () => expect(hmacBytes(bytes('aa'.repeat(20)), bytes('dd'.repeat(50)))).toBe('773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe'))
  it('case 4', () =>
    expect(hmacBytes(bytes('0102030405060708090a0b0c0d0e0f10111213141516171819'), bytes('cd'.repeat(50)))).toBe('82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b'))
  it('case 6 (a key longer than a block)', () =>
    expect(hmacBytes(bytes('aa'.repeat(131)), ascii('Test Using Larger Than Block-Size Key - Hash Key First'))).toBe('60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54'))
  it('case 7', () =>
    expect(
      hmacBytes(
        bytes('aa'.repeat(131)),
        ascii('This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.')
      )
    ).toBe('9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2'))
})

describe('keyedSeed', () => {
  it('depends on the secret and on every part', () => {
    const a = keyedSeed('secret-aaaaaaaaaaaa', 'p', 'm')
    expect(a).toBe(keyedSeed('secret-aaaaaaaaaaaa', 'p', 'm'))
    expect(a).not.toBe(keyedSeed('secret-aaaaaaaaaaab', 'p', 'm'))
    expect(a).not.toBe(keyedSeed('secret-aaaaaaaaaaaa', 'pm'))
    expect(a).toMatch(/^[0-9a-f]{64}$/)
  })
})
