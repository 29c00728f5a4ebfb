// One definition per endpoint (ADR 30): its method, its path as Next writes it, who may call it,
// the zod schemas of its query string and JSON body, and the type of its JSON answer. The route
// file serves it (route() in lib/http/handler.ts), the request gate answers unknown paths and
// methods from the list of them (lib/http/endpoints/index.ts), and the browser's fetchers and
// query keys are derived from it (components/data/endpoint-client.ts), so a path, a method or a
// query parameter is written once.
//
// The schemas are loaded lazily (`schema(() => import(...), name)`): the browser imports the
// definitions to build URLs and query keys, and zod with every schema would add about 50 KB to
// each page's first load; the request gate (plain Node, scripts/serve.mjs) needs only paths and
// methods. A route handler loads its schemas once, on its first request.
//
// Pure: types and lazy imports only, so the browser, plain Node and route handlers can all load it.
import type { z } from "zod";
import type { RouteAccess } from "../access/route-access";

/** The methods Next lets a route handler export. */
export const ROUTE_METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "DELETE", "PATCH"] as const;
export type RouteMethod = (typeof ROUTE_METHODS)[number];

/** The names of a Next path pattern's dynamic segments: `/a/[id]/b/[...rest]` → "id" | "rest". */
type ParamNames<Path extends string> = Path extends `${string}[${infer Name}]${infer Rest}`
  ? (Name extends `...${infer Spread}` ? Spread : Name) | ParamNames<Rest>
  : never;

/** A route's path parameters, as Next hands them over (decoded segments). */
export type PathParams<Path extends string> = { [Name in ParamNames<Path>]: string };

/** A schema loaded on first use, then the same promise, resolved, for every later use. */
export type LazySchema<Schema extends z.ZodType = z.ZodType> = () => Promise<Schema>;

/** `name` of the module `load` imports, loaded once: `schema(() => import("./x-input"), "x")`. */
export function schema<Module, Name extends keyof Module>(
  load: () => Promise<Module>,
  name: Name,
): LazySchema<Module[Name] & z.ZodType> {
  let loaded: Promise<Module[Name] & z.ZodType> | undefined;
  return () => {
    loaded ??= load().then((module) => module[name] as Module[Name] & z.ZodType);
    return loaded;
  };
}

export interface Endpoint<
  Path extends string = string,
  Query extends LazySchema | undefined = LazySchema | undefined,
  Body extends LazySchema | undefined = LazySchema | undefined,
  Answer = unknown,
> {
  method: RouteMethod;
  /** As Next writes it under app/: `[id]` one segment, `[...rest]` one or more. */
  path: Path;
  access: RouteAccess;
  /** The query string's schema; absent: the endpoint reads none. */
  query?: Query;
  /** The JSON body's schema; absent: the endpoint reads none. */
  body?: Body;
  /** An empty body reads as `{}` (LINE's test endpoint, Verify). */
  bodyOptional?: boolean;
  /** Only a type, for the browser: what a 2xx answer's JSON holds. Never set at run time. */
  answer?: Answer;
}

/** Declares an endpoint; `Answer` is the type of its JSON answer, for the browser's fetchers. */
export function endpoint<Answer = unknown>() {
  return <
    const Path extends string,
    Query extends LazySchema | undefined = undefined,
    Body extends LazySchema | undefined = undefined,
  >(
    definition: Omit<Endpoint<Path, Query, Body, Answer>, "answer">,
  ): Endpoint<Path, Query, Body, Answer> => definition;
}

/** The parsed query string, typed by the endpoint's schema (undefined: it reads none). */
export type QueryOf<E> = E extends { query?: infer L }
  ? L extends LazySchema<infer Q>
    ? z.output<Q>
    : undefined
  : undefined;

/** The parsed JSON body, typed by the endpoint's schema (undefined: it reads none). */
export type BodyOf<E> = E extends { body?: infer L }
  ? L extends LazySchema<infer B>
    ? z.output<B>
    : undefined
  : undefined;

/** What the browser sends as the body: the schema's input. */
export type BodyInputOf<E> = E extends { body?: infer L }
  ? L extends LazySchema<infer B>
    ? z.input<B>
    : undefined
  : undefined;

/** The type of a 2xx answer's JSON. */
export type AnswerOf<E> = E extends { answer?: infer A } ? A : never;

/** The path parameters of the endpoint's route. */
export type ParamsOf<E> = E extends { path: infer P extends string } ? PathParams<P> : never;
