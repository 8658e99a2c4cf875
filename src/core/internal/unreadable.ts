/**
 * Reading a value a host handed over that may be hostile: a Proxy whose traps
 * throw, a revoked Proxy, a getter that throws. Decoders that read a value by
 * hand (outside `decode`, which guards itself) read it through `readOr`, so a
 * throw becomes the one `internal` problem at the value's path.
 */
import { at, problem, text, type PathSegment, type Problem } from '../errors.js'

/** What a decoder expected where reading the value threw. */
export const UNREADABLE = text('a value that can be read (reading this one failed)', '可读取的值（读取此值时出错）')

/** The problem for a value at `path` whose reading threw. */
export const unreadable = (path: ReadonlyArray<PathSegment>): Problem => problem('internal', at(path), UNREADABLE, undefined)

/** `read()`, or `fallback(problem)` when reading throws. */
export const readOr = <A>(read: () => A, path: ReadonlyArray<PathSegment>, fallback: (p: Problem) => A): A => {
  try {
    return read()
  } catch {
    return fallback(unreadable(path))
  }
}
