"use client";

import dynamic from "next/dynamic";

// The chart library is most of the Statistics page's JavaScript (about 130 kB gzip of its
// 290 kB). Loaded with the page, it held back everything else on it; loaded here, apart, the
// page is interactive first and the chart follows, in a box of its final size so nothing moves.
// The tables below each chart hold the same figures as text.

function ChartPlaceholder() {
  return <div aria-hidden="true" className="h-72 w-full rounded-md bg-surface" />;
}

/** ErrorsChart, loaded once a chart is shown (`./errors-chart`). */
export const LazyErrorsChart = dynamic(
  () => import("./errors-chart").then((module) => module.ErrorsChart),
  { ssr: false, loading: ChartPlaceholder },
);

/** DeliveryChart, loaded once a chart is shown (`./delivery-chart`). */
export const LazyDeliveryChart = dynamic(
  () => import("./delivery-chart").then((module) => module.DeliveryChart),
  { ssr: false, loading: ChartPlaceholder },
);
