/**
 * Mends the case of a word read by OCR. Vietnamese capitals with stacked marks have the
 * same shape as their small letters (`Ố`/`ố`, `Ơ`/`ơ`, `Ư`/`ư`), so tesseract often reads
 * one capital inside a small-letter word: `sỐ`, `nhẬn`. No word of a report is written so:
 * a word whose first letter is small and that holds one capital, or fewer capitals than
 * small letters, is written in small letters. Capitalised words (`Ủy`), acronyms (`UBND`,
 * `TTHC`) and codes (`QĐ-UBND`, `KH-UBND`, `iHCC`) are left as they are.
 */
export function mendOcrCase(word: string): string {
  if (!/^\p{Ll}/u.test(word) || !/\p{Lu}/u.test(word)) return word;
  const upper = word.match(/\p{Lu}/gu)?.length ?? 0;
  const lower = word.match(/\p{Ll}/gu)?.length ?? 0;
  if ((upper > 1 && lower <= upper) || /[-/]/.test(word)) return word;
  return word.toLowerCase();
}
