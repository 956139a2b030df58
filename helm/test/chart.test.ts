// Static checks of the Helm chart: no `helm` binary or cluster exists here, so the chart is
// rendered by a small strict Go-template renderer (./gotemplate.ts) and the manifests are checked
// the way a reviewer would: yamllint, values paths, env names against the server's config
// schema, probes, security context, termination budget, hooks, dashboard and alert metrics.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, parseAllDocuments } from 'yaml';
import { configKeys, loadConfig } from '../../server/src/config.js';
import { ChartRenderer, isDict, mergeValues, templateActions, type Dict } from './gotemplate.js';

const helmDir = fileURLToPath(new URL('..', import.meta.url));
const chartDir = join(helmDir, 'gpu-assistant');
const templatesDir = join(chartDir, 'templates');
const requireServices = process.env.REQUIRE_SERVICES === '1';

// ------------------------------------------------------------------------------------------------
// Chart loading and rendering.

const read = (path: string) => readFileSync(path, 'utf8');
const loadYaml = (path: string): unknown => parseYaml(read(path));

const chartMeta = loadYaml(join(chartDir, 'Chart.yaml')) as Dict;
const baseValues = loadYaml(join(chartDir, 'values.yaml')) as Dict;
const templateFiles = readdirSync(templatesDir).sort();
const templateSources: Record<string, string> = Object.fromEntries(
  templateFiles.map((f) => [`gpu-assistant/templates/${f}`, read(join(templatesDir, f))]),
);
const renderer = new ChartRenderer(templateSources);

interface Manifest {
  file: string;
  text: string;
  docs: Dict[];
}

interface Rendered {
  values: Dict;
  manifests: Manifest[];
  objects: Dict[];
  notes: string;
}

function valuesFor(files: string[], overrides: Dict = {}): Dict {
  let values: unknown = structuredClone(baseValues);
  for (const f of files) values = mergeValues(values, loadYaml(join(chartDir, f)));
  return mergeValues(values, overrides) as Dict;
}

function render(files: string[], overrides: Dict = {}, releaseName = 'gpu-assistant'): Rendered {
  const values = valuesFor(files, overrides);
  const ctx = {
    Values: values,
    Release: { Name: releaseName, Namespace: 'shop', Service: 'Helm', IsInstall: true, IsUpgrade: false, Revision: 1n },
    Chart: {
      Name: chartMeta.name,
      Version: chartMeta.version,
      AppVersion: chartMeta.appVersion,
      Description: chartMeta.description,
    },
    Capabilities: { KubeVersion: { Version: 'v1.31.0', Major: '1', Minor: '31' } },
    Template: { BasePath: 'gpu-assistant/templates' },
  };
  const manifests: Manifest[] = [];
  let notes = '';
  for (const file of templateFiles) {
    if (file.startsWith('_')) continue;
    const text = renderer.render(`gpu-assistant/templates/${file}`, ctx);
    if (file === 'NOTES.txt') {
      notes = text;
      continue;
    }
    const docs: Dict[] = [];
    for (const doc of parseAllDocuments(text)) {
      if (doc.errors.length) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
      const js: unknown = doc.toJS();
      if (js === null || js === undefined) continue;
      if (!isDict(js)) throw new Error(`${file}: a document is not a mapping`);
      docs.push(js);
    }
    manifests.push({ file, text, docs });
  }
  return { values, manifests, objects: manifests.flatMap((m) => m.docs), notes };
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
      },
      'shop',
    ),
  existingSecret: () => render([], { externalSecret: { enabled: false }, existingSecret: 'gpu-secrets' }),
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

const secretKeysInConfigMap = ['DATABASE_URL', 'JWT_SECRET', 'REDIS_URL', 'GROQ_API_KEY', 'ADMIN_PASSWORD'];

// ------------------------------------------------------------------------------------------------

describe('helm chart: rendering', () => {
  it.each(scenarioNames)('renders %s without template errors, every object named and labelled', (name) => {
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
    expect(r.notes).toContain('/health');
  });

  it('fails to render when the termination grace period does not cover preStop + shutdown drain', () => {
    expect(() => render([], { terminationGracePeriodSeconds: 30, config: { SHUTDOWN_TIMEOUT_MS: '20000' } })).toThrow(
      /terminationGracePeriodSeconds \(30\) must be greater than .* \(30\)/,
    );
    expect(() =>
      render([], { terminationGracePeriodSeconds: 31, config: { SHUTDOWN_TIMEOUT_MS: '20000' } }),
    ).not.toThrow();
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
    const files = ['Chart.yaml', ...readdirSync(chartDir).filter((f) => /^values.*\.yaml$/.test(f))].map((f) =>
      join(chartDir, f),
    );
    expect(files.length).toBeGreaterThanOrEqual(4);
    const { status, output } = lint(files);
    expect(output).toBe('');
    expect(status).toBe(0);
  });

  lintIt('the rendered manifests of every scenario pass yamllint', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chart-lint-'));
    const paths: string[] = [];
    for (const name of scenarioNames) {
      mkdirSync(join(dir, name));
      for (const m of scenario(name).manifests) {
        const text = m.text.trim();
        if (!text) continue;
        const path = join(dir, name, m.file);
        writeFileSync(path, `${text}\n`);
        paths.push(path);
      }
    }
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

/** `.Values.a.b` paths referenced by templates, with `with .Values.x` scopes resolved. */
function valuesReferences(): { file: string; line: number; path: string[] }[] {
  const refs: { file: string; line: number; path: string[] }[] = [];
  for (const file of templateFiles) {
    type Scope = { values: string[] | null; reason: string };
    const stack: Scope[] = [{ values: null, reason: 'top' }];
    for (const { toks, line } of templateActions(read(join(templatesDir, file)), file)) {
      const head = toks[0];
      const kw = head?.t === 'ident' ? head.v : '';
      const current = stack[stack.length - 1]!;
      for (const t of toks) {
        if (t.t === 'var' && t.name === '' && t.path[0] === 'Values') refs.push({ file, line, path: t.path.slice(1) });
        if (t.t === 'field' && t.path[0] === 'Values') {
          if (current.reason !== 'top' && current.reason !== 'if' && current.reason !== 'define') {
            throw new Error(
              `${file}:${line}: .Values inside a ${current.reason} block refers to the new dot; use $.Values`,
            );
          }
          refs.push({ file, line, path: t.path.slice(1) });
        } else if (t.t === 'field' && current.values && t.path.length && kw !== 'with' && kw !== 'range') {
          refs.push({ file, line, path: [...current.values, ...t.path] });
        }
      }
      if (kw === 'if') stack.push({ values: current.values, reason: current.reason === 'top' ? 'if' : current.reason });
      else if (kw === 'define') stack.push({ values: null, reason: 'define' });
      else if (kw === 'with' || kw === 'range') {
        const rest = toks.slice(1);
        const single = rest.length === 1 ? rest[0] : undefined;
        const values =
          kw === 'with' && single?.t === 'field' && single.path[0] === 'Values' ? single.path.slice(1) : null;
        stack.push({ values, reason: kw });
      } else if (kw === 'end') {
        stack.pop();
        if (stack.length === 0) throw new Error(`${file}:${line}: unbalanced {{ end }}`);
      }
    }
    if (stack.length !== 1) throw new Error(`${file}: unclosed block`);
  }
  return refs;
}

describe('helm chart: values', () => {
  it('every .Values path a template references exists in values.yaml', () => {
    const refs = valuesReferences();
    expect(refs.length).toBeGreaterThan(50);
    const missing: string[] = [];
    for (const ref of refs) {
      let v: unknown = baseValues;
      for (const key of ref.path) {
        if (!isDict(v) || !(key in v)) {
          missing.push(`${ref.file}:${ref.line} .Values.${ref.path.join('.')}`);
          break;
        }
        v = v[key];
      }
    }
    expect(missing).toEqual([]);
  });

  it('the reference scanner catches a missing path (the check can fail)', () => {
    const probe = '{{ .Values.nope.missing }}';
    const refs = templateActions(probe, 'probe').flatMap((a) => a.toks);
    expect(refs.some((t) => t.t === 'field' && t.path.join('.') === 'Values.nope.missing')).toBe(true);
    expect('nope' in baseValues).toBe(false);
  });

  it('environment files only override keys that values.yaml declares', () => {
    const unknown: string[] = [];
    const walk = (base: unknown, over: unknown, path: string) => {
      if (!isDict(over) || !isDict(base)) return;
      // An empty map in values.yaml (annotations, nodeSelector, ...) takes any keys; everything else,
      // config included, must be declared (and documented) in values.yaml first.
      const freeForm = Object.keys(base).length === 0;
      for (const [k, v] of Object.entries(over)) {
        if (!(k in base)) {
          if (!freeForm) unknown.push(`${path}.${k}`);
          continue;
        }
        walk(base[k], v, `${path}.${k}`);
      }
    };
    for (const f of readdirSync(chartDir).filter((n) => /^values-.+\.yaml$/.test(n))) {
      walk(baseValues, loadYaml(join(chartDir, f)), f);
    }
    expect(unknown).toEqual([]);
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

  it('config values are strings (numbers would render as 1e+06 in a ConfigMap)', () => {
    for (const name of ['default', 'dev', 'prod']) {
      const config = scenario(name).values.config;
      expect(isDict(config)).toBe(true);
      for (const [k, v] of Object.entries(config as Dict)) expect(typeof v, `${name}: config.${k}`).toBe('string');
    }
  });
});

// ------------------------------------------------------------------------------------------------

describe('helm chart: environment variables', () => {
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

  it.each(['default', 'dev', 'prod'])('%s: the ConfigMap + Secret keys pass the server config schema', (name) => {
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
  });

  it('the migration Job sees the same settings as the server', () => {
    const r = scenario('prod');
    const job = one(r, 'Job', (o) => String(get(o, 'metadata.name')).endsWith('-migrate'));
    const env = asDicts(get(job, 'spec.template.spec.containers.0.env'));
    const fromEnv = Object.fromEntries(env.map((e) => [String(e.name), e.value]));
    expect(fromEnv).toEqual(one(r, 'ConfigMap').data);
  });
});

// ------------------------------------------------------------------------------------------------

describe('helm chart: server Deployment', () => {
  it.each(scenarioNames)('%s: probes, security context, volumes, ports and resources', (name) => {
    const r = scenario(name);
    const deployment = one(r, 'Deployment');
    const pod = get(deployment, 'spec.template.spec') as Dict;
    const container = asDicts(pod.containers)[0]!;
    expect(get(container, 'livenessProbe.httpGet.path')).toBe('/healthz');
    expect(get(container, 'readinessProbe.httpGet.path')).toBe('/readyz');
    expect(get(container, 'startupProbe.httpGet.path')).toBe('/healthz');
    expect(asDicts(container.ports)).toEqual([{ name: 'http', containerPort: 3000, protocol: 'TCP' }]);

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
    const values = r.values;
    const preStop = Number(get(values, 'lifecycle.preStopSleepSeconds'));
    const shutdownMs = Number(get(values, 'config.SHUTDOWN_TIMEOUT_MS'));
    const grace = Number(values.terminationGracePeriodSeconds);
    expect(preStop).toBeGreaterThan(0);
    expect(shutdownMs).toBeGreaterThan(0);
    expect(grace).toBeGreaterThan(preStop + shutdownMs / 1000);

    const pod = get(one(r, 'Deployment'), 'spec.template.spec') as Dict;
    expect(pod.terminationGracePeriodSeconds).toBe(grace);
    const command = get(pod, 'containers.0.lifecycle.preStop.exec.command');
    expect(command).toEqual(['sleep', String(preStop)]);
    expect(get(one(r, 'ConfigMap'), 'data.SHUTDOWN_TIMEOUT_MS')).toBe(String(shutdownMs));
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

describe('helm chart: other objects', () => {
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

  it('HPA: autoscaling/v2 on CPU + socketio_connected_clients, slow scale-down', () => {
    const hpa = one(scenario('prod'), 'HorizontalPodAutoscaler');
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    const metrics = asDicts(get(hpa, 'spec.metrics'));
    expect(get(metrics[0], 'resource.name')).toBe('cpu');
    expect(metrics[1]).toMatchObject({ type: 'Pods', pods: { metric: { name: 'socketio_connected_clients' } } });
    expect(get(metrics[1], 'pods.target.type')).toBe('AverageValue');
    expect(Number(get(hpa, 'spec.behavior.scaleDown.stabilizationWindowSeconds'))).toBeGreaterThanOrEqual(300);
    expect(get(hpa, 'spec.scaleTargetRef.name')).toBe(get(one(scenario('prod'), 'Deployment'), 'metadata.name'));
    // The HPA owns the replica count.
    expect(get(one(scenario('prod'), 'Deployment'), 'spec.replicas')).toBeUndefined();
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

  it('ServiceMonitor scrapes /metrics on the http port', () => {
    const sm = one(scenario('prod'), 'ServiceMonitor');
    expect(sm.apiVersion).toBe('monitoring.coreos.com/v1');
    expect(get(sm, 'spec.endpoints.0')).toMatchObject({ port: 'http', path: '/metrics' });
    expect(get(sm, 'spec.selector.matchLabels')).toEqual(get(one(scenario('prod'), 'Service'), 'spec.selector'));
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

  it('NetworkPolicy: in from the ingress controller and monitoring; out to DNS, 5432, 6379, 443', () => {
    const np = one(scenario('prod'), 'NetworkPolicy');
    expect(get(np, 'spec.policyTypes')).toEqual(['Ingress', 'Egress']);
    const from = asDicts(get(np, 'spec.ingress.0.from')).map((f) => {
      const selector = get(f, 'namespaceSelector.matchLabels');
      return isDict(selector) ? selector['kubernetes.io/metadata.name'] : undefined;
    });
    expect(from).toEqual(['ingress-nginx', 'monitoring']);
    expect(get(np, 'spec.ingress.0.ports.0.port')).toBe('http');
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

  it('PrometheusRule: 5xx, time-to-first-token, Redis, restarts; no stock alert', () => {
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
  });
});
