ALTER TABLE "clinics" ADD COLUMN "owner_flags" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "operator_flags" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
-- The operator's overrides (ADR 0039) are the operator's: the server's role may read them but
-- never write them, so a bug or a compromised app cannot switch on what the operator held back.
-- `pnpm flags` connects as the owner role to change them.
CREATE FUNCTION "guard_operator_flags"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_user = 'frontdesk_app' AND (
    (TG_OP = 'INSERT' AND NEW.operator_flags <> '{}'::jsonb) OR
    (TG_OP = 'UPDATE' AND NEW.operator_flags IS DISTINCT FROM OLD.operator_flags)
  ) THEN
    RAISE EXCEPTION 'operator flags are set by the platform operator only' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "clinics_operator_flags_guard" BEFORE INSERT OR UPDATE ON "clinics"
  FOR EACH ROW EXECUTE FUNCTION "guard_operator_flags"();
