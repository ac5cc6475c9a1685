package io.socialdesk.core.channel;

/**
 * Limits a network publishes for an account, to override the rules table's defaults: characters per
 * post, characters a URL counts for, media per post, image bytes; and a publishing quota with what is
 * left of it (null where the network does not say).
 */
public record NetworkLimits(Integer maxCharacters, Integer charactersPerUrl, Integer maxMedia, Long maxImageBytes, Integer quota,
        Integer quotaUsed) {
}
