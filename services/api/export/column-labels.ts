/**
 * Vietnamese column headers of the exported views (CSV and XLSX; Parquet keeps the machine
 * names). A column without a label (an analyst's own SQL alias) keeps its name.
 */
export const COLUMN_LABELS: Readonly<Record<string, string>> = {
  unit: 'Mã đơn vị',
  unitName: 'Tên đơn vị',
  unit_name: 'Tên đơn vị',
  period: 'Kỳ báo cáo',
  indicator: 'Mã chỉ tiêu',
  indicatorName: 'Tên chỉ tiêu',
  indicator_name: 'Tên chỉ tiêu',
  scope: 'Phạm vi số liệu',
  reported: 'Số liệu báo cáo',
  derived: 'Tổng hợp từ cấp dưới',
  childrenReported: 'Số đơn vị cấp dưới đã báo cáo',
  children_reported: 'Số đơn vị cấp dưới đã báo cáo',
  childrenExpected: 'Số đơn vị cấp dưới phải báo cáo',
  children_expected: 'Số đơn vị cấp dưới phải báo cáo',
  coverage: 'Tỷ lệ bao phủ',
  flags: 'Số cảnh báo',
  status: 'Trạng thái',
  severity: 'Mức độ',
  family: 'Nhóm quy tắc',
  ruleId: 'Quy tắc',
  rule_id: 'Quy tắc',
  message: 'Nội dung cảnh báo',
  page: 'Trang',
  quote: 'Trích dẫn',
  reportId: 'Mã báo cáo',
  report_id: 'Mã báo cáo',
  raisedAt: 'Thời điểm phát hiện',
  resolvedAt: 'Thời điểm xử lý xong',
  suggestion: 'Gợi ý sửa',
};

export function columnLabel(key: string): string {
  return COLUMN_LABELS[key] ?? key;
}
