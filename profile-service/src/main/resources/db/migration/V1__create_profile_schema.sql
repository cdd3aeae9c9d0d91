create table profile (
    user_id                    uuid primary key,
    display_name               varchar(80)  not null check (length(trim(display_name)) > 0),
    avatar_url                 varchar(2048),
    birth_date                 date,
    sex                        varchar(16) check (sex in ('FEMALE', 'MALE', 'OTHER')),
    height_cm                  integer  check (height_cm between 50 and 272),
    weight_kg                  numeric(5, 1) check (weight_kg between 20 and 400),
    max_heart_rate             integer  check (max_heart_rate between 100 and 230),
    resting_heart_rate         integer  check (resting_heart_rate between 25 and 120),
    units                      varchar(16) not null check (units in ('METRIC', 'IMPERIAL')),
    time_zone                  varchar(64) not null,
    default_workout_visibility varchar(16) not null check (default_workout_visibility in ('PUBLIC', 'FOLLOWERS', 'PRIVATE')),
    account_privacy            varchar(16) not null check (account_privacy in ('PUBLIC', 'PRIVATE')),
    created_at                 timestamptz not null,
    updated_at                 timestamptz not null,
    version                    bigint      not null,
    check (resting_heart_rate is null or max_heart_rate is null or resting_heart_rate < max_heart_rate)
);
