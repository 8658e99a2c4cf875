// The slot tree (the live board's order-statistic B+ tree), for the ranking module and its tests.
export { makeSlotTree, type SlotTree } from './tree.js'
export { makeOrderedSet, type OrderedSet } from './ordered-set.js'
export { tieCode } from './ordering.js'
