-- DropIndex
DROP INDEX "AuditTerm_term_time_idx";

-- CreateIndex
CREATE INDEX "AuditTerm_term_time_eventId_idx" ON "AuditTerm"("term", "time", "eventId");
