import { dispatcherProcessMetrics } from "@/lib/dispatch/dispatcher-instance";
import { metrics } from "@/lib/http/endpoints/metrics";
import { route } from "@/lib/http/handler";
import { scrapeConsole } from "@/lib/metrics/scrape-console";

/** Prometheus's scrape of this console: its own metrics, its dispatcher's and the database's. */
export const GET = route(metrics, async () => {
  const { contentType, text } = await scrapeConsole(dispatcherProcessMetrics);
  return new Response(text, { headers: { "content-type": contentType } });
});
