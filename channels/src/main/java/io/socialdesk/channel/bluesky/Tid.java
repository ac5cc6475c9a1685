package io.socialdesk.channel.bluesky;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * Timestamp identifiers (atproto.com/specs/tid): 64 bits, the top one zero, then microseconds since
 * the epoch (53 bits) and a 10-bit clock id, written as 13 characters of base32-sortable. They are the
 * record keys of posts, chosen here before the request so that a post has its address before it
 * exists. One generator never hands out the same value twice, even when the clock stands still or goes back.
 */
public final class Tid {
    private static final String ALPHABET = "234567abcdefghijklmnopqrstuvwxyz";
    private static final long MAX_MICROS = (1L << 53) - 1;

    private final Clock clock;
    private final int clockId;
    private long lastMicros = -1;

    public Tid(Clock clock) {
        this(clock, new SecureRandom());
    }

    public Tid(Clock clock, RandomGenerator random) {
        this.clock = clock;
        this.clockId = random.nextInt(1024);
    }

    /** The next identifier: the clock's time, moved on by a microsecond when it did not advance. */
    public synchronized String next() {
        Instant now = clock.instant();
        long micros = Math.multiplyExact(now.getEpochSecond(), 1_000_000L) + now.getNano() / 1_000;
        micros = Math.max(micros, lastMicros + 1) & MAX_MICROS;
        lastMicros = micros;
        return encode((micros << 10) | clockId);
    }

    static String encode(long value) {
        char[] chars = new char[13];
        for (int i = 12; i >= 0; i--) {
            chars[i] = ALPHABET.charAt((int) (value & 31));
            value >>>= 5;
        }
        return new String(chars);
    }

    /** The time a TID was made at (to the microsecond). */
    public static Instant instantOf(String tid) {
        long value = 0;
        for (char c : tid.toCharArray()) {
            value = (value << 5) | ALPHABET.indexOf(c);
        }
        long micros = value >>> 10;
        return Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1_000);
    }
}
