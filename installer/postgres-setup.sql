-- Recovery Desk on a PostgreSQL server: an agency database, the role that owns it
-- and the role the workstations connect as. Run once with psql as a superuser:
--
--     psql -h SERVER -U postgres -v db=agency \
--          -v owner=recovery_desk_owner -v owner_password='...' \
--          -v app=recovery_desk -v app_password='...' \
--          -f postgres-setup.sql
--
-- Then, as the OWNER (it runs the program's migrations, now and at each upgrade):
--
--   1. recovery-desk user add NAME --name "Full Name" \
--          --db postgresql+psycopg://recovery_desk_owner@SERVER/agency
--      creates the tables and the first administrator;
--   2. psql -h SERVER -U recovery_desk_owner -d agency -f db/postgres_audit_role.sql
--      psql -h SERVER -U recovery_desk_owner -d agency \
--          -c "SELECT recovery_desk_grant_app_role('recovery_desk')"
--      leaves the application role only appending to the audit trail.
--
-- The workstations then connect as the application role:
--     postgresql+psycopg://recovery_desk@SERVER/agency
-- It may read and write the program's tables and only SELECT and INSERT on
-- audit_log; it owns nothing and may create nothing, so it can neither change
-- the schema nor give itself back a right. Keep the owner's password for
-- upgrades, backups and restores.

\set ON_ERROR_STOP on

CREATE ROLE :"owner" LOGIN PASSWORD :'owner_password';
CREATE ROLE :"app" LOGIN PASSWORD :'app_password';
CREATE DATABASE :"db" OWNER :"owner" ENCODING 'UTF8' TEMPLATE template0;
-- Only the two roles may connect (recovery_desk_grant_app_role grants the app's CONNECT).
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"db" TO :"app";

\connect :"db"
-- The owner owns the schema; nobody else may create objects in it (PostgreSQL
-- before 15 let every role do so by default).
ALTER SCHEMA public OWNER TO :"owner";
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO :"app";
