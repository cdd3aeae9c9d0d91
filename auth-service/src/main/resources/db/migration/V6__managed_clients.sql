-- OAuth clients administrators register for partners (ADR 0039), beside the configured ones that
-- ClientRegistrar writes at every start. The client itself is Spring Authorization Server's row in
-- oauth2_registered_client; this marks it as the administrators', so the configuration never
-- overwrites it and the admin API never changes a configured one.
create table managed_client (
    client_id  varchar(100) primary key,
    created_by uuid         not null,
    created_at timestamptz  not null,
    updated_at timestamptz  not null
);
