import { describe, expect, it } from 'vitest';
import { glossaryProblems } from '../../../test-support/glossary.js';
import { allMessages, pickLang, t } from './i18n.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('page strings', () => {
  const { en, ja } = allMessages();

  it('exist in both languages with the same placeholders', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(ja[key]), key).toEqual(placeholders(en[key]));
      expect(en[key].trim(), key).not.toBe('');
    }
  });

  it('are written in Japanese on the Japanese page (no English sentence left)', () => {
    // Names of things stay as they are (rbac-diagnose, kubectl, aws-auth, RBAC): every other string has kana or kanji.
    const names = new Set(['heading', 'inputPlaceholder', 'listSeparator']);
    for (const [key, text] of Object.entries(ja))
      if (!names.has(key)) expect(text, key).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(Object.values(ja).flatMap(glossaryProblems)).toEqual([]);
  });

  it('fill placeholders and leave unknown ones visible', () => {
    expect(t('en', 'statusFound', { n: 3 })).toBe('3 possible causes found.');
    expect(t('ja', 'statusFound', { n: 3 })).toBe('考えられる原因が 3 件見つかりました。');
    expect(t('en', 'statusFound')).toBe('{n} possible causes found.');
  });
});

describe('pickLang', () => {
  it('takes the first of the browser languages the page has', () => {
    expect(pickLang(['ja-JP', 'en-US'])).toBe('ja');
    expect(pickLang(['ja'])).toBe('ja');
    expect(pickLang(['en-GB', 'ja'])).toBe('en');
    expect(pickLang(['fr-FR', 'ja-JP'])).toBe('ja');
    expect(pickLang(['fr-FR'])).toBe('en');
    expect(pickLang([])).toBe('en');
  });
});
