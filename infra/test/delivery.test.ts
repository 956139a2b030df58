// Static checks of the delivery files no engine can run here: the Dockerfile (stages, user,
// healthcheck, signals, read-only-friendly layout), .dockerignore, and the GitHub workflow
// (OIDC without static keys, atomic Helm deploy, smoke test with rollback).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { configKeys } from '../../server/src/config.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(join(root, path), 'utf8');

interface Instruction {
  op: string;
  args: string;
  line: number;
}

interface Stage {
  name: string;
  from: string;
  instructions: Instruction[];
}

/** Dockerfile -> stages of instructions (line continuations joined, comments dropped). */
export function parseDockerfile(text: string): { args: Instruction[]; stages: Stage[] } {
  const logical: Instruction[] = [];
  let buffer = '';
  let startLine = 0;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!buffer && (line === '' || line.startsWith('#'))) return;
    if (buffer && line.startsWith('#')) return;
    if (!buffer) startLine = i + 1;
    if (line.endsWith('\\')) {
      buffer += `${line.slice(0, -1)} `;
      return;
    }
    buffer += line;
    const m = /^(\S+)\s*(.*)$/s.exec(buffer);
    if (m) logical.push({ op: m[1]!.toUpperCase(), args: m[2]!.trim(), line: startLine });
    buffer = '';
  });
  const args: Instruction[] = [];
  const stages: Stage[] = [];
  for (const ins of logical) {
    if (ins.op === 'FROM') {
      const m = /^(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?$/i.exec(ins.args);
      if (!m) throw new Error(`line ${ins.line}: bad FROM ${ins.args}`);
      stages.push({ name: m[2] ?? String(stages.length), from: m[1]!, instructions: [] });
    } else if (stages.length === 0) {
      args.push(ins);
    } else {
      stages[stages.length - 1]!.instructions.push(ins);
    }
  }
  return { args, stages };
}

/** ENV instruction(s) -> key/value pairs (`ENV A=1 B=2` form). */
function envOf(stage: Stage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const ins of stage.instructions.filter((i) => i.op === 'ENV')) {
    for (const m of ins.args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S+)/g))
      env[m[1]!] = m[2]!.replace(/^"|"$/g, '');
  }
  return env;
}

describe('Dockerfile', () => {
  const { args, stages } = parseDockerfile(read('Dockerfile'));
  const stage = (name: string) => {
    const s = stages.find((x) => x.name === name);
    if (!s) throw new Error(`no stage ${name}`);
    return s;
  };
  const argDefault = (name: string): string | undefined => {
    const raw = args.find((a) => a.op === 'ARG' && a.args.startsWith(`${name}=`))?.args.slice(name.length + 1);
    return raw?.replace(/\$\{([A-Z_]+)\}/g, (_m, n: string) => argDefault(n) ?? '');
  };
  const resolveFrom = (from: string) => from.replace(/^\$\{?([A-Z_]+)\}?$/, (_m, n: string) => argDefault(n) ?? from);
  const runs = (s: Stage) =>
    s.instructions
      .filter((i) => i.op === 'RUN')
      .map((i) => i.args)
      .join('\n');

  it('is multi-stage: builder, model, prune, runtime (the default, last) and lambda-thumbnail', () => {
    expect(stages.map((s) => s.name)).toEqual(
      expect.arrayContaining(['builder', 'model', 'prune', 'runtime', 'lambda-thumbnail']),
    );
    expect(stages[stages.length - 1]!.name).toBe('runtime');
  });

  it("pins a Node 22 LTS inside every locked dependency's engine range, on Debian bookworm", () => {
    const version = argDefault('NODE_VERSION') ?? '';
    expect(version).toMatch(/^22\.\d+\.\d+$/);
    expect(argDefault('NODE_IMAGE')).toBe(`node:${version}-bookworm-slim`);
    expect(resolveFrom(stage('toolchain').from)).toBe(`node:${version}-bookworm-slim`);
    // The runtime is the same Debian release with only the node binary copied in.
    expect(resolveFrom(stage('runtime').from)).toBe('debian:bookworm-slim');
    expect(resolveFrom(stage('lambda-thumbnail').from)).toBe('public.ecr.aws/lambda/nodejs:22');
    // semver is in the tree through several tools; its range logic is npm's own.
    const semver = createRequire(import.meta.url)('semver') as { satisfies: (v: string, r: string) => boolean };
    const lock = JSON.parse(read('package-lock.json')) as {
      packages: Record<string, { engines?: { node?: string } | string[] }>;
    };
    const outside = Object.entries(lock.packages)
      .map(([path, p]) => [path, Array.isArray(p.engines) ? undefined : p.engines?.node] as const)
      .filter(([, range]) => range && !semver.satisfies(version, range))
      .map(([path, range]) => `${path} wants node ${range}`);
    expect(outside).toEqual([]);
    // ...and the check can fail: 22.12.0 is below eslint-visitor-keys' range.
    expect(semver.satisfies('22.12.0', '^20.19.0 || ^22.13.0 || >=24')).toBe(false);
  });

  it('needs no frontend image: no # syntax= line (air-gapped builds)', () => {
    expect(read('Dockerfile')).not.toMatch(/^#\s*syntax\s*=/im);
  });

  it('builder runs npm ci (CUDA download skipped) and npm run build; model bakes EMBEDDINGS_MODEL', () => {
    const builderChain = stages.slice(0, stages.findIndex((s) => s.name === 'builder') + 1);
    const env = Object.assign({}, ...builderChain.map(envOf)) as Record<string, string>;
    expect(env.ONNXRUNTIME_NODE_INSTALL_CUDA).toBe('skip');
    expect(runs(stage('builder'))).toMatch(/\bnpm ci\b/);
    expect(runs(stage('builder'))).toMatch(/\bnpm run build\b/);
    const model = stage('model');
    const arg = (s: Stage, name: string) =>
      s.instructions.find((i) => i.op === 'ARG' && i.args.startsWith(`${name}=`))?.args.split('=')[1];
    expect(arg(model, 'BAKE_MODEL')).toBe('false');
    expect(arg(model, 'EMBEDDINGS_MODEL')).toBe('paraphrase-multilingual-MiniLM-L12-v2');
    expect(runs(model)).toMatch(
      /BAKE_MODEL[\s\S]*EMBEDDINGS_MODEL="\$\{EMBEDDINGS_MODEL\}" node scripts\/fetch-model\.mjs \/app\/models/,
    );
    // The runtime says which model it carries (the server reads EMBEDDINGS_MODEL).
    expect(arg(stage('runtime'), 'EMBEDDINGS_MODEL')).toBe(arg(model, 'EMBEDDINGS_MODEL'));
    expect(envOf(stage('runtime')).EMBEDDINGS_MODEL).toBe('${EMBEDDINGS_MODEL}');
  });

  it('prune: production deps from the lockfile, cut to linux/TARGETARCH and load-checked, as image-size.sh does', () => {
    const prune = runs(stage('prune'));
    expect(prune).toMatch(/\bnpm ci --omit=dev\b/);
    expect(prune).toMatch(/node scripts\/prune-runtime\.mjs node_modules --arch="\$\{TARGETARCH\}"/);
    expect(prune).toMatch(/node scripts\/check-runtime-deps\.mjs \./);
    expect(prune).toMatch(/none\) npm uninstall --omit=dev -w server @huggingface\/transformers/);
    const script = read('scripts/image-size.sh');
    expect(script).toContain('npm ci --omit=dev');
    expect(script).toContain('npm uninstall --omit=dev --loglevel=error -w server @huggingface/transformers');
    expect(script).toMatch(/node scripts\/prune-runtime\.mjs node_modules --arch=/);
    expect(script).toMatch(/node scripts\/check-runtime-deps\.mjs \./);
  });

  it('runtime: non-root 10001, /app, env, volume, healthcheck via node, SIGTERM, exec-form node CMD', () => {
    const rt = stage('runtime');
    const op = (name: string) => rt.instructions.filter((i) => i.op === name);
    expect(op('USER').map((i) => i.args)).toEqual(['10001:10001']);
    expect(op('WORKDIR').map((i) => i.args)).toContain('/app');
    expect(envOf(rt)).toMatchObject({
      NODE_ENV: 'production',
      PGLITE_DIR: '/data/pglite',
      UPLOADS_DIR: '/data/uploads',
      MODEL_DIR: '/app/models',
    });
    for (const key of Object.keys(envOf(rt))) expect(configKeys as string[], `ENV ${key}`).toContain(key);
    expect(op('VOLUME').map((i) => i.args)).toEqual(['/data']);
    const health = op('HEALTHCHECK')[0]?.args ?? '';
    expect(health).toMatch(/CMD \["node",/);
    expect(health).toContain('127.0.0.1:');
    expect(health).toContain('/healthz');
    expect(health).not.toMatch(/curl|wget/);
    expect(op('STOPSIGNAL').map((i) => i.args)).toEqual(['SIGTERM']);
    expect(op('CMD').map((i) => JSON.parse(i.args) as unknown)).toEqual([['node', 'server/dist/main.js']]);
    // The user comes after every COPY/RUN, so code and dependencies stay root-owned (read-only).
    const userIndex = rt.instructions.findIndex((i) => i.op === 'USER');
    expect(rt.instructions.slice(userIndex).some((i) => i.op === 'RUN' || i.op === 'COPY')).toBe(false);
    // /data is created for uid 10001 before the switch.
    expect(
      op('RUN')
        .map((i) => i.args)
        .join('\n'),
    ).toMatch(/chown -R 10001:10001 \/data/);
  });

  it('runtime copies production node_modules and the built outputs, never the sources', () => {
    const copies = stage('runtime')
      .instructions.filter((i) => i.op === 'COPY')
      .map((i) => i.args);
    const from = (source: string) => copies.find((c) => c.split(/\s+/).includes(source));
    expect(from('/app/node_modules')).toMatch(/^--from=prune /);
    for (const built of ['/app/shared/dist', '/app/server/dist', '/app/client/build']) {
      expect(from(built), built).toMatch(/^--from=builder /);
    }
    expect(from('/app/models')).toMatch(/^--from=model /);
    // Only the node binary from the Node image: no npm, headers or compiler at run time.
    expect(from('/usr/local/bin/node.runtime')).toMatch(
      /^--from=prune \/usr\/local\/bin\/node\.runtime \/usr\/local\/bin\/node$/,
    );
    for (const pkg of [
      '/app/package.json',
      '/app/shared/package.json',
      '/app/server/package.json',
      '/app/client/package.json',
    ]) {
      expect(from(pkg), pkg).toBeDefined();
    }
    expect(copies.filter((c) => !c.startsWith('--from='))).toEqual([]);
    // Every --from names an earlier stage.
    const names = stages.map((s) => s.name);
    for (const s of stages) {
      for (const c of s.instructions.filter((i) => i.op === 'COPY' && i.args.startsWith('--from='))) {
        const src = /^--from=(\S+)/.exec(c.args)![1]!;
        expect(names.indexOf(src), `${s.name}: COPY --from=${src}`).toBeGreaterThanOrEqual(0);
        expect(names.indexOf(src)).toBeLessThan(names.indexOf(s.name));
      }
    }
  });

  it('lambda-thumbnail runs the bundled handler with sharp for linux-x64', () => {
    const build = stage('lambda-build');
    const runs = build.instructions
      .filter((i) => i.op === 'RUN')
      .map((i) => i.args)
      .join('\n');
    expect(runs).toMatch(/npm ci --os=linux --cpu=x64/);
    expect(existsSync(join(root, 'infra/lambda/thumbnail/package-lock.json'))).toBe(true);
    expect(runs).toMatch(/npm run build/);
    const lambda = stage('lambda-thumbnail');
    expect(lambda.instructions.find((i) => i.op === 'CMD')?.args).toBe('["index.handler"]');
    const pkg = JSON.parse(read('infra/lambda/thumbnail/package.json')) as {
      name: string;
      private: boolean;
      dependencies: Record<string, string>;
      scripts: Record<string, string>;
    };
    expect(pkg.name).toBe('thumbnail-lambda');
    expect(pkg.private).toBe(true);
    expect(pkg.dependencies.sharp).toMatch(/^\^?0\.34\./);
    expect(pkg.dependencies['@aws-sdk/client-s3']).toBeDefined();
    expect(pkg.scripts.build).toContain('--outfile=dist/index.mjs');
    const rootPkg = JSON.parse(read('package.json')) as { workspaces: string[] };
    expect(rootPkg.workspaces.some((w) => w.includes('infra'))).toBe(false);
  });

  it('.dockerignore keeps host builds, state and secrets out, and the Lambda sources in', () => {
    const ignore = read('.dockerignore')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    for (const pattern of ['**/node_modules', '.git', '**/dist', '**/.env', 'data', 'models']) {
      expect(ignore, pattern).toContain(pattern);
    }
    for (const kept of ['infra/lambda', 'server', 'shared', 'client', 'scripts', 'package-lock.json']) {
      expect(
        ignore.filter((p) => p === kept || p === `${kept}/`),
        kept,
      ).toEqual([]);
    }
    expect(existsSync(join(root, 'infra/lambda/thumbnail/handler.ts'))).toBe(true);
  });
});

describe('GitHub workflow', () => {
  type Step = { uses?: string; run?: string; with?: Record<string, unknown>; if?: string; id?: string };
  type Job = {
    needs?: string | string[];
    if?: string;
    steps: Step[];
    permissions?: Record<string, string>;
    services?: Record<string, { image: string }>;
    env?: Record<string, string>;
    container?: { image: string };
  };
  const workflow = parseYaml(read('.github/workflows/ci.yml')) as {
    on: Record<string, unknown>;
    jobs: Record<string, Job>;
  };
  const jobs = workflow.jobs;
  const allSteps = Object.values(jobs).flatMap((j) => j.steps);

  it('runs on pull requests and on pushes to main', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['pull_request', 'push']));
    expect(JSON.stringify(workflow.on.push)).toContain('main');
  });

  it('tests against pgvector PostgreSQL 16 and Redis 7 with REQUIRE_SERVICES=1 on Node 20', () => {
    const test = jobs.test!;
    expect(test.services?.postgres?.image).toBe('pgvector/pgvector:pg16');
    expect(test.services?.redis?.image).toMatch(/^redis:7/);
    expect(test.env).toMatchObject({ REQUIRE_SERVICES: '1' });
    expect(test.env?.DATABASE_URL).toMatch(/^postgres:\/\//);
    expect(test.env?.REDIS_URL).toMatch(/^redis:\/\//);
    expect(test.container?.image).toMatch(/^node:20/);
    const runs = test.steps.map((s) => s.run ?? '').join('\n');
    for (const cmd of [
      'npm install',
      'npm run lint',
      'npm run typecheck',
      'npm test',
      'chromium',
      'install-ops-tools.sh',
    ]) {
      expect(runs, cmd).toContain(cmd);
    }
  });

  it('pins every action by major version and uses OIDC, never static AWS keys', () => {
    for (const s of allSteps.filter((x) => x.uses)) expect(s.uses, s.uses).toMatch(/^[\w.-]+\/[\w.-]+@v\d+$/);
    const text = read('.github/workflows/ci.yml');
    expect(text).not.toMatch(/aws-access-key-id|aws-secret-access-key|AWS_SECRET_ACCESS_KEY/);
    const awsJobs = Object.entries(jobs).filter(([, j]) =>
      j.steps.some((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials')),
    );
    expect(awsJobs.map(([n]) => n).sort()).toEqual(['deploy', 'images']);
    for (const [name, job] of awsJobs) {
      expect(job.permissions?.['id-token'], name).toBe('write');
      const creds = job.steps.find((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials'));
      expect(creds?.with?.['role-to-assume'], name).toBeDefined();
    }
    expect(jobs.images!.if).toContain("github.ref == 'refs/heads/main'");
  });

  it('pushes both images, deploys with helm --wait --atomic, smoke-tests /health and rolls back', () => {
    const images = jobs.images!;
    const targets = images.steps
      .filter((s) => s.uses?.startsWith('docker/build-push-action'))
      .map((s) => s.with?.target);
    expect(targets).toEqual(['runtime', 'lambda-thumbnail']);
    const deploy = jobs.deploy!;
    expect(deploy.needs).toBe('images');
    const helm = deploy.steps.find((s) => s.run?.includes('helm upgrade --install'))?.run ?? '';
    expect(helm).toMatch(/--wait/);
    expect(helm).toMatch(/--atomic/);
    expect(helm).toContain('image.tag="${{ github.sha }}"');
    const smoke = deploy.steps.find((s) => s.id === 'smoke');
    expect(smoke?.run).toContain('/health');
    const rollback = deploy.steps.find((s) => s.run?.includes('helm rollback'));
    expect(rollback?.if).toContain("steps.smoke.outcome == 'failure'");
  });
});
