import { bareName } from '../../schemas/registry/admin-unit.ts';
import { runningName, type ReportSpec } from './report-spec.ts';
import type { FigureCode, Figures } from './synthetic-indicators.ts';
import { formatCount, formatPercent, periodPhrase, upperVi } from './vietnamese-format.ts';

/**
 * A report spec worded as a document: the blocks both writers (DOCX, PDF) lay out.
 *
 *   document   = letterhead, title, intro, sections I–III, closing, signature,
 *                page break, appendix title, appendix table
 *   letterhead = left:  ỦY BAN NHÂN DÂN / <UNIT IN CAPITALS> / Số: n/BC-UBND
 *                right: CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc /
 *                       <place>, ngày d tháng m năm y
 *   title      = BÁO CÁO / Kết quả công tác cải cách hành chính <period> của <unit>, <parents>
 *
 * Every indicator is stated once in the body and once in the appendix (the phrasing is in
 * README.md next to this file). Sentences follow the seed reports' styles that the parser
 * reads: the label before the number (`đã tiếp nhận 1.234 hồ sơ`), a breakdown after `gồm:`
 * or in a following sentence opened by `Cụ thể:`, a rate as `n/d hồ sơ, đạt x,xx%`.
 */
export type ReportBlock =
  | { kind: 'letterhead'; left: string[]; right: string[] }
  | { kind: 'title'; lines: string[] }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'signature'; lines: string[] }
  | { kind: 'page-break' }
  | { kind: 'table'; header: string[]; rows: string[][]; widths: number[] };

export interface ReportDocument {
  /** For the PDF's Info dictionary. */
  title: string;
  blocks: ReportBlock[];
}

export function buildReportDocument(spec: ReportSpec): ReportDocument {
  const { unit, period } = spec;
  const name = runningName(unit);
  const place = bareName(unit);
  const when = periodPhrase(period);
  const context = spec.ancestors.map(runningName).join(', ');
  const subject = `Kết quả công tác cải cách hành chính ${when} của ${name}${context ? `, ${context}` : ''}`;
  const committee = `Ủy ban nhân dân ${unit.type}`;
  const t = spec.text;
  const n = (code: FigureCode) => formatCount(t[code], true);
  const date = `${place}, ngày ${spec.date.day} tháng ${spec.date.month} năm ${spec.date.year}`;
  const reportNumber = `${spec.number}/BC-UBND`;

  const blocks: ReportBlock[] = [
    {
      kind: 'letterhead',
      left: ['ỦY BAN NHÂN DÂN', upperVi(name), `Số: ${reportNumber}`],
      right: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', date],
    },
    { kind: 'title', lines: ['BÁO CÁO', subject] },
    { kind: 'paragraph', text: `Thực hiện kế hoạch cải cách hành chính, Ủy ban nhân dân ${name} báo cáo kết quả thực hiện công tác cải cách hành chính ${when} như sau:` },
    { kind: 'heading', text: 'I. CẢI CÁCH THỂ CHẾ' },
    { kind: 'paragraph', text: `Trong ${when}, ${committee} đã ban hành ${n('vbqppl.issued')} văn bản quy phạm pháp luật. Công tác rà soát văn bản được thực hiện thường xuyên, đã rà soát ${n('vbqppl.reviewed')} văn bản quy phạm pháp luật.` },
    { kind: 'heading', text: 'II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH' },
    { kind: 'paragraph', text: `Tổng số TTHC áp dụng: ${n('tthc.total')} thủ tục, gồm: TTHC cấp tỉnh ${n('tthc.level.province')} thủ tục, TTHC cấp huyện ${n('tthc.level.district')} thủ tục, TTHC cấp xã ${n('tthc.level.commune')} thủ tục.` },
    ...officeParagraphs(spec),
    {
      kind: 'paragraph',
      text: `Trong ${when}, ${intake(spec)} đã tiếp nhận ${n('hoso.received')} hồ sơ, gồm: đang giải quyết ${n('hoso.in_progress')} hồ sơ, đã giải quyết ${n('hoso.resolved')} hồ sơ. `
        + `Cụ thể: giải quyết đúng hạn ${n('hoso.on_time')} hồ sơ, quá hạn ${n('hoso.late')} hồ sơ.`,
    },
    {
      kind: 'paragraph',
      text: `Tỷ lệ hồ sơ đã giải quyết: ${ratio(t, 'hoso.resolved', 'hoso.received')} hồ sơ, đạt ${formatPercent(t['hoso.rate_resolved'])}%. `
        + `Tỷ lệ hồ sơ giải quyết đúng hạn: ${ratio(t, 'hoso.on_time', 'hoso.resolved')} hồ sơ, đạt ${formatPercent(t['hoso.rate_on_time'])}%.`,
    },
    { kind: 'paragraph', text: `Số hồ sơ tiếp nhận trực tuyến là ${n('hoso.online')} hồ sơ.` },
    { kind: 'paragraph', text: `Đã tiếp nhận ${n('feedback.received')} phản ánh, kiến nghị của cá nhân, tổ chức; đã giải quyết ${n('feedback.resolved')} phản ánh, kiến nghị.` },
    { kind: 'heading', text: 'III. XÂY DỰNG ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC' },
    { kind: 'paragraph', text: `Tổng biên chế được giao là ${n('staff.assigned')} người, số cán bộ, công chức có mặt là ${n('staff.present')} người.` },
    { kind: 'paragraph', text: `Số lượt cán bộ, công chức được cử đi đào tạo bồi dưỡng: ${n('staff.trained')} lượt.` },
    { kind: 'paragraph', text: `Trên đây là báo cáo kết quả công tác cải cách hành chính ${when} của Ủy ban nhân dân ${name}./.` },
    { kind: 'signature', lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', spec.signer] },
    { kind: 'page-break' },
    { kind: 'title', lines: ['Phụ lục', `Số liệu kết quả công tác cải cách hành chính ${when}`, `(Kèm theo Báo cáo số ${reportNumber} của Ủy ban nhân dân ${name})`] },
    appendixTable(spec),
  ];
  return { title: `Báo cáo ${subject}`, blocks };
}

/** Who takes in the files the report then details: a commune's one-stop desk, or the communes' of a district or the province. */
function intake(spec: ReportSpec): string {
  return spec.unit.level === 'commune' ? `Bộ phận Một cửa ${spec.unit.type}` : `Bộ phận Một cửa cấp xã trên địa bàn ${spec.unit.type}`;
}

/**
 * A district's or the province's own office, and the province's district offices together,
 * each in a paragraph of its own before the communes' (which carry their scope on to the
 * rates, online files and feedback after them).
 */
function officeParagraphs(spec: ReportSpec): ReportBlock[] {
  const offices = spec.offices;
  if (!offices) return [];
  const when = periodPhrase(spec.period);
  const office = spec.unit.level === 'province' ? `Trung tâm Phục vụ hành chính công ${spec.unit.type}` : `Bộ phận Một cửa UBND ${spec.unit.type}`;
  const blocks: ReportBlock[] = [{ kind: 'paragraph', text: `Trong ${when}, ${office} đã tiếp nhận ${formatCount(offices.own['hoso.received'], true)} hồ sơ. `
    + `Số hồ sơ tiếp nhận trực tuyến tại ${office} là ${formatCount(offices.own['hoso.online'], true)} hồ sơ.` }];
  if (offices.districts) {
    blocks.push({ kind: 'paragraph', text: `Bộ phận Một cửa cấp huyện trên địa bàn ${spec.unit.type} đã tiếp nhận ${formatCount(offices.districts['hoso.received'], true)} hồ sơ. `
      + `Số hồ sơ tiếp nhận trực tuyến của Bộ phận Một cửa cấp huyện là ${formatCount(offices.districts['hoso.online'], true)} hồ sơ.` });
  }
  return blocks;
}

function ratio(f: Readonly<Figures>, numerator: FigureCode, denominator: FigureCode): string {
  return `${formatCount(f[numerator])}/${formatCount(f[denominator])}`;
}

/** Appendix rows: STT, label, unit of measure, code (`-` rows are parts of the row above). */
const APPENDIX_ROWS: readonly (readonly [string, string, string, FigureCode])[] = [
  ['1', 'Tổng số thủ tục hành chính áp dụng', 'thủ tục', 'tthc.total'],
  ['-', 'TTHC cấp tỉnh', 'thủ tục', 'tthc.level.province'],
  ['-', 'TTHC cấp huyện', 'thủ tục', 'tthc.level.district'],
  ['-', 'TTHC cấp xã', 'thủ tục', 'tthc.level.commune'],
  ['2', 'Số hồ sơ đã giải quyết', 'hồ sơ', 'hoso.resolved'],
  ['-', 'Giải quyết đúng hạn', 'hồ sơ', 'hoso.on_time'],
  ['-', 'Giải quyết quá hạn', 'hồ sơ', 'hoso.late'],
  ['3', 'Số hồ sơ đang giải quyết', 'hồ sơ', 'hoso.in_progress'],
  ['4', 'Tổng số hồ sơ tiếp nhận', 'hồ sơ', 'hoso.received'],
  ['5', 'Hồ sơ tiếp nhận trực tuyến', 'hồ sơ', 'hoso.online'],
  ['6', 'Tỷ lệ hồ sơ đã giải quyết', '%', 'hoso.rate_resolved'],
  ['7', 'Tỷ lệ hồ sơ giải quyết đúng hạn', '%', 'hoso.rate_on_time'],
  ['8', 'Số phản ánh, kiến nghị đã tiếp nhận', 'phản ánh', 'feedback.received'],
  ['9', 'Số phản ánh, kiến nghị đã giải quyết', 'phản ánh', 'feedback.resolved'],
  ['10', 'Số văn bản quy phạm pháp luật được ban hành', 'văn bản', 'vbqppl.issued'],
  ['11', 'Số văn bản quy phạm pháp luật được rà soát', 'văn bản', 'vbqppl.reviewed'],
  ['12', 'Biên chế được giao', 'người', 'staff.assigned'],
  ['13', 'Số cán bộ, công chức có mặt', 'người', 'staff.present'],
  ['14', 'Số lượt cán bộ, công chức được đào tạo, bồi dưỡng', 'lượt', 'staff.trained'],
];

function appendixTable(spec: ReportSpec): ReportBlock {
  const f = spec.table;
  // A district's or the province's file rows are its communes' (the body says so too).
  const whose = (label: string, code: FigureCode) => (spec.unit.level !== 'commune' && code.startsWith('hoso.') ? `${label} của cấp xã` : label);
  const rows = APPENDIX_ROWS.map(([stt, label, measure, code]) => [stt, whose(label, code), measure, measure === '%' ? formatPercent(f[code]) : formatCount(f[code])]);
  return { kind: 'table', header: ['STT', 'Chỉ tiêu', 'Đơn vị tính', appendixColumn(spec.period)], rows, widths: [30, 260, 70, 100] };
}

/**
 * The value column's header. A year is named (`Năm 2022`: the parser dates the cells by it);
 * a part of a year is not, because the parser would date its cells by the bare year.
 */
function appendixColumn(period: string): string {
  return /^\d{4}$/.test(period) ? `Năm ${period}` : 'Kết quả';
}
