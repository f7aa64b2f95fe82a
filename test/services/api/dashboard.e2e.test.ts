import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type RunningApi } from '../../../pipelines/api-server.ts';
import { loadConfig } from '../../../pipelines/config.ts';
import { startEmbedded, type EmbeddedPipeline } from '../../../pipelines/embedded-runner.ts';
import { capturingLogger } from '../../support/silent-logger.ts';

/**
 * The dashboard end to end in real Chromium (Debian's /usr/bin/chromium driven by
 * playwright-core), over a real database: four of samples/ go through the embedded pipeline
 * as uploads without claims (the parser places them), and the API is the real entry point
 * (pipelines/api-server.ts → buildApiServer) listening on 127.0.0.1, port 0, with its
 * generated national-analyst token. The samples give a three-level path for 2011..2020:
 * Thừa Thiên Huế (46) → Quảng Điền (477, no report of its own) → Quảng Ngạn (19873).
 * Sóc Trăng (94, 2016) has the rate flag 845.938/846.314 ≠ 89,39% on page 7.
 * Due date 90 days, so every sample (submitted now for an old period) is late.
 * The screenshot is kept in test/artifacts/dashboard.png (ignored by git).
 */
const CHROMIUM = '/usr/bin/chromium';
const SAMPLES = join(import.meta.dirname, '../../../samples');
const ARTIFACTS = join(import.meta.dirname, '../../artifacts');
const FILES = ['000-huyen-a-luoi-cchc-2011-2020.pdf', '002-tinh-soc-trang-cchc-2016.pdf', '003-xa-quang-ngan-cchc-2011-2020.docx', '004-huyen-bac-binh-cchc-2022.pdf'];

const hasChromium = existsSync(CHROMIUM);
/** The page's sessionStorage, typed here (the tests compile without the DOM library). */
const storedToken = () => (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }).sessionStorage.getItem('tonghop.token');
/** Waits for the page to show something (it loads data after each click). */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000, interval: 100 });
if (!hasChromium) console.warn(`dashboard e2e skipped: ${CHROMIUM} is absent (apt-get install chromium)`);

describe.skipIf(!hasChromium)('dashboard in Chromium: drill-down, flag evidence, completeness, export', () => {
  let dir: string;
  let pipeline: EmbeddedPipeline;
  let api: RunningApi;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let token: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tonghop-dashboard-'));
    const config = loadConfig({ TONGHOP_API_PORT: '0', TONGHOP_DUE_DAYS: '90' }, { dataDir: dir });
    pipeline = await startEmbedded(config, capturingLogger().log);
    for (const name of FILES) {
      const result = await pipeline.ingest.submit({ bytes: new Uint8Array(await readFile(join(SAMPLES, name))), fileName: name });
      expect(result.status).toBe('accepted');
    }
    await pipeline.whenIdle();
    api = await startApiServer({ config, log: capturingLogger().log, pipeline, out: new Writable({ write: (_c, _e, done) => done() }) });
    token = api.generated!.analyst;
    browser = await chromium.launch({
      executablePath: CHROMIUM, headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1360, height: 900 } });
    context.setDefaultTimeout(5_000);
    page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('console', (msg) => { if (msg.type() === 'error') pageErrors.push(msg.text()); });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await pipeline?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('serves the page and its assets without a token, with their content types; data needs the token', async () => {
    const index = await fetch(`${api.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await index.text()).toContain('<script type="module" src="/dashboard/app.js">');
    const js = await fetch(`${api.url}/dashboard/flag-panel.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await fetch(`${api.url}/dashboard/styles.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
    const names = await (await fetch(`${api.url}/dashboard/indicators.json`)).json() as { indicators: { code: string; name: { en: string } }[] };
    expect(names.indicators.find((i) => i.code === 'hoso.rate_on_time')?.name.en).toMatch(/on time/i);
    for (const path of ['/dashboard/dashboard-routes.ts', '/dashboard/..%2Fapi-server.ts', '/dashboard/nothing.js']) {
      const missing = await fetch(`${api.url}${path}`);
      expect(missing.status, path).toBe(404);
      expect(await missing.json()).toMatchObject({ code: 'TH_ERR_NOT_FOUND' });
    }
    expect((await fetch(`${api.url}/v1/figures`)).status).toBe(401);
  });

  it('takes the token from the address, lists the provinces with figures, and drills down tỉnh → huyện → xã', async () => {
    const figureCalls: string[] = [];
    const onRequest = (r: { url(): string }) => { if (r.url().includes('/v1/figures?')) figureCalls.push(decodeURIComponent(r.url())); };
    page.on('request', onRequest);
    await page.goto(`${api.url}/#token=${token}`);
    // The newest period first: Bình Thuận (Bắc Bình's 2022 report) among the provinces.
    await poll(() => page.locator('table.children tr[data-unit="60"]').textContent()).toContain('Tỉnh Bình Thuận');
    expect(page.url()).not.toContain(token);
    expect(await page.evaluate(storedToken)).toBe(token);
    expect(await page.locator('#period option').allTextContents()).toEqual(['2022', '2011..2020', '2016']);

    await page.selectOption('#period', '2016');
    const socTrang = page.locator('table.children tr[data-unit="94"]');
    await poll(() => socTrang.textContent()).toContain('Tỉnh Sóc Trăng');
    // Its own flags, every indicator (the last column): two rate errors.
    expect(await socTrang.locator('td.flags').last().locator('.badge.sev-error').textContent()).toBe('Lỗi 2');

    await page.selectOption('#period', '2011..2020');
    await page.locator('table.children tr[data-unit="46"] a.drill').click();
    await poll(() => page.locator('#ind-title').textContent()).toBe('Chỉ tiêu của Tỉnh Thừa Thiên Huế — kỳ 2011..2020');
    // The province reported nothing itself: every figure is the sum of its districts, 1 of 9 reported.
    const reviewed = page.locator('table.indicators tr[data-indicator="vbqppl.reviewed"]');
    expect(await reviewed.locator('td.reported').textContent()).toBe('—');
    expect(await reviewed.locator('td.derived').textContent()).toBe('432');
    expect(await reviewed.locator('td').nth(4).textContent()).toBe('1/9 · 11,1%');
    expect(await page.locator('table.children tbody tr').count()).toBe(9);
    expect(await page.locator('table.children tr[data-unit="481"]').textContent()).toContain('Huyện A Lưới');

    await page.locator('table.children tr[data-unit="477"] a.drill').click();
    await poll(() => page.locator('#ind-title').textContent()).toContain('Huyện Quảng Điền');
    await page.selectOption('#child-indicator', 'hoso.received');
    const commune = page.locator('table.children tr[data-unit="19873"]');
    await poll(() => commune.locator('td.reported').textContent()).toBe('251');
    await commune.locator('a.drill').click();
    await poll(() => page.locator('.breadcrumbs li').allTextContents()).toEqual(['Toàn quốc', 'Tỉnh Thừa Thiên Huế', 'Huyện Quảng Điền', 'Xã Quảng Ngạn']);
    expect(await page.locator('table.indicators tr[data-indicator="hoso.received"] td.reported').textContent()).toBe('251');
    // Below the top, the children's figures come one indicator at a time (the one on the screen).
    page.off('request', onRequest);
    const childCalls = figureCalls.filter((u) => u.includes('children=true'));
    expect(childCalls.length).toBeGreaterThan(2);
    expect(childCalls.filter((u) => !/[?&]indicator=/.test(u))).toEqual([]);
    expect(childCalls).toContainEqual(expect.stringContaining('unit=477&children=true&period=2011..2020&indicator=hoso.received'));
    expect(await page.locator('table.flag-list tbody tr').first().textContent()).toContain('bounds.staff_present_le_assigned');

    // The chart: legal documents the commune issued per year 2015–2020 (its appendix); the
    // 2011..2020 total is listed under the line, not drawn on it.
    await page.locator('table.indicators tr[data-indicator="vbqppl.issued"] .chart-button').click();
    const dots = page.locator('#chart svg.chart circle.dot.reported[data-period]');
    await poll(() => dots.count()).toBe(6);
    const points: string[] = [];
    for (const dot of await dots.all()) points.push(`${await dot.getAttribute('data-period')}=${await dot.getAttribute('data-value')}`);
    expect(points).toEqual(['2015=3', '2016=5', '2017=3', '2018=4', '2019=2', '2020=0']);
    expect(await page.locator('#chart svg.chart polyline.line.reported').count()).toBe(1);
    expect(await page.locator('#chart .span-total[data-period="2011..2020"]').textContent()).toBe('2011..2020 — Báo cáo 17, Tổng cấp dưới —');
    expect(await page.locator('#chart h2').textContent()).toBe('Xã Quảng Ngạn — Văn bản quy phạm pháp luật được ban hành qua các kỳ');
    expect(page.url()).toContain('indicator=vbqppl.issued');

    // Breadcrumbs go back up.
    await page.locator('.breadcrumbs li[data-unit="46"] a').click();
    await poll(() => page.locator('#ind-title').textContent()).toContain('Tỉnh Thừa Thiên Huế');
  });

  it('opens a flag: the quote with its numbers highlighted, the page, the original file, the values and the fix', async () => {
    await page.goto(`${api.url}/#period=2016&unit=94`);
    const row = page.locator('table.indicators tr[data-indicator="hoso.rate_on_time"]');
    await poll(() => row.locator('td.reported').textContent()).toBe('89,39%');
    await row.locator('button.badge.sev-error').click();
    const panel = page.locator('#flag-panel');
    await poll(() => panel.isVisible()).toBe(true);
    const card = panel.locator('.flag-card');
    expect(await card.count()).toBe(1);
    expect(await card.locator('.message').textContent()).toBe('Tỷ lệ báo cáo 89,39% không khớp với 845.938/846.314 = 99,96%.');
    expect(await card.locator('blockquote').textContent()).toBe('Kết quả có 845.938/846.314 hồ sơ đã được giải quyết đúng hạn, đạt tỷ lệ 89,39%.');
    expect(await card.locator('blockquote mark').allTextContents()).toEqual(['845.938', '846.314', '89,39']);
    expect(await card.locator('.page').textContent()).toBe('Trang 7');
    const link = card.locator('a.file-link');
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/v1\/reports\/[0-9a-f]{64}\/file$/);
    expect(await link.textContent()).toBe('Mở tệp gốc (trang 7)');
    expect(await card.locator('table.values').textContent()).toContain('99,96');
    expect(await card.locator('.suggestion').textContent()).toContain('946.314');

    // The link really is the original PDF (it needs the token, so the page fetches it and opens it at page 7).
    const file = await page.evaluate(async ({ url, secret }) => {
      const r = await fetch(url, { headers: { authorization: `Bearer ${secret}` } });
      return { status: r.status, type: r.headers.get('content-type'), head: new TextDecoder().decode((await r.arrayBuffer()).slice(0, 5)) };
    }, { url: href!, secret: await page.evaluate(storedToken) });
    expect(file).toEqual({ status: 200, type: 'application/pdf', head: '%PDF-' });
    const popup = page.waitForEvent('popup');
    await link.click();
    const opened = await popup;
    await poll(() => opened.url()).toMatch(/^blob:.*#page=7$/);
    await opened.close();

    await mkdir(ARTIFACTS, { recursive: true });
    const shot = join(ARTIFACTS, 'dashboard.png');
    await rm(shot, { force: true });
    await page.screenshot({ path: shot, fullPage: false });
    expect((await stat(shot)).size).toBeGreaterThan(20_000);

    await page.keyboard.press('Escape');
    await poll(() => panel.isVisible()).toBe(false);
    // A flag tied to no indicator opens from the flag list.
    await page.locator('table.flag-list tbody tr', { hasText: '13/29' }).click();
    await poll(() => panel.locator('blockquote mark').allTextContents()).toEqual(['13', '29', '41,93']);
  });

  it('switches to English and keeps the choice across a reload', async () => {
    await page.locator('#lang-switch').click();
    await poll(() => page.locator('table.indicators thead').textContent()).toContain('Sum of units below');
    expect(await page.locator('#tab-completeness').textContent()).toBe('Completeness');
    expect(await page.locator('#flag-panel .page').textContent()).toBe('Page 10');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    await poll(() => page.locator('#ind-title').textContent()).toBe('Indicators of Tỉnh Sóc Trăng — period 2016');
    expect(await page.locator('table.indicators tr[data-indicator="hoso.rate_on_time"] td').first().textContent()).toContain('on time');
    await page.locator('#lang-switch').click();
    await poll(() => page.locator('#ind-title').textContent()).toBe('Chỉ tiêu của Tỉnh Sóc Trăng — kỳ 2016');
  });

  it('shows completeness: who has not reported and who was late', async () => {
    await page.goto(`${api.url}/#period=2011..2020&unit=477`);
    await page.locator('#tab-completeness').click();
    const row = page.locator('.completeness-table tr[data-unit="477"]');
    await poll(() => row.locator('td').nth(1).textContent()).toBe('11');
    expect(await row.locator('td').nth(2).textContent()).toBe('1 (9%)');
    expect(await row.locator('td.missing li').count()).toBe(10);
    expect(await row.locator('td.missing').textContent()).toContain('Xã Quảng Thái');
    expect(await row.locator('td.late li').allTextContents()).toEqual([expect.stringMatching(/^Xã Quảng Ngạn: nộp \d{4}-\d{2}-\d{2}, hạn 2021-03-31, muộn [\d.]+ ngày$/)]);
    expect(await page.locator('.completeness').textContent()).toContain('Hạn nộp: 90 ngày');
  });

  it('exports the figures shown as CSV (Vietnamese headers, the unit and its units below)', async () => {
    await page.goto(`${api.url}/#period=2011..2020&unit=46`);
    await poll(() => page.locator('table.indicators tbody tr').count()).toBeGreaterThan(0);
    const download = page.waitForEvent('download');
    await page.locator('button.export[data-format="csv"]').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('tonghop-figures.csv');
    const bytes = await readFile(await file.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^Mã đơn vị,Tên đơn vị,Kỳ báo cáo,Mã chỉ tiêu,Tên chỉ tiêu,Phạm vi số liệu,Số liệu báo cáo,Tổng hợp từ cấp dưới/);
    expect(lines).toContain('46,Tỉnh Thừa Thiên Huế,2011..2020,vbqppl.reviewed,Văn bản quy phạm pháp luật được rà soát,district,,432,1,9,0.1111111111111111,0');
    expect(lines.some((l) => l.startsWith('481,Huyện A Lưới,2011..2020,tthc.total,'))).toBe(true);
    expect(new Set(lines.slice(1).map((l) => l.split(',')[0]))).toEqual(new Set(['46', '477', '481']));

    // The other formats come from the same query: an XLSX (a zip) and a Parquet file.
    for (const [format, magic] of [['xlsx', 'PK'], ['parquet', 'PAR1']] as const) {
      const next = page.waitForEvent('download');
      await page.locator(`button.export[data-format="${format}"]`).click();
      const got = await next;
      expect(got.suggestedFilename()).toBe(`tonghop-figures.${format}`);
      const content = await readFile(await got.path());
      expect(content.subarray(0, magic.length).toString('latin1')).toBe(magic);
    }
  });

  it('starts a province analyst at its province, without the national level', async () => {
    const created = await fetch(`${api.url}/v1/admin/tokens`, {
      method: 'POST', headers: { authorization: `Bearer ${api.generated!.admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Sở Nội vụ Bình Thuận', role: 'analyst', province: '60' }),
    });
    const { token: provinceToken } = await created.json() as { token: string };
    const other = await context.newPage();
    try {
      await other.goto(`${api.url}/#token=${provinceToken}`);
      await poll(() => other.locator('#ind-title').textContent()).toBe('Chỉ tiêu của Tỉnh Bình Thuận — kỳ 2022');
      expect(await other.locator('#period option').allTextContents()).toEqual(['2022']);
      expect(await other.locator('.breadcrumbs').textContent()).not.toContain('Toàn quốc');
      expect(await other.locator('table.children tr[data-unit="596"]').textContent()).toContain('Huyện Bắc Bình');
    } finally {
      await other.close();
    }
  });

  it('asks for a token when the address has none, and refuses a wrong one', async () => {
    const other = await context.newPage();
    try {
      await other.goto(`${api.url}/`);
      await poll(() => other.locator('#sign-in h2').textContent()).toBe('Đăng nhập bằng mã truy cập');
      await other.fill('#token-input', 'th_not-a-token');
      await other.locator('#sign-in button[type="submit"]').click();
      await poll(() => other.locator('#sign-in [role="alert"]').textContent()).toBe('Mã truy cập không hợp lệ hoặc đã bị thu hồi.');
      await other.fill('#token-input', token);
      await other.locator('#sign-in button[type="submit"]').click();
      await poll(() => other.locator('table.children tr[data-unit="60"]').textContent()).toContain('Tỉnh Bình Thuận');
    } finally {
      await other.close();
    }
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
