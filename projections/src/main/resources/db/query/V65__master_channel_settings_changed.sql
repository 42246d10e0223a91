-- A channel's fulfilment rules can change after registration (ChannelSettingsChanged): when they last did.
-- Null for a channel whose rules are those it was registered with.
ALTER TABLE master_channel ADD COLUMN settings_changed_at TIMESTAMPTZ;
