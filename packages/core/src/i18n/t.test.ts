import { describe, expect, test } from 'vitest';
import { glossaryProblems } from '../../../../test-support/glossary.js';
import { catalogs, messagePlaceholders, t } from './t.js';

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

describe("the core's text catalogs", () => {
  const { en, ja } = catalogs();

  test('have the same keys in both languages, each with the same placeholders', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(en))
      expect(messagePlaceholders(ja[key as keyof typeof ja]), key).toEqual(messagePlaceholders(text));
  });

  test('are written in Japanese in ja', () => {
    const words = (text: string): boolean => /[A-Za-z]{3}/.test(text.replace(/\{\w+\}/g, ''));
    const english = Object.entries(ja).filter(([, text]) => words(text) && !JAPANESE.test(text));
    expect(english).toEqual([]);
    expect(Object.values(ja).flatMap(glossaryProblems)).toEqual([]);
  });
});

test('t fills the placeholders it is given and leaves the others as written', () => {
  expect(t('en', 'md.line', { line: 'a.txt:3' })).toBe('line a.txt:3');
  expect(t('ja', 'md.line', { line: 3 })).toBe('3 行目');
  expect(t('en', 'issue.rule_invalid', { id: 'x' })).toBe('rule x was skipped: {problems}');
});
