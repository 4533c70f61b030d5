-- Custom migration (drizzle-kit generate --custom): the audit log and the review conversation are
-- append-only, as on SQLite (migrations 0001 and 0002 there). A cascade from deleting a project fires
-- these too, so a table with review history cannot be deleted by any path.
CREATE FUNCTION pt_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE PROCEDURE pt_refuse_change();
--> statement-breakpoint
CREATE TRIGGER review_events_append_only BEFORE UPDATE OR DELETE ON review_events FOR EACH ROW EXECUTE PROCEDURE pt_refuse_change();
--> statement-breakpoint
CREATE TRIGGER review_comments_append_only BEFORE UPDATE OR DELETE ON review_comments FOR EACH ROW EXECUTE PROCEDURE pt_refuse_change();
