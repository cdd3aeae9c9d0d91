-- Privacy zones hide a circle around a secret point near the real centre, not around the centre
-- itself (docs/adr/0008-privacy-zone-guarantee.md): each zone gets a secret offset (uniform
-- bearing, length uniform in [0.3, 0.5] of the radius) and a 32-byte key for the per-workout
-- radius. The application draws both with SecureRandom; existing zones get theirs here
-- (gen_random_uuid is a strong random source; random() only picks the offset's bearing and length).
alter table privacy_zone
    add column offset_north_m double precision,
    add column offset_east_m  double precision,
    add column secret         bytea;

with drawn as (
    select id,
           2 * pi() * random()               as bearing,
           (0.3 + 0.2 * random()) * radius_m as meters
    from privacy_zone
)
update privacy_zone z
set offset_north_m = drawn.meters * cos(drawn.bearing),
    offset_east_m  = drawn.meters * sin(drawn.bearing),
    secret         = uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid())
from drawn
where z.id = drawn.id;

alter table privacy_zone
    alter column offset_north_m set not null,
    alter column offset_east_m set not null,
    alter column secret set not null,
    add constraint privacy_zone_secret_key check (octet_length(secret) = 32),
    -- the guarantee rests on this: the offset is never shorter than 0.3 r (nor longer than 0.5 r)
    add constraint privacy_zone_offset_length check (
        offset_north_m * offset_north_m + offset_east_m * offset_east_m
            between 0.09 * radius_m * radius_m * (1 - 1e-9)
                and 0.25 * radius_m * radius_m * (1 + 1e-9));
