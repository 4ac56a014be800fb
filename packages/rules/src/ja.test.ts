// Every rule folder carries ja.json: the Japanese text of each user-facing English text of its rule.json, keyed by
// the exact English string (gettext-style), with the same {{placeholders}}. Commands and manifests are not texts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Rule } from '@rbac-diagnose/core';

const dir = new URL('../rules/', import.meta.url);
const ids = readdirSync(dir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

// Same grammar as the engine's placeholder filler.
const PLACEHOLDER = /\{\{\s*([A-Za-z][\w.]*)\s*\}\}/g;
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

const hasWords = (text: string): boolean => /[A-Za-z]/.test(text.replace(PLACEHOLDER, ''));

const placeholderSet = (text: string): string[] =>
  [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))].sort();

// A remediation note that is a JSON document (an IAM policy statement) is copied, not read: it stays as written.
const isDocument = (text: string): boolean => {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object';
  } catch {
    return false;
  }
};

/** The user-facing English texts of a rule: what a reader sees as sentences. */
function englishTexts(rule: Rule): string[] {
  const texts = [rule.title, rule.summary, rule.explanation];
  if (rule.misleading !== undefined) texts.push(rule.misleading);
  for (const e of rule.evidence) texts.push(e.why);
  for (const a of rule.adjustments ?? []) {
    texts.push(a.why);
    for (const e of a.evidence ?? []) texts.push(e.why);
  }
  for (const n of rule.nextSteps) texts.push(n.why);
  for (const r of rule.remediation) {
    texts.push(r.title);
    if (r.text !== undefined && !isDocument(r.text)) texts.push(r.text);
  }
  return [...new Set(texts)];
}

describe.each(ids)('rule %s in Japanese', (id) => {
  const folder = new URL(`${id}/`, dir);
  const rule = JSON.parse(readFileSync(new URL('rule.json', folder), 'utf8')) as Rule;
  const path = new URL('ja.json', folder);

  test('ja.json exists and has exactly one entry per English text', () => {
    expect(existsSync(path), `${id}/ja.json is missing`).toBe(true);
    const ja = JSON.parse(readFileSync(path, 'utf8')) as { texts: Record<string, string> };
    const english = englishTexts(rule);
    expect(
      english.filter((t) => !(t in ja.texts)),
      'English texts without a Japanese entry',
    ).toEqual([]);
    expect(
      Object.keys(ja.texts).filter((k) => !english.includes(k)),
      'stale keys: no such text in rule.json',
    ).toEqual([]);
  });

  test('each Japanese text keeps the placeholders of its English text and is Japanese', () => {
    const ja = JSON.parse(readFileSync(path, 'utf8')) as { texts: Record<string, string> };
    for (const [en, text] of Object.entries(ja.texts)) {
      expect(placeholderSet(text), `placeholders of: ${en}`).toEqual(placeholderSet(en));
      // A text that is only placeholders (e.g. a finding's message) has no words of its own to translate.
      if (hasWords(en)) expect(JAPANESE.test(text), `not Japanese: ${text}`).toBe(true);
      else expect(text).toBe(en);
    }
  });
});

test('a JSON document is recognised as such and a sentence is not', () => {
  expect(isDocument('{\n  "Effect": "Allow",\n  "Action": "sts:AssumeRole"\n}')).toBe(true);
  expect(isDocument('Never from the root user')).toBe(false);
  expect(isDocument('"quoted": not a document')).toBe(false);
});
