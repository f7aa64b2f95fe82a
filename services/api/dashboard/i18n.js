// Vietnamese first, English on request. The choice is kept in localStorage ('tonghop.lang').
// t(key, ...args) fills %s placeholders in order; a key missing in English falls back to Vietnamese.

const STRINGS = {
  vi: {
    title: 'Tổng hợp số liệu CCHC',
    subtitle: 'Số liệu báo cáo, tổng hợp từ cấp dưới và cảnh báo chất lượng',
    langSwitch: 'English',
    period: 'Kỳ báo cáo',
    tabFigures: 'Số liệu',
    tabCompleteness: 'Tình hình báo cáo',
    root: 'Toàn quốc',
    tokenTitle: 'Đăng nhập bằng mã truy cập',
    tokenLabel: 'Mã truy cập',
    tokenHint: 'Dán mã truy cập (token) được cấp cho bạn.',
    tokenSubmit: 'Vào',
    tokenRejected: 'Mã truy cập không hợp lệ hoặc đã bị thu hồi.',
    logout: 'Thoát',
    loading: 'Đang tải…',
    truncated: 'Danh sách đã bị cắt bớt vì quá nhiều dòng; hãy xem từng đơn vị.',
    error: 'Lỗi: %s',
    noPeriods: 'Chưa có báo cáo nào trong phạm vi của mã truy cập này.',
    indicator: 'Chỉ tiêu',
    reported: 'Báo cáo',
    derived: 'Tổng cấp dưới',
    difference: 'Chênh lệch',
    coverage: 'Bao phủ',
    flags: 'Cảnh báo',
    unit: 'Đơn vị',
    code: 'Mã',
    chart: 'Biểu đồ',
    showChart: 'Xem biểu đồ %s',
    indicatorsOf: 'Chỉ tiêu của %s — kỳ %s',
    noFigures: 'Không có số liệu cho kỳ này.',
    scope_commune: 'cấp xã trên địa bàn',
    scope_district: 'cấp huyện trên địa bàn',
    scope_area: 'toàn địa bàn',
    scope_levels: 'nhiều cấp',
    scope_unstated: 'không nói rõ phạm vi',
    childrenOf: 'Đơn vị cấp dưới — %s',
    childrenTopLevel: 'Các đơn vị — %s',
    childIndicator: 'Chỉ tiêu hiển thị',
    onlyWithData: 'Chỉ hiện đơn vị có số liệu',
    noChildren: 'Không có đơn vị cấp dưới.',
    drill: 'Xem %s',
    noData: 'chưa có số liệu',
    flagsOf: 'Cảnh báo của %s — kỳ %s',
    noFlags: 'Không có cảnh báo.',
    severity: 'Mức độ',
    rule: 'Quy tắc',
    message: 'Nội dung',
    page: 'Trang',
    sevError: 'Lỗi',
    sevWarning: 'Cần xem',
    sevInfo: 'Thông tin',
    badgeTitle: '%s cảnh báo mức "%s"',
    otherFlags: '%s cảnh báo không gắn với chỉ tiêu nào trong bảng',
    export: 'Xuất số liệu đang xem',
    exportFlags: 'Xuất cảnh báo (CSV)',
    exporting: 'Đang tạo tệp…',
    panelTitle: 'Chi tiết cảnh báo',
    close: 'Đóng',
    quote: 'Trích dẫn',
    evidencePage: 'Trang %s',
    openFile: 'Mở tệp gốc (trang %s)',
    openFileNoPage: 'Mở tệp gốc',
    noEvidence: 'Cảnh báo này không trích dẫn văn bản nào.',
    computed: 'Các giá trị đã dùng',
    left: 'Vế trái (số báo cáo)',
    right: 'Vế phải (số tính lại)',
    imbalance: 'Chênh lệch',
    suggestion: 'Gợi ý sửa',
    suggestionNone: 'Không có gợi ý sửa.',
    moreEvidence: 'Cùng đoạn trích dẫn này xuất hiện %s lần.',
    status: 'Trạng thái',
    raised: 'đang mở',
    resolved: 'đã xử lý',
    completenessOf: 'Tình hình báo cáo — kỳ %s',
    expected: 'Phải báo cáo',
    received: 'Đã báo cáo',
    missing: 'Chưa báo cáo',
    late: 'Nộp muộn',
    lateDetail: '%s: nộp %s, hạn %s, muộn %s ngày',
    dueNotSet: 'Chưa cấu hình hạn nộp (TONGHOP_DUE_DAYS): không tính báo cáo muộn.',
    dueDays: 'Hạn nộp: %s ngày sau khi kết thúc kỳ.',
    allReported: 'Tất cả đã báo cáo.',
    noneLate: 'Không có báo cáo muộn.',
    unitsCount: '%s đơn vị',
    completenessEmpty: 'Không có đơn vị nào phải báo cáo trong phạm vi này.',
    completenessShowAll: 'Hiện cả đơn vị chưa có ai báo cáo',
    chartTitle: '%s — %s qua các kỳ',
    spanTotals: 'Tổng cả giai đoạn (không vẽ trên đường theo năm)',
    chartEmpty: 'Chưa có số liệu qua các kỳ.',
    chartHint: 'Chọn một chỉ tiêu trong bảng để xem biểu đồ.',
    fileError: 'Không mở được tệp gốc: %s',
  },
  en: {
    title: 'Public-administration reform figures',
    subtitle: 'Reported figures, sums of the units below, and data-quality flags',
    langSwitch: 'Tiếng Việt',
    period: 'Period',
    tabFigures: 'Figures',
    tabCompleteness: 'Completeness',
    root: 'Whole country',
    tokenTitle: 'Sign in with an access token',
    tokenLabel: 'Access token',
    tokenHint: 'Paste the access token you were given.',
    tokenSubmit: 'Enter',
    tokenRejected: 'The token is invalid or has been revoked.',
    logout: 'Sign out',
    loading: 'Loading…',
    truncated: 'The list was cut short (too many rows); open one unit at a time.',
    error: 'Error: %s',
    noPeriods: 'No report in this token’s scope yet.',
    indicator: 'Indicator',
    reported: 'Reported',
    derived: 'Sum of units below',
    difference: 'Difference',
    coverage: 'Coverage',
    flags: 'Flags',
    unit: 'Unit',
    code: 'Code',
    chart: 'Chart',
    showChart: 'Chart of %s',
    indicatorsOf: 'Indicators of %s — period %s',
    noFigures: 'No figures for this period.',
    scope_commune: 'communes in its area',
    scope_district: 'districts in its area',
    scope_area: 'all levels in its area',
    scope_levels: 'several levels',
    scope_unstated: 'scope not stated',
    childrenOf: 'Units below — %s',
    childrenTopLevel: 'Units — %s',
    childIndicator: 'Indicator shown',
    onlyWithData: 'Only units with figures',
    noChildren: 'No units below.',
    drill: 'Open %s',
    noData: 'no figures',
    flagsOf: 'Flags of %s — period %s',
    noFlags: 'No flags.',
    severity: 'Severity',
    rule: 'Rule',
    message: 'Message',
    page: 'Page',
    sevError: 'Error',
    sevWarning: 'Warning',
    sevInfo: 'Info',
    badgeTitle: '%s flags of severity "%s"',
    otherFlags: '%s flags not tied to an indicator in the table',
    export: 'Export the figures shown',
    exportFlags: 'Export flags (CSV)',
    exporting: 'Preparing the file…',
    panelTitle: 'Flag details',
    close: 'Close',
    quote: 'Quote',
    evidencePage: 'Page %s',
    openFile: 'Open the original file (page %s)',
    openFileNoPage: 'Open the original file',
    noEvidence: 'This flag quotes no document.',
    computed: 'Values used',
    left: 'Left side (reported)',
    right: 'Right side (recomputed)',
    imbalance: 'Imbalance',
    suggestion: 'Suggested fix',
    suggestionNone: 'No suggested fix.',
    moreEvidence: 'The same quote appears %s times.',
    status: 'Status',
    raised: 'open',
    resolved: 'resolved',
    completenessOf: 'Completeness — period %s',
    expected: 'Expected',
    received: 'Received',
    missing: 'Not reported',
    late: 'Late',
    lateDetail: '%s: submitted %s, due %s, %s days late',
    dueNotSet: 'No due date configured (TONGHOP_DUE_DAYS): lateness is not computed.',
    dueDays: 'Due %s days after the period ends.',
    allReported: 'Everyone has reported.',
    noneLate: 'No late report.',
    unitsCount: '%s units',
    completenessEmpty: 'No unit owes a report in this scope.',
    completenessShowAll: 'Also show parents where nobody reported',
    chartTitle: '%s — %s over the periods',
    spanTotals: 'Totals over several years (not drawn on the yearly line)',
    chartEmpty: 'No figures over the periods yet.',
    chartHint: 'Pick an indicator in the table to see its chart.',
    fileError: 'Could not open the original file: %s',
  },
};

const KEY = 'tonghop.lang';
let lang = readStoredLang();
const listeners = new Set();

function readStoredLang() {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export function currentLang() {
  return lang;
}

export function setLang(next) {
  lang = next === 'en' ? 'en' : 'vi';
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    // Storage may be disabled; the choice then lasts for this page only.
  }
  document.documentElement.lang = lang;
  for (const fn of listeners) fn(lang);
}

export function onLangChange(fn) {
  listeners.add(fn);
}

export function t(key, ...args) {
  const template = STRINGS[lang][key] ?? STRINGS.vi[key] ?? key;
  let i = 0;
  return template.replace(/%s/g, () => String(args[i++] ?? ''));
}

/** A `{ vi, en }` text in the current language. */
export function localized(text) {
  if (!text) return '';
  return (lang === 'en' ? text.en : text.vi) || text.vi || text.en || '';
}

const NUMBER = { vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }), en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }) };

export function formatNumber(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return NUMBER[lang].format(value);
}

export function formatPercent(share) {
  if (share === null || share === undefined) return '—';
  return `${formatNumber(Math.round(share * 1000) / 10)}%`;
}
