create table thing (id bigint primary key);
