// Validates emitted manifests against the Kubernetes OpenAPI schemas of their kind, using kubernetes-models (a
// schema package from npm, generated from the Kubernetes OpenAPI spec). IAM policy documents get a shape check.
import { parseAllDocuments } from 'yaml';
import * as apps from 'kubernetes-models/apps/v1';
import * as rbac from 'kubernetes-models/rbac.authorization.k8s.io/v1';
import * as core from 'kubernetes-models/v1';
import * as storage from 'kubernetes-models/storage.k8s.io/v1';
import * as networking from 'kubernetes-models/networking.k8s.io/v1';

type Model = new (data: Record<string, unknown>) => { validate(): void };
const MODELS: Record<string, Model> = {
  'v1/ConfigMap': core.ConfigMap,
  'v1/ServiceAccount': core.ServiceAccount,
  'v1/Pod': core.Pod,
  'v1/Namespace': core.Namespace,
  'v1/LimitRange': core.LimitRange,
  'v1/ResourceQuota': core.ResourceQuota,
  'apps/v1/Deployment': apps.Deployment,
  'storage.k8s.io/v1/StorageClass': storage.StorageClass as unknown as Model,
  'networking.k8s.io/v1/NetworkPolicy': networking.NetworkPolicy,
  'rbac.authorization.k8s.io/v1/Role': rbac.Role,
  'rbac.authorization.k8s.io/v1/RoleBinding': rbac.RoleBinding as unknown as Model,
  'rbac.authorization.k8s.io/v1/ClusterRole': rbac.ClusterRole,
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': rbac.ClusterRoleBinding as unknown as Model,
};

function isIamPolicy(o: Record<string, unknown>): boolean {
  return (
    typeof o['Version'] === 'string' &&
    Array.isArray(o['Statement']) &&
    (o['Statement'] as unknown[]).every((s) => typeof s === 'object' && s !== null && 'Effect' in s)
  );
}

/** Problems of one manifest text (multi-document YAML or JSON); empty when every document is valid. */
export function manifestProblems(text: string): string[] {
  const problems: string[] = [];
  const docs = parseAllDocuments(text);
  for (const d of Array.isArray(docs) ? docs : [docs]) {
    if (d.errors.length > 0) {
      problems.push(`YAML: ${d.errors[0]?.message ?? ''}`);
      continue;
    }
    const o = d.toJS() as Record<string, unknown> | null;
    if (o === null) continue;
    if (isIamPolicy(o)) continue;
    const key = `${String(o['apiVersion'])}/${String(o['kind'])}`;
    const Model = MODELS[key];
    if (!Model) {
      problems.push(`no schema for ${key}`);
      continue;
    }
    try {
      new Model(o).validate();
    } catch (e) {
      problems.push(
        `${key} ${String((o['metadata'] as { name?: string } | undefined)?.name)}: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  }
  return problems;
}
