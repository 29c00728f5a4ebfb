"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useSendEvents } from "@/components/data/use-send-events";
import { RoleNote, VIEWER_NOTE } from "@/components/roles/role-note";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FIELD_CLASS } from "@/components/ui/field-class";
import { LabelledSelect } from "@/components/ui/labelled-select";
import {
  EVENT_EXAMPLES,
  EVENT_MODES,
  EVENT_TYPES,
  type EventMode,
  type EventType,
  MESSAGE_EXAMPLES,
  MESSAGE_TYPES,
  type MessageType,
  type SourceType,
  sourcesOf,
} from "@/lib/events/event-catalogue";

/** The editor's text for a choice: LINE's example of the type, from that source, in that mode. */
function exampleJson(
  type: EventType,
  messageType: MessageType,
  source: SourceType,
  mode: EventMode,
) {
  const example =
    type === "message" ? { type, message: MESSAGE_EXAMPLES[messageType] } : EVENT_EXAMPLES[type];
  return JSON.stringify({ ...example, source: { type: source }, mode }, null, 2);
}

/**
 * Sends any of LINE's webhook events through the real dispatcher: a type (and message type),
 * source and mode fill the editor with a valid example, which the operator may change; the
 * console completes it as the platform does and checks it against LINE's schema, naming a
 * problem by its path. Off for a Viewer: sending events needs the "configure" permission.
 */
export function SendTestEvent({
  channelId,
  canConfigure,
}: {
  channelId: string;
  canConfigure: boolean;
}) {
  const [type, setType] = useState<EventType>("message");
  const [messageType, setMessageType] = useState<MessageType>("text");
  const [source, setSource] = useState<SourceType>("user");
  const [mode, setMode] = useState<EventMode>("active");
  const [json, setJson] = useState(() => exampleJson("message", "text", "user", "active"));
  const [jsonProblem, setJsonProblem] = useState<string | null>(null);
  const send = useSendEvents(channelId);
  const t = useTranslations("deliveries.sendTest");
  const jsonId = useId();
  const hintId = useId();

  /** A new choice starts a new example: the editor's text follows the selects. */
  const choose = (next: {
    type?: EventType;
    messageType?: MessageType;
    source?: SourceType;
    mode?: EventMode;
  }) => {
    const nextType = next.type ?? type;
    const sources = sourcesOf(nextType);
    const nextSource = sources.includes(next.source ?? source)
      ? (next.source ?? source)
      : (sources[0] ?? "user");
    const nextMessageType = next.messageType ?? messageType;
    const nextMode = next.mode ?? mode;
    setType(nextType);
    setMessageType(nextMessageType);
    setSource(nextSource);
    setMode(nextMode);
    setJson(exampleJson(nextType, nextMessageType, nextSource, nextMode));
    setJsonProblem(null);
    send.reset();
  };

  // The server names a problem by its place in the body ({"events": [event]}); the editor holds
  // the event.
  const problem = jsonProblem ?? send.error?.message.replace(/^events\.0\./, "") ?? null;

  return (
    <Card title={t("title")}>
      {!canConfigure && (
        <div className="pt-3">
          <RoleNote note={VIEWER_NOTE} />
        </div>
      )}
      <form
        className="grid grid-cols-1 gap-3 py-3"
        onSubmit={(event) => {
          event.preventDefault();
          let parsed: unknown;
          try {
            parsed = JSON.parse(json);
          } catch (error) {
            setJsonProblem(t("invalidJson", { message: (error as Error).message }));
            return;
          }
          setJsonProblem(null);
          send.mutate({ events: [parsed] });
        }}
      >
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-4">
          <LabelledSelect
            label={t("eventType")}
            value={type}
            options={EVENT_TYPES.map((option) => ({ value: option, label: option, code: true }))}
            disabled={!canConfigure}
            onChange={(next) => choose({ type: next })}
          />
          {type === "message" && (
            <LabelledSelect
              label={t("messageType")}
              value={messageType}
              options={MESSAGE_TYPES.map((option) => ({
                value: option,
                label: option,
                code: true,
              }))}
              disabled={!canConfigure}
              onChange={(next) => choose({ messageType: next })}
            />
          )}
          <LabelledSelect
            label={t("source")}
            value={source}
            options={sourcesOf(type).map((option) => ({
              value: option,
              label: t(`sources.${option}`),
            }))}
            disabled={!canConfigure}
            onChange={(next) => choose({ source: next })}
          />
          <LabelledSelect
            label={t("mode")}
            value={mode}
            options={EVENT_MODES.map((option) => ({ value: option, label: t(`modes.${option}`) }))}
            disabled={!canConfigure}
            onChange={(next) => choose({ mode: next })}
          />
        </div>
        <div>
          <label htmlFor={jsonId} className="block text-sm font-medium">
            {t("eventJson")}
          </label>
          <textarea
            id={jsonId}
            translate="no"
            spellCheck={false}
            rows={Math.min(16, json.split("\n").length + 1)}
            className={`${FIELD_CLASS} font-mono text-xs`}
            value={json}
            disabled={!canConfigure}
            aria-describedby={hintId}
            aria-invalid={problem !== null}
            onChange={(event) => {
              setJson(event.target.value);
              setJsonProblem(null);
            }}
          />
          <p id={hintId} className="mt-1 text-xs text-muted">
            {t("hint")}
          </p>
        </div>
        <div>
          <Button type="submit" variant="primary" disabled={!canConfigure || send.isPending}>
            {send.isPending ? t("sending") : t("send")}
          </Button>
        </div>
      </form>
      <div className="pb-4" aria-live="polite">
        {problem && <Alert tone="error">{problem}</Alert>}
        {send.data?.sent === false && <Alert>{send.data.message}</Alert>}
        {send.data && send.data.sent !== false && (
          <Alert tone="success">
            {t.rich("queued", {
              ids: send.data.webhookEventIds.join(", "),
              code: (chunks) => <code>{chunks}</code>,
            })}
          </Alert>
        )}
      </div>
    </Card>
  );
}
