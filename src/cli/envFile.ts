import { readFileSync } from 'node:fs';
import { InputError, type Problem } from '../util/problems.js';

/**
 * Reads a dotenv-style file (`--env-file FILE`): `KEY=VALUE` lines, `export KEY=VALUE`, values optionally in single
 * or double quotes, `#` comments and blank lines. Returns the variables; a bad line is bad input naming file and
 * line, never its value (it may be a key).
 */
export function readEnvFile(file: string): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError([
      { file, message: `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'}): pass a file of KEY=VALUE lines to --env-file` },
    ]);
  }
  const vars: Record<string, string> = {};
  const problems: Problem[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) {
      problems.push({ file, line: i + 1, message: 'expected KEY=VALUE (a variable name, "=", then the value)' });
      return;
    }
    vars[match[1]!] = unquote(match[2]!);
  });
  if (problems.length) throw new InputError(problems);
  return vars;
}

function unquote(value: string): string {
  const quote = value[0];
  if ((quote === '"' || quote === "'") && value.length >= 2 && value.endsWith(quote)) {
    const inner = value.slice(1, -1);
    return quote === '"' ? inner.replace(/\\n/g, '\n').replace(/\\"/g, '"') : inner;
  }
  // An unquoted value ends at a comment.
  return value.replace(/\s+#.*$/, '');
}
