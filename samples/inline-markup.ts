// Inline markup found in the seeds: markdown emphasis (*, **, ***), a few HTML tags the
// converter that produced seed 003 left in table cells (<i>, <a href="#">), and hard breaks.
// Everything else is text and must reach the document unchanged.

/** Tags kept as formatting; any other "<…>" in a seed is literal text and gets escaped. */
const ALLOWED_TAG = /<\/?(?:i|em|b|strong|u|sup|sub)>|<a\s[^>]*>|<\/a>|<br\s*\/?>/gi;

const EMPHASIS: readonly (readonly [RegExp, string, string])[] = [
  // Longest delimiter first so "***x***" is not read as "**" + "*x*" + "**".
  [/\*\*\*(?=\S)([\s\S]+?)\*\*\*/g, '<b><i>', '</i></b>'],
  [/\*\*(?=\S)([\s\S]+?)\*\*/g, '<b>', '</b>'],
  [/\*(?=\S)([\s\S]+?)\*/g, '<i>', '</i>'],
];

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function canonicalTag(tag: string): string {
  const lower = tag.toLowerCase();
  if (lower.startsWith('<a') || lower === '</a>') {
    // The only link in the seeds points at "#"; its text is content, the link is not.
    return '';
  }
  if (lower.startsWith('<br')) return '<br>';
  return lower.replace('strong>', 'b>').replace('em>', 'i>');
}

/** Splits text into literal runs and allowed tags, so that only the literal runs are escaped. */
function mapLiteralRuns(text: string, onLiteral: (run: string) => string, onTag: (tag: string) => string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(ALLOWED_TAG)) {
    out += onLiteral(text.slice(last, match.index)) + onTag(match[0]);
    last = match.index + match[0].length;
  }
  return out + onLiteral(text.slice(last));
}

/** Inline markup to HTML; "\n" (a markdown hard break) becomes <br>. */
export function inlineToHtml(text: string): string {
  let html = mapLiteralRuns(text, escapeHtml, canonicalTag);
  for (const [pattern, open, close] of EMPHASIS) {
    html = html.replace(pattern, (_whole, inner: string) => `${open}${inner}${close}`);
  }
  return html.replace(/\n/g, '<br>');
}

/** The words a reader sees: markup removed, hard breaks kept as "\n". */
export function inlineToPlain(text: string): string {
  let plain = mapLiteralRuns(text, (run) => run, (tag) => (tag.toLowerCase().startsWith('<br') ? '\n' : ''));
  for (const [pattern] of EMPHASIS) {
    plain = plain.replace(pattern, (_whole, inner: string) => inner);
  }
  return plain;
}
