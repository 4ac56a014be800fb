// What a shell command is made of, for the tests that check values cannot change it: its words and operators as
// shell-quote reads them, and every shape the built-in rules' command templates allow.
import { parse } from 'shell-quote';
import { builtinRules } from '@rbac-diagnose/rules';
import { contextAt } from '../packages/core/src/remediation/shell.js';

/** The command without its comments (a `#` starting a word outside quotes, to the end of its line). */
function withoutComments(command: string): string {
  const at = [...command.matchAll(/(?<=^|\s)#/gm)].map((m) => m.index);
  const ctx = contextAt(command, at);
  let out = command;
  for (let i = at.length - 1; i >= 0; i--) {
    const start = at[i] ?? 0;
    if (ctx[i] !== 'plain') continue;
    const end = command.indexOf('\n', start);
    out = out.slice(0, start) + (end < 0 ? '' : out.slice(end));
  }
  return out;
}

/**
 * The words (W) and operators of a command, in order. The tool's own `<hints>` and its `"$(aws iam get-role …)"`
 * (written when a value is unknown) count as one word each.
 */
export function commandShape(command: string): string {
  // shell-quote reads a comment to the end of the whole text, not of its line: comments are removed first.
  const own = withoutComments(command)
    .replace(/"\$\(aws iam get-role --role-name [\w+=,.@-]+ --query Role\.Arn --output text\)"/g, 'ROLEARN')
    .replace(/<[\w -]+>/g, 'HINT');
  return JSON.stringify(parse(own).map((t) => (typeof t === 'string' ? 'W' : t)));
}

/**
 * Every shape a command may have: each rule's command templates with every value one word (a namespace flag two words
 * or none), and the commands core generates.
 */
export const TEMPLATE_SHAPES: ReadonlySet<string> = new Set([
  commandShape('kubectl create rolebinding W --clusterrole=view --user=W -n W'),
  ...builtinRules.flatMap((rule) =>
    [...rule.nextSteps.map((n) => n.command), ...rule.remediation.flatMap((x) => x.command ?? [])].flatMap((t) =>
      ['', '-n W'].map((flag) =>
        commandShape(
          t
            .replace(/\{\{\s*[\w.]*amespaceFlag\s*\}\}/g, flag)
            .replace(/\{\{\s*(?!EC2PrivateDNSName|SessionName)[\w.]+\s*\}\}/g, 'W'),
        ),
      ),
    ),
  ),
]);
