// One definition per endpoint (ADR 30): its method, its path as Next writes it, who may call it,
// the zod schemas of its query string and JSON body, and the type of its JSON answer. The route
// file serves it (route() in lib/http/handler.ts), the request gate answers unknown paths and
// methods from the list of them (lib/http/endpoints/index.ts), and the browser's fetchers and
// query keys are derived from it (components/data/endpoint-client.ts), so a path, a method or a
// query parameter is written once.
//
// Pure: zod and types only, so the browser, plain Node (scripts/serve.mjs) and route handlers can
// all load it.
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

export interface Endpoint<
  Path extends string = string,
  Query extends z.ZodType | undefined = z.ZodType | undefined,
  Body extends z.ZodType | undefined = z.ZodType | undefined,
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
    Query extends z.ZodType | undefined = undefined,
    Body extends z.ZodType | undefined = undefined,
  >(
    definition: Omit<Endpoint<Path, Query, Body, Answer>, "answer">,
  ): Endpoint<Path, Query, Body, Answer> => definition;
}

/** The parsed query string, typed by the endpoint's schema (undefined: it reads none). */
export type QueryOf<E> = E extends { query?: infer Q }
  ? Q extends z.ZodType
    ? z.output<Q>
    : undefined
  : undefined;

/** The parsed JSON body, typed by the endpoint's schema (undefined: it reads none). */
export type BodyOf<E> = E extends { body?: infer B }
  ? B extends z.ZodType
    ? z.output<B>
    : undefined
  : undefined;

/** What the browser sends as the body: the schema's input. */
export type BodyInputOf<E> = E extends { body?: infer B }
  ? B extends z.ZodType
    ? z.input<B>
    : undefined
  : undefined;

/** The type of a 2xx answer's JSON. */
export type AnswerOf<E> = E extends { answer?: infer A } ? A : never;

/** The path parameters of the endpoint's route. */
export type ParamsOf<E> = E extends { path: infer P extends string } ? PathParams<P> : never;
