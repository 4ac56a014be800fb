// The page: paste or drop kubectl / AWS output, see the diagnosis the CLI would print. Everything runs here; the page
// has no network code and its Content-Security-Policy forbids connections.
import './zod-jitless.js';
import {
  diagnoseDetailed,
  makeRedactor,
  toLines,
  type DiagnoseOptions,
  type DiagnoseResult,
  type Diagnosis,
  type InputDoc,
} from '@rbac-diagnose/core';
import { builtinRuleSetIn } from '@rbac-diagnose/rules';
import { renderChainSvg } from './chain-svg.js';
import { fixYaml } from './fix.js';
import { LANGS, pickLang, t, type Lang, type MessageKey } from './i18n.js';
import { lineView } from './line-view.js';
import { nodeGroupsFor, renderNodeRowSvg } from './nodes-svg.js';
import { decodePermalink, encodePermalink, isPermalink, type SharedPaste } from './permalink.js';

/** Name of the text area's content when files are diagnosed with it (fixed, so machine fields do not vary by language). */
const PASTED_NAME = 'pasted.txt';
const DEBOUNCE_MS = 250;
const LONG_LINK = 8000;

interface State {
  lang: Lang;
  files: InputDoc[];
  /** Increases with every change of input or language: a diagnosis whose run is not the latest is dropped. */
  run: number;
  result: { docs: InputDoc[]; detailed: DiagnoseResult } | null;
  timer: ReturnType<typeof setTimeout> | undefined;
}

const $ = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`page element #${id} is missing`);
  return el as T;
};

const input = $<HTMLTextAreaElement>('input');
const fileInput = $<HTMLInputElement>('files');
const langSelect = $<HTMLSelectElement>('lang');
const redact = $<HTMLInputElement>('redact');
const statusEl = $('status');
const noticeEl = $('notice');
const reportEl = $('report');
const announceEl = $('announce');
const fileList = $('file-list');
const sharePreview = $<HTMLTextAreaElement>('share-preview');
const permalink = $<HTMLInputElement>('permalink');

const state: State = { lang: pickLang(navigator.languages), files: [], run: 0, result: null, timer: undefined };

/** `el('p', { class: 'x' }, 'text', child)`: an element with attributes and children (text is never parsed as HTML). */
function el(
  tag: string,
  attrs: Record<string, string | undefined> = {},
  ...children: (Node | string | null)[]
): HTMLElement {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) e.setAttribute(k, v);
  for (const c of children) if (c !== null) e.append(c);
  return e;
}

const tr = (key: MessageKey, values?: Record<string, string | number>): string => t(state.lang, key, values);

// ---- static strings and language ----

function applyLanguage(): void {
  document.documentElement.lang = state.lang;
  document.title = tr('pageTitle');
  for (const e of document.querySelectorAll<HTMLElement>('[data-i18n]'))
    e.textContent = tr(e.dataset.i18n as MessageKey);
  for (const e of document.querySelectorAll<HTMLElement>('[data-i18n-placeholder]'))
    e.setAttribute('placeholder', tr(e.dataset.i18nPlaceholder as MessageKey));
  langSelect.value = state.lang;
}

for (const { lang, name } of LANGS) langSelect.append(el('option', { value: lang, lang }, name));
langSelect.addEventListener('change', () => {
  state.lang = langSelect.value === 'ja' ? 'ja' : 'en';
  applyLanguage();
  renderFiles();
  schedule(0);
});

// ---- input: text area and files ----

function docs(): InputDoc[] {
  const text = input.value;
  if (state.files.length === 0) return text.trim() === '' ? [] : [{ text }];
  return [...(text.trim() === '' ? [] : [{ name: PASTED_NAME, text }]), ...state.files];
}

async function addFiles(list: FileList | readonly File[]): Promise<void> {
  for (const file of Array.from(list)) {
    const text = await file.text();
    // The CLI refuses binary input too; a NUL never occurs in the text this page reads.
    if (text.includes('\u0000')) {
      noticeEl.textContent = tr('fileBinary', { name: file.name });
      continue;
    }
    let name = file.name || 'file';
    // Inputs are told apart by name in the report: a second "events.txt" becomes "events.txt (2)".
    for (let k = 2; name === PASTED_NAME || state.files.some((f) => f.name === name); k++) name = `${file.name} (${k})`;
    state.files.push({ name, text });
  }
  renderFiles();
  schedule(0);
}

function renderFiles(): void {
  fileList.replaceChildren(
    ...state.files.map((f, i) => {
      const name = f.name ?? '';
      const remove = el('button', { type: 'button', class: 'small', 'aria-label': tr('removeFile', { name }) }, '✕');
      remove.addEventListener('click', () => {
        state.files.splice(i, 1);
        renderFiles();
        schedule(0);
        input.focus();
      });
      return el(
        'li',
        {},
        el('span', { class: 'file-name' }, name),
        ' ',
        el('span', { class: 'muted' }, tr('lineCount', { n: toLines(f.text).length })),
        ' ',
        remove,
      );
    }),
  );
  $('files-heading').hidden = state.files.length === 0;
}

input.addEventListener('input', () => schedule(DEBOUNCE_MS));
$('add-files').addEventListener('click', () => fileInput.click());
fileInput.addEventListener('change', () => {
  if (fileInput.files !== null) void addFiles(fileInput.files).then(() => (fileInput.value = ''));
});
const dropZone = $('input-section');
dropZone.addEventListener('dragover', (e) => {
  if (!e.dataTransfer?.types.includes('Files')) return;
  e.preventDefault();
  dropZone.classList.add('dragging');
});
dropZone.addEventListener('dragleave', () => dropZone.classList.remove('dragging'));
dropZone.addEventListener('drop', (e) => {
  dropZone.classList.remove('dragging');
  const files = e.dataTransfer?.files;
  if (files === undefined || files.length === 0) return;
  e.preventDefault();
  void addFiles(files);
});

// ---- diagnosis ----

function setStatus(status: 'empty' | 'pending' | 'running' | 'done' | 'failed', text: string): void {
  document.body.dataset.status = status;
  statusEl.textContent = text;
}

/** Diagnoses the current input after `delay` ms without a further change. */
function schedule(delay: number): void {
  const run = ++state.run;
  clearTimeout(state.timer);
  document.body.dataset.share = 'pending';
  if (docs().length === 0) {
    state.result = null;
    reportEl.replaceChildren();
    setStatus('empty', tr('statusEmpty'));
    void updateShare(run);
    return;
  }
  setStatus('pending', tr('statusPending'));
  state.timer = setTimeout(() => void diagnoseNow(run), delay);
}

async function diagnoseNow(run: number): Promise<void> {
  const current = docs();
  setStatus('running', tr('statusRunning'));
  let detailed: DiagnoseResult;
  try {
    // The rules with their texts in the page's language, as the CLI passes them.
    const options: DiagnoseOptions = { ...(await builtinRuleSetIn(state.lang)), trustedRules: true, lang: state.lang };
    detailed = await diagnoseDetailed(current.length === 1 ? (current[0]?.text ?? '') : current, options);
  } catch (e) {
    if (run !== state.run) return;
    reportEl.replaceChildren();
    setStatus('failed', tr('statusFailed', { message: e instanceof Error ? e.message : String(e) }));
    return;
  }
  if (run !== state.run) return;
  state.result = { docs: current, detailed };
  renderReport(current, detailed);
  const n = detailed.report.diagnoses.length;
  setStatus('done', n === 0 ? tr('statusNone') : n === 1 ? tr('statusFoundOne') : tr('statusFound', { n }));
  await updateShare(run);
}

// ---- report ----

function renderReport(current: InputDoc[], detailed: DiagnoseResult): void {
  const { report } = detailed;
  reportLang = report.lang;
  const [top, ...rest] = report.diagnoses;
  const children: Node[] = [];
  if (top !== undefined) children.push(renderDiagnosis(top, current, detailed, true));
  const failures = rest.filter((d) => d.severity === 'error');
  const others = rest.filter((d) => d.severity !== 'error');
  for (const [key, list] of [
    ['alternatives', failures],
    ['otherFindings', others],
  ] as const) {
    if (list.length === 0) continue;
    children.push(
      el(
        'section',
        { class: 'alternatives' },
        el('h3', {}, tr(key)),
        ...list.map((d) => renderDiagnosis(d, current, detailed, false)),
      ),
    );
  }
  if (report.issues.length > 0)
    children.push(
      el(
        'section',
        { class: 'issues' },
        el('h3', {}, tr('issues')),
        el(
          'ul',
          {},
          ...report.issues.map((i) =>
            el('li', textLang(), i.line > 0 ? `${lineLabel(i.line, i.source)}: ${i.message}` : i.message),
          ),
        ),
      ),
    );
  reportEl.replaceChildren(...children);
}

let idCounter = 0;
/** The language of the diagnosis texts (the report's `lang`). */
let reportLang: Lang = 'en';

/** A `lang` attribute for diagnosis text when it is not in the page's language, for screen readers' voices. */
function textLang(): { lang?: string } {
  return reportLang === state.lang ? {} : { lang: reportLang };
}

function renderDiagnosis(d: Diagnosis, current: InputDoc[], detailed: DiagnoseResult, top: boolean): HTMLElement {
  const id = `d${++idCounter}`;
  const head = [
    el('h3', { id: `${id}-title`, class: 'title', ...textLang() }, d.title),
    el(
      'p',
      { class: 'meta' },
      el('span', { class: `badge ${d.severity}` }, tr(`severity_${d.severity}`)),
      ' ',
      el('code', { class: 'root-cause' }, d.rootCause),
      ` · ${tr('confidence', { value: d.confidence.toFixed(2) })} · `,
      el('span', { class: 'muted' }, d.ruleId),
    ),
  ];
  const body: (Node | null)[] = [el('p', { class: 'summary', ...textLang() }, d.summary)];
  if (d.misleading !== undefined)
    body.push(
      el('section', { class: 'misleading' }, el('h4', {}, tr('misleading')), el('p', textLang(), d.misleading)),
    );
  body.push(renderPictures(d, detailed), renderEvidence(d, current, id, top));
  if (d.nextSteps.length > 0)
    body.push(
      el(
        'section',
        { class: 'confirm' },
        el('h4', {}, tr('confirm')),
        el(
          'ul',
          { class: 'commands' },
          ...d.nextSteps.map((s) =>
            el('li', {}, codeBlock(s.command, 'command'), el('p', { class: 'why', ...textLang() }, s.why)),
          ),
        ),
      ),
    );
  if (d.remediation.length > 0) body.push(renderFix(d));
  body.push(
    el(
      'details',
      { class: 'explanation' },
      el('summary', {}, tr('details')),
      el('p', { class: 'pre-line', ...textLang() }, d.explanation),
    ),
  );
  const attrs = {
    class: `diagnosis ${top ? 'top' : 'alt'}`,
    'data-root-cause': d.rootCause,
    'data-rule-id': d.ruleId,
    'aria-labelledby': `${id}-title`,
  };
  if (top) return el('article', attrs, el('p', { class: 'kicker' }, tr('topCause')), ...head, ...body);
  // Alternatives start folded: their title and confidence in the summary line.
  return el(
    'details',
    attrs,
    el(
      'summary',
      {},
      el('span', textLang(), d.title),
      ' ',
      el('span', { class: 'muted' }, `(${d.confidence.toFixed(2)})`),
    ),
    ...head.slice(1),
    ...body,
  );
}

function lineLabel(line: number, source: string | undefined): string {
  return source === undefined ? tr('showLine', { line }) : tr('showLineIn', { source, line });
}

function renderPictures(d: Diagnosis, detailed: DiagnoseResult): HTMLElement | null {
  const figures: HTMLElement[] = [];
  const chain = d.chain;
  if (chain !== undefined) {
    // One row per input: "line 17" for a single input, "aws-auth.yaml: lines 6, 8" for several.
    const bySource = new Map<string | undefined, number[]>();
    for (const e of d.evidence) bySource.set(e.source, [...(bySource.get(e.source) ?? []), e.line]);
    const evidence = [...bySource].map(([source, lines]) => {
      const list = tr(lines.length === 1 ? 'chainLine' : 'chainLines', { list: lines.join(tr('listSeparator')) });
      return source === undefined ? list : `${shorten(source, 24)}: ${list}`;
    });
    const svg = renderChainSvg(chain, {
      title: tr('chainHeading'),
      ok: tr('chainOk'),
      broken: tr('chainBroken'),
      notReached: tr('chainNotReached'),
      evidence,
    });
    figures.push(figure('chain-figure', tr('chainHeading'), svg));
  }
  const nodes = nodeGroupsFor(d, detailed.facts.scheduling);
  if (nodes !== null) {
    const rows = nodes.groups.map((g) => {
      const squares = el('span', { class: 'svg' });
      // The SVG text comes from renderNodeRowSvg, which draws shapes only.
      squares.innerHTML = renderNodeRowSvg(g.count, nodes.total);
      return el(
        'li',
        {},
        el('span', { class: 'reason' }, tr('nodesReason', { count: g.count, total: nodes.total, reason: g.reason })),
        squares,
      );
    });
    figures.push(
      el(
        'figure',
        { class: 'nodes-figure' },
        el('figcaption', {}, el('h4', {}, tr('nodesHeading'))),
        el('p', { class: 'muted' }, tr('nodesSummary', { total: nodes.total, line: nodes.line })),
        el('ul', { class: 'node-groups' }, ...rows),
      ),
    );
  }
  return figures.length === 0 ? null : el('div', { class: 'pictures' }, ...figures);
}

/** A file name cut to about `max` characters in its middle, keeping its start and its extension. */
function shorten(name: string, max: number): string {
  if (name.length <= max) return name;
  const tail = Math.min(8, Math.floor(max / 3));
  return `${name.slice(0, max - tail - 1)}…${name.slice(-tail)}`;
}

function figure(cls: string, caption: string, svg: string): HTMLElement {
  const holder = el('div', { class: 'svg' });
  // The SVG text comes from renderChainSvg / renderNodesSvg, which escape every text they draw.
  holder.innerHTML = svg;
  return el('figure', { class: cls }, el('figcaption', {}, el('h4', {}, caption)), holder);
}

function renderEvidence(d: Diagnosis, current: InputDoc[], id: string, top: boolean): HTMLElement {
  const lineId = (docIndex: number, no: number) => `${id}-in${docIndex}-L${no}`;
  const docIndexOf = (source: string | undefined) =>
    source === undefined
      ? 0
      : Math.max(
          0,
          current.findIndex((doc) => doc.name === source),
        );
  const list = el(
    'ul',
    { class: 'evidence-list' },
    ...d.evidence.map((e) => {
      const target = lineId(docIndexOf(e.source), e.line);
      const button = el('button', { type: 'button', class: 'link' }, lineLabel(e.line, e.source));
      button.addEventListener('click', () => {
        const line = document.getElementById(target);
        line?.scrollIntoView({ block: 'center' });
        line?.focus();
      });
      return el(
        'li',
        {},
        button,
        el('code', { class: 'evidence-text' }, e.text),
        el('p', { class: 'why', ...textLang() }, e.why),
      );
    }),
  );
  const section = el('section', { class: 'evidence' }, el('h4', {}, tr('evidence')), list);
  if (!top) return section;
  // The line-numbered input beside the top cause, its evidence lines marked.
  const views = current.map((doc, i) => {
    const marked = new Set(d.evidence.filter((e) => docIndexOf(e.source) === i).map((e) => e.line));
    const rows = lineView(toLines(doc.text, doc.name), marked, { maxWhole: 400, context: 3 });
    const pre = el(
      'pre',
      // A scrolling region of its own: focusable to scroll by keyboard, and named for screen readers.
      {
        class: 'input-view',
        'data-source': doc.name,
        tabindex: '0',
        role: 'region',
        'aria-label': doc.name ?? tr('inputView'),
      },
      ...rows.map((r) =>
        r.kind === 'gap'
          ? el('span', { class: 'gap' }, tr('inputViewGap', { n: r.count }))
          : el(
              'span',
              {
                class: r.marked ? 'line evidence' : 'line',
                id: lineId(i, r.no),
                'data-line': String(r.no),
                ...(r.marked ? { tabindex: '-1' } : {}),
              },
              el('span', { class: 'no', 'aria-hidden': 'true' }, String(r.no)),
              r.marked
                ? el('mark', {}, el('span', { class: 'visually-hidden' }, `${tr('inputViewEvidence')}: `), r.text)
                : r.text,
            ),
      ),
    );
    return el('div', {}, doc.name === undefined ? null : el('h5', {}, doc.name), pre);
  });
  section.append(el('h4', {}, tr('inputView')), ...views);
  return section;
}

function renderFix(d: Diagnosis): HTMLElement {
  const items = d.remediation.map((r) => {
    const parts: (Node | null)[] = [
      el(
        'p',
        { class: 'fix-title' },
        el('span', textLang(), r.title),
        ' ',
        el('span', { class: `badge ${r.safety}` }, tr(`safety_${r.safety}`)),
      ),
    ];
    if (r.yaml !== undefined) parts.push(codeBlock(r.yaml, 'fix-yaml'));
    if (r.command !== undefined) parts.push(codeBlock(r.command, 'fix-command'));
    if (r.text !== undefined) parts.push(el('p', { class: 'pre-line', ...textLang() }, r.text));
    return el('li', { class: `fix-item ${r.kind}` }, ...parts);
  });
  const section = el('section', { class: 'fix' }, el('h4', {}, tr('fix')), el('ul', { class: 'fixes' }, ...items));
  const yaml = fixYaml(d);
  if (yaml !== null) {
    const download = el('button', { type: 'button', class: 'download' }, tr('downloadFix'));
    download.addEventListener('click', () => {
      const url = URL.createObjectURL(new Blob([yaml], { type: 'application/yaml' }));
      const a = el('a', { href: url, download: 'fix.yaml' });
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    });
    section.append(el('p', {}, download));
  }
  return section;
}

function codeBlock(text: string, cls: string): HTMLElement {
  const copy = el('button', { type: 'button', class: 'small copy' }, tr('copy'));
  copy.addEventListener('click', () => void copyText(text));
  return el('div', { class: 'code' }, el('pre', { class: cls }, el('code', {}, text)), copy);
}

async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    announce(tr('copied'));
  } catch {
    announce(tr('copyFailed'));
  }
}

function announce(text: string): void {
  // The same text twice in a row must still be read out: clear, then set on the next frame.
  announceEl.textContent = '';
  requestAnimationFrame(() => (announceEl.textContent = text));
}

// ---- share ----

/** The text the link carries, redacted when asked, and the link itself. */
async function updateShare(run: number): Promise<void> {
  document.body.dataset.share = 'pending';
  const current = docs();
  if (current.length === 0) {
    sharePreview.value = '';
    permalink.value = '';
    $('share-long').textContent = '';
    document.body.dataset.share = 'ready';
    return;
  }
  // Redaction needs the facts of this very input (which names to hide): until its diagnosis is done, no link.
  const result = state.result;
  if (redact.checked && (result === null || !sameDocs(result.docs, current))) return;
  const mask = redact.checked && result !== null ? makeRedactor(result.detailed.facts) : (s: string) => s;
  const paste: SharedPaste = {
    inputs: current.map((d) =>
      d.name === undefined ? { text: mask(d.text) } : { name: mask(d.name), text: mask(d.text) },
    ),
  };
  const fragment = await encodePermalink(paste);
  if (run !== state.run) return;
  sharePreview.value =
    paste.inputs.length === 1 && paste.inputs[0]?.name === undefined
      ? (paste.inputs[0]?.text ?? '')
      : paste.inputs.map((i) => `==> ${i.name ?? ''} <==\n${i.text}`).join('\n');
  const url = new URL(location.href);
  url.hash = fragment;
  permalink.value = url.href;
  $('share-long').textContent = url.href.length > LONG_LINK ? tr('shareLong', { n: url.href.length }) : '';
  document.body.dataset.share = 'ready';
}

function sameDocs(a: readonly InputDoc[], b: readonly InputDoc[]): boolean {
  return a.length === b.length && a.every((d, i) => d.name === b[i]?.name && d.text === b[i]?.text);
}

redact.addEventListener('change', () => void updateShare(state.run));
$('copy-link').addEventListener('click', () => void copyText(permalink.value));
$('skip').addEventListener('click', () => $('results').focus());

// ---- start ----

async function start(): Promise<void> {
  applyLanguage();
  renderFiles();
  if (isPermalink(location.hash)) {
    const read = await decodePermalink(location.hash);
    if (read.ok) {
      const [first, ...rest] = read.paste.inputs;
      const inText = first !== undefined && (first.name === undefined || first.name === PASTED_NAME);
      input.value = inText ? (first?.text ?? '') : '';
      state.files = (inText ? rest : read.paste.inputs).map((i) => ({ name: i.name ?? 'file', text: i.text }));
      renderFiles();
      noticeEl.textContent = tr('permalinkLoaded');
    } else noticeEl.textContent = tr('permalinkBad', { message: tr(`linkError_${read.error}`) });
  }
  schedule(0);
}

void start();
