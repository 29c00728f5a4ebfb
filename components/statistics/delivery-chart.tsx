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
import { DELIVERY_LINES } from "./delivery-lines";

// The theme's colours (app/globals.css @theme), so the chart matches the rest of the console.
const GRID = "var(--color-line)";
const AXIS_TEXT = "var(--color-muted)";

/** How long LINE waits for a bot's answer: a webhook answered later fails as request_timeout. */
const LINE_TIMEOUT_MS = 2000;

/** The latency axis's ticks: powers of ten up to LINE's limit. */
const LATENCY_TICKS = [1, 10, 100, 1000, LINE_TIMEOUT_MS];

/**
 * A latency as the log axis draws it: at least 1 ms (a log axis has no 0; an answer within the
 * millisecond sits on its floor). The tooltip and the table show the value itself.
 */
const onLogAxis = (ms: number | null) => (ms === null ? null : Math.max(1, ms));

function tooltipValue(
  value: unknown,
  name: unknown,
  item: { dataKey?: unknown; payload?: Record<string, unknown> },
) {
  if (typeof value !== "number") return [NO_VALUE, String(name)];
  if (item.dataKey === "successRate") return [`${value.toFixed(2)} %`, String(name)];
  // The value drawn is at least 1 ms; the tooltip says the latency measured.
  const measured = item.payload?.[String(item.dataKey).replace(/Drawn$/, "")];
  return [`${Math.round(typeof measured === "number" ? measured : value)} ms`, String(name)];
}

/**
 * Latency percentiles (left axis, ms, log scale from 1 ms to LINE's 2-second limit, which is
 * marked) and the success rate (right axis, %) per bucket. On a log axis a bot answering in 3 ms
 * and one answering in 1.5 s both read, and so does how far each is from timing out. A bucket
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
    p50Drawn: onLogAxis(point.p50),
    p95Drawn: onLogAxis(point.p95),
    p99Drawn: onLogAxis(point.p99),
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
          scale="log"
          domain={[1, LINE_TIMEOUT_MS]}
          ticks={LATENCY_TICKS}
          allowDataOverflow
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
        {/* LINE's limit, the top of the latency axis: how far the bot is from timing out. */}
        <ReferenceLine
          yAxisId="ms"
          y={LINE_TIMEOUT_MS}
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
            dataKey={line.axis === "ms" ? `${line.key}Drawn` : line.key}
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
