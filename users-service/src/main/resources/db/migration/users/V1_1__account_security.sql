-- Accounts and account security. The gateway writes the security columns and phone_codes synchronously, because a
-- stale read there would lock the owner out or let an attacker in (see users-service/README.md).

-- the S3 key of the current profile photo (users-profile-pictures/<userId>/<photoId>.<ext>); null when there is none
alter table users add column photo_key varchar(255);

-- two_fa_token holds the TOTP secret AES-GCM encrypted (never plain); two_fa_pending the secret offered by the first
-- step of set-2fa until a code proves the user's app has it; two_fa_last_step the time step of the last accepted code,
-- so no code is accepted twice. phone_verification_code / verification_code_created_at are no longer used (phone_codes).
alter table user_settings
    alter column two_fa_token type varchar(512),
    add column two_fa_pending   varchar(512),
    add column two_fa_last_step bigint;

-- SMS codes: 6 digits from a CSPRNG, of which only the SHA-256 is kept; 5-minute expiry, single use, 5 attempts
create table phone_codes (
    id         uuid        primary key,
    user_id    uuid        not null,
    purpose    varchar(20) not null,
    phone      varchar(32) not null,
    code_hash  varchar(64) not null,
    attempts   int         not null default 0,
    expires_at timestamptz not null,
    used_at    timestamptz,
    created_at timestamptz not null default now()
);
create index phone_codes_user_purpose_idx on phone_codes (user_id, purpose, created_at desc);
