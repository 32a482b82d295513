-- DropIndex
DROP INDEX "AuditTerm_term_time_idx";

-- CreateIndex
CREATE INDEX "AuditEvent_username_clusterName_status_time_idx" ON "AuditEvent"("username", "clusterName", "status", "time");

-- CreateIndex
CREATE INDEX "AuditEvent_clusterName_status_time_idx" ON "AuditEvent"("clusterName", "status", "time");

-- CreateIndex
CREATE INDEX "AuditTerm_term_time_eventId_idx" ON "AuditTerm"("term", "time", "eventId");
