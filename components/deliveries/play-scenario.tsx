"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { deliveryKeys } from "@/components/data/console-queries";
import { callEndpoint } from "@/components/data/endpoint-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { MAX_STEP_DELAY_MS } from "@/lib/events/scenario-limits";
import * as channels from "@/lib/http/endpoints/channels";

interface Step {
  delayMs?: number;
  event: { type?: unknown };
}

type Played = { step: number; type: string; outcome: "sent" | "notSent" | "refused"; note: string };

/** A scenario file's name and steps, or why it is not one (its events are the server's to check). */
function readScenario(text: string): { name: string; steps: Step[] } | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  const scenario = value as { name?: unknown; steps?: unknown };
  if (typeof scenario?.name !== "string" || !Array.isArray(scenario.steps)) {
    return 'expected {"name", "steps": [{"delayMs"?, "event"}]}';
  }
  return { name: scenario.name, steps: scenario.steps as Step[] };
}

/**
 * Plays a scenario file (docs/scenarios/ has examples; `npm run traffic -- --scenario` plays the
 * same files) from the browser: each step's event is sent after its delay and its answer, so the
 * bot sees the conversation's order; the first event the console refuses stops it, named by
 * its path as the events API names it.
 */
export function PlayScenario({
  channelId,
  canConfigure,
}: {
  channelId: string;
  canConfigure: boolean;
}) {
  const t = useTranslations("deliveries.scenario");
  const queryClient = useQueryClient();
  const inputId = useId();
  const hintId = useId();
  const file = useRef<HTMLInputElement>(null);
  const [played, setPlayed] = useState<Played[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [playing, setPlaying] = useState<string | null>(null);

  const play = async () => {
    const chosen = file.current?.files?.[0];
    if (!chosen) return;
    const scenario = readScenario(await chosen.text());
    setPlayed([]);
    if (typeof scenario === "string") {
      setProblem(t("notAScenario", { message: scenario }));
      return;
    }
    setProblem(null);
    setPlaying(scenario.name);
    try {
      for (const [index, step] of scenario.steps.entries()) {
        const delay = Math.min(Math.max(Number(step.delayMs) || 0, 0), MAX_STEP_DELAY_MS);
        if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
        const type = String(step.event?.type ?? "?");
        try {
          const answer = await callEndpoint(channels.sendEvents, {
            params: { channelId },
            body: { events: [step.event] },
          });
          const sent = answer.sent !== false;
          const note = sent ? answer.webhookEventIds.join(", ") : answer.message;
          setPlayed((list) => [
            ...list,
            { step: index + 1, type, outcome: sent ? "sent" : "notSent", note },
          ]);
        } catch (error) {
          const message = (error as Error).message.replace(/^events\.0\./, "event.");
          setPlayed((list) => [
            ...list,
            { step: index + 1, type, outcome: "refused", note: message },
          ]);
          break;
        }
      }
    } finally {
      setPlaying(null);
      await queryClient.invalidateQueries({ queryKey: deliveryKeys.list(channelId) });
    }
  };

  return (
    <Card title={t("title")}>
      <div className="grid grid-cols-1 gap-3 py-3">
        <div>
          <label htmlFor={inputId} className="block text-sm font-medium">
            {t("file")}
          </label>
          <input
            id={inputId}
            ref={file}
            type="file"
            accept="application/json,.json"
            aria-describedby={hintId}
            disabled={!canConfigure || playing !== null}
            className="mt-1 block text-sm"
          />
          <p id={hintId} className="mt-1 text-xs text-muted">
            {t.rich("hint", { code: (chunks) => <code translate="no">{chunks}</code> })}
          </p>
        </div>
        <div>
          <Button
            variant="primary"
            disabled={!canConfigure || playing !== null}
            onClick={() => void play()}
          >
            {playing === null ? t("play") : t("playing", { name: playing })}
          </Button>
        </div>
        {problem && <Alert tone="error">{problem}</Alert>}
        {played.length > 0 && (
          <ol aria-label={t("steps")} className="space-y-1 text-sm" aria-live="polite">
            {played.map((step) => (
              <li key={step.step} className={step.outcome === "refused" ? "text-danger" : ""}>
                {t(`outcome.${step.outcome}`, { step: step.step })}{" "}
                <code translate="no">{step.type}</code>
                {": "}
                <span translate="no" className="break-all font-mono text-xs">
                  {step.note}
                </span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </Card>
  );
}
