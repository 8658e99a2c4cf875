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
import { at, describeValue, listText, problem, prefixPath, text, type PathSegment, type Problem, type ProblemCode, type Text } from './errors.js'
import { idProblem, type Id } from './ids.js'
import { instant as readInstant, type Instant } from './instant.js'
import { isPoints, type Points } from './points.js'
import { jsonDuplicateKeys, jsonError, jsonMayRepeatKeys, stripBom } from './json.js'
import { UNREADABLE, unreadable } from './internal/unreadable.js'
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
 * @example
 * FORBIDDEN_KEYS.has('__proto__') // => true
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
  // Iterative (an explicit stack, visited in the order of a recursive walk) and with paths as
  // linked cells, so a value nested 1,000,000 deep is walked in linear time, not a stack overflow.
  interface Cell {
    readonly seg: PathSegment
    readonly up: Cell | undefined
  }
  const pathOf = (c: Cell | undefined): Array<PathSegment> => {
    const segs: Array<PathSegment> = []
    for (let x = c; x !== undefined; x = x.up) segs.push(x.seg)
    return [...path, ...segs.reverse()]
  }
  const todo: Array<{ readonly v: unknown; readonly cell: Cell | undefined; readonly bad?: true }> = [{ v: u, cell: undefined }]
  for (let next = todo.pop(); next !== undefined; next = todo.pop()) {
    const { v, cell } = next
    if (next.bad === true) {
      out.push(problem('forbidden-key', at(pathOf(cell)), FORBIDDEN_TEXT, cell?.seg))
      continue
    }
    if (typeof v !== 'object' || v === null || seen.has(v)) continue
    seen.add(v)
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) todo.push({ v: v[i], cell: { seg: i, up: cell } })
      continue
    }
    const keys = Object.keys(v)
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i] as string
      const c: Cell = { seg: k, up: cell }
      todo.push(FORBIDDEN_KEYS.has(k) ? { v: undefined, cell: c, bad: true } : { v: (v as Record<string, unknown>)[k], cell: c })
    }
  }
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

// What each codec made by this module's helpers expects, in words (io-ts names such as
// `ReadonlyArray<Name>` or `Partial<{  }>` are never shown to a user).
const DESCRIBED = new WeakMap<object, Text>()

/**
 * Give a codec a description in words (both languages), used wherever a
 * problem says what was expected of it; returns the same codec. The codecs
 * made by `refined`, `fromSmart`, `strict`, `dispatch`, `oneOf` and
 * `idCodec` describe themselves.
 *
 * @category codecs
 * @example
 * const Shift = describedAs(t.keyof({ day: null, night: null }), text('a shift: day or night', '班次：day 或 night'))
 * const r = decode(Shift)('noon')
 * renderProblems(E.isLeft(r) ? r.left : []) // => '$: expected a shift: day or night, got "noon"'
 * renderProblems(E.isLeft(r) ? r.left : [], 'zh') // => '$：应为班次：day 或 night，实际为 "noon"'
 */
export const describedAs = <C extends t.Decoder<unknown, unknown>>(codec: C, description: Text): C => {
  DESCRIBED.set(codec, description)
  return codec
}

const OBJECT = text('an object', '对象')
const isObjectTag = (tag: string | undefined): boolean =>
  tag === 'InterfaceType' || tag === 'PartialType' || tag === 'StrictType' || tag === 'ExactType' || tag === 'UnknownRecordType' || tag === 'AnyDictionaryType' || tag === 'ObjectType'

/**
 * What a codec expects, in words (English and Chinese), never an io-ts type
 * name: every io-ts combinator maps to words (`t.readonlyArray(NameC)` is
 * "a list, each a non-empty string"), a codec of this library to its own
 * description, and an unknown custom codec to "a valid value".
 *
 * @category utilities
 * @example
 * describeCodec(t.readonlyArray(t.string)).en // => 'a list, each a string'
 * describeCodec(t.union([t.string, t.null])).zh // => '字符串或 null'
 */
export const describeCodec = (type: t.Decoder<unknown, unknown>, depth = 0): Text => {
  const own = DESCRIBED.get(type)
  if (own !== undefined) return own
  const x = type as unknown as {
    readonly _tag?: string
    readonly type?: t.Decoder<unknown, unknown>
    readonly types?: ReadonlyArray<t.Decoder<unknown, unknown>>
    readonly value?: unknown
    readonly keys?: Readonly<Record<string, unknown>>
    readonly domain?: t.Decoder<unknown, unknown>
    readonly codomain?: t.Decoder<unknown, unknown>
  }
  const inner = (d: t.Decoder<unknown, unknown> | undefined): Text => (d === undefined || depth > 4 ? text('a valid value', '有效值') : describeCodec(d, depth + 1))
  switch (x._tag) {
    case 'StringType':
      return text('a string', '字符串')
    case 'NumberType':
      return text('a number', '数字')
    case 'BigIntType':
      return text('a big integer', '大整数')
    case 'BooleanType':
      return text('true or false', 'true 或 false')
    case 'NullType':
      return text('null', 'null')
    case 'UndefinedType':
    case 'VoidType':
      return text('nothing', '空（不设）')
    case 'NeverType':
      return text('nothing here (this key is not allowed)', '此处不应有值（不允许此键）')
    case 'AnyType':
    case 'UnknownType':
      return text('any value', '任意值')
    case 'FunctionType':
      return text('a function', '函数')
    case 'UnknownArrayType':
    case 'AnyArrayType':
      return text('a list', '列表')
    case 'LiteralType': {
      const v = describeValue(x.value)
      return v
    }
    case 'KeyofType': {
      const l = listText(Object.keys(x.keys ?? {}))
      return text(`one of ${l.en}`, `以下之一：${l.zh}`)
    }
    case 'ArrayType':
    case 'ReadonlyArrayType': {
      const d = inner(x.type)
      return text(`a list, each ${d.en}`, `列表，每项为${d.zh}`)
    }
    case 'TupleType':
      return text(`a list of ${x.types?.length ?? 0} items`, `${x.types?.length ?? 0} 项的列表`)
    case 'DictionaryType': {
      const d = inner(x.codomain)
      return text(`an object whose values are each ${d.en}`, `对象，每个值为${d.zh}`)
    }
    case 'ReadonlyType':
    case 'RefinementType':
    case 'RecursiveType':
      return inner(x.type)
    case 'UnionType': {
      const ds: Array<Text> = []
      for (const m of x.types ?? []) {
        const d = inner(m)
        if (!ds.some((e) => e.en === d.en)) ds.push(d)
      }
      return text(ds.map((d) => d.en).join(' or '), ds.map((d) => d.zh).join('或'))
    }
    case 'IntersectionType': {
      const ms = x.types ?? []
      if (ms.some((m) => isObjectTag((m as { readonly _tag?: string })._tag))) return OBJECT
      const ds = ms.map(inner)
      return text(ds.map((d) => d.en).join(' and '), ds.map((d) => d.zh).join('且'))
    }
    default:
      return isObjectTag(x._tag) ? OBJECT : text('a valid value', '有效值')
  }
}

/**
 * Convert io-ts validation errors into problems with JSON paths; what was
 * expected is said in words (see `describeCodec`), never as an io-ts name.
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
    const ours = e.message === undefined ? undefined : splitMessage(e.message)
    // A failing union or intersection member stands for its combinator: "a string or a label text".
    let j = e.context.length - 1
    while (j > 0 && isCombinator((e.context[j - 1] as t.ContextEntry).type)) j--
    const place = e.context[j]
    const expected =
      place === undefined ? (ours?.expected ?? text('a valid value', '有效值')) : j < e.context.length - 1 ? describeCodec(place.type) : (ours?.expected ?? describeCodec(place.type))
    const code = e.value === undefined ? 'missing' : (ours?.code ?? 'type')
    const key = `${JSON.stringify(segments)}|${expected.en}`
    if (!seen.has(key)) {
      seen.add(key)
      out.push(problem(code, at(segments), expected, e.value))
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
    } catch {
      // A hostile value (a Proxy or getter that throws, a revoked Proxy): a problem, never a throw.
      return E.left([unreadable(path)])
    }
  }

const DUPLICATE_KEY = text('each key at most once in an object (a duplicate key: which one counts?)', '对象中每个键只出现一次（重复的键：以哪个为准？）')

/**
 * Parse JSON text as people write it: a leading UTF-8 byte order mark is
 * skipped (Windows Notepad writes one), a syntax error is a problem at
 * `line:column` in both languages, and a key given twice in one object is
 * a problem at its path (`JSON.parse` would silently keep the last). Never
 * throws, whatever the size or depth of the text.
 *
 * @category decoding
 * @example
 * parseJson('\uFEFF{"n": 2}') // => right({ n: 2 })
 * parseJson('{"zone": "UTC", "zone": "Asia/Shanghai"}') // => left([{ code: 'duplicate', at: $.zone, … }])
 */
export const parseJson = (json: string, file?: string): Decoded<unknown> => {
  const body = stripBom(json)
  let value: unknown
  try {
    value = JSON.parse(body)
  } catch (err) {
    return E.left([jsonSyntaxProblem(body, err, file)])
  }
  // Only objects can repeat a key; a text without any '{', or whose keys written are all kept, needs no second look.
  if (body.indexOf('{') >= 0 && jsonMayRepeatKeys(body, value)) {
    const dups = jsonDuplicateKeys(body)
    if (dups.length > 0) return E.left(dups.map((d) => problem('duplicate', at(d.path), DUPLICATE_KEY, d.path[d.path.length - 1])))
  }
  return E.right(value)
}

/**
 * Parse JSON text (see `parseJson`: a BOM is skipped, duplicate keys are
 * problems) and decode it; a syntax error is a problem at `line:column`.
 *
 * @category decoding
 * @example
 * decodeJson(t.type({ n: t.number }))('{"n": 2}') // => right({ n: 2 })
 * decodeJson(t.number)('{') // => left([{ code: 'syntax', at: { _tag: 'TextPosition', line: 1, column: 2 }, … }])
 */
export const decodeJson =
  <A, O>(codec: t.Type<A, O, unknown>, file?: string) =>
  (json: string): Decoded<A> => {
    const parsed = parseJson(json, file)
    return E.isLeft(parsed) ? parsed : decode(codec)(parsed.right)
  }

/**
 * A problem at the line and column of a JSON syntax error, saying in both
 * languages what was expected there and what came (the engine's English
 * message `err` is not shown: it differs between engines). Never throws.
 *
 * @category decoding
 * @example
 * jsonSyntaxProblem('{"a":}', new SyntaxError('Unexpected token')).at
 * // => { _tag: 'TextPosition', line: 1, column: 6 }
 */
export const jsonSyntaxProblem = (json: string, err: unknown, file?: string): Problem => {
  void err
  const e = jsonError(json) ??
    // JSON.parse refused what the scanner accepts: only a leading BOM (skipped by the scanner) can do that.
    { offset: 0, expected: text('a JSON value', 'JSON 值'), received: text('the invisible character U+FEFF', '不可见字符 U+FEFF') }
  let line = 1
  let column = 1
  for (let i = 0; i < e.offset && i < json.length; i++) {
    if (json.charCodeAt(i) === 10) {
      line++
      column = 1
    } else column++
  }
  const where = file === undefined ? { _tag: 'TextPosition' as const, line, column } : { _tag: 'TextPosition' as const, file, line, column }
  return { ...problem('syntax', where, text(`valid JSON: here ${e.expected.en}`, `合法的 JSON：此处应为${e.expected.zh}`), undefined), received: e.received }
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
  describedAs(
    new t.Type<A, A, unknown>(name, safeIs(is), guarded((u, c) => (is(u) ? t.success(u as A) : t.failure(u, c, joinMessage(expected)))), (a) => a),
    expected
  )

// A value whose reading throws (a hostile Proxy or getter) fails to decode; it never throws.
const guarded =
  <A>(validate: (u: unknown, c: t.Context) => t.Validation<A>) =>
  (u: unknown, c: t.Context): t.Validation<A> => {
    try {
      return validate(u, c)
    } catch {
      return t.failure(u, c, joinMessage(UNREADABLE, 'internal'))
    }
  }
const safeIs =
  <A>(is: (u: unknown) => u is A) =>
  (u: unknown): u is A => {
    try {
      return is(u)
    } catch {
      return false
    }
  }

/**
 * Make a hand-written codec (`new t.Type(...)`, `t.recursion(...)`) safe to
 * call directly on hostile values: its `validate` and `is` never throw, and a
 * value whose reading throws (a Proxy or getter that throws, a revoked Proxy)
 * fails with an `internal` problem. Returns the same codec, its description
 * kept. Codecs made by `refined`, `fromSmart`, `strict`, `dispatch`, `oneOf`
 * and `idCodec` are guarded already; `decode` guards whatever it runs.
 *
 * @category codecs
 * @example
 * const Positive = guardCodec(new t.Type<number, number, unknown>('Positive', (u): u is number => typeof u === 'number' && u > 0,
 *   (u, c) => ((u as { readonly n: number }).n > 0 ? t.success((u as { readonly n: number }).n) : t.failure(u, c)), (a) => a))
 * E.isLeft(Positive.decode(null)) // => true (reading `null.n` threw; no throw comes out)
 */
export const guardCodec = <C extends t.Any>(codec: C): C => {
  const own = codec as unknown as { validate: t.Validate<unknown, unknown>; is: t.Is<unknown> }
  const validate = own.validate.bind(codec)
  const is = own.is.bind(codec)
  own.validate = guarded(validate)
  own.is = safeIs(is)
  return codec
}

/**
 * A codec that reads with a smart constructor returning `Either<Problem, A>`
 * (`description` says what it expects where a combinator around it is described).
 *
 * @category codecs
 * @example
 * const InstantC = fromSmart('Instant', isInstant, readInstant) // reads text or epoch ms
 */
export const fromSmart = <A, O>(
  name: string,
  is: (u: unknown) => u is A,
  read: (u: unknown) => E.Either<Problem, A>,
  encode: (a: A) => O,
  description?: Text
): t.Type<A, O, unknown> => {
  const codec = new t.Type<A, O, unknown>(
    name,
    safeIs(is),
    guarded((u, c) => {
      const r = read(u)
      return E.isRight(r) ? t.success(r.right) : t.failure(u, c, joinMessage(r.left.expected, r.left.code))
    }),
    encode
  )
  return description === undefined ? codec : describedAs(codec, description)
}

/**
 * Strict object codec: required and optional properties; any other key is a
 * problem (a typo in an admin's file is reported, never silently dropped).
 * `description` says what it expects in words (default: "an object with the
 * keys …"); reading a hostile value that throws is a problem, not a throw.
 *
 * @category codecs
 * @example
 * const Cap = strict({ perDay: t.number }, { perWeek: t.number })
 * E.isLeft(decode(Cap)({ perDay: 1, perDya: 2 })) // => true
 */
export const strict = <R extends t.Props, O extends t.Props = {}>(
  required: R,
  optional: O = {} as O,
  name?: string,
  description?: Text
): t.Type<t.TypeOf<t.TypeC<R>> & Partial<t.TypeOf<t.PartialC<O>>>, unknown, unknown> => {
  const inner = t.intersection([t.type(required), t.partial(optional)])
  const known = new Set([...Object.keys(required), ...Object.keys(optional)])
  const allowed = listText(known, 30, known.size)
  const unknownKey = text(`one of the keys ${allowed.en}`, `以下键之一：${allowed.zh}`)
  const whole = description ?? text(`an object with the keys ${allowed.en}`, `含以下键的对象：${allowed.zh}`)
  describedAs(inner, whole)
  type A = t.TypeOf<t.TypeC<R>> & Partial<t.TypeOf<t.PartialC<O>>>
  const codec = new t.Type<A, unknown, unknown>(
    name ?? `{ ${[...known].join(', ')} }`,
    safeIs((u): u is A => inner.is(u) && Object.keys(u as object).every((k) => known.has(k))),
    guarded((u, c) => {
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
    }),
    (a) => inner.encode(a)
  )
  return describedAs(codec, whole)
}

/**
 * Points: a safe integer.
 *
 * @category codecs
 * @example
 * decode(PointsC)(5) // => right(5)
 * E.isLeft(decode(PointsC)(1.5)) // => true
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
 * @example
 * decode(InstantC)('2021-07-01T08:00:00+08:00') // => right(1625097600000)
 * E.isLeft(decode(InstantC)('2021-07-01T08:00:00')) // => true (no offset: ambiguous)
 */
export const InstantC: t.Type<Instant, number, unknown> = /*#__PURE__*/ fromSmart(
  'Instant',
  (u): u is Instant => typeof u === 'number' && E.isRight(readInstant(u)),
  (u) => readInstant(u),
  (a) => a,
  text('an ISO 8601 instant with an offset, or epoch milliseconds', '带时区偏移的 ISO 8601 时刻或纪元毫秒数')
)

/**
 * An IANA time zone name, read in its canonical spelling (`asia/shanghai`
 * and `PRC` give `Asia/Shanghai`, `Etc/UTC` gives `UTC`).
 *
 * @category codecs
 * @example
 * decode(ZoneC)('asia/shanghai') // => right('Asia/Shanghai')
 * E.isLeft(decode(ZoneC)('Mars/Olympus')) // => true
 */
export const ZoneC: t.Type<Zone, string, unknown> = /*#__PURE__*/ fromSmart(
  'Zone',
  (u): u is Zone => E.isRight(readZone(u)),
  (u) => readZone(u),
  (a) => a,
  text('an IANA time zone such as Asia/Shanghai', 'IANA 时区名，如 Asia/Shanghai')
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
  describedAs(
    new t.Type<Id<K>, string, unknown>(
      name,
      safeIs((u): u is Id<K> => idProblem(u) === undefined),
      guarded((u, c) => {
        const why = idProblem(u)
        return why === undefined ? t.success(u as Id<K>) : t.failure(u, c, joinMessage(why, typeof u === 'string' ? 'format' : 'type'))
      }),
      (a) => a
    ),
    text('an id (a string)', '标识（字符串）')
  )

/**
 * A member id (see `idProblem` for what an id may hold).
 *
 * @category codecs
 * @example
 * decode(MemberIdC)('张三-001') // => right('张三-001')
 * E.isLeft(decode(MemberIdC)('张\u200b三')) // => true (a zero-width space)
 */
export const MemberIdC = /*#__PURE__*/ idCodec<'Member'>('MemberId')
/**
 * An organisation unit id.
 *
 * @category codecs
 * @example
 * decode(UnitIdC)('branch-7') // => right('branch-7')
 */
export const UnitIdC = /*#__PURE__*/ idCodec<'Unit'>('UnitId')
/**
 * An event id.
 *
 * @category codecs
 * @example
 * E.isLeft(decode(EventIdC)(' ')) // => true (only white space)
 */
export const EventIdC = /*#__PURE__*/ idCodec<'Event'>('EventId')
/**
 * A question id.
 *
 * @category codecs
 * @example
 * decode(QuestionIdC)('q1') // => right('q1')
 */
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
  return describedAs(
    new t.Type<A, unknown, unknown>(
      name,
      safeIs((u): u is A => pick(u)?.is(u) ?? false),
      guarded((u, c) => {
        const k = pick(u)
        if (k !== undefined) return k.validate(u, c)
        if (typeof u !== 'object' || u === null || Array.isArray(u)) return none.validate(u, c)
        const v = (u as Record<string, unknown>)[tag]
        return none.validate(v, [...c, { key: tag, type: none, actual: v }])
      }),
      (a) => (pick(a)?.encode(a) ?? a) as unknown
    ),
    expected
  )
}

/**
 * Text in English and Chinese.
 *
 * @category codecs
 * @example
 * decode(TextC)({ en: 'Login', zh: '登录' }) // => right({ en: 'Login', zh: '登录' })
 */
export const TextC: t.Type<Text, unknown, unknown> = /*#__PURE__*/ strict(
  { en: t.string, zh: t.string },
  {},
  'Text',
  text('a label text {en, zh}', '标签文本 {en, zh}')
)

/**
 * A string among fixed values.
 *
 * @category codecs
 * @example
 * E.isRight(decode(oneOf('Order', ['asc', 'desc']))('asc')) // => true
 */
export const oneOf = <A extends string>(name: string, values: ReadonlyArray<A>): t.Type<A, A, unknown> =>
  refined<A>(name, (u): u is A => typeof u === 'string' && (values as ReadonlyArray<string>).includes(u), oneOfText(values))

const oneOfText = (values: ReadonlyArray<string>): Text => {
  const l = listText(values, 20, values.length)
  return text(`one of ${l.en}`, `以下之一：${l.zh}`)
}

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
