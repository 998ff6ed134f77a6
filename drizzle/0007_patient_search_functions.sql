-- Patient search ignores accents and case (DESIGN 5, issue 6). What drizzle-kit cannot emit: the
-- extension and the functions the trigram index (next migration) is built over.

-- Trusted extension (PostgreSQL 13+): the database owner may create it without superuser.
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint

-- unaccent() is only STABLE (its dictionary could change), so it cannot appear in an index. This
-- wrapper names the dictionary explicitly and is declared IMMUTABLE: if the unaccent rules file is
-- ever edited, REINDEX patients_search_idx. The SQL-standard body binds the dictionary and the
-- functions at creation, so a caller's search_path cannot swap them.
CREATE FUNCTION "search_normalize"(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN lower(public.unaccent('public.unaccent'::regdictionary, value));--> statement-breakpoint

-- What patients.search matches fragments against: name and e-mail without accents or case, then
-- the phone number's digits alone, so "06 12" and "+33 6 12" both find "06.12.34.56.78".
CREATE FUNCTION "patient_search_text"(full_name text, email text, phone text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN public.search_normalize(coalesce(full_name, '') || ' ' || coalesce(email, ''))
    || ' ' || regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g');
