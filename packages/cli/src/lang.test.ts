import { describe, expect, test } from 'vitest';
import { langFromArgv, langFromEnv, langOfLocale } from './lang.js';

describe('the language of a run', () => {
  test('a locale or language name: Japanese ones are ja, every other one en', () => {
    for (const ja of ['ja', 'ja_JP.UTF-8', 'ja_JP', 'ja-JP', 'ja_JP.eucJP', 'JA', 'ja.UTF-8', 'ja@x'])
      expect(langOfLocale(ja), ja).toBe('ja');
    for (const en of ['en', 'en_US.UTF-8', 'C', 'POSIX', 'C.UTF-8', 'jam', 'java', 'fr_FR.UTF-8', ''])
      expect(langOfLocale(en), en).toBe('en');
  });

  test('RBAC_DIAGNOSE_LANG, then LC_ALL, LC_MESSAGES, LANG: the first one set decides', () => {
    expect(langFromEnv({})).toBe('en');
    expect(langFromEnv({ LANG: 'ja_JP.UTF-8' })).toBe('ja');
    expect(langFromEnv({ LANG: 'ja_JP.UTF-8', LC_MESSAGES: 'C' })).toBe('en');
    expect(langFromEnv({ LANG: 'C', LC_MESSAGES: 'ja_JP.UTF-8' })).toBe('ja');
    expect(langFromEnv({ LC_ALL: 'C', LC_MESSAGES: 'ja_JP.UTF-8', LANG: 'ja_JP.UTF-8' })).toBe('en');
    expect(langFromEnv({ LC_ALL: 'ja_JP.UTF-8', LANG: 'C' })).toBe('ja');
    expect(langFromEnv({ RBAC_DIAGNOSE_LANG: 'en', LC_ALL: 'ja_JP.UTF-8' })).toBe('en');
    expect(langFromEnv({ RBAC_DIAGNOSE_LANG: 'ja', LC_ALL: 'C' })).toBe('ja');
    // Set but empty is not set.
    expect(langFromEnv({ RBAC_DIAGNOSE_LANG: '', LC_ALL: '', LANG: 'ja_JP.UTF-8' })).toBe('ja');
  });

  test('--lang on the command line, read before it is parsed (the last valid one; none after --)', () => {
    expect(langFromArgv(['--lang', 'ja', 'x.txt'])).toBe('ja');
    expect(langFromArgv(['--lang=ja'])).toBe('ja');
    expect(langFromArgv(['--lang', 'ja', '--lang=en'])).toBe('en');
    expect(langFromArgv(['--lang', 'fr'])).toBeNull();
    expect(langFromArgv(['--', '--lang', 'ja'])).toBeNull();
    expect(langFromArgv(['x.txt'])).toBeNull();
  });
});
