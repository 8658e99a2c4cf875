/**
 * Bank operations as JSON: the operation log a host keeps (one operation a
 * line) read back with every problem at its path or line:column, before
 * anything is applied. Instants may be ISO 8601 text with an offset or
 * epoch milliseconds; `JSON.stringify(op)` writes what these decoders read.
 *
 * @module
 */
import * as t from 'io-ts'
import { batchDecoders, CountC, COUNTING_KINDS, decode, dispatch, EventIdC, idCodec, InstantC, NameC, oneOf, PointsC, refined, strict, text, type Batch, type Decoded, type JsonLinesDecoder, type TextChunk } from '../core/internal.js'
import type { Entry } from '../ledger/internal.js'
import { AttrValueC, SubjectIdC } from '../rules/internal.js'
import type { ClaimAction } from './claims.js'
import type { BankOp } from './ops.js'

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

const RequestIdC = idCodec<'Request'>('RequestId')
// A whole number (positivity is the bank's to judge: a refusal with its reason, like any other).
const WholeC = /*#__PURE__*/ refined('WholeNumber', (u): u is number => Number.isSafeInteger(u), text('a whole number', '整数'))

const CutC = /*#__PURE__*/ dispatch(
  'Cut',
  '_tag',
  {
    Cap: strict(
      { _tag: t.literal('Cap'), scope: oneOf('CapScope', ['rule', 'group']), per: oneOf('CapPeriod', COUNTING_KINDS), period: NameC, max: CountC },
      { group: NameC },
      'CapCut'
    ),
    Floor: strict({ _tag: t.literal('Floor'), floor: PointsC }, {}, 'FloorCut')
  } as Readonly<Record<string, t.Mixed>>,
  text('a cut with _tag Cap or Floor', '削减，_tag 为 Cap 或 Floor')
)

/**
 * A ledger entry as JSON (in a `post` operation).
 *
 * @category codecs
 * @example
 * E.isRight(decode(EntryC)(JSON.parse(JSON.stringify(allEntries(book)[0])))) // => true
 */
export const EntryC: t.Type<Entry, unknown, unknown> = /*#__PURE__*/ strict(
  {
    id: NameC,
    kind: oneOf('EntryKind', ['earn', 'deduct', 'redeem', 'expire', 'reversal']),
    subject: SubjectIdC,
    account: NameC,
    event: EventIdC,
    eventType: NameC,
    rule: NameC,
    at: InstantC,
    day: NameC,
    requested: PointsC,
    granted: PointsC
  },
  { cut: CutC },
  'Entry'
) as unknown as t.Type<Entry, unknown, unknown>

/**
 * An action on a claim as JSON.
 *
 * @category codecs
 * @example
 * E.isRight(decode(ClaimActionC)({ _tag: 'approve', stage: 'review', by: 'reviewer-wang' })) // => true
 */
export const ClaimActionC: t.Type<ClaimAction, unknown, unknown> = /*#__PURE__*/ dispatch(
  'ClaimAction',
  '_tag',
  {
    approve: strict({ _tag: t.literal('approve'), stage: NameC, by: NameC }, { note: t.string }, 'Approve'),
    reject: strict({ _tag: t.literal('reject'), by: NameC, reasons: t.readonlyArray(t.string) }, {}, 'Reject'),
    object: strict({ _tag: t.literal('object'), by: NameC, reason: t.string }, {}, 'Object'),
    settle: strict({ _tag: t.literal('settle') }, {}, 'Settle')
  } as Readonly<Record<string, t.Mixed>>,
  text('an action with _tag approve, reject, object or settle', '操作，_tag 为 approve、reject、object 或 settle')
)

const head = { request: RequestIdC, at: InstantC }

/**
 * A bank operation as JSON (see `BankOp`): shapes and types checked, each
 * problem at its path; whether the operation can be done (balance, stock,
 * state) is the bank's to say when it is applied.
 *
 * @category codecs
 * @example
 * decode(BankOpC)({ _tag: 'redeem', request: 'r-1', at: '2021-07-01T09:00:00+08:00', subject: 'm-1', account: 'moral', points: 5 })
 * // => right({ _tag: 'redeem', request: 'r-1', at: 1625101200000, subject: 'm-1', account: 'moral', points: 5 })
 */
export const BankOpC: t.Type<BankOp, unknown, unknown> = /*#__PURE__*/ dispatch(
  'BankOp',
  '_tag',
  {
    earn: strict({ _tag: t.literal('earn'), ...head, subject: SubjectIdC, account: NameC, points: WholeC }, { note: t.string }, 'Earn'),
    post: strict({ _tag: t.literal('post'), ...head, entry: EntryC }, {}, 'Post'),
    redeem: strict({ _tag: t.literal('redeem'), ...head, subject: SubjectIdC, account: NameC, points: WholeC }, { note: t.string }, 'Redeem'),
    reserve: strict({ _tag: t.literal('reserve'), ...head, subject: SubjectIdC, item: NameC, quantity: WholeC }, {}, 'Reserve'),
    confirm: strict({ _tag: t.literal('confirm'), ...head, order: NameC }, {}, 'Confirm'),
    cancel: strict({ _tag: t.literal('cancel'), ...head, order: NameC }, {}, 'Cancel'),
    restock: strict({ _tag: t.literal('restock'), ...head, item: NameC, quantity: WholeC }, {}, 'Restock'),
    expire: strict({ _tag: t.literal('expire'), ...head, subject: SubjectIdC, account: NameC }, {}, 'Expire'),
    reverse: strict({ _tag: t.literal('reverse'), ...head, subject: SubjectIdC, account: NameC, entry: NameC }, { reason: t.string }, 'Reverse'),
    submit: strict(
      { _tag: t.literal('submit'), ...head, claim: NameC, process: NameC, member: SubjectIdC },
      { beneficiary: NameC, attrs: t.record(t.string, AttrValueC) },
      'Submit'
    ),
    claim: strict({ _tag: t.literal('claim'), ...head, claim: NameC, action: ClaimActionC }, {}, 'Claim')
  } as Readonly<Record<string, t.Mixed>>,
  text('an operation with _tag earn, post, redeem, reserve, confirm, cancel, restock, expire, reverse, submit or claim', '操作，_tag 为 earn、post、redeem、reserve、confirm、cancel、restock、expire、reverse、submit 或 claim')
)

// -------------------------------------------------------------------------------------
// decoding
// -------------------------------------------------------------------------------------

const opBatch = /*#__PURE__*/ batchDecoders(BankOpC)

/**
 * Decode one operation; every problem comes back with its JSON path.
 *
 * @category decoding
 * @example
 * E.isLeft(decodeBankOp({ _tag: 'redeem', request: 'r-1', at: 0, subject: 'm-1', account: 'moral', points: 'five' })) // => true ($.points)
 */
export const decodeBankOp = (u: unknown): Decoded<BankOp> => decode(BankOpC)(u)

/**
 * Decode an array of operations; bad ones become rejections at their index.
 *
 * @category decoding
 * @example
 * decodeBankOps(JSON.parse(savedLog)).values // => the operations, in order, for applyOps
 */
export const decodeBankOps = (inputs: ReadonlyArray<unknown>): Batch<BankOp> => opBatch.each(inputs)

/**
 * Decode an operation log in JSON Lines (one operation a line; blank lines
 * ignored): a line that is not JSON is a rejection at `file:line:column`, an
 * operation that does not decode a rejection with JSON-path problems.
 *
 * @category decoding
 * @example
 * const log = decodeBankOpsJsonl(text, 'bank-ops.jsonl')
 * log.rejections.length === 0 && applyOps(bank, log.values)
 */
export const decodeBankOpsJsonl = (text: TextChunk | Iterable<TextChunk>, file?: string): Batch<BankOp> => opBatch.lines(text, file)

/**
 * Decode an operation log as it streams in (chunks, or asynchronous chunks
 * such as a file stream with an encoding): each non-blank line's result in
 * order, the same as `decodeBankOpsJsonl`, one line in memory at a time.
 *
 * @category decoding
 * @example
 * for await (const r of decodeBankOpsJsonlFrom(createReadStream('bank-ops.jsonl', 'utf8'), 'bank-ops.jsonl'))
 *   if (r._tag === 'Accepted') bank = applyOp(bank, r.value).bank
 */
export const decodeBankOpsJsonlFrom: JsonLinesDecoder<BankOp> = opBatch.from
