-- Each word of an athlete's folded name (SearchNames.words: split at spaces, hyphens,
-- apostrophes and dots), so that search finds "Eliud Kipchoge" by "kip" and "Anne-Marie" by
-- "marie": every word of the query must start a word of the name. One index range scan per word.
create table athlete_word (
    word    varchar(80) not null,
    user_id uuid        not null
);
create unique index athlete_word_prefix on athlete_word (word text_pattern_ops, user_id);
create index athlete_word_user on athlete_word (user_id);

insert into athlete_word (word, user_id)
select distinct w, user_id
from athlete, regexp_split_to_table(search_name, '[\s''’.-]+') as w
where w <> '';
