/**
 * `moral-bank/programme`: the administrator's programme file (point rules,
 * the Moral Bank, awards, and what the scheme publishes: boards, red/black
 * lists, composites and the honor roll), decoded with every problem at its
 * path before anything runs, checked against the organisation and host
 * tables, and run as one thing (`runProgramme`, `appendRun`).
 *
 * @module
 */
export {
  decodeProgramme,
  decodeProgrammeJson,
  decodeProgrammeOrThrow
} from './programme.js'
export type {
  Programme,
  ProgrammeSpec
} from './programme.js'
export type {
  CompositeSpec,
  HostTableSpec,
  PublishedBoardSpec,
  RollSpec
} from './publish.js'
export {
  checkHostTables,
  checkProgrammeOrg
} from './check.js'
export {
  appendRun,
  publishedRun,
  runProgramme
} from './run.js'
export type {
  BankRefusal,
  ProgrammeRun,
  PublishedBoard,
  PublishedComposite,
  PublishedRun,
  RunInput
} from './run.js'
export {
  applyProgrammePatches,
  editProgramme
} from './edit.js'
export type {
  Editable,
  EditResult,
  ProgrammePatch
} from './edit.js'
