import { bareName, type AdminUnit } from '../../schemas/registry/admin-unit.ts';
import type { Figures, OfficeCounts } from './synthetic-indicators.ts';

/**
 * Everything one synthetic report says, before it is worded: who issues it, for which
 * period, and the figures its body text and its appendix table print. The two sets are
 * equal unless an error was injected into one of them (a conflict).
 */
export interface ReportSpec {
  unit: AdminUnit;
  /** Parent first, province last; empty for the province. */
  ancestors: readonly AdminUnit[];
  period: string;
  /** `Số: 125/BC-UBND`. */
  number: number;
  date: { day: number; month: number; year: number };
  /** The chairperson who signs. */
  signer: string;
  /** What the body text prints. */
  text: Readonly<Figures>;
  /** What the appendix table prints. */
  table: Readonly<Figures>;
  /**
   * A district or the province: `text` and `table` are its statement of its communes' figures
   * (`cấp xã trên địa bàn`), and it also states its own office's (`own`) and, the province, its
   * districts' offices together (`districts`, `cấp huyện trên địa bàn tỉnh`), in the text only.
   */
  offices?: { own: Readonly<OfficeCounts>; districts?: Readonly<OfficeCounts> };
}

/** `xã Phước Dân`, `thành phố Phan Rang-Tháp Chàm`, `tỉnh Ninh Thuận`: the name as running text writes it. */
export function runningName(unit: AdminUnit): string {
  return `${unit.type} ${bareName(unit)}`;
}
