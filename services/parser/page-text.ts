/** One page of a document's text, NFC-normalised. A DOCX has no pages: it is one page. */
export interface PageText {
  page: number;
  text: string;
}

export interface ExtractedText {
  engine: string;
  pages: PageText[];
}

/** Vietnamese text is NFC at the edge: some PDFs and Word files carry decomposed diacritics. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/\r\n?/g, '\n');
}
