-- Imports a partner's app pushed for the athlete (integration-service's ActivityFileReceived):
-- who sent the file, in words for the athlete, and the sender's own id of the activity. Both null
-- for the athlete's own uploads.
alter table workout_import add column origin text;
alter table workout_import add column external_id text;
