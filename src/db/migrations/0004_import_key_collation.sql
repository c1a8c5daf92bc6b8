-- Import keys and domains are identifiers, compared for equality and never sorted for people:
-- the "C" collation (byte order) makes every index on them cheaper to maintain and to search than
-- a linguistic collation, which an import of a million rows pays on every row. Equality is the
-- same under both, so no stored key changes meaning.
ALTER TABLE "accounts" ALTER COLUMN "external_source" TYPE text COLLATE "C", ALTER COLUMN "external_id" TYPE text COLLATE "C", ALTER COLUMN "domain" TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "opportunities" ALTER COLUMN "external_source" TYPE text COLLATE "C", ALTER COLUMN "external_id" TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "contacts" ALTER COLUMN "external_source" TYPE text COLLATE "C", ALTER COLUMN "external_id" TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "partners" ALTER COLUMN "external_source" TYPE text COLLATE "C", ALTER COLUMN "external_id" TYPE text COLLATE "C", ALTER COLUMN "domain" TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "partner_accounts" ALTER COLUMN "external_source" TYPE text COLLATE "C", ALTER COLUMN "external_id" TYPE text COLLATE "C", ALTER COLUMN "domain" TYPE text COLLATE "C";
