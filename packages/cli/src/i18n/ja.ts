// The CLI's own messages in Japanese: the keys and placeholders of en.ts, in the terms of docs/glossary.ja.md.
import type { CliMessageKey } from './en.js';

export const ja: Readonly<Record<CliMessageKey, string>> = {
  raw: '{message}',
  unknownOption: '不明なオプション {option} です (--help を参照してください)',
  takesNoValue: '{option} は値を取りません',
  needsValue: '{option} には値が必要です',
  oneOf: '{option} は {allowed} のどれかです ("{value}" が指定されました)',
  failOn: '--fail-on は error、warning、info のどれかです',
  maxSize: '--max-size は MiB 単位の正の数です',
  maxLineSize: '--max-line-size は KiB 単位の正の数です',
  duration: '{option} は 10s、1500ms、2m のような時間です ("{value}" が指定されました)',
  minConfidence: '--min-confidence は 0 から 1 までの数です',
  portOnlyWeb: '--port は `rbac-diagnose web` のオプションです',
  usage: '使い方: {usage}',
  usageSeeHelp: '使い方: {usage} (--help を参照してください)',
  unexpectedArgumentUsage: '想定外の引数 "{argument}" があります (使い方: {usage})',
  unexpectedArgument: '想定外の引数 "{argument}" があります (--help を参照してください)',
  port: '--port は 0 (空いているポート、デフォルト) から 65535 までの数です ("{value}" が指定されました)',
  maxEvents: '--max-events は正の整数です',
  livePodName: 'live pod には Pod の名前が必要です (--help を参照してください)',
  liveNodeName: 'live node にはノードの名前が必要です (--help を参照してください)',
  liveTarget: 'live: 不明な対象 "{target}" です (pod、node、namespace のどれか)',
  unknownId: '"{id}" という名前のルールも根本原因もありません (`rbac-diagnose rules list` を参照してください)',
  rulesDir: '--rules {dir}: {message}',
  rulesFile: '{file} を使えません: {message}',
  rulesFileField: '{file} を使えません: {field}: {message}',
  moreProblem: ' (ほかに 1 件の問題があります)',
  moreProblems: ' (ほかに {count} 件の問題があります)',
  webNotBuilt:
    'Web ページがビルドされていません: チェックアウトで `pnpm build` を実行してください (packages/web/dist/index.html が作られます)',
  portInUse: 'ポート {port} は使用中です。別の --port を指定するか、指定を外してください',
  portPrivileged: 'ポート {port} には特権が必要です。1023 より大きい番号を指定してください',

  binaryStdin:
    '標準入力はバイナリのようです (オフセット {offset} に NUL 文字があります)。テキストの出力ではありません。kubectl や AWS CLI のテキスト、JSON、YAML を渡してください',
  binary:
    '{name} はバイナリのようです (オフセット {offset} に NUL 文字があります)。テキストの出力ではありません。kubectl や AWS CLI のテキスト、JSON、YAML を渡してください',
  stdinTooLarge: '標準入力が {mib} MiB を超えています。読むには --max-size を大きくしてください',
  isDirectory: '{file} はディレクトリです。ファイルではありません',
  noSuchFile: '{file} を読めません: ファイルがありません',
  cannotRead: '{file} を読めません: {reason}',
  fileTooLarge: '{file} が {mib} MiB を超えています。読むには --max-size を大きくしてください',

  nothingToRead:
    '読むものがありません: kubectl の出力をパイプで渡す (`kubectl describe pod my-pod | rbac-diagnose`)、ファイルを指定する、または `rbac-diagnose -` を実行して貼り付けてください (--help を参照してください)',
  pasteHint: '出力を貼り付けてから、空の行で Ctrl-D を押してください (Windows では Ctrl-Z、Enter)',
  internalError: '内部エラー{kind}: {message}',
  reportBug: 'rbac-diagnose {version} のバグです。{url} に、実行したコマンドと、できれば入力を添えて報告してください。',
  webServing:
    'rbac-diagnose web: このマシンだけでページを配信しています (読み取りのみ。貼り付けた内容はブラウザーの外に出ません)。Ctrl-C で停止します。',

  liveWhere: 'コンテキスト {context}、サーバー {server}',
  liveNoKubeconfig: '使える kubeconfig がありません',
  liveCollected: '取得したもの: {what}',
  liveNotCollected: '取得できなかったもの: {what}',
  liveSavedOne: '1 個のファイルを {dir} に保存しました (読み直すには: rbac-diagnose {glob})',
  liveSaved: '{count} 個のファイルを {dir} に保存しました (読み直すには: rbac-diagnose {glob})',
  liveExecVersion: 'exec プラグインの ExecCredential のバージョン ({version}) です。',
  liveExecCommand: 'kubectl が実行する認証情報プラグインです: {command}',
  liveCluster:
    '--cluster-name {cluster}: トークンを発行する対象のクラスターです (別のクラスター向けのトークンは 401 で拒否されます)。',
  liveRegion: 'リージョン {region}: STS エンドポイントとクラスターのリージョンです。',
  liveRole:
    '--role {role}: トークンはこの引き受けたロールとして署名されるので、(あなたのユーザーではなく) このロールがマッピングされている必要があります。',
  liveProfile: 'AWS_PROFILE {profile}: プラグインが署名に使う AWS の認証情報 (プロファイル) です。',
  demoInput: '入力の例 (rbac-diagnose --demo):',
  fixNone:
    '# rbac-diagnose: この入力に適用するマニフェストはありません (コマンドはテキストのレポートを参照してください)。',
  fixEditFirst: '# 先に編集してください: 以下の <placeholder> をすべて置き換えます。',
  fixHead: '# {rootCause} ({ruleId}、確度 {confidence})',
  fixEscalation: '# 権限昇格: この付与を受けた主体は、記載以上の権限を得られます。レポートを確認してください。',
  fixHeld:
    '# rbac-diagnose: 権限昇格につながる付与 {count} 件を出力していません。テキストのレポートで確認してから --include-escalation を付けてください。',
  traceSummary: 'ルールのトレース',
  rulesFoot: '{count} 個のルール{custom}。詳しくは `rbac-diagnose explain <ルールまたは根本原因>` で表示します',
  rulesCustom: ' (* は --rules のカスタムルール、{count} 個)',
  explainNoRule:
    '{id}: 語彙 (vocabulary) にある根本原因ですが、このルールセットにはまだそれを結論とするルールがありません。',
  explainCauseOne: '根本原因 {id} — 1 個のルールが結論とします',
  explainCause: '根本原因 {id} — {count} 個のルールが結論とします',
  explainRule: 'ルール {id} — 根本原因 {rootCause}',
  explainHead: '{id} ({custom}{severity}、層 {layer}、基本の確度 {confidence})',
  explainCustom: '--rules のカスタムルール、',
  explainMisleading: 'メッセージが誤解を招く理由: {text}',
  explainConfirm: '確認の方法 (読み取りのみ):',
  safetyReadOnly: '読み取りのみ',
  safetyMutating: '変更を伴う',
  safetyEscalation: '権限昇格',
  explainFixes: '対処:',
  explainDocs: 'ドキュメント: {urls}',
};
