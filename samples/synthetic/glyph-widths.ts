/**
 * Advance widths for the PDF writer's two faces, in 1/1000 em, after the Helvetica and
 * Helvetica-Bold AFM metrics (Arial has the same widths). The writer embeds no font, so
 * these widths are all a reader knows of the glyphs: they place every glyph, so they
 * decide where `pdftotext` sees word gaps and where table cells line up.
 *
 *   ASCII 32–126   the AFM width
 *   a Vietnamese   the width of its base letter (`ệ` → `e`, `Ư` → `U`, `đ` → `d`); tone and
 *   letter         vowel marks sit above or below and take no room
 *   anything else  a few punctuation marks by hand, else the width of `n`
 */
export type FontFace = 'regular' | 'bold';

// Widths of U+0020 … U+007E, in order.
const REGULAR_ASCII = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

const BOLD_ASCII = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
  975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
  333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
  611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];

const PUNCTUATION: Readonly<Record<string, number>> = {
  '–': 556, '—': 1000, '‘': 222, '’': 222, '“': 333, '”': 333, '…': 1000, '•': 350, '°': 400, '×': 584, '\u00a0': 278,
};

const cache: Record<FontFace, Map<number, number>> = { regular: new Map(), bold: new Map() };

/** The advance width of one code point (UTF-16 BMP unit), 1/1000 em. */
export function glyphWidth(code: number, face: FontFace): number {
  const known = cache[face].get(code);
  if (known !== undefined) return known;
  const width = computeWidth(code, face);
  cache[face].set(code, width);
  return width;
}

/** Width of a string in points at a font size. */
export function textWidth(text: string, size: number, face: FontFace = 'regular'): number {
  let units = 0;
  for (let i = 0; i < text.length; i += 1) units += glyphWidth(text.charCodeAt(i), face);
  return (units * size) / 1000;
}

function computeWidth(code: number, face: FontFace): number {
  const table = face === 'bold' ? BOLD_ASCII : REGULAR_ASCII;
  if (code >= 0x20 && code <= 0x7e) return table[code - 0x20]!;
  const ch = String.fromCharCode(code);
  const punctuation = PUNCTUATION[ch];
  if (punctuation !== undefined) return punctuation;
  const base = ch.normalize('NFD').charAt(0).replace('đ', 'd').replace('Đ', 'D');
  const baseCode = base.charCodeAt(0);
  if (baseCode >= 0x20 && baseCode <= 0x7e && base !== ch) return table[baseCode - 0x20]!;
  if (ch === 'đ') return table[0x64 - 0x20]!;
  if (ch === 'Đ') return table[0x44 - 0x20]!;
  return table[0x6e - 0x20]!;
}
