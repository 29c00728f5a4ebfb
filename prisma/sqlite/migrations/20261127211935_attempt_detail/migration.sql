-- Written by hand instead of Prisma's table rebuild: adding nullable columns (and one with a
-- constant default) is what SQLite's ADD COLUMN does in place, without copying every attempt.
ALTER TABLE "DeliveryAttempt" ADD COLUMN "requestHeaders" TEXT;
ALTER TABLE "DeliveryAttempt" ADD COLUMN "responseHeaders" TEXT;
ALTER TABLE "DeliveryAttempt" ADD COLUMN "responseExcerpt" TEXT;
ALTER TABLE "DeliveryAttempt" ADD COLUMN "responseTruncated" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "DeliveryAttempt" ADD COLUMN "dnsMs" INTEGER;
ALTER TABLE "DeliveryAttempt" ADD COLUMN "connectMs" INTEGER;
ALTER TABLE "DeliveryAttempt" ADD COLUMN "tlsMs" INTEGER;
ALTER TABLE "DeliveryAttempt" ADD COLUMN "responseMs" INTEGER;
