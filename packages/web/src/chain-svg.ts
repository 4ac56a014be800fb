// The chain a request or a pod walks, drawn as a column of links with the broken one marked and the evidence line
// numbers beside it. Pure: data in, SVG text out (the page inserts it; the tests read it).

/** The links of a chain, first to last, and the index of the one that broke. */
export interface Chain {
  links: readonly string[];
  broken: number;
}

/** The words the picture uses, in the page's language. */
export interface ChainSvgText {
  /** Accessible name of the picture. */
  title: string;
  ok: string;
  broken: string;
  notReached: string;
  /** Shown under the broken link, one row each, e.g. ["describe.txt: line 17", "aws-auth.yaml: lines 6, 8"]. */
  evidence: readonly string[];
}

const BOX_X = 4;
const BOX_H = 36;
const ROW_GAP = 22;
const EVIDENCE_H = 19;
const PAD = 4;
// Font sizes and the width of one Latin letter in each (about 0.55 em): the picture is sized to its words, so that a
// phone scales it down as little as possible.
const LABEL = { size: 15, em: 8.4 };
const STATUS = { size: 14, em: 7.8 };
const EVIDENCE = { size: 13, em: 7.2 };

/** Draws `chain` as an SVG document fragment; throws a RangeError when `broken` is not the index of a link. */
export function renderChainSvg(chain: Chain, text: ChainSvgText): string {
  const n = chain.links.length;
  if (n === 0 || !Number.isInteger(chain.broken) || chain.broken < 0 || chain.broken >= n)
    throw new RangeError(`chain broken index ${chain.broken} is not one of ${n} links`);
  const boxW = Math.max(150, Math.max(...chain.links.map(displayWidth)) * LABEL.em + 28);
  const statusW = (2 + Math.max(...[text.ok, text.broken, text.notReached].map(displayWidth))) * STATUS.em;
  // Evidence rows may be wider than a box and its status: the picture widens to hold them.
  const evidenceW = BOX_X + 14 + Math.max(0, ...text.evidence.map(displayWidth)) * EVIDENCE.em + PAD;
  const width = Math.ceil(Math.max(BOX_X + boxW + 10 + statusW + PAD, evidenceW));
  const parts: string[] = [];
  const states: string[] = [];
  let y = PAD;
  chain.links.forEach((link, i) => {
    const state = i < chain.broken ? 'ok' : i === chain.broken ? 'broken' : 'not-reached';
    const status = state === 'ok' ? text.ok : state === 'broken' ? text.broken : text.notReached;
    const mark = state === 'ok' ? '✔' : state === 'broken' ? '✘' : '·';
    states.push(`${link}: ${status}`);
    const cx = BOX_X + boxW / 2;
    parts.push(
      `<g class="link ${state}" data-index="${i}">`,
      `<rect x="${BOX_X}" y="${y}" width="${boxW}" height="${BOX_H}" rx="8" fill="${FILL[state]}" stroke="${STROKE[state]}" stroke-width="${state === 'broken' ? 3 : 1.5}"/>`,
      `<text class="label" x="${BOX_X + 14}" y="${y + BOX_H / 2 + 5}" font-size="${LABEL.size}" fill="currentColor">${escapeXml(link)}</text>`,
      `<text class="status" x="${BOX_X + boxW + 10}" y="${y + BOX_H / 2 + 5}" font-size="${STATUS.size}" fill="${STROKE[state]}">${mark} ${escapeXml(status)}</text>`,
    );
    y += BOX_H;
    if (state === 'broken')
      for (const row of text.evidence) {
        parts.push(
          `<text class="evidence" x="${BOX_X + 14}" y="${y + 16}" font-size="${EVIDENCE.size}" fill="${STROKE.broken}">${escapeXml(row)}</text>`,
        );
        y += EVIDENCE_H;
      }
    parts.push('</g>');
    if (i < n - 1) {
      // An arrow down to the next link: a shaft and a head, no marker ids (several pictures may share a page).
      const top = y + 3;
      const bottom = y + ROW_GAP - 3;
      parts.push(
        `<path class="arrow" d="M${cx} ${top}V${bottom - 5}M${cx - 5} ${bottom - 6}L${cx} ${bottom}L${cx + 5} ${bottom - 6}" fill="none" stroke="currentColor" stroke-width="1.5"/>`,
      );
      y += ROW_GAP;
    }
  });
  const height = y + PAD;
  const description = states.join('; ') + (text.evidence.length === 0 ? '' : ` (${text.evidence.join('; ')})`);
  return svgDocument({ cls: 'chain', width, height, title: text.title, label: `${text.title}: ${description}` }, parts);
}

/** An SVG picture for screen readers as for eyes: role img, its title, and a label that says what it shows. */
export function svgDocument(
  frame: { cls: string; width: number; height: number; title: string; label: string },
  parts: readonly string[],
): string {
  const { cls, width, height } = frame;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="${cls}" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" aria-label="${escapeXml(frame.label)}">`,
    `<title>${escapeXml(frame.title)}</title>`,
    ...parts,
    '</svg>',
  ].join('\n');
}

const FILL = { ok: '#e8f5e9', broken: '#fdecea', 'not-reached': '#f5f5f5' } as const;
const STROKE = { ok: '#2e7d32', broken: '#c62828', 'not-reached': '#757575' } as const;

/** Approximate width in Latin letters: East Asian wide characters count twice. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return w;
}

/** Escapes text for an XML/HTML text node or a double-quoted attribute. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
