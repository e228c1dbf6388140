package org.tribune.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "sign_in_failure")
public class SignInFailure {

    @Id
    public UUID id;

    @Column(name = "throttle_key")
    public String throttleKey;

    @Column(name = "failed_at")
    public Instant failedAt;
}
