package org.tribune.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "app_user")
public class Account {

    @Id
    public UUID id;

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

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "last_login_at")
    public Instant lastLoginAt;

    @Version
    public long version;
}
