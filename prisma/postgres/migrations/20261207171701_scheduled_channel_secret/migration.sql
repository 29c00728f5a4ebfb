-- AlterTable
ALTER TABLE "Channel" ADD COLUMN     "nextChannelSecret" TEXT,
ADD COLUMN     "nextChannelSecretAt" TIMESTAMP(3);

