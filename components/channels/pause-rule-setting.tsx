"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useUpdateChannel } from "@/components/data/use-update-channel";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Switch } from "@/components/ui/switch";
import { TextField } from "@/components/ui/text-field";
import {
  PAUSE_RULE_MAX_ATTEMPTS,
  PAUSE_RULE_MAX_MINUTES,
  type PauseRule,
} from "@/lib/channels/pause-limits";

/** What the form starts from when the rule is turned on. */
const SUGGESTED_RULE: PauseRule = { minutes: 10, attempts: 10 };

/** The pause rule: off, or the minutes and attempts after which sending pauses. */
export function PauseRuleSetting({
  channelId,
  rule,
  canConfigure,
}: {
  channelId: string;
  rule: PauseRule | null;
  canConfigure: boolean;
}) {
  const t = useTranslations("channels.pause");
  const common = useTranslations("common");
  const update = useUpdateChannel(channelId, { optimistic: false });
  const [editing, setEditing] = useState<{ minutes: string; attempts: string } | null>(null);
  const shown =
    editing ?? (rule ? { minutes: String(rule.minutes), attempts: String(rule.attempts) } : null);
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!shown) return;
    update.mutate(
      { pauseRule: { minutes: Number(shown.minutes), attempts: Number(shown.attempts) } },
      { onSuccess: () => setEditing(null) },
    );
  };

  return (
    <div className="space-y-3">
      <Switch
        label={t("ruleLabel")}
        checked={shown !== null}
        disabled={!canConfigure || update.isPending}
        onChange={(on) => {
          if (on) {
            setEditing({
              minutes: String(SUGGESTED_RULE.minutes),
              attempts: String(SUGGESTED_RULE.attempts),
            });
          } else {
            setEditing(null);
            if (rule) update.mutate({ pauseRule: null });
          }
        }}
      />
      <p className="text-sm text-muted">
        {rule ? t("ruleOn", { minutes: rule.minutes, attempts: rule.attempts }) : t("ruleOff")}
      </p>
      {shown && canConfigure && (
        <form onSubmit={save} className="flex flex-wrap items-end gap-3">
          <TextField
            label={t("minutes")}
            type="number"
            inputMode="numeric"
            min={1}
            max={PAUSE_RULE_MAX_MINUTES}
            required
            className="w-40"
            value={shown.minutes}
            onChange={(event) => setEditing({ ...shown, minutes: event.target.value })}
          />
          <TextField
            label={t("attempts")}
            type="number"
            inputMode="numeric"
            min={1}
            max={PAUSE_RULE_MAX_ATTEMPTS}
            required
            className="w-56"
            value={shown.attempts}
            onChange={(event) => setEditing({ ...shown, attempts: event.target.value })}
          />
          <Button type="submit" variant="primary" disabled={update.isPending || editing === null}>
            {update.isPending ? common("saving") : t("saveRule")}
          </Button>
        </form>
      )}
      {update.error && <Alert tone="error">{update.error.message}</Alert>}
    </div>
  );
}
