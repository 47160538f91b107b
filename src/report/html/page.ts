import { createHash } from 'node:crypto';
import { escapeHtml } from '../escape.js';
import { STYLES } from './styles.js';

export interface PageParts {
  title: string;
  /** Trusted markup: built by the block renderer, which escapes all data. */
  body: string;
  /** Inline scripts to run (library code, then the page's own); each is allowed by its hash and nothing else. */
  scripts?: readonly string[];
  /** The page's stylesheet (default: the report's). */
  styles?: string;
}

/**
 * A complete, self-contained HTML page with a strict Content Security Policy: nothing may be loaded from
 * anywhere (default-src 'none'), images only from data: URLs, and only the scripts passed here may run, each
 * allowed by its SHA-256 hash. A script that untrusted text somehow smuggled into the page would not match a
 * hash and would not run; inline event handlers (onerror=...) never run under a hash-only policy.
 */
export function renderPage(parts: PageParts): string {
  const scripts = parts.scripts ?? [];
  const hashes = scripts.map((s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`);
  // Built only from constants and base64 hashes: nothing in it needs escaping.
  const csp = [
    `default-src 'none'`,
    `script-src ${hashes.length ? hashes.join(' ') : `'none'`}`,
    `style-src 'unsafe-inline'`,
    `img-src data:`,
    `font-src data:`,
    `base-uri 'none'`,
    `form-action 'none'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(parts.title)}</title>
<style>${parts.styles ?? STYLES}</style>
</head>
<body>
${parts.body}
${scripts.map((s) => `<script>${s}</script>`).join('\n')}
</body>
</html>
`;
}
