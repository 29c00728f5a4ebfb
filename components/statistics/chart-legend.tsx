import type { LegendPayload } from "recharts";

/**
 * A chart's legend as a plain list: a colour swatch and the series' name. Recharts' own legend
 * names each icon in English ("… legend icon") whatever the page's language; the swatch here is
 * decoration, the name is the text. `codes`: the names are LINE's reason codes, shown as they are.
 */
export function ChartLegend({
  payload,
  codes = false,
}: {
  payload?: ReadonlyArray<LegendPayload>;
  codes?: boolean;
}) {
  return (
    <ul className="flex flex-wrap justify-center gap-x-4 gap-y-1 pt-1 text-xs">
      {payload?.map((item) => (
        <li key={String(item.value)} className="flex items-center gap-1.5">
          <span
            aria-hidden
            className="inline-block size-2.5 shrink-0 rounded-sm"
            style={{ backgroundColor: item.color }}
          />
          <span translate={codes ? "no" : undefined} className={codes ? "font-mono" : undefined}>
            {item.value}
          </span>
        </li>
      ))}
    </ul>
  );
}
