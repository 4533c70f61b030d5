CREATE TABLE "library_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"level1" text NOT NULL,
	"level2" text NOT NULL,
	"name_key" text NOT NULL,
	"name" text NOT NULL,
	"uses" integer DEFAULT 0 NOT NULL,
	"is_standard" boolean DEFAULT false NOT NULL,
	"explanation" text,
	"method" text,
	"reference" text,
	"framework_code" text,
	"is_retired" boolean DEFAULT false NOT NULL,
	"merged_into" integer,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "library_entry_units" (
	"entry_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"uses" integer NOT NULL,
	CONSTRAINT "library_entry_units_entry_id_unit_id_pk" PRIMARY KEY("entry_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "library_facets" (
	"entry_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "library_facets_entry_id_unit_id_kind_text_pk" PRIMARY KEY("entry_id","unit_id","kind","text")
);
--> statement-breakpoint
CREATE TABLE "library_grams" (
	"gram" text NOT NULL,
	"entry_id" integer NOT NULL,
	CONSTRAINT "library_grams_gram_entry_id_pk" PRIMARY KEY("gram","entry_id")
);
--> statement-breakpoint
CREATE TABLE "library_sources" (
	"entry_id" integer NOT NULL,
	"project_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	CONSTRAINT "library_sources_entry_id_project_id_pk" PRIMARY KEY("entry_id","project_id")
);
--> statement-breakpoint
ALTER TABLE "library_entry_units" ADD CONSTRAINT "library_entry_units_entry_id_library_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."library_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_facets" ADD CONSTRAINT "library_facets_entry_id_library_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."library_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_grams" ADD CONSTRAINT "library_grams_entry_id_library_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."library_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_sources" ADD CONSTRAINT "library_sources_entry_id_library_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."library_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_sources" ADD CONSTRAINT "library_sources_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "library_entries_key" ON "library_entries" USING btree ("level1","level2","name_key");--> statement-breakpoint
CREATE INDEX "library_entries_uses" ON "library_entries" USING btree ("uses","id");--> statement-breakpoint
CREATE INDEX "library_entries_level2_uses" ON "library_entries" USING btree ("level2","uses","id");--> statement-breakpoint
CREATE INDEX "library_entries_name" ON "library_entries" USING btree ("name_key" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "library_entries_standard" ON "library_entries" USING btree ("uses") WHERE is_standard = true;--> statement-breakpoint
CREATE INDEX "library_entry_units_unit" ON "library_entry_units" USING btree ("unit_id","entry_id");--> statement-breakpoint
CREATE INDEX "library_facets_top" ON "library_facets" USING btree ("entry_id","unit_id","kind","count");--> statement-breakpoint
CREATE INDEX "library_sources_project" ON "library_sources" USING btree ("project_id");