/**
 * SHA-256 and HMAC-SHA256 in plain TypeScript (FIPS 180-4, RFC 2104): the
 * same digest in Node and in any browser, without Node's `crypto` or an
 * asynchronous Web Crypto call. Inputs are strings, read as UTF-8; outputs
 * are lowercase hex. Used to derive per-paper keys from a server secret.
 *
 * @module
 */

// -------------------------------------------------------------------------------------
// internals
// -------------------------------------------------------------------------------------

const K = /*#__PURE__*/ new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
])

// One encoder for the module: `TextEncoder` is stateless (UTF-8, a lone surrogate becomes U+FFFD) and
// present in Node and every browser.
const ENCODER = /*#__PURE__*/ new TextEncoder()

/** UTF-8 bytes of a string; a lone surrogate becomes U+FFFD. */
const utf8 = (s: string): Uint8Array => ENCODER.encode(s)

// The compression function over the 64-byte blocks of `buf` from `from` to `to`, updating `h` in place
// (`w` is scratch for the message schedule). All arithmetic stays in signed 32-bit integers (`| 0`, and
// `Int32Array` storage): `>>> 0` results above 2^31 are heap numbers in V8, and made the digest 2.5x slower.
const compress = (h: Int32Array, w: Int32Array, buf: Uint8Array, from: number, to: number): void => {
  let h0 = h[0] as number, h1 = h[1] as number, h2 = h[2] as number, h3 = h[3] as number
  let h4 = h[4] as number, h5 = h[5] as number, h6 = h[6] as number, h7 = h[7] as number
  for (let off = from; off < to; off += 64) {
    for (let t = 0; t < 16; t++) {
      const i = off + (t << 2)
      w[t] = ((buf[i] as number) << 24) | ((buf[i + 1] as number) << 16) | ((buf[i + 2] as number) << 8) | (buf[i + 3] as number)
    }
    for (let t = 16; t < 64; t++) {
      const x = w[t - 15] as number
      const y = w[t - 2] as number
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10)
      w[t] = ((w[t - 16] as number) + s0 + (w[t - 7] as number) + s1) | 0
    }
    let a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, k = h7
    for (let t = 0; t < 64; t++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))
      const ch = g ^ (e & (f ^ g))
      const t1 = (k + S1 + ch + (K[t] as number) + (w[t] as number)) | 0
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))
      const maj = (a & b) | (c & (a | b))
      const t2 = (S0 + maj) | 0
      k = g
      g = f
      f = e
      e = (d + t1) | 0
      d = c
      c = b
      b = a
      a = (t1 + t2) | 0
    }
    h0 = (h0 + a) | 0
    h1 = (h1 + b) | 0
    h2 = (h2 + c) | 0
    h3 = (h3 + d) | 0
    h4 = (h4 + e) | 0
    h5 = (h5 + f) | 0
    h6 = (h6 + g) | 0
    h7 = (h7 + k) | 0
  }
  h[0] = h0
  h[1] = h1
  h[2] = h2
  h[3] = h3
  h[4] = h4
  h[5] = h5
  h[6] = h6
  h[7] = h7
}

// A buffer for a message of `len` bytes after `prefix` bytes, with SHA-256's padding written (the 0x80
// byte, zeros, the bit length).
const padded = (prefix: number, len: number): Uint8Array => {
  const all = prefix + len
  const buf = new Uint8Array(Math.ceil((all + 9) / 64) * 64)
  pad(buf, all)
  return buf
}

// Write SHA-256's padding after `all` message bytes of a zeroed buffer; the padded length.
const pad = (buf: Uint8Array, all: number): number => {
  const total = Math.ceil((all + 9) / 64) * 64
  buf[all] = 0x80
  const bits = all * 8
  const hi = Math.floor(bits / 2 ** 32)
  const lo = bits >>> 0
  for (let i = 0; i < 4; i++) {
    buf[total - 8 + i] = (hi >>> (24 - 8 * i)) & 255
    buf[total - 4 + i] = (lo >>> (24 - 8 * i)) & 255
  }
  return total
}

// A string's UTF-8 bytes written straight into a zeroed buffer after `prefix` bytes, padded (no second
// copy, no pass to count the bytes first: the buffer has room for 3 bytes per UTF-16 code unit, the most
// UTF-8 takes), and the padded length.
const paddedUtf8 = (prefix: number, s: string): readonly [Uint8Array, number] => {
  const buf = new Uint8Array(Math.ceil((prefix + 3 * s.length + 9) / 64) * 64)
  const { written } = ENCODER.encodeInto(s, buf.subarray(prefix))
  return [buf, pad(buf, prefix + written)]
}

const IV = /*#__PURE__*/ new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19])

// The digest of the first `total` bytes of a padded buffer (see `padded`), as 32 bytes.
const digestPadded = (buf: Uint8Array, total = buf.length): Uint8Array => {
  const h = IV.slice()
  compress(h, new Int32Array(64), buf, 0, total)
  const out = new Uint8Array(32)
  for (let i = 0; i < 8; i++) {
    const x = h[i] as number
    out[i * 4] = x >>> 24
    out[i * 4 + 1] = (x >>> 16) & 255
    out[i * 4 + 2] = (x >>> 8) & 255
    out[i * 4 + 3] = x & 255
  }
  return out
}

const digestBytes = (msg: Uint8Array): Uint8Array => {
  const buf = padded(0, msg.length)
  buf.set(msg)
  return digestPadded(buf)
}

// HMAC over a message already in a padded buffer after a 64-byte gap for the inner key block.
const hmacPadded = (key: Uint8Array, inner: Uint8Array, total = inner.length): string => {
  const k = key.length > 64 ? digestBytes(key) : key
  const outer = padded(64, 32)
  for (let i = 0; i < 64; i++) {
    const b = i < k.length ? (k[i] as number) : 0
    inner[i] = b ^ 0x36
    outer[i] = b ^ 0x5c
  }
  outer.set(digestPadded(inner, total), 64)
  return hex(digestPadded(outer))
}

const HEX = /*#__PURE__*/ Array.from({ length: 256 }, (_, i) => (i < 16 ? '0' : '') + i.toString(16))

const hex = (b: Uint8Array): string => {
  let s = ''
  for (let i = 0; i < b.length; i++) s += HEX[b[i] as number] as string
  return s
}

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/**
 * The SHA-256 digest of a string (read as UTF-8), in lowercase hex.
 *
 * @category utilities
 * @example
 * sha256('abc') // => 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 */
export const sha256 = (message: string): string => hex(digestPadded(...paddedUtf8(0, message)))

/**
 * HMAC-SHA256 (RFC 2104) of a message under a key, both strings read as UTF-8, in lowercase hex.
 *
 * @category utilities
 * @example
 * hmacSha256('key', 'The quick brown fox jumps over the lazy dog')
 * // => 'f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8'
 */
export const hmacSha256 = (key: string, message: string): string => hmacPadded(utf8(key), ...paddedUtf8(64, message))

/**
 * HMAC-SHA256 with the key and message given as bytes (for test vectors with binary keys), in lowercase hex.
 *
 * @category utilities
 * @example
 * hmacBytes(new Uint8Array(20).fill(0x0b), new TextEncoder().encode('Hi There'))
 * // => 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7'
 */
export const hmacBytes = (key: Uint8Array, message: Uint8Array): string => {
  const inner = padded(64, message.length)
  inner.set(message, 64)
  return hmacPadded(key, inner)
}
