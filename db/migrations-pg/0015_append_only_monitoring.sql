-- Custom migration (drizzle-kit generate --custom): the monitoring workflow history and the target
-- adjustments are append-only, as on SQLite (migration 0011 there). monitoring_events is never changed
-- or deleted. A table_adjustments proposal is never changed or deleted; the one UPDATE allowed is its
-- decision (submitted → approved or returned), and a decision is final.
CREATE TRIGGER monitoring_events_append_only BEFORE UPDATE OR DELETE ON monitoring_events FOR EACH ROW EXECUTE PROCEDURE pt_refuse_change();
--> statement-breakpoint
CREATE FUNCTION pt_adjustment_decision_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status <> 'submitted' OR NEW.status NOT IN ('approved', 'returned')
    OR (NEW.id, NEW.project_id, NEW.seq, NEW.reason, NEW.budget_before_yuan, NEW.budget_after_yuan, NEW.goal_before, NEW.goal_after, NEW."rows", NEW.proposed_by, NEW.created_at)
      IS DISTINCT FROM (OLD.id, OLD.project_id, OLD.seq, OLD.reason, OLD.budget_before_yuan, OLD.budget_after_yuan, OLD.goal_before, OLD.goal_after, OLD."rows", OLD.proposed_by, OLD.created_at)
  THEN
    RAISE EXCEPTION 'table_adjustments is append-only: a proposal never changes and its decision is final';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER table_adjustments_decision_only BEFORE UPDATE ON table_adjustments FOR EACH ROW EXECUTE PROCEDURE pt_adjustment_decision_only();
--> statement-breakpoint
CREATE TRIGGER table_adjustments_no_delete BEFORE DELETE ON table_adjustments FOR EACH ROW EXECUTE PROCEDURE pt_refuse_change();
