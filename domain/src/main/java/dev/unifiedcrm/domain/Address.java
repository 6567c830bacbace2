package dev.unifiedcrm.domain;

/** A postal address; every part may be null. */
public record Address(
        String street1,
        String street2,
        String city,
        String state,
        String postalCode,
        String country,
        String type) {

    /** True when no part of the address (its type aside) holds anything. */
    public boolean isEmpty() {
        return blank(street1) && blank(street2) && blank(city) && blank(state) && blank(postalCode) && blank(country);
    }

    private static boolean blank(String part) {
        return part == null || part.isEmpty();
    }
}
