"use client";

import { useId } from "react";

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
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        className="mt-1 rounded-md border border-line bg-white px-2 py-1.5 text-sm"
        value={value}
        onChange={(event) => onChange(Number(event.target.value))}
      >
        {rates.map((rate) => (
          <option key={rate} value={rate}>
            {format(rate)}
          </option>
        ))}
      </select>
    </div>
  );
}
