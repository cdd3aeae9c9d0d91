-- Emails to partners (ADR 0038): integration-service's WebhookDisabled is emailed to the partner's
-- contact, an address that is no person's. Such a delivery names its partner instead of a person;
-- like an account email it carries its address and words in payload until it is sent (then
-- cleared), once per event (source_event_id).
alter table delivery add column partner_id uuid;
alter table delivery alter column user_id drop not null;
alter table delivery add constraint delivery_one_recipient
    check ((user_id is null) <> (partner_id is null));
alter table delivery add constraint delivery_partner_by_email
    check (partner_id is null or channel = 'email');
