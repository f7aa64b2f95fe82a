import type { Prng } from './prng.ts';
import { periodLastMonth, periodYear } from './vietnamese-format.ts';

/**
 * The particulars of one issued report that carry no figures: its number (`Số: 125/BC-UBND`),
 * its date (in the last month of the period: a year's report is dated in December, a first
 * half's in June) and the chairperson who signs it.
 */
export interface ReportIssue {
  number: number;
  date: { day: number; month: number; year: number };
  signer: string;
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Hữu', 'Quang', 'Thanh', 'Ngọc', 'Xuân', 'Công'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hải', 'Hùng', 'Lan', 'Long', 'Nam', 'Phong', 'Tâm', 'Thắng', 'Trung', 'Tuấn', 'Hạnh', 'Hòa'];

export function reportIssue(period: string, draw: Prng): ReportIssue {
  return {
    number: draw.int(12, 480),
    date: { day: draw.int(10, 28), month: periodLastMonth(period), year: periodYear(period) },
    signer: `${draw.pick(FAMILY)} ${draw.pick(MIDDLE)} ${draw.pick(GIVEN)}`,
  };
}
