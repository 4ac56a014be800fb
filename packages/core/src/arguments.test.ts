import { describe, expect, test } from 'vitest';
import { builtinRuleSet } from '@rbac-diagnose/rules';
import { ArgumentError } from './arguments.js';
import { diagnose } from './diagnose.js';

describe('diagnose() with arguments of the wrong shape', () => {
  test.each([
    [
      'a number as input',
      42,
      builtinRuleSet,
      'the input must be a string or an array of { name, text } objects (got number 42)',
    ],
    [
      'null as input',
      null,
      builtinRuleSet,
      'the input must be a string or an array of { name, text } objects (got null)',
    ],
    [
      'an input without text',
      [{ name: 'a' }],
      builtinRuleSet,
      'input[0] must be an object with a string "text" (got an object)',
    ],
    [
      'a name that is no string',
      [{ name: 1, text: 'x' }],
      builtinRuleSet,
      'input[0].name must be a string (got number 1)',
    ],
    ['no options', 'x', undefined, 'the options must be an object with rules and vocabulary'],
    [
      'empty options',
      'x',
      {},
      'options.rules must be an array of rules, such as builtinRuleSet.rules from @rbac-diagnose/rules (got undefined)',
    ],
    ['rules that are no list', 'x', { ...builtinRuleSet, rules: 5 }, 'options.rules must be an array of rules'],
  ])('%s: one sentence naming the argument, as an ArgumentError', async (_, input, options, message) => {
    const call = diagnose(input as never, options as never);
    await expect(call).rejects.toBeInstanceOf(ArgumentError);
    await expect(call).rejects.toThrow(`diagnose: ${message}`);
  });

  test('the right shapes still diagnose', async () => {
    expect((await diagnose([{ name: 'a', text: '' }], builtinRuleSet)).issues.map((i) => i.code)).toEqual([
      'empty_input',
    ]);
  });
});
