/**
 * How the store's columns grow. The store's growing columns are plain arrays
 * of numbers (unboxed doubles or small integers, on the JS heap) rather than
 * typed arrays: V8 starts a full garbage collection each time typed-array
 * memory grows by 64 MB, and with a host's million operations on the heap
 * each of those cost a tenth of a batch. Only the request table and the log's
 * entry column, sized once per batch, are typed arrays.
 *
 * @module
 * @internal
 */

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/** A typed column (sized once per batch, see `grown`). */
export type Column = Float64Array | Int32Array | Uint8Array

/**
 * Make a column at least `n` long (doubling): its cells past the count in use
 * are holes, never read. Growing by length rather than by `push` allocates
 * twice the final size in all, not three times (V8 grows a pushed array by half).
 *
 * @category utilities
 */
export const room = (c: Array<number>, n: number): void => {
  if (c.length < n) c.length = Math.max(n, 2 * c.length, 64)
}

/**
 * A typed column at least `n` long (doubled), new cells filled with `fill`.
 *
 * @category utilities
 */
export const grown = <C extends Column>(c: C, n: number, fill: number): C => {
  if (n <= c.length) return c
  let len = Math.max(64, c.length * 2)
  while (len < n) len *= 2
  const next = new (c.constructor as new (n: number) => C)(len)
  next.set(c)
  if (fill !== 0) next.fill(fill, c.length)
  return next
}
