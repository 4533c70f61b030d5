ALTER TABLE "library_entries" ADD COLUMN "measure_unit" text;--> statement-breakpoint
ALTER TABLE "library_entries" ADD COLUMN "basis" text;