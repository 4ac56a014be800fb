// The language of a run: --lang, else RBAC_DIAGNOSE_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG, the first one
// set, as POSIX orders them), else English.
import type { Lang } from '@rbac-diagnose/core';

/** The language a locale or language name asks for: `ja`, `ja_JP.UTF-8`, `ja-JP` → ja; anything else (C, POSIX…) → en. */
export function langOfLocale(value: string): Lang {
  return /^ja(?:[_.@-]|$)/i.test(value.trim()) ? 'ja' : 'en';
}

/** The language the environment asks for (RBAC_DIAGNOSE_LANG, then the locale variables); English by default. */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  for (const name of ['RBAC_DIAGNOSE_LANG', 'LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value !== undefined && value !== '') return langOfLocale(value);
  }
  return 'en';
}

/**
 * The `--lang` value of a command line when it is a valid one (`--lang ja`, `--lang=ja`), read before the command line
 * is parsed so that a mistake in it is already told in that language; null when absent or invalid.
 */
export function langFromArgv(argv: readonly string[]): Lang | null {
  let lang: Lang | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--') break;
    const value = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    // The last one counts, as parseArgs takes it.
    if (value === 'en' || value === 'ja') lang = value;
  }
  return lang;
}
