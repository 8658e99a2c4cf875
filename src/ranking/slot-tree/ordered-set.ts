/**
 * The slot tree over `(key, id)` pairs, each pair given a slot of its own (the live board's index of
 * distinct scores, where the id is always '').
 *
 * @internal
 * @module
 */
import { DEFAULT_FANOUT, makeSlotTree } from './tree.js'

/** @internal */
export interface OrderedSet {
  readonly size: () => number
  /** Insert a pair (nothing happens if it is there already). */
  readonly insert: (key: number, id: string) => void
  readonly remove: (key: number, id: string) => boolean
  /** How many pairs have a key strictly below `key`. */
  readonly countLess: (key: number) => number
  /** How many pairs have a key at or below `key`. */
  readonly countLessEq: (key: number) => number
  /** How many pairs sort before `(key, id)`. */
  readonly position: (key: number, id: string) => number
  /** The pair at a zero-based position, or undefined. */
  readonly at: (i: number) => { readonly key: number; readonly id: string } | undefined
  /** Check sizes, order and depths (for tests); returns the number of pairs. */
  readonly checkOrThrow: () => number
}

/**
 * The same tree over `(key, id)` pairs, each pair given a slot of its own (the live board's index of
 * distinct scores, where the id is always '').
 *
 * @internal
 */
export const makeOrderedSet = (B: number = DEFAULT_FANOUT): OrderedSet => {
  const names: Array<string> = []
  const slots = new Map<string, Map<number, number>>() // id → key → slot
  const free: Array<number> = []
  const tree = makeSlotTree(names, B)
  return {
    size: tree.size,
    insert: (k, id) => {
      let byKey = slots.get(id)
      if (byKey === undefined) {
        byKey = new Map()
        slots.set(id, byKey)
      }
      if (byKey.has(k)) return
      const s = free.pop() ?? names.length
      names[s] = id
      byKey.set(k, s)
      tree.insert(k, s)
    },
    remove: (k, id) => {
      const byKey = slots.get(id)
      const s = byKey?.get(k)
      if (byKey === undefined || s === undefined) return false
      byKey.delete(k)
      if (byKey.size === 0) slots.delete(id)
      tree.remove(s)
      free.push(s)
      return true
    },
    countLess: tree.countLess,
    countLessEq: tree.countLessEq,
    position: tree.countBefore,
    at: (i) => {
      let out: { readonly key: number; readonly id: string } | undefined
      tree.scan(i, 1, (key, s) => {
        out = { key, id: names[s] as string }
      })
      return out
    },
    checkOrThrow: tree.checkOrThrow
  }
}
