import { readFile, rm } from 'node:fs/promises';
import { tonghopError } from '../../../infra/errors/error-catalog.ts';
import { lastLine, runTool } from '../tool-process.ts';

/**
 * Runs Debian's `tesseract` (5.x, package tesseract-ocr, with tesseract-ocr-vie) on one
 * page image file and returns what it printed on stdout: the TSV of word boxes
 * (`tesseract-tsv.ts`), or, with `mode: 'orientation'`, its orientation and script report.
 *
 * Always one thread (OMP_THREAD_LIMIT=1): the pool (`ocr-pool.ts`) runs one process a core.
 * `--psm 3` is tesseract's default page segmentation (columns, blocks, tables as text);
 * `--dpi` tells it the scale when the image file does not. A missing tesseract or
 * missing Vietnamese data is TH_ERR_OCR_MISSING (with what to install); any other
 * refusal, or a page that takes longer than `timeoutMs`, TH_ERR_OCR_FAILED.
 */
export interface TesseractRun {
  imagePath: string;
  /** What the page is called in errors: `report.pdf, trang 3`. */
  label: string;
  dpi: number;
  /** `words`: a page (`--psm 3`); `block`: one block of lines (`--psm 6`); `orientation`: OSD. */
  mode?: 'words' | 'block' | 'orientation';
  timeoutMs?: number;
}

export function runTesseract(run: TesseractRun): Promise<string> {
  const args = run.mode === 'orientation'
    ? [run.imagePath, 'stdout', '--psm', '0', '-l', 'osd', '--dpi', String(run.dpi)]
    : [run.imagePath, 'stdout', '-l', 'vie', '--psm', run.mode === 'block' ? '6' : '3', '--dpi', String(run.dpi), 'tsv'];
  return spawnTesseract(args, run);
}

/**
 * A page read once into both TSV (word boxes) and hOCR with each character's box
 * (`hocr_char_boxes`), which the TSV lacks: a footnote marker glued to its number
 * (`13/29⁵` read as the word `13/295`) is told by its characters' boxes
 * (`superscript-digits.ts`). Files `<outBase>.tsv` and `<outBase>.hocr` are read and removed.
 */
export async function runTesseractPage(run: TesseractRun & { outBase: string }): Promise<{ tsv: string; hocr: string }> {
  await spawnTesseract([run.imagePath, run.outBase, '-l', 'vie', '--psm', '3', '--dpi', String(run.dpi), '-c', 'hocr_char_boxes=1', 'hocr', 'tsv'], run);
  try {
    const [tsv, hocr] = await Promise.all([readFile(`${run.outBase}.tsv`, 'utf8'), readFile(`${run.outBase}.hocr`, 'utf8')]);
    return { tsv, hocr };
  } finally {
    await Promise.all([rm(`${run.outBase}.tsv`, { force: true }), rm(`${run.outBase}.hocr`, { force: true })]);
  }
}

async function spawnTesseract(args: string[], run: TesseractRun): Promise<string> {
  let outcome;
  try {
    outcome = await runTool({ command: 'tesseract', args, timeoutMs: run.timeoutMs ?? 120_000, env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw err.code === 'ENOENT' ? tonghopError('TH_ERR_OCR_MISSING', [run.label], err) : tonghopError('TH_ERR_OCR_FAILED', [`${run.label} (${err.message})`], err);
  }
  const { code, signal, stdout, stderr } = outcome;
  if (signal) throw tonghopError('TH_ERR_OCR_FAILED', [`${run.label} (tesseract stopped: ${signal})`]);
  if (code === 0) return stdout;
  if (/Failed loading language|Error opening data file/i.test(stderr)) throw tonghopError('TH_ERR_OCR_MISSING', [`${run.label} (${lastLine(stderr)})`]);
  throw tonghopError('TH_ERR_OCR_FAILED', [`${run.label} (${lastLine(stderr) || `exit ${code}`})`]);
}

let available: Promise<boolean> | undefined;

/** Whether tesseract with Vietnamese data runs here (checked once per process). */
export function tesseractAvailable(): Promise<boolean> {
  available ??= runTool({ command: 'tesseract', args: ['--list-langs'], timeoutMs: 30_000 })
    .then((o) => o.code === 0 && /^vie$/m.test(o.stdout), () => false);
  return available;
}

/** The turn tesseract's orientation detection reads (`Rotate: 90`): degrees clockwise that set the page upright. */
export function parseOrientation(report: string): { rotate: number; confidence: number } {
  const rotate = Number(/^Rotate:\s*(\d+)/m.exec(report)?.[1] ?? 0);
  const confidence = Number(/^Orientation confidence:\s*([\d.]+)/m.exec(report)?.[1] ?? 0);
  return { rotate, confidence };
}
