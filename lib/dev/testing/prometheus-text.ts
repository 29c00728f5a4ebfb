// Reading a scrape's samples back, for the tests of /metrics: Prometheus's text format, one
// sample per line (`name{label="value",…} value`), comments skipped.

export type Samples = ReadonlyMap<string, number>;

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** A sample's key: its name and its labels, sorted by name. */
export function sampleKey(name: string, labels: Readonly<Record<string, string>> = {}): string {
  const sorted = Object.entries(labels).sort(([a], [b]) => a.localeCompare(b));
  return `${name}{${sorted.map(([label, value]) => `${label}=${JSON.stringify(value)}`).join(",")}}`;
}

export function parsePrometheusText(text: string): Samples {
  const samples = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const match = SAMPLE.exec(line);
    if (!match) throw new Error(`not a sample: ${line}`);
    const [, name = "", labelText = "", value = ""] = match;
    const labels: Record<string, string> = {};
    for (const [, label = "", raw = ""] of labelText.matchAll(LABEL)) {
      labels[label] = JSON.parse(`"${raw}"`) as string;
    }
    samples.set(sampleKey(name, labels), Number(value));
  }
  return samples;
}

/** A sample's value; undefined when the scrape has none of that name and labels. */
export function sample(
  samples: Samples,
  name: string,
  labels: Readonly<Record<string, string>> = {},
): number | undefined {
  return samples.get(sampleKey(name, labels));
}

/** The samples of `name`, with their labels, for checks across a metric's series. */
export function seriesOf(samples: Samples, name: string): [string, number][] {
  return [...samples].filter(([key]) => key.startsWith(`${name}{`));
}
