"use client";

import { LabelledSelect } from "./labelled-select";

/** A labelled choice of a rate, each option worded by `format` (e.g. "10 per second"). */
export function RateSelect({
  label,
  rates,
  value,
  onChange,
  format,
}: {
  label: string;
  rates: readonly number[];
  value: number;
  onChange: (rate: number) => void;
  format: (rate: number) => string;
}) {
  return (
    <LabelledSelect
      label={label}
      value={String(value)}
      options={rates.map((rate) => ({ value: String(rate), label: format(rate) }))}
      onChange={(chosen) => onChange(Number(chosen))}
    />
  );
}
