-- CreateTable
CREATE TABLE "WebhookEvent" (
    "webhookEventId" TEXT NOT NULL,
    "webhookId" TEXT NOT NULL,

    CONSTRAINT "WebhookEvent_pkey" PRIMARY KEY ("webhookEventId")
);

-- CreateIndex
CREATE INDEX "WebhookEvent_webhookId_idx" ON "WebhookEvent"("webhookId");

-- AddForeignKey
ALTER TABLE "WebhookEvent" ADD CONSTRAINT "WebhookEvent_webhookId_fkey" FOREIGN KEY ("webhookId") REFERENCES "Webhook"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The webhooks stored before this migration: their events' ids, from the JSON they keep.
INSERT INTO "WebhookEvent" ("webhookEventId", "webhookId")
SELECT "event" ->> 'webhookEventId', "Webhook"."id"
FROM "Webhook" CROSS JOIN LATERAL jsonb_array_elements("Webhook"."events"::jsonb) AS "event"
WHERE "event" ->> 'webhookEventId' IS NOT NULL;
