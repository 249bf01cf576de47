import { Engine, type EngineOptions } from '../engine.js';
import type { IndexProgress, IndexReport } from '../index/build.js';
import type { CliContext } from './io.js';

/** Opens the engine with its warnings and index progress on stderr. */
export function openEngine(ctx: CliContext, options: EngineOptions = {}): Promise<Engine> {
  return Engine.open(ctx.config, {
    log: { info: (m) => ctx.err(m), warn: (m) => ctx.err(`Warning: ${m}`) },
    onProgress: progressPrinter(ctx),
    ...options,
  });
}

export function progressPrinter(ctx: CliContext): (progress: IndexProgress) => void {
  return ({ phase, done, total }) => {
    if (phase === 'embedding') ctx.err(`  embedding chunks: ${done}/${total}`);
    else if (done === 0) ctx.err('  writing the index…');
  };
}

export function describeReport(report: IndexReport): string {
  const changes = `added ${report.added.length}, updated ${report.updated.length}, removed ${report.removed.length}, unchanged ${report.unchanged}`;
  const skipped = report.problems.length ? `; skipped ${report.problems.length} unreadable file(s)` : '';
  return report.written
    ? `Index updated: ${changes}; ${report.chunks} chunks${skipped}.`
    : `Index already up to date (${report.unchanged} articles, ${report.chunks} chunks)${skipped}.`;
}
