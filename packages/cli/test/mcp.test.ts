// `rbac-diagnose mcp` driven by a real MCP client (the SDK's Client over its stdio transport) spawning the built CLI:
// the tools it lists, each tool's answers, and the diagnose tool's report compared with the CLI's `-o json`.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ruleVariantDir } from './rules-dir.js';

const bin = fileURLToPath(new URL('../dist/rbac-diagnose.js', import.meta.url));
const wallsDir = fileURLToPath(new URL('../../../fixtures/seed-walls/', import.meta.url));
const WALLS = readdirSync(wallsDir).filter((f) => f.endsWith('.txt') || f.endsWith('.yaml'));
const wall = (f: string): string => readFileSync(join(wallsDir, f), 'utf8');

/** The CLI's stdout for `args` (and stdin `input`). */
function cli(args: string[], input = ''): string {
  const r = spawnSync(process.execPath, [bin, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  expect(r.stderr).toBe('');
  return r.stdout;
}

/** A connected client of `rbac-diagnose mcp …args`, with what the server wrote on stderr. */
async function connect(args: string[] = []): Promise<{ client: Client; stderr: () => string }> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [bin, 'mcp', ...args],
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const client = new Client({ name: 'rbac-diagnose-test', version: '1.0.0' });
  await client.connect(transport);
  return { client, stderr: () => stderr };
}

const textOf = (r: CallToolResult): string[] => r.content.map((c) => (c.type === 'text' ? c.text : `<${c.type}>`));

let client: Client;
let serverStderr: () => string;

beforeAll(async () => {
  ({ client, stderr: serverStderr } = await connect());
});

afterAll(async () => {
  await client.close();
});

describe('rbac-diagnose mcp: tools for agents over stdio', () => {
  test('lists diagnose, explain and rules_list: read-only, closed-world, with descriptions written for an agent', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(['diagnose', 'explain', 'rules_list']);
    for (const t of tools) {
      expect(t.annotations).toEqual({
        readOnlyHint: true,
        destructiveHint: false,
        idempotentHint: true,
        openWorldHint: false,
      });
      expect(t.description?.length).toBeGreaterThan(150);
    }
    const diagnose = tools[0];
    expect(Object.keys(diagnose?.inputSchema.properties ?? {})).toEqual([
      'text',
      'inputs',
      'lang',
      'redact',
      'minConfidence',
    ]);
    expect(diagnose?.inputSchema.properties?.['lang']).toMatchObject({ enum: ['en', 'ja'] });
    // What helps: the description names the inputs an agent should gather.
    for (const hint of ['describe', 'events', 'aws-auth', 'get-caller-identity', 'stderr'])
      expect(diagnose?.description).toContain(hint);
    expect(diagnose?.outputSchema?.properties).toHaveProperty('diagnoses');
    expect(client.getServerVersion()?.name).toBe('rbac-diagnose');
    expect(client.getInstructions()).toMatch(/offline and deterministic/);
  });

  test.each(WALLS)('diagnose(%s) is the CLI’s -o json report, as text and as structured content', async (file) => {
    const input = wall(file);
    const r = (await client.callTool({ name: 'diagnose', arguments: { text: input } })) as CallToolResult;
    expect(r.isError).toBeFalsy();
    const expected = cli(['-o', 'json'], input);
    expect(textOf(r)).toEqual([expected.trimEnd()]);
    expect(r.structuredContent).toEqual(JSON.parse(expected));
  });

  test('named inputs are diagnosed together, as the CLI does with files (evidence names its input)', async () => {
    const files = ['wall3-pending-not-ready-disk.txt', 'aws-auth-users-only.yaml'];
    const r = (await client.callTool({
      name: 'diagnose',
      arguments: { inputs: files.map((name) => ({ name, text: wall(name) })) },
    })) as CallToolResult;
    expect(textOf(r)).toEqual([cli(['-o', 'json', ...files.map((f) => join(wallsDir, f))]).trimEnd()]);
    const sources = (r.structuredContent as { diagnoses: { evidence: { source?: string }[] }[] }).diagnoses[0]
      ?.evidence;
    expect(new Set(sources?.map((e) => e.source))).toEqual(new Set(files));
  });

  test('redact and minConfidence are the CLI’s --redact and --min-confidence', async () => {
    const input = wall('wall1-unauthorized.txt');
    const r = (await client.callTool({
      name: 'diagnose',
      arguments: { text: input, redact: true, minConfidence: 0.5 },
    })) as CallToolResult;
    expect(textOf(r)).toEqual([cli(['-o', 'json', '--redact', '--min-confidence', '0.5'], input).trimEnd()]);
    expect(textOf(r)[0]).not.toContain('123456789012');
  });

  test('lang picks the language of the texts, as --lang does; the server default is its own language', async () => {
    const input = wall('wall2-forbidden.txt');
    const ja = (await client.callTool({ name: 'diagnose', arguments: { text: input, lang: 'ja' } })) as CallToolResult;
    expect(textOf(ja)).toEqual([cli(['-o', 'json', '--lang', 'ja'], input).trimEnd()]);
    expect((ja.structuredContent as { lang: string }).lang).toBe('ja');
    const explained = (await client.callTool({
      name: 'explain',
      arguments: { id: 'rbac_permission_missing', lang: 'ja' },
    })) as CallToolResult;
    expect(textOf(explained)).toEqual([cli(['explain', 'rbac_permission_missing', '--lang', 'ja'])]);
    const { client: jaServer } = await connect(['--lang', 'ja']);
    try {
      const byDefault = (await jaServer.callTool({ name: 'diagnose', arguments: { text: input } })) as CallToolResult;
      expect(textOf(byDefault)).toEqual(textOf(ja));
      const english = (await jaServer.callTool({
        name: 'diagnose',
        arguments: { text: input, lang: 'en' },
      })) as CallToolResult;
      expect(textOf(english)).toEqual([cli(['-o', 'json'], input).trimEnd()]);
    } finally {
      await jaServer.close();
    }
  });

  test('explain prints what `rbac-diagnose explain` prints; rules_list what `rules list -o json` lists', async () => {
    for (const id of ['node_role_not_mapped', 'forbidden-rbac-permission-missing']) {
      const r = (await client.callTool({ name: 'explain', arguments: { id } })) as CallToolResult;
      expect(textOf(r)).toEqual([cli(['explain', id])]);
    }
    const list = (await client.callTool({ name: 'rules_list', arguments: {} })) as CallToolResult;
    const expected: unknown = JSON.parse(cli(['rules', 'list', '-o', 'json']));
    expect(list.structuredContent).toEqual({ rules: expected });
    expect(JSON.parse(textOf(list)[0] ?? '')).toEqual(expected);
  });

  test.each([
    [
      'both text and inputs',
      { text: 'x', inputs: [{ name: 'a', text: 'y' }] },
      'Pass the output either as text or as inputs, not both.',
    ],
    [
      'nothing',
      {},
      'Nothing to diagnose: pass the command output as text, or several outputs as inputs ([{ name, text }]).',
    ],
    [
      'two inputs of one name',
      {
        inputs: [
          { name: 'a', text: 'x' },
          { name: 'a', text: 'y' },
        ],
      },
      'Each input needs its own name: evidence lines name the input they are from.',
    ],
    ['an unknown language', { text: 'x', lang: 'fr' }, /lang must be "en" or "ja"/],
    ['a confidence above 1', { text: 'x', minConfidence: 2 }, /minConfidence must be a number from 0 to 1/],
  ])('diagnose with %s is a tool error of one sentence', async (_, args, message) => {
    const r = (await client.callTool({ name: 'diagnose', arguments: args })) as CallToolResult;
    expect(r.isError).toBe(true);
    const [text, more] = textOf(r);
    expect(more).toBeUndefined();
    if (typeof message === 'string') expect(text).toBe(message);
    else expect(text).toMatch(message);
    expect(text).not.toMatch(/\n\s+at /);
  });

  test('explain of an unknown id is a tool error naming it', async () => {
    const r = (await client.callTool({ name: 'explain', arguments: { id: 'nope' } })) as CallToolResult;
    expect(r.isError).toBe(true);
    expect(textOf(r)).toEqual(['No rule or root cause is named "nope"; rules_list gives every id.']);
  });

  test('stdout carries only the protocol: nothing else was written, and the server logged nothing', () => {
    // Every answer above parsed as JSON-RPC; a stray write to stdout would have failed the client.
    expect(serverStderr()).toBe('');
  });
});

describe('rbac-diagnose mcp: the README', () => {
  test('the client configuration it shows starts the server (command and args as written, the bin for the link)', async () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const json = /```json\n\s*(\{ "mcpServers"[^\n]*)\n/.exec(readme)?.[1] ?? '';
    const entry = (JSON.parse(json) as { mcpServers: Record<string, { command: string; args: string[] }> }).mcpServers[
      'rbac-diagnose'
    ];
    expect(entry?.command).toBe('rbac-diagnose');
    const { client: configured } = await connect(entry?.args.slice(1) ?? ['missing']);
    expect(entry?.args[0]).toBe('mcp');
    expect((await configured.listTools()).tools.map((t) => t.name)).toEqual(['diagnose', 'explain', 'rules_list']);
    await configured.close();
  });
});

describe('rbac-diagnose mcp: options and limits of the CLI', () => {
  test('--max-size: a larger input is a tool error naming the limit', async () => {
    const { client: small } = await connect(['--max-size', '0.001']);
    const r = (await small.callTool({ name: 'diagnose', arguments: { text: 'x'.repeat(2000) } })) as CallToolResult;
    expect(r.isError).toBe(true);
    expect(textOf(r)).toEqual([
      'The text is larger than 0.001 MiB, the limit of this server (rbac-diagnose mcp --max-size).',
    ]);
    await small.close();
  });

  test('--rules DIR: custom rules run and are marked as custom in rules_list', async () => {
    const dir = ruleVariantDir('forbidden-rbac-permission-missing', {
      id: 'team-forbidden',
      title: 'Ask the platform team',
    });
    const { client: custom } = await connect(['--rules', dir]);
    const list = (await custom.callTool({ name: 'rules_list', arguments: {} })) as CallToolResult;
    const rules = (list.structuredContent as { rules: { id: string; custom: boolean }[] }).rules;
    expect(rules.filter((r) => r.custom).map((r) => r.id)).toEqual(['team-forbidden']);
    const input = wall('wall2-forbidden.txt');
    const r = (await custom.callTool({ name: 'diagnose', arguments: { text: input } })) as CallToolResult;
    expect(textOf(r)).toEqual([cli(['-o', 'json', '--rules', dir], input).trimEnd()]);
    expect((r.structuredContent as { diagnoses: { ruleId: string }[] }).diagnoses[0]?.ruleId).toBe('team-forbidden');
    await custom.close();
  });

  test('a bad --rules directory stops the server before it serves, with one line (exit 2)', () => {
    const r = spawnSync(process.execPath, [bin, 'mcp', '--rules', '/no/such/rules'], { encoding: 'utf8', input: '' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('rbac-diagnose: --rules /no/such/rules: no such directory\n');
  });

  test('requests piped in then closed are all answered before the server exits (exit 0)', async () => {
    const messages = [
      {
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'pipe', version: '1' } },
      },
      { jsonrpc: '2.0', method: 'notifications/initialized' },
      {
        jsonrpc: '2.0',
        id: 2,
        method: 'tools/call',
        params: { name: 'diagnose', arguments: { text: wall('wall0-no-aws-credentials.txt') } },
      },
    ];
    const child = spawn(process.execPath, [bin, 'mcp'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stdin.end(messages.map((m) => `${JSON.stringify(m)}\n`).join(''));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    const answers = out
      .trim()
      .split('\n')
      .map(
        (l) => JSON.parse(l) as { id: number; result: { structuredContent?: { diagnoses: { rootCause: string }[] } } },
      );
    expect(answers.map((a) => a.id)).toEqual([1, 2]);
    expect(answers[1]?.result.structuredContent?.diagnoses[0]?.rootCause).toBe('aws_credentials_missing');
  });
});
