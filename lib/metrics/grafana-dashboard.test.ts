// docs/grafana/webhook-console-dashboard.json may only use what /metrics serves: every metric
// its queries name, and every label they group by.
import { readFileSync } from "node:fs";
import path from "node:path";
import { collectDefaultMetrics, Registry } from "prom-client";
import { expect, it } from "vitest";
import { createConsoleMetrics } from "./console-metrics";
import { DATABASE_GAUGES } from "./database-gauges";

const DASHBOARD = path.resolve(__dirname, "../../docs/grafana/webhook-console-dashboard.json");

interface Panel {
  title: string;
  targets?: { expr: string }[];
}

/** Every series name /metrics can serve, with the labels it carries. */
function servedMetrics(): Map<string, Set<string>> {
  const registry = new Registry();
  createConsoleMetrics({ channelLabels: true, channelLabelLimit: 1 }, registry);
  collectDefaultMetrics({ register: registry });
  const served = new Map<string, Set<string>>();
  for (const metric of registry.getMetricsAsArray()) {
    const { name, labelNames = [] } = metric as unknown as { name: string; labelNames?: string[] };
    const histogram = (metric as unknown as { type?: string }).type === "histogram";
    for (const series of histogram ? ["_bucket", "_sum", "_count"] : [""]) {
      served.set(
        `${name}${series}`,
        new Set([...labelNames, ...(series === "_bucket" ? ["le"] : [])]),
      );
    }
  }
  // Read from the database at scrape time (database-gauges.ts).
  for (const { name, labelNames } of DATABASE_GAUGES) served.set(name, new Set(labelNames));
  return served;
}

it("uses only metrics and labels that /metrics serves", () => {
  const dashboard = JSON.parse(readFileSync(DASHBOARD, "utf8")) as { panels: Panel[] };
  const served = servedMetrics();
  const exprs = dashboard.panels.flatMap((panel) =>
    (panel.targets ?? []).map((target) => ({ panel: panel.title, expr: target.expr })),
  );
  expect(exprs.length).toBeGreaterThan(5);
  const scrapeLabels = new Set(["job", "instance"]);
  for (const { panel, expr } of exprs) {
    const names = [...expr.matchAll(/\b((?:webhook_console|process|nodejs)_[a-z_]+)\b/g)].map(
      ([, name]) => name ?? "",
    );
    expect(names.length, `${panel}: ${expr}`).toBeGreaterThan(0);
    for (const name of names) expect(served.has(name), `${panel}: ${name}`).toBe(true);
    const labels = new Set(names.flatMap((name) => [...(served.get(name) ?? [])]));
    for (const [, list = ""] of expr.matchAll(/\bby \(([^)]*)\)/g)) {
      for (const label of list.split(",").map((part) => part.trim())) {
        expect(labels.has(label) || scrapeLabels.has(label), `${panel}: by ${label}`).toBe(true);
      }
    }
  }
});
