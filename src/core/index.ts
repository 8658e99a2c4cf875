/**
 * `moral-bank/core`: ids, integer points, instants and calendar periods in an
 * IANA time zone, seeded randomness, the error model and decoding helpers.
 *
 * @module
 */
export {
  formatInstantUtc,
  formatLocalDate,
  instant,
  instantFromEpochMs,
  instantOrThrow,
  isInstant,
  MAX_INSTANT,
  MIN_INSTANT,
  MS_PER_DAY,
  parseInstant,
  parseLocalDate
} from './instant.js'
export type {
  Instant,
  LocalDate
} from './instant.js'
export {
  at,
  atText,
  listText,
  problem,
  renderLocation,
  renderProblem,
  renderProblems,
  text
} from './errors.js'
export type {
  Locale,
  Location,
  PathSegment,
  Problem,
  ProblemCode,
  Text
} from './errors.js'
export {
  eventId,
  MAX_ID_LENGTH,
  memberId,
  questionId,
  unitId
} from './ids.js'
export type {
  EventId,
  Id,
  MemberId,
  QuestionId,
  UnitId
} from './ids.js'
export {
  addPoints,
  isPoints,
  negatePoints,
  points,
  pointsOrThrow,
  sumPoints,
  ZERO_POINTS
} from './points.js'
export type {
  Points
} from './points.js'
export {
  allTime,
  calendar,
  customPeriod,
  DEFAULT_ZONE,
  inPeriod,
  isoWeek,
  makeCalendar,
  parsePeriodKey,
  periodDays,
  periodOf,
  weekdayOf,
  zone
} from './calendar.js'
export type {
  Calendar,
  CalendarKind,
  Period,
  PeriodKind,
  Zone
} from './calendar.js'
export {
  deriveSeed,
  rngFromParts,
  rngFromSeed,
  sample,
  shuffle,
  uniformFloat,
  uniformInt
} from './random.js'
export type {
  Rng
} from './random.js'
export {
  hmacSha256,
  sha256
} from './sha256.js'
export {
  decode,
  decodeJson,
  EventIdC,
  InstantC,
  MemberIdC,
  PointsC,
  QuestionIdC,
  strict,
  UnitIdC,
  ZoneC
} from './decode.js'
export type {
  Decoded
} from './decode.js'
export {
  DEFAULT_MAX_LINE_LENGTH,
  linesOf,
  linesOfAsync
} from './lines.js'
export type {
  LineOptions,
  TextChunk,
  TextLine
} from './lines.js'
export {
  decodeEach,
  decodeJsonLines,
  decodeJsonLinesFrom
} from './batch.js'
export type {
  AcceptedLine,
  Batch,
  JsonLine,
  JsonLinesDecoder,
  LineRejection,
  Rejection
} from './batch.js'
export {
  ancestors,
  decodeOrg,
  inSubtree,
  memberInSubtree,
  membersOf,
  orgTree,
  subtreeUnits
} from './org.js'
export type {
  Member,
  OrgInput,
  OrgTree,
  Unit,
  UnitKind
} from './org.js'
