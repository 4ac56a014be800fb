// The spellings docs/glossary.ja.md fixes, as a check on Japanese texts: the variants it rules out (AWS's long vowel
// marks, Pod and Namespace as Kubernetes writes them, its terms for IAM identity and permissions) and the half-width
// space between Japanese and Latin letters or digits.

const WRONG: readonly [RegExp, string][] = [
  [/アクセスエントリー/, 'アクセスエントリ'],
  [/エントリー/, 'エントリ'],
  [/ポッド/, 'Pod'],
  [/(?<!ネットワーク|ホストの)名前空間/, 'Namespace (名前空間 only for Linux namespaces)'],
  [/クラスタ(?!ー)/, 'クラスター'],
  [/ユーザ(?!ー)/, 'ユーザー'],
  [/サーバ(?!ー)/, 'サーバー'],
  [/コントローラ(?!ー)/, 'コントローラー'],
  [/スケジューラ(?!ー)/, 'スケジューラー'],
  [/プロバイダ(?!ー)/, 'プロバイダー'],
  [/ドライバ(?!ー)/, 'ドライバー'],
  [/パラメータ(?!ー)/, 'パラメーター'],
  [/ポリシ(?!ー)/, 'ポリシー'],
  [/コンテナー/, 'コンテナ'],
  [/ブラウザー/, 'ブラウザ'],
  [/容認/, 'toleration'],
  [/IAM の ID|IAM ID(?! ?(?:プロバイダー|センター))/, 'IAM アイデンティティ'],
  [/信頼度/, '確度'],
  [/マネージド型ノードグループ/, 'マネージドノードグループ'],
];

const JAPANESE = '\\u3040-\\u30ff\\u3400-\\u9fff';
// A Japanese character touching a Latin letter or a digit (AWS writes a half-width space between them).
const UNSPACED = new RegExp(`[${JAPANESE}][A-Za-z0-9]|[A-Za-z0-9][${JAPANESE}]`);

/** What in `text` the glossary rules out: each wrong spelling with the right one, and unspaced Latin words. */
export function glossaryProblems(text: string): string[] {
  const problems = WRONG.filter(([re]) => re.test(text)).map(([re, right]) => `${re.source} → ${right}: ${text}`);
  const unspaced = UNSPACED.exec(text);
  if (unspaced) problems.push(`no space in "${unspaced[0]}": ${text}`);
  return problems;
}
