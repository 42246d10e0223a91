-- The demo loader's own record of its run (profile demo only): written when a load starts and again when it has sent
-- its last command. A row without completed_at after its loader is gone means the load was interrupted (killed,
-- stopped or failed half way), so a later start can tell a half-loaded demo from a complete one. One row at most.
CREATE TABLE demo_load (
    id             SMALLINT     NOT NULL DEFAULT 1,
    seed           BIGINT       NOT NULL,
    days           INTEGER      NOT NULL,
    orders_per_day INTEGER      NOT NULL,
    started_at     TIMESTAMPTZ  NOT NULL,
    progress_day   INTEGER      NOT NULL DEFAULT 0,
    progress_at    TIMESTAMPTZ  NOT NULL,
    completed_at   TIMESTAMPTZ,
    orders_placed  INTEGER,
    failure        VARCHAR(500),
    CONSTRAINT demo_load_pk PRIMARY KEY (id),
    CONSTRAINT demo_load_single_row CHECK (id = 1)
);
