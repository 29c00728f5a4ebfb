/** What a table cell or field shows when there is no value (no detail, no response, no latency). */
export const NO_VALUE = "—";
