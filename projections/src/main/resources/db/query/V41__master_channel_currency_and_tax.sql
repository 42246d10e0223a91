-- Channels state their currency and whether their prices include tax (ChannelRegistered revision 2). A channel
-- registered before that has no currency (any is accepted) and net prices, as its upcaster says.
ALTER TABLE master_channel ADD COLUMN currency VARCHAR(3);
ALTER TABLE master_channel ADD COLUMN prices_include_tax BOOLEAN NOT NULL DEFAULT FALSE;
