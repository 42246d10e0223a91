-- Idempotency keys are stored as "<user>/<key>" so one caller's key can never replay another caller's response.
ALTER TABLE idempotency_key ALTER COLUMN idem_key TYPE VARCHAR(512);
