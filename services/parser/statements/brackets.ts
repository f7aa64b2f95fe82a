/** Whether `text` opens more round brackets than it closes: what follows stands inside them. */
export function opensBracket(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === '(') depth += 1;
    else if (ch === ')') depth -= 1;
  }
  return depth > 0;
}
