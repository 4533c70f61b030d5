DROP INDEX "monitoring_reports_round_light";--> statement-breakpoint
CREATE INDEX "monitoring_reports_round_light_status" ON "monitoring_reports" USING btree ("round_id","light","status");