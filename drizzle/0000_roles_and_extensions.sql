-- Runs as frontdesk_owner: the role that owns the database and every object in it (see
-- docs/operations.md for the one-time provisioning a DBA does before the first migration).
-- Roles are cluster-wide, so they are created only if missing; running this twice is harmless.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'frontdesk_app') THEN
    -- What the server logs in as: owns nothing, cannot bypass row-level security.
    CREATE ROLE frontdesk_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
END
$$;--> statement-breakpoint
-- Trusted extensions (PostgreSQL 13+): the database owner may create them without superuser.
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
