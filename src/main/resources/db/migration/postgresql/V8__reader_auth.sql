-- Reader sign-ins in flight: one row from the redirect to the provider until its callback (10 minutes at
-- most), deleted when used so a state cannot be replayed. Only hashes of the state and of the browser
-- binding cookie are kept; the PKCE verifier and nonce are worthless once the row is gone.
create table reader_auth_attempts (
    state_hash    text    not null primary key,
    browser_hash  text    not null,
    provider      text    not null,
    code_verifier text    not null,
    nonce         text,
    return_path   text    not null,
    popup         boolean not null,
    created_at    bigint  not null,
    expires_at    bigint  not null
);
create index reader_auth_attempts_expiry on reader_auth_attempts (expires_at);
