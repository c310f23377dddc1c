-- Recovery Desk on PostgreSQL: the application's role may read and append to the
-- audit trail, never change or remove a row of it.
--
-- The tables must belong to another role (the one that ran the program's
-- migrations, e.g. the database's owner): an owner can always give itself back a
-- right taken away. Run this file once as that owner, then name the role the
-- workstations connect as:
--
--     psql -d agency -f postgres_audit_role.sql
--     psql -d agency -c "SELECT recovery_desk_grant_app_role('recovery_desk')"
--
-- Run the SELECT again after each upgrade of the program that adds tables. The
-- role may then read and write client data, INSERT and SELECT on audit_log and
-- nothing more there (no UPDATE, DELETE or TRUNCATE), move the chain head in
-- audit_chain, and read the schema version. Upgrades run as the owner.

CREATE OR REPLACE FUNCTION recovery_desk_grant_app_role(app_role name) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = 'public'
               AND tablename = 'audit_log' AND tableowner = app_role) THEN
        RAISE EXCEPTION 'role % owns audit_log: connect the program as a role that does not own the tables', app_role;
    END IF;
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), app_role);
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', app_role);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', app_role);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', app_role);
    EXECUTE format('REVOKE ALL ON audit_log, audit_chain, alembic_version FROM %I', app_role);
    EXECUTE format('GRANT SELECT, INSERT ON audit_log TO %I', app_role);
    EXECUTE format('GRANT SELECT, UPDATE ON audit_chain TO %I', app_role);
    EXECUTE format('GRANT SELECT ON alembic_version TO %I', app_role);
END
$$;
