import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REMINDERS_SCOPE, TIMERS_SCOPE } from '../../lambda/src/services/alexaApi';
import { KEY_ATTRIBUTE, TTL_ATTRIBUTE } from '../../lambda/src/services/persistence';
import { ROOT } from '../support/paths';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const TEMPLATE_PATH = join(ROOT, 'infrastructure', 'cfn-deployer', 'skill-stack.yaml');
const templateText = readFileSync(TEMPLATE_PATH, 'utf8');
const template: Json = JSON.parse(templateText);
const resources: Record<string, Json> = template.Resources;
const askResources: Json = JSON.parse(readFileSync(join(ROOT, 'ask-resources.json'), 'utf8'));
const infra = askResources.profiles.default.skillInfrastructure;

const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
const only = (type: string): [string, Json] => {
  const found = ofType(type);
  expect(found).toHaveLength(1);
  return found[0];
};

// ask-cli's own cfn-deployer, the code `ask deploy` runs.
const cfnDeployerDir = join(dirname(require.resolve('ask-cli/package.json')), 'dist', 'lib', 'builtins', 'deploy-delegates', 'cfn-deployer');

describe('the CloudFormation stack ask-cli deploys', () => {
  it('is where cfn-deployer looks, and parses as YAML (ask-cli’s js-yaml) to the same template', () => {
    expect(infra.type).toBe('@ask-cli/cfn-deployer');
    expect(join(ROOT, infra.userConfig.templatePath)).toBe(TEMPLATE_PATH);
    const jsYaml = require(require.resolve('js-yaml', { paths: [cfnDeployerDir] }));
    expect(jsYaml.load(templateText)).toEqual(template);
  });

  it('declares the parameters cfn-deployer always passes, gives every other one a default, and asks no skill-messaging credentials', () => {
    // CloudFormation rejects a stack given parameters its template does not declare, or missing one without a default.
    const deployer = readFileSync(join(cfnDeployerDir, 'index.js'), 'utf8');
    const mapped = deployer.slice(deployer.indexOf('function _mapStackParameters'));
    const always = mapped.slice(0, mapped.indexOf('if (skillCredentials'));
    const passed = [...always.matchAll(/ParameterKey: "(\w+)"/g)].map((m) => m[1]);
    expect(passed).toEqual(['SkillId', 'LambdaRuntime', 'LambdaHandler', 'CodeBucket', 'CodeKey', 'CodeVersion']);
    const optional = Object.keys(template.Parameters).filter((k) => !passed.includes(k));
    expect(optional).toEqual(['ReservedConcurrency']);
    for (const k of optional) expect(template.Parameters[k].Default).toBeDefined();
    for (const k of passed) expect(template.Parameters[k]).toBeDefined();
    // What a deployer sets in ask-resources.json (userConfig.cfn.parameters) must be declared.
    for (const k of Object.keys(infra.userConfig.cfn?.parameters ?? {})) expect(optional).toContain(k);
    // cfn-deployer fetches and passes SkillClientId/Secret only when the template mentions both.
    expect(templateText).not.toMatch(/SkillClientId|SkillClientSecret/);
  });

  it('outputs SkillEndpoint, the Lambda ARN cfn-deployer writes into skill.json', () => {
    const helper = readFileSync(join(cfnDeployerDir, 'helper.js'), 'utf8');
    expect(helper).toContain('o.OutputKey === "SkillEndpoint"');
    const [fnName] = only('AWS::Lambda::Function');
    expect(template.Outputs.SkillEndpoint.Value).toEqual({ 'Fn::GetAtt': [fnName, 'Arn'] });
  });

  it('runs the bundle on nodejs22.x with 128 MB, 8 s and the table, skill id and source maps in its environment', () => {
    const [, fn] = only('AWS::Lambda::Function');
    const [tableName] = only('AWS::DynamoDB::Table');
    const p = fn.Properties;
    expect(p.Runtime).toEqual({ Ref: 'LambdaRuntime' });
    expect(template.Parameters.LambdaRuntime.AllowedValues).toEqual(['nodejs22.x']);
    expect(infra.userConfig.runtime).toBe('nodejs22.x');
    expect(p.Handler).toEqual({ Ref: 'LambdaHandler' });
    expect(infra.userConfig.handler).toBe('index.handler');
    expect(p.Code).toEqual({ S3Bucket: { Ref: 'CodeBucket' }, S3Key: { Ref: 'CodeKey' }, S3ObjectVersion: { Ref: 'CodeVersion' } });
    expect(p.MemorySize).toBe(128);
    expect(p.Timeout).toBe(8);
    expect(p.Environment.Variables).toEqual({
      BACK_HELPER_TABLE: { Ref: tableName },
      SKILL_ID: { Ref: 'SkillId' },
      NODE_OPTIONS: '--enable-source-maps --max-old-space-size=96 --max-semi-space-size=4',
    });
  });

  it('lets only this skill invoke the function', () => {
    const permissions = ofType('AWS::Lambda::Permission');
    expect(permissions).toHaveLength(1);
    const [fnName] = only('AWS::Lambda::Function');
    expect(permissions[0][1].Properties).toEqual({
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [fnName, 'Arn'] },
      Principal: 'alexa-appkit.amazon.com',
      EventSourceToken: { Ref: 'SkillId' },
    });
  });

  it('keeps sessions in an on-demand table keyed and expired the way the adapter writes them', () => {
    const [, table] = only('AWS::DynamoDB::Table');
    const p = table.Properties;
    expect(p.BillingMode).toBe('PAY_PER_REQUEST');
    expect(p.KeySchema).toEqual([{ AttributeName: KEY_ATTRIBUTE, KeyType: 'HASH' }]);
    expect(p.AttributeDefinitions).toEqual([{ AttributeName: KEY_ATTRIBUTE, AttributeType: 'S' }]);
    expect(p.TimeToLiveSpecification).toEqual({ AttributeName: TTL_ATTRIBUTE, Enabled: true });
  });

  it('encrypts the table with a KMS key it names, and keeps no point-in-time backups of deleted people', () => {
    const [, table] = only('AWS::DynamoDB::Table');
    expect(table.Properties.SSESpecification).toEqual({ SSEEnabled: true, SSEType: 'KMS' });
    // "Forget me" must mean gone: continuous backups would keep a deleted item restorable for 35 days (README).
    expect(table.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: false });
  });

  it('keeps the table and the log group when the stack is deleted or a resource replaced', () => {
    for (const type of ['AWS::DynamoDB::Table', 'AWS::Logs::LogGroup']) {
      const [, r] = only(type);
      expect([type, r.DeletionPolicy, r.UpdateReplacePolicy]).toEqual([type, 'Retain', 'Retain']);
    }
    const [, logs] = only('AWS::Logs::LogGroup');
    expect(logs.Properties.RetentionInDays).toBe(14);
  });

  it('creates the log group and the right to write it before the function, and logs into that group', () => {
    const [logGroupName, logGroup] = only('AWS::Logs::LogGroup');
    const [, fn] = only('AWS::Lambda::Function');
    const [loggingPolicy] = ofType('AWS::IAM::Policy').find(([, p]) => JSON.stringify(p).includes(logGroupName))!;
    // The log group must not wait for the function (the old name was built from the function's name).
    expect(JSON.stringify(logGroup)).not.toContain('SkillFunction"');
    expect(fn.Properties.LoggingConfig.LogGroup).toEqual({ Ref: logGroupName });
    expect(fn.DependsOn).toEqual([loggingPolicy]);
  });

  it('reserves concurrency from a parameter, 20 by default, and none when it is 0', () => {
    const [, fn] = only('AWS::Lambda::Function');
    expect(template.Parameters.ReservedConcurrency).toMatchObject({ Type: 'Number', Default: 20, MinValue: 0 });
    expect(template.Conditions.ReserveConcurrency).toEqual({ 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'ReservedConcurrency' }, 0] }] });
    expect(fn.Properties.ReservedConcurrentExecutions).toEqual({
      'Fn::If': ['ReserveConcurrency', { Ref: 'ReservedConcurrency' }, { Ref: 'AWS::NoValue' }],
    });
  });

  // cfn-lint is a Python tool; .ci/run installs it when missing, and under CI a missing tool fails instead of skipping.
  const cfnLint = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' });
  const haveCfnLint = cfnLint.status === 0;
  if (!haveCfnLint) {
    const message = 'cfn-lint is not installed: the CloudFormation lint did NOT run (pip install cfn-lint)';
    if (process.env.CI) throw new Error(`${message}, and CI must run it`);
    console.warn(`\n\n*** SKIPPED: ${message} ***\n`);
  }
  (haveCfnLint ? it : it.skip)('passes cfn-lint with no error, warning or informational finding', () => {
    const run = spawnSync('cfn-lint', ['--format', 'json', '--include-checks', 'I', '--', TEMPLATE_PATH], { encoding: 'utf8' });
    expect(JSON.parse(run.stdout)).toEqual([]);
    expect(run.status).toBe(0);
  });

  describe('the function’s role', () => {
    const [roleName, role] = only('AWS::IAM::Role');
    const [tableName] = only('AWS::DynamoDB::Table');
    // Inline policies plus every AWS::IAM::Policy attached to the role.
    const statements: Json[] = [
      ...(role.Properties.Policies ?? []).flatMap((p: Json) => p.PolicyDocument.Statement),
      ...ofType('AWS::IAM::Policy')
        .filter(([, p]) => p.Properties.Roles.some((r: Json) => r.Ref === roleName))
        .flatMap(([, p]) => p.Properties.PolicyDocument.Statement),
    ];
    const actionsOf = (s: Json): string[] => [s.Action].flat();

    it('is assumed by Lambda only and carries no managed policies', () => {
      expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
        { Effect: 'Allow', Principal: { Service: ['lambda.amazonaws.com'] }, Action: ['sts:AssumeRole'] },
      ]);
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    });

    it('may GetItem, PutItem and DeleteItem on the table’s ARN, and nothing else in DynamoDB', () => {
      const dynamo = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')));
      expect(dynamo.flatMap(actionsOf).sort()).toEqual(['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem']);
      for (const s of dynamo) {
        expect(s.Effect).toBe('Allow');
        expect(s.Resource).toEqual({ 'Fn::GetAtt': [tableName, 'Arn'] });
      }
    });

    it('may otherwise only write its own logs', () => {
      const [logGroupName] = only('AWS::Logs::LogGroup');
      const rest = statements.filter((s) => !actionsOf(s).some((a) => a.startsWith('dynamodb:')));
      expect(rest.flatMap(actionsOf).sort()).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
      for (const s of rest) expect(s.Resource).toEqual({ 'Fn::GetAtt': [logGroupName, 'Arn'] });
      expect(statements.flatMap(actionsOf).filter((a) => a.includes('*'))).toEqual([]);
    });
  });
});

describe('ask-resources.json', () => {
  it('still builds the code with hooks/build.sh from ./lambda', () => {
    expect(askResources.profiles.default.code.default.src).toBe('./lambda');
    expect(existsSync(join(ROOT, 'hooks', 'build.sh'))).toBe(true);
  });
});

describe('skill.json', () => {
  it('declares the timers and reminders permissions, both known to the skill package schema', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'skill-package', 'skill.json'), 'utf8')).manifest;
    const names = manifest.permissions.map((p: { name: string }) => p.name);
    expect(names).toEqual([TIMERS_SCOPE, REMINDERS_SCOPE]);
    const spec = require('ask-smapi-model/spec.json');
    const known: string[] = spec.definitions['v1.skill.Manifest.PermissionName'].enum;
    for (const name of names) expect(known).toContain(name);
  });
});
