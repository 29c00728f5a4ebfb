-- AlterTable
ALTER TABLE "Channel" ADD COLUMN "nextChannelSecret" TEXT;
ALTER TABLE "Channel" ADD COLUMN "nextChannelSecretAt" DATETIME;

