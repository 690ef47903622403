-- Creates Kennisplatform's account and database. Run once, as the postgres superuser, with a password of your own:
--   sudo -u postgres psql -v password="$(openssl rand -base64 24)" -f create-database.sql
-- The platform creates and migrates its tables itself on first start, as the owner of this database.
-- The multi-node test runs this file against its own PostgreSQL.
CREATE ROLE kennisplatform LOGIN PASSWORD :'password';
-- Collation C sorts as SQLite does, so both engines list titles in the same order.
CREATE DATABASE kennisplatform OWNER kennisplatform ENCODING 'UTF8' TEMPLATE template0 LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8';
REVOKE ALL ON DATABASE kennisplatform FROM PUBLIC;
