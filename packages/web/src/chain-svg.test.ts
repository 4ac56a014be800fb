import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayWidth, escapeXml, renderChainSvg, type ChainSvgText } from './chain-svg.js';

const TEXT: ChainSvgText = {
  title: 'Where the chain broke',
  ok: 'works',
  broken: 'broken',
  notReached: 'not reached',
  evidence: [],
};
const LINKS = [
  'AWS credentials',
  'token (exec plugin)',
  'IAM identity',
  'aws-auth / access entry',
  'RBAC',
  'admission',
];

/** The state of each link group, in document order. */
function states(svg: string): string[] {
  return [...svg.matchAll(/<g class="link ([\w-]+)" data-index="(\d+)">/g)].map((m) => `${m[2]}:${m[1]}`);
}

describe('renderChainSvg', () => {
  it('marks the links before the broken one as working, the broken one, and the rest as not reached', () => {
    const svg = renderChainSvg({ links: LINKS, broken: 3 }, TEXT);
    expect(states(svg)).toEqual(['0:ok', '1:ok', '2:ok', '3:broken', '4:not-reached', '5:not-reached']);
    expect(svg).toContain('✘ broken');
    expect(svg.match(/✔ works/g)).toHaveLength(3);
  });

  it('writes the evidence rows inside the broken link, after its box and before the next link', () => {
    const svg = renderChainSvg(
      { links: LINKS, broken: 2 },
      { ...TEXT, evidence: ['wall3.txt: line 17', 'aws-auth.yaml: lines 6, 8'] },
    );
    const broken = svg.slice(svg.indexOf('data-index="2"'), svg.indexOf('data-index="3"'));
    expect([...broken.matchAll(/<text class="evidence"[^>]*>([^<]*)</g)].map((m) => m[1])).toEqual([
      'wall3.txt: line 17',
      'aws-auth.yaml: lines 6, 8',
    ]);
    expect(svg.match(/class="evidence"/g)).toHaveLength(2);
    expect(svg).toContain(
      'aria-label="Where the chain broke: AWS credentials: works; token (exec plugin): works; IAM identity: broken;',
    );
  });

  it('draws the seed Pending wall as in the golden file', async () => {
    const svg = renderChainSvg(
      {
        links: ['node IAM role', 'aws-auth / access entry', 'kubelet joins', 'node Ready (CNI)', 'pod scheduled'],
        broken: 1,
      },
      { ...TEXT, evidence: ['wall3-pending-not-ready-disk.txt: line 17', 'aws-auth-users-only.yaml: lines 6, 8'] },
    );
    await expect(`${svg}\n`).toMatchFileSnapshot('golden/chain.wall3.svg');
  });

  it('refuses a broken index that names no link', () => {
    expect(() => renderChainSvg({ links: LINKS, broken: 6 }, TEXT)).toThrow(RangeError);
    expect(() => renderChainSvg({ links: LINKS, broken: -1 }, TEXT)).toThrow(RangeError);
    expect(() => renderChainSvg({ links: LINKS, broken: 1.5 }, TEXT)).toThrow(RangeError);
    expect(() => renderChainSvg({ links: [], broken: 0 }, TEXT)).toThrow(RangeError);
  });

  it('escapes every text it draws, whatever the labels hold (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string(), { minLength: 1, maxLength: 10 }),
        fc.nat(),
        fc.array(fc.string(), { maxLength: 3 }),
        fc.string(),
        (links, k, evidence, title) => {
          const broken = k % links.length;
          const svg = renderChainSvg({ links, broken }, { ...TEXT, title, evidence });
          // With the tags removed, no markup character is left: nothing from the labels became a tag.
          expect(svg.replace(/<\/?[a-z][^<>]*>/g, '')).not.toMatch(/[<>]/);
          expect(states(svg)).toHaveLength(links.length);
          expect(states(svg).filter((s) => s.endsWith(':broken'))).toEqual([`${broken}:broken`]);
        },
      ),
    );
  });
});

describe('escapeXml and displayWidth', () => {
  it('escapes the five markup characters', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
  });
  it('counts East Asian wide characters twice', () => {
    expect(displayWidth('RBAC')).toBe(4);
    expect(displayWidth('アクセスエントリ')).toBe(16);
    expect(displayWidth('AWS 認証情報')).toBe(12);
  });
});
