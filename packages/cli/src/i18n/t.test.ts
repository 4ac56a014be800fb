import { messagePlaceholders } from '@rbac-diagnose/core';
import { describe, expect, test } from 'vitest';
import { glossaryProblems } from '../../../../test-support/glossary.js';
import { HELP } from '../args.js';
import { HELP_JA } from './help-ja.js';
import { cliCatalogs, msg } from './t.js';

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

describe("the CLI's messages", () => {
  const { en, ja } = cliCatalogs();

  test('have the same keys in both languages, each with the same placeholders', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(en))
      expect(messagePlaceholders(ja[key as keyof typeof ja]), key).toEqual(messagePlaceholders(text));
  });

  test('are written in Japanese in ja', () => {
    // Placeholders and option names are not words to translate.
    const words = (text: string): boolean => /[A-Za-z]{3}/.test(text.replace(/\{\w+\}|--[a-z-]+/g, ''));
    expect(Object.entries(ja).filter(([, text]) => words(text) && !JAPANESE.test(text))).toEqual([]);
    expect([...Object.values(ja), ...HELP_JA.split('\n')].flatMap(glossaryProblems)).toEqual([]);
  });

  test('fill their placeholders', () => {
    expect(msg('ja', 'unknownOption', { option: '--x' })).toBe('不明なオプション --x です (--help を参照してください)');
  });
});

describe('--help in Japanese', () => {
  const names = (help: string, re: RegExp): string[] => [...new Set(help.match(re) ?? [])].sort();

  test('names the same options, commands and examples as the English one', () => {
    const option = /(?<![\w-])--?[a-z][\w-]*/g;
    expect(names(HELP_JA, option)).toEqual(names(HELP, option));
    expect(names(HELP_JA, /rbac-diagnose [a-z]+/g)).toEqual(names(HELP, /rbac-diagnose [a-z]+/g));
    const examples = (help: string): string[] =>
      help
        .split('\n')
        .filter((l) => l.startsWith('  ') && /rbac-diagnose/.test(l))
        .map((l) => l.replace(/#.*/, '').trim());
    expect(examples(HELP_JA).slice(-6)).toEqual(examples(HELP).slice(-6));
  });

  test('is Japanese and fits 100 terminal columns (a full-width character is two), like the English one', () => {
    const columns = (line: string): number =>
      [...line].reduce(
        (n, c) =>
          n +
          (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c)
            ? 2
            : 1),
        0,
      );
    expect(JAPANESE.test(HELP_JA)).toBe(true);
    const wide = (help: string): string[] => help.split('\n').filter((l) => columns(l) > 100 && !l.includes('--fix'));
    expect(wide(HELP_JA)).toEqual([]);
    expect(wide(HELP)).toEqual([]);
  });
});
