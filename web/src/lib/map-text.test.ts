import { describe, expect, it } from 'vitest';
import { asText, escapeHtml } from './map-text';

describe('map text', () => {
  it('keeps markup in a name as text', () => {
    const el = asText('<img src=x onerror=window.__x=1>');
    expect(el.textContent).toBe('<img src=x onerror=window.__x=1>');
    expect(el.querySelector('img')).toBeNull();
    expect(escapeHtml(`<b a="1">'&`)).toBe('&#60;b a=&#34;1&#34;&#62;&#39;&#38;');
  });
});
