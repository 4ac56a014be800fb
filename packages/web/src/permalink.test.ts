import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePermalink, encodePermalink, isPermalink, MAX_PASTE_BYTES, type SharedPaste } from './permalink.js';

/** Deflates raw bytes and wraps them as a link fragment, to build links the page itself would never make. */
async function fragmentOf(bytes: Uint8Array): Promise<string> {
  const packed = new Uint8Array(
    await new Response(
      new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate-raw')),
    ).arrayBuffer(),
  );
  return `paste=1.${Buffer.from(packed).toString('base64url')}`;
}
const json = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));

describe('permalink', () => {
  it('carries any inputs through the fragment unchanged (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            name: fc.option(fc.string({ minLength: 1, maxLength: 40 }), { nil: undefined }),
            text: fc.string({ unit: 'grapheme' }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        async (inputs) => {
          const paste: SharedPaste = {
            inputs: inputs.map((i) => (i.name === undefined ? { text: i.text } : { name: i.name, text: i.text })),
          };
          const fragment = await encodePermalink(paste);
          expect(fragment).toMatch(/^paste=1\.[A-Za-z0-9_-]*$/);
          expect(isPermalink(`#${fragment}`)).toBe(true);
          expect(await decodePermalink(`#${fragment}`)).toEqual({ ok: true, paste });
        },
      ),
      { numRuns: 50 },
    );
  });

  it('compresses a typical paste', async () => {
    const text =
      'Warning FailedScheduling 10s default-scheduler 0/2 nodes are available: 2 node(s) were not ready.\n'.repeat(50);
    expect((await encodePermalink({ inputs: [{ text }] })).length).toBeLessThan(text.length / 10);
  });

  it('says why a fragment cannot be read', async () => {
    const good = await encodePermalink({ inputs: [{ text: 'kubectl get pods' }] });
    expect(await decodePermalink('#results')).toEqual({ ok: false, error: 'not-a-paste' });
    expect(isPermalink('#results')).toBe(false);
    expect(await decodePermalink('paste=1.%%%')).toEqual({ ok: false, error: 'bad-encoding' });
    expect(await decodePermalink(good.slice(0, -6))).toEqual({ ok: false, error: 'bad-encoding' });
    expect(await decodePermalink(await fragmentOf(new Uint8Array([0xff, 0xfe])))).toEqual({
      ok: false,
      error: 'bad-content',
    });
    expect(await decodePermalink(await fragmentOf(json({ inputs: 'x' })))).toEqual({ ok: false, error: 'bad-content' });
    expect(await decodePermalink(await fragmentOf(json({ inputs: [] })))).toEqual({ ok: false, error: 'bad-content' });
    expect(await decodePermalink(await fragmentOf(json({ inputs: [{ text: 1 }] })))).toEqual({
      ok: false,
      error: 'bad-content',
    });
    expect(await decodePermalink(await fragmentOf(json({ inputs: [{ name: '', text: 'x' }] })))).toEqual({
      ok: false,
      error: 'bad-content',
    });
    expect(await decodePermalink(await fragmentOf(json([1])))).toEqual({ ok: false, error: 'bad-content' });
  });

  it('refuses a link that unpacks to more than the limit without unpacking all of it', async () => {
    // 17 MiB of one letter deflates to about 17 KiB: a small link, a large paste.
    const bomb = await fragmentOf(new Uint8Array(MAX_PASTE_BYTES + 1024 * 1024).fill(0x61));
    expect(bomb.length).toBeLessThan(100_000);
    expect(await decodePermalink(bomb)).toEqual({ ok: false, error: 'too-large' });
  });
});
