// `msg(lang, key, params)`: a CLI message in a language.
import { formatMessage, type Lang, type MessageParams } from '@rbac-diagnose/core';
import { en, type CliMessageKey } from './en.js';
import { ja } from './ja.js';

const CATALOGS: Readonly<Record<Lang, Readonly<Record<CliMessageKey, string>>>> = { en, ja };

/** The CLI message `key` in `lang`, its `{name}` placeholders filled from `params`. */
export function msg(lang: Lang, key: CliMessageKey, params: MessageParams = {}): string {
  return formatMessage(CATALOGS[lang][key], params);
}

/** Both catalogs (for the test that keeps them aligned). */
export function cliCatalogs(): Readonly<Record<Lang, Readonly<Record<CliMessageKey, string>>>> {
  return CATALOGS;
}
