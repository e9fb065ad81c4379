import { createHash } from 'node:crypto'
import type { Plugin } from 'vite'
import { FRAME_SCRIPT } from '../src/sandbox/frameDocument.ts'

/**
 * The Content-Security-Policy, written into the built index.html as a `<meta>` (all a static host
 * needs). Nothing may connect to, or load from, another origin. `blob:` scripts and workers are the
 * sandbox's; its frame (`src/sandbox/frameDocument.ts`, a srcdoc frame, so under this policy as well
 * as its own stricter one) runs one inline script, allowed here by its hash; `'unsafe-inline'` styles are React Flow's and Monaco's element styles; `data:` images and
 * fonts are the PNG export's and Monaco's. Inline scripts (the theme script) are allowed by hash,
 * computed here, so editing one cannot silently break it. `connect-src 'self'` also lets `/play/live`
 * open the local gateway's WebSocket on the page's own host: CSP Level 3 matches `ws:` to `'self'`. The dev server gets no policy: its hot
 * reload needs inline scripts.
 */
export function policyFor(inlineScripts: readonly string[]): string {
  const hashes = [...inlineScripts, FRAME_SCRIPT].map(
    (s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`,
  )
  return [
    "default-src 'self'",
    `script-src 'self' blob: ${hashes.join(' ')}`.trim(),
    "worker-src 'self' blob:",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' data: blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ')
}

/** Adds the policy to index.html at build time. */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'fanout:csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
          (m) => m[1] ?? '',
        )
        const meta = `<meta http-equiv="Content-Security-Policy" content="${policyFor(inline)}" />`
        // Right after the charset, before any script it governs.
        return html.replace(/(<meta charset="[^"]*"\s*\/?>)/i, `$1\n    ${meta}`)
      },
    },
  }
}
