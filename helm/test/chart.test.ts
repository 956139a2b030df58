// Chart tests on what Helm renders: the real `helm template` and `helm lint --strict` (Helm
// v3.17, installed by scripts/ci/install-ops-tools.sh), which also validate every values set
// against values.schema.json. The rendered manifests are then checked the way a reviewer would:
// yamllint, env names against the server's config schema, probes, security context, termination
// budget, hooks, ports, autoscaling, dashboard and alert metrics.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { configKeys, loadConfig } from '../../server/src/config.js';
import {
  helmVersion,
  isDict,
  lintChart,
  loadYaml,
  renderChart,
  renderNotes,
  type Dict,
  type Manifest,
} from './helm-cli.js';

const helmDir = fileURLToPath(new URL('..', import.meta.url));
const chartDir = join(helmDir, 'gpu-assistant');
const requireServices = process.env.REQUIRE_SERVICES === '1';

const read = (path: string) => readFileSync(path, 'utf8');
const baseValues = loadYaml(read(join(chartDir, 'values.yaml'))) as Dict;
const schema = JSON.parse(read(join(chartDir, 'values.schema.json'))) as Dict;
const valuesFiles = readdirSync(chartDir).filter((f) => /^values.*\.yaml$/.test(f));

// Like the browser suites and yamllint: without the tool the suites are skipped with a warning,
// and REQUIRE_SERVICES=1 (CI) turns that into a failure.
const helm = helmVersion();
if (!helm && !requireServices) {
  console.warn('helm is not installed: skipping the chart tests (bash scripts/ci/install-ops-tools.sh installs it)');
}
const withHelm = describe.runIf(helm !== null || requireServices);

// ------------------------------------------------------------------------------------------------
// Rendering.

interface Rendered {
  manifests: Manifest[];
  objects: Dict[];
}

function render(files: string[], overrides: Dict = {}, release = 'gpu-assistant'): Rendered {
  const manifests = renderChart({ chartDir, valuesFiles: files, overrides, release, namespace: 'shop' });
  return { manifests, objects: manifests.flatMap((m) => m.docs) };
}

const scenarios: Record<string, () => Rendered> = {
  default: () => render([]),
  dev: () => render(['values-dev.yaml']),
  prod: () => render(['values-prod.yaml']),
  // Every optional object on, another release name, a bring-your-own Secret.
  everything: () =>
    render(
      ['values-prod.yaml'],
      {
        metrics: { podAnnotations: true },
        podAnnotations: { 'example.com/team': 'platform' },
        podLabels: { tier: 'web' },
        nodeSelector: { 'kubernetes.io/os': 'linux' },
        tolerations: [{ key: 'spot', operator: 'Exists', effect: 'NoSchedule' }],
        imagePullSecrets: [{ name: 'regcred' }],
        priorityClassName: 'high',
        image: { digest: 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef' },
        serviceAccount: { annotations: { 'example.com/owner': 'platform' } },
        ingress: { annotations: { 'nginx.ingress.kubernetes.io/limit-rps': '50' } },
        podDisruptionBudget: { minAvailable: 2 },
        config: { REDIS_CLUSTER_NODES: 'clustercfg.gpu.cache.amazonaws.com:6379' },
      },
      'shop',
    ),
  existingSecret: () => render([], { externalSecret: { enabled: false }, existingSecret: 'gpu-secrets' }),
  // /metrics back on the main port (a server without METRICS_PORT support).
  metricsOnHttp: () => render(['values-prod.yaml'], { config: { METRICS_PORT: '' } }),
};
const rendered = new Map<string, Rendered>();
const scenario = (name: string): Rendered => {
  let r = rendered.get(name);
  if (!r) {
    const make = scenarios[name];
    if (!make) throw new Error(`no scenario ${name}`);
    r = make();
    rendered.set(name, r);
  }
  return r;
};
const scenarioNames = Object.keys(scenarios);

// ------------------------------------------------------------------------------------------------
// Small accessors over rendered objects.

function get(obj: unknown, path: string): unknown {
  let v: unknown = obj;
  for (const key of path.split('.')) {
    if (Array.isArray(v)) v = v[Number(key)];
    else if (isDict(v)) v = v[key];
    else return undefined;
  }
  return v;
}

function asDicts(v: unknown): Dict[] {
  return Array.isArray(v) ? v.filter(isDict) : [];
}

function objectsOf(r: Rendered, kind: string): Dict[] {
  return r.objects.filter((o) => o.kind === kind);
}

function one(r: Rendered, kind: string, filter: (o: Dict) => boolean = () => true): Dict {
  const found = objectsOf(r, kind).filter(filter);
  expect(found, `exactly one ${kind}`).toHaveLength(1);
  return found[0]!;
}

function hookOf(o: Dict): string {
  return String(annotation(o, 'helm.sh/hook') ?? '');
}

function labels(o: Dict): Dict {
  const l = get(o, 'metadata.labels');
  return isDict(l) ? l : {};
}

function annotation(o: Dict, key: string): unknown {
  const annotations = get(o, 'metadata.annotations');
  return isDict(annotations) ? annotations[key] : undefined;
}

function podSpecs(r: Rendered): { owner: Dict; spec: Dict }[] {
  return r.objects
    .filter((o) => o.kind === 'Deployment' || o.kind === 'Job')
    .map((owner) => ({ owner, spec: get(owner, 'spec.template.spec') as Dict }));
}

/** `.Values.a.b` paths written out in template actions. */
function valuesPaths(template: string): Set<string> {
  const paths = new Set<string>();
  for (const action of template.matchAll(/\{\{(.*?)\}\}/gs)) {
    for (const m of action[1]!.matchAll(/(?<![\w)])\$?\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)+)/g))
      paths.add(m[1]!.slice(1));
  }
  return paths;
}

function hasPath(values: unknown, path: string): boolean {
  let v = values;
  for (const key of path.split('.')) {
    if (!isDict(v) || !(key in v)) return false;
    v = v[key];
  }
  return true;
}

const secretKeysInConfigMap = ['DATABASE_URL', 'JWT_SECRET', 'REDIS_URL', 'GROQ_API_KEY', 'ADMIN_PASSWORD'];

// ------------------------------------------------------------------------------------------------

withHelm('helm chart: lint and render', () => {
  it.each(valuesFiles)('helm lint --strict passes with %s (schema, templates, missing keys)', (file) => {
    const out = lintChart({ chartDir, valuesFiles: file === 'values.yaml' ? [] : [file] });
    expect(out).toContain('0 chart(s) failed');
    expect(out).not.toMatch(/\[(ERROR|WARNING)\]/);
  });

  it('helm lint --strict fails on a template that reads below a missing value (the check can fail)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chart-missing-'));
    try {
      cpSync(chartDir, join(dir, 'chart'), { recursive: true });
      writeFileSync(join(dir, 'chart', 'templates', 'probe.yaml'), 'probe: {{ .Values.nope.missing | quote }}\n');
      expect(() => lintChart({ chartDir: join(dir, 'chart') })).toThrow(/probe\.yaml[\s\S]*nil pointer/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // Helm renders a missing leaf (`.Values.service.nope`) as empty without a word, so the
  // literal .Values paths in the templates are looked up in values.yaml (paths reached through
  // `with`/`range` scopes are not seen by this scan).
  it('every literal .Values path in the templates exists in values.yaml', () => {
    const templatesDir = join(chartDir, 'templates');
    const refs = readdirSync(templatesDir).flatMap((file) =>
      [...valuesPaths(read(join(templatesDir, file)))].map((path) => ({ file, path })),
    );
    expect(refs.length).toBeGreaterThan(50);
    const missing = refs.filter((r) => !hasPath(baseValues, r.path)).map((r) => `${r.file}: .Values.${r.path}`);
    expect(missing).toEqual([]);
    // The scan sees a missing leaf (the check can fail).
    expect([...valuesPaths('{{ $.Values.service.nope }} {{- if .Values.ingress.tls.enabled }}')]).toEqual([
      'service.nope',
      'ingress.tls.enabled',
    ]);
    expect(hasPath(baseValues, 'service.nope')).toBe(false);
  });

  it.each(scenarioNames)('renders %s, every object named and labelled', (name) => {
    const r = scenario(name);
    expect(r.objects.length).toBeGreaterThan(5);
    for (const o of r.objects) {
      expect(typeof o.apiVersion, JSON.stringify(o).slice(0, 200)).toBe('string');
      expect(typeof o.kind).toBe('string');
      const objName = get(o, 'metadata.name');
      expect(typeof objName, `${String(o.kind)} has a name`).toBe('string');
      expect(String(objName)).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
      expect(String(objName).length).toBeLessThanOrEqual(63);
      expect(labels(o)['app.kubernetes.io/instance']).toBe(name === 'everything' ? 'shop' : 'gpu-assistant');
    }
  });

  it('NOTES.txt renders with the health checks and the release names', () => {
    const notes = renderNotes({ chartDir, valuesFiles: ['values-prod.yaml'] });
    expect(notes).toContain('/health');
    expect(notes).toContain('https://gpu-assistant.example.com/');
    expect(notes).toContain('rollout status deploy/gpu-assistant');
  });

  it('fails to render when the termination grace period does not cover preStop + shutdown drain', () => {
    expect(() => render([], { terminationGracePeriodSeconds: 30, config: { SHUTDOWN_TIMEOUT_MS: '20000' } })).toThrow(
      /terminationGracePeriodSeconds \(30\) must be greater than .* \(30\)/,
    );
    expect(() =>
      render([], { terminationGracePeriodSeconds: 31, config: { SHUTDOWN_TIMEOUT_MS: '20000' } }),
    ).not.toThrow();
  });

  it('fails to render when METRICS_PORT equals PORT, or autoscaling has no metric', () => {
    expect(() => render([], { config: { METRICS_PORT: '3000' } })).toThrow(/METRICS_PORT \(3000\) must differ/);
    expect(() =>
      render([], {
        autoscaling: {
          enabled: true,
          cpu: { enabled: false },
          customMetrics: { sockets: { enabled: false }, activeChats: { enabled: false } },
        },
      }),
    ).toThrow(/at least one of autoscaling\.cpu/);
  });

  it('renders none of the optional objects when every toggle is off', () => {
    const r = render([], {
      serviceAccount: { create: false },
      externalSecret: { enabled: false },
      ingress: { enabled: false },
      autoscaling: { enabled: false },
      podDisruptionBudget: { enabled: false },
      migrations: { enabled: false },
      seed: { enabled: false },
      serviceMonitor: { enabled: false },
      prometheusRule: { enabled: false },
      networkPolicy: { enabled: false },
    });
    expect(r.objects.map((o) => o.kind).sort()).toEqual(['ConfigMap', 'Deployment', 'Service']);
    const deployment = one(r, 'Deployment');
    expect(get(deployment, 'spec.template.spec.serviceAccountName')).toBe('default');
    expect(asDicts(get(deployment, 'spec.template.spec.containers.0.envFrom'))).toHaveLength(1);
  });

  it('turns each optional object on with its own flag', () => {
    const toggles: [string, string, Dict][] = [
      ['ServiceAccount', 'serviceAccount', { serviceAccount: { create: true } }],
      ['ExternalSecret', 'externalSecret', { externalSecret: { enabled: true } }],
      ['Ingress', 'ingress', { ingress: { enabled: true } }],
      ['HorizontalPodAutoscaler', 'autoscaling', { autoscaling: { enabled: true } }],
      ['PodDisruptionBudget', 'podDisruptionBudget', { podDisruptionBudget: { enabled: true } }],
      ['ServiceMonitor', 'serviceMonitor', { serviceMonitor: { enabled: true } }],
      ['PrometheusRule', 'prometheusRule', { prometheusRule: { enabled: true } }],
      ['NetworkPolicy', 'networkPolicy', { networkPolicy: { enabled: true } }],
    ];
    for (const [kind, key, on] of toggles) {
      const offValue = key === 'serviceAccount' ? { create: false } : { enabled: false };
      expect(objectsOf(render([], { [key]: offValue }), kind), `${kind} off`).toHaveLength(0);
      expect(objectsOf(render([], on), kind).length, `${kind} on`).toBeGreaterThan(0);
    }
  });
});

// ------------------------------------------------------------------------------------------------

withHelm('helm chart: values.schema.json', () => {
  const rejects = (overrides: Dict, message: RegExp) =>
    expect(() => render([], overrides)).toThrow(
      new RegExp(`values don't meet the specifications of the schema[\\s\\S]*${message.source}`),
    );

  it('Helm rejects values the schema forbids (the check can fail)', () => {
    rejects({ replicaCuont: 3 }, /Additional property replicaCuont is not allowed/);
    rejects({ config: { PORT: 3000 } }, /config\.PORT: Invalid type\. Expected: string, given: integer/);
    rejects({ config: { LOG_LEVEL: 'loud' } }, /config\.LOG_LEVEL/);
    rejects({ config: { JWT_SECRET: 'x'.repeat(40) } }, /Additional property JWT_SECRET is not allowed/);
    rejects({ config: { REDIS_CLUSTER_NODES: 'redis-a,redis-b' } }, /config\.REDIS_CLUSTER_NODES/);
    rejects({ autoscaling: { cpu: { averageUtilization: 250 } } }, /averageUtilization/);
    rejects({ externalSecret: { data: [{ secretKey: 'AWS_SECRET', remoteKey: 'x', property: 'y' }] } }, /secretKey/);
    rejects({ networkPolicy: { databaseCidrs: ['10.0.0.0'] } }, /databaseCidrs/);
  });

  it('describes exactly the keys values.yaml has (no stale schema entries, config aside)', () => {
    const problems: string[] = [];
    const walk = (node: Dict, values: unknown, path: string) => {
      const props = isDict(node.properties) ? node.properties : null;
      if (!props || !isDict(values)) return;
      for (const key of Object.keys(values)) if (!(key in props)) problems.push(`${path}${key} missing in the schema`);
      // config may name any server setting (values.yaml lists the usual ones).
      if (path === 'config.') return;
      for (const [key, sub] of Object.entries(props)) {
        if (!(key in values)) problems.push(`${path}${key} in the schema but not in values.yaml`);
        else if (isDict(sub)) walk(sub, values[key], `${path}${key}.`);
      }
    };
    walk(schema, baseValues, '');
    expect(problems).toEqual([]);
  });

  it('config: only settings the server reads (configKeys), never a secret, every one a string', () => {
    const config = get(schema, 'properties.config') as Dict;
    expect(config.additionalProperties).toBe(false);
    const props = config.properties as Record<string, Dict>;
    const known = new Set<string>(configKeys);
    expect(Object.keys(props).filter((k) => !known.has(k))).toEqual([]);
    expect(Object.keys(props).filter((k) => secretKeysInConfigMap.includes(k))).toEqual([]);
    for (const [k, p] of Object.entries(props)) expect(p.type, `config.${k}`).toBe('string');
  });

  it('every chart-defined map is closed (additionalProperties: false)', () => {
    const open: string[] = [];
    const freeForm = new Set(['nodeSelector', 'affinity', 'podAnnotations', 'podLabels', 'annotations', 'labels']);
    const walk = (node: Dict, path: string) => {
      if (!isDict(node.properties)) return;
      if (node.additionalProperties !== false) open.push(path || '(root)');
      for (const [k, sub] of Object.entries(node.properties))
        if (isDict(sub) && !freeForm.has(k)) walk(sub, `${path}.${k}`);
    };
    walk(schema, '');
    expect(open.filter((p) => !/\.resources\.(requests|limits)$/.test(p))).toEqual([]);
  });

  it('every key in values.yaml is documented by a comment', () => {
    const lines = read(join(chartDir, 'values.yaml')).split('\n');
    const undocumented: string[] = [];
    let inList = -1; // indentation of the list we are inside (its items need no comments)
    lines.forEach((line, i) => {
      const m = /^(\s*)(-\s+)?([A-Za-z0-9_./-]+):(\s|$)/.exec(line);
      if (!m) return;
      const indent = m[1]!.length;
      if (m[2]) {
        inList = indent;
        return;
      }
      if (inList >= 0 && indent > inList) return;
      inList = -1;
      const prev = (lines[i - 1] ?? '').trim();
      if (!prev.startsWith('#') && !line.includes(' # ')) undocumented.push(`values.yaml:${i + 1} ${line.trim()}`);
    });
    expect(undocumented).toEqual([]);
  });
});

// ------------------------------------------------------------------------------------------------

describe('helm chart: yamllint', () => {
  const probe = spawnSync('yamllint', ['--version'], { encoding: 'utf8' });
  const available = probe.status === 0;
  if (!available && !requireServices) {
    console.warn(
      'yamllint is not installed: skipping the yamllint checks (scripts/ci/install-ops-tools.sh installs it)',
    );
  }
  const lintIt = available || requireServices ? it : it.skip;
  const configFile = join(helmDir, '.yamllint');

  const lint = (paths: string[]) => {
    const res = spawnSync('yamllint', ['-c', configFile, '-f', 'parsable', '--strict', ...paths], { encoding: 'utf8' });
    if (res.error) throw res.error;
    return { status: res.status, output: `${res.stdout}${res.stderr}` };
  };

  lintIt('Chart.yaml and every values file pass yamllint', () => {
    const files = ['Chart.yaml', ...valuesFiles, '../prometheus-adapter/values.yaml'].map((f) => join(chartDir, f));
    expect(files.length).toBeGreaterThanOrEqual(5);
    const { status, output } = lint(files);
    expect(output).toBe('');
    expect(status).toBe(0);
  });

  const lintRendered = helm !== null || requireServices ? lintIt : it.skip;
  lintRendered('what helm template renders for every scenario passes yamllint', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chart-lint-'));
    const paths: string[] = [];
    for (const name of scenarioNames) {
      mkdirSync(join(dir, name));
      for (const m of scenario(name).manifests) {
        const path = join(dir, name, m.source.replaceAll('/', '_'));
        writeFileSync(path, m.text);
        paths.push(path);
      }
    }
    expect(paths.length).toBeGreaterThan(scenarioNames.length * 5);
    const { status, output } = lint(paths);
    expect(output).toBe('');
    expect(status).toBe(0);
  });

  lintIt('the linter really fails on bad YAML (the check can fail)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chart-lint-bad-'));
    const path = join(dir, 'bad.yaml');
    writeFileSync(path, 'a: 1\na: 2\nb:   [1,2]   \n');
    expect(lint([path]).status).not.toBe(0);
  });
});

// ------------------------------------------------------------------------------------------------

withHelm('helm chart: environment variables', () => {
  const known = new Set<string>(configKeys);

  function envNames(r: Rendered): Map<string, string> {
    const names = new Map<string, string>();
    const add = (name: unknown, where: string) => names.set(String(name), where);
    for (const cm of objectsOf(r, 'ConfigMap')) {
      for (const k of Object.keys((cm.data as Dict | undefined) ?? {}))
        add(k, `ConfigMap ${String(get(cm, 'metadata.name'))}`);
    }
    for (const es of objectsOf(r, 'ExternalSecret')) {
      for (const d of asDicts(get(es, 'spec.data')))
        add(d.secretKey, `ExternalSecret ${String(get(es, 'metadata.name'))}`);
    }
    for (const { owner, spec } of podSpecs(r)) {
      for (const c of [...asDicts(spec.containers), ...asDicts(spec.initContainers)]) {
        for (const e of asDicts(c.env)) add(e.name, `${String(owner.kind)} ${String(get(owner, 'metadata.name'))}`);
      }
    }
    return names;
  }

  it.each(scenarioNames)('%s: every variable set is one the server reads (configKeys)', (name) => {
    expect(configKeys).toContain('DATABASE_URL');
    const names = envNames(scenario(name));
    expect(names.size).toBeGreaterThan(5);
    const unknown = [...names].filter(([n]) => !known.has(n)).map(([n, where]) => `${n} (${where})`);
    expect(unknown).toEqual([]);
  });

  it.each(scenarioNames)('%s: secrets never land in the ConfigMap', (name) => {
    for (const cm of objectsOf(scenario(name), 'ConfigMap')) {
      const keys = Object.keys((cm.data as Dict | undefined) ?? {});
      expect(keys.filter((k) => secretKeysInConfigMap.includes(k))).toEqual([]);
    }
  });

  it.each(['default', 'dev', 'prod', 'everything'])(
    '%s: the server gets DATABASE_URL and JWT_SECRET from the ExternalSecret it loads',
    (name) => {
      const r = scenario(name);
      const deployment = one(r, 'Deployment');
      const envFrom = asDicts(get(deployment, 'spec.template.spec.containers.0.envFrom'));
      const secretName = envFrom.map((e) => get(e, 'secretRef.name')).find((n) => typeof n === 'string');
      const configMapName = envFrom.map((e) => get(e, 'configMapRef.name')).find((n) => typeof n === 'string');
      expect(objectsOf(r, 'ConfigMap').map((c) => get(c, 'metadata.name'))).toContain(configMapName);
      const es = one(r, 'ExternalSecret', (o) => get(o, 'spec.target.name') === secretName);
      const keys = asDicts(get(es, 'spec.data')).map((d) => d.secretKey);
      expect(keys).toEqual(expect.arrayContaining(['DATABASE_URL', 'JWT_SECRET']));
      const cm = one(r, 'ConfigMap');
      expect(get(cm, 'data.NODE_ENV')).toBe('production');
    },
  );

  it.each(['default', 'dev', 'prod', 'everything'])(
    '%s: the ConfigMap + Secret keys pass the server config schema',
    (name) => {
      const r = scenario(name);
      const data = (one(r, 'ConfigMap').data ?? {}) as Record<string, string>;
      // Stand-ins for the secret values, in the shapes the schema demands.
      const secrets: Record<string, string> = {
        DATABASE_URL: 'postgresql://app:secret@db.internal:5432/gpu_assistant?sslmode=require',
        JWT_SECRET: 'x'.repeat(48),
        REDIS_URL: 'rediss://:token@redis.internal:6379',
        ADMIN_PASSWORD: 'correct-horse-battery',
        GROQ_API_KEY: 'gsk_test',
      };
      const es = one(r, 'ExternalSecret', (o) => !hookOf(o));
      const mapped = asDicts(get(es, 'spec.data')).map((d) => String(d.secretKey));
      const env = { ...data, ...Object.fromEntries(mapped.map((k) => [k, secrets[k] ?? 'set'])) };
      expect(() => loadConfig(env)).not.toThrow();
      // ...and the schema really rejects a bad value (the check can fail).
      expect(() => loadConfig({ ...env, LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    },
  );

  it('the migration Job sees the same settings as the server', () => {
    const r = scenario('prod');
    const job = one(r, 'Job', (o) => String(get(o, 'metadata.name')).endsWith('-migrate'));
    const env = asDicts(get(job, 'spec.template.spec.containers.0.env'));
    const fromEnv = Object.fromEntries(env.map((e) => [String(e.name), e.value]));
    expect(fromEnv).toEqual(one(r, 'ConfigMap').data);
  });
});

// ------------------------------------------------------------------------------------------------

withHelm('helm chart: server Deployment', () => {
  it.each(scenarioNames)('%s: probes, security context, volumes, ports and resources', (name) => {
    const r = scenario(name);
    const deployment = one(r, 'Deployment');
    const pod = get(deployment, 'spec.template.spec') as Dict;
    const container = asDicts(pod.containers)[0]!;
    expect(get(container, 'livenessProbe.httpGet.path')).toBe('/healthz');
    expect(get(container, 'readinessProbe.httpGet.path')).toBe('/readyz');
    expect(get(container, 'startupProbe.httpGet.path')).toBe('/healthz');
    const ports = [{ name: 'http', containerPort: 3000, protocol: 'TCP' }];
    if (name !== 'metricsOnHttp') ports.push({ name: 'metrics', containerPort: 9464, protocol: 'TCP' });
    expect(asDicts(container.ports)).toEqual(ports);

    expect(get(pod, 'securityContext.runAsNonRoot')).toBe(true);
    expect(get(pod, 'securityContext.runAsUser')).toBe(10001);
    expect(get(pod, 'securityContext.fsGroup')).toBe(10001);
    expect(get(pod, 'securityContext.seccompProfile.type')).toBe('RuntimeDefault');
    expect(get(container, 'securityContext.readOnlyRootFilesystem')).toBe(true);
    expect(get(container, 'securityContext.allowPrivilegeEscalation')).toBe(false);
    expect(get(container, 'securityContext.capabilities.drop')).toEqual(['ALL']);

    const mounts = Object.fromEntries(asDicts(container.volumeMounts).map((m) => [m.mountPath, m.name]));
    expect(Object.keys(mounts).sort()).toEqual(['/data', '/tmp']);
    for (const v of asDicts(pod.volumes)) expect(v.emptyDir, `volume ${String(v.name)}`).toBeDefined();

    expect(get(container, 'resources.requests.cpu')).toBeDefined();
    expect(get(container, 'resources.requests.memory')).toBeDefined();
    expect(get(container, 'resources.limits.memory')).toBeDefined();

    const keys = asDicts(pod.topologySpreadConstraints).map((c) => c.topologyKey);
    expect(keys).toEqual(['topology.kubernetes.io/zone', 'kubernetes.io/hostname']);
    expect(pod.enableServiceLinks).toBe(false);
  });

  it.each(scenarioNames)('%s: terminationGracePeriodSeconds > preStop sleep + SHUTDOWN_TIMEOUT_MS/1000', (name) => {
    const r = scenario(name);
    const pod = get(one(r, 'Deployment'), 'spec.template.spec') as Dict;
    const command = get(pod, 'containers.0.lifecycle.preStop.exec.command') as string[];
    expect(command[0]).toBe('sleep');
    const preStop = Number(command[1]);
    const shutdownMs = Number(get(one(r, 'ConfigMap'), 'data.SHUTDOWN_TIMEOUT_MS'));
    const grace = Number(pod.terminationGracePeriodSeconds);
    expect(preStop).toBeGreaterThan(0);
    expect(shutdownMs).toBeGreaterThan(0);
    expect(grace).toBeGreaterThan(preStop + shutdownMs / 1000);
  });

  it('pods roll when the ConfigMap changes (checksum annotation)', () => {
    const a = get(one(render([]), 'Deployment'), 'spec.template.metadata.annotations.checksum/config');
    const b = get(
      one(render([], { config: { LOG_LEVEL: 'debug' } }), 'Deployment'),
      'spec.template.metadata.annotations.checksum/config',
    );
    expect(typeof a).toBe('string');
    expect(a).not.toBe(b);
  });

  it('every Job runs non-root with a read-only root filesystem too', () => {
    for (const { owner, spec } of podSpecs(scenario('prod'))) {
      const c = asDicts(spec.containers)[0]!;
      expect(get(spec, 'securityContext.runAsNonRoot'), String(get(owner, 'metadata.name'))).toBe(true);
      expect(get(c, 'securityContext.readOnlyRootFilesystem')).toBe(true);
    }
  });
});

// ------------------------------------------------------------------------------------------------

withHelm('helm chart: other objects', () => {
  it('Ingress: nginx class, Socket.IO timeouts, body size, cookie affinity, TLS', () => {
    const r = scenario('prod');
    const ingress = one(r, 'Ingress', (o) => !String(get(o, 'metadata.name')).endsWith('-metrics-deny'));
    expect(get(ingress, 'spec.ingressClassName')).toBe('nginx');
    const a = (key: string) => annotation(ingress, `nginx.ingress.kubernetes.io/${key}`);
    expect(a('proxy-read-timeout')).toBe('3600');
    expect(a('proxy-send-timeout')).toBe('3600');
    expect(a('proxy-body-size')).toBeTypeOf('string');
    expect(a('affinity')).toBe('cookie');
    expect(a('session-cookie-name')).toBeTypeOf('string');
    expect(a('session-cookie-max-age')).toBeTypeOf('string');
    expect(annotation(ingress, 'cert-manager.io/cluster-issuer')).toBe('letsencrypt-prod');
    expect(get(ingress, 'spec.tls.0.hosts.0')).toBe('gpu-assistant.example.com');
    expect(get(ingress, 'spec.rules.0.http.paths.0.backend.service.port.name')).toBe('http');
    // Idle timeouts must outlive Socket.IO's heartbeat (pingInterval 25 s + pingTimeout 20 s).
    expect(Number(a('proxy-read-timeout'))).toBeGreaterThan(45);

    const deny = one(r, 'Ingress', (o) => String(get(o, 'metadata.name')).endsWith('-metrics-deny'));
    expect(get(deny, 'spec.rules.0.http.paths.0')).toMatchObject({ path: '/metrics', pathType: 'Exact' });
    expect(annotation(deny, 'nginx.ingress.kubernetes.io/denylist-source-range')).toContain('0.0.0.0/0');

    const noAffinity = render([], { ingress: { cookieAffinity: { enabled: false } } });
    expect(
      annotation(
        one(noAffinity, 'Ingress', (o) => !String(get(o, 'metadata.name')).endsWith('-deny')),
        'nginx.ingress.kubernetes.io/affinity',
      ),
    ).toBeUndefined();
  });

  it('HPA: autoscaling/v2 on CPU + sockets + active chats per pod, slow scale-down', () => {
    const hpa = one(scenario('prod'), 'HorizontalPodAutoscaler');
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    const metrics = asDicts(get(hpa, 'spec.metrics'));
    expect(metrics.map((m) => get(m, 'resource.name') ?? get(m, 'pods.metric.name'))).toEqual([
      'cpu',
      'socketio_connected_clients',
      'chat_active_generations',
    ]);
    for (const m of metrics.slice(1)) {
      expect(m.type).toBe('Pods');
      expect(get(m, 'pods.target.type')).toBe('AverageValue');
      expect(get(m, 'pods.target.averageValue')).toMatch(/^\d+$/);
    }
    expect(Number(get(hpa, 'spec.behavior.scaleDown.stabilizationWindowSeconds'))).toBeGreaterThanOrEqual(300);
    expect(get(hpa, 'spec.scaleTargetRef.name')).toBe(get(one(scenario('prod'), 'Deployment'), 'metadata.name'));
    // The HPA owns the replica count.
    expect(get(one(scenario('prod'), 'Deployment'), 'spec.replicas')).toBeUndefined();
    // Custom metrics alone (no CPU) is a valid choice too.
    const socketsOnly = one(
      render([], {
        autoscaling: { enabled: true, cpu: { enabled: false }, customMetrics: { sockets: { enabled: true } } },
      }),
      'HorizontalPodAutoscaler',
    );
    expect(asDicts(get(socketsOnly, 'spec.metrics')).map((m) => m.type)).toEqual(['Pods']);
  });

  it('prometheus-adapter rules serve every Pods metric the HPA asks for, from exported gauges', () => {
    const adapter = loadYaml(read(join(helmDir, 'prometheus-adapter', 'values.yaml'))) as Dict;
    const rules = asDicts(get(adapter, 'rules.custom'));
    const served = new Map(rules.map((r) => [String(get(r, 'name.as')), r]));
    const hpa = one(scenario('prod'), 'HorizontalPodAutoscaler');
    const asked = asDicts(get(hpa, 'spec.metrics'))
      .filter((m) => m.type === 'Pods')
      .map((m) => String(get(m, 'pods.metric.name')));
    expect(asked.length).toBe(2);
    for (const name of asked) {
      const rule = served.get(name);
      expect(rule, `adapter rule for ${name}`).toBeDefined();
      expect(
        metricsIn(String(rule!.seriesQuery)).filter((m) => !productMetrics.has(m)),
        name,
      ).toEqual([]);
      expect(get(rule, 'resources.overrides.pod.resource')).toBe('pod');
      expect(String(rule!.metricsQuery)).toContain('<<.GroupBy>>');
    }
  });

  it('Service: http, plus metrics when METRICS_PORT is set', () => {
    const ports = (name: string) =>
      asDicts(get(one(scenario(name), 'Service'), 'spec.ports')).map((p) => [p.name, p.port, p.targetPort]);
    expect(ports('prod')).toEqual([
      ['http', 80, 'http'],
      ['metrics', 9464, 'metrics'],
    ]);
    expect(ports('metricsOnHttp')).toEqual([['http', 80, 'http']]);
    expect(get(one(scenario('prod'), 'ConfigMap'), 'data.METRICS_PORT')).toBe('9464');
    expect(get(one(scenario('metricsOnHttp'), 'ConfigMap'), 'data.METRICS_PORT')).toBeUndefined();
    // Pod annotations name the port Prometheus should scrape.
    const annotations = get(one(scenario('everything'), 'Deployment'), 'spec.template.metadata.annotations');
    expect(isDict(annotations) && annotations['prometheus.io/port']).toBe('9464');
  });

  it('PDB, Service and ServiceAccount (IRSA)', () => {
    const r = scenario('prod');
    const pdb = one(r, 'PodDisruptionBudget');
    expect(get(pdb, 'spec.maxUnavailable')).toBe(1);
    const serverLabels = get(one(r, 'Deployment'), 'spec.selector.matchLabels');
    expect(get(pdb, 'spec.selector.matchLabels')).toEqual(serverLabels);
    const svc = one(r, 'Service');
    expect(get(svc, 'spec.selector')).toEqual(serverLabels);
    expect(get(svc, 'spec.ports.0.targetPort')).toBe('http');
    const sa = one(r, 'ServiceAccount');
    expect(annotation(sa, 'eks.amazonaws.com/role-arn')).toMatch(/^arn:aws:iam::\d{12}:role\//);
    expect(get(one(r, 'Deployment'), 'spec.template.spec.serviceAccountName')).toBe(get(sa, 'metadata.name'));
    expect(get(one(scenario('everything'), 'PodDisruptionBudget'), 'spec.minAvailable')).toBe(2);
  });

  it('ExternalSecret: external-secrets.io/v1beta1 from a (Cluster)SecretStore', () => {
    const es = one(scenario('prod'), 'ExternalSecret', (o) => !hookOf(o));
    expect(es.apiVersion).toBe('external-secrets.io/v1beta1');
    expect(['ClusterSecretStore', 'SecretStore']).toContain(get(es, 'spec.secretStoreRef.kind'));
    const keys = asDicts(get(es, 'spec.data')).map((d) => d.secretKey);
    expect(keys.sort()).toEqual(['ADMIN_PASSWORD', 'DATABASE_URL', 'GROQ_API_KEY', 'JWT_SECRET', 'REDIS_URL']);
    for (const d of asDicts(get(es, 'spec.data'))) expect(get(d, 'remoteRef.key')).toMatch(/^gpu-assistant\/prod\//);
  });

  it('ServiceMonitor scrapes /metrics on the metrics port (http without METRICS_PORT)', () => {
    const sm = one(scenario('prod'), 'ServiceMonitor');
    expect(sm.apiVersion).toBe('monitoring.coreos.com/v1');
    expect(get(sm, 'spec.endpoints.0')).toMatchObject({ port: 'metrics', path: '/metrics' });
    expect(get(sm, 'spec.selector.matchLabels')).toEqual(get(one(scenario('prod'), 'Service'), 'spec.selector'));
    // The port it names exists on the Service it selects.
    const servicePorts = asDicts(get(one(scenario('prod'), 'Service'), 'spec.ports')).map((p) => p.name);
    expect(servicePorts).toContain('metrics');
    expect(get(one(scenario('metricsOnHttp'), 'ServiceMonitor'), 'spec.endpoints.0.port')).toBe('http');
  });

  it('migration Job: pre-install,pre-upgrade hook running migrate.js; seed Job: post-install seed.js', () => {
    const r = scenario('prod');
    const migrate = one(r, 'Job', (o) => String(get(o, 'metadata.name')).endsWith('-migrate'));
    expect(annotation(migrate, 'helm.sh/hook')).toBe('pre-install,pre-upgrade');
    expect(get(migrate, 'spec.template.spec.containers.0.command')).toEqual(['node', 'server/dist/db/cli/migrate.js']);
    expect(get(migrate, 'spec.template.spec.restartPolicy')).toBe('Never');
    // Its secret exists before it: a hook ExternalSecret with a lower weight.
    const secretName = get(migrate, 'spec.template.spec.containers.0.envFrom.0.secretRef.name');
    const hookSecret = one(r, 'ExternalSecret', (o) => get(o, 'spec.target.name') === secretName);
    expect(annotation(hookSecret, 'helm.sh/hook')).toBe('pre-install,pre-upgrade');
    expect(Number(annotation(hookSecret, 'helm.sh/hook-weight'))).toBeLessThan(
      Number(annotation(migrate, 'helm.sh/hook-weight')),
    );

    const seed = one(r, 'Job', (o) => String(get(o, 'metadata.name')).endsWith('-seed'));
    expect(annotation(seed, 'helm.sh/hook')).toBe('post-install');
    expect(get(seed, 'spec.template.spec.containers.0.command')).toEqual(['node', 'server/dist/seed-command.js']);

    // With a bring-your-own Secret the migration uses it directly.
    const own = scenario('existingSecret');
    const ownMigrate = one(own, 'Job', (o) => String(get(o, 'metadata.name')).endsWith('-migrate'));
    expect(get(ownMigrate, 'spec.template.spec.containers.0.envFrom.0.secretRef.name')).toBe('gpu-secrets');
    expect(objectsOf(own, 'ExternalSecret')).toHaveLength(0);
  });

  it('NetworkPolicy: ingress controller -> http, monitoring -> metrics; out to DNS, 5432, 6379, 443', () => {
    const rulesOf = (name: string) =>
      asDicts(get(one(scenario(name), 'NetworkPolicy'), 'spec.ingress')).map((rule) => ({
        from: asDicts(rule.from).map((f) => {
          const selector = get(f, 'namespaceSelector.matchLabels');
          return isDict(selector) ? selector['kubernetes.io/metadata.name'] : undefined;
        }),
        ports: asDicts(rule.ports).map((p) => p.port),
      }));
    const np = one(scenario('prod'), 'NetworkPolicy');
    expect(get(np, 'spec.policyTypes')).toEqual(['Ingress', 'Egress']);
    // The ingress controller never reaches /metrics; Prometheus reaches only it.
    expect(rulesOf('prod')).toEqual([
      { from: ['ingress-nginx'], ports: ['http'] },
      { from: ['monitoring'], ports: ['metrics'] },
    ]);
    expect(rulesOf('metricsOnHttp')).toEqual([{ from: ['ingress-nginx', 'monitoring'], ports: ['http'] }]);
    const egressPorts = asDicts(get(np, 'spec.egress')).flatMap((e) => asDicts(e.ports).map((p) => p.port));
    expect(new Set(egressPorts)).toEqual(new Set([53, 5432, 6379, 443]));
  });
});

// ------------------------------------------------------------------------------------------------
// Metrics: the dashboard and the alerts may only query what the server exports.

const histograms = [
  'http_request_duration_seconds',
  'llm_time_to_first_token_seconds',
  'llm_tokens_per_second',
  'retrieval_duration_seconds',
];
const productMetrics = new Set([
  ...histograms.flatMap((h) => [`${h}_bucket`, `${h}_sum`, `${h}_count`]),
  'socketio_connected_clients',
  'socketio_events_total',
  'chat_active_generations',
  'llm_tokens_total',
  'llm_requests_total',
  'checkout_total',
  'stock_changes_total',
  'redis_up',
  // prom-client default metrics
  'process_resident_memory_bytes',
  'process_cpu_seconds_total',
  'nodejs_eventloop_lag_seconds',
  'nodejs_heap_size_used_bytes',
]);

const promqlKeywords = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'offset',
  'bool',
  'and',
  'or',
  'unless',
  'inf',
  'nan',
]);

/** Metric names a PromQL expression selects (functions, labels, keywords and literals removed). */
export function metricsIn(expr: string): string[] {
  let e = expr;
  const lv = /^\s*label_values\((.*),\s*[A-Za-z_][A-Za-z0-9_]*\s*\)\s*$/s.exec(e);
  if (lv) e = lv[1]!;
  e = e
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ')
    .replace(/\$\{?[A-Za-z_][A-Za-z0-9_]*\}?/g, ' ');
  const names = new Set<string>();
  for (const m of e.matchAll(/(?<![\w.])([A-Za-z_:][A-Za-z0-9_:]*)(?![A-Za-z0-9_:]|\s*\()/g)) {
    const word = m[1]!;
    if (promqlKeywords.has(word.toLowerCase())) continue;
    names.add(word);
  }
  return [...names];
}

describe('dashboards and alerts', () => {
  it('metricsIn extracts metric names and ignores functions, labels and variables', () => {
    expect(
      metricsIn(
        'histogram_quantile(0.95, sum by (le, route) (rate(http_request_duration_seconds_bucket{pod=~"$pod"}[$__rate_interval])))',
      ),
    ).toEqual(['http_request_duration_seconds_bucket']);
    expect(metricsIn('sum(a_total) / clamp_min(sum(b{x="y"}), 1e-9) > 0.5')).toEqual(['a_total', 'b']);
    expect(metricsIn('label_values(socketio_connected_clients{namespace="$namespace"}, pod)')).toEqual([
      'socketio_connected_clients',
    ]);
  });

  it('the Grafana dashboard parses and queries only exported metrics', () => {
    const dashboard = JSON.parse(read(join(chartDir, 'dashboards', 'gpu-assistant.json'))) as Dict;
    expect(dashboard.title).toBeTypeOf('string');
    expect(dashboard.uid).toBeTypeOf('string');
    const exprs: string[] = [];
    const visit = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(visit);
      else if (isDict(node)) {
        if (typeof node.expr === 'string') exprs.push(node.expr);
        for (const v of Object.values(node)) visit(v);
      }
    };
    visit(dashboard.panels);
    for (const v of asDicts(get(dashboard, 'templating.list'))) {
      const q = v.query;
      if (typeof q === 'string' && v.type === 'query') exprs.push(q);
      if (isDict(q) && typeof q.query === 'string') exprs.push(q.query);
    }
    expect(exprs.length).toBeGreaterThan(15);
    const used = new Set(exprs.flatMap(metricsIn));
    expect([...used].filter((m) => !productMetrics.has(m))).toEqual([]);
    // Every product metric family shows up somewhere.
    for (const family of [
      'http_request_duration_seconds',
      'socketio_connected_clients',
      'socketio_events_total',
      'chat_active_generations',
      'llm_time_to_first_token_seconds',
      'llm_tokens_total',
      'llm_tokens_per_second',
      'llm_requests_total',
      'retrieval_duration_seconds',
      'checkout_total',
      'stock_changes_total',
      'redis_up',
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_seconds',
    ]) {
      expect(
        [...used].some((m) => m === family || m.startsWith(`${family}_`)),
        family,
      ).toBe(true);
    }
    // Panel ids are unique (Grafana needs it for links and alerts).
    const ids = asDicts(dashboard.panels).map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.runIf(helm !== null || requireServices)(
    'PrometheusRule: 5xx, time-to-first-token, Redis, restarts; no stock alert',
    () => {
      const rule = one(scenario('prod'), 'PrometheusRule');
      const rules = asDicts(get(rule, 'spec.groups')).flatMap((g) => asDicts(g.rules));
      const byName = Object.fromEntries(rules.map((r) => [String(r.alert), String(r.expr)]));
      expect(Object.keys(byName).sort()).toEqual([
        'GpuAssistantHigh5xxRate',
        'GpuAssistantPodRestarting',
        'GpuAssistantRedisDown',
        'GpuAssistantSlowFirstToken',
      ]);
      expect(byName.GpuAssistantHigh5xxRate).toContain('status_code=~"5.."');
      expect(byName.GpuAssistantSlowFirstToken).toMatch(
        /histogram_quantile\(0\.95,[\s\S]*llm_time_to_first_token_seconds_bucket[\s\S]*> 3\s*$/,
      );
      expect(byName.GpuAssistantRedisDown).toMatch(/redis_up\{[^}]*\}\) == 0/);
      const allowed = new Set([...productMetrics, 'kube_pod_container_status_restarts_total']);
      for (const [alert, expr] of Object.entries(byName)) {
        expect(
          metricsIn(expr).filter((m) => !allowed.has(m)),
          alert,
        ).toEqual([]);
        expect(expr, alert).not.toMatch(/stock/);
      }
      for (const r of rules) {
        expect(get(r, 'labels.severity'), String(r.alert)).toMatch(/^(critical|warning)$/);
        expect(get(r, 'annotations.summary'), String(r.alert)).toBeTypeOf('string');
      }
    },
  );
});
