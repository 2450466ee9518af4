-- System clients (issue 14): device platforms and integration engines registered by their organisation's
-- administrator, authenticating to Homeward's authorization server with OAuth 2.0 client credentials and a signed JWT
-- assertion (private_key_jwt, RS512, the client's public keys at its registered JWKS URL), as NHS England's APIs do.
-- A client acts as one active account of its organisation, so the permission table, care-team rule and audit apply
-- to it as to that account.
create table system_client (
    client_id        varchar(100)  primary key,
    name             varchar(200)  not null,
    organisation_id  uuid          not null references organisation (id),
    acts_as          uuid          not null references app_user (id),
    scopes           text[]        not null,
    jwk_set_url      varchar(500)  not null,
    registered_by    varchar(80)   not null,
    registered_at    timestamptz   not null,
    revoked_at       timestamptz,
    revoked_by       varchar(80)
);
create index system_client_organisation on system_client (organisation_id, registered_at);

-- Spring Authorization Server's JdbcOAuth2AuthorizationService table (oauth2-authorization-schema.sql from the SAS
-- 1.5 jar), adapted for PostgreSQL as its header says: blob as text, timestamp as timestamptz. Each token issued is
-- one row (the access token and its claims); nothing reads them back to authorize a request (the FHIR API checks the
-- JWT's signature and the client's registration), they are the record of what was issued.
create table oauth2_authorization (
    id varchar(100) not null,
    registered_client_id varchar(100) not null,
    principal_name varchar(200) not null,
    authorization_grant_type varchar(100) not null,
    authorized_scopes varchar(1000) default null,
    attributes text default null,
    state varchar(500) default null,
    authorization_code_value text default null,
    authorization_code_issued_at timestamptz default null,
    authorization_code_expires_at timestamptz default null,
    authorization_code_metadata text default null,
    access_token_value text default null,
    access_token_issued_at timestamptz default null,
    access_token_expires_at timestamptz default null,
    access_token_metadata text default null,
    access_token_type varchar(100) default null,
    access_token_scopes varchar(1000) default null,
    oidc_id_token_value text default null,
    oidc_id_token_issued_at timestamptz default null,
    oidc_id_token_expires_at timestamptz default null,
    oidc_id_token_metadata text default null,
    refresh_token_value text default null,
    refresh_token_issued_at timestamptz default null,
    refresh_token_expires_at timestamptz default null,
    refresh_token_metadata text default null,
    user_code_value text default null,
    user_code_issued_at timestamptz default null,
    user_code_expires_at timestamptz default null,
    user_code_metadata text default null,
    device_code_value text default null,
    device_code_issued_at timestamptz default null,
    device_code_expires_at timestamptz default null,
    device_code_metadata text default null,
    primary key (id)
);
create index oauth2_authorization_client on oauth2_authorization (registered_client_id, access_token_issued_at);

-- The RSA key the authorization server signs access tokens with and the FHIR API checks them with: one key every
-- node shares and that survives restarts. Made by the first node to start (insert if absent, then read, so two nodes
-- starting together agree on one). A production deployment should hold it in a key vault instead (docs/fhir.md).
create table oauth2_signing_key (
    id          varchar(20)   primary key check (id = 'current'),
    key_id      varchar(100)  not null,
    jwk         text          not null,
    created_at  timestamptz   not null
);

-- The jti of every client assertion accepted, until it expires (at most five minutes): an assertion is good once.
create table client_assertion_jti (
    client_id   varchar(100)  not null,
    jti         varchar(200)  not null,
    expires_at  timestamptz   not null,
    primary key (client_id, jti)
);
create index client_assertion_jti_expiry on client_assertion_jti (expires_at);
