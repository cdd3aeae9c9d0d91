-- a platform migration released after the service reached V2
create table platform_probe (id bigint primary key);
