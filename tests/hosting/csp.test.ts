import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES } from '../../src/lib/csp.ts';

describe('Content-Security-Policy', () => {
  it('allows scripts, styles and workers from the site only: nothing inline, no eval', () => {
    for (const name of ['script-src', 'style-src', 'worker-src', 'default-src', 'connect-src']) {
      expect(CSP_DIRECTIVES[name], name).toBe("'self'");
    }
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|\*|https?:|nonce-/u);
    expect(CSP_DIRECTIVES['object-src']).toBe("'none'");
    expect(CSP_DIRECTIVES['base-uri']).toBe("'none'");
  });

  it('is one meta-compatible line (no frame-ancestors, which a meta element cannot set)', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/[\n"]|frame-ancestors|report-uri|sandbox/u);
    expect(CONTENT_SECURITY_POLICY.split('; ')).toHaveLength(Object.keys(CSP_DIRECTIVES).length);
  });
});
