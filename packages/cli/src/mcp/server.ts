// `rbac-diagnose mcp`: the diagnosis as Model Context Protocol tools over stdio, for agents (kubectl-ai, HolmesGPT,
// Claude and other MCP clients). Offline and read-only: the tools read only the text they are given and the rules
// loaded at start; nothing reaches a cluster or the network. Loaded only by this command (it imports the MCP SDK).
import type { Lang } from '@rbac-diagnose/core';
import { ReportSchema } from '@rbac-diagnose/core/schemas';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import * as z from 'zod';
import type { CliArgs } from '../args.js';
import { explainId, loadRules, rulesListData, type RuleSet } from '../commands.js';
import { diagnoseInputs, type DiagnosisOptions } from '../diagnosis.js';
import { textInput, type NamedText } from '../io.js';
import { createProgressLog } from '../log.js';
import { ISSUES_URL, VERSION } from '../output.js';
import { LineTransport } from './transport.js';

/** The limits of a server: those of the CLI (--max-size, --max-line-size). */
export type McpLimits = Pick<CliArgs, 'maxSizeMiB' | 'maxLineKiB'>;

const READ_ONLY = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;

const INSTRUCTIONS = `rbac-diagnose explains why Kubernetes and Amazon EKS refuse people and pods, from the text of command output: \
offline and deterministic (no cluster access, no network, no LLM). Call diagnose with everything the user pasted or \
you collected, verbatim and together; it returns ranked root causes with the input lines that prove them, read-only \
commands that confirm them and least-privilege fixes. Show fixes marked mutating or escalation to the user for review \
instead of applying them.`;

const DIAGNOSE = `Diagnose why Kubernetes or Amazon EKS refused a person or a pod, from pasted command output. Call it \
when you see errors such as "You must be logged in to the server (Unauthorized)", "… is forbidden: User … cannot list \
resource …", "getting credentials: exec: …" / "could not get token", a pod stuck Pending ("0/3 nodes are available: \
…"), ImagePullBackOff, CreateContainerConfigError, an admission webhook or PodSecurity denial, or EKS nodes that never \
become Ready.
Pass the text verbatim (prompts, fences and noise are fine) and everything you have together, as one text or as named \
inputs: kubectl describe pod/node, kubectl get events (text or -o json), the kubectl or aws CLI error lines (stderr), \
the aws-auth ConfigMap (kubectl get cm aws-auth -n kube-system -o yaml), aws sts get-caller-identity, aws eks \
list-access-entries / describe-cluster JSON, controller logs. Each extra input helps tell similar causes apart: a 401 \
with the caller identity and aws-auth is decided, without them it is only ranked.
Returns the JSON report (schemaVersion 1): diagnoses sorted by severity then confidence, each with rootCause, evidence \
(lines of the input), nextSteps (read-only commands that confirm it) and remediation (fixes labelled read-only, \
mutating or escalation — show mutating ones to the user for review, do not apply them yourself). Empty diagnoses \
means no known cause was found; issues lists what could not be read.`;

const EXPLAIN = `Documentation of one root cause (e.g. node_role_not_mapped) or rule id (e.g. \
pending-pod-nodes-never-ready), as \`rbac-diagnose explain\` prints it: what it means, why the error message \
misleads, read-only commands that confirm it, and the fixes. Use it to explain a diagnosis in more depth; ids come \
from diagnose results or rules_list.`;

const RULES_LIST = `Every rule this server runs (built-in, plus custom rules it was started with): id, rootCause, \
severity, layer, base confidence, title, and whether it is custom. Use it to see which failures rbac-diagnose \
recognises, or to find an id for explain.`;

const LangInput = z
  .enum(['en', 'ja'], { error: 'lang must be "en" or "ja"' })
  .optional()
  .describe(
    "Language of the texts: en or ja (default: the server's, from rbac-diagnose mcp --lang or its locale). Machine fields are the same in both.",
  );

const DiagnoseInput = {
  text: z
    .string({ error: 'text must be a string' })
    .optional()
    .describe('The output to diagnose, verbatim (several commands pasted together are fine).'),
  inputs: z
    .array(
      z.object({
        name: z.string({ error: 'each input needs a name' }).min(1, 'each input needs a name').max(200),
        text: z.string({ error: 'each input needs a text' }),
      }),
      { error: 'inputs must be a list of { name, text }' },
    )
    .min(1, 'inputs must hold at least one { name, text }')
    .max(100, 'at most 100 inputs')
    .optional()
    .describe(
      'Several outputs, each with a name such as describe.txt or aws-auth.yaml (evidence then names its input).',
    ),
  lang: LangInput,
  redact: z
    .boolean({ error: 'redact must be true or false' })
    .optional()
    .describe('Mask account ids, ARNs, IPs, names and secrets consistently, e.g. before the report is shared.'),
  minConfidence: z
    .number({ error: 'minConfidence must be a number from 0 to 1' })
    .min(0, 'minConfidence must be a number from 0 to 1')
    .max(1, 'minConfidence must be a number from 0 to 1')
    .optional()
    .describe('Leave out diagnoses below this confidence (0 to 1, default 0).'),
};

const RuleEntry = z.object({
  id: z.string(),
  rootCause: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  layer: z.string(),
  confidence: z.number(),
  title: z.string(),
  custom: z.boolean(),
});

/** A tool error the agent reads: one sentence. */
function toolError(sentence: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: sentence }] };
}

/** The named inputs of a diagnose call, or the sentence that says what is wrong with them. */
function callInputs(
  args: { text?: string | undefined; inputs?: { name: string; text: string }[] | undefined },
  limits: McpLimits,
): NamedText[] | string {
  if (args.text !== undefined && args.inputs !== undefined)
    return 'Pass the output either as text or as inputs, not both.';
  const inputs = args.inputs ?? (args.text === undefined ? [] : [{ name: 'text', text: args.text }]);
  if (inputs.length === 0)
    return 'Nothing to diagnose: pass the command output as text, or several outputs as inputs ([{ name, text }]).';
  const names = new Set(inputs.map((i) => i.name));
  if (names.size < inputs.length) return 'Each input needs its own name: evidence lines name the input they are from.';
  const max = Math.floor(limits.maxSizeMiB * 1048576);
  const big = inputs.find((i) => Buffer.byteLength(i.text, 'utf8') > max);
  if (big)
    return `${args.inputs ? `Input ${big.name}` : 'The text'} is larger than ${limits.maxSizeMiB} MiB, the limit of this server (rbac-diagnose mcp --max-size).`;
  return inputs;
}

/**
 * An MCP server with the diagnose, explain and rules_list tools over the rule set `rules` gives for a language (each
 * language's set loaded once, when first asked for); a call without `lang` is in `lang`.
 */
export function createMcpServer(
  rules: (lang: Lang) => Promise<RuleSet>,
  limits: McpLimits,
  lang: Lang = 'en',
): McpServer {
  const server = new McpServer({ name: 'rbac-diagnose', version: VERSION }, { instructions: INSTRUCTIONS });
  const sets = new Map<Lang, Promise<RuleSet>>();
  const setIn = (l: Lang): Promise<RuleSet> => {
    const loaded = sets.get(l) ?? rules(l);
    sets.set(l, loaded);
    return loaded;
  };

  server.registerTool(
    'diagnose',
    {
      title: 'Diagnose Kubernetes / EKS access and scheduling errors',
      description: DIAGNOSE,
      inputSchema: DiagnoseInput,
      outputSchema: ReportSchema,
      annotations: READ_ONLY,
    },
    async (args) => {
      const inputs = callInputs(args, limits);
      if (typeof inputs === 'string') return toolError(inputs);
      const options: DiagnosisOptions = {
        minConfidence: args.minConfidence ?? 0,
        redact: args.redact ?? false,
        maxSizeMiB: limits.maxSizeMiB,
        maxLineKiB: limits.maxLineKiB,
        lang: args.lang ?? lang,
      };
      try {
        const { report } = await diagnoseInputs(inputs.map(textInput), await setIn(options.lang), options);
        return {
          // The same JSON as `rbac-diagnose -o json` prints for these inputs.
          content: [{ type: 'text', text: JSON.stringify(report, null, 2) }],
          structuredContent: report,
        };
      } catch (e) {
        return toolError(
          `rbac-diagnose ${VERSION} failed on this input (${e instanceof Error ? e.message : String(e)}); this is a bug, please report it at ${ISSUES_URL}.`,
        );
      }
    },
  );

  server.registerTool(
    'explain',
    {
      title: 'Explain a root cause or rule',
      description: EXPLAIN,
      inputSchema: {
        id: z
          .string({ error: 'id must be a root cause or rule id' })
          .min(1, 'id must be a root cause or rule id')
          .max(200)
          .describe('A root cause (node_role_not_mapped) or rule id (pending-pod-nodes-never-ready).'),
        lang: LangInput,
      },
      annotations: READ_ONLY,
    },
    async ({ id, lang: asked }) => {
      const text = await explainId(await setIn(asked ?? lang), id, asked ?? lang);
      if (text === null) return toolError(`No rule or root cause is named "${id}"; rules_list gives every id.`);
      return { content: [{ type: 'text', text }] };
    },
  );

  server.registerTool(
    'rules_list',
    {
      title: 'List the rules',
      description: RULES_LIST,
      inputSchema: { lang: LangInput },
      outputSchema: { rules: z.array(RuleEntry) },
      annotations: READ_ONLY,
    },
    async ({ lang: asked }) => {
      const rules = rulesListData(await setIn(asked ?? lang), asked ?? lang);
      return { content: [{ type: 'text', text: JSON.stringify(rules, null, 2) }], structuredContent: { rules } };
    },
  );
  return server;
}

/** Serves MCP on stdin/stdout until the client closes stdin; logs go to stderr only. */
export async function runMcp(args: CliArgs, lang: Lang): Promise<number> {
  const log = await createProgressLog(args.logLevel);
  // The server's own language is loaded now: a bad --rules directory stops it before it serves.
  const set = await loadRules(args, log, lang);
  const server = createMcpServer((l) => (l === lang ? Promise.resolve(set) : loadRules(args, log, l)), args, lang);
  // A message holds one input JSON-encoded: escaping can double its bytes (quotes, backslashes), plus the envelope.
  const transport = new LineTransport(
    process.stdin,
    process.stdout,
    Math.ceil(args.maxSizeMiB * 1048576) * 2 + 1048576,
  );
  const closed = new Promise<void>((resolve) => (transport.onclose = resolve));
  transport.onerror = (e) => process.stderr.write(`rbac-diagnose mcp: ${e.message}\n`);
  await server.connect(transport);
  log.info({ rules: set.rules.length, custom: set.custom.size }, 'mcp: serving on stdio');
  await closed;
  return 0;
}
