CREATE TABLE "unit_year_review_settings" (
	"unit_year_id" integer PRIMARY KEY NOT NULL,
	"review_levels" integer DEFAULT 1 NOT NULL,
	"set_by" integer,
	"set_at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "unit_year_review_settings" ADD CONSTRAINT "unit_year_review_settings_unit_year_id_unit_years_id_fk" FOREIGN KEY ("unit_year_id") REFERENCES "public"."unit_years"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_year_review_settings" ADD CONSTRAINT "unit_year_review_settings_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;