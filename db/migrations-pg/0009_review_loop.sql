CREATE TABLE "comment_marks" (
	"id" serial PRIMARY KEY NOT NULL,
	"comment_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"is_handled" boolean NOT NULL,
	"at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "checkpoints" ALTER COLUMN "percent" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "published_number" integer;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "total_typed" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "fiscal_typed" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "other_typed" text;--> statement-breakpoint
ALTER TABLE "review_comments" ADD COLUMN "target_label" text;--> statement-breakpoint
ALTER TABLE "comment_marks" ADD CONSTRAINT "comment_marks_comment_id_review_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."review_comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_marks" ADD CONSTRAINT "comment_marks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "comment_marks_comment" ON "comment_marks" USING btree ("comment_id","at");