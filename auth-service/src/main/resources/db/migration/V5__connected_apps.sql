-- The apps and devices an athlete connected (ADR 0038): written with DeviceLinked, in the same
-- transaction, and gone with the disconnection (AppDisconnected) or the account. Apps that ask no
-- consent (the first-party mobile app) are never here. scopes: what the athlete granted.
create table connected_app (
    user_id      uuid         not null references account (id) on delete cascade,
    client_id    varchar(100) not null,
    scopes       text[]       not null,
    connected_at timestamptz  not null,
    primary key (user_id, client_id)
);

-- Connections made before this table: every stored consent, and every device that holds tokens.
insert into connected_app (user_id, client_id, scopes, connected_at)
select cast(c.principal_name as uuid), r.client_id,
       array(select substr(a, 7) from unnest(string_to_array(c.authorities, ',')) a
             where a like 'SCOPE\_%' order by 1),
       now()
from oauth2_authorization_consent c
join oauth2_registered_client r on r.id = c.registered_client_id
where exists (select 1 from account where cast(id as text) = c.principal_name)
on conflict do nothing;

insert into connected_app (user_id, client_id, scopes, connected_at)
select cast(a.principal_name as uuid), r.client_id,
       coalesce(string_to_array(max(a.authorized_scopes), ','), '{}'),
       min(a.access_token_issued_at)
from oauth2_authorization a
join oauth2_registered_client r on r.id = a.registered_client_id
where a.authorization_grant_type = 'urn:ietf:params:oauth:grant-type:device_code'
  and a.access_token_issued_at is not null
  and exists (select 1 from account where cast(id as text) = a.principal_name)
group by a.principal_name, r.client_id
on conflict do nothing;
