/**
 * Cell texts that are values rather than labels: numbers (`13`, `99,14`, `1.779`, `40%`)
 * and item markers of a first column (`1`, `12.`, `IV.`, `a)`, `-`, `+`, `•`). Values do
 * not wrap inside a cell, and two numbers side by side are two cells.
 */
const NUMBER = /^[-+]?\d[\d.,]*%?$/;
const MARKER = /^(?:\d{1,3}[.)]?|[IVXLC]{1,6}[.)]?|[a-zđ][.)]|[-+•–*])$/u;

export function isNumberText(text: string): boolean {
  return NUMBER.test(text);
}

export function isValueText(text: string): boolean {
  return NUMBER.test(text) || MARKER.test(text);
}

/** An item marker that is not a bare number: `1.`, `a)`, `IV.`, `-`. */
export function isListMarker(text: string): boolean {
  return MARKER.test(text) && !/^\d+$/.test(text);
}
