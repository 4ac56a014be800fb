// The Japanese texts core writes itself: the keys and placeholders of en.ts, in the terms of docs/glossary.ja.md.
import type { MessageKey } from './en.js';

export const ja: Readonly<Record<MessageKey, string>> = {
  'subject.scope.namespace': 'Namespace "{namespace}" で',
  'subject.scope.cluster': 'クラスタースコープで',
  'hint.callerArn': '<あなたの IAM ARN: aws sts get-caller-identity が表示する Arn>',
  'hint.execCommand': '<exec コマンド>',
  'hint.exitCode': '<終了コード>',

  'issue.input_too_large':
    '入力が {chars} 文字あり、上限の {max} 文字を超えています。先頭の {max} 文字だけを読みました。',
  'issue.empty_input': '入力が空です。',
  'issue.vocabulary_missing':
    'ルールを 1 つも実行していません: ルールには、それが書かれている語彙 (vocabulary) が必要です (@rbac-diagnose/rules の builtinRuleSet か、rules と vocabulary を渡してください)。',
  'issue.vocabulary_invalid': 'ルールを 1 つも実行していません: 語彙 (vocabulary) が不正です: {problems}',
  'issue.rule_invalid': 'ルール {id} をスキップしました: {problems}',
  'issue.rule_text_untranslated':
    'ルール {id} には、表示したテキストのうち {count} 件の{language}訳がありません。それらは英語で表示しています。',
  'language.ja': '日本語',
  'language.en': '英語',

  'md.heading': 'rbac-diagnose 診断結果',
  'md.none': '既知の原因は見つかりませんでした。',
  'md.table': '| # | 重大度 | 根本原因 | 確度 | ルール |',
  'md.inputNotes': '入力についての注意',
  'md.line': '{line} 行目',
  'md.inputsRead': '読み取った入力: {inputs}',
  'md.inputsNone': 'なし',
  'md.confidence': '確度 {confidence}',
  'md.rule': 'ルール {rule}',
  'md.also': 'ほかに一致したルール: {rules}',
  'md.misleading': 'メッセージが誤解を招く理由:',
  'md.evidence': '根拠',
  'md.evidenceTable': '| 行 | 入力 | 理由 |',
  'md.explanation': '説明',
  'md.confirm': '確認',
  'md.readOnly': '読み取りのみ',
  'md.fix': '対処',
  'md.mutating': '変更を伴う: 適用前に確認してください',
  'md.references': '参考:',
  'md.trace': 'ルールのトレース',

  'sarif.message': '{title}。{summary}',
  'sarif.misleading': ' メッセージが誤解を招く理由: {misleading}',

  'trace.head': 'ルールのトレース: {total} 個のルールのうち {fired} 個が発火しました',
  'trace.shown': ' (発火したものを表示)。すべてのルールは --explain-all で表示します',
  'trace.base': '基本の確度 {confidence}',
  'trace.applied': '適用',
  'trace.notApplied': '不適用',
};
