// The browser's side of the endpoint definitions (lib/http/endpoints/, ADR 30): a URL, a query
// key and a fetch are derived from the definition the route handler serves, so a path, a method or
// a query parameter is never written again here. Query strings are built from values typed by the
// endpoint's query schema (its parsed form: numbers, instants, enums), written the way that schema
// reads them back: decimal numbers, ISO instants, `true`/`false`; absent values are left out.
import type { AnswerOf, BodyInputOf, Endpoint, ParamsOf, QueryOf } from "@/lib/http/endpoint";
import { fetchJson } from "./fetch-json";

type QueryValue = string | number | boolean | Date | null | undefined;

/** What a query string may hold for an endpoint: any of its schema's fields. */
export type QueryInput<E> =
  QueryOf<E> extends undefined
    ? never
    : { [Name in keyof QueryOf<E>]?: Extract<QueryOf<E>[Name], QueryValue> | null };

/** The parts of a request to an endpoint: its path's parameters, its query, its body. */
export type EndpointInput<E> = ([keyof ParamsOf<E>] extends [never]
  ? { params?: undefined }
  : { params: ParamsOf<E> }) &
  (QueryOf<E> extends undefined ? { query?: undefined } : { query?: QueryInput<E> }) &
  (BodyInputOf<E> extends undefined ? { body?: undefined } : { body: BodyInputOf<E> });

/** The parts of a request that make its URL. */
type UrlInput<E> = Omit<EndpointInput<E>, "body">;

/** A URL's input may be left out when the path has no parameters. */
type OptionalUrlInput<E> = [keyof ParamsOf<E>] extends [never]
  ? [input?: UrlInput<E>]
  : [input: UrlInput<E>];

/** Input an endpoint needs none of may be left out. */
type OptionalInput<E> = [keyof ParamsOf<E>] extends [never]
  ? BodyInputOf<E> extends undefined
    ? [input?: EndpointInput<E>]
    : [input: EndpointInput<E>]
  : [input: EndpointInput<E>];

const PARAM = /\[(?:\.\.\.)?([^\]]+)\]/g;

/** The endpoint's path with its parameters filled in, each encoded as one segment. */
export function endpointPath(endpoint: Endpoint, params: Record<string, string> = {}): string {
  return endpoint.path.replace(PARAM, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${endpoint.path}: no value for ${name}`);
    return encodeURIComponent(value);
  });
}

/** A query string (without `?`) from typed values, in the order given; empty when none. */
export function endpointSearch(query: Record<string, QueryValue> = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    search.set(name, value instanceof Date ? value.toISOString() : String(value));
  }
  return search.toString();
}

/** The URL of a request to the endpoint. */
export function endpointUrl<E extends Endpoint>(
  endpoint: E,
  ...[input]: OptionalUrlInput<E>
): string {
  const path = endpointPath(endpoint, input?.params as Record<string, string> | undefined);
  const search = endpointSearch(input?.query as Record<string, QueryValue> | undefined);
  return search ? `${path}?${search}` : path;
}

/**
 * The React Query key of what the endpoint answers: its path's segments after /api with the
 * parameters filled in (`["channels", id, "deliveries"]`), so a resource's key is a prefix of its
 * sub-resources' keys and invalidating a channel reaches its statistics. Extra parts (a query, a
 * page size) follow.
 */
export function endpointKey(
  endpoint: Endpoint,
  params: Record<string, string> = {},
  ...extra: unknown[]
): readonly unknown[] {
  const segments = endpoint.path
    .split("/")
    .filter((segment) => segment !== "" && segment !== "api")
    .map((segment) => segment.replace(PARAM, (_, name: string) => params[name] ?? ""));
  return [...segments, ...extra];
}

/** Calls the endpoint: its method, its URL, its JSON body; the answer typed as it declares. */
export function callEndpoint<E extends Endpoint>(
  endpoint: E,
  ...[input]: OptionalInput<E>
): Promise<AnswerOf<E>> {
  const url = endpointUrl(endpoint, ...([input] as OptionalUrlInput<E>));
  const body = input?.body;
  return fetchJson<AnswerOf<E>>(url, {
    method: endpoint.method,
    ...(body === undefined ? {} : { body }),
  });
}
