// A small, strict renderer for the subset of Go text/template + Sprig that Helm charts use, so
// the chart can be rendered and checked where no `helm` binary exists. It follows Go's rules
// where they matter for catching mistakes: a field of a missing value is an error, comparing
// an int with a float is an error, values-file numbers are float64 (printed as Go prints them,
// 1e+06 and all), `{{-`/`-}}` trim whitespace, undefined functions and templates are errors.
import { createHash } from 'node:crypto';
import { stringify as yamlStringify } from 'yaml';

// ------------------------------------------------------------------------------------------------
// Values. JS `number` is Go float64; `bigint` is Go int; plain objects are maps; arrays slices.

export type Dict = { [key: string]: unknown };

export function isDict(v: unknown): v is Dict {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export class TemplateError extends Error {
  override name = 'TemplateError';
}

/** Go truthiness used by if/with/and/or/not. */
function truthy(v: unknown): boolean {
  if (v === undefined || v === null || v === false) return false;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'bigint') return v !== 0n;
  if (typeof v === 'string') return v.length > 0;
  if (Array.isArray(v)) return v.length > 0;
  if (isDict(v)) return Object.keys(v).length > 0;
  return true;
}

/** Go's %v of a float64: strconv 'g' with the shortest digits, exponent form when exp < -4 || exp >= 6. */
export function formatFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf';
  if (f === 0) return '0';
  const [mantissa = '0', expText = '0'] = f.toExponential().split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const sign = exp < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return String(f);
}

/** fmt.Sprint of one value (Helm turns "<no value>" into ""). */
function goString(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return formatFloat(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return `[${v.map(goString).join(' ')}]`;
  if (isDict(v)) {
    const keys = Object.keys(v).sort();
    return `map[${keys.map((k) => `${k}:${goString(v[k])}`).join(' ')}]`;
  }
  return String(v);
}

/** Sprig's toInt64 (spf13/cast): strings parsed as integers, invalid -> 0, floats truncated. */
function toInt(v: unknown): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return BigInt(Math.trunc(v));
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (typeof v === 'string') {
    const s = v.trim();
    if (/^[+-]?\d+$/.test(s)) return BigInt(s);
    return 0n;
  }
  return 0n;
}

function toFloat(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string') {
    const n = Number(v.trim());
    return Number.isNaN(n) ? 0 : n;
  }
  if (typeof v === 'boolean') return v ? 1 : 0;
  return 0;
}

type Kind = 'bool' | 'int' | 'float' | 'string' | 'nil' | 'other';

function kindOf(v: unknown): Kind {
  if (v === undefined || v === null) return 'nil';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'number') return 'float';
  if (typeof v === 'string') return 'string';
  return 'other';
}

function goEq(a: unknown, b: unknown): boolean {
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka === 'nil' || kb === 'nil') return ka === kb;
  if (ka !== kb) throw new TemplateError(`incompatible types for comparison: ${ka} and ${kb}`);
  if (ka === 'other') throw new TemplateError('non-comparable type in eq');
  return a === b;
}

function goLess(a: unknown, b: unknown): boolean {
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka !== kb) throw new TemplateError(`incompatible types for comparison: ${ka} and ${kb}`);
  if (ka === 'int') return (a as bigint) < (b as bigint);
  if (ka === 'float') return (a as number) < (b as number);
  if (ka === 'string') return (a as string) < (b as string);
  throw new TemplateError(`invalid type for comparison: ${ka}`);
}

/** Sprig's `empty`. */
function isEmpty(v: unknown): boolean {
  return !truthy(v);
}

/** Go's fmt.Sprintf for the verbs charts use: %s %d %v %q %t %%. */
function sprintf(format: string, args: unknown[]): string {
  let i = 0;
  return format.replace(/%([-+# 0]*\d*(?:\.\d+)?)([sdvqtf%])/g, (_m, _flags: string, verb: string) => {
    if (verb === '%') return '%';
    if (i >= args.length) return `%!${verb}(MISSING)`;
    const arg = args[i++];
    switch (verb) {
      case 'd':
        if (typeof arg !== 'bigint') return `%!d(${kindOf(arg)}=${goString(arg)})`;
        return arg.toString();
      case 'q':
        return JSON.stringify(goString(arg));
      case 'f':
        return toFloat(arg).toFixed(6);
      default:
        return goString(arg);
    }
  });
}

/** Helm's toYaml: sigs.k8s.io/yaml output (sorted keys), trailing newline removed. */
export function toYaml(v: unknown): string {
  if (v === undefined || v === null) return 'null';
  const text = yamlStringify(v, { sortMapEntries: true, lineWidth: 0, indentSeq: false });
  return text.replace(/\n$/, '');
}

// ------------------------------------------------------------------------------------------------
// Lexer.

export type Tok =
  | { t: 'str'; v: string }
  | { t: 'num'; v: unknown }
  | { t: 'bool'; v: boolean }
  | { t: 'nil' }
  | { t: 'field'; path: string[] } // `.` is path []
  | { t: 'var'; name: string; path: string[] } // `$` is name ''
  | { t: 'ident'; v: string }
  | { t: 'pipe' }
  | { t: 'lparen' }
  | { t: 'rparen' }
  | { t: 'declare' }
  | { t: 'assign' }
  | { t: 'comma' };

type Piece = { kind: 'text'; text: string } | { kind: 'action'; toks: Tok[]; line: number };

function lexAction(src: string, start: number, line: number, file: string): { toks: Tok[]; end: number } {
  const toks: Tok[] = [];
  let i = start;
  const err = (msg: string) => new TemplateError(`${file}:${line}: ${msg}`);
  const identChar = /[A-Za-z0-9_]/;
  const readPath = (): string[] => {
    const path: string[] = [];
    while (src[i] === '.' && /[A-Za-z_]/.test(src[i + 1] ?? '')) {
      i++;
      let name = '';
      while (i < src.length && identChar.test(src[i]!)) name += src[i++];
      path.push(name);
    }
    return path;
  };
  for (;;) {
    if (i >= src.length) throw err('unclosed action');
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      // A trim marker: " -}}".
      if (src.startsWith('-}}', i + 1)) return { toks, end: i + 1 };
      i++;
      continue;
    }
    if (src.startsWith('}}', i)) return { toks, end: i };
    if (c === '|') {
      toks.push({ t: 'pipe' });
      i++;
    } else if (c === '(') {
      toks.push({ t: 'lparen' });
      i++;
    } else if (c === ')') {
      toks.push({ t: 'rparen' });
      i++;
      if (src[i] === '.') throw err('field access on a parenthesized pipeline is not supported');
    } else if (c === ',') {
      toks.push({ t: 'comma' });
      i++;
    } else if (src.startsWith(':=', i)) {
      toks.push({ t: 'declare' });
      i += 2;
    } else if (c === '=') {
      toks.push({ t: 'assign' });
      i++;
    } else if (c === '"') {
      let j = i + 1;
      let raw = '"';
      while (j < src.length && src[j] !== '"') {
        if (src[j] === '\\') raw += src[j++];
        raw += src[j++];
      }
      if (j >= src.length) throw err('unterminated string');
      raw += '"';
      toks.push({ t: 'str', v: JSON.parse(raw) as string });
      i = j + 1;
    } else if (c === '`') {
      const j = src.indexOf('`', i + 1);
      if (j < 0) throw err('unterminated raw string');
      toks.push({ t: 'str', v: src.slice(i + 1, j) });
      i = j + 1;
    } else if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(src.slice(i));
      const text = m![0];
      toks.push({ t: 'num', v: m![1] || m![2] ? Number(text) : BigInt(text) });
      i += text.length;
    } else if (c === '.') {
      if (/[A-Za-z_]/.test(src[i + 1] ?? '')) {
        toks.push({ t: 'field', path: readPath() });
      } else {
        toks.push({ t: 'field', path: [] });
        i++;
      }
    } else if (c === '$') {
      i++;
      let name = '';
      while (i < src.length && identChar.test(src[i]!)) name += src[i++];
      toks.push({ t: 'var', name, path: readPath() });
    } else if (/[A-Za-z_]/.test(c)) {
      let name = '';
      while (i < src.length && identChar.test(src[i]!)) name += src[i++];
      if (name === 'true' || name === 'false') toks.push({ t: 'bool', v: name === 'true' });
      else if (name === 'nil') toks.push({ t: 'nil' });
      else toks.push({ t: 'ident', v: name });
      if (src[i] === '.' && /[A-Za-z_]/.test(src[i + 1] ?? '')) throw err(`unexpected field after ${name}`);
    } else {
      throw err(`unexpected character ${JSON.stringify(c)}`);
    }
  }
}

function lex(src: string, file: string): Piece[] {
  const pieces: Piece[] = [];
  let i = 0;
  let trimNext = false;
  const lineAt = (pos: number) => src.slice(0, pos).split('\n').length;
  while (i < src.length) {
    const open = src.indexOf('{{', i);
    let text = open < 0 ? src.slice(i) : src.slice(i, open);
    if (trimNext) text = text.replace(/^\s+/, '');
    trimNext = false;
    if (open < 0) {
      pieces.push({ kind: 'text', text });
      break;
    }
    let j = open + 2;
    if (src[j] === '-' && /\s/.test(src[j + 1] ?? '')) {
      text = text.replace(/\s+$/, '');
      j += 2;
    }
    pieces.push({ kind: 'text', text });
    const line = lineAt(open);
    // Comments: {{/* ... */}} (with optional trim markers).
    const afterSpace = src.slice(j).replace(/^\s*/, '');
    if (afterSpace.startsWith('/*')) {
      const close = src.indexOf('*/', j);
      if (close < 0) throw new TemplateError(`${file}:${line}: unclosed comment`);
      let k = close + 2;
      const rest = src.slice(k);
      const m = /^(\s*-)?\s*\}\}/.exec(rest);
      if (!m) throw new TemplateError(`${file}:${line}: comment must end with */}}`);
      if (m[1]) trimNext = true;
      k += m[0].length;
      i = k;
      continue;
    }
    const { toks, end } = lexAction(src, j, line, file);
    if (src.startsWith('-}}', end)) {
      trimNext = true;
      i = end + 3;
    } else {
      i = end + 2;
    }
    pieces.push({ kind: 'action', toks, line });
  }
  return pieces;
}

/** The token lists of every action in a template, in order (for static checks). */
export function templateActions(src: string, file: string): { toks: Tok[]; line: number }[] {
  return lex(src, file).flatMap((p) => (p.kind === 'action' ? [{ toks: p.toks, line: p.line }] : []));
}

// ------------------------------------------------------------------------------------------------
// Parser.

type Operand =
  | { k: 'lit'; v: unknown }
  | { k: 'field'; path: string[] }
  | { k: 'var'; name: string; path: string[] }
  | { k: 'fn'; name: string }
  | { k: 'sub'; pipe: Pipeline };

interface Pipeline {
  decl: string[]; // variables declared (:=) or assigned (=)
  isAssign: boolean;
  cmds: Operand[][];
  line: number;
}

type Node =
  | { k: 'text'; text: string }
  | { k: 'action'; pipe: Pipeline }
  | { k: 'if'; branches: { pipe: Pipeline; body: Node[] }[]; otherwise: Node[] | null }
  | { k: 'with'; pipe: Pipeline; body: Node[]; otherwise: Node[] | null }
  | { k: 'range'; pipe: Pipeline; body: Node[]; otherwise: Node[] | null }
  | { k: 'template'; name: string; pipe: Pipeline | null; line: number };

function parsePipeline(toks: Tok[], line: number, file: string): Pipeline {
  let pos = 0;
  const err = (msg: string) => new TemplateError(`${file}:${line}: ${msg}`);
  const decl: string[] = [];
  let isAssign = false;
  // Declarations: $x := ..., $k, $v := ..., $x = ...
  const declEnd = toks.findIndex((t) => t.t === 'declare' || t.t === 'assign');
  if (declEnd > 0 && toks.slice(0, declEnd).every((t) => t.t === 'var' || t.t === 'comma')) {
    for (const t of toks.slice(0, declEnd)) if (t.t === 'var') decl.push(t.name);
    isAssign = toks[declEnd]!.t === 'assign';
    pos = declEnd + 1;
  }
  const parseCmds = (stopAtParen: boolean): Operand[][] => {
    const cmds: Operand[][] = [[]];
    while (pos < toks.length) {
      const t = toks[pos]!;
      const cmd = cmds[cmds.length - 1]!;
      if (t.t === 'rparen') {
        if (!stopAtParen) throw err('unexpected )');
        return cmds;
      }
      pos++;
      switch (t.t) {
        case 'pipe':
          if (cmd.length === 0) throw err('empty command before |');
          cmds.push([]);
          break;
        case 'lparen': {
          const inner = parseCmds(true);
          if (toks[pos]?.t !== 'rparen') throw err('missing )');
          pos++;
          cmd.push({ k: 'sub', pipe: { decl: [], isAssign: false, cmds: inner, line } });
          break;
        }
        case 'str':
          cmd.push({ k: 'lit', v: t.v });
          break;
        case 'num':
          cmd.push({ k: 'lit', v: t.v });
          break;
        case 'bool':
          cmd.push({ k: 'lit', v: t.v });
          break;
        case 'nil':
          cmd.push({ k: 'lit', v: null });
          break;
        case 'field':
          cmd.push({ k: 'field', path: t.path });
          break;
        case 'var':
          cmd.push({ k: 'var', name: t.name, path: t.path });
          break;
        case 'ident':
          cmd.push({ k: 'fn', name: t.v });
          break;
        default:
          throw err(`unexpected token ${t.t}`);
      }
    }
    if (stopAtParen) throw err('missing )');
    return cmds;
  };
  const cmds = parseCmds(false);
  if (cmds.some((c) => c.length === 0)) throw err('empty pipeline');
  return { decl, isAssign, cmds, line };
}

interface Parsed {
  nodes: Node[];
  defines: Map<string, Node[]>;
}

function parse(src: string, file: string): Parsed {
  const pieces = lex(src, file);
  const defines = new Map<string, Node[]>();
  let pos = 0;

  // Parses until one of the terminators; returns the nodes and the terminating keyword action.
  const parseList = (terms: string[]): { nodes: Node[]; term: string | null; rest: Tok[]; line: number } => {
    const nodes: Node[] = [];
    while (pos < pieces.length) {
      const p = pieces[pos++]!;
      if (p.kind === 'text') {
        if (p.text) nodes.push({ k: 'text', text: p.text });
        continue;
      }
      const head = p.toks[0];
      const kw = head?.t === 'ident' ? head.v : null;
      const err = (msg: string) => new TemplateError(`${file}:${p.line}: ${msg}`);
      if (kw && terms.includes(kw)) return { nodes, term: kw, rest: p.toks.slice(1), line: p.line };
      if (kw === 'end' || kw === 'else') throw err(`unexpected {{ ${kw} }}`);
      if (kw === 'if') {
        const branches: { pipe: Pipeline; body: Node[] }[] = [];
        let cond = parsePipeline(p.toks.slice(1), p.line, file);
        let otherwise: Node[] | null = null;
        for (;;) {
          const r = parseList(['else', 'end']);
          branches.push({ pipe: cond, body: r.nodes });
          if (r.term === 'end') break;
          if (r.term === null) throw err('unclosed if');
          if (r.rest[0]?.t === 'ident' && r.rest[0].v === 'if') {
            cond = parsePipeline(r.rest.slice(1), r.line, file);
            continue;
          }
          if (r.rest.length) throw err('only `else if` may follow else');
          const e = parseList(['end']);
          if (e.term !== 'end') throw err('unclosed if/else');
          otherwise = e.nodes;
          break;
        }
        nodes.push({ k: 'if', branches, otherwise });
      } else if (kw === 'with' || kw === 'range') {
        const pipe = parsePipeline(p.toks.slice(1), p.line, file);
        const r = parseList(['else', 'end']);
        let otherwise: Node[] | null = null;
        if (r.term === null) throw err(`unclosed ${kw}`);
        if (r.term === 'else') {
          if (r.rest.length) throw err(`else with a pipeline after ${kw} is not supported`);
          const e = parseList(['end']);
          if (e.term !== 'end') throw err(`unclosed ${kw}/else`);
          otherwise = e.nodes;
        }
        nodes.push({ k: kw, pipe, body: r.nodes, otherwise });
      } else if (kw === 'define') {
        const name = p.toks[1];
        if (name?.t !== 'str') throw err('define needs a name');
        const r = parseList(['end']);
        if (r.term !== 'end') throw err(`unclosed define ${name.v}`);
        defines.set(name.v, r.nodes);
      } else if (kw === 'template') {
        const name = p.toks[1];
        if (name?.t !== 'str') throw err('template needs a name');
        const rest = p.toks.slice(2);
        nodes.push({
          k: 'template',
          name: name.v,
          pipe: rest.length ? parsePipeline(rest, p.line, file) : null,
          line: p.line,
        });
      } else if (kw === 'block' || kw === 'break' || kw === 'continue') {
        throw err(`{{ ${kw} }} is not supported by this renderer`);
      } else {
        nodes.push({ k: 'action', pipe: parsePipeline(p.toks, p.line, file) });
      }
    }
    return { nodes, term: null, rest: [], line: 0 };
  };

  const top = parseList([]);
  return { nodes: top.nodes, defines };
}

// ------------------------------------------------------------------------------------------------
// Evaluation.

type Scope = Map<string, unknown>[];

interface State {
  file: string;
  root: unknown;
  scopes: Scope;
}

export interface RenderContext {
  Values: Dict;
  Release: Dict;
  Chart: Dict;
  Capabilities: Dict;
  Template: Dict;
}

export class ChartRenderer {
  private readonly defines = new Map<string, Node[]>();
  private readonly files = new Map<string, Node[]>();
  private includeDepth = 0;

  /** files: path (e.g. gpu-assistant/templates/deployment.yaml) -> template source. */
  constructor(files: Record<string, string>) {
    for (const [path, src] of Object.entries(files)) {
      const parsed = parse(src, path);
      this.files.set(path, parsed.nodes);
      for (const [name, body] of parsed.defines) {
        if (this.defines.has(name)) throw new TemplateError(`template ${name} defined twice`);
        this.defines.set(name, body);
      }
    }
  }

  /** Renders one file (by its path) with the given top-level context. */
  render(path: string, ctx: RenderContext): string {
    const nodes = this.files.get(path);
    if (!nodes) throw new TemplateError(`no template file ${path}`);
    const root = { ...ctx, Template: { ...ctx.Template, Name: path } };
    const out = this.exec(nodes, root, { file: path, root, scopes: [new Map([['', root]])] });
    return out.replace(/<no value>/g, '');
  }

  private exec(nodes: Node[], dot: unknown, st: State): string {
    let out = '';
    st.scopes.push(new Map());
    try {
      for (const n of nodes) out += this.execNode(n, dot, st);
    } finally {
      st.scopes.pop();
    }
    return out;
  }

  private execNode(n: Node, dot: unknown, st: State): string {
    switch (n.k) {
      case 'text':
        return n.text;
      case 'action': {
        const v = this.evalPipeline(n.pipe, dot, st);
        return n.pipe.decl.length ? '' : goString(v);
      }
      case 'if': {
        for (const b of n.branches) {
          if (truthy(this.evalPipeline(b.pipe, dot, st))) return this.exec(b.body, dot, st);
        }
        return n.otherwise ? this.exec(n.otherwise, dot, st) : '';
      }
      case 'with': {
        st.scopes.push(new Map());
        try {
          const v = this.evalPipeline(n.pipe, dot, st);
          if (truthy(v)) return this.exec(n.body, v, st);
          return n.otherwise ? this.exec(n.otherwise, dot, st) : '';
        } finally {
          st.scopes.pop();
        }
      }
      case 'range': {
        const { decl } = n.pipe;
        const v = this.evalPipeline({ ...n.pipe, decl: [] }, dot, st);
        const items: [unknown, unknown][] = [];
        if (Array.isArray(v)) v.forEach((e, i) => items.push([BigInt(i), e]));
        else if (isDict(v)) for (const k of Object.keys(v).sort()) items.push([k, v[k]]);
        else if (typeof v === 'bigint') for (let i = 0n; i < v; i++) items.push([i, i]);
        else if (v !== undefined && v !== null)
          throw new TemplateError(`${st.file}:${n.pipe.line}: range can't iterate over ${goString(v)}`);
        if (items.length === 0) return n.otherwise ? this.exec(n.otherwise, dot, st) : '';
        let out = '';
        for (const [key, elem] of items) {
          const scope = new Map<string, unknown>();
          if (decl.length === 1) scope.set(decl[0]!, elem);
          if (decl.length === 2) {
            scope.set(decl[0]!, key);
            scope.set(decl[1]!, elem);
          }
          st.scopes.push(scope);
          try {
            out += this.exec(n.body, elem, st);
          } finally {
            st.scopes.pop();
          }
        }
        return out;
      }
      case 'template': {
        const data = n.pipe ? this.evalPipeline(n.pipe, dot, st) : undefined;
        return this.include(n.name, data, st);
      }
    }
  }

  private include(name: string, data: unknown, st: State): string {
    const body = this.defines.get(name) ?? this.files.get(name);
    if (!body) throw new TemplateError(`${st.file}: no template "${name}"`);
    if (++this.includeDepth > 100) throw new TemplateError(`include depth exceeded at ${name}`);
    try {
      return this.exec(body, data, { file: name, root: data, scopes: [new Map([['', data]])] });
    } finally {
      this.includeDepth--;
    }
  }

  private evalPipeline(p: Pipeline, dot: unknown, st: State): unknown {
    let value: unknown;
    let piped = false;
    for (const cmd of p.cmds) {
      value = this.evalCommand(cmd, dot, st, piped ? [value] : [], p.line);
      piped = true;
    }
    if (p.decl.length === 1) {
      const name = p.decl[0]!;
      if (p.isAssign) {
        const scope = [...st.scopes].reverse().find((s) => s.has(name));
        if (!scope) throw new TemplateError(`${st.file}:${p.line}: undefined variable $${name}`);
        scope.set(name, value);
      } else {
        st.scopes[st.scopes.length - 1]!.set(name, value);
      }
    } else if (p.decl.length > 1) {
      throw new TemplateError(`${st.file}:${p.line}: too many declarations outside range`);
    }
    return value;
  }

  private lookupVar(name: string, st: State, line: number): unknown {
    for (let i = st.scopes.length - 1; i >= 0; i--) {
      const s = st.scopes[i]!;
      if (s.has(name)) return s.get(name);
    }
    throw new TemplateError(`${st.file}:${line}: undefined variable $${name}`);
  }

  private field(base: unknown, path: string[], st: State, line: number, what: string): unknown {
    let v = base;
    let trail = what;
    for (const key of path) {
      if (v === undefined || v === null) {
        throw new TemplateError(`${st.file}:${line}: nil pointer evaluating ${trail}.${key}`);
      }
      if (!isDict(v))
        throw new TemplateError(`${st.file}:${line}: can't evaluate field ${key} in ${trail} (${kindOf(v)})`);
      v = v[key];
      trail += `.${key}`;
    }
    return v;
  }

  private evalOperand(o: Operand, dot: unknown, st: State, line: number): unknown {
    switch (o.k) {
      case 'lit':
        return o.v;
      case 'field':
        return this.field(dot, o.path, st, line, '');
      case 'var':
        return this.field(this.lookupVar(o.name, st, line), o.path, st, line, `$${o.name}`);
      case 'sub':
        return this.evalPipeline(o.pipe, dot, st);
      case 'fn':
        return this.call(o.name, [], [], dot, st, line);
    }
  }

  private evalCommand(cmd: Operand[], dot: unknown, st: State, piped: unknown[], line: number): unknown {
    const [head, ...args] = cmd;
    if (!head) throw new TemplateError(`${st.file}:${line}: empty command`);
    if (head.k === 'fn') return this.call(head.name, args, piped, dot, st, line);
    if (args.length || piped.length) {
      throw new TemplateError(`${st.file}:${line}: can't give argument to non-function`);
    }
    return this.evalOperand(head, dot, st, line);
  }

  private call(name: string, argOps: Operand[], piped: unknown[], dot: unknown, st: State, line: number): unknown {
    const err = (msg: string) => new TemplateError(`${st.file}:${line}: ${name}: ${msg}`);
    // and/or short-circuit like Go 1.18+.
    if (name === 'and' || name === 'or') {
      const thunks = [...argOps.map((o) => () => this.evalOperand(o, dot, st, line)), ...piped.map((v) => () => v)];
      if (thunks.length < 1) throw err('needs arguments');
      let last: unknown;
      for (const t of thunks) {
        last = t();
        if (name === 'and' ? !truthy(last) : truthy(last)) return last;
      }
      return last;
    }
    const a = [...argOps.map((o) => this.evalOperand(o, dot, st, line)), ...piped];
    const need = (n: number) => {
      if (a.length !== n) throw err(`wants ${n} argument(s), got ${a.length}`);
    };
    const str = (v: unknown) => goString(v);
    switch (name) {
      case 'include':
      case 'template':
        need(2);
        return this.include(str(a[0]), a[1], st);
      case 'toYaml':
        need(1);
        return toYaml(a[0]);
      case 'toJson':
        need(1);
        return JSON.stringify(a[0] ?? null, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v));
      case 'indent':
      case 'nindent': {
        need(2);
        const pad = ' '.repeat(Number(toInt(a[0])));
        const body = pad + str(a[1]).replace(/\n/g, `\n${pad}`);
        return name === 'nindent' ? `\n${body}` : body;
      }
      case 'quote':
        return a
          .filter((v) => v !== undefined && v !== null)
          .map((v) => JSON.stringify(str(v)))
          .join(' ');
      case 'squote':
        return a
          .filter((v) => v !== undefined && v !== null)
          .map((v) => `'${str(v)}'`)
          .join(' ');
      case 'default':
        if (a.length < 1 || a.length > 2) throw err('wants 1 or 2 arguments');
        return a.length === 1 || isEmpty(a[1]) ? a[0] : a[1];
      case 'empty':
        need(1);
        return isEmpty(a[0]);
      case 'required':
        need(2);
        if (a[1] === undefined || a[1] === null || a[1] === '') throw new TemplateError(str(a[0]));
        return a[1];
      case 'fail':
        need(1);
        throw new TemplateError(`${st.file}:${line}: fail: ${str(a[0])}`);
      case 'printf':
        if (a.length < 1) throw err('needs a format');
        return sprintf(str(a[0]), a.slice(1));
      case 'print': {
        let out = '';
        a.forEach((v, i) => {
          const prev = a[i - 1];
          if (i > 0 && typeof v !== 'string' && typeof prev !== 'string') out += ' ';
          out += str(v);
        });
        return out;
      }
      case 'toString':
        need(1);
        return str(a[0]);
      case 'trunc': {
        need(2);
        const n = Number(toInt(a[0]));
        const s = str(a[1]);
        if (n >= 0) return s.length > n ? s.slice(0, n) : s;
        return s.length > -n ? s.slice(s.length + n) : s;
      }
      case 'trimSuffix':
        need(2);
        return str(a[1]).endsWith(str(a[0])) && str(a[0]) ? str(a[1]).slice(0, -str(a[0]).length) : str(a[1]);
      case 'trimPrefix':
        need(2);
        return str(a[1]).startsWith(str(a[0])) ? str(a[1]).slice(str(a[0]).length) : str(a[1]);
      case 'trim':
        need(1);
        return str(a[0]).trim();
      case 'replace':
        need(3);
        return str(a[2]).split(str(a[0])).join(str(a[1]));
      case 'contains':
        need(2);
        return str(a[1]).includes(str(a[0]));
      case 'hasPrefix':
        need(2);
        return str(a[1]).startsWith(str(a[0]));
      case 'hasSuffix':
        need(2);
        return str(a[1]).endsWith(str(a[0]));
      case 'lower':
        need(1);
        return str(a[0]).toLowerCase();
      case 'upper':
        need(1);
        return str(a[0]).toUpperCase();
      case 'join': {
        need(2);
        const list = a[1];
        if (!Array.isArray(list)) throw err('second argument must be a list');
        return list.map(str).join(str(a[0]));
      }
      case 'int':
      case 'int64':
        need(1);
        return toInt(a[0]);
      case 'float64':
        need(1);
        return toFloat(a[0]);
      case 'add':
        return a.reduce<bigint>((s, v) => s + toInt(v), 0n);
      case 'mul':
        return a.reduce<bigint>((s, v) => s * toInt(v), 1n);
      case 'sub':
        need(2);
        return toInt(a[0]) - toInt(a[1]);
      case 'div': {
        need(2);
        const d = toInt(a[1]);
        if (d === 0n) throw err('integer divide by zero');
        return toInt(a[0]) / d;
      }
      case 'max':
        return a.map(toInt).reduce((m, v) => (v > m ? v : m));
      case 'min':
        return a.map(toInt).reduce((m, v) => (v < m ? v : m));
      case 'eq':
        if (a.length < 2) throw err('needs 2 arguments');
        return a.slice(1).some((b) => goEq(a[0], b));
      case 'ne':
        need(2);
        return !goEq(a[0], a[1]);
      case 'lt':
        need(2);
        return goLess(a[0], a[1]);
      case 'le':
        need(2);
        return goLess(a[0], a[1]) || goEq(a[0], a[1]);
      case 'gt':
        need(2);
        return goLess(a[1], a[0]);
      case 'ge':
        need(2);
        return goLess(a[1], a[0]) || goEq(a[0], a[1]);
      case 'not':
        need(1);
        return !truthy(a[0]);
      case 'ternary':
        need(3);
        return truthy(a[2]) ? a[0] : a[1];
      case 'hasKey': {
        need(2);
        const m = a[0];
        return isDict(m) && Object.prototype.hasOwnProperty.call(m, str(a[1]));
      }
      case 'list':
        return a;
      case 'dict': {
        const d: Dict = {};
        for (let i = 0; i < a.length; i += 2) d[str(a[i])] = a[i + 1];
        return d;
      }
      case 'len': {
        need(1);
        const v = a[0];
        if (typeof v === 'string' || Array.isArray(v)) return BigInt(v.length);
        if (isDict(v)) return BigInt(Object.keys(v).length);
        throw err(`len of ${kindOf(v)}`);
      }
      case 'index': {
        let v = a[0];
        for (const k of a.slice(1)) {
          if (Array.isArray(v)) v = v[Number(toInt(k))];
          else if (isDict(v)) v = v[str(k)];
          else throw err(`can't index ${kindOf(v)}`);
        }
        return v;
      }
      case 'kindIs': {
        need(2);
        const v = a[1];
        const kind = Array.isArray(v) ? 'slice' : isDict(v) ? 'map' : kindOf(v) === 'float' ? 'float64' : kindOf(v);
        return str(a[0]) === kind;
      }
      case 'sha256sum':
        need(1);
        return createHash('sha256').update(str(a[0])).digest('hex');
      case 'b64enc':
        need(1);
        return Buffer.from(str(a[0])).toString('base64');
      default:
        throw err('function not defined');
    }
  }
}

/** Helm's values merge: maps merge recursively, anything else (lists too) is replaced; null deletes. */
export function mergeValues(base: unknown, override: unknown): unknown {
  if (!isDict(base) || !isDict(override)) return override === undefined ? base : override;
  const out: Dict = { ...base };
  for (const [k, v] of Object.entries(override)) {
    if (v === null) delete out[k];
    else out[k] = mergeValues(out[k], v);
  }
  return out;
}
