// The whole module for the package's own modules (and its tests): public and engine internals.
// Users get src/formats/index.ts, the public part.
export {
  BLANK_MARK,
  fractionToPercent,
  importResultToEither,
  normaliseSource,
  percentToFraction,
  type ExportResult,
  type ImportOptions,
  type ImportResult
} from './source.js'
export { importGift } from './gift-import.js'
export { exportGift } from './gift-export.js'
export { importAiken, exportAiken } from './aiken.js'
export { giftEscape, giftUnescape, type GiftMarker } from './gift-text.js'
