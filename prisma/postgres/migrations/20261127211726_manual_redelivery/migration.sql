-- AlterTable
ALTER TABLE "Webhook" ADD COLUMN     "manualRedeliveryFrom" TEXT;

