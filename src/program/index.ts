/**
 * `moral-bank/program`: the administrator's programme file (point rules,
 * the Moral Bank and awards under one zone), decoded with every problem at
 * its path before anything runs.
 *
 * @module
 */
export * from './programme.js'
