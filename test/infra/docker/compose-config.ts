import { spawnSync } from 'node:child_process';

/**
 * `docker-compose config`, run and read back, for the tests of docker-compose.yml.
 *
 * No YAML library is a dependency, and none is needed: `config` prints the file
 * normalized, in block style only. This reads that subset (grammar below), as printed
 * by docker-compose 1.29 (PyYAML: sequences at their key's indent, long plain scalars
 * folded onto deeper lines) and by Compose v2 (sequences indented, long-syntax ports).
 * Every scalar stays a string; anything else (anchors, flow collections other than
 * `{}`/`[]`, block scalars) throws instead of being misread.
 *
 *   node     = mapping | sequence
 *   mapping  = { INDENT key ":" ( " " scalar | NEWLINE node | NEWLINE sequence-at-same-indent ) }
 *   sequence = { INDENT "- " ( scalar | key ":" … (a mapping two columns in) ) }
 *   scalar   = plain | 'single' | "double" | {} | []  [ NEWLINE deeper-indented continuation … ]
 */
export type ComposeValue = string | null | ComposeValue[] | { [key: string]: ComposeValue };

export interface ComposeRun {
  /** null when the binary is missing (ENOENT). */
  status: number | null;
  stdout: string;
  stderr: string;
  missing: boolean;
}

/**
 * Runs `docker-compose <args>` in `cwd` with only PATH and HOME from the environment, so
 * a developer's KAFKA_TOPIC_PREFIX or MINIO_ROOT_USER cannot change what the defaults read.
 */
export function runDockerCompose(args: string[], cwd: string): ComposeRun {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8' };
  const result = spawnSync('docker-compose', args, { cwd, env, encoding: 'utf8', timeout: 60_000 });
  const missing = result.error !== undefined && 'code' in result.error && result.error.code === 'ENOENT';
  if (result.error && !missing) throw result.error;
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '', missing };
}

interface Line { indent: number; text: string; no: number }

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s"'#-][^:]*?|-[^\s:][^:]*?):(?: +(.*))?$/;

export function parseComposeConfig(yaml: string): ComposeValue {
  const lines: Line[] = yaml.split('\n').flatMap((raw, i) => {
    const text = raw.trimEnd();
    if (text.trim() === '' || text.trimStart().startsWith('#')) return [];
    const indent = text.length - text.trimStart().length;
    return [{ indent, text: text.trimStart(), no: i + 1 }];
  });
  let pos = 0;
  const fail = (line: Line | undefined, why: string): never => {
    throw new Error(`docker-compose config output, line ${line?.no ?? 'end'}: ${why}${line ? ` (${line.text})` : ''}`);
  };

  function scalar(text: string, ownerIndent: number): ComposeValue {
    let value = text;
    // Folded continuation lines belong to this scalar (PyYAML wraps at 80 columns).
    while (pos < lines.length && lines[pos]!.indent > ownerIndent) value += ` ${lines[pos++]!.text}`;
    if (value === '{}') return {};
    if (value === '[]') return [];
    if (value.startsWith('"')) return JSON.parse(value) as string;
    if (value.startsWith("'")) return value.slice(1, -1).replaceAll("''", "'");
    if (/^[|>&*!]/.test(value) || (/^[[{]/.test(value))) fail(lines[pos - 1], 'unsupported YAML construct');
    return value;
  }

  function node(indent: number): ComposeValue {
    const first = lines[pos];
    if (!first || first.indent !== indent) return fail(first, `expected a block at indent ${indent}`);
    return first.text.startsWith('- ') || first.text === '-' ? sequence(indent) : mapping(indent);
  }

  function mapping(indent: number): ComposeValue {
    const out: { [key: string]: ComposeValue } = {};
    while (pos < lines.length && lines[pos]!.indent === indent && !lines[pos]!.text.startsWith('- ')) {
      const line = lines[pos++]!;
      const match = KEY.exec(line.text) ?? fail(line, 'expected `key:`');
      const key = scalarKey(match[1]!);
      const rest = match[2];
      if (rest !== undefined && rest !== '') out[key] = scalar(rest, indent);
      else if (pos < lines.length && lines[pos]!.indent > indent) out[key] = node(lines[pos]!.indent);
      else if (pos < lines.length && lines[pos]!.indent === indent && lines[pos]!.text.startsWith('- ')) out[key] = sequence(indent);
      else out[key] = null;
    }
    if (pos < lines.length && lines[pos]!.indent > indent) fail(lines[pos], 'unexpected indent');
    return out;
  }

  function sequence(indent: number): ComposeValue {
    const out: ComposeValue[] = [];
    while (pos < lines.length && lines[pos]!.indent === indent && lines[pos]!.text.startsWith('- ')) {
      const line = lines[pos]!;
      const item = line.text.slice(2);
      if (KEY.test(item)) {
        // `- key: value` opens a mapping two columns in; read it as if the dash were a space.
        lines[pos] = { indent: indent + 2, text: item, no: line.no };
        out.push(mapping(indent + 2));
      } else {
        pos++;
        out.push(scalar(item, indent));
      }
    }
    return out;
  }

  const root = node(lines[0]?.indent ?? 0);
  if (pos < lines.length) fail(lines[pos], 'unexpected line after the document');
  return root;
}

function scalarKey(raw: string): string {
  if (raw.startsWith('"')) return JSON.parse(raw) as string;
  if (raw.startsWith("'")) return raw.slice(1, -1).replaceAll("''", "'");
  return raw;
}

/** Walks a path of mapping keys; undefined when any step is missing or not a mapping. */
export function at(value: ComposeValue | undefined, ...path: string[]): ComposeValue | undefined {
  let current = value;
  for (const key of path) {
    if (current === null || current === undefined || typeof current === 'string' || Array.isArray(current)) return undefined;
    current = current[key];
  }
  return current;
}
