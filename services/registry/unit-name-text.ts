/**
 * The two keys unit names are compared by.
 *
 *   nameKey   lowercase NFC, canonical tone placement (`Hoà` = `Hòa`, `Thuỷ` = `Thủy`),
 *             apostrophes dropped with the spaces around them (`K' Dang` = `K'Dang` = `Kdang`),
 *             hyphens and dashes as spaces (`Thừa Thiên - Huế` = `Thừa Thiên Huế`), leading
 *             zeros of numbers dropped (`Phường 05` = `Phường 5`), single spaces
 *   foldKey   nameKey without diacritics (`đ` → `d`): the fallback for `A LUOI`, `Dak Lak`
 *
 * The tone and fold rules are the parser's (services/text/vietnamese-text.ts).
 */
import { foldDiacritics, vietnameseKey } from '../text/vietnamese-text.ts';

export function nameKey(text: string): string {
  return vietnameseKey(text)
    .replace(/\s*['’ʼ‘`]\s*/g, '')
    .replace(/[-‐‑–—]/g, ' ')
    .replace(/(?<!\d)0+(?=\d)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function foldKey(text: string): string {
  return foldDiacritics(nameKey(text));
}

/** Whether the text carries any Vietnamese diacritic (or `đ`). */
export function hasDiacritics(text: string): boolean {
  return foldDiacritics(text) !== text.normalize('NFC');
}
