/**
 * Digits in the small scripts: footnote markers are written as superscript digits
 * (`13/29⁵`) by every reader (DOCX `<sup>`, a PDF's raised words, OCR's raised glyphs), so
 * that no number takes them in; subscripts (`CO₂`) likewise.
 */
const SUPERSCRIPT_DIGITS = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'] as const;
const SUBSCRIPT_DIGITS = ['₀', '₁', '₂', '₃', '₄', '₅', '₆', '₇', '₈', '₉'] as const;

/** Digits (ASCII, superscript or subscript) rewritten in the given script; other characters kept. */
export function toScriptDigits(text: string, script: 'sup' | 'sub'): string {
  const table = script === 'sup' ? SUPERSCRIPT_DIGITS : SUBSCRIPT_DIGITS;
  return text.replace(/[0-9⁰¹²³⁴-⁹₀-₉]/g, (digit) => table[digitValue(digit)] ?? digit);
}

function digitValue(digit: string): number {
  const code = digit.charCodeAt(0);
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x2080 && code <= 0x2089) return code - 0x2080;
  return SUPERSCRIPT_DIGITS.indexOf(digit as (typeof SUPERSCRIPT_DIGITS)[number]);
}
