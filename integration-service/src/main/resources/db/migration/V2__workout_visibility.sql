-- What partners may have been told of each workout: its latest state's version and whether that
-- state was one partners may see (not private). A workout private from the start is never named to
-- a partner, not even by its deletion; a newer state seen already makes an older one change nothing
-- (a replayed or late event); a deletion leaves the highest version, so nothing brings it back.
create table workout_visibility (
    workout_id uuid    primary key,
    user_id    uuid    not null,
    version    bigint  not null,
    visible    boolean not null
);
create index workout_visibility_by_user on workout_visibility (user_id);
