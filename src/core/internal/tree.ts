/**
 * An immutable AVL tree of (hash, ref) entries ordered by hash, then by key
 * (the owner's string at `ref`, read through `keyAt`): the ordered fallback
 * of the string table (see strtable.ts) for homes that ids chosen to collide
 * have crowded. Every operation is O(log n) comparisons whatever the keys,
 * and copies only the path it changes, so a table copy can share its tree.
 *
 * @module
 * @internal
 */

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** @internal */
export interface TreeNode {
  readonly tag: number
  readonly ref: number
  readonly left: Tree
  readonly right: Tree
  readonly height: number
}

/** @internal */
export type Tree = TreeNode | undefined

/** The string at a ref of the table's owner. */
export type KeyAt = (ref: number) => string

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

const heightOf = (t: Tree): number => (t === undefined ? 0 : t.height)

const node = (tag: number, ref: number, left: Tree, right: Tree): TreeNode => ({
  tag,
  ref,
  left,
  right,
  height: Math.max(heightOf(left), heightOf(right)) + 1
})

/** A node over two subtrees whose heights differ by at most 2, rotated back to AVL balance. */
const balanced = (tag: number, ref: number, left: Tree, right: Tree): TreeNode => {
  const hl = heightOf(left)
  const hr = heightOf(right)
  if (hl > hr + 1 && left !== undefined) {
    if (heightOf(left.left) >= heightOf(left.right)) return node(left.tag, left.ref, left.left, node(tag, ref, left.right, right))
    const lr = left.right as TreeNode
    return node(lr.tag, lr.ref, node(left.tag, left.ref, left.left, lr.left), node(tag, ref, lr.right, right))
  }
  if (hr > hl + 1 && right !== undefined) {
    if (heightOf(right.right) >= heightOf(right.left)) return node(right.tag, right.ref, node(tag, ref, left, right.left), right.right)
    const rl = right.left as TreeNode
    return node(rl.tag, rl.ref, node(tag, ref, left, rl.left), node(right.tag, right.ref, rl.right, right.right))
  }
  return node(tag, ref, left, right)
}

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/** Negative, 0 or positive as (tag, key) sorts before, with or after the node's entry. */
const order = (tag: number, key: string, n: TreeNode, keyAt: KeyAt): number => {
  if (tag !== n.tag) return tag < n.tag ? -1 : 1
  const other = keyAt(n.ref)
  return key === other ? 0 : key < other ? -1 : 1
}

/**
 * The ref of a key, or -1.
 *
 * @internal
 */
export const treeFind = (t: Tree, tag: number, key: string, keyAt: KeyAt): number => {
  while (t !== undefined) {
    const c = order(tag, key, t, keyAt)
    if (c === 0) return t.ref
    t = c < 0 ? t.left : t.right
  }
  return -1
}

/**
 * The nodes a look-up of a key visits (its cost in comparisons).
 *
 * @internal
 */
export const treeVisits = (t: Tree, tag: number, key: string, keyAt: KeyAt): number => {
  let visits = 0
  while (t !== undefined) {
    visits++
    const c = order(tag, key, t, keyAt)
    if (c === 0) return visits
    t = c < 0 ? t.left : t.right
  }
  return visits
}

/**
 * The tree with (tag, key) at `ref` (replacing the ref if the key is there).
 *
 * @internal
 */
export const treeInsert = (t: Tree, tag: number, key: string, ref: number, keyAt: KeyAt): TreeNode => {
  if (t === undefined) return node(tag, ref, undefined, undefined)
  const c = order(tag, key, t, keyAt)
  if (c === 0) return node(tag, ref, t.left, t.right)
  return c < 0 ? balanced(t.tag, t.ref, treeInsert(t.left, tag, key, ref, keyAt), t.right) : balanced(t.tag, t.ref, t.left, treeInsert(t.right, tag, key, ref, keyAt))
}

const withoutMin = (t: TreeNode): Tree => (t.left === undefined ? t.right : balanced(t.tag, t.ref, withoutMin(t.left), t.right))

const minOf = (t: TreeNode): TreeNode => (t.left === undefined ? t : minOf(t.left))

/**
 * The tree without a key (the same tree if it is absent).
 *
 * @internal
 */
export const treeRemove = (t: Tree, tag: number, key: string, keyAt: KeyAt): Tree => {
  if (t === undefined) return undefined
  const c = order(tag, key, t, keyAt)
  if (c < 0) {
    const left = treeRemove(t.left, tag, key, keyAt)
    return left === t.left ? t : balanced(t.tag, t.ref, left, t.right)
  }
  if (c > 0) {
    const right = treeRemove(t.right, tag, key, keyAt)
    return right === t.right ? t : balanced(t.tag, t.ref, t.left, right)
  }
  if (t.left === undefined) return t.right
  if (t.right === undefined) return t.left
  const next = minOf(t.right)
  return balanced(next.tag, next.ref, t.left, withoutMin(t.right))
}

/**
 * Call `f` with each entry's (tag, ref), in order.
 *
 * @internal
 */
export const treeEach = (t: Tree, f: (tag: number, ref: number) => void): void => {
  // An explicit stack: the height is O(log n), but no recursion is needed to walk it.
  const stack: Array<TreeNode> = []
  for (let n = t; n !== undefined || stack.length > 0; ) {
    while (n !== undefined) {
      stack.push(n)
      n = n.left
    }
    const top = stack.pop() as TreeNode
    f(top.tag, top.ref)
    n = top.right
  }
}
