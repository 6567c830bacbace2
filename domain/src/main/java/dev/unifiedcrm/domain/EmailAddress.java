package dev.unifiedcrm.domain;

import java.util.Objects;

/** An e-mail address and its kind ({@code primary}, {@code work}, ...). */
public record EmailAddress(String email, String type) {

    public EmailAddress {
        Objects.requireNonNull(email, "email");
    }
}
