/**
 * `moral-bank/formats`: question-bank import and export in Moodle's GIFT and
 * Aiken text formats, onto the quiz module's question model, with every
 * problem at its `line:column`. (JSON, the bank's native format, is the quiz
 * module's `decodeQuestionBankJson`.)
 *
 * @module
 */
export {
  BLANK_MARK,
  importResultToEither
} from './source.js'
export type {
  ExportResult,
  ImportOptions,
  ImportResult
} from './source.js'
export {
  importGift
} from './gift-import.js'
export {
  exportGift
} from './gift-export.js'
export {
  exportAiken,
  importAiken
} from './aiken.js'
