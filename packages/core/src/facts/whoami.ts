// Facts from `kubectl auth whoami`: the table (ATTRIBUTE VALUE: Username, UID, Groups, Extra: arn), or a
// SelfSubjectReview object in JSON or YAML.
import { expandTabs, type Line } from '../input/lines.js';
import type { Section } from '../input/split.js';
import { obj, str, strs } from '../parse/objects.js';
import { bracketList } from './can-i.js';
import { ref, type Collected } from './collected.js';

/** Reads one whoami table. */
export function extractWhoami(section: Section, c: Collected): void {
  let username: { v: string; l: Line } | null = null;
  let uid: string | null = null;
  let groups: string[] = [];
  let arn: string | null = null;
  for (const l of section.lines.slice(1)) {
    const m = /^\s*(Username|UID|Groups|Extra: \S+)\s+([^]*)$/.exec(expandTabs(l.text));
    if (!m?.[1]) continue;
    const v = (m[2] ?? '').trim();
    if (m[1] === 'Username') username = { v, l };
    else if (m[1] === 'UID') uid = v;
    else if (m[1] === 'Groups') groups = bracketList(v);
    else if (m[1] === 'Extra: arn') arn = bracketList(v)[0] ?? null;
  }
  if (username) c.whoami = { ...ref(username.l), username: username.v, uid, groups, arn };
}

/** A SelfSubjectReview object (`kubectl auth whoami -o json|yaml`). */
export function whoamiFromReview(
  o: Record<string, unknown>,
  line: (k: string, inObj: unknown) => Line,
  c: Collected,
): void {
  const ui = obj(obj(o, 'status'), 'userInfo');
  const username = str(ui, 'username');
  if (username === null) return;
  c.whoami = {
    ...ref(line('username', ui)),
    username,
    uid: str(ui, 'uid'),
    groups: strs(ui, 'groups'),
    arn: strs(obj(ui, 'extra'), 'arn')[0] ?? null,
  };
}
