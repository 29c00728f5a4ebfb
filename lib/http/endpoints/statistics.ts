import type { DeliveryStatistics } from "../../statistics/query-delivery-statistics";
import type { ErrorStatistics } from "../../statistics/query-error-statistics";
import { endpoint, schema } from "../endpoint";
import { CHANNEL } from "./channels";

/** Error statistics (from the rollups): totals, details, series, LINE's rows. */
export const errorStatistics = endpoint<ErrorStatistics>()({
  method: "GET",
  path: `${CHANNEL}/statistics/errors`,
  access: { channel: "read" },
  query: schema(() => import("../statistics-input"), "errorStatisticsInput"),
});

/** The same rows as LINE's "Download TSV file", streamed (not JSON). */
export const errorStatisticsTsv = endpoint<string>()({
  method: "GET",
  path: `${CHANNEL}/statistics/errors.tsv`,
  access: { channel: "read" },
  query: schema(() => import("../statistics-input"), "errorStatisticsInput"),
});

/** Success rate and latency (from the histogram rollups): totals and a series. */
export const deliveryStatistics = endpoint<DeliveryStatistics>()({
  method: "GET",
  path: `${CHANNEL}/statistics/deliveries`,
  access: { channel: "read" },
  query: schema(() => import("../statistics-input"), "deliveryStatisticsInput"),
});

/** The success rate and latency table as TSV (not JSON). */
export const deliveryStatisticsTsv = endpoint<string>()({
  method: "GET",
  path: `${CHANNEL}/statistics/deliveries.tsv`,
  access: { channel: "read" },
  query: schema(() => import("../statistics-input"), "deliveryStatisticsInput"),
});
