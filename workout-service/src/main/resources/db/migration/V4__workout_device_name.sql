-- What recorded a workout, readable ("Garmin Edge 530"), beside device (its identity, e.g. a serial
-- number, used to tell sources apart). Filled for earlier imports when they are reprocessed.
alter table workout add column device_name varchar(200);
