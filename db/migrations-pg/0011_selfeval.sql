CREATE TABLE "selfeval_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"selfeval_id" integer NOT NULL,
	"action" text NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"user_id" integer NOT NULL,
	"reason" text,
	"version" integer NOT NULL,
	"at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "selfeval_rounds" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_year_id" integer NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"opened_by" integer,
	"opened_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "selfevals" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"project_id" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"data" text NOT NULL,
	"score_cents" integer,
	"grade" text,
	"updated_by" integer,
	"submitted_by" integer,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "selfeval_events" ADD CONSTRAINT "selfeval_events_selfeval_id_selfevals_id_fk" FOREIGN KEY ("selfeval_id") REFERENCES "public"."selfevals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selfeval_events" ADD CONSTRAINT "selfeval_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selfeval_rounds" ADD CONSTRAINT "selfeval_rounds_unit_year_id_unit_years_id_fk" FOREIGN KEY ("unit_year_id") REFERENCES "public"."unit_years"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selfeval_rounds" ADD CONSTRAINT "selfeval_rounds_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selfevals" ADD CONSTRAINT "selfevals_round_id_selfeval_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."selfeval_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selfevals" ADD CONSTRAINT "selfevals_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selfevals" ADD CONSTRAINT "selfevals_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selfevals" ADD CONSTRAINT "selfevals_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "selfeval_events_selfeval" ON "selfeval_events" USING btree ("selfeval_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "selfeval_rounds_unit_year" ON "selfeval_rounds" USING btree ("unit_year_id");--> statement-breakpoint
CREATE UNIQUE INDEX "selfevals_round_project" ON "selfevals" USING btree ("round_id","project_id");--> statement-breakpoint
CREATE INDEX "selfevals_project" ON "selfevals" USING btree ("project_id");