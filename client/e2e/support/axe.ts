// axe-core in the page (injected as a script tag: the context needs bypassCSP, since the
// app's nonce CSP refuses injected scripts), WCAG 2.1 A/AA rules plus best practices, colour
// contrast included. Results are summarized per page for the suite's report.
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults, ImpactValue, Result } from 'axe-core';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export interface AxeSummary {
  page: string;
  width: number;
  violations: Result[];
  counts: Record<ImpactValue, number>;
  /** Serious and critical: what the suite refuses. */
  blocking: Result[];
}

export async function runAxe(page: Page, name: string, width: number): Promise<AxeSummary> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  const results = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run(ctx: Document, o: unknown): Promise<AxeResults> } }).axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      }),
    TAGS,
  );
  const counts: Record<ImpactValue, number> = { minor: 0, moderate: 0, serious: 0, critical: 0 };
  for (const v of results.violations) counts[v.impact ?? 'minor'] += v.nodes.length;
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  return { page: name, width, violations: results.violations, counts, blocking };
}

/** One line per page, then the detail of every violation (rule, impact, where). */
export function formatAxeReport(summaries: AxeSummary[]): string {
  const lines = [
    'axe-core results (nodes by impact):',
    'page                   width  critical serious moderate minor',
  ];
  for (const s of summaries) {
    const c = s.counts;
    lines.push(
      `${s.page.padEnd(22)} ${String(s.width).padStart(5)}  ${String(c.critical).padStart(8)} ${String(c.serious).padStart(7)} ${String(c.moderate).padStart(8)} ${String(c.minor).padStart(5)}`,
    );
  }
  for (const s of summaries) {
    for (const v of s.violations) {
      const where = v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ');
      lines.push(`  ${s.page}@${s.width} ${v.impact}: ${v.id} (${v.nodes.length}) ${where}`);
    }
  }
  return lines.join('\n');
}
