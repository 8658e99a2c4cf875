/**
 * `moral-bank/core`: ids, integer points, instants and calendar periods in an
 * IANA time zone, seeded randomness, the error model and decoding helpers.
 *
 * @module
 */
export * from './errors.js'
export * from './ids.js'
export * from './points.js'
export {
  MAX_INSTANT,
  MIN_INSTANT,
  MS_PER_DAY,
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  formatInstantUtc,
  formatLocalDate,
  instant,
  instantFromEpochMs,
  instantOrThrow,
  isInstant,
  parseInstant,
  parseLocalDate,
  type Instant,
  type LocalDate
} from './instant.js'
export * from './calendar.js'
export * from './random.js'
export * from './sha256.js'
export * from './decode.js'
export * from './json.js'
export * from './lines.js'
export * from './batch.js'
export * from './org.js'
