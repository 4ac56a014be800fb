import { expect, test } from 'vitest';
import { canonicalArn, parseArn, stripRolePath } from './arn.js';

test.each([
  ['arn:aws:sts::123456789012:assumed-role/RoleName/session', 'arn:aws:iam::123456789012:role/RoleName'],
  [
    'arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_AdministratorAccess_0123456789abcdef/alice@example.com',
    'arn:aws:iam::111122223333:role/AWSReservedSSO_AdministratorAccess_0123456789abcdef',
  ],
  ['arn:aws-cn:sts::123456789012:assumed-role/r/s', 'arn:aws-cn:iam::123456789012:role/r'],
  ['arn:aws-us-gov:sts::123456789012:assumed-role/r/s', 'arn:aws-us-gov:iam::123456789012:role/r'],
  ['arn:aws:iam::123456789012:user/alice', 'arn:aws:iam::123456789012:user/alice'],
  ['arn:aws:iam::123456789012:role/teams/platform/R', 'arn:aws:iam::123456789012:role/teams/platform/R'],
])('canonicalArn(%s)', (arn, want) => {
  expect(canonicalArn(arn)).toBe(want);
});

test('stripRolePath drops paths for aws-auth, leaves other ARNs alone', () => {
  expect(
    stripRolePath('arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/us-east-1/AWSReservedSSO_X_1'),
  ).toBe('arn:aws:iam::111122223333:role/AWSReservedSSO_X_1');
  expect(stripRolePath('arn:aws:iam::111122223333:role/R')).toBe('arn:aws:iam::111122223333:role/R');
  expect(stripRolePath('arn:aws:iam::111122223333:user/u')).toBe('arn:aws:iam::111122223333:user/u');
});

test('parseArn reads types, paths and redacted accounts', () => {
  expect(parseArn('arn:aws:iam::XXXXXXXXXXXX:role/gitlab-ci/gitlab-runner')).toMatchObject({
    type: 'role',
    path: '/gitlab-ci/',
    name: 'gitlab-runner',
    account: 'XXXXXXXXXXXX',
  });
  expect(parseArn('arn:aws:iam::123456789012:instance-profile/x')?.type).toBe('instance-profile');
  expect(parseArn('not an arn')).toBeNull();
});
