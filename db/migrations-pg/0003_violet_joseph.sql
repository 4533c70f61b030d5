ALTER TABLE "indicators" ADD COLUMN "longterm_value" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "longterm_goal" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "amount_unit" text;