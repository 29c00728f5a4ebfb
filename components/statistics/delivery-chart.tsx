"use client";

import { useLocale, useTranslations } from "next-intl";
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { NO_VALUE } from "@/components/ui/no-value";
import type { DeliveryPoint } from "@/lib/shared/delivery-rows";
import type { Bucket } from "@/lib/shared/time-buckets";
import { formatUtc9Date } from "@/lib/shared/utc9";
import { ChartLegend } from "./chart-legend";
import { roundTicks, tickFormatter, tooltipLabel } from "./chart-time-labels";

// The theme's colours (app/globals.css @theme), so the chart matches the rest of the console.
const GRID = "var(--color-line)";
const AXIS_TEXT = "var(--color-muted)";

/**
 * The lines, their axis and colour: latency on the left (ms), the success rate on the right (%).
 * Each one's name is the message `deliveries.<key>`, as in the totals above the chart.
 */
export const DELIVERY_LINES = [
  { key: "p50", axis: "ms", color: "var(--color-latency-p50)", dash: undefined },
  { key: "p95", axis: "ms", color: "var(--color-latency-p95)", dash: "6 3" },
  { key: "p99", axis: "ms", color: "var(--color-latency-p99)", dash: "2 2" },
  { key: "successRate", axis: "rate", color: "var(--color-line-green)", dash: undefined },
] as const;

/** How long LINE waits for a bot's answer: a webhook answered later fails as request_timeout. */
const LINE_TIMEOUT_MS = 2000;

function tooltipValue(value: unknown, name: unknown, item: { dataKey?: unknown }) {
  if (typeof value !== "number") return [NO_VALUE, String(name)];
  return item.dataKey === "successRate"
    ? [`${value.toFixed(2)} %`, String(name)]
    : [`${Math.round(value)} ms`, String(name)];
}

/**
 * Latency percentiles (left axis, ms) and the success rate (right axis, %) per bucket, with LINE's
 * 2-second limit marked on the latency axis (which always reaches it). A bucket
 * without attempts has no point: the line breaks there instead of dropping to zero (a zero would
 * read as instant answers or a 0 % rate). Purely presentational.
 */
export function DeliveryChart({
  series,
  bucket,
}: {
  series: readonly DeliveryPoint[];
  bucket: Bucket;
}) {
  const t = useTranslations("statistics");
  const locale = useLocale();
  const data = series.map((point) => ({
    ...point,
    successRate: point.successRate === null ? null : point.successRate * 100,
  }));
  const first = series.at(0)?.bucketStart;
  const last = series.at(-1)?.bucketStart;
  const spansDays =
    first !== undefined &&
    last !== undefined &&
    formatUtc9Date(new Date(first)) !== formatUtc9Date(new Date(last));

  return (
    <div role="img" aria-label={t("deliveryChart.label")} className="h-72 w-full">
      <LineChart
        responsive
        data={data}
        accessibilityLayer={false}
        style={{ width: "100%", height: "100%" }}
        margin={{ top: 8, right: 0, bottom: 0, left: 0 }}
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
        <YAxis
          yAxisId="ms"
          orientation="left"
          tick={{ fontSize: 11, fill: AXIS_TEXT }}
          tickFormatter={(value: number) => `${value}`}
          width={56}
          label={{
            value: t("deliveryChart.latencyAxis"),
            angle: -90,
            position: "insideLeft",
            style: { fontSize: 11, fill: AXIS_TEXT, textAnchor: "middle" },
          }}
        />
        <YAxis
          yAxisId="rate"
          orientation="right"
          domain={[0, 100]}
          tick={{ fontSize: 11, fill: AXIS_TEXT }}
          tickFormatter={(value: number) => `${value}`}
          width={48}
          label={{
            value: t("deliveryChart.rateAxis"),
            angle: 90,
            position: "insideRight",
            style: { fontSize: 11, fill: AXIS_TEXT, textAnchor: "middle" },
          }}
        />
        {/* LINE's limit, always on the latency axis: how far the bot is from timing out. */}
        <ReferenceLine
          yAxisId="ms"
          y={LINE_TIMEOUT_MS}
          ifOverflow="extendDomain"
          stroke="var(--color-danger)"
          strokeDasharray="4 4"
          label={{
            value: t("deliveryChart.timeoutLimit"),
            position: "insideTopLeft",
            style: { fontSize: 11, fill: "var(--color-danger)" },
          }}
        />
        <Tooltip
          labelFormatter={tooltipLabel(bucket, locale)}
          formatter={tooltipValue}
          contentStyle={{ fontSize: 12, borderRadius: 6 }}
        />
        <Legend itemSorter={null} content={({ payload }) => <ChartLegend payload={payload} />} />
        {DELIVERY_LINES.map((line) => (
          <Line
            key={line.key}
            yAxisId={line.axis}
            dataKey={line.key}
            name={t(`deliveries.${line.key}`)}
            stroke={line.color}
            strokeDasharray={line.dash}
            strokeWidth={line.axis === "rate" ? 2 : 1.5}
            // Small dots: a bucket between two empty ones has no line to show it otherwise.
            dot={{ r: 1.5, fill: line.color }}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </div>
  );
}
