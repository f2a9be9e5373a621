-- Sync bookkeeping per connection: provider request quota (SimpleFIN asks for at most 24 a day)
-- and the provider's own messages from the last sync, shown to the user.
ALTER TABLE connections ADD COLUMN quota_day TEXT;
ALTER TABLE connections ADD COLUMN quota_used INTEGER NOT NULL DEFAULT 0;
ALTER TABLE connections ADD COLUMN last_messages TEXT;
