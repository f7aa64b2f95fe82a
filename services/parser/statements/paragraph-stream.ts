import type { DocumentPage, StructuredDocument } from '../document-model.ts';

/**
 * The document's paragraphs as the statement layer reads them: one text each, with a
 * paragraph cut by a page break (`continues`) joined to its rest on the next page, so
 * a sentence is never read in two halves. `locate` maps an offset in the joined text
 * back to its page and to the offset in that page's text.
 */
export interface StreamParagraph {
  text: string;
  /** The page the paragraph starts on. */
  page: DocumentPage;
  /** A heading (bold title line, numbered section title), as the reader marked it. */
  heading?: boolean;
  /** The paragraph's block index (its position among the document's blocks). */
  index: number;
  locate(offset: number): { page: number; offset: number };
}

export function paragraphStream(doc: StructuredDocument): StreamParagraph[] {
  const out: StreamParagraph[] = [];
  let skipFirstOf: number | undefined;
  doc.pages.forEach((page, p) => {
    page.blocks.forEach((block, b) => {
      if (block.kind !== 'paragraph') return;
      if (b === 0 && skipFirstOf === p) return;
      const own = page.text.slice(block.start, block.end);
      const next = doc.pages[p + 1];
      const rest = block.continues ? next?.blocks[0] : undefined;
      if (next && rest?.kind === 'paragraph') {
        skipFirstOf = p + 1;
        const joined = `${own} ${next.text.slice(rest.start, rest.end)}`;
        const cut = own.length + 1;
        out.push({
          text: joined, page, index: block.index, ...(block.heading ? { heading: true } : {}),
          locate: (o) => (o < cut ? { page: page.page, offset: block.start + o } : { page: next.page, offset: rest.start + o - cut }),
        });
        return;
      }
      out.push({ text: own, page, index: block.index, ...(block.heading ? { heading: true } : {}), locate: (o) => ({ page: page.page, offset: block.start + o }) });
    });
  });
  return out;
}
