package io.socialdesk.web.rest;

import io.socialdesk.core.problem.InvalidInputException;

/** Reads query and path parameters as text, so a malformed one is a 400 naming it, never a 404 or 500. */
final class QueryParams {
    private QueryParams() {}

    static int intInRange(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) return defaultValue;
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new InvalidInputException(name, "integer-range", "The " + name + " parameter must be a whole number from " + min + " to " + max);
    }

    static long positiveLong(String name, String value) {
        try {
            long n = Long.parseLong(value.strip());
            if (n > 0) return n;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new InvalidInputException(name, "positive-integer", "The " + name + " must be a positive whole number");
    }
}
