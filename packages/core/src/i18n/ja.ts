// The Japanese texts core writes itself: the keys and placeholders of en.ts, in the terms of docs/glossary.ja.md.
import type { MessageKey } from './en.js';

export const ja: Readonly<Record<MessageKey, string>> = {
  list: '、',
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
    'ルール {ids} には、表示したテキストのうち {count} 件の{language}訳がありません。それらは英語で表示しています。',
  'issue.aws_auth_empty': 'aws-auth ConfigMap だと認識しましたが、マッピングを 1 つも読み取れませんでした。',
  'issue.error_not_catalogued':
    '{line} 行目のエラーは、このバージョンがシグネチャを持っていないものです。これに基づく診断はありません。',
  'issue.unrecognised_section':
    '{from}–{to} 行目は、このバージョンが読める kubectl や AWS の形式ではありません。既知のエラーメッセージを探しましたが、見つかりませんでした。',
  'issue.redacted_value':
    'ここ (と、おそらく後の行) で値が伏せられています。その値を必要とする情報 (アカウント、ARN、名前) は、欠けているか照合できない可能性があります。',
  'issue.elided_lines': 'ここで行が省略されています。この行の前後の件数や一覧は不完全な可能性があります。',
  'issue.json_truncated':
    'JSON が途中で終わっています ({error})。それまでの部分は読み取り、その中のエラー行も探しました。',
  'issue.unparsed':
    'ここで {format} を解析できません ({error})。読めた部分は残し、すべての行でエラーメッセージを探しました。',
  'issue.line_too_long':
    '{line} 行目は {length} 文字あり、エラーメッセージを探す上限の {max} 文字を超えています。先頭の {max} 文字だけを探しました。長い行にある JSON や YAML は、それでも全体を読み取ります。',
  'issue.line_too_long_more':
    '{line} 行目は {length} 文字あり、エラーメッセージを探す上限の {max} 文字を超えています。先頭の {max} 文字だけを探しました (ほかの {others} 行も同じです)。長い行にある JSON や YAML は、それでも全体を読み取ります。',
  'issue.json_unparsed': '`aws sts get-caller-identity` の出力に見えますが、JSON として解析できません。',
  'language.ja': '日本語',
  'language.en': '英語',

  'parser.yaml': 'YAML パーサー: "{error}"',
  'parser.yamlTooDeep': 'YAML の入れ子が {max} 段より深いため解析していません',
  'parser.jsonLineBreak': 'JSON の文字列の中に改行があります',
  'parser.jsonEscape': '\\u エスケープが不正です',
  'parser.jsonEndsInString': 'JSON の文字列の途中でテキストが終わっています',
  'parser.jsonEndsBeforeValue': 'JSON の値があるべきところでテキストが終わっています',
  'parser.jsonTooDeep': 'JSON の入れ子が深すぎます',
  'parser.jsonEndsInObject': 'JSON オブジェクトの途中でテキストが終わっています',
  'parser.jsonKey': '引用符で囲んだキーがあるべきところに {found} があります',
  'parser.jsonColon': 'キーの後に ":" がありません',
  'parser.jsonObjectComma': 'オブジェクトの中で "," か "}" が必要です',
  'parser.jsonArrayComma': '配列の中で "," か "]" が必要です',
  'parser.jsonUnexpected': '予期しない {found} があります',

  'finding.jsonUnparsed': 'aws-auth の JSON を解析できません。',
  'finding.indentationLost':
    'この aws-auth はインデントが失われています (metadata、data、各エントリがすべて行頭から始まっています)。ConfigMap の YAML として有効でないため、このまま適用すると拒否されるか、マッピングが失われます。',
  'finding.yamlSyntax': 'aws-auth が有効な YAML ではありません ({error})。',
  'finding.yamlSyntaxUnknown': 'aws-auth が有効な YAML ではありません。',
  'finding.blockScalarList':
    'data.{key} が文字列ではなく YAML のリストになっています。API サーバーはこれを拒否します ("cannot unmarshal array into Go struct field ConfigMap.data of type string")。`{key}: |` と書いてください。',
  'finding.blockScalarMap':
    'data.{key} が文字列ではなく YAML のマップになっています。API サーバーはこれを拒否します ("cannot unmarshal object into Go struct field ConfigMap.data of type string")。`{key}: |` と書いてください。',
  'finding.wrongTopKey':
    'data のキー "{key}" は mapRoles、mapUsers、mapAccounts のどれでもありません (名前は大文字と小文字を区別します)。authenticator はこのキーを無視します。',
  'finding.innerYamlSyntax':
    'data.{key} の中の YAML を解析できません ({error})。authenticator は {key} のマッピングをすべて捨てます。',
  'finding.notAList': 'data.{key} には YAML のリストが必要です。',
  'finding.entryInvalid':
    '{key} にある {arn} のエントリは、"{arnKey}" が必要なところで "{otherKey}" を使っています。authenticator はこのエントリを捨てます。',
  'finding.groupsString': '{arn} の groups がリストではなく文字列になっています。',
  'finding.groupLostBreak':
    '{arn} のグループ "{group}" に " - " が含まれています。リストの項目の改行が失われています。',
  'finding.mastersOvergrant':
    '{arn} が system:masters にマッピングされています。RBAC で制限も取り消しもできない、無制限のクラスター管理者権限です。',
  'finding.stsArn':
    '{arn} は STS の引き受けたロール (assumed-role) の ARN なので、一致することはありません。ロールの ARN {roleArn} をマッピングしてください。',
  'finding.instanceProfile':
    '{arn} はロールではなくインスタンスプロファイルです。その中のロールをマッピングしてください。',
  'finding.groupArn': '{arn} は IAM グループです。IAM グループはプリンシパルではないので、マッピングできません。',
  'finding.rolePath':
    '{arn} には IAM パス {path} が含まれています。authenticator はパスを除いた ARN で照合するため、このエントリが一致することはありません。{roleArn} と書いてください。',
  'finding.roleInMapUsers': '{arn} はロールですが mapUsers に書かれています。mapRoles に移してください。',
  'finding.usernameMissing': '{arn} のエントリに username がありません。',
  'finding.nodeMissingGroup': 'ノードのエントリ {arn} に {group} がありません。',
  'finding.nodeMissingGroups': 'ノードのエントリ {arn} に system:bootstrappers と system:nodes がありません。',
  'finding.duplicateArn': '{arn} が 2 回マッピングされています。有効なのは最後のエントリだけです。',
  'finding.noNodeRole':
    'system:nodes を与える mapRoles のエントリがありません。aws-auth を通じて認証する EC2 ノードは、クラスターに参加できません。',

  'fix.valueRejectedTitle': '一部のコマンドを表示していない: 入力から読み取った値が、そのコマンドで使える形ではない',
  'fix.valueRejected':
    '{placeholder} の値が「{grammar}」の形式に合わないため ({failure})、その値を含むコマンドとマニフェストは出力していません。入力を確認してください。値が正しいものであれば、それらのコマンドは注意して手で書いてください。',
  'fix.rbacTitle': '{roleKind} + {bindingKind} "{name}": {scope}、拒否された操作だけを {subject} に許可する',
  'fix.rbacEscalationTitle':
    '{roleKind} + {bindingKind} "{name}": {scope}、権限昇格につながる権限を {subject} に付与する',
  'fix.scopeCluster': 'クラスター全体で',
  'fix.scopeNamespace': 'Namespace {namespace} で',
  'fix.escalationWhat': '{targets} への {verbs}',
  'fix.escalationWarning':
    '権限昇格: この付与により、{subject} は記載以上の権限を得られます ({what})。拒否メッセージにある名前に限定していますが、それが意図したとおりの場合だけ適用してください。rbac-diagnose --fix は、--include-escalation を付けない限りこれを出力しません。',
  'fix.escalationWarningTitle': '権限昇格: 付与する前に確認が必要',
  'fix.refusedTitle': '権限昇格につながるリクエストには対処を生成しない',
  'fix.wildcardTitle': 'ワイルドカードのリクエストには対処を生成しない',
  'fix.invalidTitle': '値が有効でない拒否には対処を生成しない',
  'fix.refusedPrivilegedGroup':
    '{line} 行目の拒否は、特権グループ ({group}) への impersonate を求めています。これは名前を変えただけのクラスター管理者権限です。rbac-diagnose はこれを提案しません。本当に管理者権限が必要な人がいるなら、意図して付与し、監査してください。',
  'fix.refusedPrivilegedUser':
    '{line} 行目の拒否は、特権を持つ ID ({user}) への impersonate を求めています。rbac-diagnose はこれを提案しません。',
  'fix.refusedAdminRole':
    '{line} 行目の拒否は、無制限の管理者権限を持つ (または付与できる) ロール {role} に対する {verb} を求めています。rbac-diagnose はこれを提案しません。',
  'fix.refusedUnpinned':
    '{line} 行目の拒否は、対象を指定せずに {resource} の {verb} を求めています。resourceNames で対象を限定できないため、付与するとすべてのオブジェクト (最も強い権限を持つものも含む) に及びます。rbac-diagnose はこれを提案しません。対象のオブジェクトを指定し、それだけを許可してください。',
  'fix.refusedWildcard':
    '{line} 行目の拒否は、すべての verb、リソース、API グループ、またはパス (*) を求めています。対処でワイルドカードを付与することはありません。ワークロードが使う verb とリソースだけを個別に許可してください。',
  'fix.refusedInvalid':
    '{line} 行目の拒否には「{grammar}」の形式に合わない値があるため ({failure})、Role もバインディングも生成していません。',
  'fix.broaderTitle': 'より広いアクセス: 合う組み込みロールが無い',
  'fix.broaderNone':
    '組み込みの view と edit のロールが対象にするのは Namespace スコープのリソースだけです。view は Secret を読めず、edit は Secret の読み取りと Pod への exec ができます。これらの拒否には役に立たないか、はるかに多くの権限を与えてしまいます。上の最小権限の Role を使ってください。verb が 1 つ足りないだけで system:masters や cluster-admin を使ってはいけません。',
  'fix.broaderViewTitle':
    'Namespace {namespace} でより広い読み取りアクセスが必要な場合: 組み込みの view ロールを、その Namespace だけでバインドする (system:masters や cluster-admin は使わない)',
  'fix.psaPatchTitle':
    'Pod テンプレートを {level} レベルに適合させる: メッセージが挙げるフィールドだけを変更する (ワークロードの spec.template.spec にマージ)',
  'fix.psaManualTitle': '一部のチェックは、ワークロード自体の変更が必要',
  'fix.psaManual':
    'hostPath ボリューム、制限されたボリュームタイプ、hostPort、procMount は、ワークロードを壊さずにパッチで無効にすることはできません。ボリュームを置き換える (PersistentVolumeClaim、emptyDir、configMap、secret)、hostPort を削除する、またはレベルがそれを許す Namespace でワークロードを実行する、のいずれかにしてください。',
  'fix.awsAuthTitle':
    'マージした aws-auth: 入力の ConfigMap にマッピングを {count} 件追加 (既存のマッピングはすべて保持)',
  'fix.awsAuthIncluded':
    'このマッピングは、{rootCause} の対処として示した 1 つの aws-auth ConfigMap に含まれています。適用するのはその 1 つだけにしてください (aws-auth のコピーを 2 つ続けて適用すると、それぞれがもう一方の追加を消してしまいます)。',
  'fix.awsAuthIncludedTitle': 'aws-auth: このレポートにある、マージ済みの 1 つの ConfigMap を参照',
  'fix.awsAuthMalformedTitle': '入力の aws-auth は形式が壊れている: 作り直しはしない',
  'fix.awsAuthMalformed':
    '{from}-{to} 行目の aws-auth は ConfigMap として解析できません (最初の問題は {line} 行目)。読めた部分から作り直すと、読めなかった部分が失われるため、作り直したものは生成していません。{line} 行目をその場で修正するか (kubectl edit configmap aws-auth -n kube-system)、eksctl create iamidentitymapping またはアクセスエントリでマッピングを追加してください。',
  'fix.awsAuthEntryTitle': '{line} 行目付近のエントリの修正版 (壊れたエントリの上に、同じインデントで貼り付ける)',
  'fix.awsAuthAmbiguousTitle': '入力に内容の異なる aws-auth ConfigMap が複数ある: どれにもマージしない',
  'fix.awsAuthAmbiguous':
    '入力には内容の異なる aws-auth が複数あります。どれが現在のものか判断できず、違うものにマージするとマッピングが失われます。現在の aws-auth を読み (kubectl get cm aws-auth -n kube-system -o yaml)、eksctl create iamidentitymapping でマッピングを追加してください。',
  'fix.awsAuthUnmergeableTitle': '入力の aws-auth はこのままではマッピングを追加できない: 作り直しはしない',
  'fix.awsAuthUnmergeable':
    '{from}-{to} 行目の aws-auth の {key} は、マッピングの 1 つのリストとして読めません (キーの重複、2 つ目のドキュメント、またはリストでない値)。そのためマージしたものは生成していません: 認証側はこのような値をマッピングが 1 つも無いものとして読みます。その場で修正するか (kubectl edit configmap aws-auth -n kube-system)、eksctl create iamidentitymapping またはアクセスエントリでマッピングを追加してください。',
  'fix.awsAuthInvalidTitle': '有効でない値のため、aws-auth のマッピングを生成しない',
  'fix.awsAuthInvalid':
    'マッピングする ARN が「{grammar}」の形式に合わないため ({failure})、aws-auth のエントリは生成していません。',

  'grammar.namespace': 'Namespace 名 (DNS-1123 ラベル)',
  'grammar.dnsLabel': 'DNS-1123 ラベル',
  'grammar.dnsSubdomain': 'オブジェクト名 (DNS-1123 サブドメイン)',
  'grammar.objectName': 'オブジェクト名',
  'grammar.userName': 'Kubernetes のユーザー名',
  'grammar.groupName': 'Kubernetes のグループ名',
  'grammar.serviceAccountName': 'ServiceAccount 名',
  'grammar.verb': 'RBAC の verb',
  'grammar.resource': 'リソース名',
  'grammar.apiGroup': 'API グループ',
  'grammar.nonResourceURL': '非リソース URL のパス',
  'grammar.rbacTarget': 'リソースまたはパス',
  'grammar.resourceArg': 'resource[.group][/subresource] の形式',
  'grammar.partition': 'AWS パーティション',
  'grammar.account': 'AWS アカウント ID',
  'grammar.region': 'AWS リージョン',
  'grammar.clusterName': 'EKS クラスター名',
  'grammar.nodegroupName': 'EKS ノードグループ名',
  'grammar.instanceId': 'EC2 インスタンス ID',
  'grammar.profileName': 'AWS CLI のプロファイル名',
  'grammar.labelKey': 'ラベルまたはテイントのキー',
  'grammar.labelValue': 'ラベルまたはテイントの値',
  'grammar.labelPair': 'ラベルの key=value',
  'grammar.taintEffect': 'テイントの effect',
  'grammar.workloadRef': 'ワークロードの kind/name',
  'grammar.iamName': 'IAM ロール名またはユーザー名',
  'grammar.iamPath': 'IAM パス',
  'grammar.roleArn': 'IAM ロールの ARN',
  'grammar.userArn': 'IAM ユーザーの ARN',
  'grammar.principalArn': 'IAM ロールまたはユーザーの ARN',
  'grammar.assumedRoleArn': 'STS の引き受けたロール (assumed-role) の ARN',
  'grammar.oidcProvider': 'EKS の OIDC プロバイダー',
  'grammar.ecrRegistry': 'ECR レジストリ',
  'grammar.ecrRepository': 'ECR リポジトリ名',
  'grammar.image': 'コンテナイメージの参照',
  'grammar.iamAction': 'IAM アクション',
  'grammar.command': 'プログラム名',
  'grammar.number': '数値',
  'grammar.psaLevel': 'Pod Security のレベル',
  'grammar.resourceVersion': 'resourceVersion の値',
  'grammar.text': '表示できるテキスト',
  'failure.empty': '空の値',
  'failure.too-long': '長すぎる値',
  'failure.control-character': '制御文字、不可視文字、または改行を含む値',
  'failure.wildcard': 'ワイルドカードを含む値',
  'failure.placeholder': 'プレースホルダーのような値',
  'failure.form': 'この位置では使えない文字または形式',
  'failure.option': '「-」で始まり、コマンドがオプションとして読む値',
  'failure.privileged': 'cluster-admin か system:masters を指す値 (修正でこれを与えることはない)',

  'md.heading': 'rbac-diagnose 診断結果',
  'md.none': '既知の原因は見つかりませんでした。',
  'md.hidden': '確度 {minConfidence} 未満の原因 {count} 件は表示していません。',
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
  'md.escalation': '権限昇格: 記載以上の権限を与えます。付与する前に確認してください',
  'md.references': '参考:',
  'md.trace': 'ルールのトレース',

  'text.noCause': '既知の原因は見つかりませんでした',
  'text.counts': '障害の原因候補 {errors} 件、その他の指摘 {others} 件',
  'text.read': '(読み取った入力: {kinds})',
  'text.hidden': '確度 {minConfidence} 未満の原因 {count} 件は表示していません。',
  'text.error': 'エラー',
  'text.warning': '警告',
  'text.info': '情報',
  'text.confidence': '確度 {confidence}',
  'text.mostLikely': '最有力',
  'text.rule': 'ルール {rule}',
  'text.chain': '経路:',
  'text.misleads': 'メッセージが誤解を招く理由:',
  'text.evidence': '根拠',
  'text.confirm': '確認',
  'text.readOnly': '(読み取りのみ)',
  'text.fix': '対処',
  'text.mutatingTag': '[変更を伴う: 適用前に確認してください]',
  'text.escalationTag': '[権限昇格: 記載以上の権限を与えます。--fix では出力されません]',
  'text.readOnlyTag': '[読み取りのみ]',
  'text.see': '参考:',
  'text.alternatives': 'ほかに考えられる原因',
  'text.otherFindings': 'その他の指摘',
  'text.check': '確認:',
  'text.inputNotes': '入力についての注意:',
  'text.line': '{at} 行目',
  'text.full': '{flag} を付けると、すべての原因を確認手順と対処まで含めて表示します。',

  'sarif.message': '{title}。{summary}',
  'sarif.misleading': ' メッセージが誤解を招く理由: {misleading}',

  'trace.head': 'ルールのトレース: {total} 個のルールのうち {fired} 個が発火しました',
  'trace.shown': ' (発火したものを表示)。すべてのルールは --explain-all で表示します',
  'trace.base': '基本の確度 {confidence}',
  'trace.applied': '適用',
  'trace.notApplied': '不適用',
};
