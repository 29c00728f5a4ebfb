import type { Messages, NamespaceKeys, NestedKeyOf, useTranslations } from "next-intl";

/** A namespace of the console's messages ("statistics", "channels.webhookUrl", ...). */
export type Namespace = NamespaceKeys<Messages, NestedKeyOf<Messages>>;

/**
 * The translator of one namespace, for pure modules that word things: what
 * `useTranslations(namespace)` returns in a component, or `createTranslator` in a test.
 */
export type Translator<N extends Namespace> = ReturnType<typeof useTranslations<N>>;
