/**
 * Joins the lines of a paragraph or of a table cell into one line of text: with a space,
 * except after a line ending in `-` that the next line continues without one
 * (`18/KH-` + `UBND` → `18/KH-UBND`; a dash after a space, `2011 -` + `2020`, keeps it).
 */
export function joinLines(lines: string[]): string {
  let text = '';
  for (const line of lines) {
    if (line === '') continue;
    if (text === '') text = line;
    else if (/[^\s-]-$/.test(text) && /^[\p{Lu}\d]/u.test(line)) text += line;
    else text += ` ${line}`;
  }
  return text.replace(/\s+/g, ' ');
}
