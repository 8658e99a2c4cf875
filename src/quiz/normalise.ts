/**
 * Normalising free answers before comparison: trimmed, Unicode NFKC
 * (full-width letters, digits and punctuation become half-width), Chinese
 * punctuation mapped to its Western form, runs of white space collapsed, and
 * case folded unless the question says case matters.
 *
 * @module
 */

// Chinese punctuation that NFKC leaves alone, mapped to the Western form.
const PUNCT: Readonly<Record<string, string>> = {
  '。': '.',
  '、': ',',
  '，': ',',
  '“': '"',
  '”': '"',
  '‘': "'",
  '’': "'",
  '《': '<',
  '》': '>',
  '〈': '<',
  '〉': '>',
  '【': '[',
  '】': ']',
  '「': '"',
  '」': '"',
  '『': '"',
  '』': '"',
  '—': '-',
  '–': '-',
  '…': '...',
  '·': '.',
  '・': '.'
}
const PUNCT_RE = /[。、，“”‘’《》〈〉【】「」『』—–…·・]/g
const STABLE = /^[\x20-\x7e\u4e00-\u9fff]*$/

/**
 * Normalise an answer text for comparison.
 *
 * @category utilities
 * @example
 * normaliseAnswer(' ＡＢＣ１２３ ') // => 'abc123'
 * normaliseAnswer('遵义会议。') === normaliseAnswer('遵义会议.') // => true
 * normaliseAnswer('Mao', true) // => 'Mao'
 */
export const normaliseAnswer = (s: string, caseSensitive = false): string => {
  // Printable ASCII and CJK unified ideographs are already NFKC and hold no Chinese punctuation.
  if (STABLE.test(s)) {
    // The only white space such a text can hold is U+0020, so collapsing runs of \s is collapsing runs of
    // spaces, and a text without two spaces in a row has none (the common case: skips a Unicode regex).
    const n = (s.includes('  ') ? s.replace(/ {2,}/g, ' ') : s).trim()
    return caseSensitive ? n : n.toLowerCase()
  }
  const n = s
    .normalize('NFKC')
    .replace(PUNCT_RE, (c) => PUNCT[c] ?? c)
    .replace(/\s+/gu, ' ')
    .trim()
  return caseSensitive ? n : n.toLowerCase()
}
