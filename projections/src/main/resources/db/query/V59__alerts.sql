-- Read model "alerts" (docs/kpis.md "Exception alerts"): each alert (one per type and subject) in its latest
-- occurrence: open, acknowledged or resolved, by whom and when. change_no grows with every write (one sequence for
-- all rows): the live stream (GET /api/alerts/stream) sends the rows changed after the last number a client saw.
CREATE SEQUENCE alerts_change_no;

CREATE TABLE alerts_alert (
    alert_id            VARCHAR(300)  PRIMARY KEY,
    type                VARCHAR(40)   NOT NULL,
    status              VARCHAR(12)   NOT NULL,  -- OPEN, ACKNOWLEDGED, RESOLVED
    occurrence          INT           NOT NULL,
    channel_id          VARCHAR(64),
    sku                 VARCHAR(64),
    order_id            VARCHAR(64),
    summary             TEXT          NOT NULL,
    measured            NUMERIC(19, 4),
    threshold           NUMERIC(19, 4),
    raised_at           TIMESTAMPTZ   NOT NULL,
    acknowledged_by     VARCHAR(255),
    acknowledged_at     TIMESTAMPTZ,
    acknowledge_note    TEXT,
    resolved_at         TIMESTAMPTZ,
    resolved_by         VARCHAR(255),
    resolved_automatic  BOOLEAN,
    resolution_reason   TEXT,
    last_sequence       BIGINT        NOT NULL,
    change_no           BIGINT        NOT NULL
);
CREATE INDEX alerts_alert_status_raised_idx ON alerts_alert (status, raised_at DESC);
CREATE INDEX alerts_alert_change_no_idx ON alerts_alert (change_no);
