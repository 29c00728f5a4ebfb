"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { UTC9_LABEL } from "@/lib/shared/utc9";
import { type FieldProblem, readCustomRange } from "./statistics-filters";
import { isoToUtc9Input } from "./utc9-input";

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
  const t = useTranslations("statistics");
  const [fromInput, setFromInput] = useState(() => isoToUtc9Input(from));
  const [toInput, setToInput] = useState(() => isoToUtc9Input(to));
  const [problem, setProblem] = useState<FieldProblem | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const read = readCustomRange(t, fromInput, toInput);
    if ("problem" in read) return setProblem(read.problem);
    setProblem(null);
    onApply(read.range);
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-wrap items-start gap-3">
      <TextField
        label={t("customRange.from", { zone: UTC9_LABEL })}
        type="datetime-local"
        value={fromInput}
        onChange={(event) => setFromInput(event.target.value)}
        error={problem?.field === "from" ? problem.message : null}
      />
      <TextField
        label={t("customRange.to", { zone: UTC9_LABEL })}
        type="datetime-local"
        value={toInput}
        onChange={(event) => setToInput(event.target.value)}
        error={problem?.field === "to" ? problem.message : null}
      />
      <Button type="submit" variant="primary" className="mt-6">
        {t("customRange.apply")}
      </Button>
    </form>
  );
}
