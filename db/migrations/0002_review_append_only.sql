-- Custom migration (drizzle-kit generate --custom): the review conversation is append-only, like the
-- audit log. A cascade from deleting a project fires these too, so a table with review history
-- cannot be deleted by any path; the app refuses first with a readable message.
CREATE TRIGGER `review_events_no_update` BEFORE UPDATE ON `review_events`
BEGIN
  SELECT RAISE(ABORT, 'review_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `review_events_no_delete` BEFORE DELETE ON `review_events`
BEGIN
  SELECT RAISE(ABORT, 'review_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `review_comments_no_update` BEFORE UPDATE ON `review_comments`
BEGIN
  SELECT RAISE(ABORT, 'review_comments is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `review_comments_no_delete` BEFORE DELETE ON `review_comments`
BEGIN
  SELECT RAISE(ABORT, 'review_comments is append-only');
END;
