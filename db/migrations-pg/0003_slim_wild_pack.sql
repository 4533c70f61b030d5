ALTER TABLE "checkpoints" ALTER COLUMN "percent" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "total_typed" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "fiscal_typed" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "other_typed" text;