// Reading a seed: the only transformation allowed before parsing is Unicode normalisation.
import { readFileSync } from 'node:fs';

/**
 * Returns the seed as NFC text with LF line ends. NFC matters because the product matches
 * Vietnamese words and a decomposed "ệ" would not match a composed one in the DOCX or PDF.
 */
export function readSeedText(path: string): string {
  return normaliseSeedText(readFileSync(path, 'utf8'));
}

export function normaliseSeedText(raw: string): string {
  const withoutBom = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  return withoutBom.replace(/\r\n?/g, '\n').normalize('NFC');
}
