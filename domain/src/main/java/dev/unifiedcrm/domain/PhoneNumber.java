package dev.unifiedcrm.domain;

import java.util.Objects;

/** A phone number, an optional extension and its kind ({@code work}, {@code mobile}, {@code fax}, ...). */
public record PhoneNumber(String number, String extension, String type) {

    public PhoneNumber {
        Objects.requireNonNull(number, "number");
    }
}
