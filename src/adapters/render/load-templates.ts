// Reading and compiling templates/: strict mode, known helpers only, precompiled at start so a syntax
// error, an unknown helper or a missing partial fails the start rather than a morning digest.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { RenderError } from './errors.js';

/**
 * Strict mode checks only plain {{field}} lookups, not helper arguments ({{int qty}}, {{#if x}}),
 * so every helper, built-in ones too, refuses an undefined argument and names the field
 * (compiled with trackIds, so `options.ids` holds the paths). Null stays a legitimate "unknown".
 */
export function strictHelper(name: string, helper: Handlebars.HelperDelegate): Handlebars.HelperDelegate {
  return function (this: unknown, ...args: unknown[]) {
    const options = args.at(-1) as { ids?: unknown[] } | undefined;
    for (let i = 0; i < args.length - 1; i++) {
      if (args[i] === undefined) {
        const field = typeof options?.ids?.[i] === 'string' ? options.ids[i] : `argument ${i + 1}`;
        throw new RenderError(`{{${name}}}: "${field}" is missing`, { helper: name, field });
      }
    }
    return (helper as (...a: unknown[]) => unknown).apply(this, args);
  };
}

export function hbsFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return files;
  }
  for (const file of names.filter((f) => f.endsWith('.hbs')).sort()) {
    files.set(file.slice(0, -'.hbs'.length), readFileSync(path.join(dir, file), 'utf8'));
  }
  return files;
}

export function compileTemplate(
  env: typeof Handlebars,
  source: string,
  file: string,
  partials: ReadonlySet<string>,
) {
  const options = {
    strict: true,
    trackIds: true,
    noEscape: true,
    knownHelpersOnly: true,
    knownHelpers: Object.fromEntries(Object.keys(env.helpers).map((h) => [h, true])),
  };
  try {
    env.precompile(source, options);
    for (const partial of partialNames(env.parse(source))) {
      if (!partials.has(partial)) throw new Error(`unknown partial "${partial}"`);
    }
  } catch (err) {
    throw new RenderError(`template ${file} does not compile: ${(err as Error).message}`, { file });
  }
  return env.compile(source, options);
}

function partialNames(ast: hbs.AST.Program): string[] {
  const names: string[] = [];
  const visitor = new Handlebars.Visitor();
  const record = (node: { name: hbs.AST.PathExpression | hbs.AST.SubExpression }) => {
    if (node.name.type === 'PathExpression') names.push(node.name.original);
  };
  Object.assign(visitor, {
    PartialStatement: record,
    PartialBlockStatement: record,
  });
  visitor.accept(ast);
  return names;
}

export function pick<T>(record: Record<string, T>, keys: readonly string[]): Record<string, T> {
  return Object.fromEntries(keys.flatMap((k) => (record[k] ? [[k, record[k]]] : [])));
}
