"use client";

import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { UTC9_LABEL } from "@/lib/shared/utc9";
import { rangeProblem } from "./error-filters";
import { isoToUtc9Input, utc9InputToIso } from "./utc9-input";

/**
 * Two datetime-local inputs read as UTC+9 wall-clock times. The range goes into the URL only on
 * Apply, so half-typed dates never reach the API. Remount it (key) to reset it to new props.
 */
export function CustomRangeForm({
  from,
  to,
  onApply,
}: {
  from: string;
  to: string;
  onApply: (range: { from: string; to: string }) => void;
}) {
  const [fromInput, setFromInput] = useState(() => isoToUtc9Input(from));
  const [toInput, setToInput] = useState(() => isoToUtc9Input(to));
  const [problem, setProblem] = useState<{ field: "from" | "to"; message: string } | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const fromIso = utc9InputToIso(fromInput);
    const toIso = utc9InputToIso(toInput);
    if (!fromIso) return setProblem({ field: "from", message: "Enter a date and time." });
    if (!toIso) return setProblem({ field: "to", message: "Enter a date and time." });
    const message = rangeProblem(fromIso, toIso);
    if (message) return setProblem({ field: "to", message });
    setProblem(null);
    onApply({ from: fromIso, to: toIso });
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-wrap items-start gap-3">
      <TextField
        label={`From (${UTC9_LABEL})`}
        type="datetime-local"
        value={fromInput}
        onChange={(event) => setFromInput(event.target.value)}
        error={problem?.field === "from" ? problem.message : null}
      />
      <TextField
        label={`To (${UTC9_LABEL})`}
        type="datetime-local"
        value={toInput}
        onChange={(event) => setToInput(event.target.value)}
        error={problem?.field === "to" ? problem.message : null}
      />
      <Button type="submit" variant="primary" className="mt-6">
        Apply
      </Button>
    </form>
  );
}
