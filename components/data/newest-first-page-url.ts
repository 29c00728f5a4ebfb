// The one query string of the API's lists read newest first by id (the audit log, the
// notification outbox): `limit`, and `before`, the last id shown, for the page after it.

/** `path` with the page's query: the newest `limit` rows, or the `limit` rows older than `before`. */
export function newestFirstPageUrl(path: string, before: string | null, limit: number): string {
  const search = new URLSearchParams({ limit: String(limit) });
  if (before) search.set("before", before);
  return `${path}?${search}`;
}
