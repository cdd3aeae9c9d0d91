-- Disconnections (ADR 0038): what the athlete granted a client (DeviceLinked version 2; null for
-- connections announced before, which the partner's own scopes bound), and deliveries cancelled
-- because the athlete disconnected the partner before they went out (never sent, never replayed).
alter table connection add column scopes text[];

alter table delivery drop constraint delivery_status_check;
alter table delivery add constraint delivery_status_check
    check (status in ('pending', 'delivered', 'failed', 'cancelled'));
