import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, CSP_DIRECTIVES, scriptHash } from '../../src/lib/csp.ts';

const directives = (policy: string): Map<string, string[]> =>
  new Map(policy.split('; ').map((d) => d.split(' ')).map(([name, ...values]) => [name!, values]));

describe('Content-Security-Policy', () => {
  it('allows scripts, styles and workers from the site only: nothing inline, no eval', () => {
    for (const name of ['script-src', 'style-src', 'worker-src', 'default-src', 'connect-src']) {
      expect(CSP_DIRECTIVES[name], name).toBe("'self'");
    }
    const policy = contentSecurityPolicy();
    expect(policy).not.toMatch(/unsafe-|\*|https?:|nonce-|sha256-/u);
    expect(CSP_DIRECTIVES['object-src']).toBe("'none'");
    expect(CSP_DIRECTIVES['base-uri']).toBe("'none'");
  });

  it('allows an inline script by the hash of its exact text, and nothing more', () => {
    const code = 'document.documentElement.dataset.x="1";';
    const hash = `'sha256-${createHash('sha256').update(code).digest('base64')}'`;
    expect(scriptHash(code)).toBe(hash);
    expect(scriptHash(`${code} `)).not.toBe(hash);
    const policy = directives(contentSecurityPolicy([code]));
    expect(policy.get('script-src')).toEqual(["'self'", hash]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
  });

  it('is one meta-compatible line (no frame-ancestors, which a meta element cannot set)', () => {
    const policy = contentSecurityPolicy(['a()']);
    expect(policy).not.toMatch(/[\n"]|frame-ancestors|report-uri|sandbox/u);
    expect([...directives(policy).keys()]).toEqual(Object.keys(CSP_DIRECTIVES));
  });
});
