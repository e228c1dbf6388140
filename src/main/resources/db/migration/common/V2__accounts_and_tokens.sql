-- Runs unchanged on H2 and PostgreSQL. "user" is reserved in PostgreSQL, hence app_user.

CREATE TABLE app_user (
    id            UUID PRIMARY KEY,
    username      VARCHAR(40)  NOT NULL,
    display_name  VARCHAR(100) NOT NULL,
    email         VARCHAR(254),
    email_key     VARCHAR(254),
    role          VARCHAR(10)  NOT NULL,
    active        BOOLEAN      NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    -- Part of every access token; raised when the password, role or active flag changes, which voids older tokens.
    token_version INTEGER      NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_login_at TIMESTAMP WITH TIME ZONE,
    version       BIGINT NOT NULL
);
CREATE UNIQUE INDEX ux_app_user_username ON app_user (username);
CREATE UNIQUE INDEX ux_app_user_email ON app_user (email_key);
CREATE INDEX ix_app_user_role ON app_user (role, active);

CREATE TABLE api_token (
    id           UUID PRIMARY KEY,
    name         VARCHAR(100) NOT NULL,
    role         VARCHAR(10)  NOT NULL,
    -- SHA-256 of the secret: the secret itself is shown once and never stored.
    secret_hash  VARCHAR(64)  NOT NULL,
    secret_hint  VARCHAR(12)  NOT NULL,
    created_by   UUID NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE,
    last_used_at TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX ux_api_token_secret ON api_token (secret_hash);
CREATE INDEX ix_api_token_created_by ON api_token (created_by);

-- Failed sign-ins, shared by every instance. The key is a hash of the username or client address, so a password
-- typed into the username field is never stored.
CREATE TABLE sign_in_failure (
    id           UUID PRIMARY KEY,
    throttle_key VARCHAR(64) NOT NULL,
    failed_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_sign_in_failure_key ON sign_in_failure (throttle_key, failed_at);
CREATE INDEX ix_sign_in_failure_time ON sign_in_failure (failed_at);

ALTER TABLE post ADD COLUMN author_id UUID;
ALTER TABLE post ADD CONSTRAINT fk_post_author FOREIGN KEY (author_id) REFERENCES app_user (id);
CREATE INDEX ix_post_author ON post (author_id);
