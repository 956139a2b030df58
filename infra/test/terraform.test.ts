// Static checks of the Terraform code (no providers, no cloud account here): every .tf parses,
// module calls match the modules' variables, references resolve to declared variables, locals,
// module outputs, resources and data sources, and the environments pin their providers and keep
// remote state.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@cdktf/hcl2json';
import { beforeAll, describe, expect, it } from 'vitest';
import { helmVersion, isDict as isValuesDict, renderChart } from '../../helm/test/helm-cli.js';

type Json = Record<string, unknown>;

const infraDir = fileURLToPath(new URL('..', import.meta.url));
const modulesDir = join(infraDir, 'modules');
const environmentsDir = join(infraDir, 'environments');

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function tfFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry === '.terraform' || entry === 'node_modules') continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...tfFiles(path));
    else if (entry.endsWith('.tf')) out.push(path);
  }
  return out.sort();
}

/** One Terraform directory (module or environment): its files merged block type by block type. */
interface TfDir {
  dir: string;
  files: Map<string, Json>;
  variables: Map<string, Json>;
  outputs: Map<string, Json>;
  locals: Set<string>;
  modules: Map<string, Json>;
  resources: Set<string>; // "type.name" and "data.type.name"
  terraform: Json[];
  providers: Set<string>; // resource/data type prefixes used (aws, random, tls)
}

/** Block map `{ name: [body] }` -> entries of name and first body. */
function blocks(value: unknown): [string, Json][] {
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([name, bodies]) => {
    const body = Array.isArray(bodies) ? bodies[0] : bodies;
    return isObject(body) ? [[name, body] as [string, Json]] : [];
  });
}

async function loadDir(dir: string): Promise<TfDir> {
  const d: TfDir = {
    dir,
    files: new Map(),
    variables: new Map(),
    outputs: new Map(),
    locals: new Set(),
    modules: new Map(),
    resources: new Set(),
    terraform: [],
    providers: new Set(),
  };
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.tf'))
    .sort()) {
    const json = (await parse(name, readFileSync(join(dir, name), 'utf8'))) as Json;
    d.files.set(name, json);
    for (const [k, v] of blocks(json.variable)) d.variables.set(k, v);
    for (const [k, v] of blocks(json.output)) d.outputs.set(k, v);
    for (const [k, v] of blocks(json.module)) d.modules.set(k, v);
    for (const l of Array.isArray(json.locals) ? json.locals : []) {
      if (isObject(l)) for (const k of Object.keys(l)) d.locals.add(k);
    }
    for (const t of Array.isArray(json.terraform) ? json.terraform : []) if (isObject(t)) d.terraform.push(t);
    for (const [kind, prefix] of [
      ['resource', ''],
      ['data', 'data.'],
    ] as const) {
      const byType = json[kind];
      if (!isObject(byType)) continue;
      for (const [type, named] of Object.entries(byType)) {
        d.providers.add(type.split('_')[0]!);
        if (isObject(named)) for (const n of Object.keys(named)) d.resources.add(`${prefix}${type}.${n}`);
      }
    }
  }
  return d;
}

/** Every string inside a parsed file (expressions come back as "${...}" strings). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (isObject(value)) return Object.values(value).flatMap(strings);
  return [];
}

/** References of one kind (`var`, `local`, `module`) inside interpolations. */
function refs(d: TfDir, kind: 'var' | 'local' | 'module'): { file: string; name: string; attr?: string }[] {
  const re = new RegExp(`(?<![\\w.])${kind}\\.([A-Za-z_][A-Za-z0-9_-]*)(?:\\.([A-Za-z_][A-Za-z0-9_-]*))?`, 'g');
  const out: { file: string; name: string; attr?: string }[] = [];
  for (const [file, json] of d.files) {
    for (const s of strings(json)) {
      if (!s.includes('${')) continue;
      for (const m of s.matchAll(re)) out.push({ file, name: m[1]!, ...(m[2] ? { attr: m[2] } : {}) });
    }
  }
  return out;
}

/** References to resources and data sources (aws_x.name, data.aws_x.name). */
function resourceRefs(d: TfDir): { file: string; ref: string }[] {
  const re = /(?<![\w.])((?:data\.)?(?:aws|random|tls)_[a-z0-9_]+)\.([A-Za-z_][A-Za-z0-9_-]*)/g;
  const out: { file: string; ref: string }[] = [];
  for (const [file, json] of d.files) {
    for (const s of strings(json)) {
      if (!s.includes('${')) continue;
      for (const m of s.matchAll(re)) out.push({ file, ref: `${m[1]}.${m[2]}` });
    }
  }
  return out;
}

const moduleNames = readdirSync(modulesDir)
  .filter((n) => statSync(join(modulesDir, n)).isDirectory())
  .sort();
const environmentNames = readdirSync(environmentsDir)
  .filter((n) => statSync(join(environmentsDir, n)).isDirectory())
  .sort();
const modules = new Map<string, TfDir>();
const environments = new Map<string, TfDir>();
const metaArguments = new Set(['source', 'version', 'providers', 'depends_on', 'count', 'for_each']);

beforeAll(async () => {
  for (const m of moduleNames) modules.set(m, await loadDir(join(modulesDir, m)));
  for (const e of environmentNames) environments.set(e, await loadDir(join(environmentsDir, e)));
});

describe('terraform: parsing', () => {
  it('every .tf file under infra/ parses', async () => {
    const files = tfFiles(infraDir);
    expect(files.length).toBeGreaterThan(40);
    const failures: string[] = [];
    for (const file of files) {
      try {
        await parse(relative(infraDir, file), readFileSync(file, 'utf8'));
      } catch (err) {
        failures.push(`${relative(infraDir, file)}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('a syntax error is reported (the check can fail)', async () => {
    await expect(parse('broken.tf', 'resource "aws_s3_bucket" "x" {\n  bucket = \n')).rejects.toBeDefined();
  });

  it('has the expected modules and environments', () => {
    expect(moduleNames).toEqual(
      expect.arrayContaining(['vpc', 'eks', 'rds', 'elasticache', 's3', 'lambda', 'irsa', 'secrets']),
    );
    expect(environmentNames).toEqual(['dev', 'prod']);
  });
});

describe('terraform: module calls in the environments', () => {
  it.each(environmentNames)('%s: every module source exists, arguments match its variables', (env) => {
    const e = environments.get(env)!;
    expect(e.modules.size).toBeGreaterThanOrEqual(8);
    const problems: string[] = [];
    for (const [name, call] of e.modules) {
      const source = call.source;
      if (typeof source !== 'string' || !source.startsWith('../../modules/')) {
        problems.push(`module.${name}: source ${String(source)} is not a local module`);
        continue;
      }
      const moduleDir = resolve(e.dir, source);
      const m = modules.get(dirname(moduleDir) === modulesDir ? moduleDir.slice(modulesDir.length + 1) : '');
      if (!existsSync(moduleDir) || !m) {
        problems.push(`module.${name}: ${source} does not exist`);
        continue;
      }
      for (const arg of Object.keys(call)) {
        if (metaArguments.has(arg)) continue;
        if (!m.variables.has(arg)) problems.push(`module.${name}: argument ${arg} is not a variable of ${source}`);
      }
      for (const [v, decl] of m.variables) {
        if (!('default' in decl) && !(v in call)) problems.push(`module.${name}: required variable ${v} not passed`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(environmentNames)('%s: every module.X.Y reference is an output of module X', (env) => {
    const e = environments.get(env)!;
    const problems: string[] = [];
    const found = refs(e, 'module');
    expect(found.length).toBeGreaterThan(10);
    for (const r of found) {
      const call = e.modules.get(r.name);
      if (!call) {
        problems.push(`${r.file}: module.${r.name} is not called`);
        continue;
      }
      const m = modules.get(String(call.source).replace('../../modules/', ''));
      if (!r.attr || !m?.outputs.has(r.attr))
        problems.push(`${r.file}: module.${r.name}.${r.attr ?? '?'} is not an output`);
    }
    expect(problems).toEqual([]);
  });

  it.each(environmentNames)('%s: var.X and local.X references are declared; variables are typed', (env) => {
    const e = environments.get(env)!;
    const problems: string[] = [];
    for (const r of refs(e, 'var')) if (!e.variables.has(r.name)) problems.push(`${r.file}: var.${r.name} undeclared`);
    for (const r of refs(e, 'local')) if (!e.locals.has(r.name)) problems.push(`${r.file}: local.${r.name} undeclared`);
    for (const [name, decl] of e.variables) {
      if (typeof decl.type !== 'string') problems.push(`variable ${name} has no type`);
      if (typeof decl.description !== 'string') problems.push(`variable ${name} has no description`);
    }
    expect(problems).toEqual([]);
    const validated = [...e.variables.values()].filter((v) => Array.isArray(v.validation));
    expect(validated.length).toBeGreaterThanOrEqual(5);
  });
});

describe('terraform: modules', () => {
  it.each(moduleNames)('%s: every var.X is declared (typed, described); outputs described', (name) => {
    const m = modules.get(name)!;
    const problems: string[] = [];
    for (const r of refs(m, 'var')) if (!m.variables.has(r.name)) problems.push(`${r.file}: var.${r.name} undeclared`);
    for (const r of refs(m, 'local')) if (!m.locals.has(r.name)) problems.push(`${r.file}: local.${r.name} undeclared`);
    expect(refs(m, 'module'), 'modules do not call other modules').toEqual([]);
    for (const [v, decl] of m.variables) {
      if (typeof decl.type !== 'string') problems.push(`variable ${v} has no type`);
      if (typeof decl.description !== 'string') problems.push(`variable ${v} has no description`);
    }
    for (const [o, decl] of m.outputs) {
      if (typeof decl.description !== 'string') problems.push(`output ${o} has no description`);
    }
    expect(m.outputs.size).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it.each(moduleNames)('%s: every resource / data source reference is declared in the module', (name) => {
    const m = modules.get(name)!;
    const missing = resourceRefs(m).filter((r) => !m.resources.has(r.ref));
    expect(missing).toEqual([]);
  });

  it.each(moduleNames)('%s: declares every provider it uses in required_providers', (name) => {
    const m = modules.get(name)!;
    const required = new Set<string>();
    for (const t of m.terraform) {
      for (const rp of Array.isArray(t.required_providers) ? t.required_providers : []) {
        if (isObject(rp)) for (const k of Object.keys(rp)) required.add(k);
      }
    }
    expect([...m.providers].filter((p) => !required.has(p))).toEqual([]);
  });
});

describe('terraform: environments', () => {
  it.each(environmentNames)('%s: pins aws ~> 5.x and keeps state in S3 with locking', (env) => {
    const e = environments.get(env)!;
    const terraformBlocks = e.terraform;
    const providers = terraformBlocks.flatMap((t) =>
      (Array.isArray(t.required_providers) ? t.required_providers : []).filter(isObject),
    );
    const aws = providers.map((p) => p.aws).find(isObject);
    expect(aws?.source).toBe('hashicorp/aws');
    expect(String(aws?.version)).toMatch(/^~> 5\.\d+$/);
    for (const p of providers)
      for (const [k, v] of Object.entries(p)) expect(isObject(v) && typeof v.version === 'string', k).toBe(true);

    const backend = terraformBlocks.map((t) => t.backend).find(isObject);
    const s3 = blocks(backend).find(([type]) => type === 's3')?.[1];
    expect(s3, 'backend "s3"').toBeDefined();
    expect(s3?.key).toBe(`${env}/terraform.tfstate`);
    expect(s3?.encrypt).toBe(true);
    expect(s3?.use_lockfile === true || typeof s3?.dynamodb_table === 'string').toBe(true);
  });

  it.each(environmentNames)('%s: exposes what the Helm chart and CI need', (env) => {
    const outputs = environments.get(env)!.outputs;
    for (const o of [
      'cluster_name',
      'irsa_role_arn',
      'images_bucket_name',
      'app_secret_name',
      'app_secret_arn',
      'groq_secret_name',
      'ecr_server_repository_url',
      'ecr_thumbnail_repository_url',
      'ci_role_arn',
      'region',
    ]) {
      expect(outputs.has(o), o).toBe(true);
    }
  });

  it('prod protects its data; dev may be torn down', () => {
    const call = (env: string, mod: string) => environments.get(env)!.modules.get(mod)!;
    expect(call('prod', 'rds').deletion_protection).toBe(true);
    expect(call('prod', 'rds').multi_az).toBe('${var.db_multi_az}');
    expect(call('prod', 'vpc').single_nat_gateway).toBe(false);
    expect(call('prod', 's3').force_destroy).toBe(false);
    expect(call('dev', 'rds').deletion_protection).toBe(false);
  });
});

describe('terraform: security-relevant resources', () => {
  const resource = (mod: string, type: string, name: string): Json => {
    for (const json of modules.get(mod)!.files.values()) {
      const byType = json.resource;
      if (!isObject(byType) || !isObject(byType[type])) continue;
      const found = blocks(byType[type]).find(([n]) => n === name);
      if (found) return found[1];
    }
    throw new Error(`${mod}: no resource ${type}.${name}`);
  };

  it('images bucket: public access blocked, versioned, encrypted, CORS for presigned PUT', () => {
    expect(resource('s3', 'aws_s3_bucket_public_access_block', 'this')).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(JSON.stringify(resource('s3', 'aws_s3_bucket_versioning', 'this'))).toContain('Enabled');
    expect(JSON.stringify(resource('s3', 'aws_s3_bucket_cors_configuration', 'this'))).toContain('PUT');
    expect(JSON.stringify(resource('s3', 'aws_s3_bucket_lifecycle_configuration', 'this'))).toContain(
      'noncurrent_version_expiration',
    );
  });

  it('thumbnail Lambda: trigger on original/ only; role reads original/*, writes thumbnails/*', () => {
    const notification = JSON.stringify(resource('lambda', 'aws_s3_bucket_notification', 'this'));
    expect(notification).toContain('"filter_prefix":"original/"');
    const policy = readFileSync(join(modulesDir, 'lambda', 'main.tf'), 'utf8');
    expect(policy).toMatch(
      /actions\s*=\s*\["s3:GetObject"\]\s*\n\s*resources\s*=\s*\["\$\{var\.bucket_arn\}\/original\/\*"\]/,
    );
    expect(policy).toMatch(
      /actions\s*=\s*\["s3:PutObject"\]\s*\n\s*resources\s*=\s*\["\$\{var\.bucket_arn\}\/thumbnails\/\*"\]/,
    );
    expect(resource('lambda', 'aws_lambda_permission', 's3').principal).toBe('s3.amazonaws.com');
  });

  it('RDS and ElastiCache are encrypted; Redis uses TLS and an auth token', () => {
    const db = resource('rds', 'aws_db_instance', 'this');
    expect(db.storage_encrypted).toBe(true);
    expect(db.publicly_accessible).toBe(false);
    expect(db.engine).toBe('postgres');
    const redis = resource('elasticache', 'aws_elasticache_replication_group', 'this');
    expect(redis.transit_encryption_enabled).toBe(true);
    expect(redis.at_rest_encryption_enabled).toBe(true);
    expect(String(redis.auth_token)).toContain('random_password.auth');
  });

  it('IRSA trusts only the server service account', () => {
    const main = readFileSync(join(modulesDir, 'irsa', 'main.tf'), 'utf8');
    expect(main).toContain('system:serviceaccount:${var.namespace}:${var.service_account}');
    expect(main).toContain('sts.amazonaws.com');
    expect(main).toContain('secretsmanager:GetSecretValue');
    expect(main).toMatch(/resources\s*=\s*var\.secret_arns/);
  });
});

describe('terraform: Redis Cluster option', () => {
  const elasticache = () => modules.get('elasticache')!;
  const resourceBody = (type: string, name: string): Json => {
    for (const json of elasticache().files.values()) {
      const byType = json.resource;
      if (!isObject(byType) || !isObject(byType[type])) continue;
      const found = blocks(byType[type]).find(([n]) => n === name);
      if (found) return found[1];
    }
    throw new Error(`elasticache: no resource ${type}.${name}`);
  };

  it('the module switches between a replication group and cluster mode with its own parameter group', () => {
    const m = elasticache();
    for (const v of ['cluster_mode_enabled', 'num_node_groups', 'replicas_per_node_group']) {
      expect(m.variables.has(v), v).toBe(true);
    }
    expect(m.variables.get('cluster_mode_enabled')!.default).toBe(false);
    const group = resourceBody('aws_elasticache_replication_group', 'this');
    expect(group.cluster_mode).toBe('${local.cluster ? "enabled" : "disabled"}');
    expect(group.num_node_groups).toBe('${local.cluster ? var.num_node_groups : null}');
    expect(group.num_cache_clusters).toBe('${local.cluster ? null : var.num_cache_clusters}');
    // A cluster fails over per shard; encryption and AUTH stay on in both shapes.
    expect(String(group.automatic_failover_enabled)).toContain('local.cluster ||');
    expect(group.transit_encryption_enabled).toBe(true);
    // cluster-enabled=yes only in cluster mode, on a parameter group named for the shape.
    const params = resourceBody('aws_elasticache_parameter_group', 'this');
    expect(JSON.stringify(params.dynamic)).toContain('"name":"cluster-enabled"');
    expect(String(params.name)).toContain('local.parameter_family_suffix');
    for (const o of ['mode', 'configuration_endpoint', 'cluster_nodes', 'redis_url'])
      expect(m.outputs.has(o), o).toBe(true);
    expect(String(m.outputs.get('cluster_nodes')!.value)).toMatch(/configuration_endpoint_address\}:\$\{/);
  });

  it.each(environmentNames)('%s: passes the cluster variables and outputs redis_cluster_nodes', (env) => {
    const e = environments.get(env)!;
    const call = e.modules.get('elasticache')!;
    expect(call.cluster_mode_enabled).toBe('${var.redis_cluster_mode}');
    expect(call.num_node_groups).toBe('${var.redis_shards}');
    expect(call.replicas_per_node_group).toBe('${var.redis_replicas_per_shard}');
    expect(e.variables.get('redis_cluster_mode')!.default).toBe(false);
    expect(e.outputs.get('redis_cluster_nodes')!.value).toBe('${module.elasticache.cluster_nodes}');
  });

  // The environments' helm_values output, with stand-ins of the right shape for the values
  // Terraform computes, must be values the chart accepts (values.schema.json, real Helm).
  const requireServices = process.env.REQUIRE_SERVICES === '1';
  it.runIf(helmVersion() !== null || requireServices).each(environmentNames)(
    '%s: the helm_values output is accepted by the chart and reaches the ConfigMap',
    (env) => {
      const value = environments.get(env)!.outputs.get('helm_values')!.value;
      const standIns: Record<string, unknown> = {
        REDIS_CLUSTER_NODES: 'clustercfg.gpu-assistant.abc123.use1.cache.amazonaws.com:6379',
        irsaRoleArn: `arn:aws:iam::123456789012:role/gpu-assistant-${env}-server`,
        databaseCidrs: ['10.20.0.0/16'],
      };
      const fill = (v: unknown, key: string): unknown => {
        if (key in standIns) return standIns[key];
        if (typeof v === 'string') return v.includes('${') ? `stand-in-${key.toLowerCase()}` : v;
        if (Array.isArray(v)) return v.map((x) => fill(x, key));
        if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x, k)]));
        return v;
      };
      const overrides = fill(value, '') as Record<string, unknown>;
      const manifests = renderChart({
        chartDir: join(infraDir, '..', 'helm', 'gpu-assistant'),
        valuesFiles: [`values-${env}.yaml`],
        overrides,
      });
      const configMap = manifests.flatMap((m) => m.docs).find((d) => d.kind === 'ConfigMap');
      const data = isValuesDict(configMap?.data) ? configMap.data : {};
      expect(data.REDIS_CLUSTER_NODES).toBe(standIns.REDIS_CLUSTER_NODES);
      expect(data.S3_BUCKET).toBe('stand-in-s3_bucket');
    },
  );
});
