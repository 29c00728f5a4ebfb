/** The JSON answer of a domain function: what its promise resolves to. */
// biome-ignore lint/suspicious/noExplicitAny: any function's awaited result, whatever it takes.
export type Returned<F extends (...args: any[]) => unknown> = Awaited<ReturnType<F>>;
