-- What an activity was called and who could see it where it came from (ActivityFileReceived v2:
-- a platform it was pulled from, ADR 0042): the workout takes the title, and is shown to no more
-- people than that visibility and the athlete's default allow.
alter table workout_import
    add column requested_title text check (length(requested_title) <= 200),
    add column requested_visibility text
        check (requested_visibility in ('PUBLIC', 'FOLLOWERS', 'PRIVATE'));
