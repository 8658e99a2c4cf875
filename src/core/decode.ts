/**
 * Decoding helpers around io-ts: run a codec on untrusted input and get every
 * problem as a `Problem` with its JSON path; reject prototype-polluting keys
 * anywhere; never throw. Also strict object codecs (unknown keys are errors,
 * not silently dropped) and codecs for the core types.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { at, problem, prefixPath, text, type PathSegment, type Problem, type ProblemCode, type Text } from './errors.js'
import { idProblem, type Id } from './ids.js'
import { instant as readInstant, type Instant } from './instant.js'
import { isPoints, type Points } from './points.js'
import { jsonErrorOffset } from './json.js'
import { zone as readZone, type Zone } from './calendar.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The result of decoding: every problem found, or the value.
 *
 * @category model
 */
export type Decoded<A> = E.Either<ReadonlyArray<Problem>, A>

/**
 * Keys refused anywhere in input, because assigning them can pollute prototypes.
 *
 * @category model
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = /*#__PURE__*/ new Set(['__proto__', 'constructor', 'prototype'])

// -------------------------------------------------------------------------------------
// prototype-pollution guard
// -------------------------------------------------------------------------------------

const FORBIDDEN_TEXT = text('no __proto__, constructor or prototype key', '不含 __proto__、constructor 或 prototype 键')

/**
 * Every forbidden key anywhere in a value, with its path (cycles are safe).
 *
 * @category utilities
 * @example
 * forbiddenKeys(JSON.parse('{"a":{"__proto__":{}}}')).length // => 1
 */
export const forbiddenKeys = (u: unknown, path: ReadonlyArray<PathSegment> = []): ReadonlyArray<Problem> => {
  const out: Array<Problem> = []
  const seen = new Set<object>()
  const walk = (v: unknown, p: ReadonlyArray<PathSegment>): void => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return
    seen.add(v)
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) walk(v[i], [...p, i])
      return
    }
    for (const k of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(k)) out.push(problem('forbidden-key', at([...p, k]), FORBIDDEN_TEXT, k))
      else walk((v as Record<string, unknown>)[k], [...p, k])
    }
  }
  walk(u, path)
  return out
}

// -------------------------------------------------------------------------------------
// io-ts errors to problems
// -------------------------------------------------------------------------------------

// io-ts adds a context entry per union or intersection member; those are not
// places in the input, so they are left out of the path.
const isCombinator = (type: t.Decoder<unknown, unknown>): boolean => {
  const tag = (type as { readonly _tag?: string })._tag
  return tag === 'UnionType' || tag === 'IntersectionType'
}

/**
 * Convert io-ts validation errors into problems with JSON paths.
 *
 * @category utilities
 * @example
 * const r = t.type({ n: t.number }).decode({ n: 'x' })
 * E.isLeft(r) && fromValidationErrors(r.left)[0]?.at // => { _tag: 'JsonPath', segments: ['n'] }
 */
export const fromValidationErrors = (errors: t.Errors, prefix: ReadonlyArray<PathSegment> = []): ReadonlyArray<Problem> => {
  const out: Array<Problem> = []
  const seen = new Set<string>()
  for (const e of errors) {
    const segments: Array<PathSegment> = [...prefix]
    for (let i = 1; i < e.context.length; i++) {
      const parent = e.context[i - 1]
      const entry = e.context[i]
      if (parent === undefined || entry === undefined || isCombinator(parent.type)) continue
      segments.push(Array.isArray(parent.actual) && /^\d+$/.test(entry.key) ? Number(entry.key) : entry.key)
    }
    const last = e.context[e.context.length - 1]
    const ours = e.message === undefined ? undefined : splitMessage(e.message)
    const expected = ours?.expected ?? text(last?.type.name ?? 'a valid value', last?.type.name ?? '有效值')
    const code = e.value === undefined ? 'missing' : (ours?.code ?? 'type')
    const p = problem(code, at(segments), expected, e.value)
    const key = `${JSON.stringify(segments)}|${expected.en}`
    if (!seen.has(key)) {
      seen.add(key)
      out.push(p)
    }
  }
  return out
}

// Our codecs put a problem code and both languages into io-ts's single message string.
const joinMessage = (x: { readonly en: string; readonly zh: string }, code: ProblemCode = 'type'): string =>
  `\u0000${code}\u0000${x.en}\u0000${x.zh}`
const splitMessage = (m: string): { readonly code: ProblemCode; readonly expected: Text } | undefined => {
  const parts = m.split('\u0000')
  return parts.length === 4 && parts[0] === ''
    ? { code: parts[1] as ProblemCode, expected: text(parts[2] ?? '', parts[3] ?? '') }
    : undefined
}

// -------------------------------------------------------------------------------------
// decoding
// -------------------------------------------------------------------------------------

/**
 * Decode untrusted input with a codec: forbidden keys are refused first, then
 * the codec runs; every problem comes back with its path. Never throws.
 *
 * @category decoding
 * @example
 * decode(t.type({ n: t.number }))({ n: 1 }) // => right({ n: 1 })
 * decode(t.type({ n: t.number }))(JSON.parse('{"n":1,"__proto__":{}}')) // => left([{ code: 'forbidden-key', … }])
 */
export const decode =
  <A, O>(codec: t.Type<A, O, unknown>, path: ReadonlyArray<PathSegment> = []) =>
  (input: unknown): Decoded<A> => {
    try {
      const bad = forbiddenKeys(input, path)
      if (bad.length > 0) return E.left(bad)
      const r = codec.decode(input)
      return E.isLeft(r) ? E.left(fromValidationErrors(r.left, path)) : E.right(r.right)
    } catch (err) {
      return E.left([problem('internal', at(path), text('input the decoder can read', '解码器可读取的输入'), String(err))])
    }
  }

/**
 * Parse JSON text and decode it; a syntax error is a problem at `line:column`.
 *
 * @category decoding
 * @example
 * decodeJson(t.type({ n: t.number }))('{"n": 2}') // => right({ n: 2 })
 * decodeJson(t.number)('{') // => left([{ code: 'syntax', at: { _tag: 'TextPosition', line: 1, column: 2 }, … }])
 */
export const decodeJson =
  <A, O>(codec: t.Type<A, O, unknown>, file?: string) =>
  (json: string): Decoded<A> => {
    let value: unknown
    try {
      value = JSON.parse(json)
    } catch (err) {
      return E.left([jsonSyntaxProblem(json, err, file)])
    }
    return decode(codec)(value)
  }

/**
 * A problem at the line and column of a JSON syntax error.
 *
 * @category decoding
 * @example
 * jsonSyntaxProblem('{"a":}', new SyntaxError('Unexpected token')).at
 * // => { _tag: 'TextPosition', line: 1, column: 6 }
 */
export const jsonSyntaxProblem = (json: string, err: unknown, file?: string): Problem => {
  const msg = err instanceof Error ? err.message : String(err)
  const offset = jsonErrorOffset(json) ?? json.length
  let line = 1
  let column = 1
  for (let i = 0; i < offset && i < json.length; i++) {
    if (json.charCodeAt(i) === 10) {
      line++
      column = 1
    } else column++
  }
  const where = file === undefined ? { _tag: 'TextPosition' as const, line, column } : { _tag: 'TextPosition' as const, file, line, column }
  return problem('syntax', where, text('valid JSON', '合法的 JSON'), msg)
}

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

/**
 * An io-ts failure that carries our expected text (both languages) and problem
 * code, for hand-written codecs; `decode` turns it into a `Problem` at its path.
 *
 * @category codecs
 * @example
 * const Odd = new t.Type<number, number, unknown>('Odd', (u): u is number => typeof u === 'number' && u % 2 === 1,
 *   (u, c) => (typeof u === 'number' && u % 2 === 1 ? t.success(u) : failWith(u, c, text('an odd number', '奇数'))), (a) => a)
 */
export const failWith = <A>(u: unknown, c: t.Context, expected: Text, code: ProblemCode = 'type'): t.Validation<A> =>
  t.failure(u, c, joinMessage(expected, code))

/**
 * A codec from a check that returns a problem text or `undefined`.
 *
 * @category codecs
 * @example
 * const Even = refined('Even', (u): u is number => typeof u === 'number' && u % 2 === 0, text('an even number', '偶数'))
 * E.isRight(decode(Even)(4)) // => true
 */
export const refined = <A>(name: string, is: (u: unknown) => u is A, expected: Text): t.Type<A, A, unknown> =>
  new t.Type<A, A, unknown>(name, is, (u, c) => (is(u) ? t.success(u) : t.failure(u, c, joinMessage(expected))), (a) => a)

/**
 * A codec that reads with a smart constructor returning `Either<Problem, A>`.
 *
 * @category codecs
 * @example
 * const InstantC = fromSmart('Instant', isInstant, readInstant) // reads text or epoch ms
 */
export const fromSmart = <A, O>(
  name: string,
  is: (u: unknown) => u is A,
  read: (u: unknown) => E.Either<Problem, A>,
  encode: (a: A) => O
): t.Type<A, O, unknown> =>
  new t.Type<A, O, unknown>(
    name,
    is,
    (u, c) => {
      const r = read(u)
      return E.isRight(r) ? t.success(r.right) : t.failure(u, c, joinMessage(r.left.expected, r.left.code))
    },
    encode
  )

/**
 * Strict object codec: required and optional properties; any other key is a
 * problem (a typo in an admin's file is reported, never silently dropped).
 *
 * @category codecs
 * @example
 * const Cap = strict({ perDay: t.number }, { perWeek: t.number })
 * E.isLeft(decode(Cap)({ perDay: 1, perDya: 2 })) // => true
 */
export const strict = <R extends t.Props, O extends t.Props = {}>(
  required: R,
  optional: O = {} as O,
  name?: string
): t.Type<t.TypeOf<t.TypeC<R>> & Partial<t.TypeOf<t.PartialC<O>>>, unknown, unknown> => {
  const inner = t.intersection([t.type(required), t.partial(optional)])
  const known = new Set([...Object.keys(required), ...Object.keys(optional)])
  const allowed = [...known].join(', ')
  const unknownKey = text(`one of the keys ${allowed}`, `以下键之一：${allowed}`)
  type A = t.TypeOf<t.TypeC<R>> & Partial<t.TypeOf<t.PartialC<O>>>
  return new t.Type<A, unknown, unknown>(
    name ?? `{ ${allowed} }`,
    (u): u is A => inner.is(u) && Object.keys(u as object).every((k) => known.has(k)),
    (u, c) => {
      const errors: Array<t.ValidationError> = []
      if (typeof u === 'object' && u !== null && !Array.isArray(u)) {
        for (const k of Object.keys(u)) {
          if (!known.has(k)) {
            errors.push({
              value: k,
              context: [...c, { key: k, type: t.never, actual: (u as Record<string, unknown>)[k] }],
              message: joinMessage(unknownKey, 'unknown-key')
            })
          }
        }
      }
      // Stand the intersection in for this codec, so its member contexts stay out of paths.
      const self = c[c.length - 1]
      const r = inner.validate(u, self === undefined ? c : [...c.slice(0, -1), { ...self, type: inner }])
      if (E.isLeft(r)) return t.failures([...errors, ...r.left])
      if (errors.length > 0) return t.failures(errors)
      // Drop optional keys that are present as undefined (exactOptionalPropertyTypes).
      const out: Record<string, unknown> = {}
      for (const [k, v] of Object.entries(r.right as Record<string, unknown>)) if (v !== undefined) out[k] = v
      return t.success(out as A)
    },
    (a) => inner.encode(a)
  )
}

/**
 * Points: a safe integer.
 *
 * @category codecs
 */
export const PointsC: t.Type<Points, number, unknown> = /*#__PURE__*/ refined(
  'Points',
  isPoints,
  text('a safe integer number of points', '安全整数积分')
)

/**
 * An instant: ISO 8601 text with an offset, or epoch milliseconds; encodes as epoch milliseconds.
 *
 * @category codecs
 */
export const InstantC: t.Type<Instant, number, unknown> = /*#__PURE__*/ fromSmart(
  'Instant',
  (u): u is Instant => typeof u === 'number' && E.isRight(readInstant(u)),
  (u) => readInstant(u),
  (a) => a
)

/**
 * An IANA time zone name.
 *
 * @category codecs
 */
export const ZoneC: t.Type<Zone, string, unknown> = /*#__PURE__*/ fromSmart(
  'Zone',
  (u): u is Zone => E.isRight(readZone(u)),
  (u) => readZone(u),
  (a) => a
)

/**
 * A codec for ids of one kind.
 *
 * @category codecs
 * @example
 * const MemberIdC = idCodec<'Member'>('MemberId')
 * E.isLeft(decode(MemberIdC)('')) // => true
 */
export const idCodec = <K extends string>(name: string): t.Type<Id<K>, string, unknown> =>
  new t.Type<Id<K>, string, unknown>(
    name,
    (u): u is Id<K> => idProblem(u) === undefined,
    (u, c) => {
      const why = idProblem(u)
      return why === undefined ? t.success(u as Id<K>) : t.failure(u, c, joinMessage(why, typeof u === 'string' ? 'format' : 'type'))
    },
    (a) => a
  )

/** @category codecs */
export const MemberIdC = /*#__PURE__*/ idCodec<'Member'>('MemberId')
/** @category codecs */
export const UnitIdC = /*#__PURE__*/ idCodec<'Unit'>('UnitId')
/** @category codecs */
export const EventIdC = /*#__PURE__*/ idCodec<'Event'>('EventId')
/** @category codecs */
export const QuestionIdC = /*#__PURE__*/ idCodec<'Question'>('QuestionId')

/**
 * Put problems found in a part under the part's path.
 *
 * @category utilities
 * @example
 * withPrefix(['rules', 3])([]) // => []
 */
export const withPrefix =
  (prefix: ReadonlyArray<PathSegment>) =>
  (ps: ReadonlyArray<Problem>): ReadonlyArray<Problem> =>
    ps.map(prefixPath(prefix))

/**
 * A codec that picks the codec for a value by looking at it (a tag or a key),
 * so an error is reported against that one shape only, not every union member.
 *
 * @category codecs
 * @example
 * const Shape = dispatch('Shape', 'kind', { circle: CircleC, square: SquareC }, text('circle or square', '圆或方'))
 */
export const dispatch = <A>(
  name: string,
  tag: string,
  cases: Readonly<Record<string, t.Type<A, unknown, unknown>>>,
  expected: Text
): t.Type<A, unknown, unknown> => {
  const none = refined<never>(name, (_u): _u is never => false, expected)
  const pick = (u: unknown): t.Type<A, unknown, unknown> | undefined => {
    if (typeof u !== 'object' || u === null || Array.isArray(u)) return undefined
    const v = (u as Record<string, unknown>)[tag]
    return typeof v === 'string' && Object.prototype.hasOwnProperty.call(cases, v) ? cases[v] : undefined
  }
  return new t.Type<A, unknown, unknown>(
    name,
    (u): u is A => pick(u)?.is(u) ?? false,
    (u, c) => {
      const k = pick(u)
      if (k !== undefined) return k.validate(u, c)
      if (typeof u !== 'object' || u === null || Array.isArray(u)) return none.validate(u, c)
      const v = (u as Record<string, unknown>)[tag]
      return none.validate(v, [...c, { key: tag, type: none, actual: v }])
    },
    (a) => (pick(a)?.encode(a) ?? a) as unknown
  )
}

/**
 * Text in English and Chinese.
 *
 * @category codecs
 * @example
 * decode(TextC)({ en: 'Login', zh: '登录' }) // => right({ en: 'Login', zh: '登录' })
 */
export const TextC: t.Type<Text, unknown, unknown> = /*#__PURE__*/ strict({ en: t.string, zh: t.string }, {}, 'Text')

/**
 * A string among fixed values.
 *
 * @category codecs
 * @example
 * E.isRight(decode(oneOf('Order', ['asc', 'desc']))('asc')) // => true
 */
export const oneOf = <A extends string>(name: string, values: ReadonlyArray<A>): t.Type<A, A, unknown> =>
  refined<A>(name, (u): u is A => typeof u === 'string' && (values as ReadonlyArray<string>).includes(u), text(`one of ${values.join(', ')}`, `以下之一：${values.join('、')}`))

/**
 * A finite number.
 *
 * @category codecs
 * @example
 * E.isLeft(decode(FiniteC)(Infinity)) // => true
 */
export const FiniteC: t.Type<number, number, unknown> = /*#__PURE__*/ refined(
  'Finite',
  (u): u is number => typeof u === 'number' && Number.isFinite(u),
  text('a finite number', '有限数值')
)

/**
 * A whole number ≥ 0.
 *
 * @category codecs
 * @example
 * E.isLeft(decode(CountC)(-1)) // => true
 */
export const CountC: t.Type<number, number, unknown> = /*#__PURE__*/ refined(
  'Count',
  (u): u is number => Number.isSafeInteger(u) && (u as number) >= 0,
  text('a whole number ≥ 0', '非负整数')
)

/**
 * A non-empty string (a name or label).
 *
 * @category codecs
 * @example
 * E.isLeft(decode(NameC)('')) // => true
 */
export const NameC: t.Type<string, string, unknown> = /*#__PURE__*/ refined(
  'Name',
  (u): u is string => typeof u === 'string' && u.length > 0,
  text('a non-empty string', '非空字符串')
)
