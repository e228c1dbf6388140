package org.tribune.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import org.tribune.persistence.VersionedEntity;

@Entity
@Table(name = "app_user")
public class Account extends VersionedEntity {

    /** Lower-case, so that usernames are unique ignoring case. */
    public String username;

    @Column(name = "display_name")
    public String displayName;

    public String email;

    /** The lower-cased email, unique when present. */
    @Column(name = "email_key")
    public String emailKey;

    @Enumerated(EnumType.STRING)
    public AccountRole role;

    public boolean active;

    @Column(name = "password_hash")
    public String passwordHash;

    /** Carried by access tokens; raising it voids every token issued before. */
    @Column(name = "token_version")
    public int tokenVersion;

    @Column(name = "last_login_at")
    public Instant lastLoginAt;
}
