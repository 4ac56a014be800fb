// The page's own strings in English and Japanese. Diagnosis texts come from the core in the language passed to it.

/** Languages of the page. */
export type Lang = 'en' | 'ja';

/** The languages offered by the switch, with their names in their own language. */
export const LANGS: readonly { lang: Lang; name: string }[] = [
  { lang: 'en', name: 'English' },
  { lang: 'ja', name: '日本語' },
];

const en = {
  pageTitle: 'rbac-diagnose — paste an error, see the broken link',
  heading: 'rbac-diagnose',
  tagline:
    'Paste what kubectl or the AWS CLI printed and see which link of the chain broke. The diagnosis runs in this page: nothing you paste leaves your browser.',
  skipToResults: 'Skip to the diagnosis',
  language: 'Language',
  inputLabel: 'kubectl or AWS CLI output',
  inputHelp:
    'Paste here, or drop one or more files onto this box. Several outputs (describe, events, errors, aws-auth) are diagnosed together.',
  inputPlaceholder: 'kubectl describe pod my-pod\n…',
  addFiles: 'Add files…',
  filesHeading: 'Files diagnosed with the text above',
  removeFile: 'Remove {name}',
  pastedName: 'pasted text',
  lineCount: '{n} lines',
  statusEmpty: 'Paste something to diagnose it.',
  statusPending: 'Waiting for you to stop typing…',
  statusRunning: 'Diagnosing…',
  statusNone: 'No cause of a failure found in this input.',
  statusFound: '{n} possible causes found.',
  statusFoundOne: '1 possible cause found.',
  statusFailed: 'The diagnosis failed: {message}',
  resultsHeading: 'Diagnosis',
  topCause: 'Most likely cause',
  severity_error: 'error',
  severity_warning: 'warning',
  severity_info: 'info',
  confidence: 'confidence {value}',
  misleading: 'Why the message misleads',
  details: 'Details',
  chainHeading: 'Where the chain broke',
  chainOk: 'works',
  chainBroken: 'broken',
  chainNotReached: 'not reached',
  listSeparator: ', ',
  chainLines: 'lines {list}',
  chainLine: 'line {list}',
  chainDescription: 'The chain: {links}.',
  nodesHeading: 'Nodes counted by the scheduler',
  nodesSummary: 'The scheduler found none of {total} nodes usable (input line {line}):',
  nodesReason: '{count} of {total}: {reason}',
  evidence: 'Evidence',
  showLine: 'line {line}',
  showLineIn: '{source}, line {line}',
  inputView: 'Your input, evidence lines marked',
  inputViewEvidence: 'evidence',
  inputViewGap: '… {n} lines without evidence …',
  confirm: 'Confirm (read-only)',
  fix: 'Fix',
  safety_mutating: 'mutating: review before applying',
  'safety_read-only': 'read-only',
  safety_escalation: 'escalation: grants more than it lists; review before granting',
  copy: 'Copy',
  copied: 'Copied.',
  copyFailed: 'Could not copy: select the text and copy it by hand.',
  downloadFix: 'Download fix.yaml',
  alternatives: 'Other possible causes',
  otherFindings: 'Other findings (risks and hints)',
  issues: 'Notes on the input',
  shareHeading: 'Share',
  redact: 'Redact account ids, ARNs, names and IP addresses',
  sharePreview: 'Exactly what the link contains',
  permalink: 'Link to this paste',
  copyLink: 'Copy link',
  shareNote:
    'The paste is kept in the part of the link after “#”, which browsers never send to a server. Redaction replaces each value with the same placeholder everywhere, so the diagnosis still works.',
  shareLong: 'This link is {n} characters long; some sites cut links that long.',
  permalinkLoaded: 'Loaded the paste from the link.',
  permalinkBad: 'The paste in this link could not be read: {message}',
  'linkError_not-a-paste': 'the link carries no paste.',
  'linkError_bad-encoding': 'the link was cut or changed on the way.',
  'linkError_too-large': 'it unpacks to more than 16 MiB.',
  'linkError_bad-content': 'its content is not a paste of this page.',
  fileBinary: '{name} looks like a binary file and was not read.',
  footer:
    'rbac-diagnose runs entirely in this page. Its Content-Security-Policy forbids connections, so nothing is uploaded.',
};

/** A key of the page's strings. */
export type MessageKey = keyof typeof en;

const ja: Record<MessageKey, string> = {
  pageTitle: 'rbac-diagnose — エラーを貼り付けて、切れた箇所を確かめる',
  heading: 'rbac-diagnose',
  tagline:
    'kubectl や AWS CLI の出力を貼り付けると、経路のどこが切れているかを示します。診断はこのページの中だけで行われ、貼り付けた内容がブラウザの外に送られることはありません。',
  skipToResults: '診断結果へ移動',
  language: '言語',
  inputLabel: 'kubectl または AWS CLI の出力',
  inputHelp:
    'ここに貼り付けるか、ファイルをこの欄にドロップしてください (複数可)。describe、イベント、エラー、aws-auth などをまとめて診断します。',
  inputPlaceholder: 'kubectl describe pod my-pod\n…',
  addFiles: 'ファイルを追加…',
  filesHeading: '上のテキストと一緒に診断するファイル',
  removeFile: '{name} を外す',
  pastedName: '貼り付けたテキスト',
  lineCount: '{n} 行',
  statusEmpty: '出力を貼り付けると診断します。',
  statusPending: '入力が止まるのを待っています…',
  statusRunning: '診断しています…',
  statusNone: 'この入力には障害の原因が見つかりませんでした。',
  statusFound: '考えられる原因が {n} 件見つかりました。',
  statusFoundOne: '考えられる原因が 1 件見つかりました。',
  statusFailed: '診断に失敗しました: {message}',
  resultsHeading: '診断結果',
  topCause: '最有力の原因',
  severity_error: 'エラー',
  severity_warning: '警告',
  severity_info: '情報',
  confidence: '確度 {value}',
  misleading: 'メッセージが誤解を招く理由',
  details: '詳しい説明',
  chainHeading: '経路の切れた箇所',
  chainOk: '正常',
  chainBroken: '切断',
  chainNotReached: '未到達',
  listSeparator: '、',
  chainLines: '{list} 行目',
  chainLine: '{list} 行目',
  chainDescription: '経路: {links}。',
  nodesHeading: 'スケジューラーが数えたノード',
  nodesSummary: 'スケジューラーは {total} ノードのどれにも Pod を配置できませんでした (入力の {line} 行目):',
  nodesReason: '{count}/{total} ノード: {reason}',
  evidence: '根拠',
  showLine: '{line} 行目',
  showLineIn: '{source} の {line} 行目',
  inputView: '入力 (根拠の行に印を付けています)',
  inputViewEvidence: '根拠',
  inputViewGap: '… 根拠のない {n} 行 …',
  confirm: '確認 (読み取りのみ)',
  fix: '対処',
  safety_mutating: '変更を伴う: 適用前に確認してください',
  'safety_read-only': '読み取りのみ',
  safety_escalation: '権限昇格: 記載以上の権限を与えます。付与する前に確認してください',
  copy: 'コピー',
  copied: 'コピーしました。',
  copyFailed: 'コピーできませんでした。テキストを選択して手動でコピーしてください。',
  downloadFix: 'fix.yaml をダウンロード',
  alternatives: 'ほかに考えられる原因',
  otherFindings: 'その他の指摘 (リスクとヒント)',
  issues: '入力についての注意',
  shareHeading: '共有',
  redact: 'アカウント ID、ARN、名前、IP アドレスを伏せる',
  sharePreview: 'リンクに含まれる内容 (これがすべてです)',
  permalink: 'この貼り付けへのリンク',
  copyLink: 'リンクをコピー',
  shareNote:
    '貼り付けた内容はリンクの「#」より後ろに入ります。この部分はブラウザからサーバーへ送られません。伏せた値は常に同じプレースホルダーに置き換わるため、伏せたままでも診断できます。',
  shareLong: 'このリンクは {n} 文字あります。長いリンクは途中で切られるサイトがあります。',
  permalinkLoaded: 'リンクに含まれていた内容を読み込みました。',
  permalinkBad: 'このリンクの内容を読み込めませんでした: {message}',
  'linkError_not-a-paste': 'リンクに貼り付けた内容が含まれていません。',
  'linkError_bad-encoding': 'リンクが途中で切れたか、書き換えられています。',
  'linkError_too-large': '展開すると 16 MiB を超えます。',
  'linkError_bad-content': 'このページで作ったリンクではありません。',
  fileBinary: '{name} はバイナリファイルのようなので読み込みませんでした。',
  footer:
    'rbac-diagnose はこのページの中だけで動きます。Content-Security-Policy で通信を禁止しているため、何もアップロードされません。',
};

const MESSAGES: Record<Lang, Record<MessageKey, string>> = { en, ja };

/** The page's string `key` in `lang`, with `{name}` placeholders filled from `values`. */
export function t(lang: Lang, key: MessageKey, values: Record<string, string | number> = {}): string {
  return MESSAGES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** The page's language from the browser's preferred languages (`navigator.languages`): Japanese if it comes first. */
export function pickLang(preferred: readonly string[]): Lang {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'ja') return 'ja';
    if (primary === 'en') return 'en';
  }
  return 'en';
}

/** Every key with its text in both languages (for the test that keeps them complete and their placeholders equal). */
export function allMessages(): Record<Lang, Record<MessageKey, string>> {
  return MESSAGES;
}
