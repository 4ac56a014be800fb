// Which chain to draw for a diagnosis: the report's own `chain` field when the core provides one, otherwise the
// layer of the rule that concluded it placed on the chain a request or a pod walks.
import type { Diagnosis, Rule } from '@rbac-diagnose/core';
import type { Chain } from './chain-svg.js';
import type { Lang } from './i18n.js';

type Layer = Rule['layer'];

// The two chains of the product: how a request reaches the cluster and how a pod comes to run (ready nodes first,
// then the scheduler's choice among them). Each rule layer is one link of one of them.
const REQUEST: Record<Lang, readonly string[]> = {
  en: ['AWS credentials', 'token (exec plugin)', 'IAM identity', 'aws-auth / access entry', 'RBAC', 'admission'],
  ja: [
    'AWS 認証情報',
    'トークン (exec プラグイン)',
    'IAM プリンシパル',
    'aws-auth / アクセスエントリ',
    'RBAC',
    'アドミッション制御',
  ],
};
const POD: Record<Lang, readonly string[]> = {
  en: ['nodes', 'scheduler', 'image pull', 'container', 'AWS APIs (pod identity)'],
  ja: ['ノード', 'スケジューラー', 'イメージの取得', 'コンテナ', 'AWS API (Pod の IAM ロール)'],
};
const AT: Record<Layer, { chain: Record<Lang, readonly string[]>; index: number }> = {
  credentials: { chain: REQUEST, index: 0 },
  exec: { chain: REQUEST, index: 1 },
  authn: { chain: REQUEST, index: 2 },
  'aws-auth': { chain: REQUEST, index: 3 },
  authz: { chain: REQUEST, index: 4 },
  admission: { chain: REQUEST, index: 5 },
  nodes: { chain: POD, index: 0 },
  scheduling: { chain: POD, index: 1 },
  images: { chain: POD, index: 2 },
  containers: { chain: POD, index: 3 },
  'pod-identity': { chain: POD, index: 4 },
};

/** The chain to draw for `d`, or null when neither the report nor the rule places it on one. */
export function chainOf(d: Diagnosis, rules: readonly Rule[], lang: Lang): Chain | null {
  const own = (d as Diagnosis & { chain?: unknown }).chain;
  if (own !== undefined) return isChain(own) ? own : null;
  const layer = rules.find((r) => r.id === d.ruleId)?.layer;
  if (layer === undefined) return null;
  const at = AT[layer];
  return { links: at.chain[lang], broken: at.index };
}

function isChain(v: unknown): v is Chain {
  if (typeof v !== 'object' || v === null) return false;
  const { links, broken } = v as { links?: unknown; broken?: unknown };
  return (
    Array.isArray(links) &&
    links.length > 0 &&
    links.every((l) => typeof l === 'string') &&
    typeof broken === 'number' &&
    Number.isInteger(broken) &&
    broken >= 0 &&
    broken < links.length
  );
}
