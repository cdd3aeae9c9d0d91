-- No unique key on purpose: only the inbox keeps a note from being applied twice.
create table note (
    seq     bigserial primary key,
    note_id uuid not null,
    text    text not null
);
