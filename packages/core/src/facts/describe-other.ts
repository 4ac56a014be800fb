// Facts from the other describe outputs (deployment, replicaset, configmap, any describer): their events, and the
// `Conditions:` table (`Type  Status  Reason`) of deployments, replicasets and the like.
import type { Section } from '../input/split.js';
import { parseDescribe } from '../parse/describe.js';
import type { Collected } from './collected.js';
import { conditionsOf } from './describe-pod.js';
import { eventsFromDescribe } from './events.js';
import type { ConditionFact } from './schema.js';

/** Reads one describe section that is neither a pod nor a node (a ConfigMap's: only its events). */
export function extractDescribeOther(section: Section, c: Collected): void {
  const block = parseDescribe(section.lines);
  eventsFromDescribe(block, c);
  if (section.kind === 'describe-configmap') return;
  const name = /^Name:\s+(\S+)/.exec(section.lines[0]?.text ?? '')?.[1] ?? '<unknown>';
  const keys = new Set(block.blocks.map((b) => b.field.key));
  const kind: ConditionFact['objectKind'] = keys.has('NewReplicaSet')
    ? 'Deployment'
    : keys.has('Pods Status')
      ? 'ReplicaSet'
      : 'Other';
  const conditions = block.blocks.find((b) => b.field.key === 'Conditions' && b.field.value === '');
  conditionsOf(conditions?.lines ?? [], kind, name, true, c);
}
