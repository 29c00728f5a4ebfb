import type { LegendPayload } from "recharts";

/**
 * A chart's legend as a plain list: a colour swatch (a line's sample, dashed as the line is) and
 * the series' name. Recharts' own legend
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
          {item.type === "line" ? (
            // A line's sample, dashed as the line is.
            <svg aria-hidden width="18" height="6" className="shrink-0">
              <line
                x1="0"
                y1="3"
                x2="18"
                y2="3"
                stroke={item.color}
                strokeWidth="2"
                strokeDasharray={
                  (item.payload as { strokeDasharray?: string } | undefined)?.strokeDasharray
                }
              />
            </svg>
          ) : (
            <span
              aria-hidden
              className="inline-block size-2.5 shrink-0 rounded-sm"
              style={{ backgroundColor: item.color }}
            />
          )}
          <span translate={codes ? "no" : undefined} className={codes ? "font-mono" : undefined}>
            {item.value}
          </span>
        </li>
      ))}
    </ul>
  );
}
