CREATE TABLE "monitoring_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"row_key" text NOT NULL,
	"actual" text DEFAULT '' NOT NULL,
	"forecast" text DEFAULT '' NOT NULL,
	"reasons" text DEFAULT '[]' NOT NULL,
	"reason_text" text DEFAULT '' NOT NULL,
	"likelihood" text,
	"note" text DEFAULT '' NOT NULL,
	"cumulative" boolean,
	"light" text DEFAULT 'none' NOT NULL,
	"progress" double precision
);
--> statement-breakpoint
CREATE TABLE "monitoring_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"action" text NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"user_id" integer NOT NULL,
	"reason" text,
	"comments" text DEFAULT '[]' NOT NULL,
	"version" integer NOT NULL,
	"at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"project_id" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"budget_yuan" bigint NOT NULL,
	"executed_yuan" bigint,
	"forecast_yuan" bigint,
	"goal_progress" text DEFAULT '' NOT NULL,
	"analysis" text DEFAULT '' NOT NULL,
	"needs_rectification" boolean DEFAULT false NOT NULL,
	"rectification" text DEFAULT '' NOT NULL,
	"funds_light" text DEFAULT 'none' NOT NULL,
	"funds_progress" double precision,
	"light" text DEFAULT 'none' NOT NULL,
	"red_count" integer DEFAULT 0 NOT NULL,
	"yellow_count" integer DEFAULT 0 NOT NULL,
	"updated_by" integer,
	"submitted_by" integer,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_rounds" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_year_id" integer NOT NULL,
	"month" integer NOT NULL,
	"deadline" text NOT NULL,
	"opened_by" integer,
	"opened_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "table_adjustments" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"reason" text NOT NULL,
	"budget_before_yuan" bigint NOT NULL,
	"budget_after_yuan" bigint NOT NULL,
	"goal_before" text NOT NULL,
	"goal_after" text NOT NULL,
	"rows" text NOT NULL,
	"proposed_by" integer,
	"decided_by" integer,
	"decision_reason" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "monitoring_entries" ADD CONSTRAINT "monitoring_entries_report_id_monitoring_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."monitoring_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_events" ADD CONSTRAINT "monitoring_events_report_id_monitoring_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."monitoring_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_events" ADD CONSTRAINT "monitoring_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_reports" ADD CONSTRAINT "monitoring_reports_round_id_monitoring_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."monitoring_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_reports" ADD CONSTRAINT "monitoring_reports_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_reports" ADD CONSTRAINT "monitoring_reports_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_reports" ADD CONSTRAINT "monitoring_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_rounds" ADD CONSTRAINT "monitoring_rounds_unit_year_id_unit_years_id_fk" FOREIGN KEY ("unit_year_id") REFERENCES "public"."unit_years"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_rounds" ADD CONSTRAINT "monitoring_rounds_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "table_adjustments" ADD CONSTRAINT "table_adjustments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "table_adjustments" ADD CONSTRAINT "table_adjustments_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "table_adjustments" ADD CONSTRAINT "table_adjustments_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_entries_report_row" ON "monitoring_entries" USING btree ("report_id","row_key");--> statement-breakpoint
CREATE INDEX "monitoring_events_report" ON "monitoring_events" USING btree ("report_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_reports_round_project" ON "monitoring_reports" USING btree ("round_id","project_id");--> statement-breakpoint
CREATE INDEX "monitoring_reports_round_light" ON "monitoring_reports" USING btree ("round_id","light");--> statement-breakpoint
CREATE INDEX "monitoring_reports_project" ON "monitoring_reports" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_rounds_unit_year_month" ON "monitoring_rounds" USING btree ("unit_year_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "table_adjustments_project_seq" ON "table_adjustments" USING btree ("project_id","seq");--> statement-breakpoint
CREATE INDEX "table_adjustments_status" ON "table_adjustments" USING btree ("status");