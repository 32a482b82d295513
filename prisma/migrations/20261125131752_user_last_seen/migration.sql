-- AlterTable
ALTER TABLE "User" ADD COLUMN "lastSeenAt" DATETIME;
