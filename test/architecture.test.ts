/**
 * Boundaries checked, not hoped for:
 * - manifest.yml's slash commands and bot events are exactly what
 *   registerListeners registers (a command in one but not the other is a
 *   command that silently never answers);
 * - src/core is pure: it imports only core files and pure libraries,
 *   never reads the clock or Math.random, and never names a Slack command or
 *   CLI flag (remedies are actions; the transports say how to act on them),
 *   and none of its strings reads as a sentence (words live in phrases/);
 * - the unit project starts no child process.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { type ListenerDeps, registerListeners } from '../src/slack/listeners/index.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORE = join(ROOT, 'src', 'core');
const PURE_PACKAGES = new Set(['zod', 'simple-statistics', 'ml-kmeans', 'ml-matrix']);

/** The few manifest facts checked here, read without a YAML library: list items under a key. */
function manifestList(key: string, field?: string): string[] {
  const lines = readFileSync(join(ROOT, 'manifest.yml'), 'utf8').split('\n');
  const start = lines.findIndex((line) => line.trim() === `${key}:`);
  if (start < 0) return [];
  const indent = lines[start]!.search(/\S/);
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (line.search(/\S/) <= indent) break;
    const match = field
      ? line.match(new RegExp(`^\\s*-?\\s*${field}:\\s*(\\S+)`))
      : line.match(/^\s*-\s*(\S+)/);
    if (match) items.push(match[1]!.replace(/^["']|["']$/g, ''));
  }
  return items;
}

function registered() {
  const commands: string[] = [];
  const events: string[] = [];
  const actions: string[] = [];
  const recorder = {
    command: (name: unknown) => void commands.push(String(name)),
    event: (name: unknown) => void events.push(String(name)),
    action: () => void actions.push('action'),
  };
  registerListeners(recorder as never, {} as ListenerDeps);
  return { commands, events, actions };
}

describe('manifest.yml and the registered listeners', () => {
  it('declare the same slash commands', () => {
    expect(manifestList('slash_commands', 'command').sort()).toEqual(registered().commands.sort());
  });

  it('agree on events: every subscription has a listener and every listener a subscription', () => {
    const subscribed = manifestList('bot_events');
    expect(subscribed.length).toBeGreaterThan(0);
    // message.channels / message.groups / message.im all arrive as the `message` event.
    const types = [...new Set(subscribed.map((event) => event.split('.')[0]!))].sort();
    expect(types).toEqual([...new Set(registered().events)].sort());
  });

  it('enables interactivity exactly when buttons have a listener', () => {
    const manifest = readFileSync(join(ROOT, 'manifest.yml'), 'utf8');
    const enabled = /interactivity:\n(?:\s*#.*\n)*\s*is_enabled: true/.test(manifest);
    expect(enabled).toBe(registered().actions.length > 0);
  });

  it('asks for the scopes those events and the bot’s Web API calls need', () => {
    const scopes = manifestList('bot');
    for (const scope of ['commands', 'chat:write', 'files:read', 'files:write', 'channels:history']) {
      expect(scopes).toContain(scope);
    }
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const withoutComments = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

function importsOf(code: string): string[] {
  const found = code.matchAll(
    /(?:^|\s)(?:import|export)\s(?:[^'";]*?\sfrom\s)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]/gm,
  );
  return [...found].map((m) => m[1] ?? m[2] ?? '');
}

/** Lowercase words of two letters or more: what a sentence has many of and a label few. */
const lowercaseWords = (text: string) =>
  text
    .split(/\s+/)
    .map((token) => token.replace(/^[("'‘“]+|[)"'’”.,;:!?]+$/g, ''))
    .filter((word) => /^[a-z][a-z'’-]*[a-z]$/.test(word));

/** String and template literals of the code (a template's parts joined by ` # `) with 4+ lowercase words, bug errors aside. */
function sentencesOf(code: string): string[] {
  const found: string[] = [];
  const isBugError = (node: ts.Node) =>
    ts.isNewExpression(node.parent) && /^(?:Range|Type)?Error$/.test(node.parent.expression.getText());
  const visit = (node: ts.Node): void => {
    let text: string | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateExpression(node))
      text = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' # ');
    if (text !== undefined && !ts.isImportDeclaration(node.parent) && !isBugError(node)) {
      if (lowercaseWords(text).length > 3) found.push(text);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile('core.ts', code, ts.ScriptTarget.Latest, true));
  return found;
}

const sentencesIn = (file: string) => sentencesOf(readFileSync(file, 'utf8'));

describe('src/core is pure', () => {
  const files = sourceFiles(CORE);

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('imports only core files and pure libraries', () => {
    const offences = files.flatMap((file) =>
      importsOf(withoutComments(readFileSync(file, 'utf8')))
        .filter((spec) =>
          spec.startsWith('.')
            ? relative(CORE, resolve(dirname(file), spec)).startsWith('..')
            : !PURE_PACKAGES.has(spec.split('/')[0]!),
        )
        .map((spec) => `${relative(ROOT, file)} imports ${spec}`),
    );
    expect(offences).toEqual([]);
  });

  it("never names a transport's command or flag: remedies are actions, words live in phrases/", () => {
    const offences = files.flatMap((file) => {
      const code = withoutComments(readFileSync(file, 'utf8')).replace(/^import .*$/gm, '');
      return /\/segment\b|['"`]--[a-z]|\s--(?:k|features|scale|data|out)\b/.test(code)
        ? [relative(ROOT, file)]
        : [];
    });
    expect(offences).toEqual([]);
  });

  it('writes no user sentence: no string in core holds more than 3 lowercase words', () => {
    // Labels (segment names, "more recent"), headers and codes pass; a description,
    // advice or refusal ("used to buy often, not lately") does not. Messages of
    // errors that are bugs (`new Error(…)`, never shown but as an error id) aside.
    const offences = files.flatMap((file) =>
      sentencesIn(file).map((text) => `${relative(ROOT, file)}: ${JSON.stringify(text)}`),
    );
    expect(offences).toEqual([]);
  });

  it('the sentence check finds a sentence, and passes labels, headers and bugs', () => {
    const found = sentencesOf(
      [
        "const a = { name: 'At risk', header: 'Annual Income (k$)', qualifier: 'more recent' };",
        `const b = \`\${n} customers with purchases is too few for segments\`;`,
        `if (x) throw new RangeError(\`k=\${k} needs at least k rows and more rows\`);`,
        "const code = 'feature_not_in_file';",
        "throw new InputError('too_few_customers', 'the customers have fewer than 3 profiles');",
        "const c = 'used to buy often, not lately';",
      ].join('\n'),
    );
    expect(found).toEqual([
      ' #  customers with purchases is too few for segments',
      'the customers have fewer than 3 profiles',
      'used to buy often, not lately',
    ]);
  });

  it('never reads the clock or Math.random (randomness is seeded, time is passed in)', () => {
    const offences = files.flatMap((file) => {
      const code = withoutComments(readFileSync(file, 'utf8'));
      return /\bMath\.random\b|\bDate\.now\b|\bperformance\.now\b|new Date\(\s*\)/.test(code)
        ? [relative(ROOT, file)]
        : [];
    });
    expect(offences).toEqual([]);
  });
});

/**
 * Imports point inward: edges → commands → charts → core. A layer may import
 * itself and anything listed for it; `import type` of the commands layer's
 * port types from the edges is the intended direction and allowed.
 */
const LAYERS: Record<string, string[]> = {
  // Core's codes in words (checks, the k choice, notes), for every transport.
  phrases: ['phrases', 'core', 'words.ts'],
  charts: ['charts', 'phrases', 'core', 'words.ts'],
  commands: ['commands', 'charts', 'phrases', 'core', 'words.ts'],
  report: ['report', 'commands', 'phrases', 'core', 'ingest', 'words.ts'],
  ingest: ['ingest', 'core', 'words.ts'],
  pipeline: ['pipeline', 'commands', 'charts', 'ingest', 'core', 'words.ts'],
  worker: ['worker', 'pipeline', 'store', 'commands', 'ingest', 'core', 'words.ts'],
  // The edges: each translates between one outside world and run(); none reaches into another edge.
  jobs: ['jobs', 'log.ts'],
  store: ['store', 'jobs', 'commands', 'core'],
  slack: ['slack', 'jobs', 'commands', 'words.ts', 'log.ts', 'metrics.ts', 'config.ts', 'service.ts'],
  // A transport over commands/: no core import, not even a type (the error model is commands/errors.ts).
  cli: ['cli', 'report', 'commands', 'pipeline', 'charts', 'ingest', 'log.ts'],
  playground: ['playground', 'slack', 'commands', 'main.ts'],
};

/**
 * ARCHITECTURE.md's layer table, read: folder (or top-level module) → what it
 * may import. The first clause of the "may import" cell counts ("…; never
 * core" is prose), parentheses are notes, and a bare module name (words, log)
 * means its file.
 */
function documentedLayers(): Map<string, string[]> {
  const text = readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8');
  const section = text.slice(text.indexOf('## Layers'), text.indexOf('\n## ', text.indexOf('## Layers') + 1));
  const rows = new Map<string, string[]>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 5 || !cells[1]!.startsWith('`')) continue;
    const layer = cells[1]!.replace(/`/g, '').replace(/\/$/, '');
    const allowed = cells[3]!
      .replace(/`/g, '')
      .split(';')[0]!
      .replace(/\([^)]*\)/g, '')
      .split(',')
      .map((item) => item.trim().split(/\s+/)[0]!)
      .filter(Boolean)
      .map((name) => (TOP_LEVEL_MODULES.has(`${name}.ts`) ? `${name}.ts` : name));
    rows.set(layer, allowed);
  }
  return rows;
}
const TOP_LEVEL_MODULES = new Set(readdirSync(join(ROOT, 'src')).filter((name) => name.endsWith('.ts')));

describe('ARCHITECTURE.md says what the layer test enforces', () => {
  const documented = documentedLayers();

  it('documents every folder of src/', () => {
    const folders = readdirSync(join(ROOT, 'src')).filter((name) =>
      statSync(join(ROOT, 'src', name)).isDirectory(),
    );
    expect(folders.filter((folder) => !documented.has(folder))).toEqual([]);
  });

  // A layer may always import itself; the table says so for some rows and not for others.
  const others = (layer: string, names: readonly string[]) => names.filter((n) => n !== layer).sort();
  for (const [layer, allowed] of Object.entries(LAYERS)) {
    it(`lists for ${layer}/ exactly what the test allows`, () => {
      expect(others(layer, documented.get(layer) ?? [])).toEqual(others(layer, allowed));
    });
  }

  it('names only files and folders that exist', () => {
    const text = readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8');
    const everyFile = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) =>
        statSync(join(dir, name)).isDirectory() ? everyFile(join(dir, name)) : [join(dir, name)],
      );
    const all = [...everyFile(join(ROOT, 'src')), ...everyFile(join(ROOT, 'test'))].map((f) =>
      relative(ROOT, f),
    );
    const named = [...text.matchAll(/`([A-Za-z0-9_./-]+)`/g)]
      .map((m) => m[1]!)
      .filter(
        (name) =>
          (name.includes('/') || name.endsWith('.ts')) && !name.startsWith('-') && !name.startsWith('/'),
      );
    expect(named.length).toBeGreaterThan(30);
    // "guard.ts" is read in its section's folder: any file whose path ends with the name will do
    // (a folder: any file under one of that name).
    const exists = (name: string) =>
      [name, `src/${name}`, `test/${name}`].some((p) => existsSync(join(ROOT, p))) ||
      all.some((file) => (name.endsWith('/') ? file.includes(`/${name}`) : file.endsWith(`/${name}`)));
    expect(named.filter((name) => !exists(name))).toEqual([]);
  });

  it('lets core import only core, and words.ts only core, as the table says', () => {
    expect(documented.get('core')).toEqual(['core']);
    expect(documented.get('words.ts')).toEqual(['core']);
    const targets = importsOf(withoutComments(readFileSync(join(ROOT, 'src', 'words.ts'), 'utf8')))
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => relative(join(ROOT, 'src'), resolve(join(ROOT, 'src'), spec)).split(/[\\/]/)[0]!);
    expect(targets.filter((target) => target !== 'core')).toEqual([]);
  });
});

/** Analysis runs only through the pipeline (and run()); an edge that called core's entry points would be a second path. */
const ANALYSIS_ENTRY_POINTS = ['core/analyze.ts', 'core/model.ts', 'core/rfm/analyze.ts'];
const EDGES = ['slack', 'cli', 'store', 'jobs', 'playground', 'report'];

describe('layers import inward', () => {
  for (const [layer, allowed] of Object.entries(LAYERS)) {
    it(`src/${layer} imports only ${allowed.join(', ')}`, () => {
      const dir = join(ROOT, 'src', layer);
      const offences = sourceFiles(dir).flatMap((file) =>
        importsOf(withoutComments(readFileSync(file, 'utf8')))
          .filter((spec) => spec.startsWith('.'))
          .map((spec) => relative(join(ROOT, 'src'), resolve(dirname(file), spec)).split(/[\\/]/)[0]!)
          .filter((target) => !allowed.includes(target))
          .map((target) => `${relative(ROOT, file)} imports src/${target}`),
      );
      expect(offences).toEqual([]);
    });
  }
});

describe('the edges never run an analysis themselves', () => {
  it(`no file in ${EDGES.join(', ')} imports ${ANALYSIS_ENTRY_POINTS.join(', ')} (type imports aside)`, () => {
    const offences = EDGES.flatMap((edge) =>
      sourceFiles(join(ROOT, 'src', edge)).flatMap((file) =>
        [
          ...withoutComments(readFileSync(file, 'utf8')).matchAll(
            /^import\s(?!type\s)[^;]*?from\s['"]([^'"]+)['"]/gm,
          ),
        ]
          .map((m) => relative(join(ROOT, 'src'), resolve(dirname(file), m[1]!)))
          .filter((target) => ANALYSIS_ENTRY_POINTS.includes(target))
          .map((target) => `${relative(ROOT, file)} imports src/${target}`),
      ),
    );
    expect(offences).toEqual([]);
  });
});

describe('the unit project starts no child process (test/support/no-processes.ts)', () => {
  it('refuses spawn and execFileSync, imported by name, saying where such a test belongs', () => {
    expect(() => spawn('node', ['--version'])).toThrow(/unit test: move the test to the e2e project/);
    expect(() => execFileSync('node', ['--version'])).toThrow(/child_process\.execFileSync/);
  });
});

/** Packages a module loads when it is imported: static value imports only (`import type` is erased; `import()` is lazy). */
function eagerPackages(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = withoutComments(readFileSync(file, 'utf8'));
    for (const m of code.matchAll(/^(?:import|export)\s(?!type\s)([^;]*?)\sfrom\s['"]([^'"]+)['"]/gm)) {
      const names = m[1]!;
      // `import { type A, type B } from` is erased too.
      if (
        /^\{[^}]*\}$/.test(names.trim()) &&
        names
          .replace(/[{}\s]/g, '')
          .split(',')
          .every((n) => n.startsWith('type'))
      )
        continue;
      const spec = m[2]!;
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec));
      else if (!spec.startsWith('node:'))
        packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  };
  visit(join(ROOT, 'src', entry));
  return packages;
}

describe('the CLI starts light', () => {
  it('loads no Slack, HTTP or rendering package before it knows the command (each costs start-up on every run)', () => {
    const heavy = [...eagerPackages('cli/main.ts')].filter((p) =>
      /^(@slack\/|express|undici|axios|vega|sharp|better-sqlite3|playwright)/.test(p),
    );
    expect(heavy).toEqual([]);
  });

  it('the import walk finds what a transport does load', () => {
    expect([...eagerPackages('slack/app.ts')]).toContain('@slack/bolt');
  });
});
