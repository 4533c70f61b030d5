CREATE TABLE "unit_year_deadlines" (
	"unit_year_id" integer PRIMARY KEY NOT NULL,
	"due_on" text NOT NULL,
	"set_by" integer,
	"set_at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "parent_id" integer;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "is_this_unit_only" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "unit_year_deadlines" ADD CONSTRAINT "unit_year_deadlines_unit_year_id_unit_years_id_fk" FOREIGN KEY ("unit_year_id") REFERENCES "public"."unit_years"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_year_deadlines" ADD CONSTRAINT "unit_year_deadlines_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_parent_id_units_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "units_parent" ON "units" USING btree ("parent_id");