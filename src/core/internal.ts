// The whole module for the package's own modules (and its tests): public and engine internals.
// Users get src/core/index.ts, the public part.
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
export { CALENDAR_KINDS, CALENDAR_PERIODS, COUNTING_KINDS, countingPeriodId, kindsInWords, type CalendarPeriod, type CountingKind, type PeriodTable } from './periods.js'
export * from './random.js'
export * from './sha256.js'
export * from './decode.js'
export * from './json.js'
export * from './lines.js'
export * from './batch.js'
export * from './org.js'
export { unhandled } from './exhaustive.js'
