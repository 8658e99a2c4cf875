/**
 * Exhaustiveness by construction: the end of a `switch` over a union that
 * must handle every member. `unhandled(x, fallback)` compiles only where `x`
 * has been narrowed to `never` (every member has its case), so a new member
 * of the union is a compile error at every such switch instead of a silent
 * default; at run time (a value that bypassed the types) it gives the
 * fallback, never a throw.
 *
 * @internal
 * @module
 */

/**
 * The value of a `switch`'s `default:` that no typed value reaches.
 *
 * @internal
 * @example
 * const words = (k: 'a' | 'b'): string => {
 *   switch (k) {
 *     case 'a': return 'A'
 *     case 'b': return 'B'
 *     default: return unhandled(k, '?') // a third member of the union makes this line a compile error
 *   }
 * }
 */
export const unhandled = <A>(_: never, fallback: A): A => fallback
