import { describe, expect, it } from 'vitest';
import { imageTypeOf } from './imageType.js';

const bytes = (hex: string) => Uint8Array.from(Buffer.from(hex.replace(/\s/g, ''), 'hex'));

describe('imageTypeOf', () => {
  it('knows PNG, JPEG, WebP and GIF by their first bytes', () => {
    expect(imageTypeOf(bytes('89504e470d0a1a0a 0000000d49484452'))).toBe('image/png');
    expect(imageTypeOf(bytes('ffd8ffe000104a464946'))).toBe('image/jpeg');
    expect(imageTypeOf(bytes('52494646 24000000 57454250 5650384c'))).toBe('image/webp');
    expect(imageTypeOf(bytes('474946383961 0100'))).toBe('image/gif');
    expect(imageTypeOf(bytes('474946383761 0100'))).toBe('image/gif');
  });
  it('refuses anything else, whatever it is called: HTML, SVG, PDF, a RIFF that is not WebP, a cut-off header', () => {
    expect(imageTypeOf(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(imageTypeOf(new TextEncoder().encode('<html><script>alert(1)</script>'))).toBeNull();
    expect(imageTypeOf(bytes('255044462d312e37'))).toBeNull();
    expect(imageTypeOf(bytes('52494646 24000000 57415645'))).toBeNull();
    expect(imageTypeOf(bytes('89504e47'))).toBeNull();
    expect(imageTypeOf(new Uint8Array())).toBeNull();
  });
});
