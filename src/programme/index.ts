/**
 * `moral-bank/programme`: the administrator's programme file (point rules,
 * the Moral Bank and awards under one zone), decoded with every problem at
 * its path before anything runs.
 *
 * @module
 */
export {
  checkProgrammeOrg,
  decodeProgramme,
  decodeProgrammeJson,
  decodeProgrammeOrThrow
} from './programme.js'
export type {
  Programme,
  ProgrammeSpec
} from './programme.js'
export {
  applyProgrammePatches,
  editProgramme
} from './edit.js'
export type {
  Editable,
  EditResult,
  ProgrammePatch
} from './edit.js'
