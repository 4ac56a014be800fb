// Finds English prose left in a text that should be Japanese: three or more plain English words in a row. What a
// Japanese text keeps in English on purpose is not prose: quoted messages ("…", `…`), <hints>, URLs, commands (a run
// that starts with a program name), identifiers (words with - _ . : / = or capitals inside), and anything copied from
// the input the text is about.

/** Programs a text may show a command of (`kubectl get nodes` inside a sentence is a command, not English). */
const PROGRAMS = new Set([
  'aws',
  'aws-iam-authenticator',
  'cat',
  'crictl',
  'curl',
  'dig',
  'docker',
  'echo',
  'eksctl',
  'grep',
  'helm',
  'jq',
  'journalctl',
  'kubectl',
  'nc',
  'nslookup',
  'openssl',
  'rbac-diagnose',
  'ssh',
  'sudo',
  'systemctl',
  'terraform',
]);

// A plain English word: lower case letters only, perhaps with sentence punctuation around it.
const WORD = /^\(?[a-z]{2,}[,.;:!?)]*$/;

/** The runs of three or more plain English words in `text` that are not quoted, commands or copied from `input`. */
export function englishProse(text: string, input = ''): string[] {
  // What is left out ends a run, as a line break does.
  const unquoted = text
    .replace(/"[^"\n]*"|“[^”\n]*”|`[^`\n]*`/g, '\n')
    .replace(/<[^<>\n]*>/g, '\n')
    .replace(/https?:\/\/\S+/g, '\n');
  const found: string[] = [];
  // Runs of printable ASCII between Japanese characters, line breaks and full-width punctuation.
  for (const run of unquoted.split(/[^\x20-\x7e]+/)) {
    const tokens = run.trim().split(/ +/);
    const first = tokens.find((t) => /\w/.test(t)) ?? '';
    if (PROGRAMS.has(first.replace(/^\(/, ''))) continue;
    let words: string[] = [];
    const flush = (): void => {
      const phrase = words.map((w) => w.replace(/^\(|[,.;:!?)]+$/g, '')).join(' ');
      if (words.length >= 3 && !input.includes(phrase) && !input.includes(words.join(' '))) found.push(phrase);
      words = [];
    };
    for (const token of tokens) {
      if (WORD.test(token)) words.push(token);
      else flush();
    }
    flush();
  }
  return found;
}
