-- Custom SQL migration.
-- The audit log is append-only: the application never updates or deletes a row, and the
-- database refuses to. Tampering by someone with superuser access is caught by the hash chain.
CREATE OR REPLACE FUNCTION kernel_audit_log_immutable() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'kernel_audit_log is append-only';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER kernel_audit_log_no_update BEFORE UPDATE OR DELETE ON kernel_audit_log
  FOR EACH ROW EXECUTE FUNCTION kernel_audit_log_immutable();
--> statement-breakpoint
CREATE TRIGGER kernel_audit_log_no_truncate BEFORE TRUNCATE ON kernel_audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION kernel_audit_log_immutable();
