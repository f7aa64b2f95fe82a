import type { NumericScale, NumericToken } from './numeric-token.ts';
import {
  countNounAfter, CURRENCY_AHEAD, DONG_COMPOUND_AHEAD, H, LETTER_CLASS, MONEY_CUE_NEARBY, PERCENT_AHEAD, SCALE_AHEAD, WORD_END,
} from './numeral-lexicon.ts';
import { ahead, isYear, makeToken, within, type Anchor, type Recognizer } from './scan-anchor.ts';
import { mantissaOf, readLiteral, scaleExactly, type Literal } from './vietnamese-number.ts';

/**
 * Plain numbers and what their unit makes of them: the last recognizer, so every digit the
 * others leave ends up here.
 *
 *   measure  := [ '-' ] literal ( percent | money | scaled | nothing )
 *   percent  := '%' | 'phần trăm'                    (spaces allowed before: `3,45 %`)
 *   money    := scale* currency                      `15,08 tỷ đồng` `606 triệu đồng` `1.200.000đ`
 *                                                    `1 tỷ 200 triệu đồng` (parts added up)
 *   scaled   := scale+                               `48,6 nghìn lượt` → quantity 48600, scale nghìn
 *   scale    := 'nghìn' | 'ngàn' | 'triệu' | 'tỷ' | 'tỉ' | 'nghìn tỷ'     (`tỷ lệ` is no scale)
 *   currency := 'đồng' | 'đ' | 'VNĐ' | 'VND'           (`02 đồng chí`, `đ/c` are comrades, not money)
 *
 *   `89,39%` → percent 89.39, decimals 2          `-5%` → percent -5 (a sign is kept only before %)
 *   `trên 15,08 tỷ đồng` → money 15080000000, scale tỷ (qualifier added by the tokenizer)
 *   `kinh phí 48,6 ngàn` → money 48600 (a money word before a scale without `đồng`)
 *   `1.2.3` (not a date, not a heading) → section-number; `3.5` → quantity 3.5, decimals 1
 *
 * A bare four-digit number 1975–2100 is a year (`CCHC 2022 Bắc Bình`) unless a count noun
 * follows (`2019 hồ sơ`), a unit follows, or it fills a table cell alone (`\t2019\t`).
 * Digits glued to a short ASCII tail are a code (`4G`, `3D`); a longer or Vietnamese tail is
 * a unit or a slip and stays outside the token (`100ha`, `12xã`).
 */
const SCALE_EXPONENT: Record<NumericScale, number> = { nghìn: 3, triệu: 6, tỷ: 9, 'nghìn tỷ': 12 };
const COMPOUND_PART = new RegExp(`${H}+(\\d{1,3}(?:,\\d+)?)${H}*(nghìn|ngàn|triệu)${WORD_END}`, 'iy');
const ASCII_TAIL = new RegExp(`[A-Za-z]{1,3}(?![${LETTER_CLASS}\\d])`, 'y');
const UNIT_TAIL = /^(?:ha|km|m|kg|cm|mm|g|l|h|kw|kwh|KB|MB|GB|TB|Mb|Gb)$/;
const LETTER_NEXT = new RegExp(`[${LETTER_CLASS}]`, 'y');

export const recognizeMeasure: Recognizer = (anchor) => {
  const { text, at } = anchor;
  const commaList = at >= 2 && text.charAt(at - 1) === ',' && /\d/.test(text.charAt(at - 2));
  const literal = readLiteral(text, at, { commaIsSeparator: commaList });
  if (literal.form === 'dotted' || !literal.parsed) return makeToken(text, 'section-number', at, literal.end);
  const { value, decimals } = literal.parsed;

  const percent = ahead(text, PERCENT_AHEAD, literal.end);
  if (percent) {
    const signed = hasSign(anchor);
    return makeToken(text, 'percent', signed ? at - 1 : at, literal.end + percent[0].length, { value: signed ? -value : value, decimals });
  }
  const money = readMoney(anchor, literal);
  if (money) return money;

  const tail = literal.form === 'plain' ? ahead(text, ASCII_TAIL, literal.end)?.[0] : undefined;
  if (tail !== undefined && !UNIT_TAIL.test(tail)) return makeToken(text, 'code', at, literal.end + tail.length);
  if (literal.form === 'plain' && literal.raw.length === 4 && isYear(value) && isBareYear(anchor, literal.end)) {
    return makeToken(text, 'year', at, literal.end, { value, period: literal.raw });
  }
  return makeToken(text, 'quantity', at, literal.end, { value, decimals });
};

function hasSign({ text, at, floor }: Anchor): boolean {
  if (at - 1 < floor || text.charAt(at - 1) !== '-') return false;
  // `-5%` after a space, a parenthesis or at the start; `30%-50%` is a range dash.
  return at - 2 < 0 || (at - 2 >= floor && /[\s(]/.test(text.charAt(at - 2)));
}

function isBareYear({ text, at, cellStart }: Anchor, end: number): boolean {
  if (countNounAfter(text, end)) return false;
  if (ahead(text, LETTER_NEXT, end)) return false;
  const cellEnd = end >= text.length || text.charAt(end) === '\t' || text.charAt(end) === '\n';
  const cellAlone = /^[ \u00a0]*$/.test(text.slice(cellStart, at)) && cellEnd;
  const inTable = text.charAt(cellStart - 1) === '\t' || text.charAt(end) === '\t';
  return !(cellAlone && inTable);
}

function readMoney(anchor: Anchor, literal: Literal): NumericToken | undefined {
  const { text, at } = anchor;
  const first = mantissaOf(literal.raw);
  if (!first) return undefined;
  const scaleMatch = ahead(text, SCALE_AHEAD, literal.end);
  let end = literal.end;
  let scale: NumericScale | undefined;
  let total = first.mantissa;
  if (scaleMatch) {
    scale = normalizeScale(scaleMatch[1] ?? '');
    total = scaleExactly(first.mantissa, first.decimals, SCALE_EXPONENT[scale]);
    end += scaleMatch[0].length;
    // `1 tỷ 200 triệu đồng`: smaller parts add up into one amount.
    let exponent = SCALE_EXPONENT[scale];
    for (let part = ahead(text, COMPOUND_PART, end); part; part = ahead(text, COMPOUND_PART, end)) {
      const partScale = normalizeScale(part[2] ?? '');
      const partNumber = mantissaOf(part[1] ?? '');
      if (!partNumber || SCALE_EXPONENT[partScale] >= exponent) break;
      exponent = SCALE_EXPONENT[partScale];
      total += scaleExactly(partNumber.mantissa, partNumber.decimals, exponent);
      end += part[0].length;
    }
  }
  const currency = ahead(text, CURRENCY_AHEAD, end);
  // After a scale word `đồng` is always the currency (`1 tỷ đồng phục vụ …`); after a bare number
  // it may begin another word (`02 đồng chí`).
  const compound = !scale && currency?.[1]?.toLowerCase() === 'đồng' && ahead(text, DONG_COMPOUND_AHEAD, end + currency[0].length) !== null;
  const isCurrency = currency !== null && !compound;
  if (isCurrency) {
    return makeToken(text, 'money', at, end + currency[0].length, { value: total, decimals: first.decimals, currency: 'VND', ...(scale ? { scale } : {}) });
  }
  if (!scale) return undefined;
  const fields = { value: total, decimals: first.decimals, scale };
  if (within(anchor, MONEY_CUE_NEARBY)) return makeToken(text, 'money', at, end, { ...fields, currency: 'VND' });
  return makeToken(text, 'quantity', at, end, fields);
}

function normalizeScale(word: string): NumericScale {
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  if (w.endsWith('tỷ') || w.endsWith('tỉ')) return w.includes(' ') ? 'nghìn tỷ' : 'tỷ';
  if (w === 'triệu') return 'triệu';
  return 'nghìn';
}
