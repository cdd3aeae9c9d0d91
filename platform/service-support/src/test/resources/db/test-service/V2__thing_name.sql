alter table thing add column name text;
