"use client";

import { useId } from "react";

export interface SegmentedOption<V extends string> {
  value: V;
  label: string;
  disabled?: boolean;
  /** Why the option is disabled, shown as its title. */
  hint?: string;
}

/**
 * One choice out of a few, shown as a row of pills. Native radio inputs, so arrow keys,
 * the group's name and the checked state come from the browser.
 */
export function SegmentedControl<V extends string>({
  legend,
  options,
  value,
  onChange,
}: {
  legend: string;
  options: readonly SegmentedOption<V>[];
  value: V;
  onChange: (value: V) => void;
}) {
  const name = useId();
  return (
    <fieldset className="flex max-w-full min-w-0 flex-wrap items-center gap-2">
      <legend className="float-left mr-1 text-sm font-semibold">{legend}</legend>
      {/* Pills of their own, so that on a phone they wrap onto more rows and still read as pills. */}
      <div className="flex max-w-full flex-wrap gap-1">
        {options.map((option) => (
          <label
            key={option.value}
            title={option.hint}
            className="relative rounded-md border border-line bg-white has-checked:border-line-green-dark has-checked:bg-line-green-dark has-checked:text-white has-disabled:cursor-not-allowed has-disabled:text-muted/60 has-focus-visible:outline-2 has-focus-visible:-outline-offset-2 has-focus-visible:outline-line-green-dark"
          >
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              disabled={option.disabled}
              onChange={() => onChange(option.value)}
              // Transparent over the pill, so a click (or a test's check()) lands on the input itself.
              className="absolute inset-0 size-full cursor-pointer appearance-none opacity-0 disabled:cursor-not-allowed"
            />
            <span className="block px-3 py-1.5 text-sm font-medium">{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
