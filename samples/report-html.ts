// ReportBlocks → one HTML document laid out like a Vietnamese administrative report, written for
// LibreOffice's HTML import ("HTML (StarWriter)"), not for browsers. That import honours @page,
// font rules in <style> and inline paragraph styles; anything else it reads differently is
// worked around here, next to the markup concerned.
import { escapeHtml, inlineToHtml } from './inline-markup.ts';
import type { HeadingBlock, ParagraphBlock, ParagraphRole, ReportBlock } from './report-model.ts';
import { tableToHtml } from './table-html.ts';

/** Liberation Serif is metric-compatible with Times New Roman, which official documents use. */
export const REPORT_FONT = 'Liberation Serif';

// Explicit margin-top/bottom everywhere: the import misreads the "margin: 0" shorthand.
const RUNNING = 'margin-top: 0; margin-bottom: 6pt; line-height: 115%';
// A zero bottom margin is dropped on import, leaving the Body Text style's 7pt gap; 0.1pt is
// what "no gap" has to be spelled as.
const TIGHT = 'margin-top: 0; margin-bottom: 0.1pt; line-height: 100%';

const ROLE_STYLE: Record<ParagraphRole, string> = {
  body: `${RUNNING}; text-align: justify; text-indent: 1cm`,
  // Offices type the dash themselves and indent it like any paragraph.
  'list-item': `${RUNNING}; text-align: justify; text-indent: 1cm`,
  title: `${RUNNING}; text-align: center; font-weight: bold`,
  subject: `${RUNNING}; text-align: center; font-weight: bold`,
  'place-date': `${RUNNING}; text-align: right; font-style: italic`,
  signature: `${TIGHT}; margin-left: 8cm; text-align: center; font-weight: bold`,
  'recipients-head': 'margin-top: 12pt; margin-bottom: 0.1pt; line-height: 100%; text-align: left; font-weight: bold; font-style: italic; font-size: 12pt',
  recipients: `${TIGHT}; text-align: left; font-size: 11pt`,
  footnote: 'margin-top: 0; margin-bottom: 3pt; line-height: 100%; text-align: justify; font-size: 11pt',
  right: `${RUNNING}; text-align: right`,
  plain: `${RUNNING}; text-align: left`,
};

const PAGE_BREAK = 'page-break-before: always';

function withPageBreak(style: string, pageBreakBefore: boolean): string {
  return pageBreakBefore ? `${PAGE_BREAK}; ${style}` : style;
}

function paragraphHtml(block: ParagraphBlock): string {
  let style = ROLE_STYLE[block.role];
  if (block.indentLevel === 2) style += block.role === 'recipients' ? '; margin-left: 0.5cm' : '; margin-left: 1cm';
  return `<p style="${withPageBreak(style, block.pageBreakBefore)}">${inlineToHtml(block.text)}</p>`;
}

function headingHtml(block: HeadingBlock): string {
  const style = `margin-top: 6pt; margin-bottom: 6pt; text-align: ${block.centred ? 'center' : 'left'}`;
  return `<h${block.level} style="${withPageBreak(style, block.pageBreakBefore)}">${inlineToHtml(block.text)}</h${block.level}>`;
}

function blockHtml(block: ReportBlock): string {
  switch (block.kind) {
    case 'heading':
      return headingHtml(block);
    case 'paragraph':
      return paragraphHtml(block);
    case 'table':
      // The import drops page breaks on tables and on empty paragraphs, so a one-space
      // 2pt paragraph carries the break.
      return block.pageBreakBefore
        ? `<p style="${PAGE_BREAK}; ${TIGHT}; font-size: 2pt">&#160;</p>\n${tableToHtml(block)}`
        : tableToHtml(block);
  }
}

/**
 * The whole document. `lang` sits on <body> because that is where the import takes the default
 * language from (vi-VN in the DOCX styles, as a Vietnamese office's Word would set it).
 */
export function reportToHtml(title: string, blocks: readonly ReportBlock[]): string {
  const font = `font-family: "${REPORT_FONT}"`;
  return `<!DOCTYPE html>
<html lang="vi-VN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
@page { size: 21cm 29.7cm; margin: 2cm 2cm 2cm 3cm; }
body { ${font}; font-size: 13pt; }
p, li { ${font}; font-size: 13pt; }
h1, h2, h3, h4, h5, h6 { ${font}; font-size: 13pt; font-weight: bold; }
td, th { ${font}; }
</style>
</head>
<body lang="vi-VN">
<div title="header"><p style="${TIGHT}; text-align: center"><sdfield type=PAGE subtype=RANDOM format=PAGE>1</sdfield></p></div>
${blocks.map(blockHtml).join('\n')}
</body>
</html>
`;
}
