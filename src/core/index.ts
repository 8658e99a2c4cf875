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
  type Instant,
  instantFromEpochMs,
  instantOrThrow,
  isInstant,
  type LocalDate,
  MAX_INSTANT,
  MIN_INSTANT,
  MS_PER_DAY,
  parseInstant,
  parseLocalDate
} from './instant.js'
export {
  at,
  atText,
  listText,
  type Locale,
  type Location,
  type PathSegment,
  problem,
  type Problem,
  type ProblemCode,
  renderLocation,
  renderProblem,
  renderProblems,
  text,
  type Text
} from './errors.js'
export {
  eventId,
  type EventId,
  type Id,
  MAX_ID_LENGTH,
  memberId,
  type MemberId,
  questionId,
  type QuestionId,
  unitId,
  type UnitId
} from './ids.js'
export {
  addPoints,
  isPoints,
  negatePoints,
  points,
  type Points,
  pointsOrThrow,
  sumPoints,
  ZERO_POINTS
} from './points.js'
export {
  allTime,
  calendar,
  type Calendar,
  type CalendarKind,
  customPeriod,
  DEFAULT_ZONE,
  inPeriod,
  isoWeek,
  makeCalendar,
  parsePeriodKey,
  type Period,
  periodDays,
  type PeriodKind,
  periodOf,
  weekdayOf,
  zone,
  type Zone
} from './calendar.js'
export {
  deriveSeed,
  type Rng,
  rngFromParts,
  rngFromSeed,
  sample,
  shuffle,
  uniformFloat,
  uniformInt
} from './random.js'
export {
  hmacSha256,
  sha256
} from './sha256.js'
export {
  decode,
  type Decoded,
  decodeJson,
  EventIdC,
  InstantC,
  MemberIdC,
  PointsC,
  QuestionIdC,
  UnitIdC,
  ZoneC
} from './decode.js'
export {
  DEFAULT_MAX_LINE_LENGTH,
  type LineOptions,
  linesOf,
  linesOfAsync,
  type TextChunk,
  type TextLine
} from './lines.js'
export {
  type AcceptedLine,
  type Batch,
  decodeEach,
  decodeJsonLines,
  decodeJsonLinesFrom,
  type JsonLine,
  type JsonLinesDecoder,
  type LineRejection,
  type Rejection
} from './batch.js'
export {
  ancestors,
  decodeOrg,
  inSubtree,
  type Member,
  memberInSubtree,
  membersOf,
  type OrgInput,
  orgTree,
  type OrgTree,
  subtreeUnits,
  type Unit,
  type UnitKind
} from './org.js'
