/**
 * An AVL tree of (tag, tag2, ref) entries ordered by the key's table hash
 * (`tag`), then a second hash of another family (`tag2`, see `hash2` in
 * ../hash.ts), then the key itself (the owner's string at `ref`): the third
 * level of the string table (strtable.ts), for the keys whose homes at both
 * of its table levels (overflow.ts) ids chosen to collide have crowded. Keys
 * that share a first hash but differ in `tag2` (a second-level home crowded
 * by distinct second hashes) are told apart by integers; ids crafted against
 * both hashes still cost O(log n) string comparisons, never O(n).
 *
 * Nodes live in one `Int32Array` (no object per node, nothing for the
 * garbage collector): node i is `nodes[N * i .. N * i + N)`; node 0 is the
 * empty tree; removed nodes are reused.
 *
 * @module
 * @internal
 */

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A mutable tree, owned by one table.
 *
 * @category model
 */
export interface Tree {
  nodes: Int32Array
  /** Nodes used so far (node 0, the empty tree, included). */
  used: number
  /** The first reusable node (linked through LEFT), 0: none. */
  free: number
  root: number
  /** Entries. */
  size: number
}

/** The key at a ref: the owner's keys (`source`) read by a module-level function. */
export type KeyOf<S> = (source: S, ref: number) => string

const N = 6
const TAG = 0
const TAG2 = 1
const REF = 2
const LEFT = 3
const RIGHT = 4
const HEIGHT = 5

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * The empty tree.
 *
 * @category constructors
 */
export const emptyTree = (): Tree => ({ nodes: new Int32Array(0), used: 1, free: 0, root: 0, size: 0 })

/**
 * A copy sharing nothing with its source.
 *
 * @category constructors
 */
export const treeCopy = (t: Tree): Tree => ({ nodes: t.nodes.slice(), used: t.used, free: t.free, root: t.root, size: t.size })

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

const get = (t: Tree, n: number, field: number): number => t.nodes[N * n + field] as number

const set = (t: Tree, n: number, field: number, v: number): void => {
  t.nodes[N * n + field] = v
}

const heightOf = (t: Tree, n: number): number => (n === 0 ? 0 : get(t, n, HEIGHT))

const fix = (t: Tree, n: number): void => set(t, n, HEIGHT, 1 + Math.max(heightOf(t, get(t, n, LEFT)), heightOf(t, get(t, n, RIGHT))))

const rotateRight = (t: Tree, n: number): number => {
  const l = get(t, n, LEFT)
  set(t, n, LEFT, get(t, l, RIGHT))
  set(t, l, RIGHT, n)
  fix(t, n)
  fix(t, l)
  return l
}

const rotateLeft = (t: Tree, n: number): number => {
  const r = get(t, n, RIGHT)
  set(t, n, RIGHT, get(t, r, LEFT))
  set(t, r, LEFT, n)
  fix(t, n)
  fix(t, r)
  return r
}

/** Node `n` after one of its subtrees changed height by one: rotated back to AVL balance; the subtree's root. */
const rebalance = (t: Tree, n: number): number => {
  fix(t, n)
  const l = get(t, n, LEFT)
  const r = get(t, n, RIGHT)
  const balance = heightOf(t, l) - heightOf(t, r)
  if (balance > 1) {
    if (heightOf(t, get(t, l, LEFT)) < heightOf(t, get(t, l, RIGHT))) set(t, n, LEFT, rotateLeft(t, l))
    return rotateRight(t, n)
  }
  if (balance < -1) {
    if (heightOf(t, get(t, r, RIGHT)) < heightOf(t, get(t, r, LEFT))) set(t, n, RIGHT, rotateRight(t, r))
    return rotateLeft(t, n)
  }
  return n
}

/** Negative, 0 or positive as (tag, tag2, key) sorts before, with or after node n's entry. */
const order = <S>(t: Tree, n: number, tag: number, tag2: number, key: string, source: S, keyOf: KeyOf<S>): number => {
  const a = get(t, n, TAG)
  if (tag !== a) return tag < a ? -1 : 1
  const b = get(t, n, TAG2)
  if (tag2 !== b) return tag2 < b ? -1 : 1
  const other = keyOf(source, get(t, n, REF))
  return key === other ? 0 : key < other ? -1 : 1
}

/**
 * The ref of a key, or -1.
 *
 * @category utilities
 */
export const treeFind = <S>(t: Tree, tag: number, tag2: number, key: string, source: S, keyOf: KeyOf<S>): number => {
  for (let n = t.root; n !== 0; ) {
    const c = order(t, n, tag, tag2, key, source, keyOf)
    if (c === 0) return get(t, n, REF)
    n = get(t, n, c < 0 ? LEFT : RIGHT)
  }
  return -1
}

/**
 * The nodes a look-up of a key visits (its cost in comparisons).
 *
 * @category utilities
 */
export const treeVisits = <S>(t: Tree, tag: number, tag2: number, key: string, source: S, keyOf: KeyOf<S>): number => {
  let visits = 0
  for (let n = t.root; n !== 0; ) {
    visits++
    const c = order(t, n, tag, tag2, key, source, keyOf)
    if (c === 0) break
    n = get(t, n, c < 0 ? LEFT : RIGHT)
  }
  return visits
}

const newNode = (t: Tree, tag: number, tag2: number, ref: number): number => {
  let n = t.free
  if (n !== 0) t.free = get(t, n, LEFT)
  else {
    n = t.used++
    if (N * t.used > t.nodes.length) {
      const grown = new Int32Array(Math.max(N * 16, 2 * t.nodes.length))
      grown.set(t.nodes)
      t.nodes = grown
    }
  }
  const at = N * n
  t.nodes[at + TAG] = tag
  t.nodes[at + TAG2] = tag2
  t.nodes[at + REF] = ref
  t.nodes[at + LEFT] = 0
  t.nodes[at + RIGHT] = 0
  t.nodes[at + HEIGHT] = 1
  return n
}

/**
 * Add a key that is absent (at `ref`).
 *
 * @category utilities
 */
export const treeInsert = <S>(t: Tree, tag: number, tag2: number, key: string, ref: number, source: S, keyOf: KeyOf<S>): void => {
  const insert = (n: number): number => {
    if (n === 0) return newNode(t, tag, tag2, ref)
    const side = order(t, n, tag, tag2, key, source, keyOf) < 0 ? LEFT : RIGHT
    set(t, n, side, insert(get(t, n, side)))
    return rebalance(t, n)
  }
  t.root = insert(t.root)
  t.size++
}

/** The subtree without its least node, whose index goes to `out[0]`. */
const withoutMin = (t: Tree, n: number, out: Array<number>): number => {
  const l = get(t, n, LEFT)
  if (l === 0) {
    out[0] = n
    return get(t, n, RIGHT)
  }
  set(t, n, LEFT, withoutMin(t, l, out))
  return rebalance(t, n)
}

/**
 * Remove a key; false if it was absent.
 *
 * @category utilities
 */
export const treeRemove = <S>(t: Tree, tag: number, tag2: number, key: string, source: S, keyOf: KeyOf<S>): boolean => {
  let found = false
  const remove = (n: number): number => {
    if (n === 0) return 0
    const c = order(t, n, tag, tag2, key, source, keyOf)
    if (c !== 0) {
      const side = c < 0 ? LEFT : RIGHT
      set(t, n, side, remove(get(t, n, side)))
      return rebalance(t, n)
    }
    found = true
    const l = get(t, n, LEFT)
    const r = get(t, n, RIGHT)
    set(t, n, LEFT, t.free)
    t.free = n
    if (l === 0) return r
    if (r === 0) return l
    const out = [0]
    const rest = withoutMin(t, r, out)
    const m = out[0] as number
    set(t, m, LEFT, l)
    set(t, m, RIGHT, rest)
    return rebalance(t, m)
  }
  t.root = remove(t.root)
  if (found) t.size--
  return found
}

/**
 * Call `f` with each entry's (tag, tag2, ref), in order.
 *
 * @category utilities
 */
export const treeEach = (t: Tree, f: (tag: number, tag2: number, ref: number) => void): void => {
  // An explicit stack: the height is O(log n), but no recursion is needed to walk it.
  const stack: Array<number> = []
  for (let n = t.root; n !== 0 || stack.length > 0; ) {
    while (n !== 0) {
      stack.push(n)
      n = get(t, n, LEFT)
    }
    const top = stack.pop() as number
    f(get(t, top, TAG), get(t, top, TAG2), get(t, top, REF))
    n = get(t, top, RIGHT)
  }
}
