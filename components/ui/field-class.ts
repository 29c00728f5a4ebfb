/**
 * How the console's selects and text areas look, without a text size (callers add `text-sm`, or
 * `font-mono text-xs` for code); TextField draws its input so too, with an error state.
 */
export const FIELD_CLASS =
  "mt-1 block w-full rounded-md border border-line bg-white px-3 py-1.5 outline-none focus:ring-2 focus:ring-line-green/30";
