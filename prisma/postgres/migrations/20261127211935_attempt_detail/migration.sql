-- AlterTable
ALTER TABLE "DeliveryAttempt" ADD COLUMN     "connectMs" INTEGER,
ADD COLUMN     "dnsMs" INTEGER,
ADD COLUMN     "requestHeaders" TEXT,
ADD COLUMN     "responseExcerpt" TEXT,
ADD COLUMN     "responseHeaders" TEXT,
ADD COLUMN     "responseMs" INTEGER,
ADD COLUMN     "responseTruncated" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "tlsMs" INTEGER;

