// --help in Japanese: HELP of args.ts (a test checks that both name the same options and commands).

/** The --help text in Japanese. */
export const HELP_JA = `rbac-diagnose — Kubernetes と Amazon EKS が人や Pod を拒否する理由を説明します

使い方:
  kubectl describe pod my-pod | rbac-diagnose
  rbac-diagnose [オプション] [FILE...]      (FILE が無いか "-" なら標準入力を読みます)
  kubectl rbac-diagnose [オプション] [FILE...] (kubectl プラグインとして)
  rbac-diagnose rules list [-o json]        知っているルールの一覧 (組み込み、と --rules DIR)
  rbac-diagnose explain ROOT_CAUSE|RULE_ID  原因の意味、確認と対処の方法
  rbac-diagnose live pod NAME [-n NS]       Pod、イベント、ノード、aws-auth、あなたの ID を
                                            クラスターから読み (読み取りのみ)、診断します
  rbac-diagnose live node NAME | live namespace NS
      [--context C] [--kubeconfig F] [--request-timeout 10s]
      [--save DIR]                          読んだものを保存します (rbac-diagnose DIR/* で読めます)
  rbac-diagnose watch [-n NS | -A] [--max-events N] [--timeout 60s]
                                            クラスターのイベントが届くたびに、診断ごとに 1 行の JSON
  STREAM | rbac-diagnose --follow           標準入力のストリームに対して同じ JSON 行を出力
                                            (kubectl get -w、kubectl logs -f、journalctl -f)
  rbac-diagnose mcp [--rules DIR]           AI エージェント向けの MCP サーバー (stdio) として診断
  rbac-diagnose web [--port N]              ブラウザ用のページを 127.0.0.1 で配信

手元にあるものを貼り付けるかパイプしてください: kubectl describe/get の出力、イベント、
kubectl や aws CLI のエラー、aws-auth ConfigMap、aws sts get-caller-identity、
コントローラーのログ (複数まとめて可)。
端末で "rbac-diagnose -" を実行すると貼り付けを待ちます。空の行で Ctrl-D を押すと終わります。

オプション:
  -o, --output FORM        text (デフォルト)、json (schemaVersion 1)、yaml、markdown、sarif
      --fix                対処のマニフェストだけを 1 つの YAML で出力 (確認後に \`kubectl apply -f -\`)
      --include-escalation --fix で、受け取った側がさらに権限を得られる付与 (impersonate、bind、
                           escalate、トークン、exec、ノードのプロキシ、シークレット) も出力
                           (デフォルトでは出力しない)
      --explain            ルールのトレースも出力: 発火した各ルール、一致した条件、
                           適用された確度の調整とその理由
      --explain-all        すべてのルールのトレース (発火しなかったものも)
      --redact             シークレット、アカウント ID、ARN、IP、名前を一貫してマスク
      --min-confidence N   確度が N (0..1) 未満の診断を表示しない
      --fail-on LEVEL      LEVEL 以上の診断があれば終了コード 1 (error|warning|info)
      --rules DIR          DIR のルール (YAML か JSON) を追加 (組み込みと同じ ID のルールは置き換え)
      --max-size MIB       読む入力の上限 (デフォルト 256)
      --max-line-size KIB  エラーメッセージを行全体で探す行の長さの上限 (デフォルト 1024)
      --follow             標準入力を閉じるまで読み、診断が現れる・変わる・消えるたびに 1 行の JSON
                           (watch と同じ) を出力。メモリは一定の範囲に収まります (古い根拠の行は
                           破棄され、その数をレコードが示します)
  -v, --verbose, --all     完全なレポート: すべての原因を、確認手順と対処まで含めて表示
      --color, --no-color  色を強制的に付ける / 付けない
                           (デフォルト: 端末なら付け、NO_COLOR があれば付けない)
      --log-level LEVEL    silent|error|warn|info|debug|trace、標準エラー出力へ (デフォルト warn)
      --lang LANG          en か ja、テキストの言語 (デフォルト: RBAC_DIAGNOSE_LANG、次に LC_ALL、
                           LC_MESSAGES、LANG。ja_JP.UTF-8 なら ja)
      --demo               例を診断: aws-auth ConfigMap と一緒に貼り付けた Pending の Pod
      --version            バージョンを表示
  -h, --help               このヘルプ

例:
  kubectl get pods 2>&1 | rbac-diagnose
  kubectl describe pod web-0 | rbac-diagnose --redact -o markdown   # GitHub の issue に貼り付ける
  rbac-diagnose --fix forbidden.txt > fix.yaml && kubectl apply -f fix.yaml --dry-run=server
  rbac-diagnose explain node_role_not_mapped
  rbac-diagnose describe.txt aws-auth.yaml
  pbpaste | rbac-diagnose -o json | jq '.diagnoses[0].rootCause'
  kubectl get events -A -w -o json | rbac-diagnose --follow
  kubectl logs -f deploy/aws-load-balancer-controller -n kube-system | rbac-diagnose --follow

終了コード: 0 実行した、1 --fail-on に該当、2 使い方の誤りか読めない入力、70 内部エラー (バグ)。
`;
