/**
 * The machine-readable report of a `build` or `check` run: the one shape the
 * `json` reporter prints, the `github` reporter's step summary is made from,
 * and the GitLab code-quality converter reads. Defined once, here, as a zod
 * schema; documented in docs/ci.md. Paths are relative to the repository root
 * (`GITHUB_WORKSPACE`, else git's top level, else the project folder).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { compare, dedupe, type Diagnostic } from '../util/diagnostics.ts';
import type { LinkStats } from '../linkcheck/links.ts';
import type { CompileStats } from '../engine/compile-pages.ts';

/** Bump the number when a field changes meaning or goes away; adding an optional field keeps it. */
export const REPORT_FORMAT = 'versioned-docs/report@1';

const count = z.number().int().min(0);

export const reportDiagnosticSchema = z.object({
  severity: z.enum(['error', 'warning']),
  /** What part of the build found it: config, changelog, content, render, link, output, baseline (or `other`). */
  kind: z.string(),
  /** Relative to the repository root when the file exists there; else as the build named it (`site chrome`, `changelog`). */
  file: z.string(),
  /** Whether `file` is a file of the repository (annotations can point at it). */
  inRepository: z.boolean(),
  /** 1-based; 0: the whole file. */
  line: count,
  /** 1-based; 0: unknown. */
  column: count,
  message: z.string(),
  excerpt: z.string().optional(),
  hint: z.string().optional(),
  /** The git ref the file was read from, for a build from git refs. */
  ref: z.string().optional(),
});

export const reportSchema = z.object({
  format: z.literal(REPORT_FORMAT),
  command: z.enum(['build', 'check']),
  /** No errors: the build wrote its output (or the check passed). */
  ok: z.boolean(),
  diagnostics: z.array(reportDiagnosticSchema),
  counts: z.object({
    errors: count,
    warnings: count,
    /** Per kind, errors and warnings. */
    byKind: z.record(z.string(), z.object({ errors: count, warnings: count })),
  }),
  /** Docs versions built (ids), newest first as the site lists them. */
  versions: z.array(z.string()),
  /** Pages built, over every version (the `latest/` copy not counted). */
  pages: count,
  /** The link check's figures; absent when the build stopped before it. */
  links: z
    .object({ pages: count, links: count, internal: count, anchors: count, external: count, skipped: count, broken: count })
    .optional(),
  /** The link baseline, when one was named. */
  baseline: z
    .object({ file: z.string(), accepted: count, unused: count, updated: z.boolean() })
    .optional(),
  /** Milliseconds per phase (pipeline, astro, check, search, swap; check alone for `check`). */
  timings: z.record(z.string(), z.number().min(0)),
  /** Page compiles: how many pages, how many came from the cache, and the slowest compiled pages. */
  compile: z
    .object({
      pages: count,
      cached: count,
      compiled: count,
      threads: count,
      slowest: z.array(z.object({ file: z.string(), ms: z.number().min(0) })).max(10),
    })
    .optional(),
  durationMs: z.number().min(0),
});

export type Report = z.infer<typeof reportSchema>;
export type ReportDiagnostic = z.infer<typeof reportDiagnosticSchema>;

/** The repository root diagnostics are made relative to. */
export function repositoryRoot(projectDir: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.GITHUB_WORKSPACE) return path.resolve(env.GITHUB_WORKSPACE);
  try {
    return execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: projectDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return projectDir;
  }
}

export interface ReportInput {
  command: Report['command'];
  diagnostics: readonly Diagnostic[];
  projectDir: string;
  repoRoot: string;
  versions?: readonly string[];
  pages?: number;
  links?: LinkStats;
  baseline?: Report['baseline'];
  timings?: Record<string, number>;
  compile?: CompileStats;
  durationMs: number;
}

export function makeReport(input: ReportInput): Report {
  const diagnostics = dedupe(input.diagnostics).sort(compare).map((d) => toReportDiagnostic(d, input.projectDir, input.repoRoot));
  const byKind: Report['counts']['byKind'] = {};
  for (const d of diagnostics) {
    const k = (byKind[d.kind] ??= { errors: 0, warnings: 0 });
    if (d.severity === 'error') k.errors++;
    else k.warnings++;
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const compile = input.compile;
  return {
    format: REPORT_FORMAT,
    command: input.command,
    ok: errors === 0,
    diagnostics,
    counts: { errors, warnings: diagnostics.length - errors, byKind },
    versions: [...(input.versions ?? [])],
    pages: input.pages ?? 0,
    ...(input.links ? { links: { ...input.links } } : {}),
    ...(input.baseline ? { baseline: input.baseline } : {}),
    timings: { ...(input.timings ?? {}) },
    ...(compile
      ? {
          compile: {
            pages: compile.pages,
            cached: compile.cached,
            compiled: compile.pages - compile.cached,
            threads: compile.threads,
            slowest: Object.entries(compile.times)
              .map(([file, ms]) => ({ file: repoPath(file, input.projectDir, input.repoRoot).file, ms }))
              .sort((a, b) => b.ms - a.ms || (a.file < b.file ? -1 : 1))
              .slice(0, 10),
          },
        }
      : {}),
    durationMs: Math.round(input.durationMs),
  };
}

/**
 * A diagnostic's file relative to the repository root, when it is a file there. A file read from a
 * git ref (`ref` set) is the file in that ref: it need not exist in the working tree.
 */
function repoPath(file: string, projectDir: string, repoRoot: string, ref?: string): { file: string; inRepository: boolean } {
  const absolute = path.resolve(projectDir, file);
  const relative = path.relative(repoRoot, absolute);
  if ((!ref && !existsSync(absolute)) || relative.startsWith('..') || path.isAbsolute(relative)) return { file, inRepository: false };
  return { file: relative.split(path.sep).join('/'), inRepository: true };
}

function toReportDiagnostic(d: Diagnostic, projectDir: string, repoRoot: string): ReportDiagnostic {
  return {
    severity: d.severity,
    kind: d.kind ?? 'other',
    ...repoPath(d.file, projectDir, repoRoot, d.ref),
    line: d.line,
    column: d.column,
    message: d.message,
    ...(d.excerpt !== undefined ? { excerpt: d.excerpt } : {}),
    ...(d.hint !== undefined ? { hint: d.hint } : {}),
    ...(d.ref !== undefined ? { ref: d.ref } : {}),
  };
}
