"use client";

import { useLocale, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { Bucket, SeriesPoint } from "@/lib/shared/time-buckets";
import { formatUtc9Date } from "@/lib/shared/utc9";
import { ChartLegend } from "./chart-legend";
import { roundTicks, tickFormatter, tooltipLabel } from "./chart-time-labels";

interface ErrorsChartProps<K extends string> {
  /** The API's series: one point per bucket start (ISO), a count for every key. */
  series: readonly SeriesPoint<K>[];
  keys: readonly K[];
  colors: Readonly<Record<K, string>>;
  bucket: Bucket;
  /** Dims the other keys' bars. */
  highlighted?: K;
}

// The theme's colours (app/globals.css @theme), so the chart matches the rest of the console.
const GRID = "var(--color-line)";
const AXIS_TEXT = "var(--color-muted)";
const CURSOR = "var(--color-surface)";

/**
 * Stacked bars of errors per bucket, one colour per key. Purely presentational. The legend and
 * the tooltip name the keys as they are: LINE's reason codes, the same in every language.
 */
export function ErrorsChart<K extends string>({
  series,
  keys,
  colors,
  bucket,
  highlighted,
}: ErrorsChartProps<K>) {
  const t = useTranslations("statistics");
  const locale = useLocale();
  const data = series.map((point) => ({ bucketStart: point.bucketStart, ...point.counts }));
  const first = series.at(0)?.bucketStart;
  const last = series.at(-1)?.bucketStart;
  const spansDays =
    first !== undefined &&
    last !== undefined &&
    formatUtc9Date(new Date(first)) !== formatUtc9Date(new Date(last));

  return (
    <div role="img" aria-label={t("errorsChart.label")} className="h-72 w-full">
      <BarChart
        responsive
        data={data}
        accessibilityLayer={false}
        style={{ width: "100%", height: "100%" }}
        margin={{ top: 8, right: 8, bottom: 0, left: -16 }}
      >
        <CartesianGrid vertical={false} stroke={GRID} />
        <XAxis
          dataKey="bucketStart"
          // Labels on round UTC+9 times only (16:10, 16:20), whatever the series' first bucket.
          ticks={roundTicks(
            series.map((point) => point.bucketStart),
            bucket,
          )}
          tickFormatter={tickFormatter(bucket, spansDays, locale)}
          tick={{ fontSize: 11, fill: AXIS_TEXT }}
          minTickGap={24}
        />
        <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: AXIS_TEXT }} />
        <Tooltip
          labelFormatter={tooltipLabel(bucket, locale)}
          // Top of the stack first, as the bars read.
          itemSorter={(item) => -keys.indexOf(item.dataKey as K)}
          cursor={{ fill: CURSOR }}
          contentStyle={{ fontSize: 12, borderRadius: 6 }}
        />
        <Legend
          itemSorter={null}
          content={({ payload }) => <ChartLegend payload={payload} codes />}
        />
        {keys.map((key) => (
          <Bar
            key={key}
            dataKey={key}
            name={key}
            stackId="errors"
            fill={colors[key]}
            fillOpacity={highlighted && highlighted !== key ? 0.25 : 1}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </div>
  );
}
