// One edit of a JSON-like document at one path, shared by the fuzz of every decoder (test/fixed) and the
// schema-versus-decoder property (test/schemas): replace the value there, delete it, or add a key to the
// object there (as an own property, so `__proto__` is a key and not a prototype).
export type Edit =
  | { readonly _tag: 'replace'; readonly value: unknown }
  | { readonly _tag: 'add'; readonly key: string; readonly value: unknown }
  | { readonly _tag: 'delete' }

/** `root` with the edit applied at `path` (mutated in place, except a replaced root); the result. */
export const applyEdit = (root: unknown, path: ReadonlyArray<string | number>, e: Edit): unknown => {
  if (path.length === 0) return e._tag === 'replace' ? e.value : root
  let parent = root as Record<string | number, unknown>
  for (const seg of path.slice(0, -1)) parent = parent[seg] as Record<string | number, unknown>
  const last = path[path.length - 1] as string | number
  if (e._tag === 'replace') parent[last] = e.value
  else if (e._tag === 'delete') {
    if (Array.isArray(parent)) parent.splice(last as number, 1)
    else delete parent[last]
  } else {
    const target = parent[last]
    if (target !== null && typeof target === 'object' && !Array.isArray(target)) Object.defineProperty(target, e.key, { value: e.value, enumerable: true, writable: true, configurable: true })
  }
  return root
}
