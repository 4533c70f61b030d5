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
ALTER TABLE "table_adjustments" ADD CONSTRAINT "table_adjustments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "table_adjustments" ADD CONSTRAINT "table_adjustments_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "table_adjustments" ADD CONSTRAINT "table_adjustments_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "table_adjustments_project_seq" ON "table_adjustments" USING btree ("project_id","seq");--> statement-breakpoint
CREATE INDEX "table_adjustments_status" ON "table_adjustments" USING btree ("status");