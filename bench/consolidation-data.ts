import { INDICATOR_CATALOG, parseIndicatorCatalog, type IndicatorDefinition } from '../schemas/indicators/catalog.ts';

/**
 * The national-scale synthetic data of bench/consolidation.ts, as SQL run inside DuckDB:
 * indicators (the shipped catalog plus synthetic counts), pseudo-random but deterministic
 * values (hash-based macros), and one year's reports, facts and observations at a time.
 */
export const YEARS = [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024] as const;
export const NEW_YEAR = 2024;
export const INDICATOR_COUNT = 150;
/** The percentages rolled up as 100 × Σ numerator / Σ denominator; their counts get coherent values. */
export const RATIO_PERCENTS = ['hoso.rate_on_time', 'hoso.rate_late', 'hoso.rate_resolved', 'staff.rate_standard'];

// ── catalog: the shipped one plus synthetic additive counts ─────────────────────────
export const realCounts = INDICATOR_CATALOG.indicators.filter((d) => d.unit === 'count' && d.additive);
export const ratioPercents = INDICATOR_CATALOG.indicators.filter((d) => RATIO_PERCENTS.includes(d.code));
const syntheticCount = INDICATOR_COUNT - realCounts.length - ratioPercents.length;
export const synthetic: IndicatorDefinition[] = Array.from({ length: syntheticCount }, (_, k) => {
  const n = String(k + 1).padStart(3, '0');
  return {
    code: `bench.i${n}`, name: { vi: `Chỉ tiêu thử nghiệm ${n}`, en: `Bench indicator ${n}` }, area: 'procedures',
    unit: 'count', additive: true, aliases: [`chỉ tiêu thử nghiệm ${n}`], nouns: ['hồ sơ'],
  };
});
export const catalog = parseIndicatorCatalog({ ...INDICATOR_CATALOG, indicators: [...INDICATOR_CATALOG.indicators, ...synthetic] });
export const benchIndicators = [...realCounts, ...synthetic, ...ratioPercents];

// ── SQL generation ────────────────────────────────────────────────────────────────
export const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Deterministic pseudo-random functions and the coherent values of the ratio counts. */
export const MACROS = [
  `CREATE OR REPLACE TEMP MACRO u01(k) AS (hash(k) % 1000003) / 1000003.0`,
  // a count series: per-indicator magnitude 50…1 600 (files received ≈ 1 600), per-unit size ×0.3…1.7,
  // per-unit growth −2 … +8 %/year, ±5 % noise
  `CREATE OR REPLACE TEMP MACRO magnitude(i) AS CASE WHEN i = 'hoso.received' THEN 1600 ELSE pow(10, 1.7 + 1.5 * u01('m|' || i)) END`,
  `CREATE OR REPLACE TEMP MACRO gen(u, i, y) AS round((20 + magnitude(i) * (0.3 + 1.4 * u01('s|' || u || '|' || i)))
     * pow(0.98 + 0.1 * u01('g|' || u || '|' || i), y - 2017) * (0.95 + 0.1 * u01('n|' || u || '|' || i || '|' || y)))`,
  `CREATE OR REPLACE TEMP MACRO rcv(u, y) AS gen(u, 'hoso.received', y)`,
  `CREATE OR REPLACE TEMP MACRO res(u, y) AS round(rcv(u, y) * (0.85 + 0.1 * u01('r|' || u) + 0.03 * u01('r|' || u || '|' || y)))`,
  `CREATE OR REPLACE TEMP MACRO ont(u, y) AS round(res(u, y) * (0.88 + 0.08 * u01('o|' || u) + 0.01 * u01('o|' || u || '|' || y)))`,
  `CREATE OR REPLACE TEMP MACRO tot(u, y) AS gen(u, 'staff.total', y)`,
  `CREATE OR REPLACE TEMP MACRO std(u, y) AS round(tot(u, y) * (0.7 + 0.2 * u01('d|' || u) + 0.05 * u01('d|' || u || '|' || y)))`,
  `CREATE OR REPLACE TEMP MACRO commune_value(u, i, y) AS CASE i
     WHEN 'hoso.received' THEN rcv(u, y) WHEN 'hoso.resolved' THEN res(u, y) WHEN 'hoso.on_time' THEN ont(u, y)
     WHEN 'hoso.late' THEN res(u, y) - ont(u, y) WHEN 'staff.total' THEN tot(u, y) WHEN 'staff.standard' THEN std(u, y)
     WHEN 'hoso.rate_on_time' THEN round(100 * ont(u, y) / res(u, y), 2)
     WHEN 'hoso.rate_late' THEN round(100 * (res(u, y) - ont(u, y)) / res(u, y), 2)
     WHEN 'hoso.rate_resolved' THEN round(100 * res(u, y) / rcv(u, y), 2)
     WHEN 'staff.rate_standard' THEN round(100 * std(u, y) / tot(u, y), 2)
     ELSE gen(u, i, y) END`,
  // injected: ×10 spike in ~1/10 000 commune series (not in the counts a rate is made of), one year each
  `CREATE OR REPLACE TEMP MACRO spiked(u, i, y) AS hash('spike|' || u || '|' || i) % 10000 = 0 AND 2017 + hash('spike-year|' || u || '|' || i) % 8 = y`,
  // injected: ~0.1 % of district/province figures off
  `CREATE OR REPLACE TEMP MACRO wrong(u, i, y) AS hash('err|' || u || '|' || i || '|' || y) % 1000 = 0`,
  `CREATE OR REPLACE TEMP MACRO count_error(u, i, y, v) AS
     (CASE WHEN hash('sign|' || u || '|' || i || '|' || y) % 2 = 0 THEN 1 ELSE -1 END) * greatest(1, round(v * (0.01 + 0.04 * u01('amt|' || u || '|' || i || '|' || y))))`,
  `CREATE OR REPLACE TEMP MACRO rate_error(u, i, y) AS round(1 + 2 * u01('amt|' || u || '|' || i || '|' || y), 2)`,
  // missing: ~1/2 000 commune reports never sent
  `CREATE OR REPLACE TEMP MACRO missing(u, y) AS hash('missing|' || u || '|' || y) % 2000 = 0`,
  `CREATE OR REPLACE TEMP MACRO report_id(u, y) AS md5('bench-report|' || u || '|' || y) || md5('bench-bytes|' || y || '|' || u)`,
];

export function setupSql(provinceCount: number): string[] {
  const indicatorValues = benchIndicators.map((d, idx) => `(${q(d.code)}, ${idx}, ${q(d.unit)}, ${d.ratio ? q(d.ratio.numerator) : 'NULL'}, ${d.ratio ? q(d.ratio.denominator) : 'NULL'}, ${q(d.name.vi)})`);
  const ratioCounts = [...new Set(ratioPercents.flatMap((d) => [d.ratio!.numerator, d.ratio!.denominator]))];
  return [
    ...MACROS,
    `CREATE OR REPLACE TEMP TABLE bench_ind (code VARCHAR, idx INTEGER, measure VARCHAR, numerator VARCHAR, denominator VARCHAR, label VARCHAR)`,
    `INSERT INTO bench_ind VALUES ${indicatorValues.join(', ')}`,
    `CREATE OR REPLACE TEMP TABLE bench_ratio_counts AS SELECT unnest([${ratioCounts.map(q).join(', ')}]) AS code`,
    // the pre-2025 map, in force on every 31 December 2017 … 2024; a fraction of the provinces, whole
    `CREATE OR REPLACE TEMP TABLE bench_units AS
     WITH m AS (SELECT * FROM units WHERE valid_from <= DATE '2017-12-31' AND (valid_to IS NULL OR valid_to >= DATE '2024-12-31')),
     p AS (SELECT code FROM m WHERE level = 'province' ORDER BY md5(code) LIMIT ${provinceCount})
     SELECT c.code, c.level, c.parent, c.valid_from, coalesce(d.parent, c.parent, c.code) AS province
     FROM m c LEFT JOIN m d ON d.code = c.parent AND c.level = 'commune'
     WHERE coalesce(d.parent, c.parent, c.code) IN (SELECT code FROM p)`,
  ];
}

/** The year's observations: communes from the generator, their parents as sums of what they reported. */
export function yearSql(y: number, heldBack: readonly string[]): string[] {
  const held = heldBack.length > 0 && y === NEW_YEAR ? `OR u.code IN (${heldBack.map(q).join(', ')})` : '';
  const up = (table: string, child: string, leaves = '') => [
    // counts: Σ children's figures (missing and held-back communes included: the parent had them) ± an injected error
    `CREATE OR REPLACE TEMP TABLE ${table} AS
     WITH s AS (
       SELECT c.parent AS unit, c.indicator, sum(c.value) AS value
       FROM ${child} c JOIN bench_ind i ON i.code = c.indicator AND i.measure = 'count'
       GROUP BY c.parent, c.indicator)
     SELECT unit, indicator, value + CASE WHEN wrong(unit, indicator, ${y}) THEN count_error(unit, indicator, ${y}, value) ELSE 0 END AS value FROM s
     ${leaves}`,
    // rates: from the unit's own counts (so its own wrong count shows in its rate) ± an injected error
    `INSERT INTO ${table}
     SELECT n.unit, i.code, round(100 * n.value / d.value, 2) + CASE WHEN wrong(n.unit, i.code, ${y}) THEN rate_error(n.unit, i.code, ${y}) ELSE 0 END
     FROM bench_ind i JOIN ${table} n ON n.indicator = i.numerator JOIN ${table} d ON d.indicator = i.denominator AND d.unit = n.unit
     WHERE i.measure = 'percent'`,
  ];
  return [
    `CREATE OR REPLACE TEMP TABLE y_commune AS
     SELECT u.code AS unit, u.parent, i.code AS indicator,
       commune_value(u.code, i.code, ${y}) * CASE WHEN i.measure = 'count' AND i.code NOT IN (SELECT code FROM bench_ratio_counts) AND spiked(u.code, i.code, ${y}) THEN 10 ELSE 1 END AS value
     FROM bench_units u CROSS JOIN bench_ind i WHERE u.level = 'commune'`,
    ...up('y_district', 'y_commune', `
     UNION ALL -- a district without communes (Bạch Long Vĩ, Côn Đảo, …) reports its own figures
     SELECT u.code, i.code, commune_value(u.code, i.code, ${y}) FROM bench_units u CROSS JOIN bench_ind i
     WHERE u.level = 'district' AND i.measure = 'count' AND NOT EXISTS (SELECT 1 FROM bench_units c WHERE c.parent = u.code)`),
    `CREATE OR REPLACE TEMP TABLE y_district_p AS SELECT d.*, u.parent FROM y_district d JOIN bench_units u ON u.code = d.unit`,
    ...up('y_province', 'y_district_p'),
    // the year's reports (missing and held-back communes have none), in arrival order: shuffled
    `CREATE OR REPLACE TEMP TABLE y_reports AS
     SELECT u.*, report_id(u.code, ${y}) AS report_id, hash('order|' || u.code || '|${y}') AS arrival
     FROM bench_units u WHERE NOT (u.level = 'commune' AND (missing(u.code, ${y}) ${held}))`,
    // every figure of the year, each report's rows together
    `CREATE OR REPLACE TEMP TABLE y_obs AS
     WITH v AS (
       SELECT unit, indicator, value FROM y_commune
       UNION ALL SELECT unit, indicator, value FROM y_district
       UNION ALL SELECT unit, indicator, value FROM y_province)
     SELECT r.report_id, left(md5(r.report_id || '|' || i.code), 24) AS fact_id, r.code AS unit, r.level, r.parent, r.province, r.valid_from,
       i.code AS indicator, i.idx, i.measure, i.label, v.value
     FROM v JOIN y_reports r ON r.code = v.unit JOIN bench_ind i ON i.code = v.indicator
     ORDER BY r.arrival, i.idx`,
    `INSERT INTO reports (report_id, status, object_key, file_name, media_type, bytes, submitted_by, submitted_at, claimed_unit, claimed_period,
       pages, characters, text_key, fact_count, updated_at, detected_period, unit_code, period, as_of, consolidated_at, expected_facts, observed_periods)
     SELECT report_id, 'parsed', 'reports/' || unit || '/${y}/' || report_id || '.pdf', unit || '-${y}.pdf', 'application/pdf',
       200000 + hash(report_id) % 800000, 'bench',
       TIMESTAMP '${y + 1}-01-10 08:00:00' + to_seconds(CAST(hash(report_id) % (40 * 86400) AS BIGINT)),
       unit, '${y}', 1 + count(*) // 30, 2000 * count(*), 'parsed/' || report_id || '/document.json', count(*), now(), '${y}',
       unit, '${y}', DATE '${y}-12-31', now(), count(*), '${y}'
     FROM y_obs GROUP BY report_id, unit`,
    `INSERT INTO facts (fact_id, report_id, kind, label, indicator, value, rate, unit_noun, page, span_start, span_end, quote, record)
     SELECT fact_id, report_id, k.kind, label, indicator, CASE WHEN k.kind = 'count' THEN value END, CASE WHEN k.kind = 'rate' THEN value END,
       k.noun, 1 + idx // 30, (idx % 30) * 120, (idx % 30) * 120 + length(k.quote), k.quote,
       CAST(json_object('id', fact_id, 'reportId', report_id, 'kind', k.kind, 'label', label, 'indicator', indicator,
         CASE WHEN k.kind = 'count' THEN 'value' ELSE 'rate' END, value, 'unit', k.noun,
         'evidence', json_object('reportId', report_id, 'page', 1 + idx // 30, 'start', (idx % 30) * 120,
           'end', (idx % 30) * 120 + length(k.quote), 'quote', k.quote)) AS JSON)
     FROM (SELECT *, struct_pack(
         kind := CASE WHEN measure = 'percent' THEN 'rate' ELSE 'count' END,
         noun := CASE WHEN measure = 'percent' THEN '%' ELSE 'hồ sơ' END,
         quote := label || ': ' || CASE WHEN measure = 'percent' THEN replace(CAST(value AS VARCHAR), '.', ',') || '%' ELSE CAST(CAST(value AS BIGINT) AS VARCHAR) END
       ) AS k FROM y_obs)`,
    // a district states its communes' figures (`cấp xã trên địa bàn huyện`), the province the districts' statements of theirs
    `INSERT INTO observations (report_id, unit, period, indicator, scope, value, tolerance, decimals, fact_id, source, ambiguous,
       as_of, unit_valid_from, parent, province, level, period_kind, period_index)
     SELECT report_id, unit, '${y}', indicator, CASE WHEN level = 'commune' THEN 'own' ELSE 'commune' END, value, CASE WHEN measure = 'percent' THEN 0.005 ELSE 0 END, CASE WHEN measure = 'percent' THEN 2 ELSE 0 END,
       fact_id, 'text', false, DATE '${y}-12-31', valid_from, parent, province, level, 'year', ${y}
     FROM y_obs`,
  ];
}
