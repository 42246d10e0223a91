-- Supplier lead time drift (the alerts policy, docs/kpis.md "Exception alerts"): per purchase order what its lead time
-- needs (ObservedLeadTime: the day it was sent, the promised date, the day it was received in full), each order
-- received in full with its late days, and the suppliers the policy raised an alert for.
CREATE TABLE alert_purchase_order (
    purchase_order_id VARCHAR(64) PRIMARY KEY,
    supplier_id       VARCHAR(64) NOT NULL,
    submitted_day     DATE,
    expected_date     DATE        NOT NULL,
    confirmed_date    DATE
);
CREATE TABLE alert_supplier_receipt (
    supplier_id       VARCHAR(64) NOT NULL,
    purchase_order_id VARCHAR(64) NOT NULL,
    received_day      DATE        NOT NULL,
    late_days         INT         NOT NULL,
    CONSTRAINT alert_supplier_receipt_pk PRIMARY KEY (supplier_id, purchase_order_id)
);
CREATE INDEX alert_supplier_receipt_latest ON alert_supplier_receipt (supplier_id, received_day DESC);
CREATE TABLE alert_lead_time_drift (
    supplier_id VARCHAR(64) PRIMARY KEY
);
